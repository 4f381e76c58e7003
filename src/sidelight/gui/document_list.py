"""The list of the workspace's sources: outlet, title, date, and a tick for "show side by side"."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from sidelight.core.sources import UNKNOWN, Source

COLUMNS = ("Outlet", "Title", "Date")
Index = QModelIndex | QPersistentModelIndex


class DocumentListModel(QAbstractTableModel):
    shown_changed = Signal(list)  # ids of the ticked sources, in list order

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[Source] = []
        self.shown: list[str] = []

    def set_sources(self, sources: list[Source], shown: list[str]) -> None:
        self.beginResetModel()
        self.sources = list(sources)
        known = {s.id for s in sources}
        self.shown = [i for i in shown if i in known]
        self.endResetModel()

    def set_shown(self, ids: list[str]) -> None:
        known = {s.id for s in self.sources}
        self.shown = [i for i in ids if i in known]
        if self.sources:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.sources) - 1, 0))
        self.shown_changed.emit(list(self.shown))

    def toggle(self, row: int) -> None:
        """Show or hide one document; shown documents keep the list's order."""
        source_id = self.sources[row].id
        wanted = set(self.shown) ^ {source_id}
        self.set_shown([s.id for s in self.sources if s.id in wanted])

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.sources)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        source = self.sources[index.row()]
        value = (source.outlet, source.title, source.published)[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "not known" if value == UNKNOWN else value  # as the pane headers say it
        # the outlet column also holds the check box, which a grey pen makes look disabled:
        # an unknown outlet is in italics there, other unknown values grey
        if role == Qt.ItemDataRole.ForegroundRole and value == UNKNOWN and index.column() != 0:
            return QBrush(QColor("#777777"))
        if role == Qt.ItemDataRole.FontRole and value == UNKNOWN:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if source.id in self.shown else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            m = source.meta
            return f"{m.title}\n{m.outlet} · {m.published} · {m.author}\nid: {m.id}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            self.toggle(index.row())
            return True
        return False


class DocumentListView(QTableView):
    def __init__(self, model: DocumentListModel):
        super().__init__()
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.setTabKeyNavigation(False)  # Tab leaves the list; arrows move inside it
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.doubleClicked.connect(lambda index: model.toggle(index.row()))
        self.setAccessibleName("Documents")
