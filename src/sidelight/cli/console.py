"""What the terminal can show: a cp1252 or ASCII console must not crash a command over a
Chinese name or a "…" in an article."""

from __future__ import annotations

import sys
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
