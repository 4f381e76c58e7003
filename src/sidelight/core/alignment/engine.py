"""Run an alignment end to end: segment, score, group, find conflicts; report progress; cancel.

This is the one function the window's worker thread and the CLI call. It is pure Python
plus numpy/scipy (imported on first use), touches no Qt, and checks ``should_stop`` between
steps and inside the long loops so the window can cancel a long run within a fraction of a
second.

Sentence embeddings (:mod:`.embeddings`) join the lexical score when asked for
(``use_embeddings=True``), or by default when the optional model is installed and
:data:`EMBEDDINGS_BY_DEFAULT` is set. It is not set: on the gold set's held-out split the
embeddings lowered link precision (0.85 -> 0.70) and unique recall (0.96 -> 0.78) while
raising the tuning split's link recall (0.45 -> 0.65); see the alignment benchmark. The numpy forward pass embeds about 80 units a
second on two cores, so above :data:`EMBEDDING_UNIT_LIMIT` units the lexical path runs alone
and ``Alignment.method`` says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sidelight.core.alignment import cache, matching
from sidelight.core.alignment import groups as grouping
from sidelight.core.alignment.corrections import Corrections, resolve_all
from sidelight.core.alignment.divergence import attribution_before, conflicts
from sidelight.core.alignment.model import NOT_CLAIMS, Document, Evidence, Group, GroupKind, Match, Unit
from sidelight.core.alignment.result import Alignment
from sidelight.core.alignment.segmentation import segment
from sidelight.core.errors import SidelightError
from sidelight.core.sources import content_hash

Progress = Callable[[int, int, str], None]
ShouldStop = Callable[[], bool]
TOTAL = 100
EMBEDDING_UNIT_LIMIT = 1000  # about 12 s of embedding on two cores, once per text (cached)
EMBEDDINGS_BY_DEFAULT = False  # what use_embeddings=None means when the model is installed
STRICT_EXTRA = 0.08  # added to the weakest pair that may link; chosen on the whole gold set (0.04 and 0.08 tried)
# weakest scored pair offered as a possible counterpart (see Alignment.possible_counterparts): on
# the seeds, 0.12 offered 137 pairs of which 29 the annotators allow; 0.18 offers 42, 19 of them
# allowed, and still 8 of the 9 consensus links the groups miss that 0.12 offered
POSSIBLE_MIN = 0.18
CONTEXT_DOCUMENT_LIMIT = 60  # open + context documents; above it the open ones are aligned alone (200 take ~5 s)
POSSIBLE_PER_UNIT = 3  # at most this many offered per unit (a pair stays if either unit ranks it so)


class AlignmentCancelled(SidelightError):
    """The researcher stopped the alignment before it finished."""

    def __init__(self) -> None:
        super().__init__(None, "alignment cancelled")


def as_documents(items: Iterable[Any], allow_none: bool = False) -> list[Document]:
    """Accept :class:`Document`, workspace ``Source`` objects or ``(id, text)`` pairs."""
    documents: list[Document] = []
    for item in items:
        if isinstance(item, Document):
            documents.append(item)
        elif isinstance(item, tuple) and len(item) == 2:
            doc_id, text = item
            if not isinstance(text, str):
                raise SidelightError(None, f"document '{doc_id}': text must be a string")
            documents.append(Document(id=str(doc_id), text=text, title=str(doc_id)))
        elif hasattr(item, "id") and hasattr(item, "text"):
            meta = getattr(item, "meta", None)
            documents.append(Document(
                id=item.id, text=item.text, title=getattr(item, "title", item.id),
                outlet=getattr(item, "outlet", ""),
                # of the text aligned: the one recorded at import is stale once text.txt is edited
                content_hash=content_hash(item.text) if meta is not None else "",
            ))
        else:
            raise SidelightError(None, f"cannot align {type(item).__name__}: give sources or (id, text) pairs")
    seen: set[str] = set()
    for d in documents:
        if d.id in seen:
            raise SidelightError(None, f"document id '{d.id}' is given twice")
        seen.add(d.id)
    if not documents and not allow_none:
        raise SidelightError(None, "nothing to compare: no documents given")
    return documents


def align(
    documents: Iterable[Any],
    *,
    context: Iterable[Any] = (),
    corrections: Corrections | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    cache_dir: str | Path | None = None,
    use_embeddings: bool | None = None,
    strict: bool = False,
) -> Alignment:
    """Align the claims of ``documents`` (see the package docstring for the whole API).

    ``strict``: link only pairs scoring :data:`STRICT_EXTRA` above the usual threshold. On the
    sample's five articles every strict link is one both annotators require, against about
    84 in a hundred otherwise, and it finds 45 rather than 59 in a hundred of them; the pairs left
    out are still offered as possible counterparts.

    ``use_embeddings``: True requires sentence embeddings (a ``SidelightError`` says how to
    install them if missing), False never uses them, None uses them when the optional model is
    installed and :data:`EMBEDDINGS_BY_DEFAULT` is set.

    ``context``: other documents (the rest of the workspace) to align alongside ``documents``
    and then leave out of the result, which describes ``documents`` only (see
    :mod:`.projection`: with more wordings of each claim, fewer wrong links and more right
    ones). Ignored beyond :data:`CONTEXT_DOCUMENT_LIMIT` documents in all; ``method`` says so.
    """
    shown = as_documents(documents)
    ids = {d.id for d in shown}
    extra = [d for d in as_documents(context, allow_none=True) if d.id not in ids]
    in_all = len(shown) + len(extra)
    too_many = bool(extra) and in_all > CONTEXT_DOCUMENT_LIMIT
    if too_many:
        extra = []
    # One order whichever documents are open or given first: the groups do not depend on it, the
    # whole workspace's alignment is computed once and cached, and opening another pair of
    # articles only projects it again.
    everything = sorted(shown + extra, key=lambda d: d.id)
    with _cyclic_gc_paused():
        full = _align(everything, corrections, progress, should_stop, cache_dir, use_embeddings, strict)
    if [d.id for d in everything] == [d.id for d in shown]:
        result = full
    else:
        from sidelight.core.alignment.projection import project

        result = project(full, shown)
    if too_many:
        result.method += (f" (the workspace's other sources not used as context: {in_all} documents, "
                          f"limit {CONTEXT_DOCUMENT_LIMIT})")
    note = _languages_note(shown)
    if note:
        result.problems = (*result.problems, note)
    if progress is not None:  # 100 only when all is done, the open documents' part picked out too
        progress(TOTAL, TOTAL, "done")
    return result


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while an alignment runs.

    An alignment allocates millions of small tuples, lists and dicts and frees them by
    reference counting; it makes no reference cycles worth collecting. Left on, the collector
    keeps walking the live objects: on 200 articles it ran a thousand times, half a second of
    seven (timed with ``gc.callbacks``). Reference
    counting still frees everything; the collector's previous state comes back afterwards.
    """
    import gc

    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


_SCRIPT_NAMES = {"en": "English or another Latin-script language", "vi": "Vietnamese", "zh": "Chinese"}


def _languages_note(docs: Sequence[Document]) -> str:
    """Claims are matched by the words they share: say so when the documents are written in
    different languages, rather than let "nothing shared" pass for a finding."""
    from sidelight.core.alignment.facts_other_scripts import script_of

    scripts = {d.id: script_of(d.text[:5000]) for d in docs if d.text.strip()}
    found = list(dict.fromkeys(scripts.values()))  # in the order the documents are given
    if len(found) < 2:
        return ""
    return (f"the documents are in different languages ({', '.join(_SCRIPT_NAMES[s] for s in found)}): claims are "
            "matched by the words, numbers and names they share, so few or none are linked across languages")


def _align(
    docs: list[Document],
    corrections: Corrections | None,
    progress: Progress | None,
    should_stop: ShouldStop | None,
    cache_dir: str | Path | None,
    use_embeddings: bool | None,
    strict: bool,
) -> Alignment:
    from sidelight.core.alignment import embeddings

    if use_embeddings and not embeddings.available():
        raise SidelightError(None, f"sentence embeddings are not installed: {embeddings.INSTALL_HINT}")
    wanted = (EMBEDDINGS_BY_DEFAULT and embeddings.available()) if use_embeddings is None else use_embeddings

    def step(done: int, message: str) -> None:
        if should_stop is not None and should_stop():
            raise AlignmentCancelled()
        if progress is not None:
            progress(min(done, TOTAL), TOTAL, message)

    step(0, "checking the cache")
    variant = ("embeddings" if wanted else "lexical") + (" strict" if strict else "")
    cache_key = cache.key(docs, corrections, variant) if cache_dir is not None else ""
    if cache_dir is not None:
        cached = cache.load(cache_dir, cache_key)
        if cached is not None:
            try:
                result = Alignment.from_json(cached, docs)
            except (SidelightError, KeyError, TypeError, ValueError, AttributeError, IndexError):
                result = None  # an entry damaged by hand or by a full disk: align again
            if result is not None:
                step(TOTAL - 1, "read from the cache")
                return result

    units: list[Unit] = []
    for n, d in enumerate(docs):
        step(5 + 15 * n // len(docs), f"splitting {d.title or d.id} into claims")
        units.extend(segment(d.id, d.text))
    step(20, "reading claims")
    features = [matching.analyse(u) for u in units]
    vectors, method = None, "lexical"
    if wanted and len(units) > EMBEDDING_UNIT_LIMIT:
        method = f"lexical (sentence embeddings skipped: {len(units)} units, limit {EMBEDDING_UNIT_LIMIT})"
    elif wanted and units:
        vectors = _embed(units, cache_dir, step)
        method = f"lexical + sentence embeddings ({embeddings.MODEL_NAME})"
    if strict:
        method += ", strict"
    result = _group(docs, units, features, corrections, lambda done, msg: step(done, msg), vectors, method, strict)
    step(TOTAL - 1, "saving to the cache" if cache_dir is not None else "finishing")
    if cache_dir is not None:
        cache.store(cache_dir, cache_key, result.to_json())
    return result


def _embed(units: Sequence[Unit], cache_dir: str | Path | None, step: Callable[[int, str], None]):
    """Sentence vectors for ``units`` (section titles, never matched, get zeros), cached by text."""
    import numpy as np

    from sidelight.core.alignment import embeddings

    rows = [i for i, u in enumerate(units) if u.kind not in NOT_CLAIMS]
    step(22, "embedding sentences")
    found = embeddings.STORE.embed(
        [units[i].text for i in rows], cache_dir,
        tick=lambda done, total: step(22 + 13 * done // max(total, 1), "embedding sentences"),
    )
    vectors = np.zeros((len(units), embeddings.DIMENSIONS), dtype=np.float32)
    vectors[rows] = found
    return vectors


def _group(
    docs: Sequence[Document],
    units: Sequence[Unit],
    features: Sequence[matching.UnitFeatures],
    corrections: Corrections | None,
    step: Callable[[int, str], None],
    embedded: Any = None,
    method: str = "lexical",
    strict: bool = False,
) -> Alignment:
    doc_index = {d.id: i for i, d in enumerate(docs)}
    document_of = [doc_index[u.document] for u in units]
    row = {u.id: i for i, u in enumerate(units)}
    step(35, "comparing claims")
    if units:
        vectors = matching.vectorise(features)
        scored = matching.score_pairs(
            features, vectors, document_of, len(docs),
            tick=lambda done, total: step(35 + 35 * done // max(total, 1), "comparing claims"),
            embeddings=embedded,
        )
        columns = (scored.a.tolist(), scored.b.tolist(), scored.score.tolist())  # a < b, as build_groups needs
    else:
        scored, columns = None, ([], [], [])
    links: list[tuple[int, int]] = []
    unlinks: list[tuple[int, int]] = []
    problems: list[str] = []
    alone: list[Unit] = []
    if corrections is not None and len(corrections):
        by_doc: dict[str, list[Unit]] = {}
        for u in units:
            by_doc.setdefault(u.document, []).append(u)
        linked, unlinked, problems, alone = resolve_all(corrections, by_doc, {d.id: d.text for d in docs})
        links = [(row[a.id], row[b.id]) for a, b in linked]
        unlinks = [(row[a.id], row[b.id]) for a, b in unlinked]
    step(70, "grouping claims")
    thresholds = ({"edge_min": grouping.EDGE_MIN_EMBEDDED, "link_min": grouping.LINK_MIN_EMBEDDED}
                  if embedded is not None else {"edge_min": grouping.EDGE_MIN, "link_min": grouping.LINK_MIN})
    if strict:
        thresholds["edge_min"] += STRICT_EXTRA
    rows_groups, sim, refused, pair_arrays = grouping.build_groups(
        len(units), document_of, columns, links=links, unlinks=unlinks,
        edge_min=thresholds["edge_min"], link_min=thresholds["link_min"],
        tick=lambda done, total: step(70 + 15 * done // max(total, 1), "grouping claims"),
    )
    for a, b in refused:
        problems.append(f"link between '{units[a].text[:40]}…' and '{units[b].text[:40]}…' not applied: "
                        "it would put two units of one document in one group")
    forced = set(links)
    step(85, "finding conflicts")
    groups: list[Group] = []
    matches: list[Match] = []
    group_scores, strongest = grouping.scores_and_links(rows_groups, pair_arrays)
    shown: dict[tuple[int, int], Evidence] = {}  # the evidence of a pair of wordings, worked out once
    texts = {d.id: d.text for d in docs}

    def said_before(unit: Unit) -> tuple:
        r = row[unit.id]
        return attribution_before(unit, units[r - 1] if r else None, texts[unit.document], lambda u: features[row[u.id]].facts)

    for n, rows in enumerate(rows_groups):
        members = [units[r] for r in rows]
        documents = tuple(dict.fromkeys(u.document for u in members))
        kind: GroupKind = "unique" if len(documents) == 1 else ("shared" if len(documents) == len(docs) else "partial")
        found = conflicts(members, [features[r].facts for r in rows], said_before) if len(rows) > 1 else ()
        groups.append(Group(id=f"g{n + 1}", kind=kind, units=tuple(u.id for u in members), documents=documents,
                            score=round(group_scores[n], 4), conflicts=found))
        for x, y in strongest[n]:
            pair = (id(features[x]), id(features[y]))  # features are shared by units worded alike
            if pair not in shown:
                shown[pair] = matching.evidence(features[x], features[y])
            matches.append(Match(units[x].id, units[y].id, round(sim.get((x, y), 0.0), 4), shown[pair],
                                 corrected=(x, y) in forced or (y, x) in forced))
        if n % 500 == 0:
            step(85 + 10 * n // max(len(rows_groups), 1), "finding conflicts")  # 100 is only ever "done"
    step(95, "finding possible counterparts")
    possible = [Match(units[x].id, units[y].id, round(score, 4))
                for x, y, score in _possible_links(rows_groups, scored, unlinks)] if scored is not None else []
    return Alignment(docs, units, groups, matches, problems, method=method, possible=possible,
                     alone=[u.id for u in alone])


def _possible_links(rows_groups: list[list[int]], scored: Any, unlinks: list[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """Scored pairs too weak to group (from :data:`POSSIBLE_MIN` up) that sit in two groups, but
    not a pair the researcher unlinked: for each unit its :data:`POSSIBLE_PER_UNIT` strongest (a
    researcher reads a few, not dozens, and a wire sentence copied by 200 outlets would
    otherwise offer 200)."""
    import numpy as np

    n_units = sum(len(rows) for rows in rows_groups)
    group_at = np.empty(n_units, dtype=np.int64)
    for n, rows in enumerate(rows_groups):
        group_at[rows] = n
    a, b, score = scored.a.astype(np.int64), scored.b.astype(np.int64), scored.score
    keep = (score >= POSSIBLE_MIN) & (group_at[a] != group_at[b])
    if unlinks:
        refused = {(min(x, y), max(x, y)) for x, y in unlinks}
        keep &= np.fromiter(((x, y) not in refused for x, y in zip(a.tolist(), b.tolist())), dtype=bool, count=len(a))
    a, b, score = a[keep], b[keep], score[keep]
    chosen = np.zeros(len(a), dtype=bool)
    places = matching.score_places(score)
    for this in (a, b):
        order, _starts, rank = matching.ranked_blocks(this, score, places)
        chosen[order[rank < POSSIBLE_PER_UNIT]] = True
    return sorted(zip(a[chosen].tolist(), b[chosen].tolist(), score[chosen].tolist()))
