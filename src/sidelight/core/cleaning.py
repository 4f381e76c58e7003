"""Cleaning scraped article text, with a record of everything that was changed.

Web scrapes carry cookie banners, "Search Trends" widgets, contact footers, bylines and photo
captions that the page repeats two or three times. Those are not what the outlet said, and left
in they would show up as "claims" that every outlet shares. We drop them, but a researcher must be
able to audit exactly what was dropped, so every removal and every repair is returned as a
:class:`Change` and stored next to the source; the original stays untouched beside the cleaned text.

Rules work line by line (a scraped line is a paragraph), and never inside a sentence except to
repair a missing space after a sentence end ("2023.During" becomes "2023. During"); decimals
("US$185.1"), abbreviations ("U.S.") and addresses ("cgtn.com") are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sidelight.core import metadata

# Whole lines that are web furniture, not article text.
_BOILERPLATE: list[tuple[str, re.Pattern[str]]] = [
    ("cookie-banner", re.compile(r"(?i)^(our )?privacy (statement|policy)\b.*cookie")),
    ("cookie-banner", re.compile(r"(?i)\bby continuing to (browse|use) (our|this) (site|website)\b")),
    ("cookie-banner", re.compile(r"(?i)\b(we|this site) uses? cookies\b")),
    ("cookie-banner", re.compile(r"(?i)^(i agree|accept( all)?( cookies)?|got it|ok(ay)?)\W*$")),
    ("site-widget", re.compile(r"(?i)^(search trends|trending( now)?|most (read|popular)|related( stories| articles)?|read more|share( this)?( article)?)\W*$")),
    ("contact-footer", re.compile(r"(?i)^\(?\s*if you want to contribute\b.*\bcontact us\b")),
    ("contact-footer", re.compile(r"(?i)^\(?\s*follow @?\w+ on (twitter|x|facebook)\b")),
    ("newsletter-footer", re.compile(r"(?i)\b(subscribe to|sign up for) (our|the) (newsletter|daily|weekly)\b")),
    ("copyright-footer", re.compile(r"(?i)^(copyright|©)\s.*(all rights reserved)?")),
]

_SECTION = re.compile(r"^[A-Z][A-Z&' -]+( / [A-Z][A-Z&' -]+)+$")
_PUBLISHED = re.compile(r"(?i)^(published|updated|posted)( on)?:?\s+(?P<when>.+)$")
_STAMP_BYLINE = re.compile(r"^(?P<when>\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2})?)\s*(By(?P<by>.*))?$")
_BYLINE = re.compile(r"^By\s+(?P<by>.{3,160})$")
_BYLINE_NAMES = re.compile(r"^[^.!?]{3,80}$")  # a sentence that starts with "By" has a full stop
_BYLINE_SEPARATOR = re.compile(r"\s{2,}|\s+[|·•]\s+|\s+[-–—]\s+")
_SEPARATOR_CHARS = " ,;|·•-–—"
_CREDIT = re.compile(r"(?i)^(?P<by>[^.!?]{3,80}?) contributed to (this|the) (story|report|article)\.?$")
_ISSUE = re.compile(r"^(?P<pub>.+?)\s*\d{4}年\d{1,2}期$")
_BARE_NAME = re.compile(r"^[A-Z][a-z'’-]+( [A-Z][a-z'’-]+){1,3}$")

# Missing spaces the scraper swallowed: a space is inserted where each pattern's match ends.
_REPAIRS: list[re.Pattern[str]] = [
    re.compile(r"(?<=[a-z0-9%)”’\"])([.!?])(?=[A-Z“‘\"])"),  # "2023.During", "percent.The"
    re.compile(r"(?<=[a-zA-Z)”’\"]),(?=[A-Za-z“‘])"),  # "Hanoi,capital"
    re.compile(r"(?<=\d),(?=[A-Za-z“‘])"),  # "October 2023,the"
    re.compile(r"(?<=\d),(?=\d{4}\b)"),  # "December 12,2023" (thousands groups have 3 digits)
    re.compile(r"(?<=[a-z])(?=“)"),  # "so-called“freedom"
    re.compile(r"(?<=[.,]”)(?=[A-Za-z])"),  # "revolutions.”Such"
]


@dataclass(frozen=True)
class Change:
    """One thing cleaning did: a line dropped, or a repair made inside a line."""

    rule: str
    line: int  # 1-based line in the original text
    text: str  # what was there
    replacement: str | None = None  # what is there now, for repairs

    def as_dict(self) -> dict:
        out: dict = {"rule": self.rule, "line": self.line, "text": self.text}
        if self.replacement is not None:
            out["now"] = self.replacement
        return out


@dataclass
class Cleaned:
    text: str
    changes: list[Change]
    found: dict[str, str] = field(default_factory=dict)  # metadata seen in dropped lines

    @property
    def removed(self) -> list[Change]:
        return [c for c in self.changes if c.replacement is None]

    @property
    def repaired(self) -> list[Change]:
        return [c for c in self.changes if c.replacement is not None]


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def clean_text(raw: str) -> Cleaned:
    """Clean one article's text. Paragraphs in the result are separated by a blank line."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    changes: list[Change] = []
    found: dict[str, str] = {}
    kept: list[tuple[int, str]] = []
    seen_keys: set[str] = set()
    seen_text = ""  # whitespace-free, case-folded text kept so far, for repeated pull-quotes

    for number, line in enumerate(lines, start=1):
        para = line.replace("\u00a0", " ").strip()
        if not para:
            continue
        if len(kept) <= 3 and (wire := _WIRE_DATELINE.match(para)):
            # "HANOI, Dec. 12 (Xinhua) -- China and ...": where and when the wire filed it, not a claim
            changes.append(Change("dateline", number, wire.group(0).strip()))
            found.setdefault("dateline", wire.group("place").strip())
            para = para[wire.end():]
            para = para[:1].upper() + para[1:]
            if not para:
                continue
        rule = _furniture(para, found, kept_count=len(kept))
        if rule:
            changes.append(Change(rule, number, para))
            continue
        key = _key(para)
        if key in seen_keys:
            changes.append(Change("repeated-paragraph", number, para))
            continue
        if _is_repeat_of_earlier(para, key, seen_text):
            changes.append(Change("repeated-pull-quote", number, para))
            continue
        seen_keys.add(key)
        seen_text += key + "\u0000"
        kept.append((number, para))

    out: list[str] = []
    for number, para in kept:
        fixed = _repair_spaces(para, number, changes)
        out.append(fixed)
    changes.sort(key=lambda c: c.line)
    return Cleaned("\n\n".join(out) + ("\n" if out else ""), changes, found)


_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"  # HANOI, Ho Chi Minh City
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*"  # , Dec. 12
    r"\((?P<agency>[A-Z][\w .&/-]{1,30})\)\s*(?:[-–—]{1,2}|:)\s*"  # (Xinhua) --
)


def _furniture(para: str, found: dict[str, str], kept_count: int) -> str | None:
    for rule, pattern in _BOILERPLATE:
        if pattern.search(para):
            return rule
    if len(para) <= 60 and _SECTION.match(para):
        found.setdefault("section", para)
        return "section-label"
    if m := _PUBLISHED.match(para):
        found.setdefault("published", m.group("when"))
        return "dateline"
    if m := _STAMP_BYLINE.match(para):
        found.setdefault("published", m.group("when"))
        if m.group("by"):
            found.setdefault("byline_raw", m.group("by"))
        return "dateline"
    if m := _ISSUE.match(para):
        found.setdefault("publication", m.group("pub").strip())
        return "issue-label"
    if (m := _BYLINE.match(para)) and (byline := _split_byline(m.group("by"))):
        names, when = byline
        found.setdefault("author", _names(names))
        if when:
            found.setdefault("published", when)
        return "byline"
    if m := _CREDIT.match(para):
        found.setdefault("contributors", _names(m.group("by")))
        return "credit-line"
    if 1 <= kept_count <= 3 and _BARE_NAME.match(para) and "author" not in found:
        found["author"] = para
        return "byline"
    return None


def _split_byline(by: str) -> tuple[str, str | None] | None:
    """The names and the trailing date of a byline ("Hoang Thuy   December 13, 2023 | 05:30 pm").

    Sites print the date on the byline's line, after a wide gap, a bar, a dot or a dash. None
    when the line reads like a sentence that happens to start with "By".
    """
    when = None
    found = metadata.find_date(by)
    if found is not None:
        if found[0] == 0:
            return None  # "By December 13, 2023, the two sides ..."
        by, when = by[: found[0]], by[found[0]:].strip()
        by = _BYLINE_SEPARATOR.split(by.strip(), maxsplit=1)[0]
    names = by.strip(_SEPARATOR_CHARS)
    return (names, when) if _BYLINE_NAMES.match(names) else None


def _names(text: str) -> str:
    parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", text.strip())
    return ", ".join(p.strip() for p in parts if p.strip())


def _is_repeat_of_earlier(para: str, key: str, seen_text: str) -> bool:
    """A short line that only repeats text the article already printed (pull-quote, fact box)."""
    if not seen_text:
        return False
    if len(key) >= 10 and key in seen_text:
        return True
    words = _WORDS.findall(para)  # a Chinese character counts as a word: its text has no spaces
    if len(words) <= 3 and re.search(r"\d", para):
        number = re.search(r"\d[\d.,]*", para)
        return bool(number and number.group(0) in seen_text)
    return False


_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_WORDS = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")


def _repair_spaces(para: str, line: int, changes: list[Change]) -> str:
    for pattern in _REPAIRS:
        pieces: list[str] = []
        last = 0
        for m in pattern.finditer(para):
            at = m.end()
            lo, hi = max(0, at - 12), at + 12
            changes.append(
                Change("missing-space", line, para[lo:hi], para[lo:at] + " " + para[at:hi])
            )
            pieces.append(para[last:at])
            pieces.append(" ")
            last = at
        if pieces:
            pieces.append(para[last:])
            para = "".join(pieces)
    return para
