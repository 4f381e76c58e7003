"""The reviewer's annotations on the open documents: searchable by code, text or note, with the
orphans (annotations whose passage could not be found after a text edit) listed apart."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sidelight.core.annotations import Link, SpanAnnotation
from sidelight.core.labels import plural
from sidelight.gui.annotate.code_picker import swatch
from sidelight.gui.annotate.controller import AnnotationController

QUOTE = 90
OWNER_ROLE = Qt.ItemDataRole.UserRole + 2


class AnnotationsPanel(QWidget):
    reveal_requested = Signal(str, int, int)  # source id, start, end

    def __init__(self, controller: AnnotationController, shown_ids):
        super().__init__()
        self.controller = controller
        self.shown_ids = shown_ids  # callable: ids of the documents open side by side
        self.header = QLabel()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find annotations by code, quoted text or note")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setAccessibleName("Annotations")
        edit, delete, place = QPushButton("Edit…"), QPushButton("Delete"), QPushButton("Place Here")
        place.setToolTip("Place the chosen orphan on the passage selected in its document")
        buttons = QHBoxLayout()
        for button in (edit, delete, place):
            # Mouse only: Enter typed into the wrong place must never delete (Ctrl+Del and
            # Ctrl+Shift+E do these from the keyboard).
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self.refresh)
        self.list.itemActivated.connect(self._reveal)
        self.list.itemClicked.connect(self._reveal)
        edit.clicked.connect(self._edit)
        delete.clicked.connect(lambda: controller.delete(self.selected_ids()))
        place.clicked.connect(self._place)
        controller.changed.connect(self.refresh)
        controller.span_clicked.connect(self.choose)

    def refresh(self) -> None:
        self.list.clear()
        session = self.controller.session
        if session is None:
            self.header.setText("Not annotating: no reviewer name yet.")
            return
        query = self.search.text().strip()
        shown = list(self.shown_ids())
        spans = []
        for source_id in shown:
            if query:
                # A code is found by the name the researcher sees (or its id).
                codes = [c.id for c in session.codebook.codes if query.lower() in c.name.lower() or query == c.id]
                found = {s.id for code in codes for s in session.find(code=code, source_id=source_id)}
                found |= {s.id for s in session.find(text=query, source_id=source_id)}
                found |= {s.id for s in session.find(note=query, source_id=source_id)}
                spans += [s for s in session.spans(source_id) if s.id in found]
            else:
                spans += session.spans(source_id)
        colleague_spans = []
        for source_id in shown:
            theirs = self.controller.colleague_file(source_id)
            for span in theirs.sorted_spans() if theirs is not None else ():
                if not query or query.lower() in (span.quote + span.note).lower() or any(
                        query.lower() in session.codebook.name_of(c).lower() for c in span.codes):
                    colleague_spans.append(span)
        colleague_count = len(colleague_spans)
        # Mine and the colleague's in reading order, theirs right after mine at the same place:
        # where the two readings differ is seen side by side, not two lists apart.
        order = {source_id: n for n, source_id in enumerate(shown)}
        rows = sorted([(s, None) for s in spans] + [(s, self.controller.colleague) for s in colleague_spans],
                      key=lambda row: (order.get(row[0].source_id, len(order)), row[0].start, row[0].end, row[1] is not None))
        for span, owner in rows:
            self._add(span, orphan=False, owner=owner)
        for source_id in shown:
            for link in session.links(source_id):
                if link.a.source_id == source_id and (not query or query.lower() in link.note.lower()):
                    self._add_link(link)
        orphans = [o for o in session.orphans() if getattr(o, "source_id", None) in shown or isinstance(o, Link)]
        for record in orphans:
            if isinstance(record, SpanAnnotation):
                self._add(record, orphan=True)
        self.header.setText(f"<b>{session.reviewer}</b>: {plural(len(spans), 'annotation')} in the open documents"
                            + (f", <span style='color:#D55E00'>{plural(len(orphans), 'orphan')}</span>" if orphans else "")
                            + (f"; <i>{self.controller.colleague}</i> (read-only): {colleague_count}"
                               if self.controller.colleague else ""))

    def _add(self, span: SpanAnnotation, orphan: bool, owner: str | None = None) -> None:
        codebook = self.controller.session.codebook  # type: ignore[union-attr]
        names = ", ".join(codebook.name_of(c) for c in span.codes) or "(no code)"
        quote = span.quote if len(span.quote) <= QUOTE else span.quote[:QUOTE] + "…"
        prefix = "ORPHAN · " if orphan else (f"{owner} · " if owner else "")
        text = f"{prefix}{names}\n“{quote}”" + (f"\n{span.note}" if span.note else "")
        item = QListWidgetItem(swatch(codebook.colour_of(span.codes[0]) if span.codes else "#999999"), text)
        item.setData(Qt.ItemDataRole.UserRole, span.id)
        item.setData(Qt.ItemDataRole.UserRole + 1, (span.source_id, span.start, span.end, orphan))
        if owner:
            item.setForeground(QColor("#555555"))
            item.setData(OWNER_ROLE, owner)
            item.setToolTip(f"{owner}'s annotation: read-only here")
        if orphan:
            item.setForeground(QColor("#D55E00"))
            item.setToolTip("This passage was not found in the edited text. Select where it is now and press Place Here.")
        self.list.addItem(item)

    def _add_link(self, link: Link) -> None:
        from sidelight.core.annotations import RELATIONS

        text = f"LINK · {RELATIONS[link.relation]}\n“{link.a.selector.exact[:60]}” → “{link.b.selector.exact[:60]}”"
        item = QListWidgetItem(swatch("#000000"), text + (f"\n{link.note}" if link.note else ""))
        item.setData(Qt.ItemDataRole.UserRole, link.id)
        item.setData(Qt.ItemDataRole.UserRole + 1, (link.a.source_id, link.a.selector.start, link.a.selector.end, False))
        self.list.addItem(item)

    def choose(self, record_id: str) -> None:
        """Make *record_id* the chosen row (a click on its span in a document), without jumping."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == record_id:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return

    def selected_ids(self) -> list[str]:
        """Your own chosen annotations (a colleague's are shown, never edited, here)."""
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems() if not item.data(OWNER_ROLE)]

    def _reveal(self, item: QListWidgetItem) -> None:
        source_id, start, end, orphan = item.data(Qt.ItemDataRole.UserRole + 1)
        if not orphan:
            self.reveal_requested.emit(source_id, start, end)

    def _edit(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.controller.edit(ids[0])

    def _place(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.controller.place_orphan(ids[0])
