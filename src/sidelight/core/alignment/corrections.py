"""Researcher corrections to an alignment: "these two units say the same", "these do not",
"no other outlet carries this one".

"Alone" exists because unlinking one wrong match is often not enough: a photo caption or a
stock phrase that has no counterpart is simply matched with the next most similar sentence,
and the researcher would unlink one after another. An alone unit is kept out of every group
(and out of the suggested counterparts) until the researcher links it to something.

Corrections are saved as YAML in the workspace (``alignment/corrections.yaml``) and applied
on every alignment. A unit is referred to by source id, offsets *and* the quoted text, not by
its unit number: if segmentation changes, or the text is re-imported with small changes, the
quote is looked for again (nearest occurrence to the old offsets) and the correction follows
it; so it does when a word or a figure of the sentence was edited and the sentence stays nearly
the same (see :func:`_edited`). A correction whose quote is gone is reported, never silently
applied to the wrong text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sidelight.core.alignment.model import Unit
from sidelight.core.errors import SidelightError

SCHEMA = 1
CORRECTIONS_FILE = Path("alignment") / "corrections.yaml"
Action = Literal["link", "unlink", "alone"]


@dataclass(frozen=True)
class UnitRef:
    """Where a unit was when the researcher corrected it."""

    source: str
    start: int
    end: int
    quote: str

    @classmethod
    def of(cls, unit: Unit) -> UnitRef:
        return cls(unit.document, unit.start, unit.end, unit.text)

    def as_dict(self) -> dict:
        return {"source": self.source, "start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True)
class Correction:
    action: Action
    a: UnitRef
    b: UnitRef  # for "alone", the same unit as ``a``
    note: str = ""

    def same_pair(self, other: Correction) -> bool:
        return {self.a, self.b} == {other.a, other.b}

    def touches(self, ref: UnitRef) -> bool:
        return ref in (self.a, self.b)


class Corrections:
    """An ordered list of corrections; a later correction of the same pair replaces an earlier one."""

    def __init__(self, items: Iterable[Correction] = ()):
        self.items: list[Correction] = []
        for item in items:
            self._put(item)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def link(self, a: Unit, b: Unit, note: str = "") -> Correction:
        """Record that ``a`` and ``b`` carry the same claim (neither is alone any more)."""
        pair = _pair(a, b)
        self.items = [c for c in self.items if not (c.action == "alone" and c.a in pair)]
        return self._put(Correction("link", *pair, note=note))

    def alone(self, unit: Unit, note: str = "") -> Correction:
        """Record that no other document carries ``unit``'s claim (its links are dropped)."""
        ref = UnitRef.of(unit)
        self.items = [c for c in self.items if not (c.action == "link" and c.touches(ref))]
        return self._put(Correction("alone", ref, ref, note=note))

    def is_alone(self, unit: Unit) -> bool:
        ref = UnitRef.of(unit)
        return any(c.action == "alone" and c.a == ref for c in self.items)

    def forget_alone(self, unit: Unit) -> None:
        """Let ``unit`` be matched again: drop its "alone" correction, wherever its offsets were
        when it was made (the quote and the source identify it, as when aligning)."""
        self.items = [c for c in self.items
                      if not (c.action == "alone" and c.a.source == unit.document and c.a.quote == unit.text)]

    def unlink(self, a: Unit, b: Unit, note: str = "") -> Correction:
        """Record that ``a`` and ``b`` must not be in one claim group."""
        return self._put(Correction("unlink", *_pair(a, b), note=note))

    def remove(self, a: Unit, b: Unit) -> bool:
        """Forget any correction of this pair (undo). Returns whether there was one."""
        probe = Correction("link", UnitRef.of(a), UnitRef.of(b))
        before = len(self.items)
        self.items = [c for c in self.items if not c.same_pair(probe)]
        return len(self.items) != before

    def discard(self, correction: Correction) -> None:
        """Forget this very correction (as saved, whatever the offsets of its units now)."""
        self.items = [c for c in self.items if c != correction]

    def _put(self, correction: Correction) -> Correction:
        self.items = [c for c in self.items if not c.same_pair(correction)]
        self.items.append(correction)
        return correction

    # -- storage -----------------------------------------------------------------------------
    def as_yaml(self) -> dict:
        return {
            "schema": SCHEMA,
            "corrections": [
                {"action": c.action, "units": [c.a.as_dict()] if c.action == "alone" else [c.a.as_dict(), c.b.as_dict()],
                 **({"note": c.note} if c.note else {})}
                for c in self.items
            ],
        }

    @classmethod
    def from_yaml(cls, data: object, path: str | Path = "<corrections>") -> Corrections:
        if data is None:
            return cls()
        if not isinstance(data, Mapping) or data.get("schema") != SCHEMA:
            raise SidelightError(path, f"not an alignment corrections file of schema {SCHEMA}")
        entries = data.get("corrections") or []
        if not isinstance(entries, list):
            raise SidelightError(path, "'corrections' must be a list of corrections")
        items = []
        for n, entry in enumerate(entries, 1):
            try:
                action = entry["action"]
                refs = [UnitRef(str(u["source"]), int(u["start"]), int(u["end"]), str(u["quote"])) for u in entry["units"]]
                if not ((action in ("link", "unlink") and len(refs) == 2) or (action == "alone" and len(refs) == 1)):
                    raise ValueError
                if any(not 0 <= r.start <= r.end for r in refs):
                    raise ValueError
            except (KeyError, TypeError, ValueError, OverflowError):
                raise SidelightError(path, f"correction {n} is malformed (needs action link or unlink and two "
                                           "units, or alone and one unit, each with source, start <= end and quote)") from None
            if action != "alone" and refs[0].source == refs[1].source:
                raise SidelightError(path, f"correction {n} pairs two sentences of {refs[0].source}: a claim holds "
                                           "one sentence per document, so only sentences of two documents are linked or unlinked")
            items.append(Correction(action, refs[0], refs[-1], str(entry.get("note", ""))))
        return cls(items)

    @classmethod
    def load(cls, path: str | Path) -> Corrections:
        """Read corrections; a missing file means none."""
        from sidelight.io import yaml_store

        path = Path(path)
        if not path.exists():
            return cls()
        return cls.from_yaml(yaml_store.load_file(path), path)

    def save(self, path: str | Path) -> None:
        from sidelight.io import yaml_store

        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SidelightError(path.parent, f"cannot create folder ({exc.strerror})") from None
        try:
            yaml_store.dump_file(path, self.as_yaml())
        except OSError as exc:  # a read-only workspace, a full disk: the file as it was stays
            raise SidelightError(path, f"cannot save the correction ({exc.strerror}); the file is unchanged") from None


def workspace_corrections_path(root: str | Path) -> Path:
    return Path(root) / CORRECTIONS_FILE


def _pair(a: Unit, b: Unit) -> tuple[UnitRef, UnitRef]:
    if a.document == b.document:
        raise SidelightError(None, "two units of the same document cannot be linked or unlinked: "
                                   "a claim group holds one unit per document")
    return UnitRef.of(a), UnitRef.of(b)


def resolve(ref: UnitRef, units: Sequence[Unit], text: str | None) -> Unit | None:
    """The current unit a reference points to, or None when its quote is no longer in the text."""
    if text is None or not ref.quote:
        return None
    if text[ref.start:ref.end] == ref.quote:
        position = ref.start
    else:
        found, best = text.find(ref.quote), None
        while found >= 0:
            if best is None or abs(found - ref.start) < abs(best - ref.start):
                best = found
            found = text.find(ref.quote, found + 1)
        if best is None:
            return _edited(ref, units, text)
        position = best
    middle = position + len(ref.quote) // 2
    for unit in units:
        if unit.start <= middle < unit.end:
            return unit
    return None


NO_LONGER_APPLIES = "correction no longer applies"  # how resolve_all's problems begin (after the action)
EDITED_MIN_RATIO = 90.0  # how close an edited sentence must stay to the one corrected


def _edited(ref: UnitRef, units: Sequence[Unit], text: str) -> Unit | None:
    """The unit the quote became after an edit of its wording ("six-point" -> "seven-point",
    a figure corrected): found as annotations are (:func:`sidelight.core.anchoring.locate`), and
    kept only when that whole unit is still nearly the sentence corrected. Without the context
    annotations store, a looser match could put a link on another sentence, which is worse than
    reporting the correction as no longer applying."""
    from rapidfuzz import fuzz

    from sidelight.core.anchoring import Selector, locate

    placed = locate(Selector(ref.start, ref.end, ref.quote, "", "", ""), text, "")
    if placed is None:
        return None
    middle = (placed.start + placed.end) // 2
    for unit in units:
        if unit.start <= middle < unit.end:
            return unit if fuzz.ratio(unit.text, ref.quote) >= EDITED_MIN_RATIO else None
    return None


def resolve_all(
    corrections: Corrections, units_by_document: Mapping[str, Sequence[Unit]], texts: Mapping[str, str]
) -> tuple[list[tuple[Unit, Unit]], list[tuple[Unit, Unit]], list[str], list[Unit]]:
    """Split corrections into (links, unlinks) between current units, problems found, and the
    units kept alone (each also unlinked from every unit of the other documents)."""
    links: list[tuple[Unit, Unit]] = []
    unlinks: list[tuple[Unit, Unit]] = []
    problems: list[str] = []
    alone: list[Unit] = []
    for c in corrections:
        if c.action == "alone":
            unit = resolve(c.a, units_by_document.get(c.a.source, ()), texts.get(c.a.source))
            if unit is None:
                if c.a.source in texts:
                    problems.append(f"'no other outlet' {NO_LONGER_APPLIES}: '{_short(c.a.quote)}' "
                                    f"is not in {c.a.source} any more")
                continue
            alone.append(unit)
            unlinks.extend((unit, other) for source, others in units_by_document.items() if source != unit.document
                           for other in others)
            continue
        a = resolve(c.a, units_by_document.get(c.a.source, ()), texts.get(c.a.source))
        b = resolve(c.b, units_by_document.get(c.b.source, ()), texts.get(c.b.source))
        if a is None or b is None:
            if c.a.source in texts and c.b.source in texts:
                missing = c.a if a is None else c.b
                problems.append(f"{c.action} {NO_LONGER_APPLIES}: '{_short(missing.quote)}' "
                                f"is not in {missing.source} any more")
            continue
        (links if c.action == "link" else unlinks).append((a, b))
    return links, unlinks, problems, alone


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
