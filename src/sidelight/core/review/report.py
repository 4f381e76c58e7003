"""A reviewer comparison as text, JSON or CSV: one renderer for the CLI and the window.

Alpha is read against Krippendorff's (2004) rule of thumb, printed beside the figure because
that is how a methods section will cite it: 0.800 or more, reliable; 0.667 to 0.800, tentative
conclusions only; below, not reliable. A code given to fewer than five sentences in all is marked
"few": its alpha swings with a single sentence.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping

from sidelight.core.labels import plural, shorten
from sidelight.core.review.comparison import ReviewComparison

RELIABLE, TENTATIVE = 0.800, 0.667
FEW = 5
FORMATS = ("text", "json", "csv")


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
    return f"{0.0 if abs(value) < 0.005 else value:.2f}"  # no "-0.00"


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
    names = {c.code: c.name for c in result.codes}
    out.append(f"Sentences coded differently: {len(result.disagreements)}")
    for d in result.disagreements:
        text = d.text if len(d.text) <= width else d.text[: width - 1] + "…"
        out.append(f"  {titles.get(d.source_id, d.source_id)} [{d.start}-{d.end}] {text}")
        for r, codes in d.codes.items():
            mark = [names.get(c, c) for c in sorted(codes & d.differing, key=list(names).index)]
            out.append(f"      {r}: {', '.join(mark) if mark else 'none of these codes'}")
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


def render(result: ReviewComparison, fmt: str, titles: Mapping[str, str] | None = None) -> str:
    if fmt == "json":
        return json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return render_csv(result)
    if fmt == "text":
        return render_text(result, titles)
    raise ValueError(f"unknown format {fmt!r}")
