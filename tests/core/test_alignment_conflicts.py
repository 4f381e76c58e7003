"""Conflicting facts a researcher can trust: what the seeds showed as false alarms stays quiet,
and the real divergences are still reported."""

from __future__ import annotations

from sidelight.core.alignment import align


def conflict_types(a: str, b: str) -> dict[str, dict[str, str]]:
    result = align([("a", a), ("b", b)])
    return {c.type: c.values for c in result.compare("a:0", "b:0").conflicts}


def test_a_leader_named_as_the_first_word_counts_as_named():
    found = conflict_types(
        "Xi held talks with Trong after the welcome ceremony and the two sides announced the upgrade.",
        "During Xi’s visit, the two sides announced the upgrading of relations between the countries.",
    )
    assert "person" not in found  # only one side names Trong: a detail, not a conflict


def test_two_different_people_said_to_have_met_are_still_a_conflict():
    found = conflict_types(
        "During the visit Xi Jinping met Nguyen Phu Trong in Hanoi to sign the agreements.",
        "During the visit Xi Jinping met To Lam in Hanoi to sign the agreements.",
    )
    assert found["person"] == {"a:0": "Xi Jinping, Nguyen Phu Trong", "b:0": "Xi Jinping, To Lam"}


def test_a_photo_credit_is_no_organisation_or_person_of_the_claim():
    found = conflict_types(
        "Children wave Chinese and Vietnamese flags during a welcome ceremony in Hanoi, December 12, 2023. /CFP",
        "Children wave Chinese and Vietnamese flags during a welcome ceremony in Hanoi, December 12, 2023. (SHEN HONG)",
    )
    assert "organisation" not in found and "person" not in found


def test_a_ministry_keeps_its_full_name():
    result = align([("a", "Chinese Foreign Ministry spokesperson Mao Ning said the service shortened transport times.")])
    from sidelight.core.alignment.facts import extract

    assert [f.text for f in extract(result.unit("a:0").text).organisation] == ["Chinese Foreign Ministry"]


def test_the_subject_after_said_is_not_the_speaker():
    found = conflict_types(
        "During the meeting, Xi said China is ready to expand synergy between the two strategies.",
        "During the meeting, China is ready to expand synergy between the two strategies, said Wang Yi.",
    )
    assert found["attribution"] == {"a:0": "Xi", "b:0": "Wang Yi"}


def test_nouns_and_plain_verbs_are_not_hedging_but_modals_are():
    quiet = conflict_types(
        "There is also great potential for developing hard connectivity between the two countries.",
        "Vietnam expects great progress in developing hard connectivity between the two countries.",
    )
    assert "hedging" not in quiet
    loud = conflict_types(
        "The railway is expected to open next year, linking the two countries.",
        "The railway opened this year, linking the two countries.",
    )
    assert loud["hedging"] == {"a:0": "is expected to", "b:0": "(none)"}


def test_numbers_conflict_only_when_they_count_the_same_thing():
    unrelated = conflict_types(
        "China ranks sixth of 143 countries investing in Vietnam, with 3,791 projects.",
        "China's investment in Vietnam rose more than 10 times in 15 years.",
    )
    assert "number" not in unrelated
    related = conflict_types(
        "China poured nearly $1.3 billion into 233 projects in Vietnam in the first half of the year.",
        "China poured nearly $1.3 billion into 250 projects in Vietnam in the first half of the year.",
    )
    assert related["number"] == {"a:0": "233 projects", "b:0": "250 projects"}
