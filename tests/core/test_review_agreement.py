"""Reviewer agreement: published figures reproduced, and what a team sees when it compares."""

from __future__ import annotations

import json

import pytest

from sidelight.core.annotation_session import AnnotationSession
from sidelight.core.review import compare_reviewers, load_review_material
from sidelight.core.review.report import render, verdict
from sidelight.core.review.statistics import cohen_kappa, krippendorff_alpha, percent_agreement
from sidelight.core.workspace import Workspace
from tests.conftest import SHARED_REFERENCE

AGREEMENT = SHARED_REFERENCE / "agreement"
needs_reference = pytest.mark.skipif(not AGREEMENT.is_dir(), reason="../shared/reference is not on this machine")


@needs_reference
@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_krippendorff_2011_worked_example(level):
    example = json.loads((AGREEMENT / "example.json").read_text(encoding="utf-8"))
    assert krippendorff_alpha(example["reliability_data"], level) == pytest.approx(example["expected_alpha"][level], abs=5e-4)


@needs_reference
def test_cohen_kappa_published_tables():
    examples = json.loads((AGREEMENT / "cohen_kappa_examples.json").read_text(encoding="utf-8"))["examples"]
    checked = 0
    for example in examples:
        if "kappa" not in example["expected"]:
            continue
        first, second = [], []
        for i, row in enumerate(example["contingency_table"]):
            for j, count in enumerate(row):
                first += [example["categories"][i]] * count
                second += [example["categories"][j]] * count
        assert cohen_kappa(first, second) == pytest.approx(example["expected"]["kappa"], abs=1e-3), example["id"]
        checked += 1
    assert checked >= 2


def test_no_variation_gives_no_coefficient_rather_than_a_perfect_one():
    assert krippendorff_alpha([[0, 0, 0], [0, 0, 0]]) is None
    assert cohen_kappa(["a", "a"], ["a", "a"]) is None
    assert percent_agreement([[0, 0, 0], [0, 0, 0]]) == 1.0
    assert verdict(None).startswith("n/a")


def test_missing_values_are_left_out_not_counted_as_disagreement():
    assert krippendorff_alpha([[1, 0, 1, None], [1, 0, 1, 0]]) == 1.0
    assert percent_agreement([[1, None], [1, 0]]) == 1.0


TEXT_A = ("Trade reached a record high last year. Officials praised the new railway. "
          "Critics warned about the debt. The weather was mild.")
TEXT_B = "The two leaders met in Hanoi. They signed twelve agreements."


def _workspace(tmp_path) -> Workspace:
    root = tmp_path / "ws"
    ws = Workspace.create(root)
    for name, text in (("a.txt", TEXT_A), ("b.txt", TEXT_B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        ws.import_file(tmp_path / name, outlet=name[0].upper())
    return Workspace.open(root)


def _annotate(ws: Workspace, reviewer: str, spans: list[tuple[str, str, list[str]]], document_values=None):
    session = AnnotationSession.open(ws, reviewer, use_cache=False)
    for source_id, quote, codes in spans:
        text = ws.get(source_id).text
        start = text.index(quote)
        session.add_span(source_id, start, start + len(quote), codes)
    for source_id, values in (document_values or {}).items():
        session.set_document(source_id, values=values)
    session.close()


def test_sentences_coded_differently_are_listed_with_each_reviewers_codes(tmp_path):
    ws = _workspace(tmp_path)
    a, b = (s.id for s in ws.sources)
    _annotate(ws, "ann", [(a, "Trade reached a record high", ["frame-economic"]),
                          (a, "Critics warned about the debt.", ["frame-economic", "polarity-negative"])])
    _annotate(ws, "bo", [(a, "Trade reached a record high last year.", ["frame-economic"]),
                         (a, "warned about the debt", ["frame-political"])])
    material = load_review_material(ws)
    result = compare_reviewers(material.texts, material.files, material.codebook)

    assert result.reviewers == ("ann", "bo")
    assert result.sources == (a,)  # b: nobody coded it, so it is not compared
    assert result.units == 4
    [disputed] = result.disagreements
    assert disputed.text == "Critics warned about the debt."
    assert disputed.codes == {"ann": {"frame-economic", "polarity-negative"}, "bo": {"frame-political"}}
    assert disputed.differing == {"frame-economic", "polarity-negative", "frame-political"}
    economic = result.code("frame-economic")
    assert economic.units == {"ann": 2, "bo": 1}
    assert economic.agreement == 0.75
    assert result.code("frame-political").units == {"ann": 0, "bo": 1}


def test_identical_coding_agrees_fully_and_lists_nothing(tmp_path):
    ws = _workspace(tmp_path)
    a, b = (s.id for s in ws.sources)
    spans = [(a, "Trade reached a record high last year.", ["frame-economic"]), (b, "They signed twelve agreements.", ["frame-political"])]
    _annotate(ws, "ann", spans)
    _annotate(ws, "bo", spans)
    material = load_review_material(ws)
    result = compare_reviewers(material.texts, material.files, material.codebook)
    assert result.disagreements == []
    assert result.code("frame-economic").alpha == 1.0
    assert result.code("frame-economic").kappa == 1.0
    assert result.overall_alpha == 1.0


def test_a_document_one_reviewer_left_alone_is_missing_for_them_not_uncoded(tmp_path):
    ws = _workspace(tmp_path)
    a, b = (s.id for s in ws.sources)
    _annotate(ws, "ann", [(a, "Trade reached a record high last year.", ["frame-economic"]),
                          (b, "They signed twelve agreements.", ["frame-political"])])
    _annotate(ws, "bo", [(a, "Trade reached a record high last year.", ["frame-economic"])])
    material = load_review_material(ws)
    result = compare_reviewers(material.texts, material.files, material.codebook)
    assert result.sources == (a,)
    assert result.disagreements == []  # bo never opened b: ann's code there is not disputed


def test_document_fields_compare_over_documents(tmp_path):
    ws = _workspace(tmp_path)
    a, b = (s.id for s in ws.sources)
    _annotate(ws, "ann", [], {a: {"genre": "news"}, b: {"genre": "opinion"}})
    _annotate(ws, "bo", [], {a: {"genre": "news"}, b: {"genre": "analysis"}})
    material = load_review_material(ws)
    genre = compare_reviewers(material.texts, material.files, material.codebook).field_agreement("genre")
    assert genre.documents == 2
    assert genre.agreement == 0.5
    assert genre.values[b] == {"ann": "opinion", "bo": "analysis"}


def test_sample_reviewers_report_reads_as_a_methods_table(sample_root):
    material = load_review_material(Workspace.open(sample_root))
    result = compare_reviewers(material.texts, material.files, material.codebook)
    text = render(result, "text")
    assert text.startswith("Agreement of alice and bao over 5 documents")
    assert "Krippendorff's alpha" in text
    assert result.disagreements, "the sample's reviewers disagree in places"
    data = json.loads(render(result, "json"))
    assert {d["document"] for d in data["disagreements"]} <= {s.id for s in Workspace.open(sample_root).sources}
    assert all(set(d["codes"]) == {"alice", "bao"} for d in data["disagreements"])
    header = render(result, "csv").splitlines()[0]
    assert header.startswith("kind,id,name,level,sentences (alice),sentences (bao)")
