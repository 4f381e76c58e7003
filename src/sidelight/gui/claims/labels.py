"""Short names for documents in claim views (see :mod:`sidelight.core.labels`)."""

from __future__ import annotations

from sidelight.core.alignment import Alignment
from sidelight.core.labels import quoted_in, short_labels


def doc_label(alignment: Alignment, doc_id: str) -> str:
    """Open and context documents are labelled together, so two articles of one outlet stay apart."""
    return short_labels((*alignment.documents, *alignment.context_documents))[doc_id]


def unit_doc_label(alignment: Alignment, unit_id: str) -> str:
    return doc_label(alignment, alignment.unit(unit_id).document)


def sentence_label(alignment: Alignment, unit_id: str, width: int) -> str:
    """A sentence quoted with the article it is in: "CGTN’s “…”", or "“…” in <title>"."""
    unit = alignment.unit(unit_id)
    return quoted_in((*alignment.documents, *alignment.context_documents), unit.document, unit.text, width)
