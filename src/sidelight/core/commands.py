"""Undoable changes: every edit a researcher makes is a command with ``do`` and ``undo``.

The :class:`CommandStack` belongs to the Qt-free session; the window's Undo and Redo menu items
only show its labels ("Undo Add annotation 'Economic'") and call it. The stack is unlimited, and
doing a new command after undoing clears what could have been redone, as in every editor.

A command may say which files it changes (``files``: annotation source ids, "codebook"). When
one file is replaced by its version on disk, only the commands that touched it are forgotten
(:meth:`CommandStack.forget`): a colleague's edit to one document's annotations does not take
away the undo history of every other document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol


class Command(Protocol):
    label: str

    def do(self) -> None: ...

    def undo(self) -> None: ...


@dataclass
class CallCommand:
    """A command made of two callables, for changes that are their own inverse pairs."""

    label: str
    do_it: Callable[[], None]
    undo_it: Callable[[], None]

    def do(self) -> None:
        self.do_it()

    def undo(self) -> None:
        self.undo_it()


@dataclass
class MacroCommand:
    """Several commands undone and redone as one (e.g. deleting a selection)."""

    label: str
    commands: Sequence[Command]

    def do(self) -> None:
        done: list[Command] = []
        try:
            for command in self.commands:
                command.do()
                done.append(command)
        except BaseException:
            for command in reversed(done):
                command.undo()
            raise

    def undo(self) -> None:
        for command in reversed(self.commands):
            command.undo()


def files_of(command: Command) -> frozenset[str]:
    """The files a command changes, as it declares them (none for changes kept elsewhere)."""
    if isinstance(command, MacroCommand):
        return frozenset().union(*(files_of(c) for c in command.commands))
    return frozenset(getattr(command, "files", ()))


class CommandStack:
    def __init__(self) -> None:
        self._done: list[Command] = []
        self._undone: list[Command] = []

    def push(self, command: Command) -> None:
        """Do *command* and remember it; if doing it fails, nothing is remembered."""
        command.do()
        self._done.append(command)
        self._undone.clear()

    def undo(self) -> Command | None:
        if not self._done:
            return None
        command = self._done[-1]
        command.undo()
        self._undone.append(self._done.pop())
        return command

    def redo(self) -> Command | None:
        if not self._undone:
            return None
        command = self._undone[-1]
        command.do()
        self._done.append(self._undone.pop())
        return command

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()

    def forget(self, file: str) -> None:
        """Drop the commands that changed *file* (it was reloaded: they no longer apply to it)."""
        self._done = [c for c in self._done if file not in files_of(c)]
        self._undone = [c for c in self._undone if file not in files_of(c)]

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None

    @property
    def undo_labels(self) -> list[str]:
        """Labels from the most recent command back, for an undo history list."""
        return [c.label for c in reversed(self._done)]

    def __len__(self) -> int:
        return len(self._done)
