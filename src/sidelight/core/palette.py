"""Colours for codes that stay apart for readers with colour-vision deficiencies.

A code's colour is what a researcher scans for in a highlighted article, so the first colours of
every group come from Paul Tol's "muted" scheme (nine colours chosen to be told apart under the
common forms of colour blindness) and then from Okabe & Ito's eight-colour set. A group with more
than twelve codes repeats colours; the code's name is always shown next to its highlight.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

TOL_MUTED = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499")
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
# Sky blue, orange and reddish purple tint the claims (shared by all, by some, only this article)
# and #0072B2 reads as the same blue over them: a new code never takes those, so a coded span is
# not mistaken for a kind of claim.
CLAIM_COLOURS = ("#56B4E9", "#E69F00", "#CC79A7", "#0072B2")
PALETTE: tuple[str, ...] = TOL_MUTED + tuple(c for c in OKABE_ITO if c not in CLAIM_COLOURS)

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def is_colour(value: object) -> bool:
    """True for ``#RRGGBB``, the one colour notation codebook files use."""
    return isinstance(value, str) and bool(_HEX.match(value))


def next_colour(used: Iterable[str]) -> str:
    """The first palette colour no code in *used* has yet, else the least used one."""
    counts = Counter(c.upper() for c in used)
    return min(PALETTE, key=lambda colour: (counts[colour.upper()], PALETTE.index(colour)))
