"""Reading the Claims panel with several documents open: filter names, the coverage matrix's
columns, where a new filter starts, stepping with Alt+Up/Alt+Down, status messages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sidelight.gui.main_window import MainWindow
from tests.gui.conftest import open_window

ALL = [
    "china-vietnam-reach-consensus-on",
    "a-new-day-for-china-vietnam-relations",
    "xi-vietnamese-top-leader-lam-reaffirm",
    "china-vietnam-ties-elevated-to-new",
    "xis-visit-to-vietnam-boosts-elevation",  # its outlet is unknown
]


@pytest.fixture
def window(qtbot, sample_copy) -> MainWindow:
    win = open_window(qtbot, sample_copy, ALL)
    qtbot.waitUntil(lambda: win.claims.alignment is not None
                    and len(win.claims.alignment.documents) == len(ALL), timeout=60_000)
    return win


def _choose_filter(window: MainWindow, starts: str) -> None:
    combo = window.claims_panel.filter
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(starts))
    combo.setCurrentIndex(index)


def test_filters_name_an_article_of_unknown_outlet_by_its_title(window):
    names = [window.claims_panel.filter.itemText(i) for i in range(window.claims_panel.filter.count())]
    assert not [n for n in names if "unknown" in n.lower()]
    assert any(n.startswith("Only in Xi’s visit to Vietnam") for n in names)
    assert any(n.startswith("Left out by CGTN — ") for n in names)


def test_coverage_columns_are_narrow_enough_to_see_several_outlets_at_once(window):
    panel = window.claims_panel
    panel.tabs.setCurrentWidget(panel.coverage)
    header = panel.coverage.horizontalHeader()
    width = panel.coverage.fontMetrics().horizontalAdvance("M" * 14)
    assert header.count() == len(ALL)
    assert all(header.sectionSize(i) <= width for i in range(header.count()))
    model = panel.coverage_model
    tip = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Global Times" in tip and "China, Vietnam reach consensus" in tip  # the whole name is a hover away


def test_a_new_filter_starts_at_its_top(window, qtbot):
    panel = window.claims_panel
    panel.set_current_row(panel.count() - 1)  # far down the list of all claims
    assert panel.list.verticalScrollBar().value() > 0
    _choose_filter(window, "Left out by CGTN")
    assert panel.count() > 0
    assert panel.list.verticalScrollBar().value() == 0  # the most widely carried omission is in view


def test_the_claim_on_show_stays_chosen_through_a_filter_so_alt_down_goes_on_from_it(window):
    panel = window.claims_panel
    alignment = window.claims.alignment
    conflicting = alignment.filter_groups(has_conflicts=True)
    chosen = conflicting[1]
    window.claims.select_unit(chosen.units[0])  # clicked in the text, with all claims listed
    _choose_filter(window, "With conflicting facts")
    _choose_filter(window, "All claims")
    assert panel.current_group_id() == chosen.id
    window.actions_by_id["next_claim"].trigger()
    assert panel.current_row() == panel.list_model.row_of(chosen.id) + 1


def test_alt_up_with_no_claim_chosen_goes_to_the_last(window):
    panel = window.claims_panel
    _choose_filter(window, "Shared by some")
    assert panel.current_row() == -1
    window.actions_by_id["previous_claim"].trigger()
    assert panel.current_row() == panel.count() - 1
    _choose_filter(window, "With conflicting facts")
    window.actions_by_id["next_claim"].trigger()
    assert panel.current_row() == 0


def test_status_message_counts_one_document_in_the_singular(qtbot, tmp_path):
    from sidelight.core.workspace import Workspace

    ws = Workspace.create(tmp_path / "one")
    article = tmp_path / "article.txt"
    article.write_text("Trade deal signed\n\nThe two countries signed a trade deal on Monday.\n", encoding="utf-8")
    ws.import_files([article])
    win = open_window(qtbot, ws.root)
    assert win.statusBar().currentMessage().startswith("1 document in ")


def test_enter_on_a_coverage_cell_compares_that_claim(window, qtbot):
    from PySide6.QtTest import QTest

    panel = window.claims_panel
    panel.tabs.setCurrentWidget(panel.coverage)
    model = panel.coverage_model
    row, column = next((r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                       if model.data(model.index(r, c), Qt.ItemDataRole.UserRole))
    unit_id = model.data(model.index(row, column), Qt.ItemDataRole.UserRole)
    panel.coverage.setFocus()
    panel.coverage.setCurrentIndex(model.index(row, column))
    QTest.keyClick(panel.coverage, Qt.Key.Key_Return)
    assert window.claims.selected == unit_id
    assert window.pair_view.unit_id == unit_id


def test_the_coverage_matrix_names_its_rows_marks_conflicts_and_explains_a_gap(window, qtbot):
    panel = window.claims_panel
    _choose_filter(window, "With conflicting facts")
    model = panel.coverage_model
    group = model.rows[0]
    first = window.claims.alignment.unit(group.units[0]).text
    from sidelight.core.labels import shorten
    from sidelight.gui.claims.claims_panel import ROW_LABEL_WIDTH, ROW_LABEL_WIDTH_LETTERED

    width = ROW_LABEL_WIDTH_LETTERED if model.lettered else ROW_LABEL_WIDTH
    assert model.headerData(0, Qt.Orientation.Vertical) == "1  " + shorten(first, width)
    assert len(model.headerData(0, Qt.Orientation.Vertical).split()) >= 3  # enough words to tell claims apart
    column = next(c for c in range(model.columnCount()) if model.data(model.index(0, c), Qt.ItemDataRole.UserRole))
    assert model.data(model.index(0, column)) == "▲"  # carried, with a fact stated differently
    gaps = [(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
            if not model.data(model.index(r, c), Qt.ItemDataRole.UserRole)]
    assert gaps
    row, col = gaps[0]
    with qtbot.waitSignal(panel.group_chosen, timeout=2000) as chosen:
        panel.coverage.clicked.emit(model.index(row, col))
    assert chosen.args == [model.rows[row].id]


def test_the_coverage_matrix_marks_the_chosen_claims_row(window):
    panel = window.claims_panel
    model = panel.coverage_model
    group = model.rows[3]
    window.claims.select_unit(group.units[0])  # as a click in the text does
    assert model.headerData(3, Qt.Orientation.Vertical).startswith("▶4 ")
    assert model.headerData(3, Qt.Orientation.Vertical, Qt.ItemDataRole.FontRole).bold()
    assert panel.coverage.selectionModel().isRowSelected(3)
    assert not model.headerData(2, Qt.Orientation.Vertical).startswith("▶")
    window.claims.select_unit(model.rows[5].units[0])  # only one row is marked at a time
    assert not model.headerData(3, Qt.Orientation.Vertical).startswith("▶")
    assert model.headerData(5, Qt.Orientation.Vertical).startswith("▶6 ")
    assert not panel.coverage.selectionModel().isRowSelected(3)


def test_five_coverage_columns_are_lettered_named_above_and_fit_the_panel(window, qtbot):
    model = window.claims_panel.coverage_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["A", "B", "C", "D", "E"]
    tip = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Global Times (China, Vietnam reach") and "China, Vietnam reach consensus" in tip
    key = window.claims_panel.numbered.text()  # every letter is named above the matrix
    for line in ("<b>A</b>&nbsp; Global Times 1: China, Vietnam reach consensus", "<b>B</b>&nbsp; China Report ASEAN:",
                 "<b>C</b>&nbsp; Global Times 2: Xi, Vietnamese", "<b>D</b>&nbsp; CGTN:", "<b>E</b>&nbsp; Xi’s visit"):
        assert line in key
    table = window.claims_panel.coverage
    window.claims_panel.tabs.setCurrentIndex(1)
    qtbot.waitUntil(table.isVisible, timeout=2000)
    qtbot.wait(20)
    last = model.columnCount() - 1
    right = table.verticalHeader().width() + table.columnViewportPosition(last) + table.columnWidth(last)
    assert right <= table.width()  # the fifth column is in sight, no sideways scrolling


def test_with_three_documents_the_coverage_columns_are_named_by_whole_words(qtbot, sample_copy):
    win = open_window(qtbot, sample_copy, ALL[:3])
    qtbot.waitUntil(lambda: win.claims.alignment is not None and len(win.claims.alignment.documents) == 3,
                    timeout=60_000)
    model = win.claims_panel.coverage_model
    words = [model.headerData(c, Qt.Orientation.Horizontal).replace("\n", " ") for c in range(model.columnCount())]
    assert len(set(words)) == 3 and all(len(w) > 1 for w in words)
    assert any(w.startswith("Global Times") for w in words)


def test_clicking_a_claim_s_name_in_the_coverage_matrix_chooses_it(window, qtbot):
    panel = window.claims_panel
    model = panel.coverage_model
    group = model.rows[1]
    with qtbot.waitSignal(panel.group_chosen, timeout=2000) as chosen:
        panel.coverage.verticalHeader().sectionClicked.emit(1)
    assert chosen.args == [group.id]
    assert window.claims.alignment.group_of(window.claims.selected).id == group.id
    assert model.headerData(1, Qt.Orientation.Vertical).startswith("▶2 ")


def test_a_filter_that_finds_no_claim_says_why_in_place_of_the_list(window):
    panel = window.claims_panel
    _choose_filter(window, "Shared by all")
    assert panel.count() == 0  # no claim of the sample is in all five articles
    assert panel.list_page.currentWidget() is panel.empty
    assert panel.empty.text().startswith("No claim is carried by all 5 documents.") and "Shared by some" in panel.empty.text()
    panel.tabs.setCurrentIndex(1)  # the coverage matrix says so too, in place of a table with no rows
    assert panel.coverage_empty.isVisibleTo(panel) and not panel.coverage.isVisibleTo(panel)
    assert panel.coverage_empty.text() == panel.empty.text()
    _choose_filter(window, "All claims")
    assert panel.count() > 0 and panel.list_page.currentWidget() is panel.list
    assert panel.coverage.isVisibleTo(panel) and not panel.coverage_empty.isVisibleTo(panel)
