"""The banner shown above the documents while a link is being made (between claims, or between
annotated passages with Ctrl+L).

Link mode changes what a click in the text does (it links instead of choosing), so it must be
in sight for as long as it lasts: a status-bar hint is replaced by the next message or tip and
leaves the researcher clicking without knowing why nothing is chosen. The banner names the claim
being linked and offers the way out; the controller shows and hides it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

QUOTE_WIDTH = 80


class LinkBanner(QFrame):
    cancel_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("link-banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # the colour of a chosen claim's highlight family, with dark text that reads on it
        self.setStyleSheet("#link-banner { background: #fff3c4; border: 1px solid #c9a227; }"
                           "#link-banner QLabel { color: #000000; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.cancel = QPushButton("Cancel linking (Esc)")
        self.cancel.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.cancel)
        self.hide()

    def show_linking(self, sentence: str) -> None:
        """*sentence*: the one linked from, quoted with its article (see ``sentence_label``)."""
        self.label.setText(f"<b>Linking</b> {escape(sentence)}: click the "
                           "claim in another document that says the same thing (or put the cursor in it and "
                           "press Ctrl+Shift+L).")
        self.show()

    def show_passage_link(self, sentence: str) -> None:
        self.label.setText(f"<b>Linking passages</b> from {escape(sentence)}: "
                           "select the related passage in another document and press Ctrl+L again.")
        self.show()
