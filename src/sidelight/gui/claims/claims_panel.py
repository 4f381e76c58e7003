"""The claims panel: every claim group, filtered the way a researcher asks, and the coverage
matrix (claims x outlets) that shows at a glance who carries what."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from functools import partial
from html import escape

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence, QPen
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QListView,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sidelight.core.alignment import Alignment, Group
from sidelight.core.alignment.divergence import FACT_TYPES
from sidelight.core.alignment.report import claim_text
from sidelight.core.labels import UNKNOWN, plural, shorten
from sidelight.gui.claims.labels import doc_label
from sidelight.gui.claims.palette import (
    CONFLICT_COLOUR,
    KIND_COLOURS,
    KIND_LABELS,
    SUMMARY_LABELS,
    highlight_colour,
    tint,
)

Index = QModelIndex | QPersistentModelIndex
SNIPPET = 110
HEADER_LINE = 8  # characters per line of a coverage column's header: five outlets fit side by side
HEADER_LINES = 3
# From this many documents on, the coverage columns are lettered (A, B, …) and named in a key
# above the matrix: five outlet names, a few letters a line, did not fit the panel side by side.
LETTERED_FROM = 4


GroupFilter = Callable[[Alignment], list[Group]]


def filters_for(alignment: Alignment) -> list[tuple[str, GroupFilter]]:
    """The filter menu: a label and the core query behind it."""
    items: list[tuple[str, GroupFilter]] = [
        ("All claims", lambda a: list(a.claims)),
        ("Shared by all documents", lambda a: a.filter_groups(kind="shared")),
        *([("Shared by some", lambda a: a.filter_groups(kind="partial"))] if len(alignment.documents) > 2 else []),
        ("With conflicting facts", lambda a: a.filter_groups(has_conflicts=True)),
        # without differences of attribution and hedging, which are many: other figures, dates, names
        ("With conflicting figures, dates or names", lambda a: a.filter_groups(conflict_types=FACT_TYPES)),
        ("With possible counterparts to check", lambda a: a.filter_groups(has_possible=True)),
    ]
    names = {doc.id: _filter_name(doc.outlet, doc.title or doc.id) for doc in alignment.documents}
    for doc in alignment.documents:
        items.append((f"Only in {names[doc.id]}", partial(_unique_to, doc.id)))
    for doc in alignment.documents:
        # The blindspot: what the others carry and this one leaves out, most widely carried first.
        items.append((f"Left out by {names[doc.id]}", partial(_left_out_by, doc.id)))
    return items


def empty_note(label: str, alignment: Alignment) -> str:
    """Why a filter lists no claim, so an empty list reads as a finding and not as a fault."""
    n = len(alignment.documents)
    notes = [
        ("All claims", "No claims: the documents open have no sentence to align."),
        ("Shared by all", f"No claim is carried by all {n} documents."
         + (" “Shared by some” lists those carried by two or more." if n > 2 else "")),
        ("Shared by some", "No claim is carried by more than one document but not by all."),
        ("With conflicting facts", "No claim carried by two documents states its facts differently in them."),
        ("With conflicting figures", "No claim carried by two documents gives other figures, dates or names in them."),
        ("With possible counterparts", "No claim has a likely counterpart left unlinked."),
        ("Only in", "Every claim of this document is carried by another one too."),
        ("Left out by", "This document carries every claim the others carry."),
    ]
    return next((note for start, note in notes if label.startswith(start)), "No claim matches this filter.")


def _filter_name(outlet: str, title: str) -> str:
    """'Outlet — title', or the title alone when the outlet is not known (never 'unknown — …')."""
    title = shorten(title, 44)
    return f"{outlet} — {title}" if outlet and outlet != UNKNOWN else title


def header_label(label: str) -> str:
    """A column header in a few short lines, broken between words, so the matrix shows several
    outlets at once rather than one column as wide as the panel (the whole name and title are in
    the tooltip)."""
    return "\n".join(textwrap.wrap(label, HEADER_LINE, max_lines=HEADER_LINES, placeholder="…",
                                   break_long_words=False)) or label


def column_labels(alignment: Alignment) -> dict[str, str]:
    """The outlet alone, numbered when it has several articles open ("Global Times 2"), or the
    title when the outlet is not known: short enough for a narrow column, yet never two alike.
    (:func:`doc_label` adds the title instead, which a column a few words wide cuts to nothing.)"""
    outlets = [d.outlet for d in alignment.documents]
    seen: dict[str, int] = {}
    labels = {}
    for doc in alignment.documents:
        if not doc.outlet or doc.outlet == UNKNOWN:
            labels[doc.id] = shorten(doc.title or doc.id, HEADER_LINE * HEADER_LINES - 2)
        elif outlets.count(doc.outlet) > 1:
            seen[doc.outlet] = seen.get(doc.outlet, 0) + 1
            labels[doc.id] = f"{doc.outlet} {seen[doc.outlet]}"
        else:
            labels[doc.id] = doc.outlet
    return labels


def _unique_to(doc_id: str, alignment: Alignment) -> list[Group]:
    return alignment.filter_groups(unique_to=doc_id)


def _left_out_by(doc_id: str, alignment: Alignment) -> list[Group]:
    return list(alignment.blindspot(doc_id).omitted)


def group_label(alignment: Alignment, group: Group) -> str:
    first = alignment.unit(group.units[0]).text
    outlets = ", ".join(doc_label(alignment, d) for d in group.documents)
    snippet = first if len(first) <= SNIPPET else first[:SNIPPET].rsplit(" ", 1)[0] + "…"
    flag = "⚠ " if group.contradictions else ""
    # the claim first, as a reader scans a list; who carries it below (the tint says its kind too)
    return f"{snippet}\n{flag}{KIND_LABELS[group.kind]} · {outlets}"


class SeparatedRows(QStyledItemDelegate):
    """A thin white line under each claim: neighbours of one kind share a tint, and a gap
    between rows (setSpacing) would make Qt wrap the text narrower than it sized the row."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        painter.save()
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()


class GroupListModel(QAbstractListModel):
    """The claim groups a filter keeps, one row each; labels are made only for rows on screen,
    so twenty thousand claims of two long reports list as fast as fifty."""

    def __init__(self) -> None:
        super().__init__()
        self.alignment: Alignment | None = None
        self.rows: list[Group] = []
        self._labels: dict[str, str] = {}

    def set_groups(self, alignment: Alignment | None, groups: list[Group]) -> None:
        self.beginResetModel()
        self.alignment, self.rows, self._labels = alignment, groups, {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.alignment is None:
            return None
        group = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if group.id not in self._labels:
                self._labels[group.id] = group_label(self.alignment, group)
            return self._labels[group.id]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(tint(KIND_COLOURS[group.kind], 45))
        if role == Qt.ItemDataRole.UserRole:
            return group.id
        return None

    def row_of(self, group_id: str) -> int:
        return next((n for n, g in enumerate(self.rows) if g.id == group_id), -1)


CARRIES_MARK = "●"
CONFLICT_MARK = "▲"  # in the conflict colour: this outlet states a fact of the claim differently
ROW_LABEL_WIDTH = 18
ROW_LABEL_WIDTH_LETTERED = 23
CURRENT_MARK = "▶"  # the row of the claim chosen in the text, the list or the matrix


class CoverageModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.alignment: Alignment | None = None
        self.rows: list[Group] = []
        self.labels: dict[str, str] = {}
        self.current: str | None = None  # the chosen claim's group id
        self.lettered = False  # columns named A, B, … (see LETTERED_FROM)

    def set_alignment(self, alignment: Alignment | None, groups: list[Group]) -> None:
        self.beginResetModel()
        self.alignment = alignment
        self.rows = groups
        self.labels = column_labels(alignment) if alignment is not None else {}
        self.lettered = alignment is not None and len(alignment.documents) >= LETTERED_FROM
        self.endResetModel()

    @staticmethod
    def letter(section: int) -> str:
        return chr(ord("A") + section) if section < 26 else str(section + 1)

    def row_of(self, group_id: str | None) -> int:
        return next((n for n, g in enumerate(self.rows) if g.id == group_id), -1)

    def set_current(self, group_id: str | None) -> None:
        """Mark this group's row (its header says ▶ in bold), unmarking the one before."""
        before, self.current = self.row_of(self.current), group_id
        for row in {before, self.row_of(group_id)} - {-1}:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.alignment is None else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.alignment is None else len(self.alignment.documents)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if self.alignment is None:
            return None
        current = orientation == Qt.Orientation.Vertical and self.rows[section].id == self.current
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            doc = self.alignment.documents[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.letter(section) if self.lettered else header_label(self.labels[doc.id])
            return f"{doc_label(self.alignment, doc.id)}\n{doc.title}"
        group = self.rows[section]
        text = self.alignment.unit(group.units[0]).text
        # a row says which claim it is, not only its number (the whole sentence is in the tooltip)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text + ("\n(the claim chosen now)" if current else "")
        width = ROW_LABEL_WIDTH_LETTERED if self.lettered else ROW_LABEL_WIDTH  # letters leave room
        return f"{CURRENT_MARK if current else ''}{section + 1}  {shorten(text, width)}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if self.alignment is None or not index.isValid():
            return None
        group = self.rows[index.row()]
        doc = self.alignment.documents[index.column()]
        unit_id = next((u for u in group.units if self.alignment.unit(u).document == doc.id), None)
        if role == Qt.ItemDataRole.DisplayRole:
            return (CONFLICT_MARK if group.contradictions else CARRIES_MARK) if unit_id else ""
        if role == Qt.ItemDataRole.BackgroundRole and unit_id:
            return QBrush(tint(KIND_COLOURS[group.kind], 120))
        if role == Qt.ItemDataRole.ForegroundRole and group.contradictions:
            return QBrush(QColor(CONFLICT_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            facts = (f"\n{plural(len(group.contradictions), 'conflicting fact')}: click to compare"
                     if group.contradictions else "")
            return (self.alignment.unit(unit_id).text + facts if unit_id
                    else f"{doc_label(self.alignment, doc.id)} leaves this claim out: click to see who carries it")
        if role == Qt.ItemDataRole.UserRole:
            return unit_id
        return None


class ClaimsPanel(QWidget):
    group_chosen = Signal(str)  # group id
    unit_chosen = Signal(str)  # unit id
    copied = Signal(str)  # what was put on the clipboard, said for the status bar

    def __init__(self) -> None:
        super().__init__()
        self.alignment: Alignment | None = None
        self.summary = QLabel("No alignment yet: open two or more documents.")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # its text is escaped where it quotes a message
        self.filter = QComboBox()
        self.filter.setAccessibleName("Claim filter")
        self.list_model = GroupListModel()
        self.list = QListView()
        self.list.setModel(self.list_model)
        self.list.setWordWrap(True)
        self.list.setItemDelegate(SeparatedRows(self.list))
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(200)
        self.coverage_model = CoverageModel()
        self.coverage = QTableView()
        self.coverage.setModel(self.coverage_model)
        # Whole outlet names in the headers, a few letters a line, in columns no wider than the
        # name; the table scrolls sideways when the panel is narrow.
        self.coverage.horizontalHeader().setMinimumSectionSize(24)
        self.coverage.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.coverage.verticalHeader().setDefaultSectionSize(18)
        self.coverage.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.coverage.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        coverage_page = QWidget()
        coverage_layout = QVBoxLayout(coverage_page)
        coverage_layout.setContentsMargins(0, 0, 0, 0)
        key = QLabel(f"{CARRIES_MARK} carries the claim · <span style='color:{CONFLICT_COLOUR}'>{CONFLICT_MARK}</span> "
                     "carries it, with conflicting facts · empty: leaves it out")
        key.setWordWrap(True)
        coverage_layout.addWidget(key)
        # which article a numbered column is ("Global Times 2"), as the rest of the window names it
        self.numbered = QLabel()
        self.numbered.setWordWrap(True)
        self.numbered.setObjectName("coverage-numbered")
        coverage_layout.addWidget(self.numbered)
        coverage_layout.addWidget(self.coverage)
        self.coverage_empty = QLabel()  # the empty list's note, in place of a matrix with no rows
        self.coverage_empty.setWordWrap(True)
        self.coverage_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.coverage_empty.setMargin(8)
        self.coverage_empty.hide()
        coverage_layout.addWidget(self.coverage_empty, 1)
        self.empty = QLabel()  # in place of the list when a filter finds nothing, saying why
        self.empty.setObjectName("claims-empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setMargin(8)
        self.list_page = QStackedWidget()
        self.list_page.addWidget(self.list)
        self.list_page.addWidget(self.empty)
        tabs = QTabWidget()
        tabs.addTab(self.list_page, "Claims")
        tabs.addTab(coverage_page, "Coverage")
        self.tabs = tabs
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.filter)
        layout.addWidget(tabs)
        self.filter.currentIndexChanged.connect(self._refilter)
        self.list.selectionModel().currentChanged.connect(self._row_chosen)
        self.coverage.clicked.connect(self._cell_chosen)
        self.coverage.activated.connect(self._cell_chosen)  # Enter on a cell, for the keyboard
        self.coverage.verticalHeader().sectionClicked.connect(self._row_label_chosen)  # the claim's name
        self._filters: list[tuple[str, GroupFilter]] = []
        self._following = False  # the list follows a claim chosen elsewhere: do not echo it back
        for view, row_group in ((self.list, self.current_group_id), (self.coverage, self._coverage_group_id)):
            copy = QAction("&Copy Claim with Its Counterparts", view)
            copy.setShortcut(QKeySequence.StandardKey.Copy)
            copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # Ctrl+C in a text pane copies text
            copy.triggered.connect(lambda _checked=False, find=row_group: self.copy_claim(find()))
            view.addAction(copy)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def area_in_front(self) -> QWidget:
        """What F6 reads: the list of claims (or the note saying why it is empty), or the matrix."""
        if self.tabs.currentWidget() is self.list_page:
            return self.list_page.currentWidget() or self.list
        return self.tabs.currentWidget() or self.list

    def show_note(self, text: str) -> None:
        """A line in place of the counts while aligning (or when it failed). The summary keeps
        the height the counts took, so the list below does not jump up and back down."""
        self.summary.setMinimumHeight(self.summary.height() if self.summary.isVisible() else 0)
        self.summary.setText(text)

    def set_alignment(self, alignment: Alignment | None) -> None:
        self.alignment = alignment
        self.summary.setMinimumHeight(0)
        label = self.filter.currentText()
        self.filter.blockSignals(True)
        self.filter.clear()
        self._filters = filters_for(alignment) if alignment else []
        self.filter.addItems([f[0] for f in self._filters])
        wanted = self.filter.findText(label)
        self.filter.setCurrentIndex(max(wanted, 0))
        self.filter.blockSignals(False)
        if alignment is None:
            self.summary.setText("No alignment yet: open two or more documents.")
        else:
            counts = alignment.counts()
            conflicts = sum(1 for g in alignment.claims if g.contradictions)
            self.summary.setText(
                f"<b>{len(alignment.claims)}</b> claims in {len(alignment.documents)} documents: "
                + ", ".join(f"<span style='background:{highlight_colour(k)}'>&nbsp;{counts[k]} {escape(SUMMARY_LABELS[k])}&nbsp;</span>"
                            # with two documents open a claim is carried by both or by one
                            for k in ("shared", "partial", "unique") if k != "partial" or len(alignment.documents) > 2)
                # the counts end in a tinted space: a dot reads as the separator, not " ;"
                + f" · {conflicts} with conflicting facts"
                # remembered between runs, so say it: fewer links than usual are no surprise
                + ("; <b>strict matching</b> (only the surest links)" if "strict" in alignment.method.split(", ") else "")
                + (f"; aligned with {plural(len(alignment.context_documents), 'other source')} of the workspace"
                   " as context" if alignment.context_documents else "")
                + ("; the workspace's other sources not used as context (too many to align quickly)"
                   if "not used as context" in alignment.method else ""))
        self._refilter()

    def visible_groups(self) -> list[Group]:
        if self.alignment is None or not self._filters:
            return []
        return self._filters[max(self.filter.currentIndex(), 0)][1](self.alignment)

    def _refilter(self) -> None:
        groups = self.visible_groups()
        self.list_model.set_groups(self.alignment, groups)
        self.coverage_model.set_alignment(self.alignment, groups)
        self._name_numbered_columns()
        if self.coverage_model.current is not None:  # the claim on show stays chosen if it is among
            self.follow(self.coverage_model.current)  # them, so Alt+Down goes on from it, ...
        self.list.scrollToTop()  # ... but a new filter starts at its first claim (the most widely carried)
        self.coverage.scrollToTop()
        self.tabs.setTabText(0, f"Claims ({len(groups)})" if self.alignment is not None else "Claims")
        nothing = self.alignment is not None and not groups
        if self.alignment is not None and not groups:
            self.empty.setText(empty_note(self.filter.currentText(), self.alignment))
            self.coverage_empty.setText(self.empty.text())
        self.list_page.setCurrentWidget(self.empty if nothing else self.list)
        self.coverage.setVisible(not nothing)
        self.coverage_empty.setVisible(nothing)

    def _name_numbered_columns(self) -> None:
        labels, alignment = self.coverage_model.labels, self.alignment
        if alignment is not None and self.coverage_model.lettered:  # every column, by its letter
            named = [f"<b>{self.coverage_model.letter(n)}</b>&nbsp; "
                     + (f"{escape(labels[d.id])}: " if d.outlet and d.outlet != UNKNOWN else "")
                     + escape(shorten(d.title or d.id, 40)) for n, d in enumerate(alignment.documents)]
            self.numbered.setText("<small>" + "<br>".join(named) + "</small>")
            self.numbered.setVisible(True)
            return
        numbered = [] if alignment is None else [
            f"{escape(labels[d.id])}: {escape(shorten(d.title or d.id, 48))}" for d in alignment.documents
            if d.outlet and labels[d.id] != d.outlet and labels[d.id].startswith(d.outlet)]
        self.numbered.setText("<small>" + "<br>".join(numbered) + "</small>" if numbered else "")
        self.numbered.setVisible(bool(numbered))

    # -- rows, for the window and tests -------------------------------------------------------
    def count(self) -> int:
        return self.list_model.rowCount()

    def current_row(self) -> int:
        return self.list.currentIndex().row()

    def set_current_row(self, row: int) -> None:
        self.list.setCurrentIndex(self.list_model.index(row))

    def copy_claim(self, group_id: str | None) -> None:
        """The claim, each outlet's sentence with its article and the conflicting facts, as
        text on the clipboard (see :func:`claim_text`)."""
        if group_id is not None and self.alignment is not None:
            QApplication.clipboard().setText(claim_text(self.alignment, group_id))
            n = len(self.alignment.group(group_id).units)
            self.copied.emit(f"Copied the claim: {plural(n, 'sentence')}, each with its article"
                             + (", and the facts they state differently" if self.alignment.group(group_id).conflicts else ""))

    def _coverage_group_id(self) -> str | None:
        row = self.coverage.currentIndex().row()
        return self.coverage_model.rows[row].id if 0 <= row < len(self.coverage_model.rows) else None

    def current_group_id(self) -> str | None:
        index = self.list.currentIndex()
        return self.list_model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def follow(self, group_id: str) -> None:
        """Mark *group_id* as the current row (a claim clicked in the text), without echoing."""
        row = self.list_model.row_of(group_id)
        if row >= 0:
            # not by blocking the selection model's signals: the list would never repaint the
            # row chosen before, and two rows would look chosen
            self._following = True
            try:
                self.list.selectionModel().setCurrentIndex(
                    self.list_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
            finally:
                self._following = False
            self.list.scrollTo(self.list_model.index(row))
        else:  # not in this filter: no row may look chosen, or it reads as the claim on show
            self._following = True
            try:
                self.list.selectionModel().clear()
            finally:
                self._following = False
        self.coverage_model.set_current(group_id)
        cover_row = self.coverage_model.row_of(group_id)
        if cover_row >= 0:  # the matrix marks the same claim: its row selected and in sight
            self.coverage.selectRow(cover_row)
            self.coverage.scrollTo(self.coverage_model.index(cover_row, 0))
        else:
            self.coverage.clearSelection()

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._following:
            self.group_chosen.emit(self.list_model.data(current, Qt.ItemDataRole.UserRole))

    def _row_label_chosen(self, row: int) -> None:
        if 0 <= row < len(self.coverage_model.rows):
            self.group_chosen.emit(self.coverage_model.rows[row].id)

    def _cell_chosen(self, index: QModelIndex) -> None:
        unit_id = self.coverage_model.data(index, Qt.ItemDataRole.UserRole)
        if unit_id:
            self.unit_chosen.emit(unit_id)
        elif index.isValid() and index.row() < len(self.coverage_model.rows):  # a gap: show who does carry it
            self.group_chosen.emit(self.coverage_model.rows[index.row()].id)
