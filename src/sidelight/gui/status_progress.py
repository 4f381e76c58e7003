"""Progress of background work in the status bar: what runs, how far, and a Cancel button."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from sidelight.gui.tasks import Task, TaskRunner


class StatusProgress(QWidget):
    def __init__(self, runner: TaskRunner):
        super().__init__()
        self.runner = runner
        self.task: Task | None = None
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(200)
        self.cancel = QToolButton()
        self.cancel.setText("Cancel")
        self.cancel.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        runner.started.connect(self._started)
        runner.progressed.connect(self._progressed)
        runner.ended.connect(self._ended)
        self.hide()

    def _started(self, task: Task) -> None:
        self.task = task
        self.label.setText(task.label + "…")
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.show()

    def _progressed(self, task: Task, done: int, total: int, message: str) -> None:
        if task is not self.task:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.label.setText(f"{task.label}: {message}" if message else task.label)

    def _ended(self, task: Task) -> None:
        if not self.runner.running:
            self.task = None
            self.hide()

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.label.setText(f"{self.task.label}: cancelling…")
