"""Odd inputs give sensible alignments or a clear SidelightError, never a traceback."""

from __future__ import annotations

import pytest

from sidelight.core.alignment import align
from sidelight.core.errors import SidelightError

TEXT = "China is Vietnam's largest trading partner. Trade rose by 25 percent this year."


def test_one_document_has_only_unique_claims():
    result = align([("only", TEXT)])
    assert {g.kind for g in result.groups} == {"unique"}
    assert result.blindspot("only").omitted == ()


def test_identical_documents_share_every_claim():
    result = align([("a", TEXT), ("b", TEXT), ("c", TEXT)])
    assert [g.kind for g in result.groups] == ["shared", "shared"]
    assert all(c.type != "money" for g in result.groups for c in g.conflicts)
    assert {m.score for m in result.matches} == {1.0}  # a similarity: identical is 1.00, never more


def test_an_empty_document_carries_nothing_and_breaks_nothing():
    result = align([("a", TEXT), ("b", TEXT), ("empty", "")])
    assert result.units_of("empty") == []
    assert {g.kind for g in result.groups} == {"partial"}
    assert len(result.blindspot("empty").omitted) == 2


def test_all_documents_empty():
    result = align([("a", ""), ("b", "   \n\n")])
    assert result.units == () and result.groups == ()


def test_documents_in_other_scripts_are_segmented_and_compared():
    chinese = "中越两国发表联合声明。双方签署了30多份合作文件。"
    result = align([
        ("zh-1", chinese),
        ("zh-2", "双方签署了30多份合作文件。中越两国发表联合声明。"),
        ("vi", "Tổng Bí thư Tô Lâm thăm Trung Quốc. Hai bên ký nhiều văn kiện hợp tác."),
        ("en", TEXT),
    ])
    assert len(result.units_of("zh-1")) == 2 and len(result.units_of("vi")) == 2
    assert result.group_of("zh-1:0") is result.group_of("zh-2:1")
    assert result.kind_of("vi:0") == "unique"


def test_no_documents_or_repeated_ids_are_refused_clearly():
    with pytest.raises(SidelightError, match="no documents"):
        align([])
    with pytest.raises(SidelightError, match="given twice"):
        align([("a", TEXT), ("a", TEXT)])
    with pytest.raises(SidelightError, match="cannot align"):
        align([42])


def test_a_short_line_printed_word_for_word_in_both_scores_as_identical():
    result = align([("a", "Summit\n\nThe storm hit the coast on Monday."),
                    ("b", "Summit\n\nRescue teams arrived on Tuesday.")])
    assert result.group_of("a:0") is result.group_of("b:0")
    assert result.match("a:0", "b:0").score == 1.0


def test_documents_in_different_languages_are_said_to_be_so():
    result = align([("vi", "Kim ngạch thương mại song phương đạt 234,9 tỷ USD trong năm 2022, theo Bộ Công Thương."),
                    ("en", "Bilateral trade reached $234.9 billion in 2022, the ministry said.")])
    assert any("different languages (Vietnamese, English or another Latin-script language)" in p  # as given
               for p in result.problems)
    assert not any("languages" in p for p in align([("a", "Trade rose."), ("b", "Trade fell.")]).problems)
