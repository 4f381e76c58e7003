"""The claim legend: what each highlight colour means, with the switch to show or hide them."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from sidelight.gui.claims.palette import CONFLICT_COLOUR, KIND_LABELS, highlight_colour


class ClaimLegend(QToolBar):
    def __init__(self) -> None:
        super().__init__("Claim legend")
        self.setObjectName("claim-legend")
        self.setMovable(False)

    def attach(self, window: QMainWindow, toggle: QAction) -> None:
        toggle.setChecked(True)
        self.addAction(toggle)
        self.chips: list[QLabel] = []
        for _ in range(4):
            chip = QLabel()
            chip.setContentsMargins(8, 0, 8, 0)
            self.chips.append(chip)
            self.addWidget(chip)
        self._show_as(True)
        toggle.toggled.connect(self._show_as)
        window.addToolBar(self)

    def _show_as(self, on: bool) -> None:
        """With the highlights off the legend is greyed, colours too: they are not on the page."""
        off = "#d0d0d0"
        # the swatch is the tint the text gets
        texts = [f"<span style='background:{highlight_colour(kind) if on else off}'>"
                 "&nbsp;&nbsp;&nbsp;</span> "
                 f"{KIND_LABELS[kind]}" for kind in ("shared", "partial", "unique")]
        texts.append(f"<span style='color:{CONFLICT_COLOUR if on else off}'><u>~~~</u> ⚠ ▲</span> conflicting facts")
        tips = ["", "", "", "Wavy underline in the text, ⚠ in the claims list, ▲ in the coverage matrix"]
        for chip, text, tip in zip(self.chips, texts, tips):
            chip.setText(text)
            chip.setEnabled(on)
            chip.setToolTip(tip if on else "Claim highlights are off (Ctrl+Shift+H)")
