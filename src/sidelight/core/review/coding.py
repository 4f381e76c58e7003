"""Which codes each reviewer gave each sentence: the table agreement is computed over.

Two reviewers rarely select the same characters for one idea ("the hype by some Western media"
against the whole sentence), so comparing spans character by character would count near-identical
readings as disagreements. Content analysis compares decisions on fixed coding units instead;
here the units are the sentences of the text (the same segmentation claim alignment uses), and a
reviewer gave a unit a code when one of their spans with that code covers half of the unit or
half of the span lies inside it. Codes are followed through merges, so a code merged into another
counts as that one.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from sidelight.core.annotations import SpanAnnotation
from sidelight.core.codebook import Codebook

NOT_CODING_UNITS = frozenset({"section", "credit"})  # section titles and photo credits carry no claim
MIN_SHARE = 0.5  # of the shorter of span and unit


@dataclass(frozen=True)
class CodingUnit:
    source_id: str
    start: int
    end: int
    text: str


def coding_units(source_id: str, text: str) -> list[CodingUnit]:
    """The sentences of ``text`` (headline and captions included), with exact offsets."""
    from sidelight.core.alignment.segmentation import segment

    return [CodingUnit(source_id, u.start, u.end, u.text) for u in segment(source_id, text)
            if u.kind not in NOT_CODING_UNITS]


def covers(span: SpanAnnotation, unit: CodingUnit) -> bool:
    overlap = min(span.end, unit.end) - max(span.start, unit.start)
    shorter = min(span.end - span.start, unit.end - unit.start)
    return overlap > 0 and overlap >= MIN_SHARE * max(shorter, 1)


def codes_of_units(units: list[CodingUnit], spans: Iterable[SpanAnnotation], codebook: Codebook,
                   ) -> tuple[list[frozenset[str]], list[tuple[str, ...]]]:
    """Per unit: the codes the spans give it, and the ids of the spans that do."""
    codes: list[set[str]] = [set() for _ in units]
    ids: list[list[str]] = [[] for _ in units]
    starts = [u.start for u in units]
    for span in spans:
        first = max(bisect.bisect_right(starts, span.start) - 1, 0)
        for n in range(first, len(units)):
            unit = units[n]
            if unit.start >= span.end:
                break
            if covers(span, unit):
                codes[n].update(codebook.resolve(c) for c in span.codes)
                ids[n].append(span.id)
    return [frozenset(c) for c in codes], [tuple(i) for i in ids]
