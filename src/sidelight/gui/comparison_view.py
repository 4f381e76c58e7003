"""Two or more documents side by side in resizable panes, scrolled together if wished.

Each pane keeps a readable width (about 22 characters at the current size, a newspaper
column); when more documents are open than the window can show at that width, the row of panes
scrolls sideways instead of squeezing every text into a column a few words wide.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QStackedWidget

from sidelight.core.sources import Source
from sidelight.gui.document_pane import DocumentPane

DEFAULT_POINT_SIZE = 11.0
MIN_POINT_SIZE, MAX_POINT_SIZE = 6.0, 40.0
READABLE_CHARACTERS = 22  # the narrowest a pane gets before the row scrolls sideways (a newspaper column)


class ComparisonView(QStackedWidget):
    panes_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(8)
        self.empty = QLabel("Tick two or more documents in the list to read them side by side.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.row = QScrollArea()
        self.row.setWidget(self.splitter)
        self.row.setWidgetResizable(True)
        self.row.setFrameShape(QFrame.Shape.NoFrame)
        self.row.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addWidget(self.empty)
        self.addWidget(self.row)
        self.panes: list[DocumentPane] = []
        self.sync_scrolling = True
        self.point_size = DEFAULT_POINT_SIZE

    def show_sources(self, sources: list[Source]) -> None:
        """Show exactly these sources, in this order, keeping panes that are already open (unless
        their text or metadata has changed since: a workspace reopened after an edit on disk)."""
        existing = {pane.source.id: pane for pane in self.panes}
        for source in sources:
            pane = existing.get(source.id)
            if pane is not None and (pane.source.text != source.text or pane.source.meta != source.meta):
                existing.pop(source.id)
                pane.setParent(None)
                pane.deleteLater()
        wanted = [existing.pop(s.id) if s.id in existing else self._new_pane(s) for s in sources]
        for pane in existing.values():
            pane.setParent(None)
            pane.deleteLater()
        for index, pane in enumerate(wanted):
            self.splitter.insertWidget(index, pane)
        self.panes = wanted
        if self.panes:
            self.splitter.setSizes([1000] * len(self.panes))
        self._keep_readable()
        self.setCurrentWidget(self.row if self.panes else self.empty)
        self.panes_changed.emit()

    def _keep_readable(self) -> None:
        for pane in self.panes:  # the text's own font, at the current zoom, plus its scroll bar
            pane.setMinimumWidth(pane.editor.fontMetrics().averageCharWidth() * READABLE_CHARACTERS + 40)

    def _new_pane(self, source: Source) -> DocumentPane:
        pane = DocumentPane(source)
        pane.set_point_size(self.point_size)
        pane.scrolled.connect(lambda fraction, p=pane: self._follow(p, fraction))
        return pane

    def bring_into_row(self, pane: DocumentPane, others: list[DocumentPane]) -> list[DocumentPane]:
        """Scroll the row of panes so that *pane* and the nearest of *others* (its counterparts) are
        both in sight, when they fit side by side; otherwise so that *pane* is. Returns those of
        *others* still out of sight, less than half of them in the row's view (more documents open
        than fit), so the window can say so."""
        bar, width = self.row.horizontalScrollBar(), self.row.viewport().width()

        def seen(p: DocumentPane) -> bool:
            return bar.value() <= p.x() and p.x() + p.width() <= bar.value() + width

        if not (seen(pane) and (not others or any(seen(p) for p in others))):
            left, right = pane.x(), pane.x() + pane.width()
            if others:
                near = min(others, key=lambda p: abs(p.x() - pane.x()))
                if max(right, near.x() + near.width()) - min(left, near.x()) <= width:
                    left, right = min(left, near.x()), max(right, near.x() + near.width())
            if left < bar.value():
                bar.setValue(left)
            elif right > bar.value() + width:
                bar.setValue(right - width)
        def mostly_seen(p: DocumentPane) -> bool:  # cut at an edge but readable: not "out of sight"
            overlap = min(p.x() + p.width(), bar.value() + width) - max(p.x(), bar.value())
            return overlap >= p.width() / 2

        return [p for p in others if not mostly_seen(p)]

    def pane_for(self, source_id: str) -> DocumentPane | None:
        return next((p for p in self.panes if p.source.id == source_id), None)

    def _follow(self, leader: DocumentPane, fraction: float) -> None:
        if not self.sync_scrolling:
            return
        for pane in self.panes:
            if pane is not leader:
                pane.set_scroll_fraction(fraction)

    def set_sync_scrolling(self, on: bool) -> None:
        self.sync_scrolling = on

    def zoom(self, steps: int) -> None:
        if steps == 0:
            self.set_point_size(DEFAULT_POINT_SIZE)
        else:
            self.set_point_size(self.point_size + steps)

    def set_point_size(self, points: float) -> None:
        self.point_size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, points))
        for pane in self.panes:
            pane.set_point_size(self.point_size)
        self._keep_readable()
