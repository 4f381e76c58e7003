"""An unlink saved in an earlier session is shown in Compare Claims and can be taken back there."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QUrl

from sidelight.core.alignment import Corrections, workspace_corrections_path
from sidelight.core.alignment.saved_unlinks import unlinks_of
from sidelight.gui.main_window import MainWindow
from tests.gui.conftest import CRA, GT, open_window

TRADE_GT = "Vietnam has become China's biggest trading partner"


def _aligned(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.claims.alignment is not None
                    and {d.id for d in win.claims.alignment.documents} == {GT, CRA}, timeout=30_000)


@pytest.fixture
def unlinked(qtbot, sample_copy) -> tuple[MainWindow, str, str]:
    """A window opened on a workspace whose corrections already keep two counterparts apart."""
    first = open_window(qtbot, sample_copy, [GT, CRA])
    _aligned(qtbot, first)
    alignment = first.claims.alignment
    gt_unit = next(u for u in alignment.units_of(GT) if TRADE_GT in u.text)
    cra_unit = alignment.counterparts(gt_unit.id)[0]
    earlier = Corrections()
    earlier.unlink(gt_unit, cra_unit)
    earlier.save(workspace_corrections_path(sample_copy))
    first.close()
    win = open_window(qtbot, sample_copy, [GT, CRA])
    _aligned(qtbot, win)
    assert cra_unit.id not in {u.id for u in win.claims.alignment.counterparts(gt_unit.id)}
    assert not win.actions_by_id["undo"].isEnabled()  # nothing of this session to undo
    return win, gt_unit.id, cra_unit.id


@pytest.mark.parametrize("side", [0, 1])
def test_a_saved_unlink_is_shown_on_both_claims(unlinked, side):
    win, gt_id, cra_id = unlinked
    chosen, other = (gt_id, cra_id) if side == 0 else (cra_id, gt_id)
    win.claims.select_unit(chosen)
    shown = win.pair_view.browser.toPlainText()
    assert "You unlinked this claim from" in shown
    assert win.pair_view.title.text().endswith("unlinked by you from 1")  # in sight without scrolling
    assert win.claims.alignment.unit(other).text in shown and "Undo this unlink" in shown
    assert f"relink:{other}" in win.pair_view.browser.toHtml()


def test_undoing_a_saved_unlink_reverts_the_correction_and_can_be_undone_in_turn(unlinked, qtbot):
    win, gt_id, cra_id = unlinked
    path = workspace_corrections_path(win.workspace.root)
    before = win.claims.alignment
    win.claims.select_unit(gt_id)
    win.pair_view._anchor(QUrl(f"relink:{cra_id}"))
    assert len(Corrections.load(path)) == 0
    qtbot.waitUntil(lambda: win.claims.alignment is not before
                    and cra_id in {u.id for u in win.claims.alignment.counterparts(gt_id)}, timeout=30_000)
    assert "You unlinked" not in win.pair_view.browser.toPlainText()
    assert win.actions_by_id["undo"].text() == "&Undo Forget saved unlink"
    relinked = win.claims.alignment
    win.actions_by_id["undo"].trigger()  # the unlink is back, as it was saved
    assert [c.action for c in Corrections.load(path)] == ["unlink"]
    qtbot.waitUntil(lambda: win.claims.alignment is not relinked
                    and cra_id not in {u.id for u in win.claims.alignment.counterparts(gt_id)}, timeout=30_000)
    assert "You unlinked this claim from" in win.pair_view.browser.toPlainText()


def test_unlinks_follow_their_quote_when_offsets_moved(unlinked):
    win, gt_id, cra_id = unlinked
    alignment = win.claims.alignment
    saved = Corrections.load(workspace_corrections_path(win.workspace.root))
    correction = saved.items[0]  # as if the text had been re-imported with a few characters more before it
    moved = replace(correction, a=replace(correction.a, start=correction.a.start + 3, end=correction.a.end + 3))
    found = unlinks_of(Corrections([moved]), alignment, gt_id)
    assert [other.id for _c, other in found] == [cra_id]
    assert unlinks_of(Corrections(), alignment, gt_id) == []
