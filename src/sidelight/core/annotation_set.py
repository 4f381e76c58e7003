"""One reviewer's annotations across all sources, placed on the sources' current texts.

This is the model the session's commands change and the window reads. It knows which records
are orphans (their quote could not be found again in an edited text) and which files have
unsaved changes, but nothing about disk or Qt.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sidelight.core.anchoring import Selector, reanchor
from sidelight.core.annotations import AnnotationFile, DocumentAnnotation, Link, SpanAnnotation
from sidelight.core.codebook import Codebook
from sidelight.core.errors import SidelightError

Record = SpanAnnotation | Link | DocumentAnnotation


@dataclass(frozen=True)
class SourceText:
    text: str
    hash: str


@dataclass
class Placement:
    """What placing a file on current texts did: records moved, records orphaned."""

    moved: int = 0
    orphans: tuple[str, ...] = ()


def place_file(afile: AnnotationFile, texts: dict[str, SourceText]) -> tuple[AnnotationFile, Placement]:
    """*afile* with every selector re-anchored on the current texts where they changed.

    Records that cannot be placed keep their old selectors and are listed as orphans; nothing
    is ever dropped.
    """
    moved, orphans = 0, []
    placed = AnnotationFile(afile.source_id, afile.reviewer, document=afile.document)
    for span in afile.spans.values():
        selector = _place(span.selector, texts.get(span.source_id))
        if selector is None:
            orphans.append(span.id)
        elif selector is not span.selector:
            span, moved = dataclasses.replace(span, selector=selector), moved + 1
        placed.spans[span.id] = span
    for link in afile.links.values():
        a = _place(link.a.selector, texts.get(link.a.source_id))
        b = _place(link.b.selector, texts.get(link.b.source_id))
        if a is None or b is None:
            orphans.append(link.id)
        elif a is not link.a.selector or b is not link.b.selector:
            link = dataclasses.replace(link, a=dataclasses.replace(link.a, selector=a), b=dataclasses.replace(link.b, selector=b))
            moved += 1
        placed.links[link.id] = link
    return placed, Placement(moved, tuple(orphans))


def _place(selector: Selector, source: SourceText | None) -> Selector | None:
    if source is None:
        return None
    return reanchor(selector, source.text, source.hash)


class AnnotationSet:
    def __init__(self, reviewer: str):
        self.reviewer = reviewer
        self.files: dict[str, AnnotationFile] = {}
        self.orphans: set[str] = set()
        self.dirty: set[str] = set()
        self._where: dict[str, str] = {}  # record id -> source id of its file

    # -- filling ---------------------------------------------------------------------------
    def put_file(self, afile: AnnotationFile, orphans: tuple[str, ...] = ()) -> None:
        """Add or replace the file of one source (on load and on reload from disk)."""
        old = self.files.get(afile.source_id)
        if old is not None:
            for record_id in old.ids():
                self._where.pop(record_id, None)
                self.orphans.discard(record_id)
        for record_id in afile.ids():
            if record_id in self._where and self._where[record_id] != afile.source_id:
                raise SidelightError(None, f"id '{record_id}' is used in the files of both '{self._where[record_id]}' and '{afile.source_id}'")
        self.files[afile.source_id] = afile
        for record_id in afile.ids():
            self._where[record_id] = afile.source_id
        self.orphans.update(orphans)

    def file(self, source_id: str) -> AnnotationFile:
        afile = self.files.get(source_id)
        if afile is None:
            afile = self.files[source_id] = AnnotationFile(source_id, self.reviewer)
        return afile

    # -- the one way records change --------------------------------------------------------
    def swap(self, source_id: str, before: Record | None, after: Record | None) -> None:
        """Replace *before* by *after* in the file of *source_id* (either may be None)."""
        afile = self.file(source_id)
        if before is not None:
            self._remove(afile, before)
        if after is not None:
            self._add(afile, after)
        self.dirty.add(source_id)

    def _remove(self, afile: AnnotationFile, record: Record) -> None:
        if isinstance(record, DocumentAnnotation):
            afile.document = None
        elif isinstance(record, Link):
            del afile.links[record.id]
        else:
            del afile.spans[record.id]
        self._where.pop(record.id, None)
        self.orphans.discard(record.id)

    def _add(self, afile: AnnotationFile, record: Record) -> None:
        if isinstance(record, DocumentAnnotation):
            afile.document = record
        elif isinstance(record, Link):
            afile.links[record.id] = record
        else:
            afile.spans[record.id] = record
        self._where[record.id] = afile.source_id

    def mark_orphan(self, record_id: str, orphan: bool) -> None:
        if orphan:
            self.orphans.add(record_id)
        else:
            self.orphans.discard(record_id)

    # -- reading ---------------------------------------------------------------------------
    def source_of(self, record_id: str) -> str:
        try:
            return self._where[record_id]
        except KeyError:
            raise SidelightError(None, f"no annotation with id '{record_id}'") from None

    def get(self, record_id: str) -> Record:
        afile = self.files[self.source_of(record_id)]
        if afile.document is not None and afile.document.id == record_id:
            return afile.document
        return afile.spans.get(record_id) or afile.links[record_id]

    def spans(self, source_id: str, include_orphans: bool = False) -> list[SpanAnnotation]:
        afile = self.files.get(source_id)
        if afile is None:
            return []
        return [a for a in afile.sorted_spans() if include_orphans or a.id not in self.orphans]

    def spans_at(self, source_id: str, offset: int) -> list[SpanAnnotation]:
        """Every placed span covering *offset*, shortest first (spans may overlap)."""
        hits = [a for a in self.spans(source_id) if a.start <= offset < a.end]
        return sorted(hits, key=lambda a: (a.end - a.start, a.start))

    def links(self, source_id: str | None = None, include_orphans: bool = False) -> list[Link]:
        """Links with an end in *source_id* (all links when None), whichever file holds them."""
        found = []
        for afile in self.files.values():
            for link in afile.sorted_links():
                if source_id is None or source_id in (link.a.source_id, link.b.source_id):
                    if include_orphans or link.id not in self.orphans:
                        found.append(link)
        return found

    def document(self, source_id: str) -> DocumentAnnotation | None:
        afile = self.files.get(source_id)
        return afile.document if afile else None

    def orphan_records(self, source_id: str | None = None) -> list[SpanAnnotation | Link]:
        found: list[SpanAnnotation | Link] = []
        for sid in sorted(self.files):
            afile = self.files[sid]
            if source_id is not None and sid != source_id:
                continue
            found += [a for a in afile.sorted_spans() if a.id in self.orphans]
            found += [k for k in afile.sorted_links() if k.id in self.orphans]
        return found

    def find(self, codebook: Codebook, code: str | None = None, text: str | None = None,
             note: str | None = None, source_id: str | None = None) -> list[SpanAnnotation]:
        """Spans with *code* (merges followed), quote containing *text*, note or target
        containing *note*; case-insensitive; every given criterion must hold."""
        wanted = codebook.resolve(code) if code else None
        text_l = text.casefold() if text else None
        note_l = note.casefold() if note else None
        found = []
        for sid in sorted(self.files):
            if source_id is not None and sid != source_id:
                continue
            for span in self.files[sid].sorted_spans():
                if wanted and wanted not in {codebook.resolve(c) for c in span.codes}:
                    continue
                if text_l and text_l not in span.quote.casefold():
                    continue
                if note_l and note_l not in span.note.casefold() and note_l not in span.target.casefold():
                    continue
                found.append(span)
        return found
