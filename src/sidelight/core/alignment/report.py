"""The claim comparison as a reader gets it away from the window: plain text, or a standalone
HTML page in the window's colours (the JSON is :meth:`Alignment.to_json`).

The command line prints these and the window saves them (Claims → Export Comparison…), so the
two never tell the same alignment differently.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from sidelight.core.alignment.kinds import CONFLICT_COLOUR, KIND_LABELS, SUMMARY_LABELS, highlight_colour
from sidelight.core.labels import UNKNOWN, plural, short_labels


def labels_of(result) -> dict[str, str]:
    """The outlet, with a short title where two documents share one (as the window names them)."""
    return short_labels(result.documents)


def shorten(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(result) -> str:
    labels = labels_of(result)
    letters = {d.id: chr(ord("A") + i) if i < 26 else str(i) for i, d in enumerate(result.documents)}
    out = [f"{len(result.documents)} documents, {len(result.units)} claim units"]
    for d in result.documents:
        out.append(f"  {letters[d.id]}  {labels[d.id]}" + (f": {d.title}" if labels[d.id] != d.title else ""))
    counts = result.counts()
    out.append(f"scored by: {result.method}")
    sections = len(result.groups) - len(result.claims)
    out.append(f"claim groups: {counts['shared']} shared, {counts['partial']} partial, {counts['unique']} unique"
               + (f" ({sections} section titles, photo credits or editor’s notes: not claims, not counted)" if sections else "") + "\n")
    shown = [g for g in result.groups if g.kind != "unique"]
    shown.sort(key=lambda g: (-len(g.documents), -g.score))
    for g in shown:
        docs = "".join(letters[d] for d in g.documents)
        out.append(f"[{g.id}] {g.kind} in {docs} (score {g.score:.2f})")
        for uid in g.units:
            unit = result.unit(uid)
            out.append(f"   {letters[unit.document]}: {shorten(unit.text)}")
        context_labels = short_labels((*result.documents, *result.context_documents))
        for document, unit in result.context_of(g.id):
            out.append(f"   (also in {context_labels[document.id]}, not compared here: {shorten(unit.text, 120)})")
        for c in g.conflicts:
            values = "; ".join(f"{letters[result.unit(u).document]} {v}" for u, v in c.values.items())
            mark = "~" if c.agrees else "!"  # "~": worded differently, not a contradiction
            out.append(f"   {mark} {c.type}: {values}" + (f" ({c.note})" if c.note else ""))
        out.append("")
    out.append("blindspots (claims others carry that a document leaves out / claims only it carries):")
    for d in result.documents:
        spot = result.blindspot(d.id)
        top = ", ".join(g.id for g in spot.omitted[:8])
        # the ids follow the count they belong to: the most widely carried come first, and may be
        # fewer than eight, so a list after "carried by two or more" would name claims that are not
        listed = f" ({top}{'…' if len(spot.omitted) > 8 else ''})" if spot.omitted else ""
        widely = f"; {len(spot.widely_omitted)} of them carried by two or more others" if len(result.documents) > 2 else ""
        out.append(f"  {letters[d.id]} {labels[d.id]}: omits {len(spot.omitted)}{listed}{widely}; unique {len(spot.unique)}")
    out.append("\nclaims only one document carries:")
    for d in result.documents:
        unique = result.blindspot(d.id).unique
        out.append(f"  {letters[d.id]} {labels[d.id]}: {plural(len(unique), 'claim')}")
        for g in unique:
            out.append(f"   [{g.id}] {shorten(result.unit(g.units[0]).text)}")
    return "\n".join(out) + "\n"


_CSS = """body{font:15px/1.45 system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
thead th{position:sticky;top:0;background:#fafafa;z-index:1}
.agrees{color:#555}h2{margin-top:2em}small{color:#666}ul.conflicts{margin:0;padding-left:1.1em}ol.unique li{margin:.2em 0}
""" + "".join(f".{kind}{{background:{highlight_colour(kind)}}}" for kind in ("shared", "partial", "unique")) \
    + f".conflict{{color:{CONFLICT_COLOUR}}}"  # the colours of the window


def _coverage_chart(result, labels: dict[str, str]) -> str:
    """Inline SVG, one bar per document: the claims it carries, split by how widely they are
    carried, then how many the others carry that it leaves out. A page that prints and opens
    anywhere: no script, no web font, the window's colours."""
    e = html.escape
    kinds = ["shared", "partial", "unique"] if len(result.documents) > 2 else ["shared", "unique"]
    rows = []
    for d in result.documents:
        carried = {k: 0 for k in kinds}
        for g in result.claims:
            if d.id in g.documents:
                carried[g.kind] += 1
        spot = result.blindspot(d.id)
        rows.append((d.id, carried, len(spot.omitted), len(spot.widely_omitted)))
    widest = max((sum(c.values()) for _d, c, _o, _w in rows), default=0) or 1
    label_w, bar_w, row_h, note_w = 270, 520, 44, 140
    height = row_h * len(rows) + 34
    parts = [f"<svg class='chart' role='img' width='{label_w + bar_w + note_w}' height='{height}' style='max-width:100%;height:auto' "
             f"viewBox='0 0 {label_w + bar_w + note_w} {height}' font-size='13' font-family='system-ui,sans-serif'>",
             "<title>Claims each document carries, by how widely they are carried</title>"]
    for n, (doc_id, carried, omitted, widely) in enumerate(rows):
        y = n * row_h + 4
        parts.append(f"<text x='{label_w - 8}' y='{y + 17}' text-anchor='end'>{e(shorten(labels[doc_id], 36))}</text>")
        x = float(label_w)
        for kind in kinds:
            w = bar_w * carried[kind] / widest
            if w:
                parts.append(f"<rect x='{x:.1f}' y='{y + 3}' width='{w:.1f}' height='20' "
                             f"fill='{highlight_colour(kind)}' stroke='#777' stroke-width='0.5'>"
                             f"<title>{carried[kind]} {e(SUMMARY_LABELS[kind])}</title></rect>")
            x += w
        note = " · ".join(f"{carried[k]} {SUMMARY_LABELS[k]}" for k in kinds) + f"; leaves out {omitted}"
        if len(result.documents) > 2:
            note += f" ({widely} carried by two or more)"
        parts.append(f"<text x='{label_w}' y='{y + 36}' font-size='11.5' fill='#555'>{e(note)}</text>")
    key_y = row_h * len(rows) + 20
    x = float(label_w)
    for kind in kinds:
        parts.append(f"<rect x='{x:.1f}' y='{key_y - 11}' width='14' height='14' fill='{highlight_colour(kind)}' "
                     f"stroke='#777' stroke-width='0.5'/><text x='{x + 19:.1f}' y='{key_y}'>{e(SUMMARY_LABELS[kind])}</text>")
        x += 150
    parts.append("</svg>")
    return "".join(parts)


def render_html(result) -> str:
    """A standalone page: blindspots, the claims carried by more than one document side by
    side with their conflicting facts, then each document's claims that no other carries."""
    e = html.escape
    labels = labels_of(result)
    context_labels = short_labels((*result.documents, *result.context_documents))
    docs = [d.id for d in result.documents]
    rows = []
    shown = sorted((g for g in result.groups if g.kind != "unique"), key=lambda g: (-len(g.documents), -g.score))
    for g in shown:
        by_doc = {result.unit(u).document: result.unit(u) for u in g.units}
        cells = "".join(f"<td class='{g.kind}'>{e(by_doc[d].text)}</td>" if d in by_doc else "<td></td>" for d in docs)
        conflicts = "".join(
            f"<li class='{'agrees' if c.agrees else 'conflict'}'><b>{e(c.type)}</b>: "
            + e(" · ".join(f"{labels[result.unit(u).document]} “{v}”" for u, v in c.values.items()))
            + (f" <i>({e(c.note)})</i>" if c.note else "") + "</li>"
            for c in g.conflicts
        )
        also = ", ".join(e(context_labels[d.id]) for d, _u in result.context_of(g.id))
        rows.append(f"<tr><th>{e(g.id)}<br><small>{e(KIND_LABELS[g.kind])} · similarity {g.score:.2f}"
                    + (f"<br>also in {also} (not compared here)" if also else "") + f"</small></th>{cells}"
                    f"<td>{f'<ul class=conflicts>{conflicts}</ul>' if conflicts else ''}</td></tr>")
    head = "".join(f"<th>{e(labels[d])}<br><small>{e(result.document(d).title)}</small></th>" for d in docs)
    counts = result.counts()
    blind = "".join(
        f"<li><b>{e(labels[d])}</b>: leaves out {plural(len(result.blindspot(d).omitted), 'claim')} others carry "
        + (f"({len(result.blindspot(d).widely_omitted)} of them carried by two or more)" if len(docs) > 2 else "") + "; "
        f"{plural(len(result.blindspot(d).unique), 'claim')} only it carries</li>" for d in docs
    )
    unique = "".join(
        f"<h3>Only in {e(labels[d])}</h3><ol class='unique'>"
        + "".join(f"<li>{e(result.unit(g.units[0]).text)}</li>" for g in result.blindspot(d).unique) + "</ol>"
        for d in docs if result.blindspot(d).unique
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Sidelight claim comparison</title>"
        f"<style>{_CSS}</style></head><body><h1>Claim comparison</h1>"
        f"<p>{plural(len(docs), 'document')}, {plural(len(result.units), 'claim unit')}; claims: "
        + ", ".join(f"{counts[k]} {e(SUMMARY_LABELS[k])}" for k in ("shared", "partial", "unique")
                    if k != "partial" or len(docs) > 2)
        + f"; scored by: {e(result.method)}.</p>"
        f"<h2>Claims per document</h2>{_coverage_chart(result, labels)}"
        f"<h2>Blindspots</h2><ul>{blind}</ul>"
        "<h2>Claims carried by more than one document</h2>"
        + (f"<table><thead><tr><th>claim</th>{head}<th>conflicting facts</th></tr></thead><tbody>" + "".join(rows)
           + "</tbody></table>" if rows else "<p>None: no claim is carried by two of these documents.</p>")
        + f"<h2>Claims only one document carries</h2>{unique or '<p>None.</p>'}</body></html>\n"
    )


def render_csv(result) -> str:
    """The coverage matrix as a spreadsheet: one row per claim, one column per document holding
    its sentence (empty where the document leaves the claim out), for R, SPSS or a spreadsheet.
    Widely carried claims first, as on the page; section titles and credits are not claims."""
    import csv
    import io

    labels = labels_of(result)
    docs = [d.id for d in result.documents]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["claim", "kind", "documents", "score", "conflicts", *(labels[d] for d in docs)])
    for g in sorted(result.claims, key=lambda g: (-len(g.documents), -g.score)):  # stable: ties in text order
        by_doc = {result.unit(u).document: result.unit(u).text for u in g.units}
        conflicts = "; ".join(sorted({c.type for c in g.conflicts if not c.agrees}))
        score = f"{g.score:.2f}" if len(g.units) > 1 else ""  # one sentence alone has no similarity
        writer.writerow([g.id, KIND_LABELS[g.kind], len(g.documents), score, conflicts,
                         *(by_doc.get(d, "") for d in docs)])
    return out.getvalue()


FORMATS = {".html": "html", ".htm": "html", ".json": "json", ".txt": "text", ".csv": "csv"}


def format_for(path: str | Path) -> str:
    """The format a file name asks for by its extension; plain text for any other."""
    return FORMATS.get(Path(path).suffix.lower(), "text")


def render(result, fmt: str) -> str:
    """The comparison in ``fmt`` ("text", "html", "json" or "csv"), as ``sidelight compare`` prints it
    for a workspace: the JSON offsets index each source's cleaned text (``sources/<id>/text.txt``)."""
    if fmt == "html":
        return render_html(result)
    if fmt == "csv":
        return render_csv(result)
    if fmt == "json":
        return json.dumps(result.to_json(), ensure_ascii=False, indent=1) + "\n"
    return render_text(result)


def counts_line(result) -> str:
    """"5 shared by all, 93 only in one article" ("by some" only where there can be such claims)."""
    counts = result.counts()
    some = f"{counts['partial']} by some, " if len(result.documents) > 2 else ""
    return f"{counts['shared']} shared by all, {some}{counts['unique']} only in one article"


def claim_text(result, group_id: str) -> str:
    """One claim as a researcher pastes it into notes or a paper: how widely it is carried, each
    outlet's sentence with the article it is from, and the facts they state differently."""
    group = result.group(group_id)
    docs = {d.id: d for d in result.documents}
    lines = [f"{KIND_LABELS[group.kind]} ({plural(len(group.documents), 'document')})"
             + (f", similarity {group.score:.2f}" if len(group.units) > 1 else "")]
    for uid in group.units:
        unit = result.unit(uid)
        doc = docs[unit.document]
        source = ", ".join(part for part in (doc.outlet if doc.outlet != UNKNOWN else "",
                                             f"“{doc.title}”" if doc.title else doc.id) if part)
        lines.append(f"{source}: “{' '.join(unit.text.split())}”")
    for c in group.conflicts:
        values = " vs ".join(f"{labels_of(result)[result.unit(u).document]}: {v}" for u, v in c.values.items())
        lines.append(f"{'Not conflicting' if c.agrees else 'Conflicting'} {c.type}: {values}"
                     + (f" ({c.note})" if c.note else ""))
    return "\n".join(lines) + "\n"
