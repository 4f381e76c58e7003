"""Running long work off the GUI thread, with progress, cancellation and clean errors.

Alignment, imports and reports can take seconds; the window must keep painting and answering.
A task is a plain function ``fn(progress, should_stop)`` from the core; it runs in Qt's thread
pool and reports back through queued signals, so results always arrive on the GUI thread.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from sidelight.core.errors import SidelightError

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    def __init__(self, label: str, fn: Callable[..., Any]):
        super().__init__()
        self.label = label
        self.fn = fn
        self.signals = _Signals()
        self.cancelled = False
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self.fn(progress=self.signals.progress.emit, should_stop=lambda: self.cancelled)
        except SidelightError as exc:
            self.signals.failed.emit(exc)
        except Exception as exc:  # a bug: keep the window alive, log the details
            log.error("task %r failed:\n%s", self.label, traceback.format_exc())
            self.signals.failed.emit(SidelightError(None, f"{self.label} failed unexpectedly: {exc}"))
        else:
            self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Starts tasks and tells listeners when any task starts, progresses or ends."""

    started = Signal(object)  # Task
    progressed = Signal(object, int, int, str)
    ended = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool.globalInstance()
        self.running: set[Task] = set()

    def start(
        self,
        label: str,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[SidelightError], None],
    ) -> Task:
        task = Task(label, fn)
        task.signals.progress.connect(lambda done, total, msg: self.progressed.emit(task, done, total, msg))
        task.signals.finished.connect(lambda result: self._end(task, on_done, result))
        task.signals.failed.connect(lambda error: self._end(task, on_failed, error))
        self.running.add(task)
        self.started.emit(task)
        self.pool.start(task)
        return task

    def _end(self, task: Task, callback: Callable[[Any], None], value: Any) -> None:
        self.running.discard(task)
        self.ended.emit(task)
        if not task.cancelled:
            callback(value)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
