"""Document labels: never two alike for two documents, never a word cut in half."""

from __future__ import annotations

from dataclasses import dataclass

from sidelight.core.labels import quoted_in, short_labels, shorten


@dataclass
class Doc:
    id: str
    outlet: str
    title: str


def test_same_outlet_gets_titles_and_unknown_outlet_gets_the_title():
    labels = short_labels([
        Doc("a", "Global Times", "China, Vietnam reach consensus on pushing cooperation in next level"),
        Doc("b", "Global Times", "Xi, Vietnamese top leader Lam reaffirm ‘priority’ of bilateral relations"),
        Doc("c", "CGTN", "China-Vietnam ties elevated to new heights"),
        Doc("d", "unknown", "Xi’s visit to Vietnam boosts elevation of bilateral ties"),
    ])
    assert labels["c"] == "CGTN"
    assert labels["a"].startswith("Global Times (China, Vietnam reach") and labels["a"].endswith("…)")
    assert labels["a"] != labels["b"]
    assert labels["d"] == "Xi’s visit to Vietnam boosts…"


def test_shorten_cuts_at_a_word_and_drops_a_dangling_quote():
    assert shorten("Xi, Vietnamese top leader Lam reaffirm ‘priority’ of bilateral relations", 40) == (
        "Xi, Vietnamese top leader Lam reaffirm…")
    assert shorten("Short title", 40) == "Short title"


def test_a_cited_sentence_that_opens_with_a_quote_is_never_in_doubled_quotes():
    from sidelight.core.labels import quoted

    said = quoted('"China takes Vietnam as a priority in its neighborhood diplomacy," Xi told Lam.', 200)
    assert said == "“‘China takes Vietnam as a priority in its neighborhood diplomacy,’ Xi told Lam.”"
    assert quoted("“We agree,” he said.", 200) == "“‘We agree,’ he said.”"
    assert quoted("Trade grew 25 percent.", 200) == "“Trade grew 25 percent.”"
    cut = quoted('He called it an "undercurrent" that has not yet posed a major challenge', 37)
    assert cut == "“He called it an ‘undercurrent’ that…”"


def test_a_cut_keeps_a_closing_quote_and_drops_an_opening_one():
    from sidelight.core.labels import shorten

    text = 'Ge described the disputes as an "undercurrent," which has not yet posed a challenge'
    assert shorten(text, 49) == 'Ge described the disputes as an "undercurrent"…'
    assert shorten('Ge described the disputes as an "undercurrent which has', 34) == "Ge described the disputes as an…"


def test_documents_that_would_read_alike_are_told_apart_by_their_ids():
    labels = short_labels([Doc("a", "unknown", "a"), Doc("a-2", "unknown", "a"), Doc("b", "CGTN", "Other")])
    assert labels == {"a": "a (a)", "a-2": "a (a-2)", "b": "CGTN"}


def test_a_sentence_is_quoted_with_its_outlet_s_possessive_but_never_a_title_s():
    docs = [Doc("a", "CGTN", "A new day"), Doc("b", "unknown", "Xi’s visit to Vietnam boosts elevation"),
            Doc("c", "Global Times", "One"), Doc("d", "Global Times", "Two")]
    assert quoted_in(docs, "a", "Trade grew.", 40) == "CGTN’s “Trade grew.”"
    assert quoted_in(docs, "b", "Trade grew.", 40) == "“Trade grew.” in Xi’s visit to Vietnam boosts…"
    assert quoted_in(docs, "c", "Trade grew.", 40) == "“Trade grew.” in Global Times (One)"
