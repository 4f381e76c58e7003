"""The window with 1,000 highlighted annotation spans in one document: is it still responsive?

Measures, offscreen, how long it takes to lay the 1,000 highlights on a pane, to repaint the
visible part, and to scroll page by page through the whole document (each step = one repaint).
Target: every interaction step (add an annotation, find, scroll) under 100 ms, so coding and
scrolling feel immediate; laying all highlights once when the document opens is reported too.
"""

from __future__ import annotations

import os
import statistics
import time

SPANS = 1000


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from sidelight.core.sources import Source, SourceMeta
    from sidelight.gui.annotate.controller import span_format
    from sidelight.gui.document_pane import DocumentPane

    app = QApplication.instance() or QApplication([])
    paragraph = ("China and Vietnam agreed to deepen cooperation in trade, infrastructure and maritime affairs, "
                 "officials said on Monday. ")
    text = "\n\n".join(paragraph * 3 for _ in range(400))  # ~100 KB, a long report
    pane = DocumentPane(Source(SourceMeta(id="long", title="Long report"), text, folder=None))  # type: ignore[arg-type]
    pane.resize(900, 900)
    pane.show()
    app.processEvents()
    colours = ["#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE"]
    step = len(text) // SPANS
    spans = [(i * step, i * step + 60 + (i % 7) * 20, span_format(colours[i % 5])) for i in range(SPANS)]

    start = time.perf_counter()
    pane.set_layer("annotations", spans)
    app.processEvents()
    lay = time.perf_counter() - start

    bar = pane.editor.verticalScrollBar()
    steps = []
    value = 0
    while value < bar.maximum():
        value = min(bar.maximum(), value + bar.pageStep())
        t0 = time.perf_counter()
        bar.setValue(value)
        pane.editor.viewport().repaint()
        steps.append(time.perf_counter() - t0)

    t0 = time.perf_counter()
    pane.set_layer("find", spans[:50])  # a find while 1,000 spans are shown
    app.processEvents()
    relayer = time.perf_counter() - t0

    t0 = time.perf_counter()  # one more annotation: what a researcher waits for after coding
    pane.set_layer("annotations", [*spans, (5, 90, span_format(colours[0]))])
    app.processEvents()
    add_one = time.perf_counter() - t0
    print(f"   {SPANS} highlighted spans on a {len(text) // 1000} KB document")
    print(f"   lay all highlights (opening the document): {lay * 1000:.0f} ms")
    print(f"   add one annotation: {add_one * 1000:.0f} ms; add a find layer on top: {relayer * 1000:.0f} ms")
    print(f"   scroll + repaint, {len(steps)} pages: median {statistics.median(steps) * 1000:.1f} ms, "
          f"worst {max(steps) * 1000:.1f} ms (target: every step < 100 ms: "
          f"{'met' if max(steps + [add_one, relayer]) < 0.1 else 'NOT met'})")
