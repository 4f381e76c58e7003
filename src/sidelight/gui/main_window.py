"""The main window: documents on the left, the chosen ones side by side, find bar on top.

It holds no domain logic: it asks the :class:`~sidelight.core.workspace.Workspace` for data,
shows it, and sends long work (imports) to the task runner so painting never stops.
"""

from __future__ import annotations

import shlex
import time
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sidelight import __version__
from sidelight.core.commands import Command, CommandStack
from sidelight.core.errors import SidelightError
from sidelight.core.importers import supported_suffixes
from sidelight.core.labels import plural, short_labels
from sidelight.core.settings import Settings, load_settings, save_settings
from sidelight.core.workspace import ImportReport, Workspace, is_workspace
from sidelight.gui.actions import build_actions
from sidelight.gui.annotate.annotations_panel import AnnotationsPanel
from sidelight.gui.annotate.codebook_dialog import CodebookDialog
from sidelight.gui.annotate.controller import AnnotationController
from sidelight.gui.annotate.document_panel import DocumentPanel
from sidelight.gui.annotate.reviewer_prompt import ask_reviewer
from sidelight.gui.claims import export as claim_export
from sidelight.gui.claims.claims_panel import ClaimsPanel
from sidelight.gui.claims.controller import ClaimsController
from sidelight.gui.claims.corrections_dialog import SavedCorrectionsDialog
from sidelight.gui.claims.legend import ClaimLegend
from sidelight.gui.claims.link_banner import LinkBanner
from sidelight.gui.claims.pair_view import PairView
from sidelight.gui.cleaning_dialog import CleaningDialog
from sidelight.gui.comparison_view import ComparisonView
from sidelight.gui.document_list import DocumentListModel, DocumentListView
from sidelight.gui.find_bar import FindBar
from sidelight.gui.layout_memory import LayoutMemory
from sidelight.gui.review.controller import ReviewController
from sidelight.gui.review.review_panel import ReviewPanel
from sidelight.gui.status_progress import StatusProgress
from sidelight.gui.tasks import TaskRunner
from sidelight.gui.welcome import WelcomeWidget

NOTICE_SECONDS = 20  # how long a note on opening stays in the status bar
MIN_SIDE_PANEL = 200  # px: a side panel still shows a few words a line
MIN_BOTTOM_PANEL = 110  # px: Compare Claims still shows its title and a few lines


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace | None = None):
        super().__init__()
        self.workspace: Workspace | None = None
        self.saved_corrections: SavedCorrectionsDialog | None = None  # Claims → Saved Corrections, once opened
        self.memory = LayoutMemory()
        self._hidden_for_welcome: list[QWidget] = []  # panels put away while the welcome screen shows
        self.runner = TaskRunner(self)
        self.setAcceptDrops(True)
        self.resize(1400, 860)
        self.setObjectName("main-window")

        self.doc_model = DocumentListModel()
        self.doc_list = DocumentListView(self.doc_model)
        self.docs_dock = QDockWidget("Documents", self)
        self.docs_dock.setObjectName("documents-dock")
        self.docs_dock.setWidget(self.doc_list)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.docs_dock)

        self.view = ComparisonView()
        self.find_bar = FindBar(self.view)
        self.find_bar.hide()
        reading = QWidget()
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(0)
        self.link_banner = LinkBanner()
        reading_layout.addWidget(self.link_banner)
        reading_layout.addWidget(self.find_bar)
        reading_layout.addWidget(self.view)
        self.welcome = WelcomeWidget(self.memory.recent())
        self.welcome.open_requested.connect(self.open_workspace_dialog)
        self.welcome.new_requested.connect(self.new_workspace_dialog)
        self.welcome.recent_requested.connect(self.open_workspace)
        self.central = QStackedWidget()
        self.central.addWidget(self.welcome)
        self.central.addWidget(reading)
        self.reading = reading
        self.setCentralWidget(self.central)

        self.progress = StatusProgress(self.runner)
        self.statusBar().addPermanentWidget(self.progress)

        self.stack = CommandStack()
        self._last_area: QWidget | None = None  # where F6 last went
        self._live_notice: tuple[str, float] = ("", 0.0)  # see _notice
        self.claims_panel = ClaimsPanel()
        self.claims_dock = self._dock("Claims", "claims-dock", self.claims_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.pair_view = PairView()
        self.pair_dock = self._dock("Compare Claims", "pair-dock", self.pair_view, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.claims = ClaimsController(self.view, self.runner, self.claims_panel, self.pair_view, self.push_command,
                                       self.link_banner, parent=self)
        self.claims.message.connect(self._claims_message)
        self.claims.withdrawn.connect(self._withdraw_message)
        self.claims_panel.copied.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.claims.failed.connect(lambda error: self.show_error("Alignment failed", error))
        self.claims.not_saved.connect(lambda error: self.show_error("Correction not saved", error))
        self.legend = ClaimLegend()

        self.annotations = AnnotationController(self.view, self, ask_reviewer=lambda: ask_reviewer(self))
        self.annotations.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.annotations.notice.connect(self._notice)
        self.annotations.link_started.connect(self._show_passage_link)
        self.annotations.link_ended.connect(self.link_banner.hide)
        self.link_banner.cancel_requested.connect(self.annotations.cancel_link)
        self.annotations.problems.connect(lambda problems: self.show_problems(problems, "Some annotation files have problems"))
        self.annotations.stack_changed.connect(self._refresh_undo)
        self.annotations_panel = AnnotationsPanel(self.annotations, lambda: [p.source.id for p in self.view.panes])
        self.annotations_panel.reveal_requested.connect(self._reveal)
        self.annotations_dock = self._dock("Annotations", "annotations-dock", self.annotations_panel,
                                           Qt.DockWidgetArea.RightDockWidgetArea)
        self.document_panel = DocumentPanel(self.annotations, lambda: [p.source for p in self.view.panes])
        self.document_dock = self._dock("Document", "document-dock", self.document_panel,
                                        Qt.DockWidgetArea.RightDockWidgetArea)
        self.review_panel = ReviewPanel()
        self.review_dock = self._dock("Review", "review-dock", self.review_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.review = ReviewController(self.review_panel, self.runner, self.annotations, self.reveal_in_documents,
                                       self.push_command, parent=self)
        self.review.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.review.failed.connect(lambda error: self.show_error("Report not saved", error))
        self.review_dock.visibilityChanged.connect(self.review.compare_if_shown)
        self.tabifyDockWidget(self.claims_dock, self.annotations_dock)
        self.tabifyDockWidget(self.annotations_dock, self.document_dock)
        self.tabifyDockWidget(self.document_dock, self.review_dock)
        self.claims_dock.raise_()
        self.view.panes_changed.connect(self.annotations_panel.refresh)
        self.view.panes_changed.connect(self.document_panel.refresh)

        self.actions_by_id = build_actions(self)
        self.legend.attach(self, self.actions_by_id["claims"])
        self.claims.aligned.connect(lambda a: self.legend.show_for(len(a.documents) if a is not None else 0))
        self.actions_by_id["annotation_highlights"].setChecked(True)
        self._restore_strict_matching()
        self._add_panel_toggles()
        self._export_in_file_menu()
        self._keep_panels_readable()
        self.doc_model.shown_changed.connect(self._show_ids)
        self._refresh_undo()

        self.memory.restore_window(self)
        if workspace is not None:
            self.set_workspace(workspace)
        else:
            self._show_welcome()

    # -- workspace -------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace) -> None:
        if self.workspace is not None:
            self.memory.save_workspace(self)
            self.pair_view.clear()  # nothing of the previous workspace stays on screen
        if self.saved_corrections is not None:  # it lists the other workspace's corrections
            self.saved_corrections.close()
        self.workspace = workspace
        self.setWindowTitle(f"{workspace.root.name} — Sidelight")
        shown = self.memory.shown(workspace.root) or [s.id for s in workspace.sources[:2]]
        self.doc_model.set_sources(workspace.sources, shown)
        self._show_ids(self.doc_model.shown)
        self.memory.restore_splitter(self, workspace.root)
        self.annotations.open(workspace)
        self.review.open(workspace)
        self.central.setCurrentWidget(self.reading)
        self._leave_welcome()
        self.docs_dock.show()
        self.memory.remember(workspace.root)
        for action_id in ("import", "cleaning", "find"):
            self.actions_by_id[action_id].setEnabled(True)
        self.statusBar().showMessage(f"{plural(len(workspace.sources), 'document')} in {workspace.root}", 8000)
        self.check_workspace(quiet=True)  # what 'sidelight check' would say, shown without blocking

    def open_workspace(self, path: str | Path) -> bool:
        if not self.settle_unapplied():
            return False
        try:
            workspace = Workspace.open(path)
        except SidelightError as exc:
            self.show_open_error(path, exc)
            return False
        self.set_workspace(workspace)
        return True

    def show_open_error(self, path: str | Path, error: SidelightError) -> None:
        """Opening failed. A folder that is simply not a workspace yet (articles saved in a folder
        of their own, say) gets the ways to make it one, one of them a button."""
        folder = Path(path).expanduser().resolve()
        if not folder.is_dir() or is_workspace(folder):
            self.show_error("Cannot open workspace", error)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Not a workspace",
                          f"The folder “{folder.name}” is not a Sidelight workspace: it has no sources/ folder.",
                          QMessageBox.StandardButton.Close, self)
        box.setObjectName("error-message")
        box.setInformativeText(
            f"{folder}\n\nTo make it one: File → New Workspace… (or the button below), or import articles "
            f"into it from a terminal:\n    sidelight import --workspace {shlex.quote(str(folder))} ARTICLE.html …")
        make = box.addButton("Make It a Workspace", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Close)  # Enter changes nothing on disk
        box.buttonClicked.connect(lambda button: self._make_workspace(folder) if button is make else None)
        box.open()

    def _make_workspace(self, folder: Path) -> None:
        try:
            self.set_workspace(Workspace.create(folder))
        except SidelightError as exc:
            self.show_error("Cannot create workspace", exc)

    def open_workspace_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open Workspace")
        if folder:
            self.open_workspace(folder)

    def new_workspace_dialog(self) -> None:
        # A save dialog, because the folder usually does not exist yet: the researcher names it.
        folder, _filter = QFileDialog.getSaveFileName(
            self, "New Workspace: name the new folder", str(Path.home() / "new-workspace"), "Workspace folder (*)",
            options=QFileDialog.Option.DontConfirmOverwrite)
        if not folder:
            return
        try:
            self.set_workspace(Workspace.create(folder))
        except SidelightError as exc:
            self.show_error("Cannot create workspace", exc)

    def _panels(self) -> list[QWidget]:
        return [self.docs_dock, self.claims_dock, self.annotations_dock, self.document_dock, self.pair_dock,
                self.legend]

    def _show_welcome(self) -> None:
        """The welcome screen alone: panels of claims and annotations would be empty boxes beside
        it. Those that were open come back with the first workspace."""
        self.central.setCurrentWidget(self.welcome)
        self._hidden_for_welcome = [p for p in self._panels() if not p.isHidden()]
        for panel in self._panels():
            panel.hide()
        self.setWindowTitle("Sidelight")
        for action_id in ("import", "cleaning", "find"):
            self.actions_by_id[action_id].setEnabled(False)

    def _leave_welcome(self) -> None:
        if not self._hidden_for_welcome:
            return
        for panel in self._hidden_for_welcome:
            panel.show()
        self._hidden_for_welcome = []
        self.claims_dock.raise_()  # in front of its tabbed neighbours, as at start

    def _show_ids(self, ids: list[str]) -> None:
        if self.workspace is None:
            return
        by_id = {s.id: s for s in self.workspace.sources}
        sources = [by_id[i] for i in ids if i in by_id]
        self.view.empty.setText(
            "Tick two or more documents in the list to read them side by side." if by_id else
            "No documents yet: File → Import Articles… (Ctrl+I), or drop article files on this window.")
        self.view.show_sources(sources)
        self.memory.save_workspace(self)  # kept even if the program is killed
        self.claims.request(self.workspace.root, sources, self.workspace.sources)

    # -- import ----------------------------------------------------------------------------
    def import_dialog(self) -> None:
        if self.workspace is None:
            return
        patterns = " ".join(f"*{s}" for s in supported_suffixes())
        files, _ = QFileDialog.getOpenFileNames(self, "Import Articles", "", f"Articles ({patterns});;All files (*)")
        if files:
            self.import_files(files)

    def import_files(self, files: list[str]) -> None:
        if self.workspace is None:
            self.show_error("Cannot import", SidelightError(None, "Open or create a workspace first."))
            return
        root = self.workspace.root

        def work(progress, should_stop) -> ImportReport:
            # A workspace object of the task's own, so the window's is only touched on its thread.
            return Workspace.open(root).import_files(files, progress=progress)

        self.runner.start(f"Importing {plural(len(files), 'file')}", work, self._imported, self._import_failed)

    def _imported(self, report: ImportReport) -> None:
        assert self.workspace is not None
        self.workspace.reload()
        shown = self.doc_model.shown + [s.id for s in report.imported if len(self.doc_model.shown) < 2]
        self.doc_model.set_sources(self.workspace.sources, shown)
        self._show_ids(self.doc_model.shown)
        names = ", ".join(s.title for s in report.imported)
        if report.imported:
            self.statusBar().showMessage(f"Imported {len(report.imported)}: {names}", 10000)
        heavy = [f"{s.folder / 'source.yaml'}: cleaning removed {s.share_removed():.0%} of the text "
                 "(see File → What Cleaning Removed…)" for s in report.imported if s.share_removed() > 0.5]
        if report.refused or heavy:
            self.show_problems([str(e) for e in report.refused] + heavy,
                               title="Some files were not imported" if report.refused else "Check these imports")

    def _import_failed(self, error: SidelightError) -> None:
        self.show_error("Import failed", error)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.workspace is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.import_files(files)

    def show_cleaning_report(self) -> None:
        if self.workspace is None:
            return
        index = self.doc_list.currentIndex()
        current = self.doc_model.sources[index.row()] if index.isValid() else (
            self.view.panes[0].source if self.view.panes else None)
        CleaningDialog(self.workspace.sources, current, self).exec()

    # -- undo ------------------------------------------------------------------------------
    # One undo history for every change: the annotation session's when a reviewer is annotating.
    def push_command(self, command: Command) -> bool:
        """Do the command and keep it for undo; whether it was done (a failure is shown)."""
        session = self.annotations.session
        try:
            session.push(command) if session is not None else self.stack.push(command)
        except SidelightError as exc:
            self.show_error("Change not made", exc)
            return False
        finally:
            self._refresh_undo()
        return True

    def undo(self) -> None:
        session = self.annotations.session
        self._stack_step(session.undo if session is not None else self.stack.undo)

    def redo(self) -> None:
        session = self.annotations.session
        self._stack_step(session.redo if session is not None else self.stack.redo)

    def _stack_step(self, step) -> None:
        try:
            step()
        except SidelightError as exc:
            self.show_error("Cannot undo or redo", exc)
        self._refresh_undo()

    def _refresh_undo(self) -> None:
        if not hasattr(self, "actions_by_id"):
            return
        source = self.annotations.session or self.stack
        undo, redo = self.actions_by_id["undo"], self.actions_by_id["redo"]
        undo.setEnabled(source.can_undo)
        redo.setEnabled(source.can_redo)
        undo.setText(f"&Undo {source.undo_label}" if source.can_undo else "&Undo")
        redo.setText(f"&Redo {source.redo_label}" if source.can_redo else "&Redo")

    # -- annotating --------------------------------------------------------------------------
    def annotate(self) -> None:
        self.annotations.annotate_selection()

    def link_selection(self) -> None:
        self.annotations.link_selection()

    def delete_annotations(self) -> None:
        self.annotations.delete(self.annotations_panel.selected_ids())

    def edit_annotation(self) -> None:
        """Recode the annotation under the text cursor, else the one chosen in the panel."""
        span = self.annotations.span_at_cursor()
        chosen = [span.id] if span is not None else self.annotations_panel.selected_ids()
        if chosen:
            self.annotations.edit(chosen[0])
        else:
            self.statusBar().showMessage("Put the cursor in an annotated passage, or choose one in the Annotations panel.", 8000)

    def open_codebook(self) -> None:
        if self.annotations.session is None:
            self.statusBar().showMessage("Open a workspace and choose a reviewer name first.", 8000)
            return
        CodebookDialog(self.annotations, self).exec()

    def change_reviewer(self) -> None:
        current = self.annotations.session.reviewer if self.annotations.session else None
        if ask_reviewer(self, current) and self.workspace is not None:
            self.annotations.open(self.workspace)

    def check_workspace(self, quiet: bool = False) -> None:
        """The same checks as `sidelight check`, off the GUI thread, shown as a list; *quiet*
        says nothing when all is well (the check that runs whenever a workspace opens)."""
        if self.workspace is None:
            return
        root = self.workspace.root

        def work(progress, should_stop):
            from sidelight.io.validation import check_workspace

            return check_workspace(root)

        def done(problems) -> None:
            if problems:
                self.show_problems([str(p) for p in problems], title="Some files have problems")
            elif not quiet:
                self.statusBar().showMessage("Workspace check: no problems", 8000)

        self.runner.start("Checking the workspace", work, done, lambda e: self.show_error("Check failed", e))

    def show_colleague(self) -> None:
        colleagues = self.annotations.colleagues()
        if not colleagues:
            self.statusBar().showMessage("No colleague has annotated in this workspace yet.", 8000)
            return
        none = "(only mine)"
        choice, ok = QInputDialog.getItem(self, "Colleague's annotations",
                                          "Show whose annotations beside yours (read-only)?",
                                          [none, *colleagues], 0, False)
        if ok:
            self.annotations.show_colleague(None if choice == none else choice)

    def show_review(self) -> None:
        self.review_dock.show()
        self.review_dock.raise_()
        self.review.refresh_reviewers()
        if len(self.review_panel.ticked()) >= 2:
            self.review.compare(self.review_panel.ticked())

    def set_annotation_highlights(self, on: bool) -> None:
        self.annotations.set_highlights(on)

    def save_now(self) -> None:
        self.annotations.save()

    def reveal_in_documents(self, source_id: str, start: int, end: int) -> None:
        """Show a passage, opening its document beside the others first when it is not open."""
        if self.view.pane_for(source_id) is None:
            self.doc_model.set_shown([*self.doc_model.shown, source_id])
        self._reveal(source_id, start, end)

    def _reveal(self, source_id: str, start: int, end: int) -> None:
        pane = self.view.pane_for(source_id)
        if pane is not None:
            sync = self.view.sync_scrolling
            self.view.sync_scrolling = False
            pane.reveal(start, end)
            self.view.sync_scrolling = sync

    # -- claims ------------------------------------------------------------------------------
    def set_claim_highlights(self, on: bool) -> None:
        self.claims.set_highlights(on)

    def next_claim(self) -> None:
        self._step_claim(+1)

    def previous_claim(self) -> None:
        self._step_claim(-1)

    def _step_claim(self, step: int) -> None:
        """Walk the claims the panel's filter shows (e.g. every conflicting one) from the keyboard."""
        panel = self.claims_panel
        if panel.count():
            row = panel.current_row()
            if row < 0:  # nothing chosen yet: Alt+Down starts at the first claim, Alt+Up at the last
                row = -1 if step > 0 else panel.count()
            panel.set_current_row((row + step) % panel.count())

    def _restore_strict_matching(self) -> None:
        """Strict matching and the use of other sources as context are remembered between runs."""
        try:
            settings = load_settings()
        except SidelightError:
            settings = Settings()  # a broken settings file is reported where the reviewer is read
        self.claims.strict = settings.strict_matching
        self.claims.use_context = settings.workspace_context
        for name, on in (("strict", settings.strict_matching), ("context", settings.workspace_context)):
            action = self.actions_by_id[name]
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    def link_claim_at_cursor(self) -> None:
        """Link claims from the keyboard: the claim at the text cursor starts a link, or ends one."""
        alignment = self.claims.alignment
        focus = QApplication.focusWidget()
        pane = next((p for p in self.view.panes if p.editor is focus or p.editor is self._last_area), None)
        if alignment is None or pane is None:
            self.statusBar().showMessage("Put the text cursor in a highlighted claim in a document first.", 8000)
            return
        unit = alignment.unit_at(pane.source.id, pane.editor.textCursor().position(), caret=True)
        if unit is None:
            self.statusBar().showMessage("The cursor is not in a claim: move it into a sentence.", 8000)
        elif self.claims.linking_from is None:
            self.claims.start_linking(unit.id)
        else:
            self.claims.finish_linking(unit.id)

    def accept_suggestion(self) -> None:
        self.claims.accept_best_suggestion()

    def set_strict_matching(self, on: bool) -> None:
        self.claims.strict = on
        self._remember("strict_matching", on, "Strict matching")
        self.realign()

    def set_workspace_context(self, on: bool) -> None:
        self.claims.use_context = on
        self._remember("workspace_context", on, "Using other sources as context")
        self.realign()

    def _remember(self, setting: str, on: bool, what: str) -> None:
        try:
            settings = load_settings()
            setattr(settings, setting, on)
            save_settings(settings)
        except SidelightError as exc:
            self.statusBar().showMessage(f"{what} not remembered: {exc}", 8000)

    def show_saved_corrections(self) -> None:
        if self.workspace is None:
            self.statusBar().showMessage("Open a workspace first.", 8000)
            return
        if self.saved_corrections is None:
            self.saved_corrections = SavedCorrectionsDialog(
                self.claims, lambda: self.workspace.sources if self.workspace else [], self.actions_by_id["undo"], self)
        self.saved_corrections.refresh()
        self.saved_corrections.show()
        self.saved_corrections.raise_()
        self.saved_corrections.activateWindow()

    def export_comparison(self, path: Path | None = None) -> None:
        """Claims → Export Comparison…; ``path`` skips the file dialog (tests, scripts)."""
        alignment = self.claims.alignment
        if alignment is None or self.claims.task is not None:
            self.statusBar().showMessage(
                "Nothing to export yet: open two or more documents and wait for their claims to show."
                if alignment is None else "Still aligning: export once the new claims show.", 8000)
            return
        if path is None:
            path = claim_export.ask_path(self, self.workspace.root if self.workspace else None)
            if path is None:
                return
        try:
            self.statusBar().showMessage(claim_export.export(alignment, path), 10000)
        except SidelightError as exc:
            self.show_error("Comparison not exported", exc)

    def realign(self) -> None:
        """Align again (F5); sources changed on disk since the workspace was opened are offered
        to be read first (reopening it), rather than the text on screen being aligned unawares."""
        if self.workspace is None:
            return
        changed = self.workspace.changed_on_disk()
        if changed and ask_reopen(self, changed):
            self.open_workspace(self.workspace.root)
            return
        self.claims.request(self.workspace.root, [p.source for p in self.view.panes], self.workspace.sources)

    def _keep_panels_readable(self) -> None:
        """A panel squeezed to nothing (a small window, a stray drag) would stay so, and be
        remembered so: each keeps enough room to read a line or two."""
        for dock in (self.docs_dock, self.claims_dock, self.annotations_dock, self.document_dock):
            dock.widget().setMinimumWidth(MIN_SIDE_PANEL)
        self.pair_dock.widget().setMinimumHeight(MIN_BOTTOM_PANEL)

    def _add_panel_toggles(self) -> None:
        """View → Panels: a closed panel can always be brought back."""
        view_menu = self.menuBar().findChild(QMenu, "menu-view")
        assert view_menu is not None
        panels = view_menu.addMenu("&Panels")
        for dock in (self.docs_dock, self.claims_dock, self.annotations_dock, self.document_dock, self.review_dock,
                     self.pair_dock):
            panels.addAction(dock.toggleViewAction())
        panels.addAction(self.legend.toggleViewAction())

    def _export_in_file_menu(self) -> None:
        """File is where one looks for Export first: the Claims menu's command shows there too."""
        file_menu = self.menuBar().findChild(QMenu, "menu-file")
        assert file_menu is not None
        quit_action = self.actions_by_id["quit"]
        file_menu.insertAction(quit_action, self.actions_by_id["export_comparison"])
        file_menu.insertSeparator(quit_action)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- find, scrolling, zoom -------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.open_bar()

    def find_next(self) -> None:
        if self.find_bar.isHidden():
            self.find_bar.open_bar()
        self.find_bar.next()

    def find_previous(self) -> None:
        if self.find_bar.isHidden():
            self.find_bar.open_bar()
        self.find_bar.previous()

    def set_sync_scrolling(self, on: bool) -> None:
        self.view.set_sync_scrolling(on)

    def focus_next_area(self) -> None:
        self._focus_area(+1)

    def focus_previous_area(self) -> None:
        self._focus_area(-1)

    def _areas(self) -> list[tuple[str, QWidget]]:
        """Where F6 goes, in reading order: the list, each open document, then the panels shown."""
        labels = short_labels(p.source for p in self.view.panes)
        areas: list[tuple[str, QWidget]] = [("Documents", self.doc_list)]
        # A document scrolled out of sight in the row is still one to go to (and is scrolled to).
        areas += [(labels[p.source.id], p.editor) for p in self.view.panes if p.editor.isVisible()]
        panels: list[tuple[str, QWidget]] = [
            ("Claims", self.claims_panel.area_in_front()), ("Annotations", self.annotations_panel.list),
            ("Document", self.document_panel.document), ("Compare Claims", self.pair_view.browser)]
        # A panel behind another in a tabbed dock is "visible" to Qt but shows nothing: skip it.
        areas += [(name, w) for name, w in panels if w.isVisible() and not w.visibleRegion().isEmpty()]
        return [(name, w) for name, w in areas if w.isVisible() and w.isEnabled()]

    def _focus_area(self, step: int) -> None:
        areas = self._areas()
        if not areas:
            return
        focus = QApplication.focusWidget()
        current = next((i for i, (_n, w) in enumerate(areas) if focus is not None and (focus is w or w.isAncestorOf(focus))),
                       None)
        if current is None and focus is None:  # the window is not active: go on from the last area
            current = next((i for i, (_n, w) in enumerate(areas) if w is self._last_area), None)
        index = (0 if step > 0 else len(areas) - 1) if current is None else (current + step) % len(areas)
        name, widget = areas[index]
        self._last_area = widget
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        pane = next((p for p in self.view.panes if p.editor is widget), None)
        if pane is not None:
            self.view.row.ensureWidgetVisible(pane)
            bar = self.view.row.horizontalScrollBar()
            if pane.x() < bar.value():  # a pane wider than the row: show where its lines begin
                bar.setValue(pane.x())
        self.statusBar().showMessage(f"Keyboard in: {name}", 3000)

    def zoom_in(self) -> None:
        self.view.zoom(+1)

    def zoom_out(self) -> None:
        self.view.zoom(-1)

    def zoom_reset(self) -> None:
        self.view.zoom(0)

    # -- messages --------------------------------------------------------------------------
    def _notice(self, text: str) -> None:
        """A note on opening (a codebook written, annotations left unplaced): the claims summary
        that follows within seconds joins it instead of hiding it."""
        self._live_notice = (text, time.monotonic() + NOTICE_SECONDS)
        self.statusBar().showMessage(text, NOTICE_SECONDS * 1000)

    def _claims_message(self, text: str) -> None:
        notice, until = self._live_notice
        if notice and time.monotonic() < until:
            self._live_notice = ("", 0.0)  # joined once: the next summary stands alone
            self.statusBar().showMessage(f"{notice} · {text}", NOTICE_SECONDS * 1000)
        else:
            self.statusBar().showMessage(text, 10000)

    def _withdraw_message(self, text: str) -> None:
        if self.statusBar().currentMessage() == text:  # another message since then stays
            self.statusBar().clearMessage()

    def show_error(self, title: str, error: Exception) -> None:
        """A window-modal message that does not block the event loop (work in flight goes on)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, str(error), parent=self)
        box.setObjectName("error-message")
        box.open()

    def show_problems(self, problems: list[str], title: str = "Some files could not be read") -> None:
        """A list of problems, shown once no question is open: on first start the workspace
        check finishes while the reviewer name is asked, and the two boxes lay one on the other."""
        if QApplication.activeModalWidget() is not None:
            QTimer.singleShot(300, self, lambda: self.show_problems(problems, title))  # not once the window is gone
            return
        box = QMessageBox(QMessageBox.Icon.Warning, title,
                          f"{plural(len(problems), 'problem')}; everything else is open and usable.", parent=self)
        box.setObjectName("problems-message")
        box.setDetailedText("\n".join(problems))
        box.setInformativeText(problems[0])
        box.open()

    def show_about(self) -> None:
        QMessageBox.about(self, "About Sidelight", f"<b>Sidelight {__version__}</b><p>Compare how news outlets "
                          "cover the same event: shared claims, omissions, divergences, annotations.</p>")

    def _show_passage_link(self, source_id: str, text: str) -> None:
        from sidelight.core.labels import quoted_in
        from sidelight.gui.claims.link_banner import QUOTE_WIDTH

        # labelled among the open articles, so two of one outlet are told apart
        self.link_banner.show_passage_link(quoted_in([p.source for p in self.view.panes], source_id, text, QUOTE_WIDTH))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and (self.claims.linking_from or self.annotations.link_start):
            self.claims.cancel_linking()
            self.annotations.cancel_link()
            self.statusBar().showMessage("Linking cancelled", 4000)
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.annotations.check_disk()  # a colleague's git pull while we were away
        super().changeEvent(event)

    def settle_unapplied(self) -> bool:
        """Typed document annotations not applied yet: apply, discard, or stay (False)."""
        unapplied = self.document_panel.unapplied()
        if not unapplied:
            return True
        combo = self.document_panel.document
        answer = ask_unapplied(self, [combo.itemText(combo.findData(i)) or i for i in unapplied])
        if answer == "cancel":
            return False
        if answer == "apply":
            self.document_panel.apply_all()
            self.annotations.save()
            return not self.document_panel.drafts  # one refused (a message says why): stay
        self.document_panel.drafts.clear()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.settle_unapplied():
            event.ignore()
            return
        self.annotations.close()
        self.claims.stop()
        for task in list(self.runner.running):
            task.cancel()
        self.runner.wait(5000)
        self._leave_welcome()  # the panels put away for the welcome screen are remembered as open
        self.memory.save_window(self)
        super().closeEvent(event)


def ask_reopen(parent: QWidget, changes: list[str]) -> bool:
    """Whether to reopen the workspace to read sources changed on disk (Reopen is the default)."""
    box = QMessageBox(QMessageBox.Icon.Question, "Sources changed on disk",
                      f"{plural(len(changes), 'source')} changed on disk since the workspace was opened. Reopen the "
                      f"workspace to read {'it' if len(changes) == 1 else 'them'}? (Annotations are kept; on an "
                      "edited text they are placed anew.)", parent=parent)
    box.setObjectName("reopen-question")
    box.setInformativeText("\n".join(changes[:8]) + (f"\n… and {len(changes) - 8} more" if len(changes) > 8 else ""))
    reopen = box.addButton("Reopen Workspace", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Align As Shown", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reopen)
    box.exec()
    return box.clickedButton() is reopen


def ask_unapplied(parent: QWidget, documents: list[str]) -> str:
    """"apply", "discard" or "cancel" for document annotations typed but not applied."""
    box = QMessageBox(QMessageBox.Icon.Question, "Document annotations not applied",
                      "You typed document annotations that are not applied yet, for: " + ", ".join(documents)
                      + ".\n\nApply them before leaving?", parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Apply | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Apply)
    choice = box.exec()
    return {QMessageBox.StandardButton.Apply: "apply", QMessageBox.StandardButton.Discard: "discard"}.get(
        QMessageBox.StandardButton(choice), "cancel")
