"""The saved alignment corrections as they stand against the workspace's current texts.

A correction names its sentences by quote and offsets, so it keeps applying when the text
around it changes, and it follows a sentence whose word or figure was edited (see
:func:`~sidelight.core.alignment.corrections.resolve`). Two things are then left for the
researcher to decide, and neither is done unasked on every alignment:

- a correction that followed an edit still quotes the old wording; a second edit may take the
  sentence out of reach. *Updating* rewrites its quote and offsets to the sentence as it reads now.
- a correction whose sentence is gone is reported on every alignment. *Dropping* it ends that.

The window's Saved Corrections dialog and ``sidelight corrections`` both read this.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from sidelight.core.alignment.corrections import Correction, Corrections, UnitRef, resolve
from sidelight.core.alignment.model import Unit
from sidelight.core.alignment.segmentation import segment
from sidelight.core.labels import quoted

State = Literal["applies", "followed", "gone", "no source"]

STATE_LABELS: dict[State, str] = {
    "applies": "applies",
    "followed": "applies to the edited sentence",
    "gone": "no longer applies",
    "no source": "source not in the workspace",
}


@dataclass(frozen=True)
class CorrectionStatus:
    """One saved correction and the current unit each of its references points to (None where
    the sentence is gone or its source is not in the workspace)."""

    correction: Correction
    state: State
    current: tuple[Unit | None, ...]  # one per distinct reference: a, then b (not for "alone")

    @property
    def refs(self) -> tuple[UnitRef, ...]:
        c = self.correction
        return (c.a,) if c.action == "alone" else (c.a, c.b)

    @property
    def missing(self) -> list[UnitRef]:
        """The references whose sentence (or source) is not found."""
        return [ref for ref, unit in zip(self.refs, self.current) if unit is None]

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


def review(corrections: Iterable[Correction], texts: Mapping[str, str],
           units: dict[str, Sequence[Unit]] | None = None) -> list[CorrectionStatus]:
    """The status of each correction, in the file's order. ``texts`` are the workspace's sources
    by id; ``units``, their claim units where already segmented (filled in as needed)."""
    units = {} if units is None else units

    def current(ref: UnitRef) -> Unit | None:
        if ref.source not in texts:
            return None
        if ref.source not in units:
            units[ref.source] = segment(ref.source, texts[ref.source])
        return resolve(ref, units[ref.source], texts[ref.source])

    statuses = []
    for correction in corrections:
        refs = (correction.a,) if correction.action == "alone" else (correction.a, correction.b)
        found = tuple(current(ref) for ref in refs)
        if any(ref.source not in texts for ref in refs):
            state: State = "no source"
        elif any(unit is None for unit in found):
            state = "gone"
        elif any(unit is not None and unit.text != ref.quote for ref, unit in zip(refs, found)):
            state = "followed"
        else:
            state = "applies"  # perhaps at other offsets: the quote is found where the text moved
        statuses.append(CorrectionStatus(correction, state, found))
    return statuses


def updated(corrections: Corrections, statuses: Sequence[CorrectionStatus]) -> Corrections:
    """The corrections with each one found quoting its sentence as it reads now, where it now is
    (those that no longer apply as they are; the order kept)."""
    replace = {}
    for status in statuses:
        if status.state not in ("applies", "followed"):
            continue
        c = status.correction
        refs = [UnitRef.of(unit) for unit in status.current if unit is not None]
        replace[c] = Correction(c.action, refs[0], refs[-1], c.note)
    return Corrections(replace.get(c, c) for c in corrections)


def dropped(corrections: Corrections, drop: Iterable[Correction]) -> Corrections:
    """The corrections without these ones."""
    gone = set(drop)
    return Corrections(c for c in corrections if c not in gone)


def where_edited(old: str, new: str, width: int) -> tuple[str, str]:
    """Both wordings of an edited sentence cut to *width* around their first difference, so that
    the edit shows: two long sentences shortened from their start look the same when the change
    is at their end."""
    if len(old) <= width and len(new) <= width:
        return old, new
    same = next((n for n, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    start = max(0, same - width // 3)
    start = start if start == 0 else (old.rfind(" ", 0, start) + 1 or start)  # from a word's start

    def cut(text: str) -> str:
        part = text[start:]
        part = part if len(part) <= width else part[: width - 1].rstrip() + "…"
        return ("…" + part) if start else part

    return cut(old), cut(new)


ACTION_NAMES = {"link": "linked", "unlink": "unlinked", "alone": "in no other outlet"}


def describe(status: CorrectionStatus, titles: Mapping[str, str] | None = None, width: int = 60) -> list[str]:
    """The lines that say, for a terminal or a list, what the correction says about which
    sentences, and what became of each: the first names the action, one line follows per sentence."""
    titles = titles or {}
    lines = [ACTION_NAMES[status.correction.action]]
    for ref, unit in zip(status.refs, status.current):
        where = titles.get(ref.source, ref.source)
        if unit is None:
            gone = "its source is not in the workspace" if status.state == "no source" and ref in status.missing \
                else "no longer in the text"
            lines.append(f"{where}: {quoted(ref.quote, width)} ({gone})")
        elif unit.text != ref.quote:
            old, new = where_edited(ref.quote, unit.text, width)
            lines.append(f"{where}: {quoted(old, width + 2)}")
            lines.append(f"    now reads: {quoted(new, width + 2)}")
        else:
            lines.append(f"{where}: {quoted(ref.quote, width)}")
    return lines
