"""The main window on the sample workspace, driven as a researcher would drive it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from sidelight.core.search import find_all
from sidelight.core.workspace import Workspace
from sidelight.gui.app import create_window
from sidelight.gui.main_window import MainWindow
from tests.gui.conftest import CRA, GT, open_window


@pytest.fixture
def window(qtbot, sample_copy) -> MainWindow:
    win = create_window(str(sample_copy))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _messages(name: str) -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == name
            and w.isVisible()]


def test_opens_the_sample_with_five_documents_and_two_panes(window, sample_copy):
    model = window.doc_model
    assert model.rowCount() == 5
    outlets = {model.data(model.index(r, 0)) for r in range(5)}
    assert {"Global Times", "CGTN", "China Report ASEAN"} <= outlets
    ws = Workspace.open(sample_copy)
    assert len(window.view.panes) == 2
    for pane in window.view.panes:
        assert pane.text() == ws.get(pane.source.id).text
        assert pane.source.outlet in pane.header.text() and pane.source.published in pane.header.text()
    assert window.windowTitle().startswith("workspace")


def test_ticking_documents_adds_and_removes_panes(window):
    model = window.doc_model
    third = model.sources[2]
    model.setData(model.index(2, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert [p.source.id for p in window.view.panes][-1] == third.id
    assert len(window.view.panes) == 3
    model.setData(model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert len(window.view.panes) == 2
    assert model.sources[0].id not in [p.source.id for p in window.view.panes]
    model.setData(model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert [p.source.id for p in window.view.panes] == [s.id for s in model.sources[:3]]  # list order


def test_find_bar_does_not_squeeze_the_document_list(window, qtbot):
    window.resize(1400, 860)
    qtbot.wait(50)
    before = window.docs_dock.width()
    window.actions_by_id["find"].trigger()
    qtbot.keyClicks(window.find_bar.field, "Vietnam")
    qtbot.wait(50)
    assert window.docs_dock.width() >= before - 5
    assert window.find_bar.minimumSizeHint().width() < 700
    status = window.find_bar.status  # the counts are shown whole, not cut ("1 match in 1 documen")
    assert status.text().endswith("documents") and status.width() >= status.fontMetrics().horizontalAdvance(status.text())


def test_find_highlights_every_match_in_every_pane(window, qtbot):
    window.actions_by_id["find"].trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "trading partner")
    expected = sum(len(find_all(p.text(), "trading partner")) for p in window.view.panes)
    assert expected > 0
    assert sum(len(p.layers.get("find", [])) for p in window.view.panes) == expected
    assert window.find_bar.status.text().startswith(f"{expected} matches in ")
    for pane in window.view.panes:  # each header says how many its text holds
        count = len(find_all(pane.text(), "trading partner"))
        assert (f"{count}&nbsp;match" if count else "no&nbsp;match") in pane.header.text()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    pane_index, match = window.find_bar.matches[0]
    assert window.view.panes[pane_index].selection() == (match.start, match.end)
    assert window.find_bar.status.text().startswith(f"1 of {expected} · ")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.status.text().startswith(f"{min(2, expected)} of {expected} · ")
    qtbot.keyClick(window.find_bar, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert all(not p.layers.get("find") for p in window.view.panes)
    assert all("match" not in p.header.text() for p in window.view.panes)


def test_zoom_in_out_and_reset(window):
    pane = window.view.panes[0]
    before = pane.editor.font().pointSizeF()
    window.actions_by_id["zoom_in"].trigger()
    window.actions_by_id["zoom_in"].trigger()
    assert pane.editor.font().pointSizeF() == before + 2
    window.actions_by_id["zoom_out"].trigger()
    assert pane.editor.font().pointSizeF() == before + 1
    window.actions_by_id["zoom_reset"].trigger()
    assert pane.editor.font().pointSizeF() == before


def test_synchronised_scrolling_can_be_switched_off(window, qtbot):
    window.resize(900, 400)
    qtbot.wait(50)
    left, right = window.view.panes
    assert window.actions_by_id["sync"].isChecked()
    left.editor.verticalScrollBar().setValue(left.editor.verticalScrollBar().maximum())
    assert right.scroll_fraction() == pytest.approx(1.0, abs=0.02)
    window.actions_by_id["sync"].setChecked(False)
    left.editor.verticalScrollBar().setValue(0)
    assert right.scroll_fraction() == pytest.approx(1.0, abs=0.02)


def test_layout_is_remembered_between_runs(qtbot, sample_copy):
    first = create_window(str(sample_copy))
    qtbot.addWidget(first)
    model = first.doc_model
    chosen = [model.sources[4].id, model.sources[1].id, model.sources[3].id]
    model.set_shown(chosen)
    first.actions_by_id["sync"].setChecked(False)
    first.actions_by_id["zoom_in"].trigger()
    points = first.view.point_size
    first.close()

    second = create_window(str(sample_copy))
    qtbot.addWidget(second)
    assert [p.source.id for p in second.view.panes] == chosen
    assert not second.actions_by_id["sync"].isChecked()
    assert second.view.point_size == points


def test_import_runs_in_the_background_and_reports_bad_files(window, qtbot, tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("A new story\n\nLeaders met again.\n", encoding="utf-8")
    bad.write_bytes(b"\x00\x01\x02binary")
    window.import_files([str(good), str(bad)])
    qtbot.waitUntil(lambda: window.doc_model.rowCount() == 6, timeout=20_000)
    qtbot.waitUntil(lambda: bool(_messages("problems-message")), timeout=5_000)
    box = _messages("problems-message")[0]
    assert "bad.txt" in box.informativeText() and "binary" in box.informativeText()
    assert "A new story" in [s.title for s in window.doc_model.sources]
    box.close()


def test_dropping_files_on_the_window_imports_them(window, qtbot, tmp_path):
    dropped = tmp_path / "dropped.md"
    dropped.write_text("# Dropped story\n\nText.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: "Dropped story" in [s.title for s in window.doc_model.sources], timeout=20_000)


def test_cleaning_report_lists_what_was_removed(window):
    source = next(s for s in window.doc_model.sources if s.outlet == "CGTN")
    report = source.cleaning_report()
    assert "cookie-banner" in report and "Search Trends" in report


def test_not_a_workspace_shows_a_message_and_the_welcome_screen(qtbot, tmp_path):
    win = create_window(str(tmp_path))
    qtbot.addWidget(win)
    win.show()
    assert win.central.currentWidget() is win.welcome
    boxes = _messages("error-message")
    assert boxes and "not a Sidelight workspace" in boxes[0].text()
    assert f"“{tmp_path.name}”" in boxes[0].text()  # names the folder...
    advice = boxes[0].informativeText()  # ...and says how to make it one
    assert str(tmp_path) in advice and "File → New Workspace" in advice and "sidelight import" in advice
    boxes[0].close()


def test_the_welcome_screen_stands_alone_and_the_panels_return_with_a_workspace(qtbot, tmp_path):
    win = create_window(str(tmp_path))
    qtbot.addWidget(win)
    win.show()
    panels = [win.docs_dock, win.claims_dock, win.pair_dock, win.legend]
    assert win.central.currentWidget() is win.welcome
    assert not any(p.isVisible() for p in panels)  # no empty claim panels beside the welcome
    box = _messages("error-message")[0]
    make = next(b for b in box.buttons() if b.text() == "Make It a Workspace")
    assert box.defaultButton() is not make  # Enter does not write to the folder
    make.click()
    assert win.workspace is not None and win.workspace.root == tmp_path.resolve()
    assert (tmp_path / "sources").is_dir()
    assert win.central.currentWidget() is win.reading
    assert all(p.isVisible() for p in panels)


def test_welcome_screen_opens_a_workspace(qtbot, sample_copy, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    win = create_window(None)
    qtbot.addWidget(win)
    assert win.central.currentWidget() is win.welcome
    assert not win.actions_by_id["import"].isEnabled()
    assert win.open_workspace(sample_copy)
    assert win.central.currentWidget() is win.reading
    assert win.doc_model.rowCount() == 5


def test_broken_source_file_is_reported_and_the_rest_open(qtbot, sample_copy):
    victim = sorted((sample_copy / "sources").iterdir())[0]
    (victim / "text.txt").unlink()
    win = create_window(str(sample_copy))
    qtbot.addWidget(win)
    assert win.doc_model.rowCount() == 4
    qtbot.waitUntil(lambda: bool(_messages("problems-message")), timeout=20_000)
    box = _messages("problems-message")[0]
    assert "text.txt" in box.informativeText() and "cleaned text is missing" in box.informativeText()
    box.close()


def test_many_calls_do_not_crash_qt(qtbot, sample_copy):
    """PySide6 6.12.0 on Python 3.11 aborts after a few thousand of these calls."""
    win = create_window(str(sample_copy))
    qtbot.addWidget(win)
    pane = win.view.panes[0]
    texts = [s.text for s in win.doc_model.sources]
    for i in range(6000):
        pane.editor.setPlainText(texts[i % len(texts)])
        pane.editor.setReadOnly(i % 2 == 0)
        win.setWindowTitle(f"run {i}")
    assert win.windowTitle() == "run 5999"


def test_check_workspace_lists_problems(window, qtbot, sample_copy):
    bad = sample_copy / "annotations" / "alice" / "broken.yaml"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text("schema: 1\nannotations: [unclosed\n", encoding="utf-8")
    window.actions_by_id["check"].trigger()
    qtbot.waitUntil(lambda: bool(_messages("problems-message")), timeout=20_000)
    box = _messages("problems-message")[0]
    assert "broken.yaml" in box.detailedText()
    box.close()


def test_every_shortcut_does_one_thing(window):
    seen: dict[str, str] = {}
    for action_id, action in window.actions_by_id.items():
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text} is bound to both {seen[text]} and {action_id}"
            seen[text] = action_id
    assert {"Ctrl+E", "Ctrl+F", "Ctrl+Z", "Ctrl+Shift+Z"} <= set(seen)


def test_following_pane_really_shows_the_scrolled_text(window, qtbot):
    window.resize(900, 400)
    qtbot.wait(50)
    left, right = window.view.panes
    left.editor.verticalScrollBar().setValue(left.editor.verticalScrollBar().maximum() // 2)
    first_visible = right.editor.cursorForPosition(right.editor.viewport().rect().topLeft()).position()
    assert first_visible > 0  # the text moved, not only the scroll bar


def test_a_closed_panel_comes_back_from_the_view_menu(window):
    window.pair_dock.close()
    assert not window.pair_dock.isVisible()
    window.pair_dock.toggleViewAction().trigger()
    assert window.pair_dock.isVisible()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    panels = next(a.menu() for a in view_menu.actions() if a.menu() is not None)
    assert "Compare Claims" in [a.text() for a in panels.actions()]


def test_cleaning_dialog_shows_any_source(window, qtbot):
    from sidelight.gui.cleaning_dialog import CleaningDialog

    dialog = CleaningDialog(window.workspace.sources, None, window)
    qtbot.addWidget(dialog)
    cgtn = dialog.chooser.findText("CGTN", flags=Qt.MatchFlag.MatchStartsWith)
    dialog.chooser.setCurrentIndex(cgtn)
    assert "cookie-banner" in dialog.text.toPlainText()
    assert dialog.chooser.count() == 5


def test_open_documents_are_remembered_without_a_clean_quit(qtbot, sample_copy):
    first = create_window(str(sample_copy))
    qtbot.addWidget(first)
    chosen = [s.id for s in first.doc_model.sources[:4]]
    first.doc_model.set_shown(chosen)
    # no close(): as if the program had been killed
    second = create_window(str(sample_copy))
    qtbot.addWidget(second)
    assert [p.source.id for p in second.view.panes] == chosen


def test_tab_leaves_the_document_list_and_the_stance_field(window):
    assert not window.doc_list.tabKeyNavigation()
    stances = window.document_panel.inputs.get("stances")
    assert stances is not None and stances.tabChangesFocus()
    assert window.document_panel.note.tabChangesFocus()


def test_escape_from_find_returns_to_the_text(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.actions_by_id["find"].trigger()
    qtbot.waitUntil(window.find_bar.field.hasFocus, timeout=5_000)
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert window.find_bar.isHidden()
    qtbot.waitUntil(window.view.panes[0].editor.hasFocus, timeout=5_000)


def test_a_new_workspace_says_how_to_add_documents(window, tmp_path):
    from sidelight.core.workspace import Workspace

    window.set_workspace(Workspace.create(tmp_path / "new-study"))
    assert "Import Articles" in window.view.empty.text()
    assert window.view.currentWidget() is window.view.empty


def test_many_documents_scroll_sideways_instead_of_shrinking_to_a_few_words(qtbot, sample_copy):
    ids = [s.id for s in Workspace.open(sample_copy).sources]
    win = open_window(qtbot, sample_copy, ids)
    win.resize(900, 700)
    qtbot.waitUntil(lambda: len(win.view.panes) == len(ids))
    qtbot.wait(50)
    widths = [p.width() for p in win.view.panes]
    char = win.view.panes[0].editor.fontMetrics().averageCharWidth()
    assert min(widths) >= 22 * char  # each pane still holds a readable line (a newspaper column)
    assert win.view.row.horizontalScrollBar().maximum() > 0  # and the row scrolls to the others
    win.view.zoom(+4)
    assert win.view.panes[0].minimumWidth() > 22 * char + 40  # larger text, wider panes


def test_f6_walks_the_keyboard_through_list_documents_and_panels_and_back(qtbot, sample_copy):
    win = open_window(qtbot, sample_copy, ["china-vietnam-reach-consensus-on", "a-new-day-for-china-vietnam-relations"])
    win.activateWindow()
    qtbot.waitUntil(lambda: len(win.view.panes) == 2)
    visited = []
    for _ in range(8):
        win.actions_by_id["next_area"].trigger()
        visited.append(win.statusBar().currentMessage().removeprefix("Keyboard in: "))
    assert visited[:3] == ["Documents", "Global Times", "China Report ASEAN"]  # the documents, in pane order
    assert "Claims" in visited and "Compare Claims" in visited and "Documents" in visited
    assert visited[0] == visited[len(win._areas())]  # round again after the last area
    win.actions_by_id["previous_area"].trigger()
    assert win.statusBar().currentMessage() == f"Keyboard in: {visited[-2]}"


def test_f6_reaches_a_document_scrolled_out_of_sight_and_scrolls_to_it(qtbot, sample_copy):
    ids = [s.id for s in Workspace.open(sample_copy).sources]
    win = open_window(qtbot, sample_copy, ids)
    win.resize(900, 700)
    win.activateWindow()
    qtbot.waitUntil(lambda: len(win.view.panes) == len(ids))
    qtbot.wait(50)
    bar = win.view.row.horizontalScrollBar()
    bar.setValue(bar.maximum())  # the first documents are out of sight
    qtbot.wait(50)
    win.doc_list.setFocus()
    visited = []
    for _ in range(len(ids) + 1):
        win.actions_by_id["next_area"].trigger()
        visited.append(QApplication.focusWidget())
    assert visited[:len(ids)] == [p.editor for p in win.view.panes]  # every document, none skipped
    first = win.view.panes[0]
    win.doc_list.setFocus()
    win.actions_by_id["next_area"].trigger()
    assert first.mapTo(win.view.row.viewport(), first.rect().topLeft()).x() >= 0  # and it is scrolled into view


def test_a_pane_header_says_in_words_what_the_article_does_not_tell(qtbot, sample_copy):
    from tests.gui.conftest import open_window

    win = open_window(qtbot, sample_copy, ["xis-visit-to-vietnam-boosts-elevation", "china-vietnam-ties-elevated-to-new"])
    header = win.view.pane_for("xis-visit-to-vietnam-boosts-elevation").header.text()
    assert "outlet not known" in header and "date not known" in header and "unknown" not in header


def test_the_document_list_says_not_known_where_the_article_does_not_tell(window):
    model = window.doc_model
    row = next(r for r in range(model.rowCount()) if model.sources[r].id == "xis-visit-to-vietnam-boosts-elevation")
    assert model.data(model.index(row, 0)) == "not known" and model.data(model.index(row, 2)) == "not known"
    assert model.data(model.index(row, 2), Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    # the outlet cell holds the check box: in italics, not grey, or the box looks disabled
    assert model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(row, 0), Qt.ItemDataRole.FontRole).italic()


def test_panels_squeezed_by_a_small_window_come_back_readable(qtbot, sample_copy):
    from sidelight.gui.main_window import MIN_BOTTOM_PANEL, MIN_SIDE_PANEL

    window = open_window(qtbot, sample_copy, [GT, CRA])
    window.resize(640, 480)
    qtbot.wait(50)
    window.resize(1600, 1000)
    qtbot.wait(50)
    assert window.docs_dock.width() >= MIN_SIDE_PANEL and window.claims_dock.width() >= MIN_SIDE_PANEL
    assert window.pair_dock.height() >= MIN_BOTTOM_PANEL


@pytest.mark.parametrize("reopen", [True, False])
def test_align_again_offers_to_read_a_source_edited_on_disk_first(qtbot, sample_copy, monkeypatch, reopen):
    import sidelight.gui.main_window as main_window

    window = open_window(qtbot, sample_copy, [GT, CRA])
    qtbot.waitUntil(lambda: window.claims.alignment is not None, timeout=30_000)
    source = window.view.pane_for(GT).source
    added = "Vietnam and China agreed to build a high-speed railway across the border by 2030."
    (source.folder / "text.txt").write_text(source.text + "\n\n" + added, encoding="utf-8")
    asked: list[list[str]] = []
    monkeypatch.setattr(main_window, "ask_reopen", lambda _parent, changes: asked.append(changes) or reopen)
    before = window.claims.alignment
    window.actions_by_id["realign"].trigger()
    assert asked == [[f"sources/{GT}/text.txt: edited"]]
    qtbot.waitUntil(lambda: window.claims.alignment is not before and window.claims.alignment is not None, timeout=30_000)
    texts = [u.text for u in window.claims.alignment.units_of(GT)]
    assert (added in texts) is reopen  # read from disk, or aligned as shown when the researcher says so
    assert (added in window.view.pane_for(GT).text()) is reopen


def _choose_then_edit_on_disk(qtbot, sample_copy, monkeypatch, edit):
    """Choose China Report ASEAN's state-visit sentence, rewrite its text.txt with ``edit(text,
    sentence)``, F5 and Reopen; returns the window, the alignment before and the unit chosen."""
    import sidelight.gui.main_window as main_window

    window = open_window(qtbot, sample_copy, [GT, CRA])
    qtbot.waitUntil(lambda: window.claims.alignment is not None, timeout=30_000)
    alignment = window.claims.alignment
    chosen = next(u for u in alignment.units_of(CRA) if u.text.startswith("Chinese President Xi Jinping made a state visit"))
    window.claims.select_unit(chosen.id)
    source = window.view.pane_for(CRA).source
    (source.folder / "text.txt").write_text(edit(source.text, chosen.text), encoding="utf-8")
    monkeypatch.setattr(main_window, "ask_reopen", lambda _parent, _changes: True)
    window.actions_by_id["realign"].trigger()
    return window, alignment, chosen


def test_the_chosen_claim_stays_chosen_when_a_paragraph_is_added_above_it_on_disk(qtbot, sample_copy, monkeypatch):
    added = "A new paragraph of two sentences goes here. It was added by the editor."

    def edit(text: str, _sentence: str) -> str:
        first_break = text.index("\n\n")
        return text[:first_break] + "\n\n" + added + text[first_break:]

    window, alignment, chosen = _choose_then_edit_on_disk(qtbot, sample_copy, monkeypatch, edit)
    qtbot.waitUntil(lambda: window.claims.alignment is not alignment and window.claims.alignment is not None
                    and len(window.claims.alignment.units_of(CRA)) > len(alignment.units_of(CRA)), timeout=30_000)
    now = window.claims.alignment.unit(window.claims.selected)
    assert now.text == chosen.text and now.id != chosen.id
    assert chosen.text[:40] in window.pair_view.browser.toPlainText()


def test_a_problems_list_waits_until_an_open_question_is_answered(window, qtbot):
    from PySide6.QtWidgets import QDialog, QMessageBox

    question = QDialog(window)  # as the reviewer-name question on first start
    question.setModal(True)
    question.show()
    qtbot.waitUntil(lambda: question.isVisible(), timeout=2000)
    window.show_problems(["sources/x/source.yaml: malformed YAML"], title="Some files have problems")
    qtbot.wait(400)
    boxes = lambda: [b for b in window.findChildren(QMessageBox) if b.objectName() == "problems-message" and b.isVisible()]  # noqa: E731
    assert not boxes()
    question.accept()
    qtbot.waitUntil(lambda: bool(boxes()), timeout=3000)
    assert boxes()[0].informativeText() == "sources/x/source.yaml: malformed YAML"
    boxes()[0].close()


def test_the_chosen_claim_stays_chosen_when_a_figure_of_it_is_edited_on_disk(qtbot, sample_copy, monkeypatch):
    def edit(text: str, sentence: str) -> str:
        return text.replace(sentence, sentence.replace("December 12 to 13", "December 15 to 16"))

    window, alignment, chosen = _choose_then_edit_on_disk(qtbot, sample_copy, monkeypatch, edit)
    edited = chosen.text.replace("December 12 to 13", "December 15 to 16")
    qtbot.waitUntil(lambda: window.claims.alignment is not alignment and window.claims.alignment is not None
                    and any(u.text == edited for u in window.claims.alignment.units_of(CRA)), timeout=30_000)
    assert window.claims.alignment.unit(window.claims.selected).text == edited
    assert "December 15 to 16" in window.pair_view.browser.toPlainText()
