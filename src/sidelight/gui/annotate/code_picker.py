"""The code picker: keyboard-first choice of codes for a selected span, with note and target.

Type to filter; Up/Down and Space tick codes (Space also ticks the one code a filter leaves, then clears it); the number keys 1–9 tick the recently used codes
shown at the top; Enter accepts. The dialog only collects choices: the caller turns them into a
session command.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sidelight.core.codebook import Codebook

MAX_RECENT = 9


@dataclass
class PickedCodes:
    codes: list[str]
    note: str
    target: str


def swatch(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class CodePicker(QDialog):
    def __init__(self, codebook: Codebook, quote: str, recent: list[str], chosen: Sequence[str] = (),
                 note: str = "", target: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Code this passage")
        self.codebook = codebook
        self.recent = [c for c in recent if codebook.get(c) and not codebook.code(c).retired][:MAX_RECENT]
        quote_label = QLabel(f"“{quote[:300]}{'…' if len(quote) > 300 else ''}”")
        quote_label.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type to filter codes, Enter adds the highlighted one; Space ticks it once it is the only one left; 1–9 tick recent codes")
        self.list = QListWidget()
        self.list.setAccessibleName("Codes")
        self.note = QPlainTextEdit(note)
        self.note.setPlaceholderText("Note (optional)")
        self.note.setFixedHeight(70)
        self.target = QLineEdit(target)
        self.target.setPlaceholderText("Target of the bias or stance (optional), e.g. the United States")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Note", self.note)
        form.addRow("Target", self.target)
        layout = QVBoxLayout(self)
        layout.addWidget(quote_label)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, stretch=1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 620)
        self._fill(set(chosen))
        self.filter.textChanged.connect(self._refilter)
        self.list.itemChanged.connect(self._keep_exclusive)
        self.filter.installEventFilter(self)
        self.filter.setFocus()

    def _fill(self, chosen: set[str]) -> None:
        groups = {g.id: g.name for g in self.codebook.groups}
        ordered = self.recent + [c.id for c in self.codebook.active_codes() if c.id not in self.recent]
        for position, code_id in enumerate(ordered):
            code = self.codebook.code(code_id)
            prefix = f"{position + 1}  " if position < len(self.recent) else "    "
            item = QListWidgetItem(swatch(code.colour), f"{prefix}{code.name}   — {groups.get(code.group, code.group)}")
            item.setData(Qt.ItemDataRole.UserRole, code.id)
            item.setToolTip(code.description)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code.id in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)

    def _keep_exclusive(self, item: QListWidgetItem) -> None:
        """Ticking one polarity (or aim) unticks the other: those groups take one code."""
        if item.checkState() != Qt.CheckState.Checked:
            return
        code = self.codebook.code(item.data(Qt.ItemDataRole.UserRole))
        if not self.codebook.group(code.group).exclusive:
            return
        for row in range(self.list.count()):
            other = self.list.item(row)
            other_code = self.codebook.code(other.data(Qt.ItemDataRole.UserRole))
            if other is not item and other_code.group == code.group and other.checkState() == Qt.CheckState.Checked:
                other.setCheckState(Qt.CheckState.Unchecked)

    def _refilter(self, text: str) -> None:
        words = text.lower().split()
        first_visible = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = not all(w in item.text().lower() for w in words)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        if first_visible is not None:
            self.list.setCurrentItem(first_visible)

    def eventFilter(self, obj, event) -> bool:  # keys typed in the filter field drive the list
        if obj is self.filter and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key == Qt.Key.Key_Space and not self.filter.text().strip():
                self._toggle(self.list.currentItem())
                return True
            if key == Qt.Key.Key_Space and self._visible_count() == 1:
                # the filter has singled out one code: Space ticks it and clears the filter for
                # the next one ("lexical", Space, "positive", Enter gives both); with several
                # codes left, a space starts another filter word
                self._toggle(self.list.currentItem())
                self.filter.clear()
                return True
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not self.filter.text():
                index = key - Qt.Key.Key_1
                if index < len(self.recent):
                    self._toggle(self.list.item(index))
                    return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.list.hasFocus():
            self._toggle(self.list.currentItem())
            return
        super().keyPressEvent(event)

    def _visible_count(self) -> int:
        return sum(1 for r in range(self.list.count()) if not self.list.item(r).isHidden())

    def _move(self, step: int) -> None:
        rows = [r for r in range(self.list.count()) if not self.list.item(r).isHidden()]
        if not rows:
            return
        current = self.list.currentRow()
        after = [r for r in rows if (r > current if step > 0 else r < current)]
        target = (after[0] if step > 0 else after[-1]) if after else current
        self.list.setCurrentRow(target if target in rows else rows[0])

    def _toggle(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def accept(self) -> None:
        # Type, Enter: the code the filter points at is added to those already ticked.
        current = self.list.currentItem()
        if self.filter.text().strip() and current is not None and not current.isHidden():
            current.setCheckState(Qt.CheckState.Checked)
        super().accept()

    def chosen_codes(self) -> list[str]:
        return [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]

    def result_value(self) -> PickedCodes:
        return PickedCodes(self.chosen_codes(), self.note.toPlainText(), self.target.text())
