"""Aligning the open documents together with the rest of the workspace, then showing only them."""

from __future__ import annotations

from sidelight.core.alignment import align
from sidelight.core.alignment.evaluation import consensus, default_gold_path, evaluate, judge, load_gold, restrict
from sidelight.core.workspace import Workspace
from tests.conftest import REPO

GT = "china-vietnam-reach-consensus-on"  # Global Times
CRA = "a-new-day-for-china-vietnam-relations"  # China Report ASEAN
CGTN = "china-vietnam-ties-elevated-to-new"

DOCS = [
    ("a", "Bilateral trade surpassed $200 billion last year. The summit was held in a seaside resort."),
    ("b", "The leaders toured a factory. Commerce between the two exceeded $200 billion in 2023."),
    ("c", "Trade between the two countries surpassed $200 billion last year, exceeding $200 billion in 2023."),
]


def test_only_the_open_documents_are_in_the_result_and_kinds_count_them_alone():
    result = align(DOCS[:2], context=DOCS)
    assert [d.id for d in result.documents] == ["a", "b"]
    assert [d.id for d in result.context_documents] == ["c"]
    assert {u.document for u in result.units} == {"a", "b"}
    for group in result.groups:
        assert {result.unit(u).document for u in group.units} == set(group.documents)
        assert group.kind == ("shared" if len(group.documents) == 2 else "unique")
    assert "with 1 other document as context" in result.method
    data = result.to_json()
    assert {u["document"] for u in data["units"]} == {"a", "b"}
    assert [d["id"] for d in data["context_documents"]] == ["c"]


def test_a_claim_joined_through_a_closed_document_names_its_wording():
    result = align(DOCS[:2], context=DOCS)
    group = result.group_of("a:0")
    assert "b:1" in group.units
    wordings = [(d.id, u.text) for d, u in result.context_of(group.id)]
    assert wordings and wordings[0][0] == "c" and "surpassed $200 billion" in wordings[0][1]


def test_no_context_or_only_the_open_documents_as_context_changes_nothing():
    alone = align(DOCS[:2])
    same = align(DOCS[:2], context=DOCS[:2])
    assert [g.units for g in alone.groups] == [g.units for g in same.groups]
    assert not same.context_documents and "context" not in same.method


def test_a_pair_of_sample_articles_reads_its_groups_from_the_whole_workspace():
    ws = Workspace.open(REPO)
    everything = align(ws.sources)
    pair = align([ws.get(GT), ws.get(CRA)], context=ws.sources)
    expected = sorted(tuple(u for u in g.units if everything.unit(u).document in (GT, CRA)) for g in everything.groups)
    assert sorted(g.units for g in pair.groups) == [units for units in expected if units]


def test_with_context_a_pair_of_sample_articles_links_more_rightly():
    """The reason for the feature, on the gold both annotators agree on, pooled over the pairs
    that share most claims: fewer wrong links without losing right ones."""
    ws = Workspace.open(REPO)
    golds = [load_gold(default_gold_path()), load_gold(default_gold_path().with_name("seed_claims_b.yaml"))]
    totals = {True: [0, 0, 0], False: [0, 0, 0]}  # predicted, correct, found
    required = 0
    for other in (CRA, CGTN):
        chosen = [ws.get(GT), ws.get(other)]
        texts = {s.id: s.text for s in chosen}
        for use_context in (True, False):
            result = align(chosen, context=ws.sources if use_context else ())
            truth = consensus([judge(restrict(g, set(texts)), result.units, texts) for g in golds])
            scores = evaluate(truth, result.units, [g.units for g in result.groups], texts)
            totals[use_context][0] += scores.links_predicted
            totals[use_context][1] += round(scores.link_precision * scores.links_predicted)
            totals[use_context][2] += round(scores.link_recall * scores.links_required)
            required += scores.links_required if use_context else 0
    with_context, alone = totals[True], totals[False]
    assert with_context[1] / with_context[0] > alone[1] / alone[0]  # precision
    assert with_context[2] >= alone[2]  # recall


def test_the_order_documents_are_given_in_does_not_change_the_claims():
    ws = Workspace.open(REPO)
    forward, backward = align(ws.sources), align(list(reversed(ws.sources)))
    assert sorted(sorted(g.units) for g in forward.groups) == sorted(sorted(g.units) for g in backward.groups)
    assert [d.id for d in backward.documents] == [s.id for s in reversed(ws.sources)]  # shown as given


def test_claims_and_units_come_in_reading_order_of_the_documents_shown():
    ws = Workspace.open(REPO)
    result = align([ws.get(CRA), ws.get(GT)], context=ws.sources)
    assert [u.document for u in result.units] == sorted((u.document for u in result.units), key=[CRA, GT].index)
    first_units = [min(result.units.index(result.unit(u)) for u in g.units) for g in result.groups]
    assert first_units == sorted(first_units)  # the headline's claim first, as a reader meets them
    assert result.groups[0].units[0] == result.units_of(CRA)[0].id


def test_section_titles_are_no_claims_in_counts_filters_or_blindspots():
    ws = Workspace.open(REPO)
    result = align(ws.sources)
    sections = [u for u in result.units if u.kind == "section"]
    assert any(u.text == "Managing divergences" for u in sections)
    section_groups = {result.group_of(u.id).id for u in sections}
    no_claims = {g.id for g in result.groups if result.states_no_claim(g.id)}
    assert section_groups <= no_claims
    assert sum(result.counts().values()) == len(result.groups) - len(no_claims)
    for d in result.documents:
        spot = result.blindspot(d.id)
        assert not section_groups & {g.id for g in (*spot.omitted, *spot.unique)}
    assert not section_groups & {g.id for g in result.filter_groups(kind="unique")}
    assert all(result.states_no_claim(g) for g in section_groups)
    credit = next(u for u in result.units if u.text == "China Vietnam Photo: VCG")
    assert credit.kind == "credit" and result.states_no_claim(result.group_of(credit.id).id)
    assert not result.counterparts(credit.id) and result.group_of(credit.id) not in result.claims
