"""The claim legend: what each highlight colour means, with the switch to show or hide them."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from sidelight.gui.claims.palette import CONFLICT_COLOUR, KIND_COLOURS, KIND_LABELS


class ClaimLegend(QToolBar):
    def __init__(self) -> None:
        super().__init__("Claim legend")
        self.setObjectName("claim-legend")
        self.setMovable(False)

    def attach(self, window: QMainWindow, toggle: QAction) -> None:
        toggle.setChecked(True)
        self.addAction(toggle)
        for kind in ("shared", "partial", "unique"):
            chip = QLabel(f"<span style='background:{KIND_COLOURS[kind]}'>&nbsp;&nbsp;&nbsp;</span> {KIND_LABELS[kind]}")
            chip.setContentsMargins(8, 0, 8, 0)
            self.addWidget(chip)
        conflict = QLabel(f"<span style='color:{CONFLICT_COLOUR}'><u>~~~</u></span> conflicting facts")
        conflict.setContentsMargins(8, 0, 8, 0)
        self.addWidget(conflict)
        window.addToolBar(self)
