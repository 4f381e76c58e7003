"""The outcome of an alignment, and the questions the window and the CLI ask of it.

An :class:`Alignment` is immutable once built; every query (a unit's counterparts, the
groups a filter keeps, the coverage matrix, one pair's diff) is answered from indexes built
once, so the window can call them on every click.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sidelight.core.alignment import divergence, omissions
from sidelight.core.alignment.facts import Facts, extract
from sidelight.core.alignment.model import (
    NOT_CLAIMS,
    Blindspot,
    Conflict,
    Document,
    Evidence,
    Group,
    GroupKind,
    Match,
    Unit,
    UnitComparison,
)
from sidelight.core.errors import SidelightError


@dataclass(frozen=True)
class Coverage:
    """Groups x documents: ``cells[g][d]`` is the unit id of group ``g`` in document ``d``, or None."""

    documents: tuple[str, ...]
    groups: tuple[str, ...]
    cells: tuple[tuple[str | None, ...], ...]


class Alignment:
    """Units, claim groups and matches of a set of documents."""

    def __init__(
        self,
        documents: Sequence[Document],
        units: Sequence[Unit],
        groups: Sequence[Group],
        matches: Sequence[Match],
        problems: Sequence[str] = (),
        method: str = "lexical",
        possible: Sequence[Match] = (),
        context_documents: Sequence[Document] = (),
        context_units: Sequence[Unit] = (),
        alone: Sequence[str] = (),
    ):
        self.documents: tuple[Document, ...] = tuple(documents)
        self.units: tuple[Unit, ...] = tuple(units)
        self.groups: tuple[Group, ...] = tuple(groups)
        self.matches: tuple[Match, ...] = tuple(matches)
        self.problems: tuple[str, ...] = tuple(problems)  # corrections that could not be applied, other warnings
        self.method = method  # how pairs were scored: "lexical", "lexical + sentence embeddings (...)", ...
        self._documents = {d.id: d for d in self.documents}
        self._units = {u.id: u for u in self.units}
        self._by_document: dict[str, list[Unit]] = {d.id: [] for d in self.documents}
        for unit in self.units:
            self._by_document[unit.document].append(unit)
        self._groups = {g.id: g for g in self.groups}
        # Section titles ("Managing divergences") are units, so every character belongs to one,
        # but they announce a topic and state no claim: no count, filter or blindspot has them.
        self.claims: tuple[Group, ...] = tuple(
            g for g in self.groups if any(self._units[u].kind not in NOT_CLAIMS for u in g.units))
        self._group_of = {uid: g for g in self.groups for uid in g.units}
        self._matches = {(m.a, m.b): m for m in self.matches}
        # Near misses of the grouping, offered to the researcher to link by hand (see possible_counterparts)
        self.possible: tuple[Match, ...] = tuple(possible)
        self._possible: dict[str, list[Match]] = {}
        for m in self.possible:
            self._possible.setdefault(m.a, []).append(m)
            self._possible.setdefault(m.b, []).append(m)
        # Other workspace sources aligned alongside the open ones (see .projection): not shown,
        # but their units may be what joins two open claims.
        self.alone: frozenset[str] = frozenset(alone)  # units the researcher marked as in no other outlet
        self.context_documents: tuple[Document, ...] = tuple(context_documents)
        self.context_units: tuple[Unit, ...] = tuple(context_units)
        self._context_units = {u.id: u for u in self.context_units}
        self._context_documents = {d.id: d for d in self.context_documents}

    # -- looking things up -------------------------------------------------------------------
    def document(self, document_id: str) -> Document:
        try:
            return self._documents[document_id]
        except KeyError:
            raise SidelightError(None, f"no document '{document_id}' in this alignment") from None

    def unit(self, unit_id: str) -> Unit:
        try:
            return self._units[unit_id]
        except KeyError:
            raise SidelightError(None, f"no claim unit '{unit_id}' in this alignment") from None

    def group(self, group_id: str) -> Group:
        try:
            return self._groups[group_id]
        except KeyError:
            raise SidelightError(None, f"no claim group '{group_id}' in this alignment") from None

    def units_of(self, document_id: str) -> list[Unit]:
        """The document's units in reading order."""
        self.document(document_id)
        return list(self._by_document[document_id])

    def unit_at(self, document_id: str, offset: int, caret: bool = False) -> Unit | None:
        """The unit covering character ``offset`` of the document (for clicks in the text).

        ``caret``: the offset is a text cursor, which sits between characters: one just after a
        unit's last character (where End puts it) is in that unit, unless another starts there.
        """
        ending = None
        for unit in self._by_document.get(document_id, ()):
            if unit.start <= offset < unit.end:
                return unit
            if caret and unit.end == offset:
                ending = unit
        return ending

    def group_of(self, unit_id: str) -> Group:
        self.unit(unit_id)
        return self._group_of[unit_id]

    def kind_of(self, unit_id: str) -> GroupKind:
        return self.group_of(unit_id).kind

    def counterparts(self, unit_id: str) -> list[Unit]:
        """The units of other documents that carry the same claim, in document order."""
        return [self._units[u] for u in self.group_of(unit_id).units if u != unit_id]

    def context_of(self, group_id: str) -> list[tuple[Document, Unit]]:
        """The claim as the other (not open) workspace sources state it, if they were aligned too."""
        return [(self._context_documents[u.document], u)
                for u in (self._context_units[i] for i in self.group(group_id).context if i in self._context_units)]

    def match(self, a: str, b: str) -> Match | None:
        """The stored link between two units, with score and evidence, if there is one.

        Each unit's strongest link inside its group is stored; for any other pair use
        :meth:`compare`."""
        return self._matches.get((a, b)) or self._matches.get((b, a))

    def possible_counterparts(self, unit_id: str) -> list[tuple[Unit, Match]]:
        """Units of other documents that may carry the same claim but were not grouped with it.

        The aligner links only pairs it is fairly sure of; on the sample it finds about six in
        ten of the links two annotators agree on, and most of the rest are among these weaker
        candidates: each unit's best counterpart in another document, scored too low to group.
        Strongest first; :meth:`can_link` says whether a link would be applied as it stands.
        """
        self.unit(unit_id)
        found = []
        for m in self._possible.get(unit_id, ()):
            if not (m.evidence.terms or m.evidence.numbers or m.evidence.entities):
                m = Match(m.a, m.b, m.score, _evidence(self._units[m.a], self._units[m.b]))
            found.append((self._units[m.b if m.a == unit_id else m.a], m))
        return sorted(found, key=lambda pair: -pair[1].score)

    def possible_where_missing(self, unit_id: str) -> list[Unit]:
        """The strongest possible counterpart in each document the claim has no counterpart in:
        what to read in place before linking (the window scrolls to them and marks their letters)."""
        covered = {self.unit(unit_id).document} | {u.document for u in self.counterparts(unit_id)}
        best: dict[str, Unit] = {}
        for other, _match in self.possible_counterparts(unit_id):  # strongest first
            if other.document not in covered:
                best.setdefault(other.document, other)
        return list(best.values())

    def can_link(self, a: str, b: str) -> bool:
        """Whether linking ``a`` and ``b`` can join their groups: different groups, no document in both
        (a group holds one unit per document; unlink the one in the way first)."""
        ga, gb = self.group_of(a), self.group_of(b)
        return ga is not gb and not self._all_documents(ga) & self._all_documents(gb)

    def _all_documents(self, group: Group) -> set[str]:
        """The documents a group's claim is in, context documents included (a link joins whole claims)."""
        return set(group.documents) | {self._context_units[u].document for u in group.context if u in self._context_units}

    def matches_of(self, group_id: str) -> list[Match]:
        members = set(self.group(group_id).units)
        return [m for m in self.matches if m.a in members and m.b in members]

    # -- comparing ---------------------------------------------------------------------------
    def compare(self, a: str, b: str) -> UnitComparison:
        """Word-level diff runs and conflicting facts between any two units."""
        ua, ub = self.unit(a), self.unit(b)
        found = self.match(a, b)
        return UnitComparison(
            a=ua, b=ub, ops=divergence.word_diff(ua, ub),
            conflicts=divergence.conflicts([ua, ub], [_facts(ua.text), _facts(ub.text)], self.said_before),
            score=found.score if found else None,
        )

    def said_before(self, unit: Unit) -> tuple:
        """Who the sentence before ``unit`` in its paragraph names as speaking (facts)."""
        previous = self._by_document[unit.document][unit.index - 1] if unit.index else None  # reading order
        return divergence.attribution_before(unit, previous, self.document(unit.document).text, lambda u: _facts(u.text))

    # -- filtering and summaries -------------------------------------------------------------
    def filter_groups(
        self,
        kind: GroupKind | Sequence[GroupKind] | None = None,
        unique_to: str | None = None,
        has_conflicts: bool | None = None,
        omitted_by: str | None = None,
        carried_by: str | None = None,
        has_possible: bool | None = None,
        conflict_types: Collection[str] | None = None,
    ) -> list[Group]:
        """Groups that pass every given condition (None means "don't care"). ``has_possible``:
        some unit of the group has a possible counterpart that could be linked as things stand
        (the claims worth a second look when checking what the aligner missed).
        ``conflict_types``: a contradiction of one of these types (``divergence.FACT_TYPES``:
        figures, dates and names, without who is said to say it and how sure it is)."""
        kinds = {kind} if isinstance(kind, str) else (set(kind) if kind is not None else None)
        for doc in (unique_to, omitted_by, carried_by):
            if doc is not None:
                self.document(doc)
        out = []
        for g in self.claims:
            if kinds is not None and g.kind not in kinds:
                continue
            if unique_to is not None and g.documents != (unique_to,):
                continue
            if has_conflicts is not None and bool(g.contradictions) != has_conflicts:
                continue
            if omitted_by is not None and omitted_by in g.documents:
                continue
            if carried_by is not None and carried_by not in g.documents:
                continue
            if has_possible is not None and self._has_possible(g) != has_possible:
                continue
            if conflict_types is not None and not any(c.type in conflict_types for c in g.contradictions):
                continue
            out.append(g)
        return out

    def _has_possible(self, group: Group) -> bool:
        return any(self.can_link(m.a, m.b) for u in group.units for m in self._possible.get(u, ()))

    def coverage(self) -> Coverage:
        """Which document carries which claim: the matrix behind the overview."""
        doc_ids = tuple(d.id for d in self.documents)
        cells = []
        for g in self.claims:
            by_doc = {self._units[u].document: u for u in g.units}
            cells.append(tuple(by_doc.get(d) for d in doc_ids))
        return Coverage(documents=doc_ids, groups=tuple(g.id for g in self.claims), cells=tuple(cells))

    def blindspot(self, document_id: str) -> Blindspot:
        self.document(document_id)
        return omissions.blindspot(document_id, self.claims)

    def counts(self) -> dict[str, int]:
        """Claims by kind (section titles left out: see :attr:`claims`)."""
        counts = {"shared": 0, "partial": 0, "unique": 0}
        for g in self.claims:
            counts[g.kind] += 1
        return counts

    def states_no_claim(self, group_id: str) -> bool:
        """Whether the group is only a section title or a photo credit, not a claim."""
        group = self.group(group_id)
        return all(self._units[u].kind in NOT_CLAIMS for u in group.units)

    # -- serialising -------------------------------------------------------------------------
    def to_json(self) -> dict:
        """Plain data for the CLI, exports and the cache (documents' texts are not included)."""
        return {
            "documents": [{"id": d.id, "title": d.title, "outlet": d.outlet, "content_hash": d.content_hash}
                          for d in self.documents],
            "units": [{"id": u.id, "document": u.document, "start": u.start, "end": u.end, "text": u.text,
                       "kind": u.kind} for u in self.units],
            "groups": [{"id": g.id, "kind": g.kind, "units": list(g.units), "documents": list(g.documents),
                        "score": round(g.score, 4), "conflicts": [c.as_dict() for c in g.conflicts],
                        **({"not_a_claim": True} if self.states_no_claim(g.id) else {}),
                        **({"context_units": list(g.context)} if g.context else {})}
                       for g in self.groups],
            "matches": [{"a": m.a, "b": m.b, "score": round(m.score, 4), "evidence": m.evidence.as_dict(),
                         "corrected": m.corrected} for m in self.matches],
            "possible_links": [{"a": m.a, "b": m.b, "score": round(m.score, 4)} for m in self.possible],
            "problems": list(self.problems),
            "method": self.method,
            **({"alone": sorted(self.alone)} if self.alone else {}),
            **({"context_documents": [{"id": d.id, "title": d.title, "outlet": d.outlet} for d in self.context_documents],
                "context_units": [{"id": u.id, "document": u.document, "start": u.start, "end": u.end, "text": u.text,
                                   "kind": u.kind}
                                  for u in self.context_units]} if self.context_documents else {}),
        }

    @classmethod
    def from_json(cls, data: dict, documents: Sequence[Document]) -> Alignment:
        """Rebuild from :meth:`to_json` output, given the same documents (texts are not stored)."""
        texts = {d.id: d.text for d in documents}
        units: list[Unit] = []
        per_document: dict[str, int] = {}
        for u in data["units"]:
            index = per_document.get(u["document"], 0)
            per_document[u["document"]] = index + 1
            unit = Unit(id=u["id"], document=u["document"], index=index, start=u["start"], end=u["end"],
                        text=u["text"], kind=u.get("kind", "sentence"))
            if texts.get(unit.document, "")[unit.start:unit.end] != unit.text:
                raise SidelightError(None, "cached alignment does not fit the documents' texts")
            units.append(unit)
        groups = [Group(id=g["id"], kind=g["kind"], units=tuple(g["units"]), documents=tuple(g["documents"]),
                        score=g["score"], conflicts=tuple(Conflict(c["type"], dict(c["values"]), c.get("note", ""), bool(c.get("agrees")))
                                                   for c in g["conflicts"]))
                  for g in data["groups"]]
        matches = [Match(a=m["a"], b=m["b"], score=m["score"], corrected=m.get("corrected", False),
                         evidence=Evidence(**{k: tuple(v) for k, v in m["evidence"].items()}))
                   for m in data["matches"]]
        possible = [Match(a=m["a"], b=m["b"], score=m["score"]) for m in data.get("possible_links", ())]
        return cls(documents, units, groups, matches, data.get("problems", ()), method=data.get("method", "lexical"),
                   possible=possible, alone=data.get("alone", ()))


def _evidence(a: Unit, b: Unit) -> Evidence:
    """What two units share, computed when asked (possible counterparts are many, views few)."""
    from sidelight.core.alignment import matching

    return matching.evidence(matching.analyse(a), matching.analyse(b))


@lru_cache(maxsize=4096)
def _facts(text: str) -> Facts:
    return extract(text)
