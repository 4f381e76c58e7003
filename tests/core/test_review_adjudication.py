"""Adjudication: each disputed sentence settled into the consensus set, on disk, and reversible."""

from __future__ import annotations

import pytest

from sidelight.core.errors import SidelightError
from sidelight.core.review import compare_reviewers, load_review_material
from sidelight.core.review.adjudication import (
    CONSENSUS,
    DECISIONS_FILE,
    NEITHER,
    Decisions,
    adopt_agreed,
    open_consensus,
    settle,
    unsettle,
)
from sidelight.core.workspace import Workspace
from sidelight.io import yaml_store


def _compared(root, reviewers=None):
    material = load_review_material(Workspace.open(root), reviewers)
    return material, compare_reviewers(material.texts, material.files, material.codebook, material.reviewers)


def test_settling_copies_the_chosen_reading_and_records_the_decision(sample_copy):
    material, result = _compared(sample_copy)
    disputed = next(d for d in result.disagreements if d.spans["bao"] and d.spans["alice"])
    consensus = open_consensus(sample_copy)
    decisions, decision = settle(consensus, disputed, "bao", material.files, "judge", Decisions())

    copied = consensus.spans(disputed.source_id)
    theirs = [material.files["bao"][disputed.source_id].spans[i] for i in disputed.spans["bao"]]
    assert sorted((s.start, s.end, s.codes, s.note) for s in copied) == sorted((s.start, s.end, s.codes, s.note) for s in theirs)
    assert decision.chosen == "bao" and decision.by == "judge" and set(decision.between) == {"alice", "bao"}
    assert set(decision.spans) == {s.id for s in copied}

    on_disk = yaml_store.load_file(sample_copy / DECISIONS_FILE)
    assert on_disk["schema"] == 1 and on_disk["decisions"][0]["quote"] == disputed.text
    assert (sample_copy / "annotations" / CONSENSUS / f"{disputed.source_id}.yaml").is_file()
    assert Decisions.load(sample_copy).of(disputed) == decision

    # the consensus is a reviewer like any other: it now agrees with bao on that sentence
    _, against_bao = _compared(sample_copy, ["bao", CONSENSUS])
    assert disputed.text not in {d.text for d in against_bao.disagreements}


def test_deciding_again_replaces_the_earlier_decision_and_unsettling_removes_it(sample_copy):
    material, result = _compared(sample_copy)
    disputed = next(d for d in result.disagreements if d.spans["alice"])
    consensus = open_consensus(sample_copy)
    decisions, first = settle(consensus, disputed, "alice", material.files, "judge", Decisions())
    decisions, second = settle(consensus, disputed, NEITHER, material.files, "judge", decisions)
    assert len(decisions) == 1 and decisions.of(disputed) == second
    assert not any(s.id in first.spans for s in consensus.spans(disputed.source_id))
    assert second.spans == ()
    decisions = unsettle(consensus, second, decisions)
    assert len(Decisions.load(sample_copy)) == 0


def test_agreed_sentences_are_adopted_in_one_step_and_not_twice(sample_copy):
    material, result = _compared(sample_copy)
    assert result.agreed, "the sample's reviewers agree on some sentences"
    consensus = open_consensus(sample_copy)
    decisions, count = adopt_agreed(consensus, result.agreed, material.files, "judge", Decisions())
    assert count == len(result.agreed)
    spans = sum(len(consensus.spans(s)) for s in material.texts)
    decisions, again = adopt_agreed(consensus, result.agreed, material.files, "judge", decisions)
    assert again == 0 and sum(len(consensus.spans(s)) for s in material.texts) == spans
    _, check = _compared(sample_copy, ["alice", CONSENSUS])  # what was agreed is what the consensus now says
    assert not {s.text for s in result.agreed} & {d.text for d in check.disagreements}


def test_the_consensus_is_not_compared_unless_asked_for(sample_copy):
    material, result = _compared(sample_copy)
    consensus = open_consensus(sample_copy)
    settle(consensus, result.disagreements[0], NEITHER, material.files, "judge", Decisions())
    consensus.close()
    assert _compared(sample_copy)[1].reviewers == ("alice", "bao")


def test_choosing_a_reviewer_who_did_not_read_the_sentence_is_refused(sample_copy):
    material, result = _compared(sample_copy)
    with pytest.raises(SidelightError, match="did not code this sentence"):
        settle(open_consensus(sample_copy), result.disagreements[0], "carol", material.files, "judge", Decisions())


def test_a_damaged_decisions_file_is_named(sample_copy):
    path = sample_copy / DECISIONS_FILE
    path.parent.mkdir()
    path.write_text("schema: 1\ndecisions:\n- source: x\n", encoding="utf-8")
    with pytest.raises(SidelightError, match="decision 1 needs"):
        Decisions.load(sample_copy)
    path.write_text("!!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(SidelightError):
        Decisions.load(sample_copy)


def test_check_names_a_decision_whose_sentence_is_gone(sample_copy):
    from sidelight.io.validation import check_workspace

    material, result = _compared(sample_copy)
    settle(open_consensus(sample_copy), result.disagreements[0], NEITHER, material.files, "judge", Decisions())
    assert check_workspace(sample_copy) == []
    path = sample_copy / DECISIONS_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("source: ", "source: gone-", 1), encoding="utf-8")
    [problem] = check_workspace(sample_copy)
    assert problem.path == path and "gone-" in problem.message and "not in the workspace" in problem.message
