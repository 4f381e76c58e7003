"""Making a claim link by hand: the banner that stays in sight while a link is being made."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl

from sidelight.core.alignment import Corrections, workspace_corrections_path
from sidelight.core.workspace import Workspace
from sidelight.gui.claims.merge_prompt import ask as ask_with_a_dialog  # before conftest stands in for it
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


# -- a link that would merge two claims ------------------------------------------------------
@pytest.fixture
def three(qtbot, sample_copy) -> MainWindow:
    win = open_window(qtbot, sample_copy, [GT, CRA, THIRD])
    _aligned(qtbot, win, {GT, CRA, THIRD})
    return win


def _merging_pair(window: MainWindow) -> tuple[str, str, list[str]]:
    """A claim of Global Times only, and a sentence already one claim with another outlet's."""
    alignment = window.claims.alignment
    for group in alignment.claims:
        if len(group.units) < 2 or GT in group.documents:
            continue
        for b in group.units:
            a = next((u for u in alignment.units_of(GT) if u.kind not in ("section", "credit")
                      and alignment.can_link(u.id, b)), None)
            if a is not None:
                return a.id, b, [u for u in group.units if u != b]
    raise AssertionError("the sample has no claim of two outlets that a Global Times sentence could join")


def test_a_link_that_merges_another_claim_asks_first_naming_what_joins(three, monkeypatch, qtbot):
    from sidelight.gui.claims import merge_prompt

    alignment = three.claims.alignment
    a, b, joining = _merging_pair(three)
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(merge_prompt, "ask", lambda _parent, question, detail: asked.append((question, detail)) or True)
    three.claims.select_unit(a)
    three.pair_view.link_button.click()
    three.view.pane_for(alignment.unit(b).document).clicked.emit(alignment.unit(b).start + 1)
    assert len(asked) == 1
    question, detail = asked[0]
    assert "merges the two claims" in question
    assert alignment.unit(b).text[:25] in question and alignment.unit(a).text[:25] in question
    for other in joining:  # every sentence that would join is named, with its outlet
        assert alignment.unit(other).text[:25] in detail
    # the merge agreed to is saved as links to each sentence named, so grouping again keeps them all
    saved = Corrections.load(workspace_corrections_path(three.workspace.root))
    assert [c.action for c in saved] == ["link"] * (1 + len(joining) + len(alignment.counterparts(a)))
    qtbot.waitUntil(lambda: three.claims.alignment is not alignment, timeout=30_000)
    merged = {u.id for u in three.claims.alignment.counterparts(a)}
    assert {b, *joining} <= merged
    assert three.actions_by_id["undo"].text() == "&Undo Merge claims"


def test_a_merge_agreed_to_keeps_every_sentence_of_both_claims(qtbot, sample_copy, monkeypatch):
    """Two claims of two outlets each, merged by one link: the aligner alone, grouping again,
    kept only the two sentences linked and let the others go."""
    from sidelight.gui.claims import merge_prompt

    win = open_window(qtbot, sample_copy, [s.id for s in Workspace.open(sample_copy).sources])
    qtbot.waitUntil(lambda: win.claims.alignment is not None and len(win.claims.alignment.documents) == 5,
                    timeout=30_000)
    alignment = win.claims.alignment
    pair = next(((u.id, o.id) for g in alignment.claims if len(g.units) >= 2 for u in map(alignment.unit, g.units)
                 for o, _m in alignment.possible_counterparts(u.id)
                 if len(alignment.group_of(o.id).units) >= 2 and alignment.can_link(u.id, o.id)), None)
    assert pair is not None, "the sample has two claims of two outlets each that one link would merge"
    a, b = pair
    everyone = set(alignment.group_of(a).units) | set(alignment.group_of(b).units)
    monkeypatch.setattr(merge_prompt, "ask", lambda *_args: True)
    assert win.claims.link(a, b)
    qtbot.waitUntil(lambda: win.claims.alignment is not alignment, timeout=30_000)
    assert set(win.claims.alignment.group_of(a).units) >= everyone
    win.actions_by_id["undo"].trigger()  # one undo takes the whole merge back
    assert len(Corrections.load(workspace_corrections_path(sample_copy))) == 0


def test_cancelling_the_merge_leaves_everything_as_it_was(three, monkeypatch, qtbot):
    from sidelight.gui.claims import merge_prompt

    alignment = three.claims.alignment
    a, b, _joining = _merging_pair(three)
    monkeypatch.setattr(merge_prompt, "ask", lambda _parent, _question, _detail: False)
    messages: list[str] = []
    three.claims.message.connect(messages.append)
    three.claims.start_linking(a)
    three.claims.finish_linking(b)
    assert not workspace_corrections_path(three.workspace.root).exists()
    assert not three.actions_by_id["undo"].isEnabled()
    assert messages[-1].startswith("Link not made")
    qtbot.wait(400)  # no re-alignment was asked for
    assert three.claims.alignment is alignment
    assert b not in {u.id for u in alignment.counterparts(a)}


def test_adding_a_lone_sentence_to_a_claim_asks_nothing(three, monkeypatch):
    from sidelight.gui.claims import merge_prompt

    alignment = three.claims.alignment
    a = next(u for g in alignment.claims if len(g.units) == 2 and not g.context and THIRD not in g.documents
             for u in g.units)
    b = next(u for u in alignment.units_of(THIRD) if u.kind not in ("section", "credit")
             and len(alignment.group_of(u.id).units) == 1 and not alignment.group_of(u.id).context
             and alignment.can_link(a, u.id))
    assert merge_prompt.merge_question(alignment, b.id, a) is not None  # b joining a's claim of two would ask...
    monkeypatch.setattr(merge_prompt, "ask", lambda *_args: pytest.fail("asked before merging nothing"))
    three.claims.start_linking(a)  # ...a's claim taking b in merges nothing
    three.claims.finish_linking(b.id)
    assert [c.action for c in Corrections.load(workspace_corrections_path(three.workspace.root))] == ["link"]


def test_the_merge_question_is_a_real_dialog_with_cancel_as_default(qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "merge-question" and w.isVisible())
        assert isinstance(box, QMessageBox)
        seen.append(box.text() + "|" + box.informativeText() + "|" + box.defaultButton().text())
        box.defaultButton().click()

    QTimer.singleShot(100, answer)
    assert ask_with_a_dialog(None, "Merge these?", "These join") is False
    assert seen and seen[0].startswith("Merge these?|These join|") and "Cancel" in seen[0]


# -- the sentence in the way of a link -------------------------------------------------------
def _blocked_by_a_quotation(window: MainWindow) -> tuple[str, str]:
    """A possible counterpart that cannot be linked because of a sentence opening with a quote."""
    from sidelight.gui.claims.pair_view import blocking_pair

    alignment = window.claims.alignment
    for unit in alignment.units:
        for other, _match in alignment.possible_counterparts(unit.id):
            blocking = blocking_pair(alignment, unit.id, other.id)
            if blocking is not None and alignment.unit(blocking[0]).text.startswith('"'):
                return unit.id, other.id
    raise AssertionError("the sample has a quotation in the way of a suggested link")


def test_the_sentence_in_the_way_is_cited_without_doubled_quotes(three):
    unit_id, _other = _blocked_by_a_quotation(three)
    three.claims.select_unit(unit_id)
    shown = three.pair_view.browser.toPlainText()
    said = shown[shown.index("already linked with "):]
    assert "“‘" in said and "“\"" not in said and "““" not in said


def test_the_link_in_the_way_can_be_unlinked_from_the_hint(three, qtbot):
    from sidelight.gui.claims.pair_view import blocking_pair

    alignment = three.claims.alignment
    unit_id, other_id = _blocked_by_a_quotation(three)
    clash, partner = blocking_pair(alignment, unit_id, other_id)
    three.claims.select_unit(unit_id)
    html = three.pair_view.browser.toHtml()
    assert f"unlink-pair:{clash},{partner}" in html and "Only unlink that one" in three.pair_view.browser.toPlainText()
    three.pair_view._anchor(QUrl(f"unlink-pair:{clash},{partner}"))
    saved = list(Corrections.load(workspace_corrections_path(three.workspace.root)))
    assert [c.action for c in saved] == ["unlink"]
    assert {saved[0].a.quote, saved[0].b.quote} == {alignment.unit(clash).text, alignment.unit(partner).text}
    qtbot.waitUntil(lambda: three.claims.alignment is not alignment, timeout=30_000)
    realigned = three.claims.alignment
    assert realigned.group_of(clash) is not realigned.group_of(partner)
    assert three.pair_view.unit_id == unit_id  # still comparing the claim the researcher chose
    assert three.actions_by_id["undo"].text() == "&Undo Unlink claims"


def test_a_suggestion_with_a_sentence_in_the_way_is_linked_instead_in_one_undoable_step(three, qtbot):
    from sidelight.gui.claims.pair_view import blocking_pair

    alignment = three.claims.alignment
    unit_id, other_id = _blocked_by_a_quotation(three)
    clash, partner = blocking_pair(alignment, unit_id, other_id)
    three.claims.select_unit(unit_id)
    assert f"instead:{other_id}" in three.pair_view.browser.toHtml()
    assert "Link this one instead (unlinks that one)" in three.pair_view.browser.toPlainText()
    three.pair_view._anchor(QUrl(f"instead:{other_id}"))
    path = workspace_corrections_path(three.workspace.root)
    assert [c.action for c in Corrections.load(path)] == ["unlink", "link"]
    qtbot.waitUntil(lambda: three.claims.alignment is not alignment, timeout=30_000)
    realigned = three.claims.alignment
    assert realigned.group_of(unit_id) is realigned.group_of(other_id)
    assert realigned.group_of(clash) is not realigned.group_of(partner)
    assert three.pair_view.unit_id == unit_id and "linked by you" in three.pair_view.browser.toPlainText()
    assert three.actions_by_id["undo"].text() == "&Undo Link claims instead"
    three.actions_by_id["undo"].trigger()  # both steps taken back at once
    assert list(Corrections.load(path)) == []


def test_linking_instead_asks_nothing_and_says_what_it_did(three, qtbot):
    from sidelight.gui.claims.merge_prompt import merge_question
    from sidelight.gui.claims.pair_view import blocking_pair

    alignment = three.claims.alignment
    unit_id, other_id = next((u.id, o.id) for u in alignment.units for o, _m in alignment.possible_counterparts(u.id)
                             if blocking_pair(alignment, u.id, o.id) and merge_question(alignment, u.id, o.id))
    messages: list[str] = []
    three.claims.message.connect(messages.append)
    assert three.claims.link_instead(unit_id, other_id)  # a merge question would fail this test (conftest)
    assert "unlinked from it (Ctrl+Z undoes both)" in messages[-1]
    qtbot.waitUntil(lambda: three.claims.alignment is not alignment, timeout=30_000)
    realigned = three.claims.alignment
    assert realigned.group_of(unit_id) is realigned.group_of(other_id)
