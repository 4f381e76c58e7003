"""Claims in the window: highlights, hover, click-to-compare, the claims panel and corrections."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl

from sidelight.core.alignment import Corrections, workspace_corrections_path
from sidelight.gui.claims.labels import doc_label
from sidelight.gui.main_window import MainWindow
from tests.gui.conftest import CRA, GT, open_window

TRADE_GT = "Vietnam has become China's biggest trading partner"
TRADE_CRA = "China has been Vietnam’s largest trading partner"


@pytest.fixture
def window(qtbot, sample_copy) -> MainWindow:
    win = open_window(qtbot, sample_copy, [GT, CRA])
    qtbot.waitUntil(lambda: win.claims.alignment is not None
                    and {d.id for d in win.claims.alignment.documents} == {GT, CRA}, timeout=30_000)
    return win


def _offset(window: MainWindow, doc: str, phrase: str) -> int:
    pane = window.view.pane_for(doc)
    assert pane is not None
    at = pane.text().find(phrase)
    assert at >= 0, phrase
    return at + 5


def test_every_claim_unit_is_highlighted_by_kind(window):
    alignment = window.claims.alignment
    for pane in window.view.panes:
        spans = pane.layers["claims"]
        units = alignment.units_of(pane.source.id)
        assert [(s, e) for s, e, _f in spans] == [(u.start, u.end) for u in units]
        colours = {f.background().color().name() for _s, _e, f in spans}
        assert len(colours) >= 2  # shared and unique units look different


def test_highlights_can_be_switched_off_and_on(window):
    window.actions_by_id["claims"].setChecked(False)
    assert all("claims" not in p.layers for p in window.view.panes)
    assert not any(chip.isEnabled() for chip in window.legend.chips)  # the legend greys with them
    window.actions_by_id["claims"].setChecked(True)
    assert all(p.layers.get("claims") for p in window.view.panes)


def test_hover_lists_the_counterparts(window):
    tip = window.claims.tooltip(GT, _offset(window, GT, TRADE_GT))
    assert tip is not None
    assert "China Report ASEAN" in tip and "largest trading partner" in tip


def test_a_claim_without_a_counterpart_in_an_open_article_shows_its_best_possible_one_there(window):
    alignment = window.claims.alignment
    unit, other = next((u, o) for u in alignment.units_of(GT) for o, _m in alignment.possible_counterparts(u.id)
                       if o.document == CRA and not any(c.document == CRA for c in alignment.counterparts(u.id)))
    best = next(o for o, _m in alignment.possible_counterparts(unit.id) if o.document == CRA)
    window.claims.select_unit(unit.id)
    pane = window.view.pane_for(CRA)
    assert [(s, e) for s, e, _f in pane.layers["claim-selection"]] == [(best.start, best.end)]
    assert pane.editor.textCursor().position() == best.start  # scrolled there, to be read in place
    faint = pane.layers["claim-selection"][0][2]
    assert faint.hasProperty(faint.Property.ForegroundBrush)  # its letters are marked ...
    assert not faint.hasProperty(faint.Property.BackgroundBrush)  # ... its claim colour stays beneath
    tip = window.claims.tooltip(CRA, best.start + 1)
    assert "possibly the claim you chose, not linked" in tip
    assert "a possible one in" in window.pair_view.title.text() and "marked in green there" in window.pair_view.title.text()


def test_click_selects_counterparts_and_opens_the_pairwise_view(window):
    pane = window.view.pane_for(GT)
    pane.clicked.emit(_offset(window, GT, TRADE_GT))
    other = window.view.pane_for(CRA)
    selected = [other.text()[s:e] for s, e, _f in other.layers["claim-selection"]]
    assert len(selected) == 1 and selected[0].startswith(TRADE_CRA)
    html = window.pair_view.browser.toPlainText()
    assert "Global Times" in html and "China Report ASEAN" in html
    assert "10 ASEAN" in html and "consecutive" in html
    assert "counterpart" in window.pair_view.title.text()


def test_panel_filters_match_the_core(window):
    panel = window.claims_panel
    alignment = window.claims.alignment
    sections = [u for u in alignment.units if u.kind in ("section", "credit")]
    assert sections and panel.count() == len(alignment.claims) == len(alignment.groups) - len(sections)
    panel.filter.setCurrentIndex(panel.filter.findText("Shared by all documents"))
    assert panel.count() == len(alignment.filter_groups(kind="shared")) > 0
    only_gt = next(i for i in range(panel.filter.count()) if panel.filter.itemText(i).startswith("Only in Global Times"))
    panel.filter.setCurrentIndex(only_gt)
    assert panel.count() == len(alignment.filter_groups(unique_to=GT))
    assert panel.coverage_model.rowCount() == panel.count()
    assert panel.coverage_model.columnCount() == 2
    left_out = next(i for i in range(panel.filter.count()) if panel.filter.itemText(i).startswith("Left out by Global Times"))
    panel.filter.setCurrentIndex(left_out)
    omitted = alignment.blindspot(GT).omitted
    assert panel.count() == len(omitted)
    assert all(GT not in g.documents for g in omitted)
    panel.filter.setCurrentIndex(panel.filter.findText("With possible counterparts to check"))
    to_check = alignment.filter_groups(has_possible=True)
    assert panel.count() == len(to_check) > 0
    assert panel.tabs.tabText(0) == f"Claims ({len(to_check)})"  # how many the filter holds, at a glance
    for group in to_check:  # each has a candidate that one click could link
        assert any(alignment.can_link(u, v.id) for u in group.units for v, _m in alignment.possible_counterparts(u))


def test_escape_cancels_linking(window, qtbot):
    unit = window.claims.alignment.units_of(GT)[0]
    window.claims.select_unit(unit.id)
    window.pair_view.link_button.click()
    assert window.claims.linking_from == unit.id
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.claims.linking_from is None


def test_unlink_is_saved_realigned_and_undoable(window, qtbot, sample_copy):
    alignment = window.claims.alignment
    gt_unit = alignment.unit_at(GT, _offset(window, GT, TRADE_GT))
    cra_unit = alignment.counterparts(gt_unit.id)[0]
    window.claims.select_unit(gt_unit.id)
    window.pair_view.unlink_requested.emit(gt_unit.id, cra_unit.id)

    path = workspace_corrections_path(sample_copy)
    assert [c.action for c in Corrections.load(path)] == ["unlink"]
    qtbot.waitUntil(lambda: window.claims.alignment is not alignment
                    and cra_unit.id not in _counterpart_ids(window, gt_unit.id), timeout=30_000)
    assert window.actions_by_id["undo"].text() == "&Undo Unlink claims"

    realigned = window.claims.alignment
    window.actions_by_id["undo"].trigger()
    assert len(Corrections.load(path)) == 0
    qtbot.waitUntil(lambda: window.claims.alignment is not realigned
                    and cra_unit.id in _counterpart_ids(window, gt_unit.id), timeout=30_000)


def _counterpart_ids(window: MainWindow, unit_id: str) -> set[str]:
    return {u.id for u in window.claims.alignment.counterparts(unit_id)}


def test_link_two_claims_by_clicking(window, qtbot):
    alignment = window.claims.alignment
    a = alignment.units_of(GT)[0]  # the headline
    b = next(u for u in alignment.units_of(CRA) if u.id not in {c.id for c in alignment.counterparts(a.id)})
    window.claims.select_unit(a.id)
    window.pair_view.link_button.click()
    window.view.pane_for(CRA).clicked.emit(b.start + 1)
    qtbot.waitUntil(lambda: window.claims.alignment is not alignment
                    and b.id in {u.id for u in window.claims.alignment.counterparts(a.id)}, timeout=30_000)


def test_linking_to_a_second_sentence_of_an_outlet_already_in_the_claim_is_refused_with_a_reason(window, sample_copy):
    alignment = window.claims.alignment
    group = next(g for g in alignment.groups if g.kind == "shared")
    a = next(u for u in group.units if alignment.unit(u).document == GT)
    there = next(u for u in group.units if alignment.unit(u).document == CRA)
    b = next(u for u in alignment.units_of(CRA) if u.id != there and u.kind != "section")
    messages: list[str] = []
    window.claims.message.connect(messages.append)
    window.claims.start_linking(a)
    window.claims.finish_linking(b.id)
    assert messages[-1].startswith("Link not made: already linked with China Report ASEAN")
    assert alignment.unit(there).text[:30] in messages[-1]
    assert len(Corrections.load(workspace_corrections_path(sample_copy))) == 0  # nothing was pushed out


def test_keyboard_walks_the_filtered_claims(window):
    panel = window.claims_panel
    panel.filter.setCurrentIndex(panel.filter.findText("Shared by all documents"))
    shared = window.claims.alignment.filter_groups(kind="shared")
    window.actions_by_id["next_claim"].trigger()
    assert window.claims.selected == shared[0].units[0]
    window.actions_by_id["next_claim"].trigger()
    expected = shared[1 % len(shared)].units[0]
    assert window.claims.selected == expected
    assert window.pair_view.unit_id == expected


def test_pairwise_view_lists_conflicting_facts(window):
    alignment = window.claims.alignment
    group = next(g for g in alignment.groups if g.kind != "unique" and g.contradictions)
    window.claims.select_unit(group.units[0])
    text = window.pair_view.browser.toPlainText()
    assert "Conflicting facts" in text
    for conflict in group.conflicts:
        assert conflict.type in text
        assert all(value in text for value in conflict.values.values())


def test_pairwise_view_quotes_each_side_exactly(window):
    alignment = window.claims.alignment
    gt_unit = alignment.unit_at(GT, _offset(window, GT, TRADE_GT))
    other = alignment.counterparts(gt_unit.id)[0]
    from PySide6.QtGui import QTextDocument

    from sidelight.gui.claims.pair_view import comparison_html

    doc = QTextDocument()
    doc.setHtml(comparison_html(alignment, alignment.compare(gt_unit.id, other.id)))
    shown = " ".join(doc.toPlainText().split())
    assert " ".join(gt_unit.text.split()) in shown
    assert " ".join(other.text.split()) in shown
    from sidelight.gui.claims.labels import doc_label

    # the two diff columns are named by their outlets, with what the marks mean
    assert f"{doc_label(alignment, GT)} (only here) {doc_label(alignment, other.document)} (only here)" in shown


def test_claims_list_follows_a_claim_clicked_in_the_text(window):
    pane = window.view.pane_for(GT)
    pane.clicked.emit(_offset(window, GT, TRADE_GT))
    group = window.claims.alignment.group_of(window.claims.selected)
    assert window.claims_panel.current_group_id() == group.id


def test_a_claim_clicked_outside_the_filter_leaves_no_row_of_the_list_chosen(window):
    panel = window.claims_panel
    combo = panel.filter
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemText(i).startswith("With conflicting")))
    assert panel.count() > 0
    panel.set_current_row(0)
    assert panel.current_group_id() is not None
    shown = {panel.list_model.data(panel.list_model.index(r), Qt.ItemDataRole.UserRole) for r in range(panel.count())}
    outside = next(u for u in window.claims.alignment.units_of(GT)
                   if window.claims.alignment.group_of(u.id).id not in shown and u.kind == "sentence")
    window.view.pane_for(GT).clicked.emit(outside.start + 1)
    assert window.claims.selected == outside.id
    assert panel.current_group_id() is None and not panel.list.selectionModel().hasSelection()


def test_opening_another_workspace_clears_the_comparison(window, tmp_path):
    window.claims.select_unit(window.claims.alignment.units_of(GT)[0].id)
    assert window.pair_view.unit_id is not None
    from sidelight.core.workspace import Workspace

    window.set_workspace(Workspace.create(tmp_path / "empty"))
    assert window.pair_view.unit_id is None
    assert "Click a highlighted claim" in window.pair_view.title.text()


def test_a_possible_counterpart_is_offered_and_linked_with_one_click(window, qtbot, sample_copy):
    alignment = window.claims.alignment
    offered = [(u, v) for u in alignment.units for v, _m in alignment.possible_counterparts(u.id)
               if alignment.can_link(u.id, v.id)]
    assert offered, "the two sample articles have claims too weakly matched to link on their own"
    unit, other = offered[0]
    pane = window.view.pane_for(unit.document)
    assert "possible counterpart" in window.claims.tooltip(unit.document, unit.start + 1)
    window.claims.select_unit(unit.id)
    html = window.pair_view.browser.toHtml()
    assert "Possibly the same claim" in html and f"link:{other.id}" in html
    assert pane is not None

    window.pair_view._anchor(QUrl(f"link:{other.id}"))
    assert [c.action for c in Corrections.load(workspace_corrections_path(sample_copy))] == ["link"]
    qtbot.waitUntil(lambda: window.claims.alignment is not alignment
                    and other.id in _counterpart_ids(window, unit.id), timeout=30_000)
    assert window.actions_by_id["undo"].text() == "&Undo Link claims"


def test_a_possible_counterpart_that_cannot_be_linked_says_which_claim_is_in_the_way(window):
    alignment = window.claims.alignment
    blocked = [(u, v) for u in alignment.units for v, _m in alignment.possible_counterparts(u.id)
               if not alignment.can_link(u.id, v.id)]
    assert blocked
    unit, other = blocked[0]
    window.claims.select_unit(unit.id)
    html = window.pair_view.browser.toPlainText()
    mine, theirs = alignment.group_of(unit.id), alignment.group_of(other.id)
    in_the_way = [alignment.unit(u) for u in mine.units
                  if u != unit.id and alignment.unit(u).document in theirs.documents]
    in_the_way += [alignment.unit(u) for u in theirs.units
                   if u != other.id and alignment.unit(u).document in mine.documents]
    said = html[html.index("already linked with "):]
    assert in_the_way[0].text[:30] in said and "Link this one instead" in said
    assert other.text[:30] not in said  # never the suggestion itself
    assert f"link:{other.id}" not in window.pair_view.browser.toHtml()


def test_strict_matching_keeps_only_the_surest_links_and_is_remembered(window, qtbot, sample_copy):
    from sidelight.core.settings import load_settings

    loose = window.claims.alignment
    assert "strict" not in window.claims_panel.summary.text()
    window.actions_by_id["strict"].trigger()
    qtbot.waitUntil(lambda: window.claims.alignment is not loose
                    and "strict" in window.claims.alignment.method.split(", "), timeout=30_000)
    strict = window.claims.alignment
    links = lambda a: sum(len(g.units) - 1 for g in a.groups)  # noqa: E731
    assert links(strict) < links(loose)
    assert "strict matching" in window.claims_panel.summary.text()  # the panel says why links are fewer
    assert load_settings().strict_matching is True
    again = open_window(qtbot, sample_copy, [GT, CRA])
    assert again.actions_by_id["strict"].isChecked() and again.claims.strict


def test_context_of_the_other_sources_is_said_shown_and_can_be_switched_off(window, qtbot, sample_copy):
    from sidelight.core.settings import load_settings

    with_context = window.claims.alignment
    assert "aligned with 3 other sources of the workspace as context" in window.claims_panel.summary.text()
    joined = next(g for g in with_context.groups if len(g.units) == 2 and g.context)
    window.claims.select_unit(joined.units[0])
    shown = window.pair_view.browser.toPlainText()
    assert "Also in the workspace (not open)" in shown
    assert with_context.context_of(joined.id)[0][1].text[:40] in shown
    window.actions_by_id["context"].trigger()
    qtbot.waitUntil(lambda: window.claims.alignment is not with_context
                    and not window.claims.alignment.context_documents, timeout=30_000)
    assert "as context" not in window.claims_panel.summary.text()
    assert load_settings().workspace_context is False
    again = open_window(qtbot, sample_copy, [GT, CRA])
    assert not again.actions_by_id["context"].isChecked() and not again.claims.use_context


def test_link_two_claims_from_the_keyboard(window, qtbot, sample_copy):
    alignment = window.claims.alignment
    window.claims.select_unit(alignment.units_of(GT)[5].id)  # an earlier comparison is on show
    a = alignment.units_of(GT)[0]  # the headline
    b = next(u for u in alignment.units_of(CRA) if u.id not in {c.id for c in alignment.counterparts(a.id)})
    def f6_to(label: str) -> None:
        for _ in range(8):
            window.actions_by_id["next_area"].trigger()
            if window.statusBar().currentMessage() == f"Keyboard in: {label}":
                return
        raise AssertionError(f"F6 never reached {label}")

    f6_to("Global Times")
    window.view.pane_for(GT).reveal(a.start + 1, select=False)
    window.actions_by_id["link_claims"].trigger()
    assert window.claims.linking_from == a.id and "Ctrl+Shift+L" in window.statusBar().currentMessage()
    f6_to("China Report ASEAN")
    window.view.pane_for(CRA).reveal(b.end, select=False)  # just after its last character, where End puts it
    assert window.view.pane_for(CRA).editor.textCursor().position() == b.end
    window.actions_by_id["link_claims"].trigger()
    assert [c.action for c in Corrections.load(workspace_corrections_path(sample_copy))] == ["link"]
    qtbot.waitUntil(lambda: window.claims.alignment is not alignment
                    and b.id in {u.id for u in window.claims.alignment.counterparts(a.id)}, timeout=30_000)
    shown = window.pair_view.browser.toPlainText()  # Compare Claims shows the pair just linked
    assert a.text in shown and b.text in shown and "linked by you" in shown


def test_choosing_a_claim_brings_its_counterpart_into_the_scrolled_row(qtbot, sample_copy):
    from sidelight.core.workspace import Workspace

    ids = [s.id for s in Workspace.open(sample_copy).sources]
    win = open_window(qtbot, sample_copy, ids)
    win.resize(1600, 900)
    qtbot.waitUntil(lambda: win.claims.alignment is not None and len(win.claims.alignment.documents) == len(ids),
                    timeout=30_000)
    qtbot.wait(50)
    panes, bar, width = win.view.panes, win.view.row.horizontalScrollBar(), win.view.row.viewport().width()
    assert bar.maximum() > 0

    def seen(pane) -> bool:
        return bar.value() <= pane.x() and pane.x() + pane.width() <= bar.value() + width
    bar.setValue(bar.maximum())  # the last documents in sight, the first ones scrolled away
    qtbot.wait(20)
    alignment = win.claims.alignment
    near = {panes[2].source.id, panes[3].source.id}
    unit = next(u for u in alignment.units_of(panes[1].source.id)
                if {c.document for c in alignment.counterparts(u.id)} & near)
    assert not seen(panes[1])
    win.claims.select_unit(unit.id)  # as from the Claims panel
    assert seen(panes[1]) and any(seen(win.view.pane_for(c.document)) for c in alignment.counterparts(unit.id))
    # a claim of the first document carried at both ends of the row: what cannot be brought into
    # sight is named in the status bar
    far = next(u for u in alignment.units_of(panes[0].source.id)
               if {c.document for c in alignment.counterparts(u.id)} >= {panes[1].source.id, panes[-1].source.id})
    win.claims.select_unit(far.id)
    def mostly_hidden(pane) -> bool:  # less than half of it in view: a pane cut at an edge is still read
        overlap = min(pane.x() + pane.width(), bar.value() + width) - max(pane.x(), bar.value())
        return overlap < pane.width() / 2

    hidden = [p for p in panes if mostly_hidden(p) and p.source.id in {c.document for c in alignment.counterparts(far.id)}]
    assert hidden
    message = win.statusBar().currentMessage()
    assert message.startswith(f"{len(hidden)} counterpart")
    assert "out of sight" in message and all(doc_label(alignment, p.source.id) in message for p in hidden)
    # the next claim chosen has its counterparts in sight: the note about the last one goes
    win.claims.select_unit(unit.id)
    assert "out of sight" not in win.statusBar().currentMessage()


def test_a_pair_joined_through_a_third_claim_is_not_called_unmatched(sample_copy):
    from sidelight.core.alignment import align
    from sidelight.core.workspace import Workspace
    from sidelight.gui.claims.pair_view import comparison_html

    alignment = align(Workspace.open(sample_copy).sources)
    group = next(g for g in alignment.groups if len(g.units) >= 3
                 and any(alignment.match(a, b) is None for a in g.units for b in g.units if a != b))
    a, b = next((a, b) for a in group.units for b in group.units if a != b and alignment.match(a, b) is None)
    html = comparison_html(alignment, alignment.compare(a, b))
    assert "joined through the other documents’ wording" in html and "not matched" not in html


def test_with_two_documents_open_there_is_no_shared_by_some(window):
    panel = window.claims_panel
    names = [panel.filter.itemText(i) for i in range(panel.filter.count())]
    assert "Shared by all documents" in names and "Shared by some" not in names
    assert "shared by some" not in panel.summary.text() and "only in one article" in panel.summary.text()


def test_a_claim_can_be_marked_as_in_no_other_outlet_and_back(window, qtbot, sample_copy):
    alignment = window.claims.alignment
    unit = next(u for u in alignment.units if alignment.counterparts(u.id))
    window.claims.select_unit(unit.id)
    assert "No other outlet carries this claim" in window.pair_view.browser.toPlainText()
    messages: list[str] = []
    window.claims.message.connect(messages.append)
    window.pair_view._anchor(QUrl("alone:"))
    assert messages and messages[-1].startswith("Marked as carried by no other outlet")
    path = workspace_corrections_path(sample_copy)
    assert [c.action for c in Corrections.load(path)] == ["alone"]
    qtbot.waitUntil(lambda: window.claims.alignment is not alignment
                    and not window.claims.alignment.counterparts(unit.id), timeout=30_000)
    assert not window.claims.alignment.possible_counterparts(unit.id)
    assert "You marked this claim as carried by no other outlet" in window.pair_view.browser.toPlainText()
    assert window.actions_by_id["undo"].text() == "&Undo Mark claim as in no other outlet"
    marked = window.claims.alignment
    window.pair_view._anchor(QUrl("together:"))
    assert len(Corrections.load(path)) == 0
    qtbot.waitUntil(lambda: window.claims.alignment is not marked
                    and bool(window.claims.alignment.counterparts(unit.id)), timeout=30_000)


def test_neighbouring_claims_of_one_kind_are_told_apart_by_shade(window):
    spans = window.view.pane_for(GT).layers["claims"]
    pairs = [(a, b) for a, b in zip(spans, spans[1:]) if b[0] - a[1] <= 2
             and a[2].background().color().name() == b[2].background().color().name()]
    assert pairs  # the sample has sentences of one kind side by side in a paragraph
    assert all(a[2].background().color().alpha() != b[2].background().color().alpha() for a, b in pairs)


def test_a_claim_no_open_document_shares_still_shows_the_closed_sources_that_carry_it(window):
    alignment = window.claims.alignment
    group = next(g for g in alignment.groups if g.kind == "unique" and g.context)
    window.claims.select_unit(group.units[0])
    shown = window.pair_view.browser.toPlainText()
    assert "No other open document carries this claim" in shown and "Also in the workspace" in shown


def test_the_sentence_in_the_way_of_a_link_from_a_lone_claim_is_never_the_claim_itself(sample_copy):
    from sidelight.core.alignment import align
    from sidelight.core.workspace import Workspace
    from sidelight.gui.claims.pair_view import in_the_way

    ws = Workspace.open(sample_copy)
    alignment = align([ws.get(GT), ws.get(CRA)])
    cases = [(u, v) for u in alignment.units if not alignment.counterparts(u.id)
             for v, _m in alignment.possible_counterparts(u.id) if not alignment.can_link(u.id, v.id)]
    assert cases
    for unit, other in cases:
        said = in_the_way(alignment, unit.id, other.id)
        blocking = next(u for u in alignment.group_of(other.id).units if alignment.unit(u).document == unit.document)
        assert alignment.unit(blocking).text[:40] in said and unit.text[:40] not in said


def test_one_claim_looks_chosen_in_the_list_after_choosing_several(window):
    panel = window.claims_panel
    alignment = window.claims.alignment
    for group in alignment.groups[:3]:
        window.claims.select_unit(group.units[0])  # as by clicking in the text
    chosen = panel.list.selectionModel().selectedIndexes()
    assert [panel.list_model.data(i, Qt.ItemDataRole.UserRole) for i in chosen] == [alignment.groups[2].id]
    assert window.claims.selected == alignment.groups[2].units[0]  # following did not echo a choice back


def test_hovering_a_claim_also_names_the_closed_sources_that_carry_it(window):
    alignment = window.claims.alignment
    group = next(g for g in alignment.groups if g.context)
    unit = alignment.unit(group.units[0])
    tip = window.claims.tooltip(unit.document, unit.start + 1)
    from sidelight.gui.claims.labels import doc_label

    closed = [doc_label(alignment, d.id) for d, _u in alignment.context_of(group.id)]
    assert closed and "(not open)" in tip and all(label in tip for label in closed)


def test_the_best_suggestion_is_linked_from_the_keyboard_and_undone(window, qtbot, sample_copy):
    alignment = window.claims.alignment
    unit, other = next((u, v) for u in alignment.units for v, _m in alignment.possible_counterparts(u.id)[:1]
                       if alignment.can_link(u.id, v.id))
    window.claims.select_unit(unit.id)
    window.actions_by_id["accept_suggestion"].trigger()
    assert window.statusBar().currentMessage().startswith("Linked with ")
    qtbot.waitUntil(lambda: window.claims.alignment is not alignment
                    and other.id in _counterpart_ids(window, unit.id), timeout=30_000)
    assert [c.action for c in Corrections.load(workspace_corrections_path(sample_copy))] == ["link"]
    window.actions_by_id["undo"].trigger()
    assert len(Corrections.load(workspace_corrections_path(sample_copy))) == 0


def test_the_best_suggestion_when_every_one_is_blocked_says_why_and_links_nothing(window, sample_copy):
    alignment = window.claims.alignment
    unit = next(u for u in alignment.units if alignment.possible_counterparts(u.id)
                and not any(alignment.can_link(u.id, v.id) for v, _m in alignment.possible_counterparts(u.id)))
    window.claims.select_unit(unit.id)
    window.actions_by_id["accept_suggestion"].trigger()
    message = window.statusBar().currentMessage()
    assert "suggested counterpart" in message and "two sentences of one document" in message
    assert len(Corrections.load(workspace_corrections_path(sample_copy))) == 0


def test_the_best_suggestion_without_a_chosen_claim_says_what_to_do(window):
    window.claims.selected = None
    window.actions_by_id["accept_suggestion"].trigger()
    assert window.statusBar().currentMessage().startswith("Choose a claim first")


def test_an_unreadable_corrections_file_is_named_kept_and_never_overwritten(qtbot, sample_copy):
    path = workspace_corrections_path(sample_copy)
    path.parent.mkdir(parents=True, exist_ok=True)
    broken = "schema: 1\ncorrections:\n- action: alone\n  units: []\n"
    path.write_text(broken, encoding="utf-8")
    win = open_window(qtbot, sample_copy, [GT, CRA])
    messages: list[str] = []
    win.claims.message.connect(messages.append)
    errors: list[str] = []
    win.claims.not_saved.connect(lambda error: errors.append(str(error)))
    win.claims.request(sample_copy, [win.view.pane_for(GT).source, win.view.pane_for(CRA).source])
    qtbot.waitUntil(lambda: any("aligned without your corrections" in m for m in messages), timeout=30_000)
    assert win.claims.alignment is not None and win.claims.alignment.groups  # the claims are still shown
    unit = next(u for u in win.claims.alignment.units if win.claims.alignment.counterparts(u.id))
    win.claims.unlink(unit.id, win.claims.alignment.counterparts(unit.id)[0].id)
    assert errors and "correction not saved, the file is unchanged" in errors[-1]
    assert path.read_text(encoding="utf-8") == broken


def test_figures_that_differ_but_agree_are_shown_apart_and_not_counted_as_conflicting(window):
    from sidelight.gui.claims.claims_panel import group_label

    alignment = window.claims.alignment
    # "bilateral trade surpassed US$200 billion" / "hitting $234.9 billion": a bound and a figure within it
    group = next(g for g in alignment.groups if g.conflicts and not g.contradictions)
    assert all(c.agrees for c in group.conflicts)
    assert group not in alignment.filter_groups(has_conflicts=True)
    assert "⚠" not in group_label(alignment, group)
    conflicting = sum(1 for g in alignment.claims if g.contradictions)
    assert f"{conflicting} with conflicting facts" in window.claims_panel.summary.text()
    window.claims.select_unit(group.units[0])
    text = window.pair_view.browser.toPlainText()
    assert "Figures worded differently that agree" in text and "Conflicting facts" not in text


def _in_view(pane, position: int) -> bool:
    from PySide6.QtCore import QPoint

    viewport = pane.editor.viewport()
    top = pane.editor.cursorForPosition(QPoint(0, 0)).position()
    bottom = pane.editor.cursorForPosition(QPoint(viewport.width() - 1, viewport.height() - 1)).position()
    return top <= position <= bottom


def test_a_document_opened_while_a_claim_is_chosen_is_scrolled_to_its_counterpart(window, qtbot):
    window.resize(1600, 1000)
    all_ids = [s.id for s in window.workspace.sources]
    alignment = window.claims.alignment
    # a claim of the two open documents that a third one, opened next, carries far down its text
    window.doc_model.set_shown(all_ids)
    qtbot.waitUntil(lambda: window.claims.alignment is not alignment
                    and len(window.claims.alignment.documents) == len(all_ids), timeout=30_000)
    everything = window.claims.alignment
    third, group, unit = next(
        (d.id, g, everything.unit(u)) for g in everything.groups if {GT, CRA} <= set(g.documents)
        for u in g.units for d in everything.documents
        if everything.unit(u).document == d.id and d.id not in (GT, CRA) and everything.unit(u).start > 1500)
    window.doc_model.set_shown([GT, CRA])
    qtbot.waitUntil(lambda: {d.id for d in window.claims.alignment.documents} == {GT, CRA}, timeout=30_000)
    chosen = next(u for u in group.units if everything.unit(u).document == GT)
    window.claims.select_unit(chosen)
    before = window.claims.alignment
    window.doc_model.set_shown([GT, CRA, third])
    qtbot.waitUntil(lambda: window.claims.alignment is not before
                    and third in {d.id for d in window.claims.alignment.documents}, timeout=30_000)
    qtbot.wait(50)
    assert window.claims.selected == chosen
    assert _in_view(window.view.pane_for(third), unit.start)


def test_a_correction_the_workspace_cannot_take_is_reported_and_never_said_to_be_saved(qtbot, sample_copy, monkeypatch):
    import os

    from PySide6.QtWidgets import QApplication, QMessageBox

    win = open_window(qtbot, sample_copy, [GT, CRA])
    qtbot.waitUntil(lambda: win.claims.alignment is not None, timeout=30_000)
    messages: list[str] = []
    win.claims.message.connect(messages.append)
    unit = win.claims.alignment.units_of(GT)[3]
    monkeypatch.setattr(os, "replace", lambda *_a, **_k: (_ for _ in ()).throw(OSError(30, "Read-only file system")))
    win.claims.keep_alone(unit.id)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == "error-message"]
    assert boxes and "cannot save the correction (Read-only file system); the file is unchanged" in boxes[-1].text()
    assert boxes[-1].windowTitle() == "Change not made"
    assert not any("Marked as carried by no other outlet" in m for m in messages)
    assert not workspace_corrections_path(sample_copy).exists()
    assert win.actions_by_id["undo"].text() != "&Undo Mark claim as in no other outlet"  # nothing to take back
    for box in boxes:
        box.close()


def test_problems_of_one_alignment_are_said_together_so_none_hides_another(qtbot, sample_copy):
    path = workspace_corrections_path(sample_copy)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("schema: 2\n", encoding="utf-8")
    (sample_copy / "sources" / CRA / "text.txt").write_text("", encoding="utf-8")
    win = open_window(qtbot, sample_copy, [GT, CRA])
    messages: list[str] = []
    win.claims.message.connect(messages.append)
    win.claims.request(sample_copy, [win.view.pane_for(GT).source, win.view.pane_for(CRA).source])
    qtbot.waitUntil(lambda: any("aligned without your corrections" in m for m in messages), timeout=30_000)
    last = messages[-1]
    assert "aligned without your corrections" in last and "No text to compare in China Report ASEAN" in last


def test_a_link_follows_an_edited_sentence_and_unlinking_it_leaves_only_the_unlink(qtbot, sample_copy):
    from sidelight.core.alignment import align_workspace
    from sidelight.core.workspace import Workspace

    ws = Workspace.open(sample_copy)
    before = align_workspace(ws, documents=[GT, CRA], use_cache=False)
    a = next(u for u in before.units_of(GT) if u.kind == "sentence" and len(u.text) > 80)
    b = next(u for u in before.units_of(CRA) if u.kind == "sentence" and len(u.text) > 80 and " the " in u.text
             and before.group_of(u.id) is not before.group_of(a.id))
    corrections = Corrections()
    corrections.link(a, b)
    path = workspace_corrections_path(sample_copy)
    corrections.save(path)
    text_file = ws.get(CRA).folder / "text.txt"
    edited = b.text.replace(" the ", " this ", 1)  # a word of the linked sentence changed on disk
    text_file.write_text(ws.get(CRA).text.replace(b.text, edited), encoding="utf-8")

    window = open_window(qtbot, sample_copy, [GT, CRA])
    qtbot.waitUntil(lambda: window.claims.alignment is not None
                    and {d.id for d in window.claims.alignment.documents} == {GT, CRA}, timeout=30_000)
    alignment = window.claims.alignment
    assert alignment.problems == ()
    now = next(u for u in alignment.units_of(CRA) if u.text == edited)
    assert now.id in _counterpart_ids(window, alignment.unit_at(GT, a.start + 1).id)
    window.claims.unlink(alignment.unit_at(GT, a.start + 1).id, now.id)
    assert [c.action for c in Corrections.load(path)] == ["unlink"]
    qtbot.waitUntil(lambda: window.claims.alignment is not alignment
                    and now.id not in _counterpart_ids(window, alignment.unit_at(GT, a.start + 1).id), timeout=30_000)


def test_the_legend_shows_both_shades_a_claim_colour_comes_in(window):
    from sidelight.core.alignment.kinds import KIND_ALPHA, KIND_COLOURS, tint_on_white
    from sidelight.gui.claims.palette import ALTERNATE_ALPHA

    chip = window.legend.chips[1]  # shared by some
    deeper = tint_on_white(KIND_COLOURS["partial"], round(KIND_ALPHA["partial"] * ALTERNATE_ALPHA))
    assert deeper in chip.text() and "shade deeper" in chip.toolTip()


def test_the_legend_offers_shared_by_some_only_where_a_claim_can_be(qtbot, window):
    """Two open documents: every claim is in both or one, so no "Shared by some" chip."""
    chip_action = window.legend.actions()[2]  # the switch, then one chip per kind
    assert window.legend.widgetForAction(chip_action) is window.legend.chips[1]
    assert not chip_action.isVisible()
    third = "china-vietnam-ties-elevated-to-new"
    window.doc_model.set_shown([GT, CRA, third])
    qtbot.waitUntil(lambda: window.claims.alignment is not None and len(window.claims.alignment.documents) == 3,
                    timeout=30_000)
    assert chip_action.isVisible()


def test_ctrl_c_in_the_claims_list_copies_the_claim_with_its_counterparts(qtbot, window):
    from PySide6.QtWidgets import QApplication

    panel = window.claims_panel
    row = next(n for n, g in enumerate(panel.visible_groups()) if g.kind == "shared"
               and any(TRADE_GT in window.claims.alignment.unit(u).text for u in g.units))
    panel.set_current_row(row)
    window.show()
    panel.list.setFocus()
    qtbot.waitUntil(panel.list.hasFocus)
    QApplication.clipboard().clear()
    qtbot.keyClick(panel.list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text()
    assert copied.startswith("Shared by all (2 documents), similarity ")
    assert f"Global Times, “China, Vietnam reach consensus on pushing cooperation in next level”: “{TRADE_GT}" in copied
    assert "China Report ASEAN, “A New Day For China-Vietnam Relations”: “China has been Vietnam’s largest" in copied
    assert "Conflicting attribution:" in copied  # Xinhua is named in one of the two
    assert window.statusBar().currentMessage() == ("Copied the claim: 2 sentences, each with its article, "
                                                   "and the facts they state differently")
