"""Finding text in documents, for the window's find bar and for scripts.

Kept in the core so that what the find bar highlights is tested without a display. Matching is
case-insensitive by default and also ignores accents on request, so "Viet Nam" searches can find
"Việt Nam" when a researcher wants them to.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Match:
    start: int
    end: int


def find_all(
    text: str, query: str, *, case_sensitive: bool = False, whole_words: bool = False,
    ignore_accents: bool = False,
) -> list[Match]:
    if not query:
        return []
    haystack, needle = text, query
    if ignore_accents:
        haystack, needle = _fold_accents(text), _fold_accents(query)
    pattern = re.escape(needle)
    if whole_words:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    flags = 0 if case_sensitive else re.IGNORECASE
    return [Match(m.start(), m.end()) for m in re.finditer(pattern, haystack, flags)]


def _fold_accents(text: str) -> str:
    """Remove combining marks while keeping one character per character, so offsets still hold."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char)[0]
        out.append(base if len(unicodedata.normalize("NFD", char)) > 1 else char)
    return "".join(out).replace("đ", "d").replace("Đ", "D")
