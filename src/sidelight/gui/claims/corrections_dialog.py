"""Claims → Saved Corrections: every link, unlink and "no other outlet" the researcher saved,
whether each still applies, and the two ways to settle one that has drifted from its text.

Without it, a correction whose sentence was rewritten is reported on every alignment with no
way to end that short of editing YAML, and one that followed an edited sentence keeps quoting
the old wording until a second edit takes it out of reach. The dialog stays open beside the
window (it is not modal): double-clicking a correction shows its claim there, and every change
is one undoable step, taken back with Ctrl+Z here or in the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sidelight.core.alignment.correction_review import CorrectionStatus, describe
from sidelight.core.errors import SidelightError
from sidelight.core.labels import plural, short_labels
from sidelight.core.sources import Source

QUOTE_WIDTH = 110


class SavedCorrectionsDialog(QDialog):
    def __init__(self, controller, sources: Callable[[], Sequence[Source]], undo: QAction,
                 parent: QWidget | None = None):
        """``undo``: the window's Edit → Undo, whose last step this dialog's Undo takes back and
        whose name it shows (it may be an annotation's, not a correction's)."""
        super().__init__(parent)
        self.setObjectName("saved-corrections")
        self.setWindowTitle("Saved Corrections")
        self.controller, self.sources, self.undo = controller, sources, undo
        self.statuses: list[CorrectionStatus] = []
        self.summary = QLabel("Reading the saved corrections…")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Correction", "Sentences", "State"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.cellDoubleClicked.connect(self._show_in_window)
        self.drop_button = QPushButton("&Drop Selected")
        self.drop_button.setToolTip("Forget the chosen corrections (Del); the aligner decides those pairs again")
        self.drop_gone_button = QPushButton("Drop All That &No Longer Apply")
        self.update_button = QPushButton("&Update to Current Wording")
        self.update_button.setToolTip("Quote each edited sentence as it reads now, so that a later edit "
                                      "does not take the correction out of reach")
        self.undo_button = QPushButton("Und&o")
        undo.changed.connect(self._follow_undo)
        self.drop_button.clicked.connect(self.drop_selected)
        self.drop_gone_button.clicked.connect(self.drop_gone)
        self.update_button.clicked.connect(self.update_wording)
        self.undo_button.clicked.connect(undo.trigger)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.drop_button, self.drop_gone_button, self.update_button, self.undo_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.drop_selected)
        QShortcut(QKeySequence.StandardKey.Undo, self, undo.trigger)
        hint = QLabel("Double-click a correction to show its claim in the window. The texts are read as the "
                      "workspace was opened: Align Again (F5) reads edits made on disk since.")
        hint.setWordWrap(True)
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(1000, 560)
        controller.corrections_saved.connect(self.refresh)
        self._enable()
        self._follow_undo()

    def _follow_undo(self) -> None:
        self.undo_button.setEnabled(self.undo.isEnabled())
        name = self.undo.text().replace("&", "")
        self.undo_button.setToolTip(f"{name} (Ctrl+Z), as Edit → Undo in the window" if self.undo.isEnabled()
                                    else "Nothing to undo")

    # -- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the file and the texts again, off the GUI thread."""
        self.controller.review_saved(list(self.sources()), self._fill, self._failed)

    def _fill(self, statuses: list[CorrectionStatus]) -> None:
        self.statuses = statuses
        labels = short_labels(self.sources())
        self.table.setRowCount(len(statuses))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, status in enumerate(statuses):
            first, *sentences = describe(status, labels, QUOTE_WIDTH)
            full = [f"{labels.get(ref.source, ref.source)}: {ref.quote}"
                    + (f"\n    now reads: {unit.text}" if unit is not None and unit.text != ref.quote else "")
                    + (" (no longer in the text)" if unit is None else "")
                    for ref, unit in zip(status.refs, status.current)]
            tip = "\n".join(full) + (f"\n\nNote: {status.correction.note}" if status.correction.note else "")
            cells = [first[:1].upper() + first[1:], "\n".join(sentences), status.label]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if status.state in ("gone", "no source"):
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.summary.setText(self._summary())
        self._enable()

    def _summary(self) -> str:
        if not self.statuses:
            return "No corrections are saved in this workspace. Link, unlink or mark a claim in Compare Claims to make one."
        gone = sum(s.state in ("gone", "no source") for s in self.statuses)
        followed = sum(s.state == "followed" for s in self.statuses)
        parts = [f"{plural(len(self.statuses), 'correction')} saved in alignment/corrections.yaml."]
        if gone:
            parts.append(f"{gone} no longer {'applies' if gone == 1 else 'apply'}: the aligner skips "
                         f"{'it' if gone == 1 else 'them'} until dropped.")
        if followed:
            parts.append(f"{followed} {'applies' if followed == 1 else 'apply'} to a sentence edited since.")
        return " ".join(parts)

    def _failed(self, error: SidelightError) -> None:
        self.statuses = []
        self.table.setRowCount(0)
        self.summary.setText(f"Cannot read the saved corrections: {error}")
        self._enable()

    def _enable(self) -> None:
        self.drop_button.setEnabled(bool(self._chosen()))
        self.drop_gone_button.setEnabled(any(s.state in ("gone", "no source") for s in self.statuses))
        self.update_button.setEnabled(any(s.state == "followed" for s in self.statuses))

    def _chosen(self) -> list[CorrectionStatus]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.statuses[r] for r in rows if r < len(self.statuses)]

    # -- changing ----------------------------------------------------------------------------
    def drop_selected(self) -> None:
        chosen = self._chosen()
        if chosen:
            self.table.clearSelection()  # the next row must not look chosen, for a second Del to drop it
            self.controller.drop_corrections([s.correction for s in chosen])

    def drop_gone(self) -> None:
        gone = [s.correction for s in self.statuses if s.state in ("gone", "no source")]
        if gone:
            self.controller.drop_corrections(gone)

    def update_wording(self) -> None:
        if any(s.state == "followed" for s in self.statuses):
            self.controller.update_corrections(self.statuses)

    def _show_in_window(self, row: int, _column: int) -> None:
        if row < len(self.statuses):
            self.controller.show_correction(self.statuses[row])
