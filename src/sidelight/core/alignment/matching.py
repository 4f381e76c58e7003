"""Score pairs of claim units from different documents, visiting only plausible pairs.

Comparing every unit with every other is quadratic; instead an inverted index over the
distinctive terms (a sparse product over the term columns that few units use) proposes the
pairs that share at least one of them, and only those get a full score. A term used by more
than a few units per document ("China", "cooperation") proposes nothing: it cannot tell one
claim from another anyway. Of the proposed pairs, each unit keeps only its best in every
other document (a group holds one unit per document, so the rest could not change a group),
and only those get the character n-gram step, the expensive one. The score mixes term cosine (paraphrase through stems and
synonyms), character n-gram cosine (spelling variants) and a small bonus for each number,
date or name both units state, because a shared "$200 billion" or "December 12" is strong
evidence of one claim. Two units that both name years but no year in common lose part of
their score: "trade reached $185 billion in 2023" and "trade amounted to $50 billion in 2012"
are two facts of one topic, not one claim told twice. (A strong pair still links, so an outlet
that misdates an event still shows as a divergence.)

With sentence embeddings (optional, :mod:`.embeddings`), units that are each other's nearest
by embedding cosine in the other's document are proposed too (paraphrases that share no
distinctive term never reach the index), and a pair's score gains a bonus that grows with
its embedding cosine above ``EMBEDDING_FLOOR``: two sentences of one story reach a cosine of
0.35 on the seeds' median and 0.56 at the 90th percentile without being one claim, so only a
cosine well above that says anything.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sidelight.core.alignment import terms as term_tools
from sidelight.core.alignment.facts import Facts, extract
from sidelight.core.alignment.model import Evidence, Unit
from sidelight.core.alignment.vectors import UnitVectors, build, rowwise_dot

TERM_WEIGHT = 0.6
CHAR_WEIGHT = 0.4
FACT_BONUS = 0.04
MAX_FACT_BONUS = 0.12
OTHER_YEARS_FACTOR = 0.6  # both name years, no year in common: most likely two facts, not one
BLOCK_MIN_DF = 12  # a term in at most this many units always proposes pairs ...
BLOCK_DF_PER_DOCUMENT = 2.0  # ... or in up to this many per document, for large collections,
PAIR_BUDGET_PER_UNIT = 20  # ... or as common as the pair budget allows (see _budget_cap)
CANDIDATE_FLOOR = 0.1  # partial term cosine below which a proposed pair is dropped
TOP_PER_DOCUMENT = 1  # a pair stays if it is the best of one of its units in the other's document
CHUNK = 50_000
# A pair sharing fewer than this many distinctive terms scores this much less (see
# _distinctive_shared); on the sample's consensus gold it raised link precision and recall on
# both splits (held-out: P 0.75 -> 0.81, R 0.46 -> 0.50; pairs of articles aligned alone:
# P 0.45 -> 0.55, R 0.50 -> 0.57; 0.56 with compounds folded), and 0.4 to 0.7 give the same.
# Both giving a date or an amount counts as one such term, whatever the values (_figure_kinds).
MIN_DISTINCTIVE_SHARED = 2
FEW_SHARED_FACTOR = 0.6
DISTINCTIVE_DF_SHARE = 0.1
CHAR_MIN_TERM_SIM = 0.08
VERBATIM_PARTNERS = 200  # copies of an isolated unit's wording proposed, at most (see _with_verbatim_copies)
_FAMILY = {"section": -1, "credit": -1, "note": -1, "caption": 1}
# With sentence embeddings (set on the benchmark's tuning split, the first three sources):
EMBEDDING_WEIGHT = 0.3  # score bonus at cosine 1.0 ...
EMBEDDING_FLOOR = 0.6  # ... falling linearly to 0 at this cosine and below
EMBEDDING_NEIGHBOUR_MIN = 0.7  # mutual nearest neighbours by embedding at this cosine are proposed


NAME_WEIGHT = 0.5  # names say what a sentence is about, not what it claims
WHO_WEIGHT = 0.5  # words that only say who speaks or what post someone holds (see _term_weights)
_NAME_WORD = re.compile(r"(?<![.!?\"“]\s)(?<!^)\b[A-Z][a-z]+")


@dataclass(frozen=True)
class UnitFeatures:
    """What matching and divergence need to know about a unit, computed once."""

    kind: str
    terms: tuple[str, ...]
    names: frozenset[str]
    weights: dict[str, float]  # terms that count less than 1: names, and words only in who_spans
    words: tuple[str, ...]
    forms: dict[str, str]
    facts: Facts


def analyse(unit: Unit) -> UnitFeatures:
    return _analyse(unit.kind, unit.text)


@lru_cache(maxsize=50_000)
def _analyse(kind: str, text: str) -> UnitFeatures:
    """Cached by text: wire copy and syndicated sentences recur across outlets word for word."""
    unit_text = text
    words = tuple(term_tools.content_words(unit_text))
    terms = tuple(term_tools.term_of(w) for w in words)
    names = frozenset(term_tools.term_of(w.lower()) for w in _NAME_WORD.findall(unit_text))
    forms: dict[str, str] = {}
    for word, term in zip(words, terms):
        forms.setdefault(term, word)
    facts = extract(unit_text)
    return UnitFeatures(
        kind=kind,
        terms=terms,
        names=names,
        weights=_term_weights(unit_text, names, (*facts.who_spans, *_caption_dateline(kind, unit_text))),
        words=words,
        forms=forms,
        facts=facts,
    )


# Where and when a photo was taken, at the end of its caption: "… in Hanoi, capital of Vietnam, on
# December 12, 2023, after their talks." Photos of one event share it, whatever they show.
_DATELINE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?[A-Z][^.;]{0,80}?\b(?:19|20)\d\d\b")


def _caption_dateline(kind: str, text: str) -> list[tuple[int, int]]:
    if kind != "caption":
        return []
    found = list(_DATELINE.finditer(text))
    return [found[-1].span()] if found else []


def _term_weights(text: str, names: frozenset[str], who_spans: Sequence[tuple[int, int]]) -> dict[str, float]:
    """Names count ``NAME_WEIGHT``; words found only where the text says who speaks or what
    post someone holds count ``WHO_WEIGHT``: who said it is compared as attribution, and the
    same leader's full title in two sentences is not one claim."""
    weights = {t: NAME_WEIGHT for t in names}
    if not who_spans:
        return weights
    inside = {term_tools.term_of(w) for s, e in who_spans for w in term_tools.content_words(text[s:e])}
    rest, last = [], 0
    for s, e in who_spans:
        rest.append(text[last:s])
        last = max(last, e)
    rest.append(text[last:])
    outside = {term_tools.term_of(w) for w in term_tools.content_words(" ".join(rest))}
    for t in inside - outside:
        weights[t] = min(weights.get(t, 1.0), WHO_WEIGHT)
    return weights


@dataclass
class ScoredPairs:
    """Parallel arrays: unit rows ``a`` < ``b`` and their ``score``."""

    a: Any
    b: Any
    score: Any


def vectorise(features: Sequence[UnitFeatures]) -> UnitVectors:
    """Term and character vectors of the units; each distinct text (features are shared by
    units worded alike) is read once."""
    keys = _text_keys(features)
    distinct = list({id(f): f for f in features}.values())  # in the order of their keys
    return build([f.terms for f in distinct], [f.words for f in distinct],
                 [f.weights for f in distinct], rows=keys)


def score_pairs(
    features: Sequence[UnitFeatures],
    vectors: UnitVectors,
    document_of: Sequence[int],
    n_documents: int,
    tick: Callable[[int, int], None] | None = None,
    embeddings: Any = None,
) -> ScoredPairs:
    """Score the cross-document pairs the index proposes. ``tick(done, total)`` may raise to cancel.

    ``embeddings``: optional unit-length sentence vectors, one row per unit (see the module
    docstring); without them the score is lexical only.
    """
    import numpy as np

    docs = np.asarray(document_of, dtype=np.int64)
    cap = max(BLOCK_MIN_DF, int(BLOCK_DF_PER_DOCUMENT * n_documents), _budget_cap(vectors.term_df, len(features)))
    # The product over the columns of all but the commonest terms proposes the pairs and is,
    # at once, their term cosine less the small share those common terms would add.
    columns = np.flatnonzero((vectors.term_df >= 2) & (vectors.term_df <= cap))
    block = vectors.terms[:, columns].tocsr()
    proposed = (block @ block.T).tocoo()
    # each pair once (a < b) and close enough, then the rules on what may pair, on far fewer
    near = np.flatnonzero((proposed.row < proposed.col) & (proposed.data >= CANDIDATE_FLOOR))
    rows_a, rows_b, partial = proposed.row[near], proposed.col[near], proposed.data[near]
    # Section titles are never matched; captions only with captions (they describe photos).
    family = np.asarray([_FAMILY.get(f.kind, 0) for f in features], dtype=np.int64)
    family_a = family[rows_a]
    keep = np.flatnonzero((docs[rows_a] != docs[rows_b]) & (family_a == family[rows_b]) & (family_a >= 0))
    rows_a, rows_b, partial = rows_a[keep], rows_b[keep], partial[keep]
    same_text = _text_keys(features)
    rows_a, rows_b, partial = _with_verbatim_copies(rows_a, rows_b, partial, same_text, docs, family)
    if embeddings is not None:
        rows_a, rows_b, partial = _with_neighbours(rows_a, rows_b, partial, embeddings, docs, family, vectors)
        cosine = _embedding_score(np.einsum("ij,ij->i", embeddings[rows_a], embeddings[rows_b]))
        rank = partial + EMBEDDING_WEIGHT * cosine
    else:
        cosine, rank = None, partial
    top = _top_per_document(rows_a, rows_b, rank, docs, TOP_PER_DOCUMENT)
    rows_a, rows_b, partial = rows_a[top], rows_b[top], partial[top]
    if cosine is not None:
        cosine = cosine[top]
    # Character n-grams only refine pairs that share some meaning; the rest cannot reach a group.
    near = np.flatnonzero(partial >= CHAR_MIN_TERM_SIM)
    char_sim = np.zeros(len(rows_a))
    char_sim[near] = _unique_rowwise_dot(vectors.chars, rows_a[near], rows_b[near], same_text, tick)
    scores = TERM_WEIGHT * partial + CHAR_WEIGHT * char_sim
    if cosine is not None:
        scores = scores + EMBEDDING_WEIGHT * cosine
    if tick:
        tick(len(rows_a), len(rows_a))
    fact_keys = [_fact_keys(f.facts) for f in features]
    years = [_years(f.facts) for f in features]
    # only pairs where both units state facts (or years) are looked at one by one
    worth = scores >= 0.1
    has_keys = np.fromiter((bool(k) for k in fact_keys), dtype=bool, count=len(features))
    look = np.flatnonzero(worth & has_keys[rows_a] & has_keys[rows_b])
    shared = np.fromiter((len(fact_keys[x] & fact_keys[y]) for x, y in zip(rows_a[look].tolist(), rows_b[look].tolist())),
                         dtype=np.float64, count=len(look))
    scores[look] += np.minimum(MAX_FACT_BONUS, FACT_BONUS * shared)
    has_years = np.fromiter((bool(y) for y in years), dtype=bool, count=len(features))
    look = np.flatnonzero(worth & has_years[rows_a] & has_years[rows_b])
    other_years = np.fromiter((years[x].isdisjoint(years[y]) for x, y in zip(rows_a[look].tolist(), rows_b[look].tolist())),
                              dtype=bool, count=len(look))
    scores[look[other_years]] *= OTHER_YEARS_FACTOR
    # only pairs that could link or be offered (the rest only fall lower): a fraction of them all
    weighed = np.flatnonzero(scores >= 0.1)
    counted = _distinctive_shared(features, rows_a[weighed], rows_b[weighed], n_documents, same_text)
    figures = np.fromiter((_figure_kinds(f.facts) for f in features), dtype=np.int64, count=len(features))
    counted = counted + ((figures[rows_a[weighed]] & figures[rows_b[weighed]]) != 0)
    few = weighed[counted < MIN_DISTINCTIVE_SHARED]
    # a short line printed word for word by both ("Photo: Reuters", a headline) is the same line
    few = few[[features[x].terms != features[y].terms for x, y in zip(rows_a[few].tolist(), rows_b[few].tolist())]] \
        if len(few) else few
    scores[few] *= FEW_SHARED_FACTOR
    np.minimum(scores, 1.0, out=scores)  # a similarity, shown as such: identical sentences score 1.00
    return ScoredPairs(a=rows_a, b=rows_b, score=scores)


def _distinctive_shared(features: Sequence[UnitFeatures], rows_a, rows_b, n_documents: int, same_text):
    """How many distinctive terms (in at most :data:`DISTINCTIVE_DF_SHARE` of the units, or in no
    more units than there are documents) each pair shares, names both capitalise left out.

    One rare word in common ("fruitful visit" / "fruitful results") is weak evidence of one
    claim, and so are names alone: the same expert introduced before two different quotes
    ("Ge Hongliang, deputy director of the College of ASEAN Studies at Guangxi University").
    """
    import numpy as np
    from scipy import sparse

    # one row per distinct text (``same_text`` numbers them), the document frequency still
    # counting every unit
    copies = np.bincount(same_text).tolist()
    texts: list[UnitFeatures] = [features[0]] * len(copies)
    for row, key in enumerate(same_text.tolist()):
        texts[key] = features[row]
    df: Counter[str] = Counter()
    for f, n in zip(texts, copies):
        for term in set(f.terms):
            df[term] += n
    cap = max(float(n_documents), DISTINCTIVE_DF_SHARE * len(features))
    column: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, f in enumerate(texts):
        for term in set(f.terms):
            if df[term] <= cap:
                c = column.setdefault(term, len(column))
                rows.append(row)
                cols.append(2 * c)
                if term in f.names:
                    rows.append(row)
                    cols.append(2 * c + 1)
    # Each term has two columns: "present" and "named". The left rows are multiplied with
    # right rows whose "named" column is negated, so one product gives the shared distinctive
    # terms less those both units capitalise.
    shape = (len(texts), max(2 * len(column), 1))
    left = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
    right = left.copy()
    right.data[right.indices % 2 == 1] = -1.0
    text_a, text_b, inverse = _text_pairs(same_text, rows_a, rows_b)
    return np.rint(rowwise_dot(left, text_a, text_b, right)[inverse]).astype(np.int64)


def _text_keys(features: Sequence[UnitFeatures]):
    """One number per distinct text (features are cached by text, so equal texts share one
    object): rows with the same number have the same vectors."""
    import numpy as np

    keys: dict[int, int] = {}
    return np.fromiter((keys.setdefault(id(f), len(keys)) for f in features), dtype=np.int64, count=len(features))


def _unique_rowwise_dot(matrix, rows_a, rows_b, same_text, tick: Callable[[int, int], None] | None = None):
    """``rowwise_dot`` computed once per pair of distinct texts.

    Wire copy and syndicated sentences recur word for word across outlets, so many pairs
    compare the same two texts (half of them in the 200-article benchmark); their rows are
    equal, and so are their products. ``tick(done, total)`` is called between chunks.
    """
    import numpy as np

    if len(rows_a) == 0:
        return np.zeros(0)
    first_row = np.zeros(int(same_text.max()) + 1, dtype=np.int64)
    first_row[same_text] = np.arange(len(same_text))  # a row of each text (any will do)
    text_a, text_b, inverse = _text_pairs(same_text, rows_a, rows_b)
    unique_a, unique_b = first_row[text_a], first_row[text_b]
    values = np.zeros(len(text_a))
    for start in range(0, len(text_a), CHUNK):
        if tick:
            tick(start, len(text_a))
        values[start:start + CHUNK] = rowwise_dot(matrix, unique_a[start:start + CHUNK], unique_b[start:start + CHUNK])
    return values[inverse]


def _text_pairs(same_text, rows_a, rows_b):
    """The distinct pairs of texts the row pairs compare (as text numbers, see :func:`_text_keys`),
    and for each row pair the index of its text pair."""
    import numpy as np

    width = int(same_text.max()) + 1
    ka, kb = same_text[rows_a], same_text[rows_b]
    pair_keys, inverse = np.unique(np.minimum(ka, kb) * width + np.maximum(ka, kb), return_inverse=True)
    return pair_keys // width, pair_keys % width, inverse.ravel()


def _with_verbatim_copies(rows_a, rows_b, partial, same_text, docs, family):
    """Add, for each unit the index proposed nothing for, the units of other documents worded
    exactly like it (term cosine 1).

    In a long document that repeats itself (a report quoting the same articles again and
    again) every word is too common for the index, so even a sentence printed word for word in
    both documents would find no counterpart. Only such isolated units are looked at, so the
    usual collections pay nothing; at most :data:`VERBATIM_PARTNERS` copies each.
    """
    import numpy as np

    n = len(same_text)
    degree = np.bincount(np.concatenate([rows_a, rows_b]).astype(np.int64), minlength=n)
    isolated = np.flatnonzero((degree == 0) & (family >= 0))
    if len(isolated) == 0:
        return rows_a, rows_b, partial
    wanted = set(same_text[isolated].tolist())
    copies: dict[int, dict[int, list[int]]] = {}  # text -> document -> its rows of that text
    for row, (text, doc) in enumerate(zip(same_text.tolist(), docs.tolist())):
        if text in wanted:
            copies.setdefault(text, {}).setdefault(doc, []).append(row)
    extra = set()
    for i in isolated.tolist():  # the first copies in other documents, in row order
        by_doc = copies[int(same_text[i])]
        others = heapq.merge(*(rows for doc, rows in by_doc.items() if doc != docs[i]))
        extra.update((min(i, j), max(i, j)) for j in itertools.islice(others, VERBATIM_PARTNERS))
    if not extra:
        return rows_a, rows_b, partial
    first, second = (np.fromiter(side, dtype=np.int64, count=len(extra)) for side in zip(*sorted(extra)))
    return (np.concatenate([rows_a.astype(np.int64), first]), np.concatenate([rows_b.astype(np.int64), second]),
            np.concatenate([partial, np.ones(len(extra))]))


def _budget_cap(term_df, n_units: int) -> int:
    """The highest term frequency the index can afford in this collection.

    A fixed cap suits a few articles, but in long documents (a 1 MB report has thousands of
    sentences) every useful term is "common" by that measure and nothing would be proposed at
    all. So the rarest terms are admitted first while the pairs they propose, ``df * (df - 1) / 2``
    each, stay within ``PAIR_BUDGET_PER_UNIT`` times the number of units: cost stays linear
    in the collection's size.
    """
    import numpy as np

    df = np.sort(term_df[term_df >= 2].astype(np.int64))
    if len(df) == 0:
        return 0
    spent = np.cumsum(df * (df - 1) // 2)
    affordable = np.searchsorted(spent, PAIR_BUDGET_PER_UNIT * n_units, side="right")
    return int(df[affordable - 1]) if affordable else 0


def _embedding_score(cosine):
    import numpy as np

    return np.clip((cosine - EMBEDDING_FLOOR) / (1.0 - EMBEDDING_FLOOR), 0.0, 1.0)


def _with_neighbours(rows_a, rows_b, partial, embeddings, docs, family, vectors):
    """Add the pairs of units that are each other's nearest by embedding cosine in the other's
    document, at a cosine of at least ``EMBEDDING_NEIGHBOUR_MIN`` (same family rules as the
    index), to the proposed pairs; new pairs get their term cosine."""
    import numpy as np

    n = len(docs)
    similarity = embeddings @ embeddings.T
    allowed = (docs[:, None] != docs[None, :]) & (family[:, None] == family[None, :]) & (family[:, None] >= 0)
    similarity = np.where(allowed, similarity, -np.inf)
    best = np.full((n, int(docs.max()) + 1), -1, dtype=np.int64)
    for d in np.unique(docs):
        columns = np.flatnonzero(docs == d)
        best[:, d] = columns[np.argmax(similarity[:, columns], axis=1)]
    a = np.arange(n)
    extra_a, extra_b = [], []
    for d in np.unique(docs):
        b = best[:, d]
        ok = (best[b, docs] == a) & (similarity[a, b] >= EMBEDDING_NEIGHBOUR_MIN) & (a < b)
        extra_a.append(a[ok])
        extra_b.append(b[ok])
    a = np.concatenate([rows_a.astype(np.int64), *extra_a])
    b = np.concatenate([rows_b.astype(np.int64), *extra_b])
    known = np.concatenate([partial, np.full(len(a) - len(partial), -1.0)])
    pair_key = a * n + b
    order = np.lexsort((-known, pair_key))  # a pair the index proposed keeps its partial cosine
    first = order[np.r_[True, pair_key[order][1:] != pair_key[order][:-1]]]
    a, b, known = a[first], b[first], known[first]
    new = np.flatnonzero(known < 0)
    known[new] = rowwise_dot(vectors.terms, a[new], b[new])
    return a, b, known


def _top_per_document(rows_a, rows_b, score, docs, k: int):
    """Mask of the pairs that are among the ``k`` best of ``a`` in ``b``'s document or of ``b``
    in ``a``'s.

    A group holds one unit per document, so a unit only ever needs its best counterparts in
    each other document; the rest of its proposals would cost character n-gram work (the
    expensive step) and could not change a group. Ties at the k-th place are kept.
    """
    import numpy as np

    keep = np.zeros(len(rows_a), dtype=bool)
    if len(rows_a) == 0:
        return keep
    n_docs = int(docs.max()) + 1
    places = score_places(score)
    for this, other in ((rows_a, rows_b), (rows_b, rows_a)):
        order, starts, _rank = ranked_blocks(this.astype(np.int64) * n_docs + docs[other], score, places)
        sorted_score = score[order]
        # the k-th best score of each (unit, document) block (or its last); anything at least as good stays
        lengths = np.diff(np.r_[starts, len(order)])
        floor = sorted_score[starts + np.minimum(lengths, k) - 1]
        keep[order] |= sorted_score >= np.repeat(floor, lengths)
    return keep


def score_places(score):
    """Each score's place in best-first order, ties by position: ``ranked_blocks`` sorts by
    key and place at once, and several sortings of the same scores share one."""
    import numpy as np

    places = np.empty(len(score), dtype=np.int64)
    places[np.argsort(-score, kind="stable")] = np.arange(len(score))
    return places


def ranked_blocks(key, score, places=None):
    """Sort by ``key``, best ``score`` first within each key: returns (order, start of each
    block in that order, rank of each sorted element within its block, 0 for the best).
    ``places``: :func:`score_places` of ``score``, when already known."""
    import numpy as np

    key = np.asarray(key, dtype=np.int64)
    n = len(score)
    if places is None:
        places = score_places(score)
    if n and int(key.max()) < np.iinfo(np.int64).max // max(n, 1) - 1:
        # key and place in one number, all distinct: one unstable sort, not two stable ones
        order = np.argsort(key * n + places)
    else:
        order = np.lexsort((places, key))
    sorted_key = key[order]
    starts = np.flatnonzero(np.r_[True, sorted_key[1:] != sorted_key[:-1]])
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    return order, starts, rank


def _years(facts: Facts) -> frozenset[int]:
    """The years a unit names (date keys are (month, day, to day, year) tuples)."""
    years = (f.key[3] for f in facts.date if isinstance(f.key, tuple))
    return frozenset(y for y in years if isinstance(y, int))


def _figure_kinds(facts: Facts) -> int:
    """Which kinds of figure a unit gives, as bits: an amount of money (1), a share (2), a
    calendar date (4; a year alone does not count). Two units giving the same kind count it
    as one distinctive term shared, whatever the values.

    Figures are distinctive terms, so an outlet that misstates one ("December 15 to 16" for
    "December 12 to 13") lost the very terms that made the pair distinctive, and the claim fell
    apart into two unique ones instead of showing the conflict. That both give the figure at
    all is evidence they report one fact; whether the values agree is for the conflicts.
    """
    return ((1 if facts.money else 0) | (2 if facts.percent else 0)
            | (4 if any(isinstance(f.key, tuple) and f.key[0] is not None for f in facts.date) else 0))


def _fact_keys(facts: Facts) -> set[tuple[str, object]]:
    keys: set[tuple[str, object]] = set()
    for kind in ("money", "percent", "number", "date", "person"):
        for fact in getattr(facts, kind):
            keys.add((kind, fact.key))
    return keys


def evidence(a: UnitFeatures, b: UnitFeatures, idf: Callable[[str], float] | None = None) -> Evidence:
    """What two units share: distinctive terms (as ``a`` wrote them), numbers and names."""
    shared = [t for t in a.forms if t in b.forms]
    if idf is not None:
        shared.sort(key=lambda t: -idf(t))
    # As each side wrote it ("largest ~ foremost"), and folded names spelled out again
    # ("party leader", not the internal "partyleader").
    wording = [_shown(a.forms[t], b.forms[t]) for t in shared]
    numbers_a = {(type(f.key), f.key): f.text for f in _numeric(a.facts)}
    numbers_b = {(type(f.key), f.key) for f in _numeric(b.facts)}
    entities_a = a.facts.entities_for_evidence()
    entities_b = b.facts.entities_for_evidence()
    return Evidence(
        terms=tuple(dict.fromkeys(wording))[:10],
        numbers=tuple(text for key, text in numbers_a.items() if key in numbers_b),
        entities=tuple(text for key, text in entities_a.items() if key in entities_b),
    )


def _shown(a_word: str, b_word: str) -> str:
    a_word, b_word = term_tools.readable(a_word), term_tools.readable(b_word)
    return a_word if a_word.casefold() == b_word.casefold() else f"{a_word} ~ {b_word}"


def _numeric(facts: Facts):
    return (*facts.money, *facts.percent, *facts.number, *facts.date, *facts.weekday)
