"""The annotation session: what the window (or a script) talks to while a reviewer annotates.

It loads the workspace's codebook and the reviewer's annotation files, places every annotation
on the current source texts (re-anchoring where a text changed, listing orphans), turns every
edit into an undoable command, tells subscribers what changed with plain-Python events, and
saves only the files that changed.

Saving is driven from outside: after each change ``pending`` is true and the window restarts a
short timer (``Settings.autosave_delay_ms``) that calls :meth:`flush`; scripts call
:meth:`flush` or use the session as a context manager. A file changed on disk by someone else
since it was loaded is never overwritten: :meth:`flush` reports an
:class:`~sidelight.io.annotation_store.AnnotationConflict`, keeps the in-memory version, and
the researcher chooses with :meth:`resolve_conflict`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sidelight.core import events
from sidelight.core.anchoring import make_selector
from sidelight.core.annotation_merge import MergeResult, merge_files, snapshot
from sidelight.core.annotation_set import AnnotationSet, Record, SourceText, place_file
from sidelight.core.annotations import (
    RELATIONS,
    AnnotationFile,
    DocumentAnnotation,
    Link,
    LinkEnd,
    SpanAnnotation,
    Stance,
    new_id,
    now,
)
from sidelight.core.codebook import CODEBOOK_FILE, Code, Codebook, PerspectiveAxis, default_codebook, load_codebook
from sidelight.core.commands import Command, CommandStack, MacroCommand
from sidelight.core.document_values import document_problems
from sidelight.core.errors import SidelightError
from sidelight.core.settings import load_settings, validate_reviewer
from sidelight.core.sources import content_hash
from sidelight.core.workspace import Workspace
from sidelight.io import annotation_store, yaml_store
from sidelight.io.annotation_cache import AnnotationCache
from sidelight.io.annotation_store import AnnotationConflict, Fingerprint, fingerprint_of

CODEBOOK = "codebook"  # the conflict key of codebook.yaml (annotation files use their source id)


@dataclass
class SaveReport:
    saved: list[Path] = field(default_factory=list)
    conflicts: list[AnnotationConflict] = field(default_factory=list)
    errors: list[SidelightError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.conflicts and not self.errors


@dataclass
class RecordChange:
    """Replace one record by another (add: before is None; delete: after is None)."""

    label: str
    session: AnnotationSession
    source_id: str
    before: Record | None
    after: Record | None
    before_orphan: bool = False
    after_orphan: bool = False

    @property
    def files(self) -> frozenset[str]:
        return frozenset((self.source_id,))

    def do(self) -> None:
        self.session._apply(self.source_id, self.before, self.after, self.after_orphan)

    def undo(self) -> None:
        self.session._apply(self.source_id, self.after, self.before, self.before_orphan)


@dataclass
class CodebookChange:
    label: str
    session: AnnotationSession
    before: Codebook
    after: Codebook

    files = frozenset((CODEBOOK,))

    def do(self) -> None:
        self.session._set_codebook(self.after)

    def undo(self) -> None:
        self.session._set_codebook(self.before)


class AnnotationSession(events.Observable):
    def __init__(self, workspace: Workspace, reviewer: str, use_cache: bool = True,
                 clock: Callable[[], str] = now, make_id: Callable[[str], str] = new_id):
        """*clock* and *make_id* are replaceable so that generated sample files are reproducible."""
        super().__init__()
        self._now = clock
        self._new_id = make_id
        self.workspace = workspace
        self.root = workspace.root
        self.reviewer = validate_reviewer(reviewer)
        self.stack = CommandStack()
        self.annotations = AnnotationSet(self.reviewer)
        self.problems: list[SidelightError] = []
        self.conflicts: dict[str, AnnotationConflict] = {}
        self.codebook = default_codebook()
        self._cache = AnnotationCache(self.root) if use_cache else None
        self._texts = {s.id: SourceText(s.text, content_hash(s.text)) for s in workspace.sources}
        self._fingerprints: dict[str, Fingerprint | None] = {}
        self._base: dict[str, AnnotationFile] = {}  # per file, as last read or written: a merge's base
        self._blocked: dict[str, SidelightError] = {}
        self._codebook_dirty = False
        self.codebook_written = False  # True when opening wrote the default codebook into the workspace
        self._queued: list[events.Event] = []
        self._others: dict[tuple[str, str], AnnotationFile] | None = None

    @classmethod
    def open(cls, workspace: Workspace | str | Path, reviewer: str | None = None, use_cache: bool = True,
             clock: Callable[[], str] = now, make_id: Callable[[str], str] = new_id) -> AnnotationSession:
        """Open *workspace* for *reviewer* (default: the reviewer name in the settings)."""
        if not isinstance(workspace, Workspace):
            workspace = Workspace.open(workspace)
        if reviewer is None:
            reviewer = load_settings().reviewer
            if reviewer is None:
                raise SidelightError(None, "no reviewer name is set yet: choose one before annotating")
        session = cls(workspace, reviewer, use_cache, clock, make_id)
        session._load_codebook()
        session._load_own()
        return session

    def __enter__(self) -> AnnotationSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- loading ---------------------------------------------------------------------------
    @property
    def codebook_path(self) -> Path:
        return self.root / CODEBOOK_FILE

    def _load_codebook(self) -> None:
        path = self.codebook_path
        fingerprint = fingerprint_of(path)
        if fingerprint is None:
            self._fingerprints[CODEBOOK] = None
            self._codebook_dirty = True  # a new workspace starts from the default codebook
            report = SaveReport()
            self._save_codebook(report)
            self.codebook_written = path in report.saved  # said to the researcher: a file appeared
            return
        try:
            self.codebook = load_codebook(path)
            self._fingerprints[CODEBOOK] = fingerprint
        except SidelightError as exc:
            self.problems.append(exc)
            self._blocked[CODEBOOK] = exc

    def _load_own(self) -> None:
        loaded = annotation_store.load_annotations(self.root, [self.reviewer], use_cache=self._cache is not None)
        self.problems += loaded.problems
        for (_reviewer, source_id) in loaded.blocked:
            self._blocked[source_id] = next(p for p in loaded.problems if p.path and p.path.stem == source_id)
        for (_reviewer, source_id), item in sorted(loaded.files.items()):
            self._fingerprints[source_id] = item.fingerprint
            self._place_loaded(source_id, item.annotations, item.path)

    def _place_loaded(self, source_id: str, afile: AnnotationFile, path: Path) -> None:
        if source_id not in self._texts:
            problem = SidelightError(path, f"annotations for '{source_id}', which is not a source in this workspace")
            self.problems.append(problem)
            self._blocked[source_id] = problem
            return
        placed, report = place_file(afile, self._texts)
        try:
            self.annotations.put_file(placed, report.orphans)
        except SidelightError as exc:
            problem = SidelightError(path, exc.problem)
            self.problems.append(problem)
            self._blocked[source_id] = problem
            return
        self._base[source_id] = snapshot(placed)  # what a later three-way merge starts from
        if report.moved:
            self.annotations.dirty.add(source_id)  # save the new positions with the next flush
        if report.moved or report.orphans:
            self.emit(events.Event(events.REANCHORED, source_id, report.orphans,
                                   f"{report.moved} moved to follow the edited text, {len(report.orphans)} could not be placed"))

    # -- reading ---------------------------------------------------------------------------
    @property
    def sources(self) -> list[str]:
        return [s.id for s in self.workspace.sources]

    def spans(self, source_id: str, include_orphans: bool = False) -> list[SpanAnnotation]:
        return self.annotations.spans(source_id, include_orphans)

    def spans_at(self, source_id: str, offset: int) -> list[SpanAnnotation]:
        return self.annotations.spans_at(source_id, offset)

    def get(self, record_id: str) -> Record:
        return self.annotations.get(record_id)

    def document(self, source_id: str) -> DocumentAnnotation | None:
        return self.annotations.document(source_id)

    def links(self, source_id: str | None = None) -> list[Link]:
        return self.annotations.links(source_id)

    def orphans(self, source_id: str | None = None) -> list[SpanAnnotation | Link]:
        return self.annotations.orphan_records(source_id)

    def blocked(self, key: str) -> SidelightError | None:
        """Why the file of *key* (a source id or "codebook") cannot be edited now, if it cannot."""
        return self._blocked.get(key)

    def is_orphan(self, record_id: str) -> bool:
        return record_id in self.annotations.orphans

    def find(self, code: str | None = None, text: str | None = None, note: str | None = None, source_id: str | None = None) -> list[SpanAnnotation]:
        return self.annotations.find(self.codebook, code, text, note, source_id)

    def reviewers(self) -> list[str]:
        """Every reviewer with an annotations folder, this one included."""
        return sorted(set(annotation_store.reviewers_in(self.root)) | {self.reviewer})

    def file_of(self, reviewer: str, source_id: str) -> AnnotationFile | None:
        """A reviewer's annotations on a source, placed on the current text (read-only)."""
        if reviewer == self.reviewer:
            return self.annotations.files.get(source_id)
        if self._others is None:
            self.reload_others()
        assert self._others is not None
        return self._others.get((reviewer, source_id))

    def reload_others(self) -> None:
        """Re-read the other reviewers' files (after a git pull, say)."""
        others = [r for r in annotation_store.reviewers_in(self.root) if r != self.reviewer]
        loaded = annotation_store.load_annotations(self.root, others, use_cache=self._cache is not None)
        self._others = {key: place_file(item.annotations, self._texts)[0] for key, item in loaded.files.items()}

    # -- editing spans ---------------------------------------------------------------------
    def add_span(self, source_id: str, start: int, end: int, codes: Sequence[str] = (), note: str = "", target: str = "") -> SpanAnnotation:
        source = self._writable_text(source_id)
        codes = self._checked_codes(codes)
        stamp = self._now()
        span = SpanAnnotation(self._new_id("a"), source_id, self.reviewer, make_selector(source.text, start, end, source.hash),
                              codes, note.strip(), target.strip(), stamp, stamp)
        self._push(RecordChange(f"Add annotation{self._codes_label(codes)}", self, source_id, None, span))
        return span

    def edit_span(self, annotation_id: str, *, codes: Sequence[str] | None = None, note: str | None = None,
                  target: str | None = None, start: int | None = None, end: int | None = None) -> SpanAnnotation:
        before = self._span(annotation_id)
        changes: dict[str, object] = {}
        labels: list[str] = []
        if codes is not None and tuple(codes) != before.codes:
            changes["codes"] = self._checked_codes(codes)
            labels.append(f"Set codes{self._codes_label(changes['codes'])}")  # type: ignore[arg-type]
        if note is not None and note.strip() != before.note:
            changes["note"] = note.strip()
            labels.append("Edit note")
        if target is not None and target.strip() != before.target:
            changes["target"] = target.strip()
            labels.append("Edit target")
        if start is not None or end is not None:
            source = self._writable_text(before.source_id)
            s = before.start if start is None else start
            e = before.end if end is None else end
            if (s, e) != (before.start, before.end) or self.is_orphan(annotation_id):
                changes["selector"] = make_selector(source.text, s, e, source.hash)
                labels.append("Move annotation")
        if not changes:
            return before
        after = dataclasses.replace(before, modified=self._now(), **changes)  # type: ignore[arg-type]
        label = labels[0] if len(labels) == 1 else "Edit annotation"
        self._push_change(label, before.source_id, before, after)
        return after

    def set_codes(self, annotation_id: str, codes: Sequence[str]) -> SpanAnnotation:
        return self.edit_span(annotation_id, codes=codes)

    def toggle_code(self, annotation_id: str, code_id: str) -> SpanAnnotation:
        """Add or remove one code; in an exclusive group (polarity, aim) it replaces its sibling."""
        span = self._span(annotation_id)
        if code_id in span.codes:
            return self.edit_span(annotation_id, codes=[c for c in span.codes if c != code_id])
        code = self.codebook.code(code_id)
        codes = list(span.codes)
        if self.codebook.group(code.group).exclusive:
            codes = [c for c in codes if (self.codebook.get(c) or code).group != code.group]
        return self.edit_span(annotation_id, codes=codes + [code_id])

    def set_note(self, annotation_id: str, note: str) -> SpanAnnotation:
        return self.edit_span(annotation_id, note=note)

    def set_target(self, annotation_id: str, target: str) -> SpanAnnotation:
        return self.edit_span(annotation_id, target=target)

    def move_span(self, annotation_id: str, start: int, end: int) -> SpanAnnotation:
        """New boundaries (also how an orphan is placed again by hand)."""
        return self.edit_span(annotation_id, start=start, end=end)

    def delete(self, record_ids: Iterable[str]) -> None:
        """Delete spans, links or document annotations, as one undoable step."""
        changes = []
        for record_id in dict.fromkeys(record_ids):
            record = self.annotations.get(record_id)
            source_id = self.annotations.source_of(record_id)
            self._check_writable(source_id)
            changes.append(RecordChange(self._delete_label(record), self, source_id, record, None, self.is_orphan(record_id)))
        if len(changes) == 1:
            self._push(changes[0])
        elif changes:
            self._push(MacroCommand(f"Delete {len(changes)} annotations", changes))

    def _delete_label(self, record: Record) -> str:
        if isinstance(record, Link):
            return f"Delete link '{RELATIONS[record.relation]}'"
        if isinstance(record, DocumentAnnotation):
            return "Delete document annotation"
        return f"Delete annotation{self._codes_label(record.codes)}"

    # -- document-level annotations ----------------------------------------------------------
    def set_document(self, source_id: str, *, values: Mapping[str, str | None] | None = None,
                     stances: Sequence[Stance | tuple[str, str]] | None = None,
                     axes: Mapping[str, int | None] | None = None, note: str | None = None) -> DocumentAnnotation:
        """Change the document annotation of *source_id* (created on first use).

        *values* and *axes* update only the keys given (None or "" clears one); *stances*
        replaces the whole list.
        """
        self._writable_text(source_id)
        before = self.document(source_id)
        stamp = self._now()
        current = before or DocumentAnnotation(self._new_id("d"), source_id, self.reviewer, created=stamp, modified=stamp)
        new_values = dict(current.values)
        for key, value in (values or {}).items():
            if value in (None, ""):
                new_values.pop(key, None)
            else:
                new_values[key] = str(value)
        new_axes = dict(current.axes)
        for key, position in (axes or {}).items():
            if position is None:
                new_axes.pop(key, None)
            else:
                new_axes[key] = position
        new_stances = current.stances if stances is None else tuple(s if isinstance(s, Stance) else Stance(*s) for s in stances)
        problems = document_problems(self.codebook, new_values, new_stances, new_axes)
        if problems:
            raise SidelightError(None, "; ".join(problems))
        after = dataclasses.replace(current, values=new_values, axes=new_axes, stances=new_stances,
                                    note=current.note if note is None else note.strip(), modified=stamp)
        if before is not None and dataclasses.replace(after, modified=before.modified) == before:
            return before
        self._push_change(self._document_label(before, values, stances, axes, note), source_id, before, after)
        return after

    def _document_label(self, before, values, stances, axes, note) -> str:
        given = [k for k, v in (("values", values), ("stances", stances), ("axes", axes), ("note", note)) if v is not None]
        if given == ["values"] and len(values) == 1:
            key, value = next(iter(values.items()))
            spec = next((f for f in self.codebook.document_fields if f.id == key), None)
            label = spec.label if spec else key
            shown = self.codebook.name_of(value) if spec and spec.kind == "code" and value else value
            return f"Set {label} '{shown}'" if value else f"Clear {label}"
        if given == ["stances"]:
            return "Edit stances"
        if given == ["axes"]:
            return "Place on perspective axes"
        return "Edit document annotation" if before is not None else "Add document annotation"

    # -- cross-document links --------------------------------------------------------------
    def add_link(self, a_source: str, a_start: int, a_end: int, b_source: str, b_start: int, b_end: int,
                 relation: str, note: str = "") -> Link:
        """Link span a to span b in another source; stored in a's file (see the format doc)."""
        if a_source == b_source:
            raise SidelightError(None, "a link joins spans of two different sources")
        self._check_relation(relation)
        a_text = self._writable_text(a_source)
        b_text = self._text(b_source)
        stamp = self._now()
        link = Link(self._new_id("l"), self.reviewer, relation,
                    LinkEnd(a_source, make_selector(a_text.text, a_start, a_end, a_text.hash)),
                    LinkEnd(b_source, make_selector(b_text.text, b_start, b_end, b_text.hash)),
                    note.strip(), stamp, stamp)
        self._push(RecordChange(f"Add link '{RELATIONS[relation]}'", self, a_source, None, link))
        return link

    def edit_link(self, link_id: str, *, relation: str | None = None, note: str | None = None) -> Link:
        before = self.annotations.get(link_id)
        if not isinstance(before, Link):
            raise SidelightError(None, f"'{link_id}' is not a link")
        changes: dict[str, str] = {}
        if relation is not None and relation != before.relation:
            self._check_relation(relation)
            changes["relation"] = relation
        if note is not None and note.strip() != before.note:
            changes["note"] = note.strip()
        if not changes:
            return before
        after = dataclasses.replace(before, modified=self._now(), relation=changes.get("relation", before.relation),
                                    note=changes.get("note", before.note))
        label = f"Set relation '{RELATIONS[after.relation]}'" if "relation" in changes and len(changes) == 1 else "Edit link"
        self._push_change(label, before.a.source_id, before, after)
        return after

    def _check_relation(self, relation: str) -> None:
        if relation not in RELATIONS:
            raise SidelightError(None, f"relation '{relation}' is not one of {', '.join(RELATIONS)}")

    # -- codebook ----------------------------------------------------------------------------
    def add_code(self, name: str, group_id: str, description: str = "", colour: str | None = None) -> Code:
        after, code = self.codebook.add_code(name, group_id, description, colour)
        self._push_codebook(f"Add code '{code.name}'", after)
        return code

    def rename_code(self, code_id: str, name: str) -> None:
        old = self.codebook.code(code_id).name
        self._push_codebook(f"Rename code '{old}' to '{' '.join(name.split())}'", self.codebook.rename_code(code_id, name))

    def recolour_code(self, code_id: str, colour: str) -> None:
        self._push_codebook(f"Recolour code '{self.codebook.code(code_id).name}'", self.codebook.recolour_code(code_id, colour))

    def describe_code(self, code_id: str, description: str) -> None:
        self._push_codebook(f"Describe code '{self.codebook.code(code_id).name}'", self.codebook.describe_code(code_id, description))

    def retire_code(self, code_id: str, retired: bool = True) -> None:
        verb = "Retire" if retired else "Restore"
        self._push_codebook(f"{verb} code '{self.codebook.code(code_id).name}'", self.codebook.retire_code(code_id, retired))

    def merge_codes(self, code_id: str, into_id: str) -> None:
        """Code *code_id* is retired and counts as *into_id* wherever it was used."""
        label = f"Merge code '{self.codebook.code(code_id).name}' into '{self.codebook.name_of(into_id)}'"
        self._push_codebook(label, self.codebook.merge_codes(code_id, into_id))

    def set_group_enabled(self, group_id: str, enabled: bool) -> None:
        verb = "Turn on" if enabled else "Turn off"
        self._push_codebook(f"{verb} group '{self.codebook.group(group_id).name}'", self.codebook.set_group_enabled(group_id, enabled))

    def put_axis(self, name: str, low: str, high: str, description: str = "", axis_id: str | None = None) -> PerspectiveAxis:
        after, axis = self.codebook.put_axis(name, low, high, description, axis_id)
        self._push_codebook(f"{'Edit' if axis_id else 'Add'} axis '{axis.name}'", after)
        return axis

    def remove_axis(self, axis_id: str) -> None:
        self._push_codebook(f"Remove axis '{self.codebook.axis(axis_id).name}'", self.codebook.remove_axis(axis_id))

    def _push_codebook(self, label: str, after: Codebook) -> None:
        if CODEBOOK in self._blocked:
            raise SidelightError(self.codebook_path, f"fix this file first: {self._blocked[CODEBOOK].problem}")
        if after != self.codebook:
            self._push(CodebookChange(label, self, self.codebook, after))

    def _set_codebook(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self._codebook_dirty = True
        self._queued.append(events.Event(events.CODEBOOK_CHANGED))

    # -- undo --------------------------------------------------------------------------------
    def undo(self) -> str | None:
        """Undo the last command; returns its label (None when there was nothing to undo)."""
        command = self._run(self.stack.undo)
        return command.label if command else None

    def redo(self) -> str | None:
        command = self._run(self.stack.redo)
        return command.label if command else None

    @property
    def can_undo(self) -> bool:
        return self.stack.can_undo

    @property
    def can_redo(self) -> bool:
        return self.stack.can_redo

    @property
    def undo_label(self) -> str | None:
        return self.stack.undo_label

    @property
    def redo_label(self) -> str | None:
        return self.stack.redo_label

    def push(self, command: Command) -> None:
        """Do any command on this session's undo history (the window's one history for every
        change, such as alignment corrections too)."""
        self._run(lambda: self.stack.push(command))

    _push = push

    def _push_change(self, label: str, source_id: str, before: Record | None, after: Record) -> None:
        orphan = before is not None and self.is_orphan(before.id)
        still_orphan = orphan and getattr(before, "selector", None) == getattr(after, "selector", None)
        self._push(RecordChange(label, self, source_id, before, after, orphan, still_orphan))

    def _run(self, action):  # noqa: ANN001, ANN202
        self._queued = []
        try:
            result = action()
        finally:
            queued, self._queued = self._queued, []
        for event in queued:
            self.emit(event)
        self.emit(events.Event(events.STACK_CHANGED))
        return result

    def _apply(self, source_id: str, before: Record | None, after: Record | None, after_orphan: bool) -> None:
        self._check_writable(source_id)
        self.annotations.swap(source_id, before, after)
        record = after or before
        assert record is not None
        if after is not None:
            self.annotations.mark_orphan(after.id, after_orphan)
        self._queued.append(events.Event(events.ANNOTATIONS_CHANGED, source_id, (record.id,)))
        if isinstance(record, Link):
            self._queued.append(events.Event(events.ANNOTATIONS_CHANGED, record.b.source_id, (record.id,)))

    # -- checks used by the editors -------------------------------------------------------------
    def _text(self, source_id: str) -> SourceText:
        if source_id not in self._texts:
            raise SidelightError(None, f"no source with id '{source_id}' in this workspace")
        return self._texts[source_id]

    def _writable_text(self, source_id: str) -> SourceText:
        text = self._text(source_id)
        self._check_writable(source_id)
        return text

    def _check_writable(self, source_id: str) -> None:
        if source_id in self._blocked:
            problem = self._blocked[source_id]
            raise SidelightError(problem.path, f"fix this file before annotating '{source_id}' again: {problem.problem}")

    def _span(self, annotation_id: str) -> SpanAnnotation:
        record = self.annotations.get(annotation_id)
        if not isinstance(record, SpanAnnotation):
            raise SidelightError(None, f"'{annotation_id}' is not a span annotation")
        return record

    def _checked_codes(self, codes: Sequence[str]) -> tuple[str, ...]:
        """Known codes, each once, and at most one per exclusive group (one polarity, one aim)."""
        by_group: dict[str, list[str]] = {}
        for code_id in codes:
            code = self.codebook.code(code_id)
            if self.codebook.group(code.group).exclusive:
                by_group.setdefault(code.group, []).append(code_id)
        for group_id, chosen in by_group.items():
            if len(set(chosen)) > 1:
                names = " and ".join(self.codebook.name_of(c) for c in dict.fromkeys(chosen))
                raise SidelightError(None, f"{names} are both in '{self.codebook.group(group_id).name}', "
                                     "where an annotation takes one code: choose one")
        return tuple(dict.fromkeys(codes))

    def _codes_label(self, codes: Sequence[str]) -> str:
        return f" '{', '.join(self.codebook.name_of(c) for c in codes)}'" if codes else ""

    # -- saving -------------------------------------------------------------------------------
    @property
    def pending(self) -> bool:
        """True while a flush would write something (changes not yet saved, not in conflict)."""
        dirty = self.annotations.dirty - set(self.conflicts)
        return bool(dirty) or (self._codebook_dirty and CODEBOOK not in self.conflicts)

    def flush(self) -> SaveReport:
        """Write every changed file (atomically); conflicting files are reported, not written."""
        report = SaveReport()
        if self._codebook_dirty and CODEBOOK not in self.conflicts:
            self._save_codebook(report)
        for source_id in sorted(self.annotations.dirty - set(self.conflicts)):
            self._save_file(source_id, report)
        if report.saved:
            self.emit(events.Event(events.SAVED, message="\n".join(str(p) for p in report.saved)))
        for conflict in report.conflicts:
            self.emit(events.Event(events.CONFLICT, conflict.source_id, message=str(conflict)))
        return report

    def close(self) -> SaveReport:
        return self.flush()

    def _save_file(self, source_id: str, report: SaveReport, overwrite: bool = False) -> None:
        afile = self._file_for_saving(source_id)
        root = self.root
        expected = fingerprint_of(annotation_store.annotation_path(root, self.reviewer, source_id)) if overwrite else self._fingerprints.get(source_id)
        try:
            self._fingerprints[source_id] = annotation_store.write_annotation_file(root, afile, expected, self._cache)
        except AnnotationConflict as conflict:
            self.conflicts[source_id] = conflict
            report.conflicts.append(conflict)
            return
        except SidelightError as exc:
            report.errors.append(exc)
            return
        self.annotations.dirty.discard(source_id)
        self.conflicts.pop(source_id, None)
        self._base[source_id] = snapshot(afile)
        report.saved.append(annotation_store.annotation_path(root, self.reviewer, source_id))

    def _file_for_saving(self, source_id: str) -> AnnotationFile:
        return self.annotations.file(source_id)

    def _save_codebook(self, report: SaveReport, overwrite: bool = False) -> None:
        path = self.codebook_path
        expected = fingerprint_of(path) if overwrite else self._fingerprints.get(CODEBOOK)
        try:
            annotation_store.check_unchanged(path, expected, CODEBOOK)
        except AnnotationConflict as conflict:
            self.conflicts[CODEBOOK] = conflict
            report.conflicts.append(conflict)
            return
        try:
            yaml_store.dump_file(path, self.codebook.as_yaml())
        except OSError as exc:
            report.errors.append(SidelightError(path, f"cannot save ({exc.strerror}); your changes are still open in Sidelight"))
            return
        self._fingerprints[CODEBOOK] = fingerprint_of(path)
        self._codebook_dirty = False
        self.conflicts.pop(CODEBOOK, None)
        report.saved.append(path)

    # -- changes on disk ---------------------------------------------------------------------
    def check_disk(self) -> list[str]:
        """Look for files changed on disk since loading (call when the window regains focus).

        Files without unsaved changes are reloaded (RELOADED event); files with unsaved changes
        become conflicts (CONFLICT event). Returns the keys (source ids, "codebook") that changed.
        """
        changed = []
        keys = set(self._fingerprints) | set(annotation_store_sources(self.root, self.reviewer))
        for key in sorted(keys):
            path = self.codebook_path if key == CODEBOOK else annotation_store.annotation_path(self.root, self.reviewer, key)
            current = fingerprint_of(path)
            known = self._fingerprints.get(key)
            if (current is None and known is None) or (current and known and current.sha256 == known.sha256):
                continue
            changed.append(key)
            dirty = self._codebook_dirty if key == CODEBOOK else key in self.annotations.dirty
            if dirty:
                self.conflicts[key] = AnnotationConflict(path, key)
                self.emit(events.Event(events.CONFLICT, key, message=str(self.conflicts[key])))
            else:
                self._reload(key)
        return changed

    def resolve_conflict(self, key: str, keep_mine: bool) -> SaveReport:
        """Settle a conflict: write this session's version over theirs, or reload theirs."""
        report = SaveReport()
        if key not in self.conflicts:
            return report
        if keep_mine:
            if key == CODEBOOK:
                self._save_codebook(report, overwrite=True)
            else:
                self._save_file(key, report, overwrite=True)
            if report.saved:
                self.emit(events.Event(events.SAVED, message="\n".join(str(p) for p in report.saved)))
        else:
            self.conflicts.pop(key)
            self._reload(key)
        return report

    def merge_conflict(self, key: str) -> tuple[SaveReport, MergeResult | None]:
        """Settle a conflict of an annotation file by merging: the changes made on disk and this
        session's, record by record, against the version both started from; then saved."""
        report = SaveReport()
        if key not in self.conflicts or key == CODEBOOK:
            return report, None
        path = annotation_store.annotation_path(self.root, self.reviewer, key)
        if fingerprint_of(path) is None:
            theirs = AnnotationFile(key, self.reviewer)  # deleted on disk: their change is "nothing"
            orphaned: tuple[str, ...] = ()
        else:
            try:
                loaded = annotation_store.read_annotation_file(self.root, self.reviewer, key, self._cache)
            except SidelightError as exc:
                report.errors.append(exc)
                return report, None
            theirs, placing = place_file(loaded.annotations, self._texts)
            orphaned = tuple(placing.orphans)
        result = merge_files(self._base.get(key), self.annotations.file(key), theirs)
        orphans = tuple(i for i in result.merged.ids() if i in orphaned or i in self.annotations.orphans)
        self.annotations.put_file(result.merged, orphans)
        self.annotations.dirty.add(key)
        self._save_file(key, report, overwrite=True)
        self.stack.forget(key)  # the records under the undo history changed
        self.emit(events.Event(events.RELOADED, key))
        self.emit(events.Event(events.STACK_CHANGED))
        if report.saved:
            self.emit(events.Event(events.SAVED, message="\n".join(str(p) for p in report.saved)))
        return report, result

    def _reload(self, key: str) -> None:
        """Take the disk version of one file; the undo history of that file no longer applies."""
        if key == CODEBOOK:
            self._blocked.pop(CODEBOOK, None)
            self._codebook_dirty = False
            self._load_codebook()
        else:
            self._blocked.pop(key, None)
            self.annotations.dirty.discard(key)
            path = annotation_store.annotation_path(self.root, self.reviewer, key)
            if fingerprint_of(path) is None:
                self._fingerprints[key] = None
                self.annotations.put_file(AnnotationFile(key, self.reviewer))
                self._base[key] = AnnotationFile(key, self.reviewer)
            else:
                try:
                    loaded = annotation_store.read_annotation_file(self.root, self.reviewer, key, self._cache)
                except SidelightError as exc:
                    self.problems.append(exc)
                    self._blocked[key] = exc
                    self._fingerprints[key] = fingerprint_of(path)
                    self.annotations.put_file(AnnotationFile(key, self.reviewer))
                else:
                    self._fingerprints[key] = loaded.fingerprint
                    self._place_loaded(key, loaded.annotations, loaded.path)
        self.stack.forget(key)
        self.emit(events.Event(events.RELOADED, key))
        self.emit(events.Event(events.STACK_CHANGED))


def annotation_store_sources(root: Path, reviewer: str) -> list[str]:
    """Source ids with a file in *reviewer*'s folder right now."""
    folder = root / annotation_store.ANNOTATIONS_DIR / reviewer
    if not folder.is_dir():
        return []
    return [p.stem for p in folder.glob(f"*{annotation_store.SUFFIX}") if not p.name.startswith(".")]
