"""Saved corrections looked at against the current texts: which apply, which followed an edit,
which are gone; updating and dropping them."""

from __future__ import annotations

from sidelight.core.alignment import Corrections, align
from sidelight.core.alignment.correction_review import describe, dropped, review, updated, where_edited

DOCS = {
    "a": "Infrastructure is a bottleneck for growth. The two sides signed a six-point plan to build railways. "
         "The talks were held in the capital.",
    "b": "Both countries agreed on a six-point railway plan. The leaders toured a factory.",
}


def _corrections():
    first = align(list(DOCS.items()))
    plan_a = next(u for u in first.units_of("a") if "six-point" in u.text)
    talks = next(u for u in first.units_of("a") if "talks" in u.text)
    plan_b, tour = first.units_of("b")
    corrections = Corrections()
    corrections.link(plan_a, plan_b)
    corrections.unlink(talks, tour)
    corrections.alone(first.units_of("a")[0])
    return corrections


def test_each_correction_is_said_to_apply_follow_an_edit_or_be_gone():
    corrections = _corrections()
    assert [s.state for s in review(corrections, DOCS)] == ["applies", "applies", "applies"]

    edited = {"a": DOCS["a"].replace("six-point", "seven-point").replace("The talks were held in the capital.",
                                                                          "Nothing else was said."),
              "b": DOCS["b"]}
    link, unlink, alone = review(corrections, edited)
    assert link.state == "followed" and "seven-point" in link.current[0].text
    assert unlink.state == "gone" and [r.quote for r in unlink.missing] == ["The talks were held in the capital."]
    assert alone.state == "applies"

    moved = {"a": "Breaking. " + DOCS["a"], "b": DOCS["b"]}
    assert [s.state for s in review(corrections, moved)] == ["applies", "applies", "applies"]

    without_b = {"a": DOCS["a"]}
    assert [s.state for s in review(corrections, without_b)] == ["no source", "no source", "applies"]


def test_updating_quotes_the_edited_sentence_and_leaves_the_others_as_they_were():
    corrections = _corrections()
    edited = {"a": "Breaking. " + DOCS["a"].replace("six-point", "seven-point"), "b": DOCS["b"]}
    statuses = review(corrections, edited)
    assert [s.state for s in statuses] == ["followed", "applies", "applies"]  # the last two only moved
    new = updated(corrections, statuses)
    assert [c.action for c in new] == ["link", "unlink", "alone"]
    link, unlink, _alone = new.items
    assert "seven-point" in link.a.quote and edited["a"][link.a.start:link.a.end] == link.a.quote
    assert link.b == corrections.items[0].b
    assert unlink.a.start == edited["a"].index("The talks")  # its offsets follow the text
    assert [s.state for s in review(new, edited)] == ["applies", "applies", "applies"]


def test_dropping_removes_only_the_corrections_named():
    corrections = _corrections()
    gone = corrections.items[1]
    left = dropped(corrections, [gone])
    assert list(left) == [corrections.items[0], corrections.items[2]]
    assert len(corrections) == 3  # the original is untouched (undo restores it)


def test_a_correction_is_described_by_its_action_and_what_became_of_each_sentence():
    status = review(_corrections(), DOCS)[1]
    assert describe(status, {"a": "Outlet A", "b": "Outlet B"}) == [
        "unlinked", "Outlet A: “The talks were held in the capital.”", "Outlet B: “The leaders toured a factory.”"]
    edited = {"a": DOCS["a"].replace("The talks were held in the capital.", "Nothing else."), "b": DOCS["b"]}
    lines = describe(review(_corrections(), edited)[1], {"a": "Outlet A", "b": "Outlet B"})
    assert lines[1].endswith("(no longer in the text)") and "(no longer" not in lines[2]  # which one is gone


def test_an_edit_near_the_end_of_a_long_sentence_shows_in_both_wordings():
    old = ("On the basis of 15 years of the comprehensive strategic cooperative partnership between the two "
           "countries, it came about naturally that the two sides agreed to build a community.")
    new = old.replace("naturally", "logically")
    before, after = where_edited(old, new, 60)
    assert "naturally" in before and "logically" in after
    assert before.startswith("…") and len(before) <= 62
    assert where_edited("short one", "short two", 60) == ("short one", "short two")
    status = review(_corrections(), {"a": DOCS["a"].replace("to build railways", "to build roads"), "b": DOCS["b"]})[0]
    lines = describe(status, width=40)
    assert "railways" in lines[1] and "now reads:" in lines[2] and "roads" in lines[2]
