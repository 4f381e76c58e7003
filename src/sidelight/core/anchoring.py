"""Where an annotation sits in a text, and finding that place again after the text changed.

A span is stored three ways at once (a selector): character offsets, the exact quote with ~32
characters of context either side, and the hash of the text it was made on. While the hash
matches, the offsets are the truth. When a source is re-imported or cleaned differently, the
offsets may point at the wrong words, so we look for the quote again, from cheap and certain to
costly and careful:

1. the quote is still at the old offsets, in its old context;
2. the quote occurs elsewhere: take the occurrence whose context matches, nearest first;
3. the quote itself was edited: find its head and tail (and the end of its prefix, the start of
   its suffix) with diff-match-patch's Bitap ``match_main`` near the old place and where
   rapidfuzz aligns the quote best, on pieces of at most 32 characters (Bitap's
   ``Match_MaxBits``); snap the candidate edges to word edges, and keep the best candidate only
   if both its context is intact (then what lies between is the edited quote) or it stays close
   to the old quote (rapidfuzz ratio) in a context that resembles the old one.

When none of these is convincing the annotation is an orphan: it is kept with its old selector
and listed for the researcher to place again. A wrong placement is worse than an orphan, so
every threshold here errs towards orphaning.
"""

from __future__ import annotations

from dataclasses import dataclass

from diff_match_patch import diff_match_patch
from rapidfuzz import fuzz

from sidelight.core.errors import SidelightError

CONTEXT_CHARS = 32
_PIECE = 32  # diff-match-patch's Match_MaxBits: Bitap patterns longer than this are refused
_MAX_OCCURRENCES = 500
_QUOTE_MIN_RATIO = 80.0  # how close an edited quote must stay to the original
_SHORT_QUOTE = 40  # below this, one changed word weighs a lot: both sides' context must hold
_SHORT_SIDE_MIN = 60.0
_BRACKETED = 95.0  # context this intact on both sides pins the span down...
_BRACKETED_QUOTE_MIN = 60.0  # ...even when the quote itself changed this much
_CONTEXT_MIN = 55.0  # how much of the old context must surround a placement


@dataclass(frozen=True)
class Selector:
    """A span of one source text: offsets, quote, context and the text's hash."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    source_hash: str


@dataclass(frozen=True)
class Placement:
    """Where a selector was found; *method* says how (unchanged, offsets, search, fuzzy)."""

    start: int
    end: int
    method: str


def make_selector(text: str, start: int, end: int, source_hash: str) -> Selector:
    """A selector for ``text[start:end]``; offsets out of range are the caller's mistake."""
    if not (0 <= start < end <= len(text)):
        raise SidelightError(None, f"span {start}-{end} is not inside the text (0-{len(text)})")
    return Selector(
        start, end, text[start:end],
        text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS], source_hash,
    )


def reanchor(selector: Selector, text: str, text_hash: str) -> Selector | None:
    """The selector moved onto *text* (new offsets, context and hash), or None for an orphan."""
    placed = locate(selector, text, text_hash)
    if placed is None:
        return None
    if placed.method == "unchanged":
        return selector
    return make_selector(text, placed.start, placed.end, text_hash)


def locate(selector: Selector, text: str, text_hash: str) -> Placement | None:
    start, end, exact = selector.start, selector.end, selector.exact
    if not exact:
        return None
    in_place = 0 <= start < end <= len(text) and text[start:end] == exact
    if in_place and selector.source_hash == text_hash:
        return Placement(start, end, "unchanged")
    if in_place and _context(selector, text, start, end) >= 80:
        return Placement(start, end, "offsets")
    found = _search_exact(selector, text)
    if found is not None:
        return found
    return _search_fuzzy(selector, text)


def _search_exact(sel: Selector, text: str) -> Placement | None:
    length = len(sel.exact)
    positions: list[int] = []
    at = text.find(sel.exact)
    while at != -1 and len(positions) < _MAX_OCCURRENCES:
        positions.append(at)
        at = text.find(sel.exact, at + 1)
    if not positions:
        return None
    scored = sorted(((_context(sel, text, p, p + length), -abs(p - sel.start), p) for p in positions), reverse=True)
    best_context, _, best = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else -1.0
    if best_context >= _CONTEXT_MIN and best_context - runner_up >= 5:
        return Placement(best, best + length, "search")
    if best_context >= 80:  # identical context twice (a repeated paragraph): the nearest wins
        return Placement(best, best + length, "search")
    if len(positions) == 1 and length >= 40 and best_context >= 35:
        return Placement(best, best + length, "search")
    return None


def _search_fuzzy(sel: Selector, text: str) -> Placement | None:
    exact = sel.exact
    if len(exact) < 12 or not text:
        return None  # too short to recognise once edited
    dmp = diff_match_patch()
    dmp.Match_Distance = max(1000, len(text) // 4)
    # Where the quote may now begin: near its old place, and wherever it aligns best overall
    # (the two differ when a long insertion moved it, or when a similar phrase recurs).
    regions = {min(max(0, sel.start), len(text))}
    starts: set[int] = set()
    ends: set[int] = set()
    aligned = fuzz.partial_ratio_alignment(exact, text, score_cutoff=60)
    if aligned is not None:
        regions.add(aligned.dest_start)
        starts.add(aligned.dest_start)
        ends.add(aligned.dest_end)
    head, tail = exact[:_PIECE], exact[-_PIECE:]
    for approx in regions:
        shift = approx - sel.start
        _add(starts, dmp.match_main(text, head, approx), 0)
        _add(ends, dmp.match_main(text, tail, max(0, sel.end + shift - len(tail))), len(tail))
        if sel.prefix:
            piece = sel.prefix[-_PIECE:]
            _add(starts, dmp.match_main(text, piece, max(0, approx - len(piece))), len(piece))
        if sel.suffix:
            piece = sel.suffix[:_PIECE]
            _add(ends, dmp.match_main(text, piece, min(len(text), sel.end + shift)), 0)
    best: tuple[int, float, int, int] | None = None
    for s0 in starts:
        for e0 in ends:
            s, e = _snap(sel, text, s0, e0)
            if not (0 <= s < e <= len(text)) or not (0.6 <= (e - s) / len(exact) <= 1.6):
                continue
            ratio = fuzz.ratio(text[s:e], exact)
            sides = _sides(sel, text, s, e)
            grown = abs((e - s) - len(exact))
            if min(sides) >= _BRACKETED and ratio >= _BRACKETED_QUOTE_MIN and grown <= max(12, len(exact) // 4):
                rank = 2  # both contexts intact: what lies between them is the quote, edited
            elif ratio >= _QUOTE_MIN_RATIO and _combined(sides) >= _CONTEXT_MIN and (
                len(exact) >= _SHORT_QUOTE or (min(sides) >= _SHORT_SIDE_MIN and e - s >= 0.8 * len(exact))
            ):
                rank = 1
            else:
                continue
            # The quote counts most, then its surroundings and nearness to the old place, so
            # that an unchanged copy of a phrase elsewhere does not beat the edited original.
            distance = min(1.0, abs(s - sel.start) / 2000)
            candidate = (rank, 2 * ratio + _combined(sides) - 20 * distance, s, e)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    if best is None:
        return None
    return Placement(best[2], best[3], "fuzzy")


def _snap(sel: Selector, text: str, s: int, e: int) -> tuple[int, int]:
    """Move fuzzy edges onto word edges where the original quote began or ended at one."""
    if not 0 <= s < e <= len(text):
        return s, e
    if not (sel.prefix[-1:].isalnum() and sel.exact[0].isalnum()):  # it began at a word edge
        while 0 < s and text[s - 1].isalnum() and text[s].isalnum():
            s -= 1
    if not (sel.exact[-1].isalnum() and sel.suffix[:1].isalnum()):  # it ended at a word edge
        while e < len(text) and text[e - 1].isalnum() and text[e].isalnum():
            e += 1
    if not sel.exact[0].isspace():
        while s < e and text[s].isspace():
            s += 1
    if not sel.exact[-1].isspace():
        while e > s and text[e - 1].isspace():
            e -= 1
    return s, e


def _add(found: set[int], position: int, offset: int) -> None:
    if position != -1:
        found.add(position + offset)


def _context(sel: Selector, text: str, start: int, end: int) -> float:
    """How much the text around [start, end) still looks like the selector's context (0-100)."""
    return _combined(_sides(sel, text, start, end))


def _sides(sel: Selector, text: str, start: int, end: int) -> tuple[float, float]:
    before = text[max(0, start - len(sel.prefix)):start]
    after = text[end:end + len(sel.suffix)]
    return fuzz.ratio(before, sel.prefix), fuzz.ratio(after, sel.suffix)


def _combined(sides: tuple[float, float]) -> float:
    """The better side counts double: an edit next to a span spoils one side, rarely both."""
    return (max(sides) + sum(sides) / 2) / 2
