"""What the window tests share: the two sample articles they read side by side, opening, and no
modal question left waiting for a click."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidelight.gui import main_window
from sidelight.gui.app import create_window
from sidelight.gui.claims import merge_prompt
from sidelight.gui.main_window import MainWindow

GT = "china-vietnam-reach-consensus-on"  # Global Times, 2023-12-01
CRA = "a-new-day-for-china-vietnam-relations"  # China Report ASEAN, 2024-01-25


def open_window(qtbot, workspace: Path, shown: list[str] | None = None) -> MainWindow:
    """A shown main window on *workspace*, closed by qtbot after the test."""
    win = create_window(str(workspace))
    qtbot.addWidget(win)
    win.show()
    if shown is not None:
        win.doc_model.set_shown(shown)
    return win


def _unanswered(_parent, question: str, _detail: str) -> bool:
    raise AssertionError(f"a question no test answers would wait for a click: {question}")


@pytest.fixture(autouse=True)
def _no_unanswered_questions(monkeypatch):
    """A modal question would block a test run for ever: a test that expects one answers it."""
    monkeypatch.setattr(merge_prompt, "ask", _unanswered)
    monkeypatch.setattr(main_window, "ask_reopen",
                        lambda _parent, changes: _unanswered(_parent, f"reopen for {changes}?", ""))
    monkeypatch.setattr(main_window, "ask_unapplied",
                        lambda _parent, documents: _unanswered(_parent, f"apply document annotations of {documents}?", ""))
