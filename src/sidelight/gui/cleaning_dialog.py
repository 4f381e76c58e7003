"""What import removed from and repaired in each source, for audit; any source can be chosen."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from sidelight.core.labels import shorten
from sidelight.core.sources import Source


class CleaningDialog(QDialog):
    def __init__(self, sources: list[Source], current: Source | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("What cleaning removed")
        self.sources = sources
        self.chooser = QComboBox()
        for source in sources:
            self.chooser.addItem(f"{source.outlet} — {shorten(source.title, 60)}", source.id)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(900, 600)
        self.chooser.currentIndexChanged.connect(self._show)
        if current is not None:
            self.chooser.setCurrentIndex(max(self.chooser.findData(current.id), 0))
        self._show()

    def _show(self) -> None:
        source_id = self.chooser.currentData()
        source = next((s for s in self.sources if s.id == source_id), None)
        self.text.setPlainText(source.cleaning_report() if source else "")
