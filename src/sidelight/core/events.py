"""Plain-Python change notifications, so that any view (Qt or not) can follow the core.

The core calls :meth:`Observable.emit` once a change is complete; the GUI subscribes a callback
that turns the event into a Qt signal or a repaint. Nothing here knows about Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

ANNOTATIONS_CHANGED = "annotations-changed"  # source_id, ids of records added/changed/removed
CODEBOOK_CHANGED = "codebook-changed"
STACK_CHANGED = "stack-changed"  # undo/redo availability or labels changed
SAVED = "saved"  # message lists the files written
CONFLICT = "conflict"  # source_id (or "codebook") changed on disk under unsaved changes
RELOADED = "reloaded"  # source_id (or "codebook") re-read from disk
REANCHORED = "reanchored"  # source_id: its text changed; message says how many moved or orphaned


@dataclass(frozen=True)
class Event:
    kind: str
    source_id: str | None = None
    ids: tuple[str, ...] = ()
    message: str = ""


Listener = Callable[[Event], None]


class Observable:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call *listener* with every event from now on; returns a function that unsubscribes."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)
