"""Cleaning the sample scrapes: boilerplate gone, captions once, the article otherwise intact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sidelight.core.cleaning import clean_text
from tests.conftest import REPO, original_of

SOURCE_FOLDERS = sorted(p for p in (REPO / "sources").iterdir() if p.is_dir())


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(params=SOURCE_FOLDERS, ids=lambda p: p.name)
def scrape(request) -> tuple[str, str]:
    raw = original_of(request.param)
    return raw, clean_text(raw).text


def test_five_sample_sources_exist():
    assert len(SOURCE_FOLDERS) == 5


def test_web_boilerplate_is_removed(scrape):
    _raw, cleaned = scrape
    for furniture in ("Cookie Policy", "By continuing to browse", "Search Trends", "I agree\n",
                      "If you want to contribute", "Published:", "CHINA / DIPLOMACY", "2024年1期"):
        assert furniture not in cleaned


def test_repeated_captions_appear_once(scrape):
    raw, cleaned = scrape
    paragraphs = [p.strip() for p in raw.splitlines() if len(p.strip()) > 40]
    for para in set(paragraphs):
        if paragraphs.count(para) > 1:
            assert cleaned.count(para) <= 1, para[:60]


def test_every_kept_line_is_in_the_cleaned_text(scrape):
    """Nothing but recorded removals disappears: every other line survives (spaces aside)."""
    raw, cleaned = scrape
    result = clean_text(raw)
    removed_lines = {c.line for c in result.removed}
    squashed = _squash(cleaned)
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.strip() and number not in removed_lines:
            assert _squash(line) in squashed, f"line {number} lost: {line[:60]}"


def test_every_removal_is_recorded_with_its_text():
    raw = original_of(REPO / "sources" / _folder_with("CGTN"))
    result = clean_text(raw)
    rules = {c.rule for c in result.removed}
    assert {"cookie-banner", "repeated-paragraph", "contact-footer", "site-widget"} <= rules
    for change in result.removed:
        assert change.text in raw.splitlines()[change.line - 1].replace("\u00a0", " ")


def test_missing_spaces_are_repaired_without_breaking_numbers_or_abbreviations():
    cleaned = clean_text(
        "Trade reached US$185.1 billion in 2023.During the visit,the U.S. and Japan watched.\n"
    ).text
    assert "2023. During" in cleaned
    assert "visit, the" in cleaned
    assert "US$185.1 billion" in cleaned
    assert "U.S. and" in cleaned
    assert "cgtn.com" in clean_text("Write to opinions@cgtn.com today.\n").text


def test_dates_with_a_swallowed_space_are_repaired_but_thousands_are_not():
    cleaned = clean_text("On December 12,2023 they met. It has 3,791 projects.\n").text
    assert "December 12, 2023" in cleaned
    assert "3,791" in cleaned


def test_pull_quote_repeating_earlier_text_is_dropped_once():
    text = ("The first paragraph says the economy is sluggish and the world turbulent.\n\n"
            "Another paragraph.\n\n"
            "the economy is sluggish and the world turbulent.\n")
    result = clean_text(text)
    assert result.text.count("sluggish") == 1
    assert [c.rule for c in result.removed] == ["repeated-pull-quote"]


def test_bylines_and_datelines_become_metadata_not_text():
    result = clean_text("Big headline\n\nBy Jane Doe and Ngô Bảo Châu\n\nPublished: Dec 01, 2023 10:23 PM\n\nBody text here.\n")
    assert "Jane Doe" not in result.text
    assert result.found["author"] == "Jane Doe, Ngô Bảo Châu"
    assert result.found["published"] == "Dec 01, 2023 10:23 PM"


@pytest.mark.parametrize(
    ("line", "author", "published"),
    [
        ("By Hoang Thuy   December 13, 2023 | 05:30 pm GMT+7", "Hoang Thuy", "2023-12-13"),
        ("By Hoang Thuy | Dec. 13, 2023", "Hoang Thuy", "2023-12-13"),
        ("By Lan Pham · 13 December 2023", "Lan Pham", "2023-12-13"),
        ("By Lan Pham - 2023-12-13 17:30", "Lan Pham", "2023-12-13"),
        ("By Lan Pham and Minh Anh December 13, 2023", "Lan Pham, Minh Anh", "2023-12-13"),
    ],
)
def test_a_date_on_the_byline_goes_to_published_not_author(tmp_path, line, author, published):
    from sidelight.core.workspace import Workspace

    article = tmp_path / "article.txt"
    article.write_text(f"Hanoi talks open\n\n{line}\n\nLeaders met in Hanoi on Monday.\n", encoding="utf-8")
    source = Workspace.create(tmp_path / "ws").import_file(article)
    assert (source.meta.author, source.published) == (author, published)
    assert "Hanoi talks open\n\nLeaders met" in source.text


def test_a_sentence_starting_with_a_date_is_not_a_byline():
    result = clean_text("Title\n\nBy December 13, 2023, the two sides had signed 36 deals\n")
    assert "By December 13" in result.text and "author" not in result.found


@pytest.mark.parametrize(
    "value",
    ["December 13, 2023", "December 13, 2023 | 05:30 pm GMT+7", "13 December 2023", "2023-12-13 17:30",
     "Dec. 13, 2023", "Updated: Wed 13th Dec 2023, 5:30 pm"],
)
def test_parse_date_finds_a_date_inside_a_longer_dateline(value):
    from sidelight.core.metadata import parse_date

    assert parse_date(value) == "2023-12-13"


def test_parse_date_refuses_an_impossible_date():
    from sidelight.core.metadata import parse_date

    assert parse_date("2023-13-45") == "unknown"


def _folder_with(outlet: str) -> str:
    for folder in SOURCE_FOLDERS:
        if f"outlet: {outlet}\n" in (folder / "source.yaml").read_text(encoding="utf-8"):
            return folder.name
    raise AssertionError(f"no sample source from {outlet}")


def test_sample_metadata_comes_from_what_the_texts_say():
    from sidelight.core.workspace import Workspace

    ws = Workspace.open(REPO)
    by_outlet = {}
    for source in ws.sources:
        by_outlet.setdefault(source.outlet, []).append(source)
    assert sorted(by_outlet) == ["CGTN", "China Report ASEAN", "Global Times", "unknown"]
    assert sorted(s.published for s in by_outlet["Global Times"]) == ["2023-12-01", "2024-08-19"]
    assert by_outlet["China Report ASEAN"][0].meta.author == "Cheng Hanping, Zhao Zilong"
    assert by_outlet["CGTN"][0].meta.author == "Xin Ge"
    assert by_outlet["unknown"][0].meta.author == "Song Qingrun"
    assert all(s.meta.language == "en" for s in ws.sources)
    assert Path(by_outlet["CGTN"][0].folder / "original.txt").exists()


def test_a_chinese_sentence_with_a_year_already_printed_is_not_taken_for_a_fact_box():
    raw = ("中国外交部长王毅于2023年12月12日在河内会见了越南总理。\n\n"
           "2023年双边贸易额增长了15%。\n\n"
           "据报道，两国可能会开通新的铁路线。\n\n"
           "2023\n")  # a bare repeated figure still is one
    cleaned = clean_text(raw)
    assert "2023年双边贸易额增长了15%。" in cleaned.text
    assert [(c.rule, c.text) for c in cleaned.removed] == [("repeated-pull-quote", "2023")]


@pytest.mark.parametrize("lead", [
    "HANOI, Dec. 12 (Xinhua) -- China and Vietnam signed 36 agreements on Tuesday.",
    "Hanoi, Dec 12 (VNA) - China and Vietnam signed 36 agreements on Tuesday.",
    "BEIJING (Reuters) - China and Vietnam signed 36 agreements on Tuesday.",
])
def test_a_wire_dateline_opening_the_lead_is_removed_and_listed(lead):
    cleaned = clean_text(f"Deal signed\n\n{lead}\n\nThe documents cover trade.\n")
    assert "China and Vietnam signed 36 agreements on Tuesday." in cleaned.text
    assert "Xinhua" not in cleaned.text and "VNA" not in cleaned.text and "Reuters" not in cleaned.text
    assert [c.rule for c in cleaned.removed] == ["dateline"] and cleaned.removed[0].line == 3


def test_a_sentence_that_merely_starts_with_a_place_keeps_its_words():
    lead = "Hanoi, the capital, hosted the talks (which lasted two days) - a first."
    assert lead in clean_text(f"Talks held\n\n{lead}\n").text
