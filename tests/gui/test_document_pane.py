"""Highlight layers in one pane: independent, ordered, and cheap to update."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

from sidelight.core.sources import Source, SourceMeta
from sidelight.gui.document_pane import DocumentPane


def _fmt(colour: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(colour))
    return fmt


def _pane(qtbot) -> DocumentPane:
    pane = DocumentPane(Source(SourceMeta(id="d", title="T"), "One claim here. Another claim there.\n", folder=None))
    qtbot.addWidget(pane)
    return pane


def test_annotation_colour_paints_over_the_claim_tint_whatever_the_order_of_arrival(qtbot):
    pane = _pane(qtbot)
    pane.set_layer("annotations", [(0, 9, _fmt("#cc6677"))])
    pane.set_layer("claims", [(0, 15, _fmt("#56b4e9"))])
    colours = [sel.format.background().color().name() for sel in pane.editor.extraSelections()]
    assert colours == ["#56b4e9", "#cc6677"]


def test_clearing_one_layer_keeps_the_others(qtbot):
    pane = _pane(qtbot)
    pane.set_layer("claims", [(0, 15, _fmt("#56b4e9"))])
    pane.set_layer("find", [(4, 9, _fmt("#ffe066"))])
    pane.clear_layer("find")
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in pane.editor.extraSelections()] == [(0, 15)]


def test_a_huge_layer_is_built_between_events_and_then_shown(qtbot):
    text = "Claim one. " * 6000
    pane = DocumentPane(Source(SourceMeta(id="d", title="T"), text, folder=None))
    qtbot.addWidget(pane)
    spans = [(i * 11, i * 11 + 10, _fmt("#56b4e9")) for i in range(6000)]
    pane.set_layer("claims", spans)
    assert len(pane.layers["claims"]) == 6000  # the data is there at once
    qtbot.waitUntil(lambda: len(pane.editor.extraSelections()) == 6000, timeout=10_000)
    pane.set_layer("claims", spans[:10])  # a newer, small version wins over any chunk still due
    qtbot.wait(50)
    assert len(pane.editor.extraSelections()) == 10
