"""What the window shows before a workspace is open: how to start, and recent workspaces."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget


class WelcomeWidget(QWidget):
    open_requested = Signal()
    new_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, recent: list[str]):
        super().__init__()
        title = QLabel("<h1>Sidelight</h1><p>Read how outlets cover the same event: shared claims, "
                       "omissions, divergences.</p>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        open_button = QPushButton("Open Workspace…")
        new_button = QPushButton("New Workspace…")
        open_button.clicked.connect(self.open_requested)
        new_button.clicked.connect(self.new_requested)
        self.recent = QListWidget()
        self.recent.addItems(recent)
        self.recent.itemActivated.connect(lambda item: self.recent_requested.emit(item.text()))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        for button in (open_button, new_button):
            button.setMinimumWidth(240)
            layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignHCenter)
        if recent:
            layout.addWidget(QLabel("Recent workspaces (double-click to open):"), alignment=Qt.AlignmentFlag.AlignHCenter)
            self.recent.setMaximumWidth(600)
            layout.addWidget(self.recent, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
