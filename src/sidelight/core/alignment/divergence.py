"""How matched units differ: a word-level diff, and the facts they state differently.

The diff maps each distinct word (case-folded), space run and punctuation mark to one
character, as diff-match-patch's ``diff_linesToChars`` does for lines, diffs those strings and
maps back (no semantic clean-up: at word level it would swallow a lone shared word such as
"maritime"). On sentences this is instant and reads as "maritime disputes" -> "differences on
maritime issues" rather than as scattered letters. Each run carries offsets into both source
texts so the window can highlight it in place.

A conflict is reported when units of one group state the same kind of fact and each states
something the other does not ("$234.9 billion" against "US$200 billion"); a unit that merely
adds a detail the others omit is not in conflict. Names count as the same when they share a
word ("Xi" and "Xi Jinping"), and as stated by a unit that mentions them at all. Plain numbers
disagree only when they count the same thing ("233 projects" against "250 projects").
Attribution and hedging are compared as wholes, with "(no source in this sentence)" and "(none)"
standing for their absence, because "Ge said" against a bare statement is exactly the kind of
difference a researcher looks for. It says "in this sentence" because reported speech often runs
on from the sentence before ("Wang said ... This is in line with ..."), which is not read here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import combinations
from typing import Any, cast

from sidelight.core.alignment.facts import Fact, Facts
from sidelight.core.alignment.model import Conflict, DiffOp, Unit

_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
# A word keeps its trailing space; text in Chinese or Japanese script, written without spaces,
# is compared character by character (else a whole sentence would be one "word").
_TOKEN = re.compile(rf"[^\W{_CJK_CHARS}]+(?:['’][^\W{_CJK_CHARS}]+)*\s*|[{_CJK_CHARS}]\s*|[^\w\s]\s*|\s+", re.U)
_OPS = {0: "equal", -1: "delete", 1: "insert"}
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
NUMERIC = ("money", "percent", "number")
NAMES = ("person", "place", "organisation")
CONFLICT_TYPES = (*NUMERIC, "date", "weekday", *NAMES, "attribution", "hedging")
FACT_TYPES = (*NUMERIC, "date", "weekday", *NAMES)  # what is stated, not who says it or how surely


def word_diff(a: Unit, b: Unit) -> tuple[DiffOp, ...]:
    """Word-level diff of two units, runs in reading order with offsets into both texts."""
    from diff_match_patch import diff_match_patch

    tokens_a = [(m.start(), m.end()) for m in _TOKEN.finditer(a.text)]
    tokens_b = [(m.start(), m.end()) for m in _TOKEN.finditer(b.text)]
    codes: dict[str, str] = {}

    def encode(text: str, spans: list[tuple[int, int]]) -> str:
        out = []
        for s, e in spans:
            key = text[s:e].strip().casefold()
            if key not in codes:
                codes[key] = chr(0x100 + len(codes))
            out.append(codes[key])
        return "".join(out)

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 2.0
    diffs = dmp.diff_main(encode(a.text, tokens_a), encode(b.text, tokens_b), False)
    dmp.diff_cleanupMerge(diffs)  # semantic clean-up would swallow single shared words
    ops: list[DiffOp] = []
    ia = ib = 0
    for op, chars in diffs:
        n = len(chars)
        a_start = a.start + (tokens_a[ia][0] if ia < len(tokens_a) else len(a.text))
        b_start = b.start + (tokens_b[ib][0] if ib < len(tokens_b) else len(b.text))
        if op == 0:
            a_end = a.start + tokens_a[ia + n - 1][1]
            b_end = b.start + tokens_b[ib + n - 1][1]
            text = a.text[a_start - a.start:a_end - a.start]
            ia, ib = ia + n, ib + n
        elif op == -1:
            a_end, b_end = a.start + tokens_a[ia + n - 1][1], b_start
            text = a.text[a_start - a.start:a_end - a.start]
            ia += n
        else:
            a_end, b_end = a_start, b.start + tokens_b[ib + n - 1][1]
            text = b.text[b_start - b.start:b_end - b.start]
            ib += n
        ops.append(DiffOp(_OPS[op], text, a_start, a_end, b_start, b_end))  # type: ignore[arg-type]
    return tuple(ops)


SaidBefore = Callable[[Unit], tuple[Fact, ...]]


def conflicts(units: Sequence[Unit], facts: Sequence[Facts], said_before: SaidBefore | None = None) -> tuple[Conflict, ...]:
    """Facts the given units (one group, or a pair) state differently. ``said_before(unit)``:
    who the sentence before it, in its paragraph, says is speaking (see :func:`attribution_before`),
    shown beside a unit that names no source itself."""
    found: list[Conflict] = []
    for kind in CONFLICT_TYPES:
        stated = [(u, getattr(f, kind)) for u, f in zip(units, facts)]
        if kind in ("attribution", "hedging"):
            conflict = _whole_conflict(kind, stated, said_before)
        elif kind in NAMES:
            # who is speaking is compared as attribution: "Chinese Foreign Ministry spokesperson
            # Mao Ning said" names no organisation the claim is about
            about = [(u, tuple(x for x in v if x.key not in f.speaker_names)) for (u, v), f in zip(stated, facts)]
            conflict = _detail_conflict(kind, [(u, v) for u, v in about if v])
        else:
            conflict = _detail_conflict(kind, [(u, v) for u, v in stated if v])
        if conflict is not None:
            found.append(conflict)
    if not any(c.type == "weekday" for c in found):
        calendar = _weekday_against_date(units, facts)
        if calendar is not None:
            found.append(calendar)
    return tuple(found)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _weekdays_of(dates: tuple[Fact, ...]) -> list[str]:
    """The weekdays on which a unit's full dates (day, month and year) fall, in order."""
    import datetime

    days: list[str] = []
    for f in dates:
        month, day, to_day, year = f.key if isinstance(f.key, tuple) and len(f.key) == 4 else (None,) * 4
        if not (isinstance(month, str) and isinstance(day, int) and isinstance(year, int)) or month[:3] not in _MONTHS:
            continue
        last = to_day if isinstance(to_day, int) and day <= to_day <= day + 6 else day
        for d in range(day, last + 1):
            try:
                name = _WEEKDAYS[datetime.date(year, _MONTHS.index(month[:3]) + 1, d).weekday()]
            except ValueError:  # "February 30": no day to check against
                continue
            if name not in days:
                days.append(name)
    return days


def _weekday_against_date(units: Sequence[Unit], facts: Sequence[Facts]) -> Conflict | None:
    """One unit gives the date ("December 12 to 13, 2023"), another only the weekday ("on
    Tuesday and Wednesday"): a weekday the date does not fall on is a conflict of dates."""
    dated = [(u, f, _weekdays_of(f.date)) for u, f in zip(units, facts) if f.date and not f.weekday]
    named = [(u, f) for u, f in zip(units, facts) if f.weekday and not any(
        isinstance(d.key, tuple) and len(d.key) == 4 and d.key[1] is not None for d in f.date)]
    for u, f, days in dated:
        if not days:
            continue
        for v, g in named:
            said = [w.key for w in g.weekday]
            if any(day not in days for day in said):
                fell = " and ".join(d.capitalize() for d in days)
                return Conflict("weekday", {
                    u.id: f"{_wording(f.date)} (a {fell})" if len(days) == 1 else f"{_wording(f.date)} ({fell})",
                    v.id: _wording(g.weekday)})
    return None


def _detail_conflict(kind: str, stated: list[tuple[Unit, tuple[Fact, ...]]]) -> Conflict | None:
    if kind == "number":
        return _number_conflict(stated)
    if kind in NAMES:
        # Compare names by their words once per unit, not once per pair of facts. A name also
        # counts as stated where the other unit merely mentions it: "Xi" opening a sentence is
        # not taken for a name, but "Xi held talks" does name Xi.
        # Units worded alike are compared once (a claim carried by 200 outlets is mostly a few wordings).
        readings = {(tuple(_name_words(f) for f in facts), _mentions(u.text))
                    for u, facts in stated}
        for (names_a, mentions_a), (names_b, mentions_b) in combinations(readings, 2):
            only_a = [x for x in names_a if not any(_shares_word(x, y) for y in names_b) and x.isdisjoint(mentions_b)]
            only_b = [y for y in names_b if not any(_shares_word(x, y) for x in names_a) and y.isdisjoint(mentions_a)]
            if only_a and only_b:
                return Conflict(kind, {u.id: _wording(v) for u, v in stated})
        return None
    keyed = [list(facts) for _u, facts in stated]
    same: Callable[[Any, Any], bool] = _same_date if kind == "date" else _same_value
    # Units that state the very same details cannot disagree with each other: compare each
    # distinct wording once (a claim carried by 200 outlets is mostly a few wordings).
    distinct = list({_hashable(k): k for k in keyed}.values())
    for i, j in combinations(range(len(distinct)), 2):
        fa, fb = distinct[i], distinct[j]
        if any(not any(same(x, y) for y in fb) for x in fa) and any(not any(same(x, y) for x in fa) for y in fb):
            note = _bound_note(kind, distinct)
            return Conflict(kind, {u.id: _wording(v) for u, v in stated}, note, agrees=bool(note))
    return None


@lru_cache(maxsize=20_000)
def _mentions(text: str) -> frozenset[str]:
    """The capitalised words of a unit, lower-cased, and the parts of hyphenated ones ("the
    China-ASEAN free trade area" mentions ASEAN); asked for once per kind of name and group."""
    words = [w.lower() for w in _CAPITALISED.findall(text)]
    return frozenset(words).union(*(w.split("-") for w in words if "-" in w))


BOUND_NOTE = "the figures differ but agree: one gives a bound (“more than”, “nearly”) and the other a figure within it"


def _bound_note(kind: str, distinct: list[list[Fact]]) -> str:
    """Other figures are a divergence to see, but not a contradiction when each is within the
    other's bound: say so, so the researcher does not cite it as one."""
    if kind not in ("money", "percent"):
        return ""
    for fa, fb in combinations(distinct, 2):
        if not (all(any(_compatible(x, y) for y in fb) for x in fa) and all(any(_compatible(x, y) for x in fa) for y in fb)):
            return ""
    return BOUND_NOTE


def _number_conflict(stated: list[tuple[Unit, tuple[Fact, ...]]]) -> Conflict | None:
    """Plain numbers disagree only when they count the same thing: "233 projects" against "250
    projects", not "143 countries" against "15 years". A bound is a divergence that agrees:
    "more than 30 agreements" and "36 agreements"."""
    counts: list[dict[str | None, list[Fact]]] = [{} for _ in stated]
    for found, (_u, facts) in zip(counts, stated):
        for f in facts:
            _value, noun = cast(tuple[float, str | None], f.key)
            found.setdefault(noun, []).append(f)
    disputed: set[str] = set()
    contradicted = False
    for a, b in combinations(counts, 2):
        for noun in a.keys() & b.keys():
            if noun is None or {f.key for f in a[noun]} == {f.key for f in b[noun]}:
                continue
            disputed.add(noun)
            keeps = (all(any(_compatible(x, y) for y in b[noun]) for x in a[noun])
                     and all(any(_compatible(x, y) for x in a[noun]) for y in b[noun]))
            contradicted = contradicted or not keeps
    if not disputed:
        return None
    values = {u.id: _wording(tuple(f for f in facts if cast(tuple, f.key)[1] in disputed))
              for (u, facts), found in zip(stated, counts) if disputed & found.keys()}
    return Conflict("number", values, "" if contradicted else BOUND_NOTE, agrees=not contradicted)


def _hashable(facts: list) -> tuple:
    """What the comparisons look at (a fact's key, or a name's words), as a hashable value."""
    return tuple(sorted(repr(sorted(f)) if isinstance(f, frozenset) else repr(f.key) for f in facts))


def attribution_before(unit: Unit, previous: Unit | None, text: str, facts_of: Callable[[Unit], Facts]) -> tuple[Fact, ...]:
    """The sources the sentence just before ``unit`` (``previous``; ``text``: their document's)
    names, when it is in the same paragraph: reported speech often runs on ("Wang said ... .
    This is in line with ..."), and the reader should see so."""
    if previous is None or previous.document != unit.document or "\n\n" in text[previous.end:unit.start]:
        return ()
    return facts_of(previous).attribution


def _whole_conflict(kind: str, stated: list[tuple[Unit, tuple[Fact, ...]]],
                    said_before: SaidBefore | None = None) -> Conflict | None:
    if not any(v for _u, v in stated):
        return None
    absent = "(no source in this sentence)" if kind == "attribution" else "(none)"
    if kind == "attribution":
        for (_ua, fa), (_ub, fb) in combinations(stated, 2):
            if bool(fa) != bool(fb) or (fa and not any(_same_name(x, y) for x in fa for y in fb)):
                break
        else:
            return None
    else:
        keys = {frozenset(f.key for f in v) for _u, v in stated}
        if len(keys) == 1:
            return None
    def missing(u: Unit) -> str:
        before = said_before(u) if kind == "attribution" and said_before is not None else ()
        return f"(no source in this sentence; the one before names {_wording(before)})" if before else absent

    return Conflict(kind, {u.id: _wording(v) if v else missing(u) for u, v in stated})


def _wording(facts: tuple[Fact, ...]) -> str:
    return ", ".join(dict.fromkeys(f.wording for f in facts))


def _same_value(x: Fact, y: Fact) -> bool:
    return x.key == y.key


def _compatible(x: Fact, y: Fact) -> bool:
    """Other figures that still agree: a bound the other value keeps ("more than $200 billion"
    and "$234.9 billion"; not "nearly 20%" and "25%"). Counts compare their numbers (their keys
    also hold the thing counted, the same on both sides when this is asked)."""
    if x.key == y.key:
        return True
    if not (x.bound or y.bound):
        return False
    if not all(isinstance(_amount(f), float | int) for f in (x, y)):
        return False
    return _within(x, y) or _within(y, x)


def _amount(fact: Fact) -> object:
    return fact.key[0] if isinstance(fact.key, tuple) else fact.key


def _within(bound: Fact, value: Fact) -> bool:
    a, b = cast(float, _amount(bound)), cast(float, _amount(value))
    if bound.bound == "min":
        return value.bound != "max" and b >= a
    if bound.bound == "max":
        return value.bound != "min" and b <= a
    return False


def _name_words(fact: Fact) -> frozenset[str]:
    return frozenset(w for w in str(fact.key).replace("-", " ").split() if len(w) > 1)


def _shares_word(x: frozenset[str], y: frozenset[str]) -> bool:
    return not x.isdisjoint(y)


def _same_name(x: Fact, y: Fact) -> bool:
    return _shares_word(_name_words(x), _name_words(y))


def _same_date(x: Fact, y: Fact) -> bool:
    return all(p is None or q is None or p == q for p, q in zip(x.key, y.key))  # type: ignore[call-overload]
