"""``agreement``: how far reviewers agree, and the sentences they coded differently."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sidelight.cli import command
from sidelight.cli.compare_commands import _warn_if_letters_lost, _write
from sidelight.core.errors import SidelightError
from sidelight.core.labels import short_labels
from sidelight.core.workspace import Workspace


def _configure_agreement(p: argparse.ArgumentParser) -> None:
    p.add_argument("workspace", nargs="?", default=".", help="workspace folder (default: current folder)")
    p.add_argument("--reviewers", nargs="+", metavar="NAME",
                   help="the reviewers to compare (default: every reviewer with annotations)")
    p.add_argument("--format", choices=("text", "markdown", "html", "json", "csv"),
                   help="text (default), markdown (tables for a methods section), html (a page with a chart of alpha "
                        "per code), json (figures and every disagreement) or csv (a row per code and field); "
                        "with --output, the file's extension chooses")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (UTF-8, atomically) instead of standard output")


@command("agreement", "reviewers' agreement per code and document field (Krippendorff's alpha, Cohen's kappa) "
                      "and the sentences they coded differently", _configure_agreement)
def agreement(args: argparse.Namespace) -> int:
    from sidelight.core.review import compare_reviewers, load_review_material
    from sidelight.core.review.report import format_for, render

    if args.output is not None and Path(args.output).is_dir():
        raise SidelightError(Path(args.output), "is a folder: give a file name for --output")
    ws = Workspace.open(args.workspace)
    material = load_review_material(ws, args.reviewers)
    if len(material.reviewers) < 2:
        raise SidelightError(ws.root / "annotations", "agreement needs two or more reviewers' annotations; found "
                             + (", ".join(material.reviewers) or "none"))
    for problem in material.problems:
        print(f"warning: {problem} (left out)", file=sys.stderr)
    for reviewer, count in material.orphans.items():
        if count:
            print(f"warning: {count} of {reviewer}'s annotations no longer match their text (left out; "
                  "place them in the window)", file=sys.stderr)
    result = compare_reviewers(material.texts, material.files, material.codebook, material.reviewers)
    fmt = args.format or (format_for(args.output) if args.output else "text")
    titles = short_labels(ws.sources)
    output = render(result, fmt, titles)
    if args.output:
        _write(Path(args.output), output)
        print(f"wrote {args.output}: {len(result.codes)} codes, {len(result.disagreements)} sentences coded differently",
              file=sys.stderr)
    else:
        if fmt == "csv":
            _warn_if_letters_lost(output)
        sys.stdout.write(output)
    return 0
