"""Agreement coefficients as content analysis reports them.

Krippendorff's alpha comes from the ``krippendorff`` package: it takes any number of reviewers,
missing values (a reviewer who did not code a document) and the nominal, ordinal and interval
levels a codebook's fields need. Cohen's kappa for two reviewers is a few lines of arithmetic,
checked against Cohen's (1960) published table. Both are undefined when every decision is the
same (nothing varies, so chance agreement is total): they are then ``None``, shown as "n/a",
never a made-up 1.0.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence
from typing import Any, cast

LEVELS = ("nominal", "ordinal", "interval", "ratio")


def krippendorff_alpha(data: Sequence[Sequence[float | None]], level: str = "nominal") -> float | None:
    """Alpha over ``data`` (a row per reviewer, a column per unit, ``None`` where missing)."""
    if level not in LEVELS:
        raise ValueError(f"unknown level of measurement {level!r}")
    import krippendorff
    import numpy as np

    matrix = np.array([[math.nan if v is None else float(v) for v in row] for row in data], dtype=float)
    pairable = matrix[:, (~np.isnan(matrix)).sum(axis=0) >= 2]
    values = pairable[~np.isnan(pairable)]
    if values.size == 0 or np.unique(values).size < 2:
        return None
    return float(krippendorff.alpha(reliability_data=pairable, level_of_measurement=cast(Any, level)))


def cohen_kappa(first: Sequence[Hashable | None], second: Sequence[Hashable | None]) -> float | None:
    """Cohen's kappa of two reviewers' decisions on the same units (``None``: not coded)."""
    pairs = [(a, b) for a, b in zip(first, second, strict=True) if a is not None and b is not None]
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[c] * right[c] for c in left) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def percent_agreement(data: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Share of units on which every reviewer who coded it chose the same (units coded by two or more)."""
    columns = [[v for v in column if v is not None] for column in zip(*data, strict=True)]
    judged = [c for c in columns if len(c) >= 2]
    if not judged:
        return None
    return sum(len(set(c)) == 1 for c in judged) / len(judged)
