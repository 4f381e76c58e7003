"""How the three kinds of claim are named and coloured, in the window and in reports alike.

Colours come from the Okabe–Ito palette, which stays distinct for the common forms of colour
blindness; text is highlighted with a light tint of each, so black text stays readable, and
the legend and the HTML report show that same tint rather than the full colour. A claim is
carried by one *article*: two articles of one outlet are two documents here.
"""

from __future__ import annotations

KIND_COLOURS = {
    "shared": "#56B4E9",  # sky blue: every open document carries the claim
    "partial": "#E69F00",  # orange: some documents carry it
    "unique": "#CC79A7",  # reddish purple: only this document
}
KIND_LABELS = {"shared": "Shared by all", "partial": "Shared by some", "unique": "Only this article"}
SUMMARY_LABELS = {"shared": "shared by all", "partial": "shared by some", "unique": "only in one article"}
KIND_ALPHA = {"shared": 90, "partial": 90, "unique": 60}  # of 255; unique claims are the many: a quieter tint
CONFLICT_COLOUR = "#D55E00"  # vermillion underline: the group states a fact differently
SELECTED_COLOUR = "#009E73"  # bluish green outline for the unit clicked and its counterparts


def tint_on_white(hex_colour: str, alpha: int) -> str:
    """The colour ``hex_colour`` at ``alpha`` (0-255) shows on a white page, as ``#rrggbb``."""
    channels = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 + (c - 255) * alpha / 255):02x}" for c in channels)


def highlight_colour(kind: str) -> str:
    """The background a claim of ``kind`` gets in the text."""
    return tint_on_white(KIND_COLOURS[kind], KIND_ALPHA[kind])
