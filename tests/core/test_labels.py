"""Document labels: never two alike for two documents, never a word cut in half."""

from __future__ import annotations

from dataclasses import dataclass

from sidelight.core.labels import short_labels, shorten


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
