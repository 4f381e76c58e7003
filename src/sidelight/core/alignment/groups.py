"""Build claim groups from scored pairs without chaining unrelated sentences together.

Connected components over "similar enough" pairs chain A~B~C~D into one giant group even
when A and D have nothing in common. Here groups grow greedily from the strongest pair down,
and two groups merge only when

* they share no document (a group holds at most one unit per document: one claim, as each
  outlet states it), and
* they are close as wholes: the average score over every cross pair (a missing pair counts
  as 0) reaches ``link_min``, a clique-like condition a chain cannot meet.

Researcher corrections enter here: a linked pair is merged first and unconditionally
(unless it would put two units of one document together), and each of its two units then
stands in for the other when later merges are scored; an unlinked pair may never end up in
one group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

EDGE_MIN = 0.22  # weakest pair that may start or extend a group
LINK_MIN = 0.20  # weakest average over all cross pairs for two groups to merge
# Measured on the sample's consensus gold (2026-12): 0.16 to 0.20 give the same groups; 0.10 lets a
# unit join a pair through one strong edge and trades precision for recall (P 0.90 -> 0.85,
# R 0.59 -> 0.64; held-out P 0.87 -> 0.79, R 0.50 -> 0.58), so it moves along the curve, not up.
# A second pass linking leftover units to their mutual best counterpart below EDGE_MIN did worse:
# R 0.61 at P 0.66-0.77, most such pairs being one topic, not one claim.
# The same two with sentence embeddings in the score (its scale differs; set on the tuning split)
EDGE_MIN_EMBEDDED = 0.26
LINK_MIN_EMBEDDED = 0.20


class Grouping(NamedTuple):
    groups: list[list[int]]  # unit rows, each group sorted, groups by their first row
    sim: dict[tuple[int, int], float]  # the pair scores used, corrections applied: (a, b), a < b
    refused: list[tuple[int, int]]  # the researcher's links that could not be applied
    pairs: tuple[Any, Any, Any]  # the same pairs and scores as numpy arrays (first, second, score)


def build_groups(
    n_units: int,
    document_of: list[int],
    pairs: tuple[list[int], list[int], list[float]],
    *,
    links: Iterable[tuple[int, int]] = (),
    unlinks: Iterable[tuple[int, int]] = (),
    edge_min: float = EDGE_MIN,
    link_min: float = LINK_MIN,
    tick: Callable[[int, int], None] | None = None,
) -> Grouping:
    """Group the units; see :class:`Grouping` for what is returned.

    ``pairs``: the scored pairs as three parallel lists (first rows, second rows, scores), each
    first row below its second, as the scorer returns them; read in one pass, not pair by pair.
    """
    import numpy as np

    first, second, scores = pairs
    sim: dict[tuple[int, int], float] = dict(zip(zip(first, second), scores))
    forbidden = {(min(a, b), max(a, b)) for a, b in unlinks}
    forced = [(min(a, b), max(a, b)) for a, b in links if a != b]
    for pair in forced:
        sim[pair] = 1.0
    for pair in forbidden:
        sim.pop(pair, None)
    if forced or forbidden:  # the pairs as the researcher's corrections left them, in the same order
        both = np.fromiter((x for pair in sim for x in pair), dtype=np.int64, count=2 * len(sim)).reshape(-1, 2)
        pair_a, pair_b = both[:, 0], both[:, 1]
        values = np.fromiter(sim.values(), dtype=np.float64, count=len(sim))
    else:
        pair_a, pair_b = np.asarray(first, dtype=np.int64), np.asarray(second, dtype=np.int64)
        values = np.asarray(scores, dtype=np.float64)

    members: list[list[int]] = [[i] for i in range(n_units)]
    docs: list[set[int]] = [{document_of[i]} for i in range(n_units)]
    cluster = list(range(n_units))
    refused: list[tuple[int, int]] = []

    # A researcher's link says two units are one claim, so each stands in for the other: a unit
    # that matches one of them matches the linked pair (linking A, grouped with B, to C must give
    # {A, B, C}, not strand B because B was never scored against C).
    linked_to: dict[int, set[int]] = {}
    for a, b in forced:
        linked_to.setdefault(a, {a}).add(b)
        linked_to.setdefault(b, {b}).add(a)

    def score(x: int, y: int) -> float:
        found = sim.get((x, y) if x < y else (y, x), 0.0)
        if linked_to and (x in linked_to or y in linked_to):
            for xx in linked_to.get(x, (x,)):
                for yy in linked_to.get(y, (y,)):
                    if xx != yy and (xx, yy) != (x, y):
                        found = max(found, sim.get((xx, yy) if xx < yy else (yy, xx), 0.0))
        return found

    def mergeable(ca: int, cb: int, forced_pair: bool) -> bool:
        if docs[ca] & docs[cb]:
            return False
        keys = [(x, y) if x < y else (y, x) for x in members[ca] for y in members[cb]]
        if forbidden and not forbidden.isdisjoint(keys):
            return False
        if forced_pair:
            return True
        if linked_to:
            return sum(score(x, y) for x, y in keys) >= link_min * len(keys)
        get = sim.get
        return sum(get(key, 0.0) for key in keys) >= link_min * len(keys)

    def merge(ca: int, cb: int) -> None:
        if len(members[ca]) < len(members[cb]):
            ca, cb = cb, ca
        for x in members[cb]:
            cluster[x] = ca
        members[ca].extend(members[cb])
        docs[ca] |= docs[cb]
        members[cb], docs[cb] = [], set()

    for a, b in forced:
        ca, cb = cluster[a], cluster[b]
        if ca == cb:
            continue
        if mergeable(ca, cb, True):
            merge(ca, cb)
        else:
            refused.append((a, b))

    # Strongest first; equal scores keep the order the scorer gave them (a stable sort).
    strong = np.flatnonzero(values >= edge_min)
    order = strong[np.argsort(-values[strong], kind="stable")]
    edges_a, edges_b = pair_a[order].tolist(), pair_b[order].tolist()
    # Two single units joined by an edge strong enough to start a group merge whenever they
    # are of two documents: their one cross pair is the edge itself. Most edges are of that kind.
    singles_merge = edge_min >= link_min
    for step, (a, b) in enumerate(zip(edges_a, edges_b)):
        if tick and step % 20_000 == 0:
            tick(step, len(edges_a))
        ca, cb = cluster[a], cluster[b]
        if ca == cb or not docs[ca].isdisjoint(docs[cb]):
            continue
        if singles_merge and len(members[ca]) == 1 == len(members[cb]) or mergeable(ca, cb, False):
            merge(ca, cb)
    groups = [sorted(m) for m in members if m]
    groups.sort(key=lambda g: g[0])
    return Grouping(groups, sim, refused, (pair_a, pair_b, values))


def scores_and_links(
    groups: list[list[int]], pairs: tuple[Any, Any, Any],
) -> tuple[list[float], list[list[tuple[int, int]]]]:
    """For each group: its score (the average over all its pairs, a missing pair counting as 0;
    1.0 for a single unit) and each member's strongest link inside it (the first of equally
    strong ones; the first other member when it has none), the matches that hold it together.

    Storing every pair would cost n(n-1)/2 per group (20,000 for a claim in 200 articles), and
    reading them pair by pair as many dictionary lookups: the pairs are read here once, as
    arrays; any other pair can still be compared on demand with ``Alignment.compare``.
    """
    import numpy as np

    n_units = sum(len(g) for g in groups)
    group_at = np.empty(n_units, dtype=np.int64)
    for n, rows in enumerate(groups):
        group_at[rows] = n
    a, b, score = pairs
    inside = group_at[a] == group_at[b]
    a, b, score = a[inside], b[inside], score[inside]
    sizes = np.fromiter((len(g) for g in groups), dtype=np.float64, count=len(groups))
    totals = np.bincount(group_at[a], weights=score, minlength=len(groups))
    averages = np.where(sizes < 2, 1.0, totals / np.maximum(sizes * (sizes - 1) / 2, 1.0)).tolist()

    unit, partner, both = np.concatenate([a, b]), np.concatenate([b, a]), np.concatenate([score, score])
    order = np.lexsort((partner, -both, unit))  # per unit: strongest first, then the first member
    first = order[np.r_[True, unit[order][1:] != unit[order][:-1]]] if len(order) else order
    best = dict(zip(unit[first].tolist(), partner[first].tolist()))
    links: list[list[tuple[int, int]]] = []
    for rows in groups:
        found: set[tuple[int, int]] = set()
        if len(rows) > 1:
            for x in rows:
                y = best.get(x, rows[1] if rows[0] == x else rows[0])
                found.add((x, y) if x < y else (y, x))
        links.append(sorted(found))
    return averages, links
