"""Claims → Export Comparison…: the alignment on show, corrections included, saved as a file."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.conftest import CRA, GT, open_window

TRADE_GT = "Vietnam has become China's biggest trading partner"


@pytest.fixture
def window(qtbot, sample_copy):
    win = open_window(qtbot, sample_copy, [GT, CRA])
    qtbot.waitUntil(lambda: win.claims.alignment is not None and win.claims.task is None, timeout=30_000)
    return win


def test_the_comparison_is_saved_in_the_format_its_name_asks_for(window, tmp_path):
    alignment = window.claims.alignment
    window.export_comparison(tmp_path / "claims.json")
    data = json.loads((tmp_path / "claims.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in data["documents"]] == [GT, CRA]
    texts = {d.id: d.text for d in alignment.documents}
    assert all(texts[u["document"]][u["start"]:u["end"]] == u["text"] for u in data["units"])
    assert {g["kind"] for g in data["groups"]} == {"shared", "unique"}
    assert "saved to" in window.statusBar().currentMessage() and "shared by all" in window.statusBar().currentMessage()

    window.export_comparison(tmp_path / "claims.html")
    page = (tmp_path / "claims.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Blindspots" in page and "China Report ASEAN" in page

    window.export_comparison(tmp_path / "claims.csv")
    import csv
    rows = list(csv.DictReader((tmp_path / "claims.csv").open(encoding="utf-8", newline="")))
    assert len(rows) == len(alignment.claims)
    assert any(TRADE_GT in r["Global Times"] and r["China Report ASEAN"] for r in rows)  # the trade claim, both sides

    window.export_comparison(tmp_path / "claims.txt")
    assert "blindspots" in (tmp_path / "claims.txt").read_text(encoding="utf-8")


def test_a_correction_made_in_the_window_is_in_the_export(qtbot, window, tmp_path):
    alignment = window.claims.alignment
    unit = next(u for u in alignment.units_of(GT) if TRADE_GT in u.text)
    partner = alignment.counterparts(unit.id)[0]
    window.claims.unlink(unit.id, partner.id)
    qtbot.waitUntil(lambda: window.claims.alignment is not alignment and window.claims.task is None, timeout=30_000)
    window.export_comparison(tmp_path / "claims.json")
    data = json.loads((tmp_path / "claims.json").read_text(encoding="utf-8"))
    together = [g for g in data["groups"] if unit.id in g["units"]]
    assert together and partner.id not in together[0]["units"]


def test_a_file_that_cannot_be_written_is_named_and_the_earlier_export_kept(window, tmp_path, monkeypatch):
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "claims.html"
    target.write_text("earlier export", encoding="utf-8")

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("sidelight.io.atomic.os.replace", full_disk)
    window.export_comparison(target)
    boxes = [w for w in QApplication.topLevelWidgets() + window.findChildren(QMessageBox)
             if isinstance(w, QMessageBox) and w.objectName() == "error-message"]
    assert boxes and "claims.html" in boxes[-1].text() and "No space left on device" in boxes[-1].text()
    assert target.read_text(encoding="utf-8") == "earlier export"
    assert [p.name for p in target.parent.iterdir()] == ["claims.html"]  # no half-written file left beside it


def test_export_before_any_claims_show_says_what_to_do(qtbot, sample_copy, tmp_path):
    win = open_window(qtbot, sample_copy, [GT])
    win.export_comparison(tmp_path / "claims.html")
    assert not (tmp_path / "claims.html").exists()
    assert "open two or more documents" in win.statusBar().currentMessage()


def test_a_name_typed_without_extension_gets_the_chosen_type():
    from pathlib import Path

    from sidelight.gui.claims.export import with_type

    assert with_type("/x/claims", "JSON for scripts (*.json)") == Path("/x/claims.json")
    assert with_type("/x/claims", "Plain text (*.txt)") == Path("/x/claims.txt")
    assert with_type("/x/claims.html", "Plain text (*.txt)") == Path("/x/claims.html")  # what was typed wins


def test_export_is_found_in_the_file_menu_as_well_as_in_claims(window):
    from PySide6.QtWidgets import QMenu

    action = window.actions_by_id["export_comparison"]
    for name in ("menu-file", "menu-claims"):
        menu = window.menuBar().findChild(QMenu, name)
        assert action in menu.actions(), name


def test_export_while_aligning_again_waits_for_the_new_claims(window, tmp_path, monkeypatch):
    class InFlight:  # a re-alignment under way, as far as the window can tell
        def cancel(self) -> None:
            pass

    monkeypatch.setattr(window.claims, "task", InFlight())
    window.export_comparison(tmp_path / "claims.html")
    assert not (tmp_path / "claims.html").exists()
    assert window.statusBar().currentMessage() == "Still aligning: export once the new claims show."
