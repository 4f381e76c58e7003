"""A reviewer comparison as text, JSON or CSV: one renderer for the CLI and the window.

Alpha is read against Krippendorff's (2004) rule of thumb, printed beside the figure because
that is how a methods section will cite it: 0.800 or more, reliable; 0.667 to 0.800, tentative
conclusions only; below, not reliable. A code given to fewer than five sentences in all is marked
"few": its alpha swings with a single sentence.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Mapping

from sidelight.core.labels import plural, shorten
from sidelight.core.review.comparison import Disagreement, ReviewComparison

RELIABLE, TENTATIVE = 0.800, 0.667
FEW = 5
NONE_OF_THESE = "none of these codes"
FORMATS = ("text", "markdown", "html", "json", "csv")


def disputed_by_reviewer(result: ReviewComparison, sentence: Disagreement) -> dict[str, list[str]]:
    """Per reviewer, the names of the disputed codes they gave ``sentence``, in codebook order."""
    order = {c.code: n for n, c in enumerate(result.codes)}
    names = {c.code: c.name for c in result.codes}
    return {r: [names.get(c, c) for c in sorted(codes & sentence.differing, key=lambda c: order.get(c, len(order)))]
            for r, codes in sentence.codes.items()}


def verdict(alpha: float | None) -> str:
    if alpha is None:
        return "n/a (no variation)"
    if alpha >= RELIABLE:
        return "reliable"
    if alpha >= TENTATIVE:
        return "tentative"
    return "not reliable"


def figure(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{0.0 if abs(value) < 0.0005 else value:.3f}"  # three decimals, as Krippendorff reports; no "-0.000"


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.0f}%"


def render_text(result: ReviewComparison, titles: Mapping[str, str] | None = None, width: int = 96) -> str:
    titles = titles or {}
    who = " and ".join(result.reviewers) if len(result.reviewers) <= 2 else ", ".join(result.reviewers)
    out = [f"Agreement of {who} over {plural(len(result.sources), 'document')} ({plural(result.units, 'sentence')})"]
    if not result.sources:
        out.append("No document is annotated by two or more of these reviewers: nothing to compare.")
        return "\n".join(out) + "\n"
    out.append(f"All codes pooled: Krippendorff's alpha {figure(result.overall_alpha)} ({verdict(result.overall_alpha)})")
    out.append("")
    pair = len(result.reviewers) == 2
    out.append("Codes: sentences each reviewer gave the code; alpha" + ("; Cohen's kappa" if pair else "") + "; agreement")
    name_width = min(max((len(c.name) for c in result.codes), default=10), 40)
    for c in result.codes:
        counts = "  ".join(f"{r} {c.units[r]}" for r in result.reviewers)
        few = "  few" if sum(c.units.values()) < FEW else ""
        kappa = f"  κ {figure(c.kappa)}" if pair else ""
        out.append(f"  {c.name[:name_width]:<{name_width}}  {counts}  α {figure(c.alpha)}{kappa}  "
                   f"{percent(c.agreement)}  {verdict(c.alpha)}{few}")
    if result.fields:
        out.append("")
        out.append("Document fields: alpha over documents; agreement")
        label_width = min(max(len(f.label) for f in result.fields), 60)
        for f in result.fields:
            out.append(f"  {shorten(f.label, label_width):<{label_width}}  {plural(f.documents, 'document'):<12}  {f.level:<8}  "
                       f"α {figure(f.alpha)}  {percent(f.agreement)}")
    out.append("")
    out.append(f"Sentences coded differently: {len(result.disagreements)}")
    for d in result.disagreements:
        text = d.text if len(d.text) <= width else d.text[: width - 1] + "…"
        out.append(f"  {titles.get(d.source_id, d.source_id)} [{d.start}-{d.end}] {text}")
        for r, mine in disputed_by_reviewer(result, d).items():
            out.append(f"      {r}: {', '.join(mine) or NONE_OF_THESE}")
    return "\n".join(out) + "\n"


def as_json(result: ReviewComparison) -> dict:
    return {
        "reviewers": list(result.reviewers),
        "documents": list(result.sources),
        "sentences": result.units,
        "overall_alpha": result.overall_alpha,
        "codes": [{"code": c.code, "name": c.name, "group": c.group, "sentences": c.units, "alpha": c.alpha,
                   "kappa": c.kappa, "agreement": c.agreement} for c in result.codes],
        "fields": [{"field": f.field, "label": f.label, "level": f.level, "documents": f.documents,
                    "alpha": f.alpha, "agreement": f.agreement, "values": f.values} for f in result.fields],
        "disagreements": [{"document": d.source_id, "start": d.start, "end": d.end, "text": d.text,
                           "codes": {r: sorted(v) for r, v in d.codes.items()}, "differing": sorted(d.differing),
                           "annotations": {r: list(v) for r, v in d.spans.items()}} for d in result.disagreements],
    }


def render_csv(result: ReviewComparison) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["kind", "id", "name", "level", *(f"sentences ({r})" for r in result.reviewers),
                     "documents", "alpha", "kappa", "agreement"])
    blank = [""] * len(result.reviewers)
    writer.writerow(["all codes", "", "all codes pooled", "nominal", *blank, len(result.sources),
                     _num(result.overall_alpha), "", ""])
    for c in result.codes:
        writer.writerow(["code", c.code, c.name, "nominal", *(c.units[r] for r in result.reviewers),
                         len(result.sources), _num(c.alpha), _num(c.kappa), _num(c.agreement)])
    for f in result.fields:
        writer.writerow(["field", f.field, f.label, f.level, *blank, f.documents, _num(f.alpha), "", _num(f.agreement)])
    return buffer.getvalue()


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(result: ReviewComparison, titles: Mapping[str, str] | None = None) -> str:
    """Tables to paste into a methods section or a lab notebook."""
    titles = titles or {}
    pair = len(result.reviewers) == 2
    out = [f"# Agreement of {', '.join(result.reviewers)}", "",
           f"{plural(len(result.sources), 'document')}, {plural(result.units, 'sentence')} compared. "
           f"All codes pooled: Krippendorff's α = {figure(result.overall_alpha)} ({verdict(result.overall_alpha)}).", ""]
    if result.codes:
        out += ["## Codes (sentences)", "",
                "| Code | " + " | ".join(result.reviewers) + " | α |" + (" κ |" if pair else "") + " Agreement | Reading |",
                "|---|" + "---:|" * len(result.reviewers) + "---:|" + ("---:|" if pair else "") + "---:|---|"]
        for c in result.codes:
            few = " (few sentences)" if sum(c.units.values()) < FEW else ""
            out.append(f"| {_md(c.name)} | " + " | ".join(str(c.units[r]) for r in result.reviewers)
                       + f" | {figure(c.alpha)} |" + (f" {figure(c.kappa)} |" if pair else "")
                       + f" {percent(c.agreement)} | {verdict(c.alpha)}{few} |")
        out.append("")
    if result.fields:
        out += ["## Document fields (documents)", "", "| Field | Documents | Level | α | Agreement |", "|---|---:|---|---:|---:|"]
        out += [f"| {_md(f.label)} | {f.documents} | {f.level} | {figure(f.alpha)} | {percent(f.agreement)} |"
                for f in result.fields]
        out.append("")
    out += [f"## Sentences coded differently ({len(result.disagreements)})", ""]
    for d in result.disagreements:
        out.append(f"- **{_md(titles.get(d.source_id, d.source_id))}** [{d.start}–{d.end}]: {_md(d.text)}")
        out += [f"  - {r}: {_md(', '.join(mine)) or NONE_OF_THESE}" for r, mine in disputed_by_reviewer(result, d).items()]
    return "\n".join(out) + "\n"


def _alpha_chart(result: ReviewComparison) -> str:
    """Alpha per code as bars on a -0.2 to 1 scale, with Krippendorff's two thresholds drawn."""
    e = html.escape
    rows = [c for c in result.codes if c.alpha is not None]
    if not rows:
        return "<p>No code varies enough for an alpha.</p>"
    label_w, bar_w, row_h, low = 260, 420, 20, -0.2
    height = row_h * len(rows) + 40

    def x(value: float) -> float:
        return label_w + (max(low, min(1.0, value)) - low) / (1.0 - low) * bar_w

    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{label_w + bar_w + 60}' height='{height}' "
             "role='img' aria-label='Krippendorff alpha per code' font-family='sans-serif' font-size='12'>"]
    colours = {"reliable": "#1a7f37", "tentative": "#bf8700", "not reliable": "#cf222e"}
    for n, c in enumerate(rows):
        assert c.alpha is not None
        y = 10 + n * row_h
        start, end = sorted((x(0.0), x(c.alpha)))
        parts.append(f"<text x='{label_w - 6}' y='{y + 13}' text-anchor='end'>{e(c.name)}</text>"
                     f"<rect x='{start:.1f}' y='{y + 3}' width='{max(end - start, 1):.1f}' height='{row_h - 6}' "
                     f"fill='{colours[verdict(c.alpha)]}'><title>{e(c.name)}: α {figure(c.alpha)}</title></rect>"
                     f"<text x='{max(end, x(0.0)) + 4:.1f}' y='{y + 13}'>{figure(c.alpha)}</text>")
    bottom = 10 + len(rows) * row_h
    for value, name in ((0.0, "0"), (TENTATIVE, "0.667"), (RELIABLE, "0.800"), (1.0, "1")):
        parts.append(f"<line x1='{x(value):.1f}' x2='{x(value):.1f}' y1='6' y2='{bottom}' stroke='#888' "
                     f"stroke-dasharray='{'0' if value in (0.0, 1.0) else '4 3'}'/>"
                     f"<text x='{x(value):.1f}' y='{bottom + 16}' text-anchor='middle'>{name}</text>")
    parts.append("</svg>")
    return "".join(parts)


_CSS = ("body{font-family:sans-serif;max-width:980px;margin:2em auto;line-height:1.4}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
        "td.n{text-align:right}.reliable{color:#1a7f37}.tentative{color:#9a6700}.not-reliable{color:#cf222e}"
        "li{margin:.3em 0}")


def render_html(result: ReviewComparison, titles: Mapping[str, str] | None = None) -> str:
    """A standalone page: the figures, a chart of alpha per code, and the sentences coded differently."""
    e = html.escape
    titles = titles or {}
    pair = len(result.reviewers) == 2
    head = "".join(f"<th>{e(r)}</th>" for r in result.reviewers)
    rows = "".join(
        f"<tr><td>{e(c.name)}</td>" + "".join(f"<td class=n>{c.units[r]}</td>" for r in result.reviewers)
        + f"<td class=n>{figure(c.alpha)}</td>" + (f"<td class=n>{figure(c.kappa)}</td>" if pair else "")
        + f"<td class=n>{percent(c.agreement)}</td><td class='{verdict(c.alpha).replace(' ', '-')}'>{e(verdict(c.alpha))}"
        + (" (few sentences)" if sum(c.units.values()) < FEW else "") + "</td></tr>" for c in result.codes)
    fields = "".join(f"<tr><td>{e(f.label)}</td><td class=n>{f.documents}</td><td>{f.level}</td>"
                     f"<td class=n>{figure(f.alpha)}</td><td class=n>{percent(f.agreement)}</td></tr>" for f in result.fields)
    disputes = "".join(
        f"<li><b>{e(titles.get(d.source_id, d.source_id))}</b>: {e(d.text)}<ul>"
        + "".join(f"<li>{e(r)}: {e(', '.join(mine) or NONE_OF_THESE)}</li>" for r, mine in disputed_by_reviewer(result, d).items())
        + "</ul></li>" for d in result.disagreements)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Sidelight reviewer agreement</title>"
        f"<style>{_CSS}</style></head><body><h1>Agreement of {e(', '.join(result.reviewers))}</h1>"
        f"<p>{plural(len(result.sources), 'document')}, {plural(result.units, 'sentence')} compared. All codes pooled: "
        f"Krippendorff's α = {figure(result.overall_alpha)} ({e(verdict(result.overall_alpha))}). A span counts for a "
        "sentence when it covers half of it or lies half inside it; α 0.800 or more is reliable, 0.667 to 0.800 "
        "allows tentative conclusions (Krippendorff 2004).</p>"
        f"<h2>Alpha per code</h2>{_alpha_chart(result)}"
        f"<h2>Codes</h2><table><thead><tr><th>Code</th>{head}<th>α</th>{'<th>κ</th>' if pair else ''}"
        f"<th>Agreement</th><th>Reading</th></tr></thead><tbody>{rows}</tbody></table>"
        + (f"<h2>Document fields</h2><table><thead><tr><th>Field</th><th>Documents</th><th>Level</th><th>α</th>"
           f"<th>Agreement</th></tr></thead><tbody>{fields}</tbody></table>" if fields else "")
        + f"<h2>Sentences coded differently ({len(result.disagreements)})</h2>"
        + (f"<ol>{disputes}</ol>" if disputes else "<p>None.</p>") + "</body></html>\n"
    )


def format_for(path: str) -> str:
    """The format a file name asks for; text when its extension names none."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return {"json": "json", "csv": "csv", "md": "markdown", "markdown": "markdown", "html": "html", "htm": "html"}.get(suffix, "text")


def render(result: ReviewComparison, fmt: str, titles: Mapping[str, str] | None = None) -> str:
    if fmt == "markdown":
        return render_markdown(result, titles)
    if fmt == "html":
        return render_html(result, titles)
    if fmt == "json":
        return json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return render_csv(result)
    if fmt == "text":
        return render_text(result, titles)
    raise ValueError(f"unknown format {fmt!r}")
