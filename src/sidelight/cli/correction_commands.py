"""``corrections``: the saved alignment corrections, whether each still applies, and tidying them.

A researcher who edited a source, or removed one, is told on every alignment that a correction
no longer applies; this is where that is looked at and settled, from a terminal, as the
window's Claims → Saved Corrections does.
"""

from __future__ import annotations

import argparse
import json
import sys

from sidelight.cli import command, plural
from sidelight.cli.console import takes_any_character
from sidelight.cli.source_commands import open_workspace, report_problems
from sidelight.core.labels import short_labels


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("workspace", nargs="?", help="workspace folder (default: current folder)")
    p.add_argument("--update", action="store_true",
                   help="rewrite each correction that follows an edited sentence to quote it as it reads now")
    p.add_argument("--drop-gone", action="store_true",
                   help="remove the corrections that no longer apply (their sentence or source is gone)")
    p.add_argument("--format", choices=("text", "json"), default="text")


@command("corrections", "list the saved alignment corrections and whether each still applies; "
                        "update or drop them", _configure)
def corrections(args: argparse.Namespace) -> int:
    from sidelight.core.alignment.correction_review import describe, dropped, review, updated
    from sidelight.core.alignment.corrections import Corrections, workspace_corrections_path

    ws = open_workspace(args.workspace)
    warnings = report_problems(ws)
    path = workspace_corrections_path(ws.root)
    saved = Corrections.load(path)
    texts = {s.id: s.text for s in ws.sources}
    before = review(saved, texts)
    changed = saved
    if args.update:
        changed = updated(changed, before)
    removed = [s for s in before if s.state in ("gone", "no source")] if args.drop_gone else []
    changed = dropped(changed, [s.correction for s in removed])
    if changed.items != saved.items:
        changed.save(path)
    n_updated = sum(s.state == "followed" for s in before) if args.update else 0  # moved ones go unsaid
    statuses = review(changed, texts) if changed.items != saved.items else before  # the file as it now is
    titles = short_labels(ws.sources)
    # exit 1 while a correction is skipped when aligning, as check does for one
    exit_code = 1 if warnings or any(s.state in ("gone", "no source") for s in statuses) else 0
    if args.format == "json":
        def entry(s):
            return {"action": s.correction.action, "state": s.state, "units": [r.as_dict() for r in s.refs],
                    "current": [None if u is None else {"start": u.start, "end": u.end, "text": u.text}
                                for u in s.current],
                    **({"note": s.correction.note} if s.correction.note else {})}

        out = {"file": str(path), "corrections": [entry(s) for s in statuses], "updated": n_updated,
               "dropped": [entry(s) for s in removed], "problems": warnings}
        json.dump(out, sys.stdout, ensure_ascii=not takes_any_character(sys.stdout), indent=2)
        print()
        return exit_code
    for n, status in enumerate(statuses, 1):
        first, *sentences = describe(status, titles)
        print(f"{n}. [{status.label}] {first}")
        for line in sentences:
            print(f"     {line}")
    for status in removed:
        first, *sentences = describe(status, titles)
        print(f"dropped: {first}")
        for line in sentences:
            print(f"     {line}")
    if statuses or removed:
        print()
    print(f"{plural(len(statuses), 'correction')} in {path}." if path.exists()
          else f"No corrections saved in this workspace yet (they are kept in {path}).")
    if n_updated:
        print(f"Updated {plural(n_updated, 'correction')} to the sentences as they read now.")
    followed = sum(s.state == "followed" for s in statuses)
    if followed:
        print(f"Following an edited sentence: {followed} (--update quotes {'it' if followed == 1 else 'each'} "
              "as it reads now).")
    if removed:
        print(f"Dropped {plural(len(removed), 'correction')} that no longer applied.")
    gone = sum(s.state in ("gone", "no source") for s in statuses)
    if gone:
        print(f"No longer applying: {gone} (--drop-gone removes {'it' if gone == 1 else 'them'}).")
    return exit_code
