"""The comparison as saved or printed: the format follows the file name, and one text for both."""

from __future__ import annotations

import json

from sidelight.core.alignment import align
from sidelight.core.alignment.report import counts_line, format_for, render

TEXTS = [("a", "Trade passed $200 billion in 2023. Rain fell."), ("b", "Trade exceeded $200 billion in 2023. Fog rose.")]


def test_the_file_name_chooses_the_format():
    assert [format_for(n) for n in ("c.html", "C.HTM", "c.json", "c.txt", "c.md", "c")] == \
        ["html", "html", "json", "text", "text", "text"]


def test_each_format_tells_the_same_claims():
    result = align(TEXTS)
    data = json.loads(render(result, "json"))
    shared = [g for g in data["groups"] if g["kind"] == "shared"]
    assert len(shared) == 1 and len(shared[0]["units"]) == 2
    assert "Trade passed $200 billion" in render(result, "html") and "shared" in render(result, "text")
    assert counts_line(result) == "1 shared by all, 2 only in one article"  # no "by some" with two documents


def test_the_page_charts_what_each_document_carries_and_leaves_out():
    texts = [*TEXTS, ("c", "Trade topped $200 billion in 2023. Fog rose over the river. Snow fell.")]
    result = align(texts)
    page = render(result, "html")
    chart = page[page.index("<svg"):page.index("</svg>")]
    for doc in ("a", "b", "c"):
        spot = result.blindspot(doc)
        carried = [g for g in result.claims if doc in g.documents]
        counts = {k: sum(g.kind == k for g in carried) for k in ("shared", "partial", "unique")}
        assert (f"{counts['shared']} shared by all · {counts['partial']} shared by some · "
                f"{counts['unique']} only in one article; leaves out {len(spot.omitted)} "
                f"({len(spot.widely_omitted)} carried by two or more)") in chart
    assert chart.count("<rect") >= 3 + 3  # a bar part per document at least, and the key
