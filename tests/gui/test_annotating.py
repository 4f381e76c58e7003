"""Annotating in the window as a researcher does it: select, pick a code, undo, save, link."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from sidelight.core.settings import load_settings, save_settings
from sidelight.gui import main_window as main_window_module
from sidelight.gui.annotate.code_picker import CodePicker
from sidelight.gui.annotate.codebook_dialog import CodebookDialog
from sidelight.gui.app import create_window
from sidelight.gui.main_window import MainWindow
from tests.conftest import REVIEWER
from tests.gui.conftest import CRA, GT, open_window

PHRASE = "China is Vietnam's largest trading partner"


@pytest.fixture
def window(qtbot, sample_copy) -> MainWindow:
    return open_window(qtbot, sample_copy, [GT, CRA])


def select(window: MainWindow, doc: str, phrase: str) -> tuple[int, int]:
    pane = window.view.pane_for(doc)
    start = pane.text().index(phrase)
    cursor = pane.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(phrase), QTextCursor.MoveMode.KeepAnchor)
    pane.editor.setTextCursor(cursor)
    pane.editor.setFocus()
    return start, start + len(phrase)


def pick(qtbot, keys: str, note: str = "") -> None:
    """Answer the code picker when it opens: type into its filter, add a note, press Enter."""
    def answer() -> None:
        picker = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CodePicker) and w.isVisible())
        qtbot.keyClicks(picker.filter, keys)
        if note:
            picker.note.setPlainText(note)
        qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    QTimer.singleShot(50, answer)


def test_annotate_a_selection_with_the_keyboard(window, qtbot, sample_copy):
    start, end = select(window, GT, PHRASE)
    pick(qtbot, "econom", note="trade as the base of ties")
    window.actions_by_id["annotate"].trigger()

    session = window.annotations.session
    spans = session.spans(GT)
    assert len(spans) == 1
    span = spans[0]
    assert (span.start, span.end, span.quote) == (start, end, PHRASE)
    assert [session.codebook.name_of(c) for c in span.codes] == ["Economic"]
    assert span.note == "trade as the base of ties" and span.reviewer == REVIEWER
    pane = window.view.pane_for(GT)
    assert [(s, e) for s, e, _f in pane.layers["annotations"]] == [(start, end)]
    assert "Economic" in window.annotations.tooltip(GT, start + 3)
    assert "trade as the base" in window.annotations_panel.list.item(0).text()
    assert window.actions_by_id["undo"].text() == "&Undo Add annotation 'Economic'"

    saved = sample_copy / "annotations" / REVIEWER / f"{GT}.yaml"
    qtbot.waitUntil(saved.exists, timeout=5_000)
    text = saved.read_text(encoding="utf-8")
    assert "schema: 1" in text and PHRASE in text and "frame-economic" in text


def test_undo_and_redo_every_change(window, qtbot):
    select(window, GT, PHRASE)
    pick(qtbot, "security")
    window.actions_by_id["annotate"].trigger()
    session = window.annotations.session
    assert len(session.spans(GT)) == 1
    window.actions_by_id["undo"].trigger()
    assert session.spans(GT) == []
    assert window.view.pane_for(GT).layers["annotations"] == []
    assert window.actions_by_id["redo"].text().startswith("&Redo Add annotation")
    window.actions_by_id["redo"].trigger()
    assert len(session.spans(GT)) == 1


def test_number_keys_pick_recent_codes(window, qtbot):
    select(window, GT, PHRASE)
    pick(qtbot, "lexical")
    window.actions_by_id["annotate"].trigger()
    select(window, CRA, "largest trading partner")

    def press_one() -> None:
        picker = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CodePicker) and w.isVisible())
        qtbot.keyClick(picker.filter, Qt.Key.Key_1)
        qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    QTimer.singleShot(50, press_one)
    window.actions_by_id["annotate"].trigger()
    session = window.annotations.session
    assert [session.codebook.name_of(c) for c in session.spans(CRA)[0].codes] == ["Lexical bias"]


def test_overlapping_spans_both_show_in_tooltip(window, qtbot):
    select(window, GT, PHRASE)
    pick(qtbot, "econom")
    window.actions_by_id["annotate"].trigger()
    select(window, GT, "largest trading partner")
    pick(qtbot, "political")
    window.actions_by_id["annotate"].trigger()
    offset = window.view.pane_for(GT).text().index("largest trading partner") + 2
    tip = window.annotations.tooltip(GT, offset)
    assert "Economic" in tip and "Political" in tip
    assert len(window.view.pane_for(GT).layers["annotations"]) == 2


def test_link_passages_across_documents(window, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("contradicts", True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("different totals", True))
    select(window, GT, PHRASE)
    window.actions_by_id["link"].trigger()
    banner = window.link_banner
    assert banner.isVisible() and "Linking passages" in banner.label.text() and "largest trading partner" in banner.label.text()
    select(window, CRA, "largest trading partner for many consecutive years")
    window.actions_by_id["link"].trigger()
    assert not banner.isVisible()  # the link is made: the banner goes
    links = window.annotations.session.links(GT)
    assert len(links) == 1
    link = links[0]
    assert (link.a.source_id, link.b.source_id, link.relation, link.note) == (GT, CRA, "contradicts", "different totals")
    assert any(item_text.startswith("LINK") for item_text in
               (window.annotations_panel.list.item(i).text() for i in range(window.annotations_panel.list.count())))


def test_document_level_perspective(window):
    panel = window.document_panel
    panel.document.setCurrentIndex(panel.document.findData(GT))
    genre = panel.inputs["genre"]
    genre.setCurrentIndex(genre.findData("news"))
    panel.inputs["stances"].setPlainText("United States: negative\nVietnam: positive")
    axis = next(iter(panel.axis_inputs.values()))
    axis.setCurrentIndex(axis.findData(2))
    panel.apply_button.click()
    doc = window.annotations.session.document(GT)
    assert doc.values["genre"] == "news"
    assert [(s.actor, s.stance) for s in doc.stances] == [("United States", "negative"), ("Vietnam", "positive")]
    assert 2 in doc.axes.values()


def test_change_on_disk_under_unsaved_work_asks_and_keeps_mine(window, qtbot, sample_copy, monkeypatch):
    select(window, GT, PHRASE)
    pick(qtbot, "econom")
    window.actions_by_id["annotate"].trigger()
    window.annotations.save()
    path = sample_copy / "annotations" / REVIEWER / f"{GT}.yaml"
    select(window, CRA, "largest trading partner")
    pick(qtbot, "political")
    window.actions_by_id["annotate"].trigger()  # unsaved change in another file
    select(window, GT, "bilateral trade hitting")
    pick(qtbot, "political")
    window.actions_by_id["annotate"].trigger()  # unsaved change in the same file
    window.annotations.autosave.stop()
    theirs = path.read_text(encoding="utf-8") + "\n# edited by a colleague\n"
    path.write_text(theirs, encoding="utf-8")

    asked = []

    def choose_keep_mine(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "Keep Mine").click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", choose_keep_mine)
    window.annotations.check_disk()
    assert len(asked) == 1 and f"{GT}.yaml" in asked[0] and "changed on disk" in asked[0]
    assert "edited by a colleague" not in path.read_text(encoding="utf-8")
    assert len(window.annotations.session.spans(GT)) == 2


def test_change_on_disk_under_unsaved_work_can_be_merged(window, qtbot, sample_copy, monkeypatch):
    from sidelight.core.annotation_session import AnnotationSession

    select(window, GT, PHRASE)
    pick(qtbot, "econom")
    window.actions_by_id["annotate"].trigger()
    window.annotations.save()
    other = AnnotationSession.open(window.workspace, REVIEWER)  # a second window on the same files
    theirs = other.add_span(GT, 0, 20, note="from the other window")
    other.flush()
    select(window, GT, "bilateral trade hitting")
    pick(qtbot, "political")
    window.actions_by_id["annotate"].trigger()  # unsaved change in the same file
    window.annotations.autosave.stop()
    messages: list[str] = []
    window.annotations.message.connect(messages.append)

    def choose_merge(box: QMessageBox) -> int:
        assert box.defaultButton().text() == "Merge"
        box.defaultButton().click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", choose_merge)
    window.annotations.check_disk()
    notes = {s.note for s in window.annotations.session.spans(GT)}
    assert len(window.annotations.session.spans(GT)) == 3 and "from the other window" in notes
    assert theirs.id in (sample_copy / "annotations" / REVIEWER / f"{GT}.yaml").read_text(encoding="utf-8")
    assert any(m.startswith("Merged your annotations of") and "1 change taken from disk" in m for m in messages)


def test_one_question_per_conflict_even_when_the_disk_is_checked_again_meanwhile(window, qtbot, sample_copy, monkeypatch):
    from sidelight.core.annotation_session import AnnotationSession

    select(window, GT, PHRASE)
    pick(qtbot, "econom")
    window.actions_by_id["annotate"].trigger()
    window.annotations.save()
    other = AnnotationSession.open(window.workspace, REVIEWER)
    other.add_span(GT, 0, 20, note="from the other window")
    other.flush()
    select(window, GT, "bilateral trade hitting")
    pick(qtbot, "political")
    window.actions_by_id["annotate"].trigger()
    window.annotations.autosave.stop()
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        window.annotations.check_disk()  # the file watcher firing while the question is open
        next(b for b in box.buttons() if b.text() == "Keep Mine").click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", answer)
    window.annotations.check_disk()
    assert len(asked) == 1  # the second check waited for the answer, and then found nothing to ask
    assert len(window.annotations.session.spans(GT)) == 2 and not window.annotations.session.conflicts


def test_edited_source_text_keeps_unplaceable_annotations_as_orphans(qtbot, sample_copy):
    settings = load_settings()
    settings.reviewer = "alice"
    save_settings(settings)
    text_file = sample_copy / "sources" / GT / "text.txt"
    text = text_file.read_text(encoding="utf-8")
    removed = "A true risk point between China and Vietnam lies in the disputes over the South China Sea"
    assert removed in text
    start = text.index(removed)
    text_file.write_text(text[:start] + text[text.index("\n", start):], encoding="utf-8")

    win = create_window(str(sample_copy))
    qtbot.addWidget(win)
    win.doc_model.set_shown([GT, CRA])
    items = [win.annotations_panel.list.item(i).text() for i in range(win.annotations_panel.list.count())]
    assert any(t.startswith("ORPHAN") and "A true risk point" in t for t in items)
    assert "orphan" in win.annotations_panel.header.text()


def test_codebook_dialog_renames_without_breaking_annotations(window, qtbot):
    select(window, GT, PHRASE)
    pick(qtbot, "econom")
    window.actions_by_id["annotate"].trigger()
    session = window.annotations.session
    dialog = CodebookDialog(window.annotations, window)
    qtbot.addWidget(dialog)
    session.rename_code("frame-economic", "Economy and trade")
    names = [dialog.tree.topLevelItem(0).child(i).text(0) for i in range(dialog.tree.topLevelItem(0).childCount())]
    assert "Economy and trade" in names
    assert "Economy and trade" in window.annotations.tooltip(GT, window.view.pane_for(GT).text().index(PHRASE) + 1)
    window.actions_by_id["undo"].trigger()
    assert session.codebook.name_of("frame-economic") == "Economic"


def test_picker_keeps_one_code_per_exclusive_group(window, qtbot):
    codebook = window.annotations.session.codebook
    group = next(g for g in codebook.groups if g.exclusive and g.enabled)
    first, second = codebook.codes_in(group.id)[:2]
    picker = CodePicker(codebook, "a quote", [])
    qtbot.addWidget(picker)
    items = {picker.list.item(r).data(Qt.ItemDataRole.UserRole): picker.list.item(r) for r in range(picker.list.count())}
    items[first.id].setCheckState(Qt.CheckState.Checked)
    items[second.id].setCheckState(Qt.CheckState.Checked)
    assert picker.chosen_codes() == [second.id]


def test_mouse_selection_is_trimmed_and_cleared_after_coding(window, qtbot):
    pane = window.view.pane_for(GT)
    start = pane.text().index(PHRASE)
    cursor = pane.editor.textCursor()
    cursor.setPosition(start - 1)  # the space before, as a mouse drag picks it up
    cursor.setPosition(start + len(PHRASE), QTextCursor.MoveMode.KeepAnchor)
    pane.editor.setTextCursor(cursor)
    pick(qtbot, "econom")
    window.actions_by_id["annotate"].trigger()
    span = window.annotations.session.spans(GT)[0]
    assert span.quote == PHRASE
    assert pane.selection() is None


def test_first_start_asks_for_a_reviewer_name_after_the_window_shows(qtbot, sample_copy, monkeypatch):
    settings = load_settings()
    settings.reviewer = None
    save_settings(settings)
    answers = iter([("Bảo Nguyễn", True), ("bao-nguyen", True)])
    prompts = []

    def get_text(parent, title, label, *args, **kwargs):
        prompts.append((parent.isVisible(), label))
        return next(answers)
    monkeypatch.setattr(QInputDialog, "getText", get_text)
    win = create_window(str(sample_copy))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.annotations.session is not None, timeout=5_000)
    assert prompts[0][0] is True  # the window was already on screen
    assert "try 'bao-nguyen'" in prompts[1][1]
    assert win.annotations.session.reviewer == "bao-nguyen"
    assert load_settings().reviewer == "bao-nguyen"


def test_broken_annotation_file_is_reported_and_the_rest_opens(qtbot, sample_copy):
    settings = load_settings()
    settings.reviewer = "alice"
    save_settings(settings)
    broken = sample_copy / "annotations" / "alice" / f"{CRA}.yaml"
    broken.write_text("!!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    win = create_window(str(sample_copy))
    qtbot.addWidget(win)
    win.doc_model.set_shown([GT, CRA])
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.objectName() == "problems-message" and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=20_000)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
               and w.objectName() == "problems-message" and w.isVisible())
    assert f"{CRA}.yaml" in box.detailedText()
    assert win.annotations.session.spans(GT)  # alice's other files are open
    assert broken.read_text(encoding="utf-8").startswith("!!python")  # and the broken one is untouched
    box.close()


def test_click_on_a_span_chooses_it_and_the_keyboard_recodes_it(window, qtbot):
    start, _end = select(window, GT, PHRASE)
    pick(qtbot, "econom")
    window.actions_by_id["annotate"].trigger()
    pane = window.view.pane_for(GT)
    pane.clicked.emit(start + 4)
    span = window.annotations.session.spans(GT)[0]
    assert window.annotations_panel.selected_ids() == [span.id]
    cursor = pane.editor.textCursor()
    cursor.setPosition(start + 4)
    pane.editor.setTextCursor(cursor)
    pick(qtbot, "political")  # ticks Political beside Economic
    window.actions_by_id["edit_annotation"].trigger()
    codes = window.annotations.session.spans(GT)[0].codes
    assert {window.annotations.session.codebook.name_of(c) for c in codes} == {"Economic", "Political"}
    assert window.actions_by_id["undo"].text().startswith("&Undo Set codes")


def test_recode_after_clicking_the_second_of_two_annotations_in_a_sentence(window, qtbot):
    first_phrase, second_phrase = "China is Vietnam's", "largest trading partner"
    select(window, GT, first_phrase)
    pick(qtbot, "econom")
    window.actions_by_id["annotate"].trigger()
    start, _end = select(window, GT, second_phrase)
    pick(qtbot, "political")
    window.actions_by_id["annotate"].trigger()
    pane = window.view.pane_for(GT)
    qtbot.waitUntil(lambda: window.claims.alignment is not None, timeout=30_000)
    cursor = pane.editor.textCursor()
    cursor.setPosition(start + 3)
    pane.editor.setTextCursor(cursor)
    pane.clicked.emit(start + 3)  # a click also selects the claim: the cursor must stay put
    assert window.annotations.span_at_cursor().quote == second_phrase


def test_panel_finds_annotations_by_the_code_name_shown(window, qtbot):
    select(window, GT, PHRASE)
    pick(qtbot, "lexical")
    window.actions_by_id["annotate"].trigger()
    panel = window.annotations_panel
    panel.search.setText("Lexical bias")
    assert panel.list.count() == 1 and "Lexical bias" in panel.list.item(0).text()
    panel.search.setText("Political")
    assert panel.list.count() == 0


def test_annotation_highlight_switch_starts_on_and_works(window, qtbot):
    select(window, GT, PHRASE)
    pick(qtbot, "econom")
    window.actions_by_id["annotate"].trigger()
    action = window.actions_by_id["annotation_highlights"]
    assert action.isChecked()
    action.setChecked(False)
    assert "annotations" not in window.view.pane_for(GT).layers


def test_a_colleagues_annotations_show_beside_mine_read_only(window, qtbot, monkeypatch):
    select(window, GT, PHRASE)
    pick(qtbot, "econom")
    window.actions_by_id["annotate"].trigger()
    select(window, GT, "is quite significant, the expert said")  # after every one of bao's in that article
    pick(qtbot, "political")
    window.actions_by_id["annotate"].trigger()
    assert set(window.annotations.colleagues()) >= {"alice", "bao"}
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("bao", True))
    window.actions_by_id["colleague"].trigger()
    theirs = window.annotations.colleague_file(GT)
    assert theirs is not None and theirs.spans
    pane = window.view.pane_for(GT)
    assert len(pane.layers["colleague"]) == len(theirs.spans)
    panel = window.annotations_panel
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    expected = sum(len(window.annotations.colleague_file(doc).spans) for doc in (GT, CRA))
    assert sum(t.startswith("bao · ") for t in texts) == expected
    spans = [panel.list.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(panel.list.count())
             if not texts[i].startswith(("LINK", "ORPHAN"))]
    order = [(window.view.panes.index(window.view.pane_for(doc)), start, end) for doc, start, end, _orphan in spans]
    assert order == sorted(order)  # mine and bao's interleaved in reading order, not two lists
    panel.list.selectAll()
    assert panel.selected_ids() == [s.id for s in window.annotations.session.spans(GT)]  # only mine are editable
    span = next(iter(theirs.spans.values()))
    assert "bao" in window.annotations.tooltip(GT, span.start)


def test_a_passage_link_started_is_cancelled_from_its_banner(window):
    window.doc_model.set_shown([GT, CRA, "xi-vietnamese-top-leader-lam-reaffirm"])  # two Global Times articles
    select(window, GT, PHRASE)
    window.actions_by_id["link"].trigger()
    assert window.link_banner.isVisible()
    said = window.link_banner.label.text()
    assert "” in Global Times (China, Vietnam reach consensus…)" in said and "…)’s" not in said
    window.link_banner.cancel.click()
    assert not window.link_banner.isVisible() and window.annotations.link_start is None


def test_enter_can_never_press_the_panels_delete_button(window):
    from PySide6.QtWidgets import QPushButton

    for button in window.annotations_panel.findChildren(QPushButton):
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus and not button.autoDefault()


def test_a_codebook_broken_on_disk_is_reported_not_reloaded(window, qtbot, sample_copy):
    reported = []
    window.annotations.problems.connect(reported.append)
    (sample_copy / "codebook.yaml").write_text("schema: 1\ngroups: [unclosed\n", encoding="utf-8")
    window.annotations.check_disk()
    assert reported and "codebook.yaml" in reported[0][0] and "malformed YAML" in reported[0][0]


def test_a_file_reloaded_from_disk_is_named_by_its_outlet_and_other_undo_stays(window, qtbot, sample_copy):
    select(window, GT, PHRASE)
    pick(qtbot, "econom")
    window.actions_by_id["annotate"].trigger()
    select(window, CRA, "largest trading partner")
    pick(qtbot, "political")
    window.actions_by_id["annotate"].trigger()
    window.annotations.save()
    path = sample_copy / "annotations" / REVIEWER / f"{CRA}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited by a colleague\n", encoding="utf-8")
    messages: list[str] = []
    window.annotations.message.connect(messages.append)
    window.annotations.check_disk()
    assert messages == ["Reloaded your annotations of China Report ASEAN: it changed on disk"]
    assert window.actions_by_id["undo"].text() == "&Undo Add annotation 'Economic'"  # the other document's


def test_typed_document_values_survive_other_annotations_and_switching_documents(window, qtbot, monkeypatch):
    panel = window.document_panel
    panel.document.setCurrentIndex(panel.document.findData(GT))
    country = next(w for w in panel.inputs.values() if isinstance(w, QLineEdit))
    country.setText("Vietnam")
    country.textEdited.emit("Vietnam")  # as typing does
    panel.note.setPlainText("reads like a press release")
    assert "not applied" in panel.apply_button.text()
    select(window, CRA, "largest trading partner")  # a span annotation elsewhere rebuilds the form
    pick(qtbot, "political")
    window.actions_by_id["annotate"].trigger()
    panel.document.setCurrentIndex(panel.document.findData(CRA))
    panel.document.setCurrentIndex(panel.document.findData(GT))
    country = next(w for w in panel.inputs.values() if isinstance(w, QLineEdit))
    assert country.text() == "Vietnam" and panel.note.toPlainText() == "reads like a press release"
    asked = []
    monkeypatch.setattr(main_window_module, "ask_unapplied", lambda parent, docs: asked.append(docs) or "apply")
    assert window.settle_unapplied()
    assert asked and window.annotations.session.document(GT).note == "reads like a press release"
    assert panel.apply_button.text() == "Apply" and not panel.unapplied()


def test_typed_document_values_of_a_document_closed_meanwhile_are_kept_and_applied(window, monkeypatch):
    panel = window.document_panel
    panel.document.setCurrentIndex(panel.document.findData(CRA))
    panel.note.setPlainText("typed before closing its pane")
    window.doc_model.set_shown([GT])  # the pane of CRA closes
    index = panel.document.findData(CRA)
    assert index >= 0 and "not applied" in panel.document.itemText(index)
    asked = []
    monkeypatch.setattr(main_window_module, "ask_unapplied", lambda parent, docs: asked.append(docs) or "apply")
    assert window.settle_unapplied()
    assert asked and asked[0][0].startswith("China Report ASEAN")  # named as the researcher knows it
    assert window.annotations.session.document(CRA).note == "typed before closing its pane"


def test_leaving_with_typed_document_values_can_be_cancelled(window, monkeypatch):
    panel = window.document_panel
    panel.document.setCurrentIndex(panel.document.findData(GT))
    panel.note.setPlainText("half a thought")
    monkeypatch.setattr(main_window_module, "ask_unapplied", lambda parent, docs: "cancel")
    assert not window.settle_unapplied() and panel.note.toPlainText() == "half a thought"
    monkeypatch.setattr(main_window_module, "ask_unapplied", lambda parent, docs: "discard")
    assert window.settle_unapplied() and window.annotations.session.document(GT) is None


def test_space_ticks_the_one_code_a_filter_leaves_and_starts_the_next(window, qtbot):
    select(window, GT, PHRASE)
    pick(qtbot, "lexical positive")  # "lexical" leaves one code: Space ticks it, "positive" is the next
    window.actions_by_id["annotate"].trigger()
    session = window.annotations.session
    assert sorted(session.codebook.name_of(c) for c in session.spans(GT)[0].codes) == ["Lexical bias", "Positive"]


def test_a_workspace_without_a_codebook_is_told_the_default_one_was_written(qtbot, sample_copy):
    (sample_copy / "codebook.yaml").unlink()
    win = open_window(qtbot, sample_copy)
    qtbot.waitUntil(lambda: win.annotations.session is not None, timeout=10_000)
    assert (sample_copy / "codebook.yaml").is_file()
    qtbot.waitUntil(lambda: "This workspace had no codebook: the default one is now in codebook.yaml"
                    in win.statusBar().currentMessage(), timeout=5_000)


def test_a_workspace_with_its_codebook_hears_nothing_of_it(qtbot, sample_copy):
    before = (sample_copy / "codebook.yaml").read_bytes()
    win = open_window(qtbot, sample_copy)
    qtbot.waitUntil(lambda: win.annotations.session is not None, timeout=10_000)
    assert not win.annotations.session.codebook_written
    assert "codebook" not in win.statusBar().currentMessage()
    assert (sample_copy / "codebook.yaml").read_bytes() == before
