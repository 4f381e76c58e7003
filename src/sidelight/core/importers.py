"""Importers: one function per file kind, chosen by suffix from a registry.

Each importer turns decoded file text into article text plus whatever metadata the format
carries (HTML pages carry title, author, date and site name). Cleaning happens afterwards and is
the same for every kind, so a rule added for one scrape helps all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sidelight.core.errors import ImportRefused


@dataclass
class Extracted:
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what extraction did, for the audit trail
    dropped: list[tuple[int, str]] = field(default_factory=list)  # (line in the original, text) left out


Importer = Callable[[Path, str], Extracted]
IMPORTERS: dict[str, Importer] = {}


def importer(*suffixes: str) -> Callable[[Importer], Importer]:
    def register(func: Importer) -> Importer:
        for suffix in suffixes:
            IMPORTERS[suffix] = func
        return func

    return register


def supported_suffixes() -> list[str]:
    return sorted(IMPORTERS)


def importer_for(path: Path) -> Importer:
    suffix = path.suffix.lower()
    func = IMPORTERS.get(suffix)
    if func is None:
        raise ImportRefused(
            path, f"cannot import '{suffix or 'no suffix'}' files (supported: {', '.join(supported_suffixes())})"
        )
    return func


def extract(path: Path, text: str) -> Extracted:
    return importer_for(path)(path, text)


@importer(".txt", ".text")
def import_plain_text(path: Path, text: str) -> Extracted:
    return Extracted(text)


_MD_RULES = [
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.M), ""),  # heading marks
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links -> link text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)"), r"\1"),  # italics
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
]


@importer(".md", ".markdown")
def import_markdown(path: Path, text: str) -> Extracted:
    changed = 0
    for pattern, repl in _MD_RULES:
        text, n = pattern.subn(repl, text)
        changed += n
    notes = [f"removed {changed} Markdown marks (headings, links, emphasis)"] if changed else []
    return Extracted(text, notes=notes)


@importer(".html", ".htm", ".xhtml")
def import_html(path: Path, text: str) -> Extracted:
    """Article text via trafilatura, the maintained extractor that drops menus and ads."""
    import trafilatura  # heavy (lxml, ~60 MB of dependencies): only when HTML is imported

    doc = trafilatura.bare_extraction(
        text, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise ImportRefused(path, "no article text found in this HTML page")
    meta: dict[str, str] = {}
    for key, attr in (("title", "title"), ("author", "author"), ("published", "date"),
                      ("outlet", "sitename"), ("url", "url"), ("language", "language")):
        value = getattr(doc, attr, None)
        if value:
            meta[key] = str(value)
    title = meta.get("title")
    if title and not body.lstrip().startswith(title):
        body = f"{title}\n\n{body}"
    return Extracted(body, meta, notes=["page furniture removed by trafilatura (menus, ads, comments)"],
                     dropped=_left_out(text, body))


_BLOCKS = frozenset("""p div li h1 h2 h3 h4 h5 h6 figcaption figure blockquote td th tr dt dd pre caption nav
    footer header aside section article main ul ol table form label button br hr""".split())
MAX_DROPPED = 500


def _left_out(page: str, body: str) -> list[tuple[int, str]]:
    """The page's text blocks that are not in the extracted article, each with the line of the
    HTML file it starts on (0 when it cannot be found there, e.g. behind an entity), so a
    researcher can see what extraction dropped, not only that it dropped something."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return []
    for hidden in tree.xpath("//script|//style|//noscript|//template|//head"):
        hidden.drop_tree()
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    kept = " ".join(body.split())
    dropped: list[tuple[int, str]] = []
    seen: set[str] = set()
    for line in tree.text_content().split("\n"):
        block = " ".join(line.split())
        if not block or block in seen or block in kept:
            continue
        seen.add(block)
        at = page.find(block[:40])
        if at < 0:  # split by inline tags ("<a>Home</a> <a>World</a>"): where its first word is
            at = page.find(block.split()[0])
        dropped.append((page.count("\n", 0, at) + 1 if at >= 0 else 0, block))
        if len(dropped) >= MAX_DROPPED:
            break
    return dropped
