"""Annotation files on disk: ``annotations/<reviewer>/<source-id>.yaml``, one per reviewer and
source, so that two reviewers never edit the same file and a git merge rarely conflicts.

Reading records each file's fingerprint (mtime, size, SHA-256). Writing first compares the file
on disk with the fingerprint it was loaded with: if someone else changed it meanwhile (a git pull,
a colleague on a shared drive) the write is refused with :class:`AnnotationConflict` rather than
overwriting their work. Writes are atomic (``sidelight.io.atomic``): the old file stays whole
until the new one is complete.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sidelight.core.annotations import AnnotationFile
from sidelight.core.errors import SidelightError
from sidelight.core.settings import validate_reviewer
from sidelight.io import annotation_format, yaml_store
from sidelight.io.annotation_cache import AnnotationCache
from sidelight.io.annotation_format import file_from_yaml, file_to_yaml, migrate
from sidelight.io.atomic import atomic_write_bytes

ANNOTATIONS_DIR = "annotations"
SUFFIX = ".yaml"


@dataclass(frozen=True)
class Fingerprint:
    """What a file looked like when we read or wrote it."""

    mtime_ns: int
    size: int
    sha256: str

    def key(self) -> list[Any]:
        return [self.mtime_ns, self.size, self.sha256]


class AnnotationConflict(SidelightError):
    """The file changed on disk since it was loaded; the in-memory version was not written."""

    def __init__(self, path: Path, source_id: str):
        super().__init__(path, "changed on disk since it was opened (a git pull or a colleague?); "
                         "your version was not written: reload theirs or keep yours")
        self.source_id = source_id


@dataclass
class LoadedFile:
    path: Path
    annotations: AnnotationFile
    fingerprint: Fingerprint
    from_cache: bool = False


@dataclass
class LoadedAnnotations:
    """Every annotation file that could be read, and a problem for each one that could not."""

    files: dict[tuple[str, str], LoadedFile] = field(default_factory=dict)  # (reviewer, source id)
    problems: list[SidelightError] = field(default_factory=list)
    blocked: set[tuple[str, str]] = field(default_factory=set)  # files present but unreadable


def annotation_path(root: Path, reviewer: str, source_id: str) -> Path:
    return root / ANNOTATIONS_DIR / validate_reviewer(reviewer) / f"{source_id}{SUFFIX}"


def fingerprint_of(path: Path) -> Fingerprint | None:
    """The file's fingerprint now, or None when it does not exist."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
            stat = os.fstat(handle.fileno())
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SidelightError(path, f"cannot read ({exc.strerror})") from None
    return Fingerprint(stat.st_mtime_ns, len(raw), hashlib.sha256(raw).hexdigest())


def parse_annotation_text(text: str, path: Path, source_id: str | None = None, reviewer: str | None = None) -> tuple[dict[str, Any], AnnotationFile]:
    """Safe-load, migrate and read one file's text; raises SidelightError naming the problem."""
    data = migrate(yaml_store.loads(text, path), path)
    return data, file_from_yaml(data, path, source_id, reviewer)


def read_annotation_file(root: Path, reviewer: str, source_id: str, cache: AnnotationCache | None = None) -> LoadedFile:
    path = annotation_path(root, reviewer, source_id)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
            stat = os.fstat(handle.fileno())
    except FileNotFoundError:
        raise SidelightError(path, "file not found") from None
    except OSError as exc:
        raise SidelightError(path, f"cannot read ({exc.strerror})") from None
    fingerprint = Fingerprint(stat.st_mtime_ns, len(raw), hashlib.sha256(raw).hexdigest())
    relative = path.relative_to(root / ANNOTATIONS_DIR)
    data = cache.get(relative, fingerprint) if cache else None
    if data is not None:
        return LoadedFile(path, file_from_yaml(data, path, source_id, reviewer), fingerprint, from_cache=True)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SidelightError(path, "not UTF-8 text") from None
    data, annotations = parse_annotation_text(text, path, source_id, reviewer)
    if cache:
        cache.put(relative, fingerprint, data)
    return LoadedFile(path, annotations, fingerprint)


def check_unchanged(path: Path, expected: Fingerprint | None, key: str) -> None:
    """Raise AnnotationConflict unless *path* still holds what was read (None: no file then)."""
    current = fingerprint_of(path)
    if (current is None) != (expected is None) or (current and expected and current.sha256 != expected.sha256):
        raise AnnotationConflict(path, key)


def write_annotation_file(root: Path, annotations: AnnotationFile, expected: Fingerprint | None, cache: AnnotationCache | None = None) -> Fingerprint:
    """Write atomically unless the file changed since *expected* (None: it did not exist)."""
    path = annotation_path(root, annotations.reviewer, annotations.source_id)
    check_unchanged(path, expected, annotations.source_id)
    data = file_to_yaml(annotations)
    raw = annotation_format.dumps(annotations).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, raw)
        stat = path.stat()
    except OSError as exc:
        raise SidelightError(path, f"cannot save ({exc.strerror}); your changes are still open in Sidelight") from None
    fingerprint = Fingerprint(stat.st_mtime_ns, len(raw), hashlib.sha256(raw).hexdigest())
    if cache:
        cache.put(path.relative_to(root / ANNOTATIONS_DIR), fingerprint, data)
    return fingerprint


def reviewers_in(root: Path) -> list[str]:
    """Reviewer folders under annotations/ (any name; invalid ones are reported by loaders)."""
    folder = root / ANNOTATIONS_DIR
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def load_annotations(root: Path, reviewers: list[str] | None = None, use_cache: bool = True) -> LoadedAnnotations:
    """Read the annotation files of *reviewers* (default: all); bad files become problems."""
    result = LoadedAnnotations()
    cache = AnnotationCache(root) if use_cache else None
    for reviewer in reviewers if reviewers is not None else reviewers_in(root):
        folder = root / ANNOTATIONS_DIR / reviewer
        try:
            validate_reviewer(reviewer)
        except SidelightError as exc:
            result.problems.append(SidelightError(folder, exc.problem))
            continue
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or path.suffix != SUFFIX or not path.is_file():
                continue
            source_id = path.name[: -len(SUFFIX)]
            try:
                result.files[(reviewer, source_id)] = read_annotation_file(root, reviewer, source_id, cache)
            except SidelightError as exc:
                result.problems.append(exc)
                result.blocked.add((reviewer, source_id))
    return result
