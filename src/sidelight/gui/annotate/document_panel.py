"""Document-level annotation: the outlet's perspective on a whole article, as the codebook defines
it (genre, ownership, country, audience, stances toward actors, primary frame, tone) and the
researcher's own perspective axes.

What is typed but not yet applied is a draft kept per document: rebuilding the form (an
annotation added elsewhere, a colleague's file reloaded, another document chosen and chosen
back) restores it instead of the stored values, so nothing typed is lost on the way to Apply.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sidelight.core.annotations import Stance
from sidelight.core.labels import shorten
from sidelight.gui.annotate.controller import AnnotationController

AXIS_POSITIONS = [None, -2, -1, 0, 1, 2]


class DocumentPanel(QWidget):
    def __init__(self, controller: AnnotationController, shown_sources):
        super().__init__()
        self.controller = controller
        self.shown_sources = shown_sources  # callable: the Source objects open side by side
        self.document = QComboBox()
        self.document.setAccessibleName("Document to describe")
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form_host)
        self.apply_button = QPushButton("Apply")
        self.apply_button.setToolTip("Save this document annotation (undoable)")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.document)
        layout.addWidget(scroll)
        layout.addWidget(self.apply_button)
        self.inputs: dict[str, QWidget] = {}
        self.axis_inputs: dict[str, QComboBox] = {}
        self.note = QPlainTextEdit()
        self.drafts: dict[str, dict[str, object]] = {}  # source id -> what the form held, unapplied
        self._shown: str | None = None  # the document whose values (or draft) the form holds
        self._loading = False
        self.document.currentIndexChanged.connect(self.load)
        self.apply_button.clicked.connect(self.apply)
        controller.changed.connect(self.refresh)

    def refresh(self) -> None:
        current = self.document.currentData()
        self.document.blockSignals(True)
        self.document.clear()
        shown = list(self.shown_sources())
        session = self.controller.session
        # a document closed with values typed but not applied stays listed, so they can be
        # applied (or seen) and are not lost with its pane
        kept = [s for s in (session.workspace.sources if session is not None else ())
                if s.id in self.drafts and s.id not in {x.id for x in shown}]
        for source in shown + kept:
            suffix = " (not open; not applied)" if source in kept else ""
            self.document.addItem(f"{source.outlet} — {shorten(source.title, 50)}{suffix}", source.id)
        index = self.document.findData(current)
        self.document.setCurrentIndex(max(index, 0))
        self.document.blockSignals(False)
        self._build()
        self.load()

    def _build(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.inputs, self.axis_inputs = {}, {}
        session = self.controller.session
        if session is None:
            self.form.addRow(QLabel("Not annotating: no reviewer name yet."))
            return
        codebook = session.codebook
        for spec in codebook.document_fields:
            if spec.kind in ("choice", "code"):
                box = QComboBox()
                box.addItem("—", "")
                options = ([(c, c) for c in spec.choices] if spec.kind == "choice"
                           else [(c.name, c.id) for c in codebook.codes_in(spec.group or "")])
                for label, value in options:
                    box.addItem(label, value)
                widget: QWidget = box
            elif spec.kind == "stances":
                widget = QPlainTextEdit()
                widget.setTabChangesFocus(True)
                widget.setPlaceholderText(f"one per line: actor: {' / '.join(spec.choices)}")
                widget.setFixedHeight(70)
            else:
                widget = QLineEdit()
            widget.setToolTip(spec.description)
            self.inputs[spec.id] = widget
            self.form.addRow(spec.label, widget)
        for axis in codebook.axes:
            box = QComboBox()
            box.addItem("not placed", None)
            for position in AXIS_POSITIONS[1:]:
                pole = f" ({axis.low})" if position == -2 else f" ({axis.high})" if position == 2 else ""
                box.addItem(f"{position:+d}{pole}" if position else "0 (in between)", position)
            box.setToolTip(axis.description)
            self.axis_inputs[axis.id] = box
            self.form.addRow(axis.name, box)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        self.form.addRow("Note", self.note)
        for widget in [*self.inputs.values(), *self.axis_inputs.values(), self.note]:
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._edited)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self._edited)
            elif isinstance(widget, QLineEdit):
                widget.textEdited.connect(self._edited)

    # -- drafts -------------------------------------------------------------------------------
    def _fields(self):
        """Each input with the key its value is kept under in a draft."""
        yield from self.inputs.items()
        yield from (("axis:" + k, box) for k, box in self.axis_inputs.items())
        yield "note", self.note

    def _state(self) -> dict[str, object]:
        state: dict[str, object] = {}
        for key, widget in self._fields():
            if isinstance(widget, QComboBox):
                state[key] = widget.currentIndex()
            elif isinstance(widget, QPlainTextEdit):
                state[key] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                state[key] = widget.text()
        return state

    def _restore(self, state: dict[str, object]) -> None:
        for key, widget in self._fields():
            value = state.get(key)
            if isinstance(widget, QComboBox) and isinstance(value, int):
                widget.setCurrentIndex(value)
            elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
                widget.setPlainText(value)
            elif isinstance(widget, QLineEdit) and isinstance(value, str):
                widget.setText(value)

    def _edited(self, *_args) -> None:
        if not self._loading and self._shown is not None:
            self.drafts[self._shown] = self._state()  # every change: nothing typed waits in a widget only
            self._mark()

    def _mark(self) -> None:
        dirty = self._shown in self.drafts
        self.apply_button.setText("Apply (changes not applied yet)" if dirty else "Apply")
        self.apply_button.setDefault(dirty)

    def unapplied(self) -> list[str]:
        """The documents with typed values not applied yet (asked before the window closes)."""
        return list(self.drafts)

    def load(self) -> None:
        session = self.controller.session
        source_id = self.document.currentData()
        if session is None or source_id is None:
            return
        if not self.inputs and session.codebook.document_fields:
            self._build()
        self._loading = True
        try:
            self._fill(session, source_id)
        finally:
            self._loading = False
        self._shown = source_id
        self._mark()

    def _fill(self, session, source_id: str) -> None:
        draft = self.drafts.get(source_id)
        if draft is not None:
            self._restore(draft)
            return
        doc = session.document(source_id)
        values = doc.values if doc else {}
        for field_id, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(values.get(field_id, "")), 0))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText("\n".join(f"{s.actor}: {s.stance}" for s in (doc.stances if doc else ())))
            else:
                widget.setText(values.get(field_id, ""))  # type: ignore[attr-defined]
        for axis_id, box in self.axis_inputs.items():
            box.setCurrentIndex(max(box.findData((doc.axes if doc else {}).get(axis_id)), 0))
        self.note.setPlainText(doc.note if doc else "")

    def apply(self) -> None:
        session = self.controller.session
        source_id = self.document.currentData()
        if session is None or source_id is None:
            return
        values: dict[str, str | None] = {}
        stances: list[Stance] = []
        for field_id, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                values[field_id] = widget.currentData() or None
            elif isinstance(widget, QPlainTextEdit):
                for line in widget.toPlainText().splitlines():
                    actor, _sep, stance = line.rpartition(":")
                    if line.strip():
                        stances.append(Stance(actor.strip() or line.strip(), stance.strip()))
            else:
                values[field_id] = widget.text().strip() or None  # type: ignore[attr-defined]
        axes = {axis_id: box.currentData() for axis_id, box in self.axis_inputs.items()}
        note = self.note.toPlainText()

        def store() -> bool:
            session.set_document(source_id, values=values, stances=stances, axes=axes, note=note)
            return True

        self.drafts.pop(source_id, None)  # applied: the stored values are what the form holds
        if self.controller._call(store) is None:
            self.drafts[source_id] = self._state()  # refused (a message says why): still a draft
        self._mark()

    def apply_all(self) -> None:
        """Apply every document's draft, the one shown last (so the form ends where it was)."""
        shown = self.document.currentIndex()
        for source_id in self.unapplied():
            index = self.document.findData(source_id)
            if index >= 0:
                self.document.setCurrentIndex(index)
                self.apply()
        self.document.setCurrentIndex(shown)
