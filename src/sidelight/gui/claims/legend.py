"""The claim legend: what each highlight colour means, with the switch to show or hide them."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from sidelight.gui.claims.palette import (
    ALTERNATE_ALPHA,
    CONFLICT_COLOUR,
    KIND_ALPHA,
    KIND_COLOURS,
    KIND_LABELS,
    highlight_colour,
    tint_on_white,
)


class ClaimLegend(QToolBar):
    def __init__(self) -> None:
        super().__init__("Claim legend")
        self.setObjectName("claim-legend")
        self.setMovable(False)

    def attach(self, window: QMainWindow, toggle: QAction) -> None:
        toggle.setChecked(True)
        self.addAction(toggle)
        self.chips: list[QLabel] = []
        self._chip_actions: list[QAction] = []  # a toolbar hides a widget through its action
        for _ in range(4):
            chip = QLabel()
            chip.setContentsMargins(8, 0, 8, 0)
            self.chips.append(chip)
            self._chip_actions.append(self.addWidget(chip))
        self._show_as(True)
        toggle.toggled.connect(self._show_as)
        window.addToolBar(self)

    def show_for(self, n_documents: int) -> None:
        """"Shared by some" only where it can occur: with two documents open every claim is
        carried by both or by one, and a colour no sentence can take only asks what it means."""
        self._chip_actions[1].setVisible(n_documents > 2)

    def _show_as(self, on: bool) -> None:
        """With the highlights off the legend is greyed, colours too: they are not on the page."""
        off = "#d0d0d0"
        # the swatch is the tint the text gets, in both its shades: two claims of one kind next
        # to each other take turns, so that each reads as one
        def swatch(kind: str) -> str:
            deeper = tint_on_white(KIND_COLOURS[kind], min(255, round(KIND_ALPHA[kind] * ALTERNATE_ALPHA)))
            return (f"<span style='background:{highlight_colour(kind) if on else off}'>&nbsp;&nbsp;</span>"
                    f"<span style='background:{deeper if on else off}'>&nbsp;&nbsp;</span> {KIND_LABELS[kind]}")

        texts = [swatch(kind) for kind in ("shared", "partial", "unique")]
        texts.append(f"<span style='color:{CONFLICT_COLOUR if on else off}'><u>~~~</u> ⚠ ▲</span> conflicting facts")
        shades = ("Two shades of one colour mean the same: where two such claims follow each other, "
                  "the second is a shade deeper, so you can see where one ends")
        tips = [shades, shades, shades, "Wavy underline in the text, ⚠ in the claims list, ▲ in the coverage matrix"]
        for chip, text, tip in zip(self.chips, texts, tips):
            chip.setText(text)
            chip.setEnabled(on)
            chip.setToolTip(tip if on else "Claim highlights are off (Ctrl+Shift+H)")
