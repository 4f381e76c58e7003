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
from typing import Any

from sidelight.core.alignment.corrections import UnitRef, resolve
from sidelight.core.alignment.model import Unit
from sidelight.core.errors import SidelightError
from sidelight.core.labels import plural

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
    if "groups" not in data:
        hint = " (it lists conflicting facts of pairs: a conflict gold set, read by 'sidelight eval' itself)" \
            if "pairs" in data else ""
        raise SidelightError(path, f"not a claim gold set: it has no 'groups'{hint}")

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


@dataclass(frozen=True)
class Judgement:
    """A gold set resolved to the units of one segmentation: what scoring needs.

    ``required``: pairs that must be linked; ``allowed``: pairs that may be (required ones
    included); ``near``: look-alike pairs that must not; ``ambiguous``: pairs scored neither
    way; ``linked``: units some claim group holds (so not unique); ``undecided``: units left
    out of unique-claim scoring.
    """

    required: frozenset[Pair]
    allowed: frozenset[Pair]
    near: frozenset[Pair]
    ambiguous: frozenset[Pair]
    linked: frozenset[str]
    undecided: frozenset[str]


def judge(gold: Gold, units: Sequence[Unit], texts: Mapping[str, str]) -> Judgement:
    """Find each of the gold set's quotes among ``units`` and return its pairs as unit ids."""
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
    linked: set[str] = set()
    for members, extra in zip(gold.groups, gold.also):
        ids = [find(r) for r in members]
        extra_ids = [find(r) for r in extra]
        required |= cross_pairs(ids)
        allowed |= cross_pairs(ids + extra_ids)
        linked.update(ids + extra_ids)
    ambiguous = {frozenset((find(a), find(b))) for a, b in gold.ambiguous}
    near = {frozenset((find(a), find(b))) for a, b in gold.near_misses}
    return Judgement(frozenset(required), frozenset(allowed), frozenset(near), frozenset(ambiguous),
                     frozenset(linked), frozenset(u for p in ambiguous for u in p))


def consensus(judgements: Sequence[Judgement]) -> Judgement:
    """What all annotators agree on; whatever they judged differently is scored neither way.

    A pair is required when every annotator requires it and allowed when every annotator
    allows it; a pair some allow and others do not is ambiguous, as is any pair one of them
    marked so. Near misses are the pairs some annotator lists as one and none allows. A unit
    counts as linked when every annotator links it, and is left out of unique-claim scoring
    when they disagree on that. The rule is fixed in advance, not chosen per pair, so the
    consensus does not lean toward any aligner's output.
    """
    if not judgements:
        raise ValueError("consensus of no judgements")
    every = lambda sets: frozenset.intersection(*sets)  # noqa: E731
    some = lambda sets: frozenset.union(*sets)  # noqa: E731
    allowed_by_all = every([j.allowed for j in judgements])
    ambiguous = some([j.ambiguous for j in judgements]) | (some([j.allowed for j in judgements]) - allowed_by_all)
    linked_by_all = every([j.linked for j in judgements])
    return Judgement(
        required=every([j.required for j in judgements]) - ambiguous,
        allowed=allowed_by_all - ambiguous,
        near=some([j.near for j in judgements]) - some([j.allowed for j in judgements]) - ambiguous,
        ambiguous=ambiguous,
        linked=linked_by_all,
        undecided=some([j.undecided for j in judgements]) | (some([j.linked for j in judgements]) - linked_by_all),
    )


@dataclass(frozen=True)
class Agreement:
    """How far two annotators' gold sets agree, the ceiling any aligner is judged against."""

    links_both: int  # pairs both require
    links_first: int  # pairs the first requires
    links_second: int  # pairs the second requires
    links_allowed_both: int  # required by one and allowed (required or optional) by the other
    unique_alpha: float  # Krippendorff's alpha, nominal, over units: unique or not

    @property
    def link_f1(self) -> float:
        total = self.links_first + self.links_second
        return 2 * self.links_both / total if total else 1.0

    @property
    def lenient_link_f1(self) -> float:
        total = self.links_first + self.links_second
        return self.links_allowed_both / total if total else 1.0

    def line(self) -> str:
        return (f"required links: {self.links_first} and {self.links_second}, {self.links_both} in both "
                f"(F1 {self.link_f1:.2f}; {self.lenient_link_f1:.2f} counting the other's optional links); "
                f"unique claims: Krippendorff's alpha {self.unique_alpha:.2f}")


def agreement(first: Judgement, second: Judgement, units: Sequence[Unit]) -> Agreement:
    import krippendorff
    import numpy as np

    ids = [u.id for u in units if u.id not in first.undecided | second.undecided]
    ratings = np.array([[0.0 if u in j.linked else 1.0 for u in ids] for j in (first, second)])
    alpha = float(krippendorff.alpha(reliability_data=ratings, level_of_measurement="nominal")) if ids else 1.0
    return Agreement(
        links_both=len(first.required & second.required),
        links_first=len(first.required),
        links_second=len(second.required),
        links_allowed_both=len(first.required & second.allowed) + len(second.required & first.allowed),
        unique_alpha=alpha,
    )


def evaluate(
    gold: Gold | Judgement,
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
    truth = judge(gold, units, texts) if isinstance(gold, Gold) else gold
    document_of = {u.id: u.document for u in units}

    def cross_pairs(ids: Sequence[str]) -> set[Pair]:
        return {frozenset((a, b)) for a, b in combinations(dict.fromkeys(ids), 2) if document_of[a] != document_of[b]}

    required, allowed, near = set(truth.required), set(truth.allowed), set(truth.near)
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
    scored = predicted - truth.ambiguous
    correct = scored & allowed
    gold_unique = {u.id for u in units if u.document in texts and (focus is None or u.document in focus)}
    gold_unique -= truth.linked | truth.undecided
    predicted_unique = single_document - truth.undecided
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


@dataclass(frozen=True)
class RecallCeiling:
    """How far a gold set lets groups of one unit per document go (see :func:`recall_ceiling`)."""

    recall: float  # link recall no such grouping can pass
    crowded: int  # units required to link with two or more units of one other document
    lost: int  # required links that must go unmade, at least

    def line(self) -> str:
        if not self.crowded:
            return "every required link can be made by claims of one sentence per document"
        return (f"claims of one sentence per document can reach link recall {self.recall:.2f} at most: "
                f"{plural(self.crowded, 'sentence')} must link with two or more sentences of one other document, "
                f"so at least {plural(self.lost, 'required link')} {'goes' if self.lost == 1 else 'go'} unmade")


def recall_ceiling(truth: Judgement, units: Sequence[Unit]) -> RecallCeiling:
    """An upper bound on the link recall the aligner's groups can reach on ``truth``.

    A claim group holds one unit per document, but a gold set may require one sentence to be
    linked with two sentences of another document (a claim restated there, or a sentence that
    carries two claims). Of a unit's k required partners in one document at most one can share
    its group, so k - 1 of those links go unmade; a link has two ends, so it is counted at most
    twice. Without this figure a recall below target reads as the aligner's fault alone.
    """
    document_of = {u.id: u.document for u in units}
    partners: dict[tuple[str, str], int] = {}
    for pair in truth.required:
        a, b = tuple(pair)
        partners[(a, document_of[b])] = partners.get((a, document_of[b]), 0) + 1
        partners[(b, document_of[a])] = partners.get((b, document_of[a]), 0) + 1
    excess = sum(k - 1 for k in partners.values() if k > 1)
    crowded = len({unit for (unit, _doc), k in partners.items() if k > 1})
    lost = (excess + 1) // 2
    total = len(truth.required)
    return RecallCeiling(recall=1.0 - lost / total if total else 1.0, crowded=crowded, lost=lost)


def link_errors(truth: Judgement, units: Sequence[Unit], groups: Sequence[Sequence[str]]) -> tuple[list[Pair], list[Pair]]:
    """The required links the groups miss and the links they make that the gold does not allow
    (ambiguous pairs are neither): what to read when a score disappoints."""
    document_of = {u.id: u.document for u in units}
    predicted = {frozenset((a, b)) for g in groups for a, b in combinations(g, 2) if document_of[a] != document_of[b]}
    order = {u.id: n for n, u in enumerate(units)}
    key = lambda pair: sorted(order[u] for u in pair)  # noqa: E731
    missed = sorted(truth.required - predicted, key=key)
    wrong = sorted(predicted - truth.allowed - truth.ambiguous, key=key)
    return missed, wrong


@dataclass(frozen=True)
class ConflictScores:
    """Conflicting facts found between units a gold set says carry one claim, by type."""

    found: dict[str, int]  # correctly reported, per type
    reported: dict[str, int]  # reported, per type
    expected: dict[str, int]  # in the gold set, per type
    pairs: int

    def precision(self, kind: str | None = None) -> float:
        found, reported = self._totals(kind, self.reported)
        return found / reported if reported else 1.0

    def recall(self, kind: str | None = None) -> float:
        found, expected = self._totals(kind, self.expected)
        return found / expected if expected else 1.0

    def _totals(self, kind: str | None, other: dict[str, int]) -> tuple[int, int]:
        if kind is not None:
            return self.found.get(kind, 0), other.get(kind, 0)
        return sum(self.found.values()), sum(other.values())

    def line(self) -> str:
        kinds = sorted(self.expected.keys() | self.reported.keys())
        per_kind = "; ".join(f"{k} {self.found.get(k, 0)}/{self.reported.get(k, 0)} reported right, "
                             f"{self.found.get(k, 0)}/{self.expected.get(k, 0)} found" for k in kinds)
        return (f"conflicts P {self.precision():.2f} R {self.recall():.2f} over {self.pairs} pairs "
                f"({sum(self.reported.values())} reported, {sum(self.expected.values())} expected): {per_kind}")


def evaluate_conflicts(path: str | Path, alignment: Any, texts: Mapping[str, str]) -> ConflictScores:
    """Compare the conflicts :meth:`Alignment.compare` reports for each pair of a conflict gold
    set (``benchmarks/gold/seed_conflicts.yaml``: pairs of units by source and quote, each with
    the conflict types a reader found) with the types listed there."""
    from sidelight.io import yaml_store

    data = yaml_store.load_file(path)
    if not isinstance(data, dict) or data.get("schema") != 1 or not isinstance(data.get("pairs"), list):
        raise SidelightError(path, "not a conflict gold set of schema 1")
    by_doc: dict[str, list[Unit]] = {}
    for u in alignment.units:
        by_doc.setdefault(u.document, []).append(u)
    found: dict[str, int] = {}
    reported: dict[str, int] = {}
    expected: dict[str, int] = {}
    for item in data["pairs"]:
        ids = []
        for side in ("a", "b"):
            source, quote = str(item[side]["source"]), str(item[side]["quote"])
            unit = resolve(UnitRef(source, 0, 0, quote), by_doc.get(source, ()), texts.get(source, ""))
            if unit is None:
                raise SidelightError(path, f"quote not found in {source}: {quote[:60]!r}")
            ids.append(unit.id)
        said = {c.type for c in alignment.compare(ids[0], ids[1]).conflicts}
        truth = {str(t) for t in item.get("conflicts") or ()}
        for kind in said:
            reported[kind] = reported.get(kind, 0) + 1
        for kind in truth:
            expected[kind] = expected.get(kind, 0) + 1
        for kind in said & truth:
            found[kind] = found.get(kind, 0) + 1
    return ConflictScores(found, reported, expected, len(data["pairs"]))


def default_gold_path() -> Path:
    """The gold set shipped with the source tree (benchmarks/gold/seed_claims.yaml)."""
    return Path(__file__).resolve().parents[4] / "benchmarks" / "gold" / "seed_claims.yaml"
