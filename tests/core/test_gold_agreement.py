"""Two annotators' gold sets: how far they agree, and the consensus an aligner is scored on."""

from __future__ import annotations

import pytest

from sidelight.core.alignment import align
from sidelight.core.alignment.evaluation import Gold, agreement, consensus, evaluate, judge, recall_ceiling

TEXTS = {
    "a": "Trade passed $200 billion. The visit lasted two days. Ports will be upgraded. Rain fell.",
    "b": "Trade exceeded $200 billion. Xi stayed for two days. New rail links were agreed. Fog rose.",
    "c": "Trade topped $200 billion. Ports and rail links will be upgraded. Snow fell.",
}


def ref(doc: str, quote: str) -> tuple[str, str]:
    return (doc, quote)


def gold(groups, also=None, near=(), ambiguous=()) -> Gold:
    return Gold(groups=tuple(tuple(g) for g in groups), also=tuple(tuple(a) for a in (also or [()] * len(groups))),
                near_misses=tuple(near), ambiguous=tuple(ambiguous))


TRADE = [ref("a", "Trade passed"), ref("b", "Trade exceeded"), ref("c", "Trade topped")]
VISIT = [ref("a", "The visit"), ref("b", "Xi stayed")]
PORTS = [ref("a", "Ports will"), ref("c", "Ports and rail")]
RAIL = [ref("b", "New rail"), ref("c", "Ports and rail")]

# Annotator one: trade (3 docs), visit, ports. Annotator two: trade, rail links (ports as near miss),
# and the visit only as an optional member.
ONE = gold([TRADE, VISIT, PORTS])
TWO = gold([TRADE, [ref("a", "The visit")], RAIL], also=[(), [ref("b", "Xi stayed")], ()],
           near=[(ref("a", "Ports will"), ref("c", "Ports and rail"))])


@pytest.fixture(scope="module")
def units():
    return align(list(TEXTS.items())).units


def pair(units, x: tuple[str, str], y: tuple[str, str]) -> frozenset[str]:
    found = [next(u.id for u in units if u.document == d and u.text.startswith(q)) for d, q in (x, y)]
    return frozenset(found)


def test_consensus_requires_only_what_both_require_and_leaves_disputed_pairs_unscored(units):
    one, two = judge(ONE, units, TEXTS), judge(TWO, units, TEXTS)
    both = consensus([one, two])
    trade_pairs = {pair(units, x, y) for x, y in [(TRADE[0], TRADE[1]), (TRADE[0], TRADE[2]), (TRADE[1], TRADE[2])]}
    assert both.required == trade_pairs
    visit = pair(units, *VISIT)
    assert visit in both.allowed and visit not in both.required  # required by one, optional for the other
    ports, rail = pair(units, *PORTS), pair(units, *RAIL)
    assert {ports, rail} <= both.ambiguous  # one links what the other does not
    assert ports not in both.near  # a near miss for one, a link for the other: disputed, not a near miss
    # "Ports and rail..." is linked by both annotators (to different units), so it is no unique claim;
    # "Rain fell." is linked by neither, so it is one.
    c_ports = next(u.id for u in units if u.text.startswith("Ports and rail"))
    assert c_ports in both.linked
    rain = next(u.id for u in units if u.text.startswith("Rain"))
    assert rain not in both.linked | both.undecided
    new_rail = next(u.id for u in units if u.text.startswith("New rail"))
    assert new_rail in both.undecided  # linked by one annotator only


def test_agreement_counts_shared_and_lenient_links_and_alpha_on_unique_claims(units):
    one, two = judge(ONE, units, TEXTS), judge(TWO, units, TEXTS)
    result = agreement(one, two, units)
    assert (result.links_first, result.links_second, result.links_both) == (5, 4, 3)
    assert result.link_f1 == pytest.approx(2 * 3 / 9)
    # the visit pair, required by one, is optional for the other: it counts when lenient
    assert result.links_allowed_both == 3 + 1 + 3
    assert agreement(one, one, units).unique_alpha == pytest.approx(1.0)
    assert result.unique_alpha < 1.0


def test_an_aligner_is_not_blamed_for_disputed_pairs_under_the_consensus(units):
    one, two = judge(ONE, units, TEXTS), judge(TWO, units, TEXTS)
    ports = sorted(pair(units, *PORTS))
    groups = [[u.id] for u in units if u.id not in ports] + [ports]
    strict = evaluate(two, units, groups, TEXTS)
    agreed = evaluate(consensus([one, two]), units, groups, TEXTS)
    assert strict.link_precision == 0.0  # annotator two calls the ports pair a near miss
    assert agreed.links_predicted == 0  # under the consensus the pair is disputed: not scored
    assert agreed.link_recall == 0.0  # the trade claim is still required and was missed


def test_both_shipped_gold_sets_resolve_on_the_sample_and_are_two_real_readings():
    from sidelight.core.alignment.evaluation import default_gold_path, load_gold
    from sidelight.core.workspace import Workspace
    from tests.conftest import REPO

    sources = Workspace.open(REPO).sources
    texts = {s.id: s.text for s in sources}
    result = align(sources)
    first = judge(load_gold(default_gold_path()), result.units, texts)  # raises if a quote is not found
    second = judge(load_gold(default_gold_path().with_name("seed_claims_b.yaml")), result.units, texts)
    both = agreement(first, second, result.units)
    assert both.links_first >= 30 and both.links_second >= 30  # the issue asks for at least 30 links
    assert 0 < both.links_both < min(both.links_first, both.links_second)  # independent, not copies
    assert len(consensus([first, second]).near) >= 15


def test_conflict_gold_scores_reported_conflicts_by_type(tmp_path):
    from sidelight.core.alignment.evaluation import evaluate_conflicts
    from sidelight.io import yaml_store

    texts = {
        "a": "Trade passed $200 billion, Ge said. The visit will last two days.",
        "b": "Trade passed $234.9 billion, according to Xinhua. The visit lasts two days.",
    }
    result = align(list(texts.items()))
    path = tmp_path / "conflicts.yaml"
    yaml_store.dump_file(path, {"schema": 1, "pairs": [
        {"a": {"source": "a", "quote": "Trade passed"}, "b": {"source": "b", "quote": "Trade passed"},
         "conflicts": ["money", "attribution"]},
        {"a": {"source": "a", "quote": "The visit"}, "b": {"source": "b", "quote": "The visit"},
         "conflicts": []},  # a reader may call "will" against a plain present no conflict
    ]})
    scores = evaluate_conflicts(path, result, texts)
    assert scores.found == {"money": 1, "attribution": 1}
    assert scores.reported == {"money": 1, "attribution": 1, "hedging": 1}
    assert scores.recall() == 1.0 and scores.precision() == pytest.approx(2 / 3)
    assert scores.precision("hedging") == 0.0


def test_recall_ceiling_counts_links_no_one_sentence_per_document_claim_can_make(units):
    """A sentence the gold links with two sentences of one other document keeps one of them."""
    crowded = gold([TRADE, [ref("c", "Ports and rail"), ref("a", "Ports will")],
                    [ref("c", "Ports and rail"), ref("a", "Rain fell")]])
    truth = judge(crowded, units, TEXTS)
    ceiling = recall_ceiling(truth, units)
    assert len(truth.required) == 5  # three trade pairs, two for "Ports and rail"
    assert (ceiling.crowded, ceiling.lost) == (1, 1)
    assert ceiling.recall == pytest.approx(0.8)
    assert ceiling.line().startswith("claims of one sentence per document can reach link recall 0.80 at most: "
                                     "1 sentence must link with two or more sentences of one other document")
    # Annotator one's gold has no such sentence: every required link can be made.
    assert recall_ceiling(judge(ONE, units, TEXTS), units).recall == 1.0
