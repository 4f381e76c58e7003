"""One document in the side-by-side view: a header (outlet, title, date) over its text.

Highlights come in named layers (find results, claim kinds, annotations) so that each feature
repaints only its own layer; the pane merges the layers into Qt's extra selections.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QTextEdit, QToolTip, QVBoxLayout

from sidelight.core.sources import Source

Span = tuple[int, int, QTextCharFormat]
CHUNK = 1500  # highlights built per event-loop turn in very long documents
LAYER_ORDER = {"claims": 0, "colleague": 1, "annotations": 2, "claim-selection": 3, "find": 4}


class DocumentPane(QFrame):
    scrolled = Signal(float)  # fraction 0..1 of the way down
    clicked = Signal(int)  # a plain click (no selection made) at this text offset
    selection_made = Signal(int, int)

    def __init__(self, source: Source):
        super().__init__()
        self.source = source
        self.layers: dict[str, list[Span]] = {}
        self._selections: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._following = False
        self._generation: dict[str, int] = {}
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setContentsMargins(6, 4, 6, 4)
        self.header.setText(_header_html(source))
        self.header.setToolTip(f"id: {source.id}\nauthor: {source.meta.author}\nURL: {source.meta.url}")
        self.editor = QPlainTextEdit()
        self.editor.setReadOnly(True)
        self.editor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.editor.setWordWrapMode(QTextOption.WrapMode.WordWrap)  # never inside a word
        self.editor.setMinimumWidth(180)
        self.editor.setPlainText(source.text)
        self.editor.document().setDocumentMargin(10)
        self.editor.setAccessibleName(f"Text of {source.outlet}: {source.title}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.editor)
        self.editor.verticalScrollBar().valueChanged.connect(self._emit_scrolled)
        self.tooltip_providers: list[Callable[[int], str | None]] = []
        self.editor.viewport().installEventFilter(self)
        self.editor.viewport().setMouseTracking(True)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ToolTip and self.tooltip_providers:
            offset = self.offset_at(event.pos())  # type: ignore[attr-defined]
            tips = [tip for provider in self.tooltip_providers if (tip := provider(offset))]
            if tips:
                QToolTip.showText(event.globalPos(), "<hr>".join(tips), self.editor)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        if kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            span = self.selection()
            if span is None:
                self.clicked.emit(self.offset_at(event.pos()))  # type: ignore[attr-defined]
            else:
                self.selection_made.emit(*span)
        return super().eventFilter(obj, event)

    def offset_at(self, point: QPoint) -> int:
        return self.editor.cursorForPosition(point).position()

    # -- text and scrolling ----------------------------------------------------------------
    def text(self) -> str:
        return self.editor.toPlainText()

    def scroll_fraction(self) -> float:
        bar = self.editor.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        """Scroll to *fraction* without echoing it back to the view that asked (the text must
        still move, so the scroll bar's own signals stay connected)."""
        self._following = True
        try:
            bar = self.editor.verticalScrollBar()
            bar.setValue(round(fraction * bar.maximum()))
        finally:
            self._following = False

    def _emit_scrolled(self, _value: int) -> None:
        if not self._following:
            self.scrolled.emit(self.scroll_fraction())

    def reveal(self, start: int, end: int | None = None, select: bool = True) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(start)
        if select and end is not None:
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()

    def selection(self) -> tuple[int, int] | None:
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def clear_selection(self) -> None:
        cursor = self.editor.textCursor()
        cursor.clearSelection()
        self.editor.setTextCursor(cursor)

    def set_found(self, count: int | None) -> None:
        """Say in the header how many find matches this text holds (``None``: no search open)."""
        self.header.setText(_header_html(self.source, count))

    def set_point_size(self, points: float) -> None:
        font = self.editor.font()
        font.setPointSizeF(points)
        self.editor.setFont(font)

    # -- highlight layers ------------------------------------------------------------------
    def set_layer(self, name: str, spans: Sequence[Span]) -> None:
        """Replace one layer. Other layers are reused as they are, and so is every span of this
        layer that is unchanged, so adding one annotation to a thousand costs one new selection."""
        previous: dict[tuple[int, int], list[tuple[QTextCharFormat, QTextEdit.ExtraSelection]]] = {}
        for (start, end, fmt), sel in zip(self.layers.get(name, ()), self._selections.get(name, ())):
            previous.setdefault((start, end), []).append((fmt, sel))
        self.layers[name] = list(spans)
        self._generation[name] = generation = self._generation.get(name, 0) + 1
        selections: list[QTextEdit.ExtraSelection] = []
        if len(spans) <= CHUNK:
            self._build(spans, previous, selections)
            self._selections[name] = selections
            self._apply_layers()
            return

        # Tens of thousands of spans (two long reports): build them a chunk at a time between
        # events, so the window keeps answering, and show the layer once it is complete.
        def step(done: int) -> None:
            if self._generation.get(name) != generation:
                return  # a newer version of this layer was asked for meanwhile
            self._build(spans[done:done + CHUNK], previous, selections)
            if done + CHUNK < len(spans):
                QTimer.singleShot(0, lambda: step(done + CHUNK))
            else:
                self._selections[name] = selections
                self._apply_layers()

        step(0)

    def _build(self, spans: Sequence[Span], previous: dict, selections: list[QTextEdit.ExtraSelection]) -> None:
        doc = self.editor.document()
        for start, end, fmt in spans:
            reused = next((sel for old_fmt, sel in previous.get((start, end), ()) if old_fmt == fmt), None)
            if reused is not None:
                selections.append(reused)
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)

    def clear_layer(self, name: str) -> None:
        self._generation[name] = self._generation.get(name, 0) + 1  # stops a layer still being built
        if self.layers.pop(name, None) is not None:
            self._selections.pop(name, None)
            self._apply_layers()

    def _apply_layers(self) -> None:
        # Later layers win where formats overlap: a find hit shows over a selected claim, which
        # shows over an annotation's colour, which shows over the claim-kind tint.
        order = sorted(self._selections, key=lambda name: LAYER_ORDER.get(name, len(LAYER_ORDER)))
        self.editor.setExtraSelections([sel for name in order for sel in self._selections[name]])


def _header_html(source: Source, found: int | None = None) -> str:
    from html import escape

    from sidelight.core.labels import UNKNOWN

    m = source.meta
    # what the text does not say is said in words, never as "unknown · unknown"
    outlet = escape(m.outlet) if m.outlet and m.outlet != UNKNOWN else "<i>outlet not known</i>"
    date = escape(m.published) if m.published and m.published != UNKNOWN else "<i>date not known</i>"
    badge = ""
    if found is not None:
        from sidelight.core.labels import plural

        shown = (plural(found, "match", "matches") if found else "no match").replace(" ", "&nbsp;")
        badge = f" <span style='background:#ffe066; color:#000000'>&nbsp;{shown}&nbsp;</span>"
    return (
        f"<b>{outlet}</b> &nbsp;·&nbsp; {date}{badge}<br>"
        f"<span style='font-size:larger'>{escape(m.title)}</span>"
    )
