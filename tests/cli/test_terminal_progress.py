"""Progress of a long compare on a terminal, and silence in a pipe."""

from __future__ import annotations

import io

from sidelight.cli.console import TerminalProgress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_and_is_cleared_when_done():
    out = Terminal()
    progress = TerminalProgress(out, interval=0)
    progress(40, 100, "scoring pairs")
    assert "aligning: 40% scoring pairs" in out.getvalue()
    progress.clear()
    assert out.getvalue().endswith("\r\x1b[K")


def test_progress_says_nothing_into_a_pipe_or_file():
    out = io.StringIO()
    progress = TerminalProgress(out, interval=0)
    progress(40, 100, "scoring pairs")
    progress.clear()
    assert out.getvalue() == ""
