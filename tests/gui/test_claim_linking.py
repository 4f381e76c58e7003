"""Making a claim link by hand: the banner that stays in sight while a link is being made."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sidelight.core.alignment import Corrections, workspace_corrections_path
from sidelight.gui.main_window import MainWindow
from tests.gui.conftest import CRA, GT, open_window

THIRD = "xi-vietnamese-top-leader-lam-reaffirm"  # Global Times, 2024-08-19


def _aligned(qtbot, win: MainWindow, docs: set[str]) -> None:
    qtbot.waitUntil(lambda: win.claims.alignment is not None
                    and {d.id for d in win.claims.alignment.documents} == docs, timeout=30_000)


@pytest.fixture
def window(qtbot, sample_copy) -> MainWindow:
    win = open_window(qtbot, sample_copy, [GT, CRA])
    _aligned(qtbot, win, {GT, CRA})
    return win


def _start(window: MainWindow) -> str:
    unit = window.claims.alignment.units_of(GT)[0]  # the headline
    window.claims.select_unit(unit.id)
    window.pair_view.link_button.click()
    return unit.id


def test_the_link_banner_names_the_claim_and_outlasts_scrolling_and_other_messages(window):
    unit_id = _start(window)
    banner = window.link_banner
    assert banner.isVisible()
    assert "Global Times" in banner.label.text()
    assert window.claims.alignment.unit(unit_id).text[:30] in banner.label.text()
    bar = window.view.pane_for(CRA).editor.verticalScrollBar()
    bar.setValue(bar.maximum())
    window.statusBar().showMessage("Keyboard in: Documents", 3000)  # the hint is gone...
    window.statusBar().clearMessage()
    assert banner.isVisible() and window.claims.linking_from == unit_id  # ...the banner is not


def test_escape_ends_link_mode_and_hides_the_banner(window, qtbot):
    _start(window)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.claims.linking_from is None
    assert not window.link_banner.isVisible()


def test_the_banners_cancel_button_ends_link_mode(window):
    _start(window)
    window.link_banner.cancel.click()
    assert window.claims.linking_from is None
    assert not window.link_banner.isVisible()
    assert len(Corrections.load(workspace_corrections_path(window.workspace.root))) == 0


def test_the_banner_goes_once_the_link_is_made(window, qtbot):
    alignment = window.claims.alignment
    a_id = _start(window)
    b = next(u for u in alignment.units_of(CRA) if u.id not in {c.id for c in alignment.counterparts(a_id)})
    window.view.pane_for(CRA).clicked.emit(b.start + 1)
    assert not window.link_banner.isVisible() and window.claims.linking_from is None
    qtbot.waitUntil(lambda: window.claims.alignment is not alignment
                    and b.id in {u.id for u in window.claims.alignment.counterparts(a_id)}, timeout=30_000)
    assert not window.link_banner.isVisible()


def test_opening_another_document_ends_link_mode(window, qtbot):
    _start(window)
    window.doc_model.set_shown([GT, CRA, THIRD])
    assert window.claims.linking_from is None
    assert not window.link_banner.isVisible()
    assert "open documents changed" in window.statusBar().currentMessage()
    _aligned(qtbot, window, {GT, CRA, THIRD})
    assert not window.link_banner.isVisible()
