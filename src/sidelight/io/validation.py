"""``sidelight check``: every problem in a workspace's files, as ``file:line: message``.

The same function feeds the command line and the window's problem list. It never stops at the
first bad file: each source, the codebook and each annotation file is read on its own, so one
broken file (a bad merge, a stray tab) is reported while everything else is still checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sidelight.core.anchoring import Selector, locate
from sidelight.core.annotation_set import SourceText
from sidelight.core.annotations import AnnotationFile
from sidelight.core.codebook import CODEBOOK_FILE, Codebook, default_codebook, load_codebook
from sidelight.core.document_values import document_problems
from sidelight.core.errors import SidelightError
from sidelight.core.settings import validate_reviewer
from sidelight.core.sources import content_hash
from sidelight.core.workspace import TEXT_FILE, Workspace
from sidelight.io import yaml_store
from sidelight.io.annotation_store import ANNOTATIONS_DIR, SUFFIX, parse_annotation_text, reviewers_in

Location = Sequence[str | int]


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


@dataclass
class CheckSummary:
    sources: int = 0
    reviewers: int = 0
    annotations: int = 0


def check_workspace(path: str | Path, summary: CheckSummary | None = None) -> list[Problem]:
    """Every problem found in the workspace at *path* (an empty list when all is well)."""
    summary = summary or CheckSummary()
    try:
        ws = Workspace.open(path)
    except SidelightError as exc:
        return [Problem(exc.path or Path(path), None, exc.problem)]
    problems = [_from_error(exc, _read_text(exc.path) if exc.path else None) for exc in ws.problems]
    summary.sources = len(ws.sources)
    for source in ws.sources:
        if not source.text.strip():
            problems.append(Problem(source.folder / TEXT_FILE, None,
                                    "the cleaned text is empty: nothing to read, annotate or compare "
                                    f"(the original is kept as {source.meta.original_file}: import it again)"))
    codebook = _check_codebook(ws.root, problems)
    _check_corrections(ws, problems)
    _check_adjudication(ws, problems)
    # Sources there but unreadable are reported once: their annotations are not "for an unknown
    # source", and saying so for every annotation file and link would bury the one real problem.
    texts: dict[str, SourceText | None] = dict.fromkeys(ws.unreadable_folders())
    texts.update({s.id: SourceText(s.text, content_hash(s.text)) for s in ws.sources})
    for reviewer in reviewers_in(ws.root):
        folder = ws.root / ANNOTATIONS_DIR / reviewer
        try:
            validate_reviewer(reviewer)
        except SidelightError as exc:
            problems.append(Problem(folder, None, exc.problem))
            continue
        summary.reviewers += 1
        seen: dict[str, Path] = {}
        for file in sorted(folder.iterdir()):
            if file.is_file() and file.suffix == SUFFIX and not file.name.startswith("."):
                summary.annotations += _check_file(file, reviewer, codebook, texts, seen, problems)
    return problems


def _check_corrections(ws: Workspace, problems: list[Problem]) -> None:
    """The alignment corrections: readable, and each about a source and a passage still there
    (one that is not is skipped when aligning, so say which)."""
    from sidelight.core.alignment.corrections import Corrections, workspace_corrections_path

    path = workspace_corrections_path(ws.root)
    if not path.exists():
        return
    try:
        corrections = Corrections.load(path)
    except SidelightError as exc:
        problems.append(_from_error(exc, _read_text(path)))
        return
    from sidelight.core.alignment.correction_review import review

    texts = {s.id: s.text for s in ws.sources}
    # found as when aligning: a sentence with a word or figure edited still counts
    for n, status in enumerate(review(corrections, texts), 1):
        action = "alone: no other outlet" if status.correction.action == "alone" else status.correction.action
        for ref in status.missing:
            if ref.source not in texts:
                problems.append(Problem(path, None, f"correction {n} ({action}) names source "
                                                    f"'{ref.source}', which is not in the workspace"))
            else:
                problems.append(Problem(path, None, f"correction {n} ({action}): {_short(ref.quote)} is no "
                                                    f"longer in {ref.source}; it is skipped when aligning "
                                                    "('sidelight corrections --drop-gone' or Claims → Saved Corrections drops it)"))


def _check_adjudication(ws: Workspace, problems: list[Problem]) -> None:
    """The review decisions: readable, and each about a sentence still in its source (one that is
    not no longer marks its sentence settled in the Review panel)."""
    from sidelight.core.review.adjudication import DECISIONS_FILE, Decisions

    path = ws.root / DECISIONS_FILE
    if not path.exists():
        return
    try:
        decisions = Decisions.load(ws.root)
    except SidelightError as exc:
        problems.append(_from_error(exc, _read_text(path)))
        return
    texts = {s.id: s.text for s in ws.sources}
    for n, decision in enumerate(decisions.items, 1):
        if decision.source not in texts:
            problems.append(Problem(path, None, f"decision {n} names source '{decision.source}', which is not in the workspace"))
        elif decision.quote not in texts[decision.source]:
            problems.append(Problem(path, None, f"decision {n}: {_short(decision.quote)} is no longer in "
                                                f"{decision.source}; the sentence shows as not yet settled"))


def _check_codebook(root: Path, problems: list[Problem]) -> Codebook:
    path = root / CODEBOOK_FILE
    if not path.exists():
        return default_codebook()
    try:
        return load_codebook(path)
    except SidelightError as exc:
        problems.append(_from_error(exc, _read_text(path)))
        return default_codebook()


def _check_file(path: Path, reviewer: str, codebook: Codebook, texts: dict[str, SourceText | None], seen: dict[str, Path], problems: list[Problem]) -> int:
    """Check one annotation file; *texts* holds None for a source that exists but could not be read."""
    source_id = path.name[: -len(SUFFIX)]
    try:
        text = _read_utf8(path)
        data, afile = parse_annotation_text(text, path, source_id, reviewer)
    except SidelightError as exc:
        problems.append(_from_error(exc, _read_text(path)))
        return 0
    found: list[tuple[Location, str]] = []
    if source_id not in texts:
        found.append((("source",), f"there is no source '{source_id}' in this workspace"))
    elif texts[source_id] is None:
        problems.append(Problem(path, None, "annotations for a source that could not be read (see above)"))
    index = _record_locations(data)
    for record_id in afile.ids():
        if record_id in seen:
            found.append((index.get(record_id, ()), f"duplicate id '{record_id}' (also in {seen[record_id].name})"))
        seen.setdefault(record_id, path)
    _check_spans(afile, codebook, texts.get(source_id), index, found)
    _check_links(afile, texts, index, found)
    if afile.document is not None:
        d = afile.document
        for message in document_problems(codebook, d.values, d.stances, d.axes):
            found.append((("document",), message))
    problems.extend(Problem(path, _line(text, location), message) for location, message in found)
    return len(afile.spans) + len(afile.links) + (afile.document is not None)


def _check_spans(afile: AnnotationFile, codebook: Codebook, source: SourceText | None, index: dict[str, Location], found: list) -> None:
    for span in afile.sorted_spans():
        where = index.get(span.id, ())
        for code_id in span.codes:
            if codebook.get(code_id) is None:
                found.append(((*where, "codes"), f"annotation {span.id}: unknown code '{code_id}'"))
        groups = [codebook.get(c).group for c in span.codes if codebook.get(c) is not None]  # type: ignore[union-attr]
        for group_id in sorted({g for g in groups if groups.count(g) > 1}):
            group = next((g for g in codebook.groups if g.id == group_id), None)
            if group is not None and group.exclusive:
                found.append(((*where, "codes"), f"annotation {span.id}: more than one code of '{group.name}', which allows one"))
        if source is not None:
            found += _selector_problems(f"annotation {span.id}", span.selector, source, (*where, "selector"))


def _check_links(afile: AnnotationFile, texts: dict[str, SourceText | None], index: dict[str, Location], found: list) -> None:
    for link in afile.sorted_links():
        where = index.get(link.id, ())
        for name, end in (("a", link.a), ("b", link.b)):
            source = texts.get(end.source_id)
            if end.source_id not in texts:
                found.append(((*where, name), f"link {link.id}: end {name} is in unknown source '{end.source_id}'"))
            elif source is not None:  # an unreadable source is reported once, on its own
                found += _selector_problems(f"link {link.id}, end {name}", end.selector, source, (*where, name, "selector"))


def _selector_problems(what: str, selector: Selector, source: SourceText, where: Location) -> list[tuple[Location, str]]:
    if selector.source_hash == source.hash:
        if selector.end > len(source.text):
            return [(where, f"{what}: offsets {selector.start}-{selector.end} are out of range (the text has {len(source.text)} characters)")]
        if source.text[selector.start:selector.end] != selector.exact:
            return [(where, f"{what}: the quote does not match the text at offsets {selector.start}-{selector.end}")]
        return []
    if locate(selector, source.text, source.hash) is None:
        return [(where, f"{what}: orphan: the quote {_short(selector.exact)} is no longer in the source text; place it again")]
    return []


def _record_locations(data: dict[str, Any]) -> dict[str, Location]:
    index: dict[str, Location] = {}
    for section in ("annotations", "links"):
        for i, entry in enumerate(data.get(section) or []):
            if isinstance(entry, dict) and entry.get("id") is not None:
                index.setdefault(str(entry["id"]), (section, i))
    document = data.get("document")
    if isinstance(document, dict) and document.get("id") is not None:
        index.setdefault(str(document["id"]), ("document",))
    return index


def _from_error(exc: SidelightError, text: str | None) -> Problem:
    location = getattr(exc, "location", None)
    line = _line(text, location) if text is not None and location is not None else None
    problem = exc.problem
    if line is None and text is not None:
        line = _line_in_message(problem)
        if line is not None:  # "file:7: malformed YAML (line 7: ...)" would say it twice
            problem = problem.replace(f"(line {line}: ", "(", 1)
    return Problem(exc.path or Path("."), line, problem)


def _line_in_message(problem: str) -> int | None:
    """The line number yaml_store puts in a malformed-YAML message ("... (line 7: ...)")."""
    marker = "(line "
    if marker in problem:
        digits = problem.split(marker, 1)[1].split(":", 1)[0]
        if digits.isdigit():
            return int(digits)
    return None


def _line(text: str, location: Location) -> int | None:
    """The 1-based line of the node at *location* (a key path), as near as the file allows."""
    try:
        node = yaml.compose(text, Loader=yaml_store.SafeLoader)
    except Exception:  # noqa: BLE001 - a file that does not compose has no lines to point at
        return None
    if node is None:
        return None
    line = node.start_mark.line + 1
    for key in location:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(key)), None)
            if pair is None:
                break
            line, node = pair[0].start_mark.line + 1, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _read_utf8(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise SidelightError(path, "not UTF-8 text") from None
    except OSError as exc:
        raise SidelightError(path, f"cannot read ({exc.strerror})") from None


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _short(quote: str) -> str:
    return repr(quote if len(quote) <= 40 else quote[:37] + "...")
