"""Three-way merge of one reviewer's annotation file, when it changed on disk under unsaved work.

A colleague's ``git pull`` or a second window changes the file while this session has changes of
its own. Neither "keep mine" nor "take theirs" is what a researcher wants when the two touched
different annotations: records carry ids, so each one is settled alone against the version both
started from. A record changed on one side only takes that side (a deletion included); changed on
both sides to different values, this session's version is kept and counted, so the researcher is
told how many such records there were.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

from sidelight.core.annotations import AnnotationFile

T = TypeVar("T")


@dataclass(frozen=True)
class MergeResult:
    merged: AnnotationFile
    both_changed: int  # records both sides changed differently: this session's version kept
    taken: int  # records taken from the file on disk (added, changed or deleted there)


def snapshot(afile: AnnotationFile) -> AnnotationFile:
    """A copy that later edits of ``afile`` do not reach (records are immutable, the dicts not)."""
    return replace(afile, spans=dict(afile.spans), links=dict(afile.links))


def _settle(base: T | None, mine: T | None, theirs: T | None) -> tuple[T | None, str]:
    if mine == base:
        return theirs, "" if theirs == base else "taken"
    if theirs == base or theirs == mine:
        return mine, ""
    return mine, "both"


def merge_files(base: AnnotationFile | None, mine: AnnotationFile, theirs: AnnotationFile) -> MergeResult:
    """``mine`` and ``theirs`` merged against ``base`` (None: the file did not exist then)."""
    base = base or AnnotationFile(mine.source_id, mine.reviewer)
    counts = {"": 0, "taken": 0, "both": 0}
    merged = AnnotationFile(mine.source_id, mine.reviewer)
    for name in ("spans", "links"):
        ours, yours, old = getattr(mine, name), getattr(theirs, name), getattr(base, name)
        result = getattr(merged, name)
        for record_id in sorted(set(ours) | set(yours) | set(old)):
            record, how = _settle(old.get(record_id), ours.get(record_id), yours.get(record_id))
            counts[how] += 1
            if record is not None:
                result[record_id] = record
    merged.document, how = _settle(base.document, mine.document, theirs.document)
    counts[how] += 1
    return MergeResult(merged, counts["both"], counts["taken"])
