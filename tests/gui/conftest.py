"""What the window tests share: the two sample articles they read side by side, and opening."""

from __future__ import annotations

from pathlib import Path

from sidelight.gui.app import create_window
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
