"""Guessing an article's outlet, author, date and language from its own text.

Scrapes rarely come with clean metadata, but the text often says who published it ("told the
Global Times", "the views of CGTN", a "Published:" line). We only take what the text states
and say ``unknown`` otherwise: a wrong outlet is worse than a missing one.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from pathlib import Path

UNKNOWN = "unknown"

# Phrases in which an outlet names itself (not the agencies it quotes).
_SELF_REFERENCES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"views of CGTN|@cgtn\.com|\bfor CGTN\b"), "CGTN"),
    (re.compile(r"\btold (the )?Global Times\b|\bGT reporter"), "Global Times"),
    (re.compile(r"\btold (the )?China Daily\b|\bChina Daily reporter"), "China Daily"),
    (re.compile(r"(?i)\bChina Report ASEAN\b"), "China Report ASEAN"),
    (re.compile(r"\btold (the )?South China Morning Post\b|\bthe Post (has )?learned\b"), "South China Morning Post"),
]

_DATE_FORMATS = [
    "%b %d, %Y %I:%M %p", "%b %d, %Y", "%B %d, %Y", "%d %B %Y", "%Y-%m-%d %H:%M", "%Y-%m-%d",
    "%Y/%m/%d", "%d.%m.%Y",
]


def guess_outlet(text: str, found: dict[str, str]) -> str:
    publication = found.get("publication", "")
    for pattern, outlet in _SELF_REFERENCES:
        if publication and pattern.search(publication):
            return outlet
    for pattern, outlet in _SELF_REFERENCES:
        if pattern.search(text):
            return outlet
    return publication or UNKNOWN


_AUTHOR_NOTES = [
    re.compile(r"Editor's Note: (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}), (?:a|an|the) "),
    re.compile(r"^The author is (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}), ", re.M),
]


_NOT_AUTHORS = re.compile(r"(?i)^(?:published|updated|posted|modified|editor|source|photo|by)\b|\d")


def clean_author(value: str | None) -> str | None:
    """An extractor's author field without what a byline runs on into ("Jane Doe; Published",
    "Jane Doe | Updated 2023-12-12"); None when nothing name-like is left."""
    if not value:
        return None
    names = [part.strip(" ,.") for part in re.split(r"[;|]", value)]
    names = [n for n in names if n and not _NOT_AUTHORS.search(n)]
    return ", ".join(dict.fromkeys(names)) or None


def guess_author(text: str, found: dict[str, str]) -> str:
    if found.get("author"):
        return found["author"]
    for pattern in _AUTHOR_NOTES:
        m = pattern.search(text)
        if m:
            return m.group("name")
    return UNKNOWN


_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_EMBEDDED_DATES = [
    re.compile(rf"(?i)\b{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})\b"),  # December 13, 2023; Dec. 13 2023
    re.compile(rf"(?i)\b{_DAY}\s+{_MONTH},?\s+(?P<year>\d{{4}})\b"),  # 13 December 2023
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),  # 2023-12-13 17:30
]


def parse_date(value: str | None) -> str:
    """An ISO date (YYYY-MM-DD) from a dateline, or ``unknown``.

    Datelines rarely stand alone: "December 13, 2023 | 05:30 pm GMT+7" carries a time and a
    zone, so after the whole-string formats we take the first full date found inside.
    """
    if not value:
        return UNKNOWN
    value = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    found = find_date(value)
    return found[1] if found else UNKNOWN


def find_date(text: str) -> tuple[int, str] | None:
    """Where the first full date (day, month and year) in *text* starts, and that date in ISO form."""
    hits = [(m.start(), iso) for pattern in _EMBEDDED_DATES for m in pattern.finditer(text)
            if (iso := _iso_date(m)) is not None]
    return min(hits) if hits else None


def _iso_date(match: re.Match[str]) -> str | None:
    month = match.group("month")
    number = int(month) if month.isdigit() else _MONTH_NUMBERS[month[:3].lower()]
    try:
        return date(int(match.group("year")), number, int(match.group("day"))).isoformat()
    except ValueError:  # 31 June, month 13
        return None


_MONTH_NUMBERS = {name: n for n, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def guess_language(text: str) -> str:
    """A coarse ISO 639-1 guess: enough to pick a sentence splitter and warn on mixed corpora."""
    sample = text[:5000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return UNKNOWN
    cjk = sum(1 for c in letters if "\u4e00" <= c <= "\u9fff")
    if cjk > len(letters) * 0.3:
        return "zh"
    vietnamese = sum(1 for c in letters if c in "ăâđêôơưĂÂĐÊÔƠƯ" or _has_vi_tone(c))
    if vietnamese > len(letters) * 0.05:
        return "vi"
    words = re.findall(r"[a-z]+", sample.lower())
    common = {"the", "and", "of", "to", "in", "is", "that", "for", "on", "with"}
    if words and sum(w in common for w in words) > len(words) * 0.08:
        return "en"
    return UNKNOWN


def _has_vi_tone(char: str) -> bool:
    decomposed = unicodedata.normalize("NFD", char)
    return any(mark in decomposed for mark in ("\u0303", "\u0309", "\u0323"))


HEADLINE_MAX_WORDS = 25


def title_of(first_paragraph: str, file_name: str = "") -> str:
    """The headline, when the text opens with one; else the file's name ("storm-report.txt":
    "storm report"), not a whole first sentence standing in for a title."""
    title = first_paragraph.strip()
    if title.isupper():
        title = title.title()
    looks_like_headline = len(title.split()) <= HEADLINE_MAX_WORDS and not re.search(r"[.;:。]\W*$", title) \
        and "\n" not in title
    if file_name and not looks_like_headline:
        stem = re.sub(r"[_-]+", " ", Path(file_name).stem).strip()
        if stem:
            return stem
    return title[:200]



def ascii_letters(text: str) -> str:
    """*text* in ASCII letters, for ids and file names: "Biển Đông" gives "Bien Dong",
    "Øresund" "Oresund", "中越关系" "Zhong Yue Guan Xi".

    Letters and digits are transliterated by anyascii, which spells letters that are not a
    base letter plus marks ("Đ", "ß") and scripts slugs could not otherwise spell at all;
    syllables of scripts written without spaces (Chinese, Japanese) are kept apart so an id
    stays readable. Other symbols become spaces.
    """
    if text.isascii():
        return text
    from anyascii import anyascii

    parts = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch.isascii():
            spelled = ch
        elif category[0] in "LMN":
            spelled = anyascii(ch)
        else:  # a symbol or punctuation: "↔" would otherwise be spelled "<->"
            spelled = " "
        if len(spelled) > 1 and category == "Lo":
            spelled = f" {spelled} "
        parts.append(spelled)
    return re.sub(r" {2,}", " ", "".join(parts))


def slugify(text: str, limit: int = 40) -> str:
    ascii_text = ascii_letters(text)
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("'", "").replace("’", "")).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "source"
