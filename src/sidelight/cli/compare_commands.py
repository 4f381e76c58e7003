"""``compare`` and ``eval``: claim alignment from the command line.

``sidelight compare`` aligns a workspace's sources (or files imported into a throw-away
workspace) and prints the claim groups as text, JSON (for scripts) or a standalone HTML page.
``sidelight eval`` scores the aligner and the plain TF-IDF baseline against a gold set.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

from sidelight.cli import command, plural
from sidelight.cli.console import TerminalProgress, takes_any_character
from sidelight.cli.source_commands import report_problems
from sidelight.core.alignment.report import (
    counts_line,
    format_for,
    labels_of,
    render_csv,
    render_html,
    render_text,
    shorten,
)
from sidelight.core.errors import SidelightError
from sidelight.core.workspace import Workspace, is_workspace


def _configure_compare(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="WORKSPACE|FILE",
                   help="a workspace folder (default: current folder), or article files to compare")
    p.add_argument("--documents", nargs="+", metavar="ID", help="only these source ids (see 'sidelight list')")
    p.add_argument("--format", choices=("text", "json", "html", "csv"), default=None,
                   help="text (the default), json, html, or csv: one row per claim, one column per document "
                        "(the coverage matrix with its sentences); with --output, the file's extension chooses")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write to FILE (UTF-8, atomically) instead of standard output")
    p.add_argument("--no-cache", action="store_true", help="align afresh instead of reusing a cached result")
    p.add_argument("--no-context", action="store_true",
                   help="with --documents: align only those, not together with the workspace's other sources")
    _embedding_options(p)


def _embedding_options(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--embeddings", dest="use_embeddings", action="store_true", default=None,
                       help="add the optional sentence-embedding signal (needs the model installed, see README)")
    group.add_argument("--no-embeddings", dest="use_embeddings", action="store_false",
                       help="score claims lexically only (the default)")
    p.add_argument("--strict", action="store_true",
                   help="link only the surest matches (fewer links, nearly all right; see README)")


@command("compare", "align the claims of the sources: shared, partial and unique claims, conflicts", _configure_compare)
def compare(args: argparse.Namespace) -> int:
    from sidelight.core.alignment import Alignment, align_workspace

    if args.output is not None and Path(args.output).is_dir():  # said before minutes of aligning, not after
        raise SidelightError(Path(args.output), "is a folder: give a file name for --output")
    chosen = _workspace_for(args.paths)
    with chosen as ws:
        if args.documents is None and len(ws.sources) == 0:
            if chosen.tmp is not None:  # never name the throw-away folder: the files are the problem
                raise SidelightError(None, "none of the files could be imported, so there is nothing to compare")
            raise SidelightError(ws.root, "no sources to compare")
        if args.documents is not None and chosen.tmp is not None:
            raise SidelightError(None, "--documents chooses among a workspace's sources; with files, name the files")
        if chosen.tmp is not None and len(ws.sources) < 2:  # the files named, not a throw-away workspace
            if len(chosen.paths) == 1:
                raise SidelightError(None, "compare needs at least two documents: name two or more files, or a workspace folder")
            raise SidelightError(None, f"compare needs at least two documents: only {len(ws.sources)} of the "
                                       f"{len(chosen.paths)} files named could be imported")
        left_out = report_problems(ws) if chosen.tmp is None else []  # sources not compared: which and why
        _check_two_documents(ws, args.documents)
        documents = args.documents if args.documents is not None or chosen.tmp is None else chosen.order
        progress = TerminalProgress()
        try:
            result: Alignment = align_workspace(ws, documents=documents, use_cache=not args.no_cache,
                                                use_embeddings=args.use_embeddings, strict=args.strict,
                                                use_context=not args.no_context, progress=progress)
        finally:
            progress.clear()
        for problem in result.problems:
            print(f"warning: {problem}", file=sys.stderr)
        for document in result.documents:
            if not result.units_of(document.id):
                print(f"warning: {document.id}: no text to compare (its cleaned text is empty)", file=sys.stderr)
        fmt = args.format or (format_for(args.output) if args.output else "text")
        to_file = args.output is not None
        if fmt == "json":
            data = result.to_json()
            data["problems"] = [*left_out, *data["problems"], *chosen.refused_messages]
            if chosen.tmp is not None:  # files, not a workspace: the cleaned texts the offsets index are gone
                for entry, document in zip(data["documents"], result.documents):
                    entry["text"] = document.text
            ascii_only = not to_file and not takes_any_character(sys.stdout)
            output = json.dumps(data, ensure_ascii=ascii_only, indent=1) + "\n"
        elif fmt == "html":
            output = render_html(result)
        elif fmt == "csv":
            output = render_csv(result)
        else:
            output = render_text(result)
        if to_file:
            _write(Path(args.output), output)
            print(f"wrote {args.output}: {counts_line(result)}", file=sys.stderr)
        else:
            if fmt == "csv":
                _warn_if_letters_lost(output)
            sys.stdout.write(output)
    return 1 if chosen.refused or left_out else 0


def _write(path: Path, text: str) -> None:
    """UTF-8, whole or not at all: an earlier file of that name stays until the new one is complete."""
    from sidelight.io.atomic import atomic_write_text

    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise SidelightError(path, f"could not be written: {exc.strerror or exc}") from None


def _warn_if_letters_lost(table: str) -> None:
    """CSV is data, not reading: a "?" printed for a letter is a loss, so say so."""
    if takes_any_character(sys.stdout) or table.isascii():
        return
    try:
        table.encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        print(f"warning: the output's encoding ({sys.stdout.encoding}) cannot hold every letter: those it cannot "
              "are written as '?'; use --output FILE (UTF-8) or set PYTHONIOENCODING=utf-8", file=sys.stderr)


def _check_two_documents(ws: Workspace, documents: list[str] | None) -> None:
    """One document has nothing to be compared with: say so rather than print an empty comparison."""
    if documents is not None:
        for source_id in documents:
            ws.get(source_id)  # an unknown id is named, with the ids there are
    if documents is not None and len(set(documents)) < 2:
        twice = " (the same one twice)" if len(documents) > 1 else ""
        raise SidelightError(None, f"compare needs at least two documents: --documents names one{twice}")
    if documents is None and len(ws.sources) < 2:
        raise SidelightError(None, f"compare needs at least two documents (there is {plural(len(ws.sources), 'source')})")


class _workspace_for:
    """The workspace named, or a temporary one holding the files named (removed afterwards)."""

    def __init__(self, paths: list[str]):
        self.paths = paths
        self.tmp: tempfile.TemporaryDirectory | None = None
        self.refused = 0  # files that could not be imported, reported on stderr
        self.refused_messages: list[str] = []
        self.order: list[str] = []  # source ids of the files, in the order given

    def __enter__(self) -> Workspace:
        if not self.paths:
            return Workspace.open(".")
        if len(self.paths) == 1 and not Path(self.paths[0]).exists():  # a mistyped workspace, usually
            raise SidelightError(self.paths[0], "no such workspace folder or file")
        if len(self.paths) == 1 and Path(self.paths[0]).is_dir():
            return Workspace.open(self.paths[0])
        folders = [p for p in self.paths if Path(p).is_dir()]
        if folders:
            raise SidelightError(folders[0], "give either one workspace folder or article files, not both")
        seen: set[Path] = set()
        for path in self.paths:  # a file compared with itself is "all shared", which says nothing
            if Path(path).resolve() in seen:
                raise SidelightError(path, "named twice: compare needs different documents")
            seen.add(Path(path).resolve())
        self.tmp = tempfile.TemporaryDirectory(prefix="sidelight-compare-")
        ws = Workspace.create(self.tmp.name)
        # Two outlets running the same wire copy is a case to compare, not a duplicate to refuse.
        report = ws.import_files(self.paths, allow_duplicates=True)
        for problem in report.refused:
            print(f"sidelight: {problem}", file=sys.stderr)
        self.refused = len(report.refused)
        self.refused_messages = [str(problem) for problem in report.refused]
        self.order = [source.id for source in report.imported]
        return ws

    def __exit__(self, *exc) -> None:
        if self.tmp is not None:
            self.tmp.cleanup()




def _configure_eval(p: argparse.ArgumentParser) -> None:
    p.add_argument("workspace", nargs="?", default=".", help="workspace holding the gold set's sources (default: .)")
    p.add_argument("--gold", action="append", metavar="PATH",
                   help="gold set YAML (default: benchmarks/gold/seed_claims.yaml of this source tree); "
                        "give it twice or more for several annotators: their agreement and their consensus "
                        "are scored too")
    p.add_argument("--errors", action="store_true",
                   help="also list the links the aligner misses and those it makes wrongly (on the consensus "
                        "when several gold sets are given)")
    _embedding_options(p)


@command("eval", "score claim alignment and a plain TF-IDF baseline against a gold set", _configure_eval)
def evaluate_alignment(args: argparse.Namespace) -> int:
    from sidelight.core.alignment import align
    from sidelight.core.alignment.baseline import THRESHOLD as BASELINE_THRESHOLD
    from sidelight.core.alignment.baseline import baseline_groups
    from sidelight.core.alignment.evaluation import (
        agreement,
        consensus,
        default_gold_path,
        evaluate,
        evaluate_conflicts,
        judge,
        load_gold,
        recall_ceiling,
    )

    gold_paths = [Path(p) for p in args.gold] if args.gold else [default_gold_path()]
    golds = [load_gold(p) for p in gold_paths]
    ws = Workspace.open(args.workspace) if is_workspace(args.workspace) else None
    if ws is None:
        raise SidelightError(args.workspace, "not a Sidelight workspace")
    for path, gold in zip(gold_paths, golds):
        _check_gold_fits(gold.sources, ws, path, default=not args.gold)
    sources = [ws.get(s) for s in sorted(set().union(*(g.sources for g in golds)))]
    texts = {s.id: s.text for s in sources}
    result = align(sources, use_embeddings=args.use_embeddings, strict=args.strict)
    judgements = []
    for path, g in zip(gold_paths, golds):
        try:
            judgements.append(judge(g, result.units, texts))
        except SidelightError as exc:  # which of the gold sets named it
            raise SidelightError(path, exc.problem) from None
    named = list(zip((p.name for p in gold_paths), judgements))
    print(f"scored by: {result.method}")
    if len(golds) > 1:
        for (name_a, a), (name_b, b) in itertools.combinations(named, 2):
            print(f"agreement {name_a} / {name_b}: {agreement(a, b, result.units).line()}")
        named.append(("consensus", consensus(judgements)))
    groups = [g.units for g in result.groups]
    for name, truth in named:
        prefix = f"[{name}] " if len(named) > 1 else ""
        print(f"{prefix}gold: {recall_ceiling(truth, result.units).line()}")
        print(f"{prefix}aligner:  {evaluate(truth, result.units, groups, texts).line()}")
        print(f"{prefix}baseline (TF-IDF cosine >= {BASELINE_THRESHOLD}): "
              f"{evaluate(truth, result.units, baseline_groups(result.units), texts).line()}")
    if args.errors:
        _print_link_errors(named[-1][1], result)
    conflict_gold = default_gold_path().with_name("seed_conflicts.yaml")
    if conflict_gold.is_file() and all(s.id in texts for s in ws.sources):
        try:  # the sample's conflict gold: scored whenever the sample's sources are the ones aligned
            print(f"aligner:  {evaluate_conflicts(conflict_gold, result, texts).line()}")
        except SidelightError:
            pass  # written for other sources
    return 0


def _print_link_errors(truth, result) -> None:
    from sidelight.core.alignment.evaluation import link_errors

    labels = labels_of(result)
    missed, wrong = link_errors(truth, result.units, [g.units for g in result.groups])
    for title, pairs in (("missed (the gold links them, the aligner does not)", missed),
                         ("wrong (the aligner links them, the gold does not allow it)", wrong)):
        print(f"\n{len(pairs)} {title}:")
        for pair in pairs:
            a, b = sorted(pair)
            for uid in (a, b):
                unit = result.unit(uid)
                print(f"  {labels[unit.document]}: {shorten(unit.text, 140)}")
            print()


def _check_gold_fits(gold_sources: set[str], ws: Workspace, gold_path: Path, default: bool) -> None:
    """Refuse a gold set written for other sources, saying which gold set and which sources."""
    missing = sorted(gold_sources - {s.id for s in ws.sources})
    if not missing:
        return
    if default:
        raise SidelightError(None, f"the gold set ({gold_path}) is for the sample workspace's sources; "
                                   f"this workspace lacks {', '.join(missing)}: pass --gold PATH")
    raise SidelightError(None, f"the gold set ({gold_path}) names sources this workspace lacks: {', '.join(missing)}")

