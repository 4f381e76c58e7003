"""Turning an imported file's bytes into text, or a clear refusal.

Scraped articles arrive in whatever encoding the site used. We accept UTF-8 (with or without
BOM) directly, and otherwise ask charset-normalizer, a maintained detector, for its best guess.
Binary files, empty files and files far larger than any article are refused by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sidelight.core.errors import ImportRefused

MAX_IMPORT_BYTES = 20 * 1024 * 1024
"""An article, even with its HTML, is well under a megabyte; 20 MB leaves room for long reports."""


@dataclass(frozen=True)
class DecodedFile:
    path: Path
    raw: bytes
    text: str
    encoding: str


def read_bytes(path: str | Path) -> bytes:
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportRefused(path, "file not found") from None
    except OSError as exc:
        raise ImportRefused(path, f"cannot read ({exc.strerror})") from None
    if path.is_dir():
        raise ImportRefused(path, "is a folder, not a file")
    if size > MAX_IMPORT_BYTES:
        raise ImportRefused(
            path,
            f"too large to be an article ({size / 1_048_576:.1f} MB; "
            f"the limit is {MAX_IMPORT_BYTES // 1_048_576} MB)",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportRefused(path, f"cannot read ({exc.strerror})") from None


def decode(path: str | Path, raw: bytes) -> DecodedFile:
    path = Path(path)
    if not raw.strip():
        raise ImportRefused(path, "the file is empty")
    if _looks_binary(raw):
        raise ImportRefused(path, "this is a binary file, not text or HTML")
    if raw.startswith(b"\xef\xbb\xbf"):
        return DecodedFile(path, raw, raw[3:].decode("utf-8"), "utf-8-sig")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return DecodedFile(path, raw, raw.decode("utf-16"), "utf-16")
    try:
        return DecodedFile(path, raw, raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise ImportRefused(path, "could not tell the text encoding; save it as UTF-8 and retry")
    return DecodedFile(path, raw, str(best), best.encoding)


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 has NUL bytes by design
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def read_text_file(path: str | Path) -> DecodedFile:
    return decode(path, read_bytes(path))
