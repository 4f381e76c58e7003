"""A source: one article as the researcher imported it, cleaned, with its metadata.

On disk a source is a folder ``sources/<id>/`` holding ``text.txt`` (the cleaned UTF-8 text that
every offset in Sidelight refers to), ``original.<ext>`` (the bytes as imported, never touched,
for audit) and ``source.yaml`` (metadata and the list of what cleaning removed or repaired).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sidelight.core.labels import plural

SOURCE_SCHEMA = 1
UNKNOWN = "unknown"


def content_hash(text: str) -> str:
    return content_hash_bytes(text.encode("utf-8"))


def content_hash_bytes(raw: bytes) -> str:
    return "sha256:" + hashlib.sha256(raw).hexdigest()


HTML_LEFT_OUT = "not article text (HTML extraction)"  # the rule of page text an HTML import left out


@dataclass
class SourceMeta:
    id: str
    title: str
    outlet: str = UNKNOWN
    author: str = UNKNOWN
    published: str = UNKNOWN  # ISO date or "unknown"
    url: str = UNKNOWN
    language: str = UNKNOWN
    content_hash: str = ""
    imported: str = ""  # ISO timestamp, UTC
    original_file: str = ""  # file name inside the source folder
    original_name: str = ""  # the name it had when imported
    original_encoding: str = ""
    original_hash: str = ""
    extra: dict[str, str] = field(default_factory=dict)  # section, contributors, publication...
    cleaning: dict[str, list] = field(default_factory=dict)  # removed / repaired / notes

    def as_yaml(self) -> dict:
        data = {"schema": SOURCE_SCHEMA}
        data.update(asdict(self))
        if not data["extra"]:
            del data["extra"]
        return data

    @classmethod
    def from_yaml(cls, data: dict) -> SourceMeta:
        known = {f for f in cls.__dataclass_fields__}
        values = {k: v for k, v in data.items() if k in known}
        for key in ("id", "title", "outlet", "author", "published", "url", "language"):
            if key in values and values[key] is not None:
                values[key] = str(values[key])
        return cls(**values)


@dataclass
class Source:
    meta: SourceMeta
    text: str
    folder: Path

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def outlet(self) -> str:
        return self.meta.outlet

    @property
    def published(self) -> str:
        return self.meta.published

    def summary(self) -> dict[str, str | int]:
        """The metadata ``sidelight list --format json`` prints; the length is a number."""
        m = self.meta
        return {
            "id": m.id, "title": m.title, "outlet": m.outlet, "author": m.author,
            "date": m.published, "url": m.url, "language": m.language,
            "content_hash": m.content_hash, "imported": m.imported, "characters": len(self.text),
        }

    def share_removed(self) -> float:
        """How much of the original's lines cleaning dropped (0..1), to warn when it was most.
        A web page's menus and footers, left out by HTML extraction, are not counted: they are
        expected to outweigh the article."""
        removed = sum(len(str(c.get("text", ""))) for c in self.meta.cleaning.get("removed", [])
                      if c.get("rule") != HTML_LEFT_OUT)
        return removed / (removed + len(self.text)) if removed else 0.0

    def cleaning_report(self) -> str:
        """What import removed from and repaired in the original, one line per change."""
        m, clean = self.meta, self.meta.cleaning
        removed, repaired = clean.get("removed", []), clean.get("repaired", [])
        lines = [f"{m.title}", f"original: {m.original_name} ({m.original_encoding}), kept as {m.original_file}", ""]
        lines.append(f"Removed {plural(len(removed), 'passage')}:" if removed else "Removed nothing.")
        lines += [f"  {'line ' + str(c.get('line')) if c.get('line') else 'page'}: [{c.get('rule')}] {c.get('text')}"
                  for c in removed]
        lines.append("")
        lines.append(f"Repaired {plural(len(repaired), 'missing space')}:" if repaired else "Repaired no missing spaces.")
        lines += [f"  line {c.get('line')}: {c.get('text')!r} -> {c.get('now')!r}" for c in repaired]
        for note in clean.get("notes", []):
            lines.append(f"Note: {note}")
        return "\n".join(lines) + "\n"
