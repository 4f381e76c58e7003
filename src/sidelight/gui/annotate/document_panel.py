"""Document-level annotation: the outlet's perspective on a whole article, as the codebook defines
it (genre, ownership, country, audience, stances toward actors, primary frame, tone) and the
researcher's own perspective axes."""

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
        self.document.currentIndexChanged.connect(self.load)
        self.apply_button.clicked.connect(self.apply)
        controller.changed.connect(self.refresh)

    def refresh(self) -> None:
        current = self.document.currentData()
        self.document.blockSignals(True)
        self.document.clear()
        for source in self.shown_sources():
            self.document.addItem(f"{source.outlet} — {shorten(source.title, 50)}", source.id)
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

    def load(self) -> None:
        session = self.controller.session
        source_id = self.document.currentData()
        if session is None or source_id is None:
            return
        if not self.inputs and session.codebook.document_fields:
            self._build()
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
        self.controller._call(lambda: session.set_document(source_id, values=values, stances=stances, axes=axes,
                                                            note=self.note.toPlainText()))
