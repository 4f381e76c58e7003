"""Runs reviewer comparisons for the Review panel, off the GUI thread.

Comparing reads every reviewer's files from disk, so the researcher's own unsaved changes are
saved first: the figures are always those of the files a colleague would read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from sidelight.core.errors import SidelightError
from sidelight.core.labels import short_labels
from sidelight.core.workspace import Workspace
from sidelight.gui.annotate.controller import AnnotationController
from sidelight.gui.review.review_panel import ReviewPanel
from sidelight.gui.tasks import TaskRunner
from sidelight.io.annotation_store import reviewers_in


class ReviewController(QObject):
    message = Signal(str)

    def __init__(self, panel: ReviewPanel, runner: TaskRunner, annotations: AnnotationController,
                 reveal: Callable[[str, int, int], None], parent: QObject | None = None):
        super().__init__(parent)
        self.panel = panel
        self.runner = runner
        self.annotations = annotations
        self.workspace: Workspace | None = None
        self.busy = False
        panel.compare_requested.connect(self.compare)
        panel.reveal_requested.connect(reveal)
        annotations.stack_changed.connect(panel.mark_stale)

    def open(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.panel.result = None
        self.refresh_reviewers()

    def refresh_reviewers(self) -> None:
        if self.workspace is None:
            return
        names = reviewers_in(self.workspace.root)
        session = self.annotations.session
        me = session.reviewer if session is not None else None
        if session is not None and me not in names and any(not f.is_empty() for f in session.annotations.files.values()):
            names = sorted([*names, session.reviewer])  # saved before comparing
        ticked = self.panel.ticked() or [n for n in names if n != me] or names
        if len(ticked) < 2:
            ticked = names
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
        result, material, labels, notes = found
        self.panel.show_result(result, labels, material.codebook)
        if notes:
            self.message.emit(" ".join(notes))

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
    notes += [f"{n} of {r}'s annotations no longer match their text and were left out." for r, n in material.orphans.items() if n]
    return result, material, short_labels(workspace.sources), notes
