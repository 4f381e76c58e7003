"""Claim units: exact offsets, and the sentence boundaries a researcher would draw."""

from __future__ import annotations

from sidelight.core.alignment import segment
from sidelight.core.workspace import Workspace
from tests.conftest import REPO


def texts(text: str) -> list[str]:
    return [u.text for u in segment("d", text)]


def test_every_seed_unit_indexes_its_text_exactly():
    for source in Workspace.open(REPO).sources:
        units = segment(source.id, source.text)
        assert units, source.id
        for unit in units:
            assert source.text[unit.start:unit.end] == unit.text
            assert unit.text == unit.text.strip()
        starts = [u.start for u in units]
        assert starts == sorted(starts)


def test_money_decimals_and_abbreviations_do_not_end_a_sentence():
    got = texts("Trade reached US$185.1 billion in 2023. Vietnam is the fourth largest after the U.S. and Japan.")
    assert got == ["Trade reached US$185.1 billion in 2023.",
                   "Vietnam is the fourth largest after the U.S. and Japan."]


def test_a_missing_space_after_a_full_stop_still_ends_a_sentence():
    assert texts("It ended in 2023.During the visit, Xi spoke.") == ["It ended in 2023.", "During the visit, Xi spoke."]


def test_curly_quotes_stay_with_their_sentence():
    got = texts("They opposed “color revolutions.” Such cooperation will help.")
    assert got == ["They opposed “color revolutions.”", "Such cooperation will help."]


def test_headline_and_caption_are_units_of_their_own():
    text = ("China-Vietnam ties elevated to new heights\n\n"
            "Children wave flags in Hanoi, Vietnam, December 12, 2023. /CFP\n\n"
            "Xi paid a state visit. He met Trong.\n\nSteady cooperation\n\nThey agreed.")
    units = segment("d", text)
    assert [(u.kind, u.text) for u in units] == [
        ("heading", "China-Vietnam ties elevated to new heights"),
        ("caption", "Children wave flags in Hanoi, Vietnam, December 12, 2023. /CFP"),
        ("sentence", "Xi paid a state visit."),
        ("sentence", "He met Trong."),
        ("section", "Steady cooperation"),
        ("sentence", "They agreed."),
    ]


def test_chinese_text_is_split_on_chinese_full_stops():
    got = texts("中越两国发表联合声明。双方签署了30多份合作文件！这是真的吗？")
    assert got == ["中越两国发表联合声明。", "双方签署了30多份合作文件！", "这是真的吗？"]


def test_vietnamese_diacritics_keep_offsets_exact():
    text = "Tổng Bí thư Tô Lâm thăm Trung Quốc. Hai bên ký nhiều văn kiện hợp tác."
    units = segment("vi", text)
    assert [u.text for u in units] == ["Tổng Bí thư Tô Lâm thăm Trung Quốc.", "Hai bên ký nhiều văn kiện hợp tác."]
    assert all(text[u.start:u.end] == u.text for u in units)


def test_long_compound_sentence_is_split_into_clauses_at_semicolons():
    left = "the two sides agreed to enhance the efficiency of economic trade and investment cooperation in many different fields over the coming five years"
    right = "they also promised to promote traffic connections in railways roads and border gate infrastructure across the whole border region soon"
    third = "and they will improve customs clearance efficiency to maintain smooth trade and ensure production chains stay stable and secure for all"
    units = segment("d", f"{left.capitalize()}; {right}; {third}.")
    assert [u.kind for u in units] == ["clause", "clause", "clause"]
    assert units[0].text.endswith(";")


def test_empty_and_blank_texts_have_no_units():
    assert segment("d", "") == []
    assert segment("d", "  \n\n \t\n") == []


def test_a_sentence_opening_with_a_vietnamese_or_french_capital_is_split_off():
    texts = [u.text for u in segment("d", "Giá xăng tăng 5% trong tháng 3. Đây là mức tăng cao nhất trong năm. "
                                          "Ủy ban cho biết sẽ kiểm tra. Élysée a réagi.")]
    assert texts == ["Giá xăng tăng 5% trong tháng 3.", "Đây là mức tăng cao nhất trong năm.",
                     "Ủy ban cho biết sẽ kiểm tra.", "Élysée a réagi."]


def test_chinese_sentences_inside_an_english_paragraph_are_units_of_their_own():
    text = ("A total of 150 people were taken to hospital, the ministry said. 据新华社报道，共有210人入院治疗。"
            "The city will spend $2 million. 他说美国会帮助。Then Mr. Smith left.")
    assert [u.text for u in segment("d", text)] == [
        "A total of 150 people were taken to hospital, the ministry said.", "据新华社报道，共有210人入院治疗。",
        "The city will spend $2 million.", "他说美国会帮助。", "Then Mr. Smith left."]


def test_an_abbreviation_anywhere_in_a_paragraph_keeps_its_sentence_whole():
    text = ("Talks were chaired by Dr. Nguyen Van An of the ministry. They ended on Friday. "
            "Mr. Lam spoke next. Prices rose in Sept. after the deal.")
    assert [u.text for u in segment("d", text)] == [
        "Talks were chaired by Dr. Nguyen Van An of the ministry.",
        "They ended on Friday.",
        "Mr. Lam spoke next.",
        "Prices rose in Sept. after the deal.",
    ]
    # a full stop after an ordinary short word still ends its sentence
    assert [u.text for u in segment("d", "He ate a taco. Then he left. It was Oct. Fine.")][:2] == [
        "He ate a taco.", "Then he left."]


def test_a_sentence_repeated_in_a_paragraph_gets_each_its_own_offsets():
    # pysbd's sentences are found again in the text by a search of our own: a repeated
    # sentence must map to its second occurrence, not the first one again.
    text = "Trade grew. Ties deepened. Trade grew.  Ties deepened.\tTrade grew."
    units = segment("d", text)
    assert [(u.start, u.end) for u in units] == [(0, 11), (12, 26), (27, 38), (40, 54), (55, 66)]
    assert all(text[u.start:u.end] == u.text for u in units)


def test_sentence_offsets_are_those_pysbd_itself_finds():
    import pysbd

    from sidelight.core.alignment.segmentation import _segmenter

    theirs = pysbd.Segmenter(language="en", clean=False, char_span=True)
    ours = _segmenter()
    ours_spans = type(ours).sentences_with_char_spans
    for source in Workspace.open(REPO).sources:
        for paragraph in source.text.split("\n\n"):
            if not paragraph.strip():
                continue
            expected = [(s.sent, s.start, s.end) for s in theirs.segment(paragraph)]
            ours.original_text = paragraph
            found = ours_spans(ours, ours.processor(paragraph).process())
            assert [(s.sent, s.start, s.end) for s in found] == expected, paragraph[:60]


def test_an_editors_note_and_a_disclaimer_are_about_the_article_not_claims_in_it():
    from sidelight.core.alignment import align

    text = ("Ties elevated to new heights\n\n"
            "Editor's Note: Xin Ge is an associate professor at a Shanghai university.\n\n"
            "China and Vietnam signed 36 agreements. The article reflects the author's opinions and not "
            "necessarily the views of CGTN.\n\n"
            "Trade rose by a fifth, the ministry said.")
    units = segment("c", text)
    assert [(u.kind, u.text[:22]) for u in units if u.kind == "note"] == [
        ("note", "Editor's Note: Xin Ge "), ("note", "The article reflects t")]
    assert [u.text.strip() for u in units if u.kind == "sentence"] == [
        "China and Vietnam signed 36 agreements.", "Trade rose by a fifth, the ministry said."]
    result = align([("c", text), ("d", "Editor’s note: the author is a professor.\n\nChina and Vietnam signed 36 agreements.")])
    claims = [result.unit(g.units[0]).text for g in result.claims]
    assert not any("Editor" in c or "reflects the author" in c for c in claims)  # neither listed nor matched
