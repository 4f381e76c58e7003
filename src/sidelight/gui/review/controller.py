"""Runs reviewer comparisons for the Review panel, off the GUI thread.

Comparing reads every reviewer's files from disk, so the researcher's own unsaved changes are
saved first: the figures are always those of the files a colleague would read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from sidelight.core.annotation_session import AnnotationSession
from sidelight.core.commands import CallCommand, Command
from sidelight.core.errors import SidelightError
from sidelight.core.labels import short_labels
from sidelight.core.review import ReviewMaterial
from sidelight.core.review.adjudication import (
    CONSENSUS,
    NEITHER,
    Decisions,
    adopt_agreed,
    open_consensus,
    settle,
    unsettle,
)
from sidelight.core.workspace import Workspace
from sidelight.gui.annotate.controller import AnnotationController
from sidelight.gui.review import export as review_export
from sidelight.gui.review.review_panel import ReviewPanel
from sidelight.gui.tasks import TaskRunner
from sidelight.io.annotation_store import reviewers_in


class ReviewController(QObject):
    message = Signal(str)
    failed = Signal(object)  # a SidelightError to show

    def __init__(self, panel: ReviewPanel, runner: TaskRunner, annotations: AnnotationController,
                 reveal: Callable[[str, int, int], None], push: Callable[[Command], bool],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.panel = panel
        self.runner = runner
        self.annotations = annotations
        self.push = push
        self.workspace: Workspace | None = None
        self.busy = False
        self.material: ReviewMaterial | None = None
        self.consensus: AnnotationSession | None = None
        panel.compare_requested.connect(self.compare)
        panel.reveal_requested.connect(reveal)
        panel.settle_requested.connect(self.settle)
        panel.adopt_agreed_requested.connect(self.adopt_agreed)
        panel.export_requested.connect(lambda: self.export())
        annotations.stack_changed.connect(self._own_changed)

    def _own_changed(self) -> None:
        """The researcher's own annotations changed: the figures are stale if they are among them."""
        session, result = self.annotations.session, self.panel.result
        if session is not None and result is not None and session.reviewer in result.reviewers:
            self.panel.mark_stale()

    def open(self, workspace: Workspace) -> None:
        self.close()
        self.workspace = workspace
        self.panel.result = None
        self.material = None
        self.refresh_reviewers()

    def close(self) -> None:
        if self.consensus is not None:
            self.consensus.close()
            self.consensus = None

    def refresh_reviewers(self) -> None:
        if self.workspace is None:
            return
        names = reviewers_in(self.workspace.root)
        session = self.annotations.session
        readers = [n for n in names if n != CONSENSUS]
        me = session.reviewer if session is not None else None
        if session is not None and me not in names and any(not f.is_empty() for f in session.annotations.files.values()):
            names = sorted([*names, session.reviewer])  # saved before comparing
        ticked = self.panel.ticked() or [n for n in readers if n != me]
        if len(ticked) < 2:
            ticked = readers
        self.panel.set_reviewers(names, ticked)

    def compare(self, names: list[str]) -> None:
        if self.workspace is None or self.busy:
            return
        self.annotations.save()
        root = self.workspace.root
        self.busy = True
        self.panel.compare_button.setEnabled(False)
        self.panel.show_message(f"Comparing {', '.join(names)}…")
        self.runner.start(f"Comparing {', '.join(names)}", lambda progress, should_stop: _compare(root, names, progress),
                          self._done, self._failed)

    def compare_if_shown(self, shown: bool) -> None:
        """The first look at the panel shows figures, not an empty table."""
        if shown and self.panel.result is None and not self.busy and len(self.panel.ticked()) >= 2:
            self.compare(self.panel.ticked())

    def _done(self, found) -> None:
        self.busy = False
        self.panel.compare_button.setEnabled(True)
        result, material, labels, decisions, notes = found
        self.material = material
        self.panel.show_result(result, labels, material.codebook, decisions)
        if notes:
            self.message.emit(" ".join(notes))

    def export(self, path: Path | None = None) -> None:
        """Save the figures on show; asks where when no path is given."""
        result = self.panel.result
        if result is None:
            return
        if path is None:
            path = review_export.ask_path(self.panel, self.workspace.root if self.workspace else None)
            if path is None:
                return
        try:
            self.message.emit(review_export.export(result, self.panel.labels, path))
        except SidelightError as exc:
            self.failed.emit(exc)

    # -- adjudication ----------------------------------------------------------------------------
    def _consensus(self) -> AnnotationSession | None:
        if self.consensus is None and self.workspace is not None:
            try:
                self.consensus = open_consensus(self.workspace.root)
            except SidelightError as exc:
                self.message.emit(f"The consensus set cannot be opened: {exc}")
        return self.consensus

    def _by(self) -> str:
        session = self.annotations.session
        return session.reviewer if session is not None else ""

    def settle(self, row: int, chosen: str) -> None:
        result = self.panel.result
        consensus = self._consensus()
        if result is None or self.material is None or consensus is None:
            return
        sentence = result.disagreements[row]
        files = self.material.files
        before = self.decisions
        label = "Settle with neither reading" if chosen == NEITHER else f"Settle with {chosen}’s reading"

        def do() -> None:
            self._set_decisions(settle(consensus, sentence, chosen, files, self._by(), self.decisions)[0])

        def undo() -> None:
            decision = self.decisions.of(sentence)
            decisions = unsettle(consensus, decision, self.decisions) if decision is not None else self.decisions
            previous = before.of(sentence)
            if previous is not None:  # it had been settled otherwise: settle it that way again
                decisions = settle(consensus, sentence, previous.chosen, files, previous.by, decisions)[0]
            self._set_decisions(decisions)

        if self.push(CallCommand(label, do, undo)):
            self.message.emit(f"{label}: saved in the consensus set (annotations/{CONSENSUS}/); Ctrl+Z undoes it.")
            self.panel.choose_next_unsettled(row)

    def adopt_agreed(self) -> None:
        result = self.panel.result
        consensus = self._consensus()
        if result is None or self.material is None or consensus is None:
            return
        files = self.material.files
        added: list = []

        def do() -> None:
            decisions, count = adopt_agreed(consensus, result.agreed, files, self._by(), self.decisions)
            added[:] = [d for d in decisions.items if self.decisions.find(d.source, d.quote) is None]
            self._set_decisions(decisions)

        def undo() -> None:
            decisions = self.decisions
            for decision in added:
                decisions = unsettle(consensus, decision, decisions)
            self._set_decisions(decisions)

        if self.push(CallCommand("Adopt the sentences coded alike", do, undo)):
            self.message.emit(f"{len(added)} sentences coded alike adopted into the consensus set; Ctrl+Z undoes it.")

    @property
    def decisions(self) -> Decisions:
        """The decisions on show: the panel's, the one copy."""
        return self.panel.decisions

    def _set_decisions(self, decisions: Decisions) -> None:
        self.panel.decision_changed(decisions)

    def _failed(self, error: SidelightError) -> None:
        self.busy = False
        self.panel.compare_button.setEnabled(True)
        self.panel.show_message(f"Could not compare: {error}")


def _compare(root: Path, names: list[str], progress):
    from sidelight.core.review import compare_reviewers, load_review_material

    workspace = Workspace.open(root)
    material = load_review_material(workspace, names)
    result = compare_reviewers(material.texts, material.files, material.codebook, names, progress=progress)
    notes = [f"{problem} (left out of the comparison)." for problem in material.problems]
    try:
        decisions = Decisions.load(root)
    except SidelightError as exc:
        decisions = Decisions()
        notes.append(f"{exc} Earlier decisions are not shown; fix the file and Compare again.")
    notes += [f"{n} of {r}'s annotations no longer match their text and were left out." for r, n in material.orphans.items() if n]
    return result, material, short_labels(workspace.sources), decisions, notes
