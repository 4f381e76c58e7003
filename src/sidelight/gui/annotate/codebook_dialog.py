"""Editing the codebook: add, rename, recolour, describe, merge and retire codes, switch groups
on and off, and define perspective axes. Every edit is an undoable session command."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sidelight.gui.annotate.code_picker import swatch
from sidelight.gui.annotate.controller import AnnotationController

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1


class CodebookDialog(QDialog):
    def __init__(self, controller: AnnotationController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Codebook")
        self.controller = controller
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Code", "Description"])
        self.tree.setColumnWidth(0, 320)
        self.tree.itemChanged.connect(self._group_toggled)
        hint = QLabel("Codes keep their ids when renamed, so existing annotations follow. Retired codes stay "
                      "readable in old annotations but are no longer offered. Untick a group to stop offering it.")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in (("Add Code…", self.add_code), ("Rename…", self.rename), ("Colour…", self.recolour),
                           ("Describe…", self.describe), ("Merge Into…", self.merge), ("Retire / Restore", self.retire),
                           ("Axes…", self.edit_axes)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(900, 640)
        controller.changed.connect(self.refresh)
        self.refresh()

    @property
    def session(self):
        return self.controller.session

    def refresh(self) -> None:
        if self.session is None:
            return
        selected = self.current_code()
        self.tree.blockSignals(True)
        self.tree.clear()
        codebook = self.session.codebook
        for group in codebook.groups:
            top = QTreeWidgetItem([group.name, group.description])
            top.setData(0, GROUP_ROLE, group.id)
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            top.setCheckState(0, Qt.CheckState.Checked if group.enabled else Qt.CheckState.Unchecked)
            self.tree.addTopLevelItem(top)
            for code in codebook.codes_in(group.id, include_retired=True):
                label = code.name + ("  (retired)" if code.retired else "")
                if code.merged_into:
                    label += f" → {codebook.name_of(code.merged_into)}"
                item = QTreeWidgetItem([label, code.description])
                item.setIcon(0, swatch(code.colour))
                item.setData(0, Qt.ItemDataRole.UserRole, code.id)
                top.addChild(item)
                if code.id == selected:
                    self.tree.setCurrentItem(item)
            top.setExpanded(group.enabled)
        self.tree.blockSignals(False)

    def current_code(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def current_group(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        parent = item.parent()
        return item.data(0, GROUP_ROLE) or (parent.data(0, GROUP_ROLE) if parent is not None else None)

    def _group_toggled(self, item: QTreeWidgetItem, column: int) -> None:
        group_id = item.data(0, GROUP_ROLE)
        if group_id and self.session is not None:
            enabled = item.checkState(0) == Qt.CheckState.Checked
            self.controller._call(lambda: self.session.set_group_enabled(group_id, enabled))

    def add_code(self) -> None:
        group_id = self.current_group()
        if group_id is None:
            return
        name, ok = QInputDialog.getText(self, "Add code", f"New code in '{self.session.codebook.group(group_id).name}':")
        if ok and name.strip():
            self.controller._call(lambda: self.session.add_code(name, group_id))

    def rename(self) -> None:
        code_id = self.current_code()
        if code_id:
            name, ok = QInputDialog.getText(self, "Rename code", "New name:", text=self.session.codebook.code(code_id).name)
            if ok and name.strip():
                self.controller._call(lambda: self.session.rename_code(code_id, name))

    def recolour(self) -> None:
        code_id = self.current_code()
        if code_id:
            colour = QColorDialog.getColor(QColor(self.session.codebook.code(code_id).colour), self, "Code colour")
            if colour.isValid():
                self.controller._call(lambda: self.session.recolour_code(code_id, colour.name().upper()))

    def describe(self) -> None:
        code_id = self.current_code()
        if code_id:
            text, ok = QInputDialog.getMultiLineText(self, "Describe code", "When to use this code:",
                                                     self.session.codebook.code(code_id).description)
            if ok:
                self.controller._call(lambda: self.session.describe_code(code_id, text))

    def merge(self) -> None:
        code_id = self.current_code()
        if not code_id:
            return
        others = [c for c in self.session.codebook.active_codes() if c.id != code_id]
        names = [c.name for c in others]
        name, ok = QInputDialog.getItem(self, "Merge code", "Merge into:", names, 0, False)
        if ok:
            into = others[names.index(name)].id
            self.controller._call(lambda: self.session.merge_codes(code_id, into))

    def retire(self) -> None:
        code_id = self.current_code()
        if code_id:
            retired = not self.session.codebook.code(code_id).retired
            self.controller._call(lambda: self.session.retire_code(code_id, retired))

    def edit_axes(self) -> None:
        axes = self.session.codebook.axes
        names = [f"{a.name}: {a.low} ↔ {a.high}" for a in axes] + ["New axis…"]
        choice, ok = QInputDialog.getItem(self, "Perspective axes", "Axis:", names, 0, False)
        if not ok:
            return
        axis = axes[names.index(choice)] if choice in names[:-1] else None
        name, ok = QInputDialog.getText(self, "Axis", "Name:", text=axis.name if axis else "")
        if not ok or not name.strip():
            return
        low, ok = QInputDialog.getText(self, "Axis", "Low pole (-2):", text=axis.low if axis else "")
        if not ok:
            return
        high, ok = QInputDialog.getText(self, "Axis", "High pole (+2):", text=axis.high if axis else "")
        if ok:
            self.controller._call(lambda: self.session.put_axis(name, low, high, axis.description if axis else "",
                                                                axis.id if axis else None))
