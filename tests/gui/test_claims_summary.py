"""The claims panel read as a list: the counts keep their place while the claims are aligned again,
and each claim reads first, before who carries it."""

from __future__ import annotations

import threading

from sidelight.gui.claims import controller as claims_controller
from tests.gui.conftest import open_window
from tests.gui.test_claims_panel_reading import ALL


def test_aligning_again_does_not_make_the_claims_list_jump(qtbot, sample_copy, monkeypatch):
    window = open_window(qtbot, sample_copy, ALL)
    qtbot.waitUntil(lambda: window.claims.alignment is not None
                    and len(window.claims.alignment.documents) == len(ALL), timeout=60_000)
    summary = window.claims_panel.summary
    window.claims_panel.resize(320, 600)  # narrow: the counts take several lines
    qtbot.wait(50)
    counted = summary.height()
    list_top = window.claims_panel.tabs.y()
    assert counted > summary.fontMetrics().height() * 1.5  # more than one line of counts
    release = threading.Event()
    real_align = claims_controller.align

    def held_align(*args, **kwargs):  # the second alignment waits until the test has looked
        release.wait(30)
        return real_align(*args, **kwargs)

    monkeypatch.setattr(claims_controller, "align", held_align)
    window.realign()
    qtbot.waitUntil(lambda: summary.text().startswith("Aligning"), timeout=5_000)
    qtbot.wait(50)
    try:
        assert summary.height() >= counted and window.claims_panel.tabs.y() == list_top
    finally:
        release.set()
    qtbot.waitUntil(lambda: "claims in" in summary.text(), timeout=60_000)
    assert summary.minimumHeight() == 0  # the counts size it again


def test_each_claim_in_the_list_reads_claim_first_then_who_carries_it(qtbot, sample_copy):
    window = open_window(qtbot, sample_copy, ALL[:3])
    qtbot.waitUntil(lambda: window.claims.alignment is not None
                    and len(window.claims.alignment.documents) == 3, timeout=60_000)
    model = window.claims_panel.list_model
    group = next(g for g in model.rows if g.kind == "partial")
    first, carried = model.data(model.index(model.rows.index(group))).split("\n")
    assert window.claims.alignment.unit(group.units[0]).text.startswith(first.rstrip("…"))
    assert carried.lstrip("⚠ ").startswith("Shared by some · ")


def test_a_filter_keeps_the_claims_whose_figures_dates_or_names_conflict(qtbot, sample_copy):
    # The sample's shared claims agree on their figures; one outlet is made to misdate the visit.
    text = sample_copy / "sources" / "china-vietnam-ties-elevated-to-new" / "text.txt"
    original = text.read_text(encoding="utf-8")
    assert "a state visit to Vietnam from December 12 to 13" in original
    text.write_text(original.replace("a state visit to Vietnam from December 12 to 13",
                                     "a state visit to Vietnam from December 11 to 13"), encoding="utf-8")
    window = open_window(qtbot, sample_copy, ALL)
    qtbot.waitUntil(lambda: window.claims.alignment is not None
                    and len(window.claims.alignment.documents) == len(ALL), timeout=60_000)
    combo = window.claims_panel.filter
    combo.setCurrentIndex(combo.findText("With conflicting figures, dates or names"))
    shown = window.claims_panel.visible_groups()
    everything = window.claims.alignment.filter_groups(has_conflicts=True)
    assert shown and len(shown) < len(everything)
    assert any("date" in {c.type for c in g.contradictions} for g in shown)
    assert all({"attribution", "hedging"} >= {c.type for c in g.contradictions} for g in everything if g not in shown)
