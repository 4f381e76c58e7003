"""Claim alignment in the window: run it off the GUI thread, paint it, answer hovers and clicks.

The alignment is recomputed (or read from the cache) whenever the set of open documents
changes. The controller only translates: core results into highlight layers, panel rows and the
pairwise view; clicks and corrections into core calls.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from sidelight.core.alignment import Alignment, AlignmentCancelled, Corrections, align, workspace_corrections_path
from sidelight.core.alignment.cache import CACHE_DIR
from sidelight.core.alignment.correction_review import CorrectionStatus, dropped, review, updated
from sidelight.core.alignment.corrections import NO_LONGER_APPLIES, Correction, UnitRef, resolve
from sidelight.core.alignment.model import NOT_CLAIMS
from sidelight.core.alignment.report import counts_line
from sidelight.core.alignment.saved_unlinks import saved_of, unlinks_of
from sidelight.core.commands import CallCommand, Command
from sidelight.core.errors import SidelightError
from sidelight.core.labels import plural, quoted
from sidelight.core.sources import Source
from sidelight.gui.claims import merge_prompt
from sidelight.gui.claims.claims_panel import ClaimsPanel
from sidelight.gui.claims.labels import doc_label, sentence_label
from sidelight.gui.claims.link_banner import QUOTE_WIDTH, LinkBanner
from sidelight.gui.claims.pair_view import PairView, blocking_pair, in_the_way
from sidelight.gui.claims.palette import KIND_LABELS, kind_format, section_format, selected_format, suggested_format
from sidelight.gui.comparison_view import ComparisonView
from sidelight.gui.document_pane import DocumentPane
from sidelight.gui.tasks import Task, TaskRunner

LAYER, SELECTION_LAYER = "claims", "claim-selection"
MAX_TIP = 140


class ClaimsController(QObject):
    aligned = Signal(object)  # Alignment
    message = Signal(str)
    withdrawn = Signal(str)  # a message that no longer holds (if it still shows, it should go)
    failed = Signal(object)  # SidelightError: aligning failed
    not_saved = Signal(object)  # SidelightError: a correction could not be saved
    corrections_saved = Signal()  # alignment/corrections.yaml was written (a change, its undo or redo)

    def __init__(self, view: ComparisonView, runner: TaskRunner, panel: ClaimsPanel, pair_view: PairView,
                 push: Callable[[Command], bool], banner: LinkBanner | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.view, self.runner, self.panel, self.pair_view, self.push = view, runner, panel, pair_view, push
        self.banner = banner or LinkBanner()  # in sight while a link is being made
        self.alignment: Alignment | None = None
        self.corrections = Corrections()  # as saved when the alignment on show was made
        self.workspace_root: Path | None = None
        self.highlights_on = True
        self.strict = False  # link only the surest pairs (Claims → Strict Matching)
        self.use_context = True  # align with the workspace's other sources (Claims → Use Other Sources as Context)
        self.selected: str | None = None
        self._sight_note = ""  # the last "out of sight" message, while it may still show
        self.linking_from: str | None = None
        self.task: Task | None = None
        self._pending: list[Source] = []
        self._context: list[Source] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._start)
        view.panes_changed.connect(self._hook_panes)
        view.panes_changed.connect(self._documents_changed)
        self.banner.cancel_requested.connect(self.cancel_linking)
        panel.group_chosen.connect(self._group_chosen)
        panel.unit_chosen.connect(self.select_unit)
        pair_view.unlink_requested.connect(self.unlink)
        pair_view.link_requested.connect(self.link)
        pair_view.link_instead_requested.connect(self.link_instead)
        pair_view.link_mode_requested.connect(self.start_linking)
        pair_view.alone_requested.connect(self.keep_alone)
        pair_view.together_requested.connect(self.allow_counterparts)
        pair_view.relink_requested.connect(self.undo_unlink)

    # -- running -----------------------------------------------------------------------------
    def request(self, root: Path, sources: list[Source], context: list[Source] | None = None) -> None:
        """Align these sources soon (coalescing quick successive changes), with ``context`` (the
        workspace's other sources; None: the same as last time) aligned alongside when
        :attr:`use_context` is on."""
        if root != self.workspace_root:
            self._context = []
        self.workspace_root = root
        self._pending = list(sources)
        if context is not None:
            self._context = list(context)
        self._timer.start()

    def _start(self) -> None:
        if self.task is not None:
            self.task.cancel()
        sources = self._pending
        if len(sources) < 2 or self.workspace_root is None:
            self._show(None)
            return
        root, strict = self.workspace_root, self.strict
        context = self._context if self.use_context else []

        def work(progress, should_stop) -> tuple[Alignment, Corrections]:
            try:
                corrections, unreadable = Corrections.load(workspace_corrections_path(root)), None
            except SidelightError as exc:  # the claims are still worth seeing; the file is left as it is
                corrections, unreadable = None, exc
            result = align(sources, context=context, corrections=corrections, progress=progress,
                           should_stop=should_stop, cache_dir=root / CACHE_DIR, strict=strict)
            if unreadable is not None:
                result.problems = (f"{unreadable}: aligned without your corrections (fix the file, then F5)",
                                   *result.problems)
            return result, corrections or Corrections()  # read once, here, off the GUI thread

        self.panel.show_note(f"Aligning the claims of {len(sources)} documents…")
        self.task = self.runner.start(f"Aligning claims of {len(sources)} documents", work, self._done, self._failed)

    def _done(self, done: tuple[Alignment, Corrections]) -> None:
        alignment, corrections = done
        self.task = None
        shown = {p.source.id for p in self.view.panes}
        if {d.id for d in alignment.documents} != shown:
            return  # the open documents changed meanwhile; a newer run is coming
        self._show(alignment, corrections)
        summary = f"Claims: {counts_line(alignment)}"
        # one message: the status bar shows only the last, and none of these may hide another
        stale = [note for note in alignment.problems if NO_LONGER_APPLIES in note]
        notes = [note for note in alignment.problems if note not in stale]
        if len(stale) == 1:
            notes.append(f"{stale[0]} (Claims → Saved Corrections… drops it)")
        elif stale:  # one line each would run past the window's edge
            notes.append(f"{len(stale)} saved corrections no longer apply (Claims → Saved Corrections… lists and drops them)")
        empty = [doc_label(alignment, d.id) for d in alignment.documents if not alignment.units_of(d.id)]
        if empty:
            notes.append(f"No text to compare in {', '.join(empty)}: its cleaned text is empty "
                         "(File → Check Workspace says more)")
        self.message.emit(" · ".join(notes) if notes else summary)

    def _failed(self, error: SidelightError) -> None:
        self.task = None
        if not isinstance(error, AlignmentCancelled):
            self.panel.show_note(f"Alignment failed: {escape(str(error))}")
            self.failed.emit(error)

    def _show(self, alignment: Alignment | None, corrections: Corrections | None = None) -> None:
        before = {d.id for d in self.alignment.documents} if self.alignment is not None else set()
        chosen_before, linking_before = self.selected, self.linking_from
        self.selected = self._same_unit(chosen_before, self.alignment, alignment)
        self.linking_from = self._same_unit(linking_before, self.alignment, alignment)
        self.alignment = alignment
        self.corrections = corrections or Corrections()  # the ones this alignment was made with
        if linking_before and self.linking_from is None:
            self._end_linking("Linking cancelled: the claim being linked is no longer in the open documents")
        if chosen_before and self.selected is None:  # its sentence is gone: nothing is chosen, anywhere
            self._clear_choice()
        self.panel.set_alignment(alignment)
        self.repaint()
        if self.selected and alignment is not None:
            # Documents just opened start at their top: scroll them to the chosen claim, but leave
            # the panes already open where the researcher was reading (a correction re-aligns too).
            opened = {d.id for d in alignment.documents} - before
            moved = chosen_before is not None and chosen_before != self.selected  # text above it changed
            self.select_unit(self.selected, reveal=(bool(opened) and bool(before)) or moved)
        self.aligned.emit(alignment)

    def _clear_choice(self) -> None:
        """No claim chosen: Compare Claims, the coverage row's mark and the outlines all say so."""
        self.selected = None
        self.pair_view.clear()
        self.panel.coverage_model.set_current(None)
        for pane in self.view.panes:
            pane.clear_layer(SELECTION_LAYER)

    @staticmethod
    def _same_unit(unit_id: str | None, old: Alignment | None, new: Alignment | None) -> str | None:
        """The id ``unit_id``'s sentence has in ``new``, or None when it is not there (its
        document closed, the sentence gone: nothing is then chosen, rather than a neighbour).

        Ids number the sentences of a document, so after its text was edited on disk the same id
        may be another sentence: the sentence is found as corrections are, by its wording nearest
        its old place, so one with a word or a figure edited stays chosen."""
        if unit_id is None or new is None:
            return None
        try:
            was = old.unit(unit_id) if old is not None else None
        except SidelightError:
            was = None
        if was is None:  # nothing to go by but the id
            return unit_id if unit_id in {u.id for u in new.units} else None
        if was.document not in {d.id for d in new.documents}:
            return None
        found = resolve(UnitRef.of(was), new.units_of(was.document), new.document(was.document).text)
        return found.id if found is not None else None

    def stop(self) -> None:
        """Stop pending and running work (the window is closing)."""
        self._timer.stop()
        if self.task is not None:
            self.task.cancel()

    # -- painting ----------------------------------------------------------------------------
    def set_highlights(self, on: bool) -> None:
        self.highlights_on = on
        self.repaint()

    def repaint(self) -> None:
        for pane in self.view.panes:
            if not self.highlights_on or self.alignment is None or pane.source.id not in self._doc_ids():
                pane.clear_layer(LAYER)
                continue
            spans = []
            previous, alternate = None, False
            for unit in self.alignment.units_of(pane.source.id):
                group = self.alignment.group_of(unit.id)
                if unit.kind in NOT_CLAIMS:  # a section title, photo credit or editor's note states no claim: no claim colour
                    spans.append((unit.start, unit.end, section_format()))
                    previous = None
                    continue
                neighbour = previous is not None and previous[1] == group.kind and unit.start - previous[0] <= 2
                alternate = neighbour and not alternate  # neighbours of one kind take turns in shade
                spans.append((unit.start, unit.end, kind_format(group.kind, bool(group.contradictions), alternate)))
                previous = (unit.end, group.kind)
            pane.set_layer(LAYER, spans)

    def _doc_ids(self) -> set[str]:
        return {d.id for d in self.alignment.documents} if self.alignment else set()

    def _hook_panes(self) -> None:
        for pane in self.view.panes:
            if getattr(pane, "_claims_hooked", False):
                continue
            pane._claims_hooked = True  # type: ignore[attr-defined]
            pane.tooltip_providers.append(partial(self.tooltip, pane.source.id))
            pane.clicked.connect(partial(self._clicked, pane))

    # -- hover and click ---------------------------------------------------------------------
    def tooltip(self, source_id: str, offset: int) -> str | None:
        if self.alignment is None or source_id not in self._doc_ids():
            return None
        unit = self.alignment.unit_at(source_id, offset)
        if unit is None:
            return None
        group = self.alignment.group_of(unit.id)
        if unit.kind == "section":
            return "<b>Section title</b><br><i>announces a topic; not a claim, so not compared</i>"
        if unit.kind == "credit":
            return "<b>Photo credit</b><br><i>not a claim, so not compared</i>"
        if unit.kind == "note":
            return "<b>Editor’s note or disclaimer</b><br><i>about the article, not a claim in it; not compared</i>"
        lines = [f"<b>{escape(KIND_LABELS[group.kind])}</b>"]
        if self.selected is not None and unit in self.alignment.possible_where_missing(self.selected):
            lines.append("<i>(green letters: possibly the claim you chose, not linked; see Compare Claims)</i>")
        for other in self.alignment.counterparts(unit.id):
            text = other.text if len(other.text) <= MAX_TIP else other.text[:MAX_TIP] + "…"
            lines.append(f"<b>{escape(doc_label(self.alignment, other.document))}</b>: {escape(text)}")
        closed = [doc_label(self.alignment, d.id) for d, _u in self.alignment.context_of(group.id)]
        if closed:
            lines.append(f"<i>also in {escape(', '.join(closed))} (not open)</i>")
        if group.contradictions:
            lines.append(f"<i>{plural(len(group.contradictions), 'conflicting fact')}: click to compare</i>")
        possible = self.alignment.possible_counterparts(unit.id)
        if possible:
            lines.append(f"<i>{plural(len(possible), 'possible counterpart')} not linked: click to see</i>")
        return "<br>".join(lines)

    def _clicked(self, pane: DocumentPane, offset: int) -> None:
        if self.alignment is None:
            return
        unit = self.alignment.unit_at(pane.source.id, offset)
        if unit is None:
            return
        if self.linking_from is not None:
            self.finish_linking(unit.id)
            return
        self.select_unit(unit.id, reveal_self=False)  # the clicked pane stays where the reader is

    def select_unit(self, unit_id: str, reveal: bool = True, reveal_self: bool = True) -> None:
        if self.alignment is None:
            return
        self.selected = unit_id
        unit = self.alignment.unit(unit_id)
        involved = [unit, *self.alignment.counterparts(unit_id)]
        suggested = self.alignment.possible_where_missing(unit_id)
        fmt, possible = selected_format(), suggested_format()
        for pane in self.view.panes:
            spans = [(u.start, u.end, fmt) for u in involved if u.document == pane.source.id]
            spans += [(u.start, u.end, possible) for u in suggested if u.document == pane.source.id]
            pane.set_layer(SELECTION_LAYER, spans)
        if reveal:
            sync = self.view.sync_scrolling
            self.view.sync_scrolling = False  # each pane scrolls to its own counterpart
            for other in [*(involved if reveal_self else involved[1:]), *suggested]:
                target = self.view.pane_for(other.document)
                if target is not None:
                    target.reveal(other.start, other.end, select=False)
            self.view.sync_scrolling = sync
            own = self.view.pane_for(unit.document)
            others = [p for p in (self.view.pane_for(u.document) for u in involved[1:]) if p is not None]
            if own is not None:  # with many documents open the row scrolls: bring the counterparts in
                hidden = self.view.bring_into_row(own, others)
                if hidden:  # more documents open than fit: say where the rest of the claim is
                    names = ", ".join(doc_label(self.alignment, p.source.id) for p in hidden)
                    self._sight_note = (f"{plural(len(hidden), 'counterpart')} out of sight, in {names}: "
                                        "scroll the row of documents, or read them in Compare Claims")
                    self.message.emit(self._sight_note)
                elif self._sight_note:  # said of the claim chosen before, not of this one
                    self.withdrawn.emit(self._sight_note)
                    self._sight_note = ""
        self.pair_view.show_unit(self.alignment, unit_id, alone=unit_id in self.alignment.alone,
                                 unlinked=[other for _c, other in unlinks_of(self.corrections, self.alignment, unit_id)])
        self.panel.follow(self.alignment.group_of(unit_id).id)  # Alt+Down goes on from here

    def _group_chosen(self, group_id: str) -> None:
        if self.alignment is not None:
            self.select_unit(self.alignment.group(group_id).units[0])

    # -- corrections -------------------------------------------------------------------------
    def keep_alone(self, unit_id: str) -> None:
        """No other outlet carries this claim: drop its counterparts and never match it again."""
        if self.alignment is None:
            return
        unit = self.alignment.unit(unit_id)
        self.selected = unit_id
        if self._correct("Mark claim as in no other outlet", lambda c: c.alone(unit)):
            self.message.emit(f"Marked as carried by no other outlet: {quoted(unit.text, 50)} (Ctrl+Z undoes it)")

    def allow_counterparts(self, unit_id: str) -> None:
        if self.alignment is None:
            return
        unit = self.alignment.unit(unit_id)
        self.selected = unit_id

        self._correct("Allow counterparts again", lambda c: c.forget_alone(unit))

    def accept_best_suggestion(self) -> None:
        """Link the chosen claim with its strongest possible counterpart that can be linked as
        things stand: reviewing the aligner's near misses from the keyboard."""
        if self.alignment is None or self.selected is None:
            self.message.emit("Choose a claim first (click it, or Alt+Down in the Claims panel).")
            return
        offered = self.alignment.possible_counterparts(self.selected)
        linkable = [(other, m) for other, m in offered if self.alignment.can_link(self.selected, other.id)]
        if not offered:
            self.message.emit("This claim has no suggested counterpart.")
            return
        if not linkable:  # listed under "with possible counterparts to check", so say why none is taken
            self.message.emit(f"{plural(len(offered), 'suggested counterpart')} for this claim, but a link would put "
                              "two sentences of one document in one claim: Compare Claims says what is in the way.")
            return
        other, _match = linkable[0]
        if self.link(self.selected, other.id):
            self.message.emit(f"Linked with {sentence_label(self.alignment, other.id, 50)} (Ctrl+Z undoes it)")

    def start_linking(self, unit_id: str) -> None:
        if self.alignment is None:
            return
        self.linking_from = unit_id
        unit = self.alignment.unit(unit_id)
        self.banner.show_linking(sentence_label(self.alignment, unit.id, QUOTE_WIDTH))
        self.message.emit("Click the claim in another document that says the same thing, or put the cursor in it "
                          "and press Ctrl+Shift+L (Esc cancels).")

    def cancel_linking(self) -> None:
        if self.linking_from is not None:
            self._end_linking("Linking cancelled")

    def _end_linking(self, why: str = "") -> None:
        self.linking_from = None
        self.banner.hide()
        if why:
            self.message.emit(why)

    def _documents_changed(self) -> None:
        """A document opened or closed while linking: the link the researcher began is off, as
        the claim to link it to may be in a document no longer open."""
        shown = {p.source.id for p in self.view.panes}
        if self.linking_from is not None and self.alignment is not None and (
                {d.id for d in self.alignment.documents} != shown):
            self._end_linking("Linking cancelled: the open documents changed")

    def finish_linking(self, unit_id: str) -> None:
        first = self.linking_from
        self._end_linking()
        if self.alignment is None or first is None:
            return
        a, b = self.alignment.unit(first), self.alignment.unit(unit_id)
        if a.document == b.document:
            self.message.emit("Link not made: both claims are in the same document.")
            return
        if not self.alignment.can_link(a.id, b.id):
            # a link would silently push out the counterpart already there: say which, as the
            # possible counterparts in Compare Claims do
            self.message.emit(f"Link not made: {in_the_way(self.alignment, a.id, b.id)}.")
            return
        self.selected = a.id  # once aligned again, Compare Claims shows the pair just linked
        self.link(a.id, b.id)

    def link(self, a_id: str, b_id: str) -> bool:
        """Link two claims, once the researcher agrees when the link would merge other sentences
        into the claim too; returns whether the link was made.

        A merge the researcher agreed to is saved as links from each of the two sentences to the
        other claim's sentences: a link alone binds only its two sentences, and the aligner, grouping
        again, would let the others go, so the claim would not be the one the question named."""
        if self.alignment is None:
            return False
        alignment = self.alignment
        a, b = alignment.unit(a_id), alignment.unit(b_id)
        merging = merge_prompt.merge_question(alignment, a_id, b_id) is not None
        if merging and not self._merge_agreed(a_id, b_id):
            return False
        pairs = [(a, b)]
        if merging:
            pairs += [(a, alignment.unit(x)) for x in alignment.group_of(b_id).units if x != b_id]
            pairs += [(b, alignment.unit(y)) for y in alignment.group_of(a_id).units if y != a_id]
        saved = [c for x, y in pairs for c in self._saved_between(alignment, x.id, y.id)]

        def link(corrections: Corrections) -> None:
            for correction in saved:  # an unlink of one of these pairs saved while it read otherwise
                corrections.discard(correction)
            for x, y in pairs:
                corrections.link(x, y)

        return self._correct("Merge claims" if merging else "Link claims", link)

    def link_instead(self, a_id: str, b_id: str) -> bool:
        """Link two claims that a third sentence stands between (see :func:`blocking_pair`):
        unlink that one and link these two, in one step that one undo takes back.

        Nothing is asked first: which other sentences end up with the claim once that one is
        unlinked is for the aligner to find, so a merge question could not name them truly;
        the action says what it does, the result is shown at once, and Ctrl+Z takes it back."""
        if self.alignment is None:
            return False
        blocking = blocking_pair(self.alignment, a_id, b_id)
        if blocking is None:
            return self.link(a_id, b_id)
        a, b = self.alignment.unit(a_id), self.alignment.unit(b_id)
        x, y = self.alignment.unit(blocking[0]), self.alignment.unit(blocking[1])
        self.selected = a.id  # once aligned again, Compare Claims shows the pair just linked
        if not self._correct("Link claims instead", lambda c: (c.unlink(x, y), c.link(a, b))):
            return False
        self.message.emit(f"Linked with {sentence_label(self.alignment, b.id, 40)}, and "
                          f"{quoted(x.text, 40)} unlinked from it (Ctrl+Z undoes both)")
        return True

    def _merge_agreed(self, a_id: str, b_id: str) -> bool:
        """Whether the link may go ahead: it merges no other sentences, or the researcher agreed."""
        assert self.alignment is not None
        question = merge_prompt.merge_question(self.alignment, a_id, b_id)
        if question is None:
            return True
        parent = self.parent()
        if merge_prompt.ask(parent if isinstance(parent, QWidget) else None, *question):
            return True
        self.message.emit("Link not made: both claims are as they were.")
        return False

    def unlink(self, a_id: str, b_id: str) -> None:
        if self.alignment is None:
            return
        a, b = self.alignment.unit(a_id), self.alignment.unit(b_id)
        # a link saved while the sentence read otherwise (offsets moved, a word edited) is this
        # pair too: it goes, or it would be applied beside the unlink
        saved = self._saved_between(self.alignment, a_id, b_id, "link")

        def unlink(corrections: Corrections) -> None:
            for correction in saved:
                corrections.discard(correction)
            corrections.unlink(a, b)

        self._correct("Unlink claims", unlink)

    def undo_unlink(self, a_id: str, b_id: str) -> None:
        """Take back a saved unlink of these two units, made in this session or an earlier one
        (the aligner may then group them again; Ctrl+Z puts the unlink back)."""
        if self.alignment is None:
            return
        saved = self._saved_between(self.alignment, a_id, b_id)
        if not saved:
            self.message.emit("That unlink is no longer saved: nothing to undo.")
            return
        self.selected = a_id

        def forget(corrections: Corrections) -> None:
            for correction in saved:
                corrections.discard(correction)

        if self._correct("Forget saved unlink", forget):
            self.message.emit(f"Unlink undone: {sentence_label(self.alignment, b_id, 50)} may be matched again "
                              "(Ctrl+Z unlinks it again)")

    def _saved_between(self, alignment: Alignment, a_id: str, b_id: str, action: str = "unlink") -> list[Correction]:
        """The saved corrections of this action between these two units, however the sentences
        read when they were made (found as when aligning)."""
        return [c for c, other in saved_of(self.corrections, alignment, a_id, action) if other.id == b_id]

    def _correct(self, label: str, change: Callable[[Corrections], object]) -> bool:
        """Save a change of the corrections as one undoable step; whether it was saved (a file
        that cannot be read or written is reported, and left as it was)."""
        root = self.workspace_root
        if root is None:
            return False
        path = workspace_corrections_path(root)
        try:
            before = Corrections.load(path)
        except SidelightError as exc:  # never overwrite a file that could not be read
            self.not_saved.emit(SidelightError(exc.path, f"{exc.problem}; correction not saved, the file is unchanged"))
            return False
        after = Corrections(before.items)
        change(after)

        def write(corrections: Corrections) -> None:
            corrections.save(path)
            self.corrections_saved.emit()
            self.request(root, [p.source for p in self.view.panes])

        return self.push(CallCommand(label, lambda: write(after), lambda: write(before)))

    # -- the saved corrections as a list (Claims → Saved Corrections) -------------------------
    def review_saved(self, sources: list[Source], on_done: Callable[[list[CorrectionStatus]], None],
                     on_failed: Callable[[SidelightError], None]) -> None:
        """Whether each saved correction still applies to these sources' texts, found off the
        GUI thread (every source is segmented, open or not)."""
        root = self.workspace_root
        if root is None:
            on_done([])
            return
        texts = {s.id: s.text for s in sources}

        def work(progress, should_stop) -> list[CorrectionStatus]:
            return review(Corrections.load(workspace_corrections_path(root)), texts)

        self.runner.start("Reading the saved corrections", work, on_done, on_failed)

    def drop_corrections(self, chosen: list[Correction]) -> bool:
        label = "Drop saved correction" if len(chosen) == 1 else f"Drop {len(chosen)} saved corrections"

        def drop(corrections: Corrections) -> None:
            corrections.items = dropped(corrections, chosen).items

        if not self._correct(label, drop):
            return False
        self.message.emit(f"{plural(len(chosen), 'saved correction')} dropped: the aligner decides "
                          f"{'that pair' if len(chosen) == 1 else 'those pairs'} again (Ctrl+Z undoes it)")
        return True

    def update_corrections(self, statuses: list[CorrectionStatus]) -> bool:
        followed = sum(s.state == "followed" for s in statuses)

        def update(corrections: Corrections) -> None:
            corrections.items = updated(corrections, statuses).items

        if not self._correct("Update saved corrections to the current wording", update):
            return False
        self.message.emit(f"Updated {plural(followed, 'saved correction')} to quote the sentences as they read now "
                          "(Ctrl+Z undoes it)")
        return True

    def show_correction(self, status: CorrectionStatus) -> None:
        """Choose the correction's claim in the window, by a sentence of it that is open and still
        there, and say which of its sentences is gone."""
        if self.alignment is None:
            return
        open_ids = self._doc_ids()
        shown = None
        for unit in status.current:
            if unit is not None and unit.document in open_ids:
                shown = next((u for u in self.alignment.units_of(unit.document)
                              if (u.start, u.end) == (unit.start, unit.end)), None)
                if shown is not None:
                    self.select_unit(shown.id)
                    break
        gone = [ref for ref in status.missing if ref.source in open_ids]
        if gone:
            self.message.emit(f"{quoted(gone[0].quote, 60)} is no longer in {doc_label(self.alignment, gone[0].source)}"
                              + (": nothing to show" if shown is None else "")
                              + " (drop the correction, or put the sentence back)")
        elif shown is None:
            self.message.emit("None of this correction's sentences is in an open document: open its article first.")
