"""``list``, ``show`` and ``import``: the workspace's sources from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sidelight.cli import command, plural
from sidelight.cli.console import takes_any_character
from sidelight.core.errors import DuplicateImport, WorkspaceError
from sidelight.core.textio import guess_note_in
from sidelight.core.workspace import Workspace, is_workspace


def open_workspace(path: str | None) -> Workspace:
    return Workspace.open(path or ".")


def report_problems(ws: Workspace) -> list[str]:
    """Warn on stderr about each source that could not be read (and so is left out); the warnings."""
    warnings = [str(problem) for problem in ws.problems]
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return warnings


def _configure_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("workspace", nargs="?", help="workspace folder (default: current folder)")
    p.add_argument("--format", choices=("text", "json"), default="text")


@command("list", "print each source's metadata", _configure_list)
def list_sources(args: argparse.Namespace) -> int:
    ws = open_workspace(args.workspace)
    report_problems(ws)
    sources = ws.sources
    if args.format == "json":
        json.dump([s.summary() for s in sources], sys.stdout, ensure_ascii=not takes_any_character(sys.stdout), indent=2)
        print()
        return 0
    if not sources:
        print("no sources yet: add some with 'sidelight import FILE...'")
        return 0
    width = max(len(s.id) for s in sources)
    outlet_width = max(len(s.outlet) for s in sources)
    for s in sources:
        print(f"{s.id:<{width}}  {s.published:<10}  {s.outlet:<{outlet_width}}  {s.title}")
    return 0


def _configure_show(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", help="source id (see 'sidelight list')")
    p.add_argument("workspace", nargs="?", help="workspace folder (default: current folder)")
    p.add_argument("--cleaning", action="store_true",
                   help="print what import removed from and repaired in the original instead of the text")


@command("show", "print a source's cleaned text exactly as offsets index it", _configure_show)
def show_source(args: argparse.Namespace) -> int:
    ws = open_workspace(args.workspace)
    source = ws.get(args.id)
    sys.stdout.write(source.cleaning_report() if args.cleaning else source.text)
    sys.stdout.flush()
    return 0


def _configure_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help=".txt, .md or .html files")
    p.add_argument(
        "--outlet", action="append", default=[],
        help="outlet name; give once for all files or once per file, in order",
    )
    p.add_argument("--workspace", "-w", default=".", help="workspace folder (default: current folder; created if new)")
    p.add_argument("--allow-duplicate", action="store_true",
                   help="import a file even when the same file is already a source (a second copy)")


@command("import", "import articles (.txt, .md, .html), clean them and record what was removed", _configure_import)
def import_sources(args: argparse.Namespace) -> int:
    outlets: list[str | None] = list(args.outlet)
    if len(outlets) not in (0, 1, len(args.files)):
        raise WorkspaceError(None, f"--outlet given {plural(len(outlets), 'time')} for {plural(len(args.files), 'file')}: "
                                   "give it once or once per file")
    root = Path(args.workspace)
    ws = Workspace.open(root) if is_workspace(root) else Workspace.create(root)
    failed = 0
    for index, path in enumerate(args.files):
        outlet = outlets[0] if len(outlets) == 1 else (outlets[index] if outlets else None)
        report = ws.import_files([path], outlet=outlet, allow_duplicates=args.allow_duplicate)
        for source in report.imported:
            removed = len(source.meta.cleaning.get("removed", []))
            repaired = len(source.meta.cleaning.get("repaired", []))
            note = guess_note_in(source.meta.cleaning.get("notes", []))
            print(f"imported {path} as {source.id} ({source.outlet}, {source.published}; "
                  f"{plural(removed, 'line')} removed, {plural(repaired, 'space')} repaired)" + (f"; {note}" if note else ""))
            if source.share_removed() > 0.5:
                print(f"warning: cleaning removed {source.share_removed():.0%} of {path}'s text; "
                      f"check it with the window's File → What Cleaning Removed…", file=sys.stderr)
        for problem in report.refused:
            failed += 1
            hint = " (--allow-duplicate imports it again)" if isinstance(problem, DuplicateImport) else ""
            print(f"sidelight: {problem}{hint}", file=sys.stderr)
    return 1 if failed else 0
