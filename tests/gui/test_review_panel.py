"""Annotate → Compare Reviewers: the Review panel's figures, and walking the disputed sentences."""

from __future__ import annotations

from tests.gui.conftest import CRA, GT, open_window


def _compared(qtbot, win):
    win.actions_by_id["review"].trigger()
    qtbot.waitUntil(lambda: win.review_panel.result is not None and not win.review.busy, timeout=20_000)
    return win.review_panel


def test_the_sample_reviewers_agreement_is_shown_per_code(qtbot, sample_copy):
    win = open_window(qtbot, sample_copy, [GT, CRA])
    panel = _compared(qtbot, win)
    assert panel.ticked() == ["alice", "bao"]  # the researcher ("tester") has no annotations yet
    assert "alice and bao: 5 documents" in panel.summary.text()
    assert "Krippendorff's α" in panel.summary.text()
    header = [panel.codes.headerItem().text(i) for i in range(panel.codes.columnCount())]
    assert header[:3] == ["Code", "alice", "bao"] and "κ" in header
    economic = next(panel.codes.topLevelItem(i) for i in range(panel.codes.topLevelItemCount())
                    if panel.codes.topLevelItem(i).text(0) == "Economic")
    assert (economic.text(1), economic.text(2), economic.text(3)) == ("6", "6", "1.000")
    assert panel.fields.topLevelItemCount() > 0
    assert panel.tabs.tabText(2) == f"Differences ({len(panel.result.disagreements)})"


def test_choosing_a_disputed_sentence_opens_its_document_and_selects_it(qtbot, sample_copy):
    win = open_window(qtbot, sample_copy, [GT])
    panel = _compared(qtbot, win)
    row = next(i for i, d in enumerate(panel.result.disagreements) if d.source_id == CRA)
    disputed = panel.result.disagreements[row]
    item = panel.disputes.item(row)
    assert item.text().startswith("China Report ASEAN: “")
    assert "alice:" in item.text() and "bao:" in item.text()
    panel.disputes.setCurrentItem(item)
    pane = win.view.pane_for(CRA)
    assert pane is not None, "the disputed sentence's document opens beside the others"
    cursor = pane.editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (disputed.start, disputed.end)


def test_own_annotations_count_once_saved_and_a_change_says_compare_again(qtbot, sample_copy):
    win = open_window(qtbot, sample_copy, [GT, CRA])
    panel = _compared(qtbot, win)
    session = win.annotations.session
    text = session.workspace.get(GT).text
    start = text.index("Vietnam has become China's biggest trading partner")
    session.add_span(GT, start, start + 60, ["frame-economic"])
    win.annotations.stack_changed.emit()
    assert not panel.summary.text().endswith("Compare again to update."), "tester is not among alice and bao"
    win.review.refresh_reviewers()
    assert list(panel._boxes) == ["alice", "bao", "tester"]
    for name, box in panel._boxes.items():
        box.setChecked(name in ("alice", "tester"))
    panel.compare_button.click()
    qtbot.waitUntil(lambda: not win.review.busy and panel.result.reviewers == ("alice", "tester"), timeout=20_000)
    assert panel.result.sources == (GT,)  # only the document both have annotated
    assert panel.result.code("frame-economic").units["tester"] == 1
    session.add_span(GT, 0, 20, ["frame-political"])
    win.annotations.stack_changed.emit()
    assert panel.summary.text().endswith("Compare again to update.")


def test_one_reviewer_only_says_why_nothing_is_compared(qtbot, sample_copy):
    import shutil

    shutil.rmtree(sample_copy / "annotations" / "bao")
    win = open_window(qtbot, sample_copy, [GT, CRA])
    win.actions_by_id["review"].trigger()
    panel = win.review_panel
    assert not panel.compare_button.isEnabled()
    assert "two or more reviewers" in panel.summary.text() and "alice" in panel.summary.text()


def _settle_buttons(panel):
    return {b.text(): b for b in panel._settle_buttons}


def test_settling_a_sentence_writes_the_consensus_and_undo_takes_it_back(qtbot, sample_copy):
    from sidelight.core.review.adjudication import CONSENSUS, Decisions

    win = open_window(qtbot, sample_copy, [GT, CRA])
    panel = _compared(qtbot, win)
    row = next(i for i, d in enumerate(panel.result.disagreements) if d.spans["bao"])
    disputed = panel.result.disagreements[row]
    panel.disputes.setCurrentItem(panel.disputes.item(row))
    buttons = _settle_buttons(panel)
    assert set(buttons) == {"Adopt alice’s", "Adopt bao’s", "Neither"}
    buttons["Adopt bao’s"].click()

    assert panel.disputes.item(row).text().startswith("✓ Settled: bao’s reading")
    assert panel.tabs.tabText(2) == f"Differences (1/{len(panel.result.disagreements)} settled)"
    assert not panel.summary.text().endswith("Compare again to update."), "alice's and bao's files did not change"
    assert Decisions.load(sample_copy).of(disputed).chosen == "bao"
    consensus_file = sample_copy / "annotations" / CONSENSUS / f"{disputed.source_id}.yaml"
    assert consensus_file.is_file()
    assert "consensus set" in win.statusBar().currentMessage()
    assert panel.current_row() != row, "the next unsettled sentence is chosen"

    win.undo()
    assert not panel.disputes.item(row).text().startswith("✓")
    assert Decisions.load(sample_copy).of(disputed) is None
    win.redo()
    assert Decisions.load(sample_copy).of(disputed).chosen == "bao"


def test_only_unsettled_and_adopt_agreed(qtbot, sample_copy):
    from sidelight.core.review.adjudication import Decisions

    win = open_window(qtbot, sample_copy, [GT, CRA])
    panel = _compared(qtbot, win)
    agreed = len(panel.result.agreed)
    assert panel.adopt_agreed_button.text() == f"Adopt agreed ({agreed} sentences)"
    panel.adopt_agreed_button.click()
    assert len(Decisions.load(sample_copy)) == agreed
    assert not panel.adopt_agreed_button.isEnabled()

    panel.disputes.setCurrentItem(panel.disputes.item(0))
    _settle_buttons(panel)["Neither"].click()
    panel.unsettled_only.setChecked(True)
    assert panel.disputes.item(0).isHidden()
    assert not any(panel.disputes.item(i).isHidden() for i in range(1, panel.disputes.count()))

    win.undo()  # neither
    win.undo()  # the agreed ones
    assert len(Decisions.load(sample_copy)) == 0
    assert panel.adopt_agreed_button.isEnabled()


def test_export_saves_the_figures_on_show_and_a_failure_keeps_the_old_file(qtbot, sample_copy, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication, QMessageBox

    win = open_window(qtbot, sample_copy, [GT, CRA])
    panel = _compared(qtbot, win)
    assert panel.export_button.isEnabled()
    target = tmp_path / "agreement.md"
    win.review.export(target)
    assert target.read_text(encoding="utf-8").startswith("# Agreement of alice, bao")
    assert f"saved to {target}" in win.statusBar().currentMessage()

    earlier = tmp_path / "report.html"
    earlier.write_text("earlier", encoding="utf-8")

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("sidelight.io.atomic.os.replace", full_disk)
    win.review.export(earlier)
    boxes = [w for w in QApplication.topLevelWidgets() + win.findChildren(QMessageBox)
             if isinstance(w, QMessageBox) and w.objectName() == "error-message"]
    assert boxes and "report.html" in boxes[-1].text() and "No space left on device" in boxes[-1].text()
    assert earlier.read_text(encoding="utf-8") == "earlier"
