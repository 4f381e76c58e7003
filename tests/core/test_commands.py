"""The one undo history: forgetting a reloaded file's changes keeps everything else undoable."""

from __future__ import annotations

from dataclasses import dataclass, field

from sidelight.core.commands import CallCommand, CommandStack, MacroCommand


@dataclass
class Edit:
    label: str
    files: frozenset[str]
    log: list[str] = field(default_factory=list)

    def do(self) -> None:
        self.log.append(f"do {self.label}")

    def undo(self) -> None:
        self.log.append(f"undo {self.label}")


def test_forget_drops_every_command_touching_the_file_even_inside_a_macro_and_keeps_the_rest():
    log: list[str] = []
    stack = CommandStack()
    stack.push(Edit("a1", frozenset({"a"}), log))
    stack.push(CallCommand("correction", lambda: log.append("do correction"), lambda: log.append("undo correction")))
    stack.push(MacroCommand("both", [Edit("a2", frozenset({"a"}), log), Edit("b1", frozenset({"b"}), log)]))
    stack.push(Edit("b2", frozenset({"b"}), log))
    stack.undo()  # b2 can be redone
    stack.forget("a")
    assert stack.redo_label == "b2" and stack.undo_label == "correction"
    assert stack.undo_labels == ["correction"]
    stack.forget("b")
    assert not stack.can_redo and stack.undo_label == "correction"
