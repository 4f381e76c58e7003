"""The immutable pieces an alignment is made of: documents, claim units, matches, groups.

They are frozen dataclasses so that the window, the CLI and the cache can share them freely
without one of them changing what another shows. Offsets always index the cleaned text of the
document (``document.text[unit.start:unit.end] == unit.text``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

GroupKind = Literal["shared", "partial", "unique"]
UnitKind = Literal["sentence", "clause", "heading", "section", "caption", "credit", "note"]
# Units that state no claim (a section title, a bare photo credit, an editor's note or the
# disclaimer that the views are the author's): never matched or counted.
NOT_CLAIMS = frozenset({"section", "credit", "note"})


@dataclass(frozen=True)
class Document:
    """One text taking part in an alignment (usually a workspace source)."""

    id: str
    text: str
    title: str = ""
    outlet: str = ""
    content_hash: str = ""


@dataclass(frozen=True)
class Unit:
    """A claim unit: a sentence, a clause of a long sentence, a headline, section title or caption.

    Section titles ("Managing divergences") are units so every character of the text belongs
    to one, but they are never matched: they announce a topic, they do not state a claim.
    """

    id: str
    document: str
    index: int
    start: int
    end: int
    text: str
    kind: UnitKind = "sentence"


@dataclass(frozen=True)
class Evidence:
    """Why two units were matched: what they share after normalisation."""

    terms: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, list[str]]:
        return {"terms": list(self.terms), "numbers": list(self.numbers), "entities": list(self.entities)}


@dataclass(frozen=True)
class Match:
    """A scored link between two units of different documents (``a`` < ``b`` by unit order)."""

    a: str
    b: str
    score: float
    evidence: Evidence = field(default_factory=Evidence)
    corrected: bool = False  # True when a researcher linked the pair by hand


@dataclass(frozen=True)
class Conflict:
    """A fact the units of one group state differently: ``values`` maps unit id to its wording."""

    type: str
    values: dict[str, str]
    note: str = ""  # e.g. that the figures differ but agree: one is a bound the other is within
    agrees: bool = False  # other wording of facts that do not contradict ("more than $200 billion" / "$234.9 billion")

    def as_dict(self) -> dict:
        return {"type": self.type, "values": dict(self.values), **({"note": self.note} if self.note else {}),
                **({"agrees": True} if self.agrees else {})}


def contradictions(conflicts: tuple[Conflict, ...]) -> tuple[Conflict, ...]:
    """The conflicts that are contradictions: what "with conflicting facts" counts and filters,
    and what the ⚠ marks. Figures that differ but agree are shown, not counted."""
    return tuple(c for c in conflicts if not c.agrees)


@dataclass(frozen=True)
class Group:
    """One claim as carried by one or more documents (never two units of the same document).

    ``context``: when the open documents were aligned with other workspace sources, the units
    of those others that belong to this claim (they may be what joins its open members);
    ``score`` is then the cohesion of the whole claim, context included.
    """

    id: str
    kind: GroupKind
    units: tuple[str, ...]
    documents: tuple[str, ...]
    score: float
    conflicts: tuple[Conflict, ...] = ()
    context: tuple[str, ...] = ()

    @property
    def contradictions(self) -> tuple[Conflict, ...]:
        return contradictions(self.conflicts)


@dataclass(frozen=True)
class DiffOp:
    """One run of a word-level diff between unit ``a`` and unit ``b``.

    ``op`` is ``"equal"``, ``"delete"`` (only in ``a``) or ``"insert"`` (only in ``b``);
    ``a_start``/``a_end`` and ``b_start``/``b_end`` are offsets into the documents' texts
    (an empty range on the side the run is missing from).
    """

    op: Literal["equal", "delete", "insert"]
    text: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True)
class UnitComparison:
    """What the window shows for a pair of units: the word diff and the conflicting facts."""

    a: Unit
    b: Unit
    ops: tuple[DiffOp, ...]
    conflicts: tuple[Conflict, ...]
    score: float | None  # the match score when the pair was matched, else None


@dataclass(frozen=True)
class Blindspot:
    """For one document: the claims others carry that it leaves out, and its unique claims."""

    document: str
    omitted: tuple[Group, ...]  # most widely carried first
    unique: tuple[Group, ...]

    @property
    def widely_omitted(self) -> tuple[Group, ...]:
        """The omissions that two or more other documents carry: the louder silences (a claim
        one other outlet alone makes is left out by everybody else)."""
        return tuple(g for g in self.omitted if len(g.documents) >= 2)
