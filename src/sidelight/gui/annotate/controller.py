"""Annotations in the window: the reviewer's session, its highlights, autosave and conflicts.

The controller owns no annotation data: the Qt-free :class:`AnnotationSession` does. Here user
gestures (select text, pick codes) become session calls, and session events become repaints,
panel refreshes and, after a short quiet period, a save.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from sidelight.core import events
from sidelight.core.annotation_session import CODEBOOK, AnnotationSession
from sidelight.core.annotations import RELATIONS, SpanAnnotation
from sidelight.core.errors import SidelightError
from sidelight.core.labels import plural, short_labels
from sidelight.core.settings import load_settings
from sidelight.core.workspace import Workspace
from sidelight.gui.annotate.code_picker import CodePicker
from sidelight.gui.comparison_view import ComparisonView
from sidelight.gui.document_pane import DocumentPane

LAYER = "annotations"
COLLEAGUE_LAYER = "colleague"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection without the spaces a mouse drag picks up at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
MAX_RECENT = 9


def span_format(colour: str) -> QTextCharFormat:
    """Translucent code colour plus an underline: overlapping spans darken and stay separable."""
    fmt = QTextCharFormat()
    background = QColor(colour)
    background.setAlpha(120)  # stronger than the claim tints beneath
    fmt.setBackground(background)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor(colour))
    return fmt


def colleague_format(colour: str) -> QTextCharFormat:
    """A colleague's span: a dotted underline in the code colour (darkened, so pale codes still
    show on the claim tints; a wavy line marks conflicting facts) and an overline, beside (not
    over) your own."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(QColor(colour).darker(160))
    fmt.setFontOverline(True)
    return fmt


def link_format() -> QTextCharFormat:
    """A linked passage: a dashed underline only, so the code colours beneath stay readable."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    fmt.setUnderlineColor(QColor("#000000"))
    return fmt


class AnnotationController(QObject):
    changed = Signal()  # annotations or codebook changed: panels refresh
    span_clicked = Signal(str)  # annotation id under a plain click
    stack_changed = Signal()
    message = Signal(str)
    notice = Signal(str)  # a message about opening the workspace, which the next routine one must not hide
    problems = Signal(list)  # list[str]
    link_started = Signal(str, str)  # source id, the passage a link (Ctrl+L) starts from
    link_ended = Signal()  # made or cancelled

    def __init__(self, view: ComparisonView, parent_widget: QWidget, ask_reviewer: Callable[[], str | None]):
        super().__init__(parent_widget)
        self.view = view
        self.parent_widget = parent_widget
        self.ask_reviewer = ask_reviewer
        self.session: AnnotationSession | None = None
        self.recent: list[str] = []
        self.highlights_on = True
        self.link_start: tuple[str, int, int] | None = None
        self._resolving = False  # a "changed on disk" question is open
        self._check_again = False  # a disk check came meanwhile
        self.last_selection_pane: DocumentPane | None = None
        self.colleague: str | None = None  # whose annotations are shown beside your own, read-only
        self._unsubscribe: Callable[[], None] | None = None
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(load_settings().autosave_delay_ms)
        self.autosave.timeout.connect(self.save)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _p: self.check_disk())
        self.watcher.fileChanged.connect(lambda _p: self.check_disk())
        view.panes_changed.connect(self._hook_panes)

    # -- session -----------------------------------------------------------------------------
    def open(self, workspace: Workspace) -> None:
        """Open the reviewer's session; on first start the window shows before the name is asked."""
        self.close()
        reviewer = load_settings().reviewer
        if reviewer is None:
            QTimer.singleShot(0, lambda: self._open_as(workspace, self.ask_reviewer()))
            return
        self._open_as(workspace, reviewer)

    def _open_as(self, workspace: Workspace, reviewer: str | None) -> None:
        if reviewer is None:
            self.message.emit("No reviewer name: annotating is off until you choose one (Annotate → Reviewer Name…).")
            self.changed.emit()
            return
        try:
            self.session = AnnotationSession.open(workspace, reviewer)
        except SidelightError as exc:
            self.problems.emit([str(exc)])
            return
        self._unsubscribe = self.session.subscribe(self._on_event)
        self._watch()  # (problems found while loading are reported by the workspace check)
        notes = []
        if self.session.codebook_written:
            notes.append(f"This workspace had no codebook: the default one is now in {self.session.codebook_path.name}, "
                         "to edit with Annotate → Codebook… or by hand.")
        orphans = self.session.orphans()
        if orphans:
            notes.append(f"{plural(len(orphans), 'annotation')} could not be placed on the edited texts: "
                         "see Orphans in the Annotations panel.")
        if notes:
            self.notice.emit(" ".join(notes))
        self.repaint()
        self.changed.emit()
        self.stack_changed.emit()

    def close(self) -> None:
        self.autosave.stop()
        self.colleague = None
        if self.session is not None:
            self._report(self.session.flush())
            if self._unsubscribe:
                self._unsubscribe()
        self.session = None
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)

    def _watch(self) -> None:
        assert self.session is not None
        folder = self.session.root / "annotations" / self.session.reviewer
        for path in (folder, self.session.codebook_path):
            if path.exists():
                self.watcher.addPath(str(path))

    def _on_event(self, event: events.Event) -> None:
        if event.kind in (events.ANNOTATIONS_CHANGED, events.CODEBOOK_CHANGED, events.RELOADED):
            if event.kind != events.RELOADED:
                self.autosave.start()
            self.repaint()
            self.changed.emit()
        elif event.kind == events.STACK_CHANGED:
            self.stack_changed.emit()
        elif event.kind == events.REANCHORED:
            self.message.emit(f"{event.source_id}: text changed since annotating; {event.message}")
        elif event.kind == events.SAVED:
            self.message.emit(f"Saved {plural(len(event.message.splitlines()), 'file')}")

    # -- saving and changes on disk ----------------------------------------------------------
    def save(self) -> None:
        if self.session is not None:
            self._report(self.session.flush())

    def _report(self, report) -> None:
        for error in report.errors:
            self.problems.emit([str(error)])
        for conflict in report.conflicts:
            self.resolve(conflict.source_id)

    def check_disk(self) -> None:
        if self.session is None:
            return
        if self._resolving:  # a conflict question is open: one at a time, look again after it
            self._check_again = True
            return
        for key in self.session.check_disk():
            problem = self.session.blocked(key)
            if key in self.session.conflicts:
                self.resolve(key)
            elif problem is not None:
                self.problems.emit([f"{problem} (it changed on disk; edits to it wait until it is fixed)"])
            else:
                self.message.emit(f"Reloaded {self._file_name(key)}: it changed on disk")
        self._watch()

    def _file_name(self, key: str) -> str:
        """What a changed file holds, as the researcher knows it: the codebook, or their annotations
        of a document named by outlet (and title where the outlet is not enough)."""
        if self.session is None or key == CODEBOOK:
            return "the codebook" if key == CODEBOOK else key
        labels = short_labels(self.session.workspace.sources)
        return f"your annotations of {labels[key]}" if key in labels else key

    def resolve(self, key: str) -> None:
        """A file changed on disk under unsaved changes: the researcher decides, nothing is lost.
        One question at a time: a second check while it is open (the file watcher, the window
        regaining focus) waits for the answer instead of asking again."""
        assert self.session is not None
        if self._resolving:
            self._check_again = True
            return
        self._resolving = True
        try:
            self._ask_and_resolve(key)
        finally:
            self._resolving = False
        if self._check_again:
            self._check_again = False
            self.check_disk()

    def _ask_and_resolve(self, key: str) -> None:
        assert self.session is not None
        if key not in self.session.conflicts:
            return
        conflict = self.session.conflicts[key]
        box = QMessageBox(QMessageBox.Icon.Question, "File changed on disk",
                          f"{conflict.path} changed on disk while you had unsaved changes to it.",
                          parent=self.parent_widget)
        mergeable = key != CODEBOOK
        box.setInformativeText(
            ("Merge keeps the changes on disk and yours, annotation by annotation (where both changed the "
             "same one, yours); " if mergeable else "")
            + "Keep Mine writes your version over it; Take Theirs reloads it and drops "
            "your unsaved changes to this file. Other files are not affected.")
        box.setObjectName("conflict-message")
        merge = box.addButton("Merge", QMessageBox.ButtonRole.AcceptRole) if mergeable else None
        mine = box.addButton("Keep Mine", QMessageBox.ButtonRole.ActionRole if mergeable else QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Take Theirs", QMessageBox.ButtonRole.DestructiveRole)
        if merge is not None:
            box.setDefaultButton(merge)
        box.exec()
        if merge is not None and box.clickedButton() is merge:
            report, result = self.session.merge_conflict(key)
            if result is not None:
                both = f"; {result.both_changed} changed on both sides kept as yours" if result.both_changed else ""
                self.message.emit(f"Merged {self._file_name(key)}: {plural(result.taken, 'change')} taken from disk{both}")
            self._report(report)
            return
        self._report(self.session.resolve_conflict(key, keep_mine=box.clickedButton() is mine))

    # -- painting and hover ------------------------------------------------------------------
    def set_highlights(self, on: bool) -> None:
        self.highlights_on = on
        self.repaint()

    def repaint(self) -> None:
        for pane in self.view.panes:
            if self.session is None or not self.highlights_on:
                pane.clear_layer(LAYER)
                continue
            codebook = self.session.codebook
            spans = []
            for span in self.session.spans(pane.source.id):
                colour = codebook.colour_of(span.codes[0]) if span.codes else "#999999"
                spans.append((span.start, span.end, span_format(colour)))
            for link in self.session.links(pane.source.id):
                end = link.a if link.a.source_id == pane.source.id else link.b
                spans.append((end.selector.start, end.selector.end, link_format()))
            pane.set_layer(LAYER, spans)
            self._paint_colleague(pane)

    def _paint_colleague(self, pane: DocumentPane) -> None:
        afile = self.colleague_file(pane.source.id)
        if afile is None or not self.highlights_on:
            pane.clear_layer(COLLEAGUE_LAYER)
            return
        codebook = self.session.codebook  # type: ignore[union-attr]
        pane.set_layer(COLLEAGUE_LAYER, [
            (span.start, span.end, colleague_format(codebook.colour_of(span.codes[0]) if span.codes else "#999999"))
            for span in afile.sorted_spans()
        ])

    def colleagues(self) -> list[str]:
        return [r for r in self.session.reviewers() if r != self.session.reviewer] if self.session else []

    def show_colleague(self, reviewer: str | None) -> None:
        """Show *reviewer*'s annotations beside your own (None hides them); re-read from disk."""
        self.colleague = reviewer
        if self.session is not None and reviewer is not None:
            self.session.reload_others()
        self.repaint()
        self.changed.emit()

    def colleague_file(self, source_id: str):
        if self.session is None or self.colleague is None:
            return None
        return self.session.file_of(self.colleague, source_id)

    def _hook_panes(self) -> None:
        for pane in self.view.panes:
            if not getattr(pane, "_annotations_hooked", False):
                pane._annotations_hooked = True  # type: ignore[attr-defined]
                pane.tooltip_providers.append(partial(self.tooltip, pane.source.id))
                pane.editor.selectionChanged.connect(partial(self._selected_in, pane))
                pane.editor.cursorPositionChanged.connect(partial(self._cursor_in, pane))
                pane.clicked.connect(partial(self._clicked, pane))
        self.repaint()

    def _clicked(self, pane: DocumentPane, offset: int) -> None:
        if self.session is not None:
            spans = self.session.spans_at(pane.source.id, offset)
            if spans:
                self.span_clicked.emit(spans[0].id)  # the shortest: the most specific

    def span_at_cursor(self) -> SpanAnnotation | None:
        """The annotation under the text cursor of the pane used last (for keyboard editing)."""
        if self.session is None:
            return None
        panes = sorted(self.view.panes, key=lambda p: (p is not self.last_selection_pane, not p.editor.hasFocus()))
        for pane in panes:
            spans = self.session.spans_at(pane.source.id, pane.editor.textCursor().position())
            if spans:
                return spans[0]
        return None

    def _cursor_in(self, pane: DocumentPane) -> None:
        self.last_selection_pane = pane

    def _selected_in(self, pane: DocumentPane) -> None:
        if pane.selection() is not None:
            self.last_selection_pane = pane

    def tooltip(self, source_id: str, offset: int) -> str | None:
        if self.session is None:
            return None
        lines = [self.describe(span) for span in self.session.spans_at(source_id, offset)]
        theirs = self.colleague_file(source_id)
        if theirs is not None:
            lines += [f"<i>{escape(self.colleague or '')}</i>: {self.describe(span)}" for span in theirs.sorted_spans()
                      if span.start <= offset < span.end]
        return "<br>".join(lines) or None

    def describe(self, span: SpanAnnotation) -> str:
        assert self.session is not None
        codebook = self.session.codebook
        codes = ", ".join(f"<span style='color:{codebook.colour_of(c)}'>■</span> {escape(codebook.name_of(c))}"
                          for c in span.codes) or "<i>no code</i>"
        parts = [f"<b>{codes}</b>"]
        if span.target:
            parts.append(f"target: {escape(span.target)}")
        if span.note:
            parts.append(f"note: {escape(span.note)}")
        return " · ".join(parts)

    # -- annotating --------------------------------------------------------------------------
    def focused_selection(self) -> tuple[DocumentPane, int, int] | None:
        """The selection the researcher made last (panes keep old selections when focus moves)."""
        last = self.last_selection_pane
        panes = sorted(self.view.panes, key=lambda p: (p is not last, not p.editor.hasFocus()))
        for pane in panes:
            span = pane.selection()
            if span is not None:
                start, end = _trimmed(pane.text(), *span)
                if start < end:
                    return pane, start, end
        return None

    def annotate_selection(self) -> None:
        session = self._ready()
        if session is None:
            return
        found = self.focused_selection()
        if found is None:
            self.message.emit("Select some text in a document first, then annotate it (Ctrl+E).")
            return
        pane, start, end = found
        picker = CodePicker(session.codebook, pane.text()[start:end], self.recent, parent=self.parent_widget)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        picked = picker.result_value()
        if self._call(lambda: session.add_span(pane.source.id, start, end, picked.codes, picked.note,
                                                    picked.target)) is not None:
            pane.clear_selection()  # show the code's colour, not the selection's
        self._remember(picked.codes)

    def edit(self, annotation_id: str) -> None:
        session = self._ready()
        if session is None:
            return
        span = session.get(annotation_id)
        if not isinstance(span, SpanAnnotation):
            return
        picker = CodePicker(session.codebook, span.quote, self.recent, list(span.codes), span.note, span.target,
                            parent=self.parent_widget)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        picked = picker.result_value()
        self._call(lambda: session.edit_span(annotation_id, codes=picked.codes, note=picked.note,
                                                  target=picked.target))
        self._remember(picked.codes)

    def delete(self, record_ids: list[str]) -> None:
        session = self._ready()
        if session is not None and record_ids:
            self._call(lambda: session.delete(record_ids))
            self.message.emit(f"Deleted {plural(len(record_ids), 'annotation')}: Ctrl+Z brings them back")

    def place_orphan(self, annotation_id: str) -> None:
        session, found = self._ready(), self.focused_selection()
        if session is None:
            return
        if found is None:
            self.message.emit("Select where the orphaned passage is now, then choose Place Here.")
            return
        pane, start, end = found
        record = session.get(annotation_id)
        if getattr(record, "source_id", None) != pane.source.id:
            self.message.emit("Select the passage in the document the annotation belongs to.")
            return
        self._call(lambda: session.move_span(annotation_id, start, end))

    def link_selection(self) -> None:
        """First call remembers the selected span; the second, in another document, makes the link."""
        session = self._ready()
        if session is None:
            return
        found = self.focused_selection()
        if found is None:
            self.message.emit("Select a passage first: the link starts (or ends) there.")
            return
        pane, start, end = found
        if self.link_start is None or self.link_start[0] == pane.source.id:
            self.link_start = (pane.source.id, start, end)
            self.message.emit("Link started: select the related passage in another document and press Ctrl+L again.")
            self.link_started.emit(pane.source.id, pane.source.text[start:end])
            return
        a_source, a_start, a_end = self.link_start
        labels = list(RELATIONS.values())
        relation, ok = QInputDialog.getItem(self.parent_widget, "Link passages",
                                            "How does the second passage relate to the first?", labels, 0, False)
        if not ok:
            return
        note, _ok = QInputDialog.getText(self.parent_widget, "Link passages", "Note (optional):")
        key = next(k for k, v in RELATIONS.items() if v == relation)
        self.cancel_link()
        self._call(lambda: session.add_link(a_source, a_start, a_end, pane.source.id, start, end, key, note))

    def cancel_link(self) -> None:
        """Forget the passage a link started from (Esc, the banner's Cancel, or the link made)."""
        if self.link_start is not None:
            self.link_start = None
            self.link_ended.emit()

    def _remember(self, codes: list[str]) -> None:
        self.recent = list(dict.fromkeys([*codes, *self.recent]))[:MAX_RECENT]

    def _ready(self) -> AnnotationSession | None:
        """The session, or None after telling the researcher why annotating is not possible."""
        if self.session is None:
            self.message.emit("Annotating needs a workspace and a reviewer name.")
        return self.session

    def _call(self, action: Callable[[], object]) -> object | None:
        try:
            return action()
        except SidelightError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, "Change not made", str(exc), parent=self.parent_widget)
            box.setObjectName("error-message")
            box.open()
            return None
