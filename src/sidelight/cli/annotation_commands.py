"""``check`` and ``reviewer``: validating a workspace's files, and who is annotating."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sidelight.cli import command, plural
from sidelight.core.settings import load_settings, save_settings, validate_reviewer
from sidelight.core.workspace import Workspace, is_workspace
from sidelight.io.validation import CheckSummary, Problem, check_workspace


def _configure_check(p: argparse.ArgumentParser) -> None:
    p.add_argument("workspace", nargs="?", default=".", help="workspace folder (default: current folder)")


@command("check", "validate sources, codebook and annotations; print file:line: message per problem", _configure_check)
def check(args: argparse.Namespace) -> int:
    if not is_workspace(args.workspace):
        Workspace.open(args.workspace)  # a missing folder is an input error (2), not a problem found (1)
    summary = CheckSummary()
    problems = check_workspace(args.workspace, summary)
    for problem in problems:
        print(_shown(problem))
    if problems:
        print(f"{plural(len(problems), 'problem')} found", file=sys.stderr)
        return 1
    print(f"ok: {summary.sources} sources, {summary.reviewers} reviewers, {summary.annotations} annotations", file=sys.stderr)
    return 0


def _shown(problem: Problem) -> str:
    """The problem with its path relative to the current folder when it lies below it."""
    path = Path(problem.path)
    try:
        path = Path(os.path.relpath(path)) if Path(path).resolve().is_relative_to(Path.cwd().resolve()) else path
    except (OSError, ValueError):
        pass
    return str(Problem(path, problem.line, problem.message))


def _configure_reviewer(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", nargs="?", help="the reviewer name to annotate as (omit to print the current one)")


@command("reviewer", "print or set the reviewer name your annotations are saved under", _configure_reviewer)
def reviewer(args: argparse.Namespace) -> int:
    settings = load_settings()
    if args.name is None:
        print(settings.reviewer or "no reviewer name set: run 'sidelight reviewer NAME'")
        return 0 if settings.reviewer else 1
    settings.reviewer = validate_reviewer(args.name)
    path = save_settings(settings)
    print(f"annotating as '{settings.reviewer}' (saved in {path})")
    return 0
