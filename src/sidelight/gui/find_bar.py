"""Find in every open document at once (Ctrl+F): each pane's header says how many matches its
text holds, and the bar says which of them all is shown ("3 of 7"), however narrow the window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QToolButton, QWidget

from sidelight.core.labels import plural, short_labels
from sidelight.core.search import Match, find_all
from sidelight.gui.comparison_view import ComparisonView

LAYER = "find"


def _find_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#ffe066"))
    fmt.setForeground(QColor("#000000"))
    return fmt


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, view: ComparisonView):
        super().__init__()
        self.view = view
        self.matches: list[tuple[int, Match]] = []  # (pane index, match)
        self.labels: dict[str, str] = {}  # source id -> short label, for the panes searched
        self.current = -1
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in all open documents")
        self.field.setClearButtonEnabled(True)
        self.case = QCheckBox("Match case")
        self.accents = QCheckBox("Ignore accents")
        self.status = QLabel()
        # The counts are always read whole (the field gives way to them: it scrolls its text);
        # the longer "3 of 12 · outlet" line gives way rather than push the side panels aside.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setMinimumWidth(self.status.fontMetrics().horizontalAdvance("9999 matches in 99 documents") + 8)
        self.field.setMinimumWidth(110)
        prev_button, next_button, close_button = QToolButton(), QToolButton(), QToolButton()
        prev_button.setText("▲")
        prev_button.setToolTip("Previous match (Shift+Enter)")
        next_button.setText("▼")
        next_button.setToolTip("Next match (Enter)")
        close_button.setText("✕")
        close_button.setToolTip("Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (QLabel("Find:"), self.field, prev_button, next_button, self.case, self.accents, self.status):
            layout.addWidget(widget)
        layout.setStretchFactor(self.status, 1)
        layout.addWidget(close_button)
        self.field.textChanged.connect(self.search)
        self.case.toggled.connect(self.search)
        self.accents.toggled.connect(self.search)
        self.field.returnPressed.connect(self.next)
        next_button.clicked.connect(self.next)
        prev_button.clicked.connect(self.previous)
        close_button.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.previous)
        view.panes_changed.connect(self.search)

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.hide()
        for pane in self.view.panes:
            pane.clear_layer(LAYER)
            pane.set_found(None)
        if self.view.panes:  # back to reading, not to whatever widget Qt picks next
            self.view.panes[0].editor.setFocus()
        self.closed.emit()

    def search(self) -> None:
        if self.isHidden():
            return
        query = self.field.text()
        fmt = _find_format()
        self.matches = []
        counts = []
        labels = self.labels = short_labels(pane.source for pane in self.view.panes)
        for index, pane in enumerate(self.view.panes):
            found = find_all(pane.text(), query, case_sensitive=self.case.isChecked(),
                             ignore_accents=self.accents.isChecked())
            pane.set_layer(LAYER, [(m.start, m.end, fmt) for m in found])
            pane.set_found(len(found) if query else None)
            self.matches.extend((index, m) for m in found)
            counts.append(f"{labels[pane.source.id]}: {len(found)}")
        self.current = -1
        if not query:
            self.status.setText("")
        elif not self.matches:
            self.status.setText("No matches")
        else:
            documents = len({index for index, _m in self.matches})
            self.status.setText(f"{plural(len(self.matches), 'match', 'matches')} in "
                                f"{plural(documents, 'document', 'documents')}")
        self.status.setToolTip("\n".join(counts) if query else "")

    def next(self) -> None:
        self._step(+1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + direction) % len(self.matches)
        pane_index, match = self.matches[self.current]
        label = self.labels[self.view.panes[pane_index].source.id]
        self.status.setText(f"{self.current + 1} of {len(self.matches)} · {label}")
        sync = self.view.sync_scrolling
        self.view.sync_scrolling = False  # jump only the pane that holds the match
        self.view.panes[pane_index].reveal(match.start, match.end)
        self.view.sync_scrolling = sync
