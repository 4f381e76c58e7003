"""What a reviewer records about the texts: span annotations, a document-level record, links.

Records are immutable values; an edit makes a new record with the same id and a new
``modified`` time. Commands keep the record before and after a change, so undo is exact and the
GUI never sees a half-changed annotation.

One :class:`AnnotationFile` holds everything one reviewer recorded about one source, which is
also what one YAML file on disk holds (``annotations/<reviewer>/<source-id>.yaml``). A
cross-document link is stored in the file of its first span's source (``a``); the other end
(``b``) names its source and carries its own selector, so each end is re-anchored on its own text.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sidelight.core.anchoring import Selector

RELATIONS: dict[str, str] = {
    "same-claim-reframed": "same claim, reframed",
    "contradicts": "contradicts",
    "adds-detail": "adds detail",
    "omits-detail": "omits detail",
}
"""How span ``b`` of a link relates to span ``a`` (keys are stored, values are shown)."""


def new_id(kind: str) -> str:
    """A short random id: a kind letter (a, d, l) and 11 hex digits, never a bare number."""
    return kind + uuid.uuid4().hex[:11]


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class SpanAnnotation:
    id: str
    source_id: str
    reviewer: str
    selector: Selector
    codes: tuple[str, ...] = ()
    note: str = ""
    target: str = ""
    created: str = ""
    modified: str = ""

    @property
    def start(self) -> int:
        return self.selector.start

    @property
    def end(self) -> int:
        return self.selector.end

    @property
    def quote(self) -> str:
        return self.selector.exact


@dataclass(frozen=True)
class Stance:
    actor: str
    stance: str


@dataclass(frozen=True)
class DocumentAnnotation:
    """The outlet's perspective on a whole article, as one reviewer reads it.

    *values* holds the codebook's choice, text and code fields by field id; *axes* holds a
    position from -2 to +2 per perspective axis id.
    """

    id: str
    source_id: str
    reviewer: str
    values: dict[str, str] = field(default_factory=dict)
    stances: tuple[Stance, ...] = ()
    axes: dict[str, int] = field(default_factory=dict)
    note: str = ""
    created: str = ""
    modified: str = ""


@dataclass(frozen=True)
class LinkEnd:
    source_id: str
    selector: Selector


@dataclass(frozen=True)
class Link:
    """Span *b* (in another source) relates to span *a* by *relation* (a key of RELATIONS)."""

    id: str
    reviewer: str
    relation: str
    a: LinkEnd
    b: LinkEnd
    note: str = ""
    created: str = ""
    modified: str = ""


@dataclass
class AnnotationFile:
    """Everything one reviewer recorded about one source: the content of one YAML file."""

    source_id: str
    reviewer: str
    spans: dict[str, SpanAnnotation] = field(default_factory=dict)
    document: DocumentAnnotation | None = None
    links: dict[str, Link] = field(default_factory=dict)

    def sorted_spans(self) -> list[SpanAnnotation]:
        return sorted(self.spans.values(), key=lambda a: (a.start, a.end, a.id))

    def sorted_links(self) -> list[Link]:
        return sorted(self.links.values(), key=lambda k: (k.a.selector.start, k.a.selector.end, k.id))

    def is_empty(self) -> bool:
        return not self.spans and self.document is None and not self.links

    def ids(self) -> list[str]:
        found = list(self.spans) + list(self.links)
        if self.document is not None:
            found.append(self.document.id)
        return found
