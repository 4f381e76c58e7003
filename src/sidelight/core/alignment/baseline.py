"""The plain method the aligner has to beat: TF-IDF cosine, a threshold, connected components.

Same units as the aligner (so only matching differs), lower-cased words without stop words,
no stemming, synonyms, character n-grams or blocking: every pair of units is compared with
one sparse matrix product. It is kept here, not in the benchmark, so the benchmark, the
``sidelight eval`` command and the tests all measure the same baseline.
"""

from __future__ import annotations

from collections.abc import Sequence

from sidelight.core.alignment import terms as term_tools
from sidelight.core.alignment.model import Unit
from sidelight.core.alignment.vectors import _tfidf

THRESHOLD = 0.5


def baseline_groups(units: Sequence[Unit], threshold: float = THRESHOLD) -> list[list[str]]:
    """Groups of unit ids: connected components of the graph of pairs with cosine >= threshold."""
    import numpy as np
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    if not units:
        return []
    rows = [
        ((w, 1.0) for w in term_tools.words(u.text) if w not in term_tools.STOP_WORDS and len(w) > 1)
        for u in units
    ]
    vectors, _names = _tfidf(rows)
    similar = (vectors @ vectors.T).tocoo()
    keep = (similar.data >= threshold) & (similar.row != similar.col)
    graph = sparse.coo_matrix(
        (np.ones(int(keep.sum())), (similar.row[keep], similar.col[keep])), shape=(len(units), len(units))
    )
    count, labels = connected_components(graph, directed=False)
    groups: list[list[str]] = [[] for _ in range(count)]
    for unit, label in zip(units, labels):
        groups[label].append(unit.id)
    return groups
