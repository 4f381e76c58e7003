"""Compare reviewers: how far they agree, code by code and field by field, and where they differ.

The numbers a methods section reports (Krippendorff's alpha per code, Cohen's kappa for a pair
of reviewers, percent agreement) and the list a team adjudicates come from one table, built once
(:mod:`.coding`): a reviewer's decision on a sentence is "has code C" or "has not". A document a
reviewer has no file for is missing for them, not "no code anywhere"; one they opened and left
uncoded counts as "no code". Document-level fields compare over documents: choice and code fields
at the nominal level, perspective axes (-2 to +2) at the interval level, stances per actor at the
nominal level.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from sidelight.core.annotations import AnnotationFile
from sidelight.core.codebook import Codebook
from sidelight.core.review.coding import CodingUnit, codes_of_units, coding_units
from sidelight.core.review.statistics import cohen_kappa, krippendorff_alpha, percent_agreement


@dataclass(frozen=True)
class CodeAgreement:
    code: str
    name: str
    group: str
    units: dict[str, int]  # reviewer -> sentences they gave the code
    alpha: float | None
    kappa: float | None  # two reviewers only
    agreement: float | None  # share of sentences (coded by two or more) with one decision


@dataclass(frozen=True)
class FieldAgreement:
    field: str
    label: str
    level: str
    values: dict[str, dict[str, str]]  # source id -> reviewer -> value as stored
    alpha: float | None
    agreement: float | None

    @property
    def documents(self) -> int:
        return sum(len(v) >= 2 for v in self.values.values())


@dataclass(frozen=True)
class CodedSentence:
    """A sentence as the reviewers coded it: what each gave it, and with which spans."""

    source_id: str
    start: int
    end: int
    text: str
    codes: dict[str, frozenset[str]]  # reviewer -> codes
    spans: dict[str, tuple[str, ...]]  # reviewer -> ids of their spans on it

    @property
    def key(self) -> str:
        return f"{self.source_id}:{self.start}-{self.end}"

    @property
    def differing(self) -> frozenset[str]:
        """Codes some reviewers gave and others did not."""
        sets = list(self.codes.values())
        return frozenset().union(*sets) - frozenset.intersection(*sets)


Disagreement = CodedSentence  # a sentence the reviewers coded differently


@dataclass
class ReviewComparison:
    reviewers: tuple[str, ...]
    sources: tuple[str, ...]  # coded by two or more of them
    units: int  # sentences compared
    overall_alpha: float | None  # every code's decisions pooled
    codes: list[CodeAgreement] = field(default_factory=list)
    fields: list[FieldAgreement] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    agreed: list[CodedSentence] = field(default_factory=list)  # coded, and alike, by every reviewer who read it

    def code(self, code_id: str) -> CodeAgreement:
        return next(c for c in self.codes if c.code == code_id)

    def field_agreement(self, field_id: str) -> FieldAgreement:
        return next(f for f in self.fields if f.field == field_id)


def compare_reviewers(
    texts: Mapping[str, str],
    files: Mapping[str, Mapping[str, AnnotationFile]],
    codebook: Codebook,
    reviewers: Sequence[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> ReviewComparison:
    """Compare ``reviewers`` (default: all in ``files``) over ``texts`` (source id -> text).

    ``files``: reviewer -> source id -> their annotation file, placed on the current texts, with
    orphans left out (an annotation whose text is gone says nothing about a sentence).
    ``progress(done, total, message)`` is called per document.
    """
    names = tuple(reviewers) if reviewers is not None else tuple(sorted(files))
    coded = {r: set(files.get(r, {})) & set(texts) for r in names}
    sources = tuple(s for s in texts if sum(s in coded[r] for r in names) >= 2)

    rows: list[tuple[CodingUnit, dict[str, frozenset[str] | None], dict[str, tuple[str, ...]]]] = []
    for n_source, source_id in enumerate(sources):
        if progress is not None:
            progress(n_source, len(sources), "comparing reviewers")
        units = coding_units(source_id, texts[source_id])
        per_reviewer: dict[str, list[frozenset[str]] | None] = {}
        span_ids: dict[str, list[tuple[str, ...]]] = {}
        for r in names:
            if source_id in coded[r]:
                spans = files[r][source_id].sorted_spans()
                per_reviewer[r], span_ids[r] = codes_of_units(units, spans, codebook)
            else:
                per_reviewer[r] = None
        for n, unit in enumerate(units):
            decided = {r: (v[n] if v is not None else None) for r, v in per_reviewer.items()}
            rows.append((unit, decided, {r: ids[n] for r, ids in span_ids.items()}))

    order = {c.id: n for n, c in enumerate(codebook.codes)}
    used = sorted({c for _, decided, _ in rows for v in decided.values() if v for c in v},
                  key=lambda c: (order.get(c, len(order)), c))
    result = ReviewComparison(names, sources, len(rows), None)
    pooled: list[list[float | None]] = [[] for _ in names]
    for code_id in used:
        matrix = [[None if (v := d[r]) is None else float(code_id in v) for _, d, _ in rows] for r in names]
        for i, row in enumerate(matrix):
            pooled[i].extend(row)
        known = codebook.get(code_id)
        result.codes.append(CodeAgreement(
            code=code_id, name=known.name if known else code_id, group=known.group if known else "",
            units={r: int(sum(v or 0 for v in matrix[i])) for i, r in enumerate(names)},
            alpha=krippendorff_alpha(matrix), kappa=cohen_kappa(*matrix) if len(names) == 2 else None,
            agreement=percent_agreement(matrix),
        ))
    result.overall_alpha = krippendorff_alpha(pooled) if used else None
    for unit, decided, ids in rows:
        present = {r: v for r, v in decided.items() if v is not None}
        if len(present) < 2 or not any(present.values()):
            continue
        sentence = CodedSentence(unit.source_id, unit.start, unit.end, unit.text, present,
                                 {r: ids.get(r, ()) for r in present})
        (result.disagreements if len(set(present.values())) > 1 else result.agreed).append(sentence)
    result.fields = _field_agreements(sources, files, codebook, names)
    return result


def _field_agreements(sources: Sequence[str], files: Mapping[str, Mapping[str, AnnotationFile]],
                      codebook: Codebook, names: Sequence[str]) -> list[FieldAgreement]:
    found: list[FieldAgreement] = []

    def documents(source_id: str):
        for r in names:
            afile = files.get(r, {}).get(source_id)
            if afile is not None and afile.document is not None:
                yield r, afile.document

    def add(field_id: str, label: str, level: str, read) -> None:
        values: dict[str, dict[str, str]] = {}
        for source_id in sources:
            got = {r: v for r, doc in documents(source_id) if (v := read(doc)) not in (None, "")}
            if got:
                values[source_id] = got
        if not any(len(v) >= 2 for v in values.values()):
            return
        categories = sorted({v for per in values.values() for v in per.values()})
        as_number = (lambda v: float(v)) if level == "interval" else (lambda v: float(categories.index(v)))
        matrix = [[as_number(values[s][r]) if r in values.get(s, {}) else None for s in sources] for r in names]
        nominal = [[values[s].get(r) if s in values else None for s in sources] for r in names]
        found.append(FieldAgreement(field_id, label, level, values, krippendorff_alpha(matrix, level),
                                    percent_agreement(nominal)))

    for f in codebook.document_fields:
        if f.kind in ("choice", "code"):
            add(f.id, f.label, "nominal", lambda doc, fid=f.id: doc.values.get(fid))
        elif f.kind == "stances":
            actors = sorted({s.actor for src in sources for _, doc in documents(src) for s in doc.stances},
                            key=str.casefold)
            for actor in actors:
                add(f"{f.id}:{actor}", f"{f.label}: {actor}", "nominal",
                    lambda doc, a=actor: next((s.stance for s in doc.stances if s.actor.casefold() == a.casefold()), None))
    for axis in codebook.axes:
        add(f"axis:{axis.id}", f"{axis.name} ({axis.low} … {axis.high})", "interval",
            lambda doc, aid=axis.id: None if aid not in doc.axes else str(doc.axes[aid]))
    return found
