"""Claims → Saved Corrections: a correction whose sentence was rewritten can be seen and dropped,
one that followed an edit can be brought up to date, and each change is undone with Ctrl+Z."""

from __future__ import annotations

import pytest

from sidelight.core.alignment import Corrections, workspace_corrections_path
from sidelight.gui.main_window import MainWindow
from tests.gui.conftest import CRA, GT, open_window

TRADE_GT = "Vietnam has become China's biggest trading partner"


def _aligned(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.claims.alignment is not None
                    and {d.id for d in win.claims.alignment.documents} == {GT, CRA}, timeout=30_000)


@pytest.fixture
def drifted(qtbot, sample_copy):
    """A workspace with two saved corrections: a link whose sentence was since edited by one
    word, and an unlink whose sentence was rewritten entirely."""
    first = open_window(qtbot, sample_copy, [GT, CRA])
    _aligned(qtbot, first)
    alignment = first.claims.alignment
    gt_trade = next(u for u in alignment.units_of(GT) if TRADE_GT in u.text)
    cra_trade = alignment.counterparts(gt_trade.id)[0]
    gt_other = next(u for u in alignment.units_of(GT) if u.id != gt_trade.id and len(u.text) > 60
                    and u.text.count("China") >= 1)
    cra_other = next(u for u in alignment.units_of(CRA) if u.id != cra_trade.id and len(u.text) > 60)
    saved = Corrections()
    saved.link(gt_trade, cra_trade)
    saved.unlink(gt_other, cra_other)
    saved.save(workspace_corrections_path(sample_copy))
    first.close()
    path = sample_copy / "sources" / GT / "text.txt"
    text = path.read_text(encoding="utf-8")
    text = text.replace(gt_trade.text, gt_trade.text.replace("biggest", "largest"), 1)
    text = text.replace(gt_other.text, "This sentence was written anew and says something else.", 1)
    path.write_text(text, encoding="utf-8")
    win = open_window(qtbot, sample_copy, [GT, CRA])
    _aligned(qtbot, win)
    return win, sample_copy


def _dialog(qtbot, win):
    win.actions_by_id["saved_corrections"].trigger()
    dialog = win.saved_corrections
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)
    return dialog


def test_the_dialog_says_which_corrections_apply_and_which_no_longer_do(qtbot, drifted):
    win, _root = drifted
    assert "Saved Corrections" in win.statusBar().currentMessage()  # the alignment says where to settle it
    dialog = _dialog(qtbot, win)
    assert dialog.isVisible() and not dialog.isModal()
    cells = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(2)]
    assert cells[0][0] == "Linked" and cells[0][2] == "applies to the edited sentence"
    assert "now reads:" in cells[0][1] and "largest" in cells[0][1] and "biggest" in cells[0][1]
    assert cells[1][0] == "Unlinked" and cells[1][2] == "no longer applies"
    gone_line, kept_line = cells[1][1].split("\n")
    assert gone_line.endswith("(no longer in the text)") and "no longer" not in kept_line
    assert "This sentence was" not in dialog.table.item(1, 1).toolTip()  # the old wording, whole
    assert len(dialog.table.item(1, 1).toolTip()) > len(cells[1][1])
    assert "1 no longer applies" in dialog.summary.text()
    assert dialog.update_button.isEnabled() and dialog.drop_gone_button.isEnabled()
    assert not dialog.drop_button.isEnabled()  # nothing chosen yet
    assert not dialog.undo_button.isEnabled()  # nothing done yet


def test_dropping_what_no_longer_applies_saves_and_undo_brings_it_back(qtbot, drifted):
    win, root = drifted
    path = workspace_corrections_path(root)
    dialog = _dialog(qtbot, win)
    dialog.drop_gone_button.click()
    assert [c.action for c in Corrections.load(path)] == ["link"]
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    assert not dialog.drop_gone_button.isEnabled()
    qtbot.waitUntil(lambda: "no longer applies" not in win.statusBar().currentMessage(), timeout=30_000)

    assert dialog.undo_button.isEnabled()
    assert "Drop saved correction" in dialog.undo_button.toolTip()  # what it takes back is named
    dialog.undo_button.click()
    assert [c.action for c in Corrections.load(path)] == ["link", "unlink"]
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)


def test_updating_quotes_the_edited_sentence_so_the_link_applies_as_it_reads(qtbot, drifted):
    win, root = drifted
    path = workspace_corrections_path(root)
    dialog = _dialog(qtbot, win)
    dialog.update_button.click()
    link = Corrections.load(path).items[0]
    assert "largest" in link.a.quote and "biggest" not in link.a.quote
    qtbot.waitUntil(lambda: dialog.table.item(0, 2) is not None and dialog.table.item(0, 2).text() == "applies",
                    timeout=10_000)
    assert not dialog.update_button.isEnabled()


def test_dropping_a_chosen_correction_and_showing_one_in_the_window(qtbot, drifted):
    win, root = drifted
    dialog = _dialog(qtbot, win)
    dialog._show_in_window(0, 1)  # a double-click: the link's claim is chosen in the window
    chosen = win.claims.alignment.unit(win.claims.selected)
    assert "largest trading partner" in chosen.text
    dialog._show_in_window(1, 1)  # the unlink's Global Times sentence was rewritten: its other one is shown
    assert "is no longer in Global Times" in win.statusBar().currentMessage()
    assert win.claims.alignment.unit(win.claims.selected).document == CRA
    dialog.table.selectRow(0)
    assert dialog.drop_button.isEnabled()
    dialog.drop_button.click()
    assert [c.action for c in Corrections.load(workspace_corrections_path(root))] == ["unlink"]
    assert not dialog.drop_button.isEnabled()  # a second Del drops nothing more


def test_an_unreadable_corrections_file_is_said_so_and_nothing_can_be_dropped(qtbot, sample_copy):
    path = workspace_corrections_path(sample_copy)
    path.parent.mkdir(parents=True)
    path.write_text("schema: 1\ncorrections: [oops\n", encoding="utf-8")
    win = open_window(qtbot, sample_copy, [GT, CRA])
    win.actions_by_id["saved_corrections"].trigger()
    dialog = win.saved_corrections
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("Cannot read"), timeout=10_000)
    assert "corrections.yaml" in dialog.summary.text()
    assert not dialog.drop_gone_button.isEnabled() and not dialog.update_button.isEnabled()
    assert path.read_text(encoding="utf-8") == "schema: 1\ncorrections: [oops\n"
