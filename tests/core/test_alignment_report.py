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


def test_the_spreadsheet_has_a_row_per_claim_and_a_column_per_document():
    import csv
    import io

    result = align(TEXTS)
    rows = list(csv.reader(io.StringIO(render(result, "csv"))))
    assert rows[0] == ["claim", "kind", "documents", "score", "conflicts", "a", "b"]
    assert len(rows) == 1 + len(result.claims)
    trade = rows[1]  # the shared claim comes first
    assert trade[1] == "Shared by all" and trade[2] == "2" and float(trade[3]) > 0
    assert trade[5].startswith("Trade passed") and trade[6].startswith("Trade exceeded")
    alone = next(r for r in rows[1:] if r[5] == "Rain fell.")
    assert alone[6] == "" and alone[3] == ""  # left out by b; no similarity for one sentence
    assert format_for("claims.CSV") == "csv"


def test_a_claim_copied_as_text_names_each_source_and_the_figures_they_differ_on():
    from sidelight.core.alignment import Document
    from sidelight.core.alignment.report import claim_text

    docs = [Document("a", "Trade reached $200 billion in 2023.", title="Trade soars", outlet="Daily A"),
            Document("b", "Trade reached $210 billion in 2023.", title="Record trade", outlet="unknown")]
    result = align(docs)
    group = next(g for g in result.claims if len(g.units) == 2)
    lines = claim_text(result, group.id).splitlines()
    assert lines[0].startswith("Shared by all (2 documents), similarity ")
    assert lines[1] == "Daily A, “Trade soars”: “Trade reached $200 billion in 2023.”"
    assert lines[2] == "“Record trade”: “Trade reached $210 billion in 2023.”"  # an unknown outlet is not named
    assert any(line.startswith("Conflicting money:") and "$200 billion" in line for line in lines[3:])
