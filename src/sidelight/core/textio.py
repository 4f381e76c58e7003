"""Turning an imported file's bytes into text, or a clear refusal.

Scraped articles arrive in whatever encoding the site used. We accept UTF-8 (with or without
BOM) directly, and otherwise ask charset-normalizer, a maintained detector, for its best guess.
Binary files, empty files and files far larger than any article are refused by name.

Between the single-byte Latin code pages (Western, Central European, Baltic) the detector has
little to go on: the bytes differ only in a few accented letters, so "café" in Windows-1252 is
also a valid, if odd, "cafķ" in DOS Baltic. Windows-1252 is by far the most common legacy
encoding of Western web pages, so when it reads the bytes at least as well as such a
neighbour, we take it. A guessed encoding is recorded, so a researcher can check it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sidelight.core.errors import ImportRefused

if TYPE_CHECKING:
    from charset_normalizer.models import CharsetMatch

MAX_IMPORT_BYTES = 20 * 1024 * 1024
"""An article, even with its HTML, is well under a megabyte; 20 MB leaves room for long reports."""


@dataclass(frozen=True)
class DecodedFile:
    path: Path
    raw: bytes
    text: str
    encoding: str
    guessed: bool = False  # no BOM and not UTF-8: the encoding is the detector's guess

    @property
    def guess_note(self) -> str | None:
        """The audit note a guessed encoding deserves (None when the file declared or proved it)."""
        return f"{_GUESS_NOTE} {self.encoding} (not UTF-8): check accented letters" if self.guessed else None


_GUESS_NOTE = "encoding guessed as"


def guess_note_in(notes: list[str]) -> str | None:
    """The guessed-encoding note among a source's cleaning notes, for the import summary."""
    return next((n for n in notes if str(n).startswith(_GUESS_NOTE)), None)


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
    """The file's text in Unicode's composed form (NFC): Vietnamese typed on some systems stores
    "ế" as "e" plus two combining marks, which looks the same but would match nothing."""
    found = _decode(Path(path), raw)
    text = unicodedata.normalize("NFC", found.text)
    return found if text == found.text else replace(found, text=text)


def _decode(path: Path, raw: bytes) -> DecodedFile:
    if not raw.strip():
        raise ImportRefused(path, "the file is empty")
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return DecodedFile(path, raw, utf16[0], utf16[1], guessed=True)
    if _looks_binary(raw):
        raise ImportRefused(path, "this is a binary file, not text or HTML")
    # a byte-order mark says the encoding; a file that then does not decode was cut short or
    # damaged, and guessing another encoding would import nonsense
    for mark, codec, name in ((b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"), (b"\xff\xfe", "utf-16", "UTF-16"),
                              (b"\xfe\xff", "utf-16", "UTF-16")):
        if raw.startswith(mark):
            try:
                return DecodedFile(path, raw, raw.decode(codec), codec)
            except UnicodeDecodeError as exc:
                at = exc.start + (len(mark) if codec == "utf-8-sig" else 0)  # that codec counts after the mark
                raise ImportRefused(path, f"starts with a {name} byte-order mark but is not valid {name} at byte "
                                          f"{at} ({exc.reason}): the file may be cut short or damaged") from None
    try:
        return DecodedFile(path, raw, raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text, encoding = _guess(path, raw)
    return DecodedFile(path, raw, text, encoding, guessed=True)


WESTERN = "cp1252"

_LATIN_NEIGHBOURS = frozenset({
    "cp1250", "cp1254", "cp1257", "cp437", "cp775", "cp850", "cp852", "cp858", "hp_roman8",
    "iso8859_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13",
    "iso8859_14", "iso8859_15", "iso8859_16", "latin_1", "mac_iceland", "mac_latin2", "mac_roman",
    "mac_turkish",
})
"""Single-byte code pages whose reading of Windows-1252 bytes differs only in accented letters
and symbols. Not cp1258: Vietnamese spells tones with combining marks that cp1252 reads as
letters. Not Cyrillic, Greek or the CJK encodings: there the readings differ in every word."""

_NOT_WESTERN_LANGUAGES = frozenset({
    "Croatian", "Czech", "Hungarian", "Lithuanian", "Polish", "Romanian", "Serbian", "Slovak",
    "Slovene", "Turkish",
})
"""Languages the detector may recognise that are written in cp1250, cp1254 or cp1257, not cp1252."""

_ICELANDIC_ONLY = frozenset("ðÐþÞ")
"""What cp1252 makes of the Baltic and Turkish bytes for š, ž, ğ and ş: a sign it is misreading."""

_CHAOS_MARGIN = 0.1
"""How much more "mess" (odd symbol runs) the cp1252 reading may show than the detector's pick:
a « or € read by cp1252 scores a little worse than the box-drawing letters cp775 makes of it."""


def _guess(path: Path, raw: bytes) -> tuple[str, str]:
    """The detector's best reading of *raw*, or cp1252's when it is the likelier Latin reading."""
    from charset_normalizer import from_bytes

    matches = from_bytes(raw)
    best = matches.best()
    if best is None:
        raise ImportRefused(path, "could not tell the text encoding; save it as UTF-8 and retry")
    western = _strict(raw, WESTERN)
    if western is not None and _prefer_western(raw, best, list(matches)):
        return western, WESTERN
    return str(best), best.encoding


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _prefer_western(raw: bytes, best: CharsetMatch, matches: list[CharsetMatch]) -> bool:
    """Whether cp1252 (which decodes *raw*) reads it as well as *best*, a neighbouring code page."""
    if best.encoding == WESTERN:
        return False
    if WESTERN in best.could_be_from_charset:
        return True  # the same text either way: name the common code page
    if best.encoding not in _LATIN_NEIGHBOURS:
        return False
    western = next((m for m in matches if m.encoding == WESTERN), None)
    if western is None:  # cp1252 cannot decode the bytes, or reads them as a mess
        return False
    return (
        western.chaos <= best.chaos + _CHAOS_MARGIN
        and western.coherence >= best.coherence
        and western.language not in _NOT_WESTERN_LANGUAGES
        and not _misread_letters(raw, best.encoding)
    )


def _misread_letters(raw: bytes, other: str) -> bool:
    """Whether cp1252 turns a byte that *other* reads differently into an Icelandic-only letter."""
    mine, theirs = raw.decode(WESTERN), raw.decode(other, errors="replace")
    return any(a != b and a in _ICELANDIC_ONLY for a, b in zip(mine, theirs, strict=False))


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """Text and codec of a UTF-16 file saved without a byte-order mark, else None.

    Its NUL bytes would otherwise make it look binary. Text in Latin, Vietnamese or Cyrillic
    letters has a NUL in every other byte, always on the same side; binary data does not.
    """
    head = raw[:8192]
    if len(raw) % 2 or b"\x00" not in head or raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    for codec, nul_side in (("utf-16-le", 1), ("utf-16-be", 0)):
        if any(head[i] == 0 for i in range(1 - nul_side, len(head), 2)):
            continue
        if head[nul_side::2].count(0) < len(head) // 4:
            continue
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if all(c.isprintable() or c in "\t\n\r\f" for c in text):
            return text, codec
    return None


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
