"""Adjudication: settle each sentence the reviewers coded differently, into a consensus set.

The consensus set is the annotations of one more reviewer, ``consensus``
(``annotations/consensus/``), so everything that reads a reviewer reads it too: ``sidelight
agreement --reviewers alice consensus`` says how far each reader is from the settled coding, the
window shows it beside one's own, an export takes it like any other. Settling a sentence copies
the chosen reviewer's spans on it (extent, codes, note, target) into the consensus, or copies
nothing ("neither"); sentences all reviewers coded alike can be adopted in one step.

What was decided, by whom, between whom and which consensus spans it added is kept in
``review/adjudication.yaml``, one entry per sentence quoted with its text: the record of why the
consensus reads as it does, and what lets a decision be undone exactly. A decision is found
again by its quote, so it follows the sentence when the text around it is edited.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sidelight.core.annotation_session import AnnotationSession
from sidelight.core.annotations import AnnotationFile, now
from sidelight.core.errors import SidelightError
from sidelight.core.review.comparison import CodedSentence

CONSENSUS = "consensus"
NEITHER = "neither"
SCHEMA = 1
DECISIONS_FILE = Path("review") / "adjudication.yaml"


@dataclass(frozen=True)
class Decision:
    source: str
    start: int
    end: int
    quote: str
    chosen: str  # the reviewer whose reading was adopted, or NEITHER
    between: tuple[str, ...]  # the reviewers compared
    by: str  # who decided
    at: str
    spans: tuple[str, ...] = ()  # ids of the consensus spans the decision added

    def as_yaml(self) -> dict:
        entry = {"source": self.source, "start": self.start, "end": self.end, "quote": self.quote,
                 "chosen": self.chosen, "between": list(self.between), "by": self.by, "at": self.at}
        if self.spans:
            entry["spans"] = list(self.spans)
        return entry


@dataclass(frozen=True)
class Decisions:
    items: tuple[Decision, ...] = ()

    def __len__(self) -> int:
        return len(self.items)

    def find(self, source: str, quote: str) -> Decision | None:
        return next((d for d in self.items if d.source == source and d.quote == quote), None)

    def of(self, sentence: CodedSentence) -> Decision | None:
        return self.find(sentence.source_id, sentence.text)

    def with_decision(self, decision: Decision) -> Decisions:
        kept = tuple(d for d in self.items if not (d.source == decision.source and d.quote == decision.quote))
        return Decisions(tuple(sorted((*kept, decision), key=lambda d: (d.source, d.start))))

    def without(self, decision: Decision) -> Decisions:
        return Decisions(tuple(d for d in self.items if d != decision))

    # -- file ------------------------------------------------------------------------------------
    @classmethod
    def load(cls, root: str | Path) -> Decisions:
        """The workspace's decisions; no file means none yet."""
        from sidelight.io import yaml_store

        path = Path(root) / DECISIONS_FILE
        if not path.exists():
            return cls()
        data = yaml_store.load_file(path)
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("decisions", []), list):
            raise SidelightError(path, f"not an adjudication file of schema {SCHEMA} (a mapping with 'schema: {SCHEMA}' "
                                       "and a list 'decisions')")
        found = []
        for n, entry in enumerate(data.get("decisions") or [], 1):
            try:
                found.append(Decision(str(entry["source"]), int(entry["start"]), int(entry["end"]), str(entry["quote"]),
                                      str(entry["chosen"]), tuple(str(r) for r in entry.get("between") or ()),
                                      str(entry.get("by", "")), str(entry.get("at", "")),
                                      tuple(str(i) for i in entry.get("spans") or ())))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise SidelightError(path, f"decision {n} needs source, start, end, quote and chosen") from None
        return cls(tuple(found))

    def save(self, root: str | Path) -> None:
        from sidelight.io import yaml_store

        path = Path(root) / DECISIONS_FILE
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            yaml_store.dump_file(path, {"schema": SCHEMA, "decisions": [d.as_yaml() for d in self.items]})
        except OSError as exc:
            raise SidelightError(path, f"cannot save the decision ({exc.strerror}); the file is unchanged") from None


def open_consensus(root: str | Path) -> AnnotationSession:
    """The consensus set, opened for writing like any reviewer's annotations."""
    return AnnotationSession.open(root, CONSENSUS)


def settle(consensus: AnnotationSession, sentence: CodedSentence, chosen: str,
           files: Mapping[str, Mapping[str, AnnotationFile]], by: str, decisions: Decisions) -> tuple[Decisions, Decision]:
    """Adopt ``chosen``'s reading of ``sentence`` (or NEITHER) into the consensus and record it.

    Spans the consensus already holds with the same extent and codes are not copied twice (a
    span over two sentences, settled once for each). Saved at once, atomically.
    """
    if chosen != NEITHER and chosen not in sentence.codes:
        raise SidelightError(None, f"{chosen} did not code this sentence; choose one of {', '.join(sentence.codes)}")
    previous = decisions.of(sentence)
    if previous is not None:
        decisions = unsettle(consensus, previous, decisions)
    added = []
    if chosen != NEITHER:
        added = _copy(consensus, sentence.source_id, files[chosen][sentence.source_id], sentence.spans[chosen])
    decision = Decision(sentence.source_id, sentence.start, sentence.end, sentence.text, chosen,
                        tuple(sentence.codes), by, now(), tuple(added))
    decisions = decisions.with_decision(decision)
    _save(consensus, decisions)
    return decisions, decision


def unsettle(consensus: AnnotationSession, decision: Decision, decisions: Decisions) -> Decisions:
    """Take a decision back: the consensus spans it added go, and so does its record."""
    present = [i for i in decision.spans if _has(consensus, i)]
    if present:
        consensus.delete(present)
    decisions = decisions.without(decision)
    _save(consensus, decisions)
    return decisions


def adopt_agreed(consensus: AnnotationSession, sentences: Iterable[CodedSentence],
                 files: Mapping[str, Mapping[str, AnnotationFile]], by: str, decisions: Decisions) -> tuple[Decisions, int]:
    """Settle every sentence all its reviewers coded alike, with the first reviewer's spans;
    sentences already decided are left as decided. Returns the decisions and how many were added."""
    count = 0
    for sentence in sentences:
        if decisions.of(sentence) is not None:
            continue
        first = next(iter(sentence.codes))
        added = _copy(consensus, sentence.source_id, files[first][sentence.source_id], sentence.spans[first])
        decisions = decisions.with_decision(Decision(sentence.source_id, sentence.start, sentence.end, sentence.text,
                                                     first, tuple(sentence.codes), by, now(), tuple(added)))
        count += 1
    _save(consensus, decisions)
    return decisions, count


def _copy(consensus: AnnotationSession, source_id: str, afile: AnnotationFile, span_ids: Iterable[str]) -> list[str]:
    have = {(s.start, s.end, frozenset(s.codes)) for s in consensus.spans(source_id)}
    added = []
    for span_id in span_ids:
        span = afile.spans.get(span_id)
        if span is None or (span.start, span.end, frozenset(span.codes)) in have:
            continue
        copy = consensus.add_span(source_id, span.start, span.end, span.codes, span.note, span.target)
        have.add((copy.start, copy.end, frozenset(copy.codes)))
        added.append(copy.id)
    return added


def _has(session: AnnotationSession, record_id: str) -> bool:
    try:
        session.get(record_id)
    except (KeyError, SidelightError):
        return False
    return True


def _save(consensus: AnnotationSession, decisions: Decisions) -> None:
    report = consensus.flush()
    if not report.ok:
        problem = (report.errors or report.conflicts)[0]
        raise SidelightError(consensus.root / "annotations" / CONSENSUS, f"the consensus could not be saved: {problem}")
    decisions.save(consensus.root)
