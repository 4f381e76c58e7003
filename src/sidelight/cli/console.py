"""What the terminal can show: a cp1252 or ASCII console must not crash a command over a
Chinese name or a "…" in an article."""

from __future__ import annotations

import sys
import time
from typing import TextIO


def takes_any_character(stream: TextIO) -> bool:
    """Whether ``stream`` encodes every character (else JSON spells non-ASCII ones as \\u escapes)."""
    return (getattr(stream, "encoding", None) or "").lower().replace("-", "") in ("utf8", "utf16", "utf32")


def survive_narrow_consoles(output_format: str | None) -> None:
    """On a console that cannot encode everything, HTML spells such characters as character
    references (lossless), text shows "?" in their place; stderr too."""
    if takes_any_character(sys.stdout):
        return
    for stream, errors in ((sys.stdout, "xmlcharrefreplace" if output_format == "html" else "replace"),
                           (sys.stderr, "replace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=errors)


class TerminalProgress:
    """Progress on one line of a terminal's stderr ("aligning: 40% scoring pairs"), for work that
    can take a while on large files; nothing when stderr is a file or a pipe (scripts, logs).
    Updates at most every half second, and the line is cleared when done."""

    def __init__(self, stream: TextIO | None = None, interval: float = 0.5):
        self.stream = stream if stream is not None else sys.stderr
        self.on = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval, self._last, self._shown = interval, 0.0, False

    def __call__(self, done: int, total: int, what: str) -> None:
        if not self.on or time.monotonic() - self._last < self.interval:
            return
        self._last = time.monotonic()
        share = f"{100 * done // total}% " if total else ""
        self.stream.write(f"\r\x1b[Kaligning: {share}{what}")
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
