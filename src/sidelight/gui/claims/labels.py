"""Short names for documents in claim views: the outlet, plus the date or title when two open
documents come from the same outlet (two Global Times articles must not read as one)."""

from __future__ import annotations

from sidelight.core.alignment import Alignment


def doc_label(alignment: Alignment, doc_id: str) -> str:
    doc = alignment.document(doc_id)
    outlet = doc.outlet or doc.id
    twins = [d for d in alignment.documents if (d.outlet or d.id) == outlet]
    if len(twins) < 2:
        return outlet
    title = doc.title if len(doc.title) <= 32 else doc.title[:32].rsplit(" ", 1)[0] + "…"
    return f"{outlet} ({title})"


def unit_doc_label(alignment: Alignment, unit_id: str) -> str:
    return doc_label(alignment, alignment.unit(unit_id).document)
