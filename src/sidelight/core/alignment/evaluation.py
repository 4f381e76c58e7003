"""Score an alignment against a gold set written by reading the texts.

The gold set (``benchmarks/gold/seed_claims.yaml``) names units by source id and a verbatim
quote, so it survives changes to segmentation: each quote is found in its text and stands
for whichever unit now covers its middle. It lists claim groups (every cross-document pair
among a group's ``units`` must be linked; ``also`` holds restatements that may be linked),
near misses (look-alike pairs that are not one claim) and ambiguous pairs (scored neither
way). A unit in none of these is a unique claim.

Link precision: of the cross-document pairs an aligner puts in one group, the share the
gold allows. Link recall: of the pairs the gold requires, the share found. Unique precision
and recall: the same for "this unit's claim is carried by no other document".
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from sidelight.core.alignment.corrections import UnitRef, resolve
from sidelight.core.alignment.model import Unit
from sidelight.core.errors import SidelightError

Pair = frozenset[str]


@dataclass(frozen=True)
class Gold:
    groups: tuple[tuple[tuple[str, str], ...], ...]  # (source, quote) of required members
    also: tuple[tuple[tuple[str, str], ...], ...]  # optional members, same order as groups
    near_misses: tuple[tuple[tuple[str, str], tuple[str, str]], ...]
    ambiguous: tuple[tuple[tuple[str, str], tuple[str, str]], ...]

    @property
    def sources(self) -> set[str]:
        found = {s for g in (*self.groups, *self.also) for s, _q in g}
        return found | {s for p in (*self.near_misses, *self.ambiguous) for s, _q in p}


@dataclass(frozen=True)
class Scores:
    link_precision: float
    link_recall: float
    unique_precision: float
    unique_recall: float
    links_predicted: int
    links_required: int
    near_misses_linked: int
    near_misses: int

    @property
    def link_f1(self) -> float:
        return _f1(self.link_precision, self.link_recall)

    @property
    def unique_f1(self) -> float:
        return _f1(self.unique_precision, self.unique_recall)

    def line(self) -> str:
        return (f"links P {self.link_precision:.2f} R {self.link_recall:.2f} F1 {self.link_f1:.2f} "
                f"({self.links_predicted} predicted, {self.links_required} required); "
                f"unique P {self.unique_precision:.2f} R {self.unique_recall:.2f}; "
                f"near misses linked {self.near_misses_linked}/{self.near_misses}")


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def load_gold(path: str | Path) -> Gold:
    from sidelight.io import yaml_store

    data = yaml_store.load_file(path)
    if not isinstance(data, dict) or data.get("schema") != 1:
        raise SidelightError(path, "not a claim gold set of schema 1")

    def refs(items) -> tuple[tuple[str, str], ...]:
        return tuple((str(i["source"]), str(i["quote"])) for i in items or ())

    groups = data.get("groups") or []
    return Gold(
        groups=tuple(refs(g.get("units")) for g in groups),
        also=tuple(refs(g.get("also")) for g in groups),
        near_misses=tuple(tuple(refs(p)) for p in data.get("near_misses") or ()),  # type: ignore[misc]
        ambiguous=tuple(tuple(refs(p)) for p in data.get("ambiguous") or ()),  # type: ignore[misc]
    )


def restrict(gold: Gold, sources: Collection[str]) -> Gold:
    """The gold set as it reads when only ``sources`` are open (for a tuning split)."""
    def keep(refs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
        return tuple(r for r in refs if r[0] in sources)

    def both(pairs):
        return tuple(p for p in pairs if all(r[0] in sources for r in p))

    return Gold(groups=tuple(keep(g) for g in gold.groups), also=tuple(keep(g) for g in gold.also),
                near_misses=both(gold.near_misses), ambiguous=both(gold.ambiguous))


def evaluate(
    gold: Gold,
    units: Sequence[Unit],
    groups: Sequence[Sequence[str]],
    texts: Mapping[str, str],
    focus: Collection[str] | None = None,
) -> Scores:
    """Score predicted ``groups`` (lists of unit ids) over ``units`` of the documents in ``texts``.

    ``focus``: score only the pairs with at least one unit in these documents, and only their
    units for unique claims; with thresholds chosen on the other documents' pairs this gives
    held-out figures from the same alignment.
    """
    by_doc: dict[str, list[Unit]] = {}
    for u in units:
        by_doc.setdefault(u.document, []).append(u)
    document_of = {u.id: u.document for u in units}

    def find(ref: tuple[str, str]) -> str:
        source, quote = ref
        if source not in texts:
            raise SidelightError(None, f"gold set names source '{source}', which is not open")
        unit = resolve(UnitRef(source, 0, 0, quote), by_doc.get(source, ()), texts[source])
        if unit is None:
            raise SidelightError(None, f"gold quote not found in {source}: {quote[:60]!r}")
        return unit.id

    def cross_pairs(ids: Sequence[str]) -> set[Pair]:
        return {frozenset((a, b)) for a, b in combinations(dict.fromkeys(ids), 2) if document_of[a] != document_of[b]}

    required: set[Pair] = set()
    allowed: set[Pair] = set()
    linked_in_gold: set[str] = set()
    for members, extra in zip(gold.groups, gold.also):
        ids = [find(r) for r in members]
        extra_ids = [find(r) for r in extra]
        required |= cross_pairs(ids)
        allowed |= cross_pairs(ids + extra_ids)
        linked_in_gold.update(ids + extra_ids)
    ambiguous = {frozenset((find(a), find(b))) for a, b in gold.ambiguous}
    ambiguous_units = {u for p in ambiguous for u in p}
    near = {frozenset((find(a), find(b))) for a, b in gold.near_misses}

    predicted: set[Pair] = set()
    single_document: set[str] = set()
    for group in groups:
        group = [u for u in group if document_of.get(u) in texts]
        predicted |= cross_pairs(group)
        if len({document_of[u] for u in group}) == 1:
            single_document.update(group)
    if focus is not None:
        def touches(pair: Pair) -> bool:
            return any(document_of[u] in focus for u in pair)

        required = {p for p in required if touches(p)}
        allowed = {p for p in allowed if touches(p)}
        predicted = {p for p in predicted if touches(p)}
        near = {p for p in near if touches(p)}
        single_document = {u for u in single_document if document_of[u] in focus}
    scored = predicted - ambiguous
    correct = scored & allowed
    gold_unique = {u.id for u in units if u.document in texts and (focus is None or u.document in focus)}
    gold_unique -= linked_in_gold | ambiguous_units
    predicted_unique = single_document - ambiguous_units
    return Scores(
        link_precision=len(correct) / len(scored) if scored else 1.0,
        link_recall=len(predicted & required) / len(required) if required else 1.0,
        unique_precision=len(predicted_unique & gold_unique) / len(predicted_unique) if predicted_unique else 1.0,
        unique_recall=len(predicted_unique & gold_unique) / len(gold_unique) if gold_unique else 1.0,
        links_predicted=len(scored),
        links_required=len(required),
        near_misses_linked=len(predicted & near),
        near_misses=len(near),
    )


def default_gold_path() -> Path:
    """The gold set shipped with the source tree (benchmarks/gold/seed_claims.yaml)."""
    return Path(__file__).resolve().parents[4] / "benchmarks" / "gold" / "seed_claims.yaml"
