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
    statuses = review(saved, {s.id: s.text for s in ws.sources})
    changed = saved
    if args.update:
        changed = updated(changed, statuses)
    if args.drop_gone:
        changed = dropped(changed, [s.correction for s in statuses if s.state in ("gone", "no source")])
    if changed.items != saved.items:
        changed.save(path)
    n_updated = sum(s.state == "followed" for s in statuses) if args.update else 0  # moved ones go unsaid
    n_dropped = len(saved) - len(changed)
    titles = short_labels(ws.sources)
    # exit 1 while a correction is skipped when aligning, as check does for one
    exit_code = 1 if warnings or (not args.drop_gone and any(s.state in ("gone", "no source") for s in statuses)) else 0
    if args.format == "json":
        out = {"file": str(path),
               "corrections": [{"action": s.correction.action, "state": s.state,
                                "units": [r.as_dict() for r in s.refs],
                                "current": [None if u is None else {"start": u.start, "end": u.end, "text": u.text}
                                            for u in s.current],
                                **({"note": s.correction.note} if s.correction.note else {})} for s in statuses],
               "updated": n_updated, "dropped": n_dropped, "problems": warnings}
        json.dump(out, sys.stdout, ensure_ascii=not takes_any_character(sys.stdout), indent=2)
        print()
        return exit_code
    if not statuses:
        print(f"No saved corrections ({path} does not list any).")
        return exit_code
    for n, status in enumerate(statuses, 1):
        print(f"{n}. [{status.label}] {describe(status, titles)}")
        for ref, unit in zip(status.refs, status.current):
            if unit is not None and unit.text != ref.quote:
                print(f"     now reads: “{unit.text}”")
    counts = {state: sum(s.state == state for s in statuses) for state in ("followed", "gone", "no source")}
    print()
    print(f"{plural(len(statuses), 'correction')} in {path}.")
    if n_updated:
        print(f"Updated {plural(n_updated, 'correction')} to the sentences as they read now.")
    elif counts["followed"]:
        print(f"Following an edited sentence: {counts['followed']} (--update quotes each as it reads now).")
    if n_dropped:
        print(f"Dropped {plural(n_dropped, 'correction')} that no longer applied.")
    elif counts["gone"] or counts["no source"]:
        print(f"No longer applying: {counts['gone'] + counts['no source']} (--drop-gone removes them).")
    return exit_code
