"""Colours for claim kinds, from the Okabe–Ito palette, which stays distinct for the common
forms of colour blindness. Light tints as backgrounds keep black text readable."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

KIND_COLOURS = {
    "shared": "#56B4E9",  # sky blue: every open document carries the claim
    "partial": "#E69F00",  # orange: some documents carry it
    "unique": "#CC79A7",  # reddish purple: only this document
}
KIND_LABELS = {
    "shared": "Shared by all",
    "partial": "Shared by some",
    "unique": "Only this outlet",
}
CONFLICT_COLOUR = "#D55E00"  # vermillion underline: the group states a fact differently
SELECTED_COLOUR = "#009E73"  # bluish green outline for the unit clicked and its counterparts


def tint(hex_colour: str, alpha: int = 70) -> QColor:
    colour = QColor(hex_colour)
    colour.setAlpha(alpha)
    return colour


KIND_ALPHA = {"shared": 90, "partial": 90, "unique": 45}  # unique claims are the many; keep them quiet


ALTERNATE_ALPHA = 1.6  # the second of two neighbouring claims of one kind, a shade deeper


def kind_format(kind: str, conflict: bool = False, alternate: bool = False) -> QTextCharFormat:
    """``alternate``: a deeper shade, so that two claims of one kind side by side read as two."""
    fmt = QTextCharFormat()
    alpha = KIND_ALPHA[kind]
    fmt.setBackground(tint(KIND_COLOURS[kind], round(alpha * ALTERNATE_ALPHA) if alternate else alpha))
    if conflict:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(CONFLICT_COLOUR))
    return fmt


def section_format() -> QTextCharFormat:
    """Section titles: set apart in grey italics, no claim colour."""
    fmt = QTextCharFormat()
    fmt.setForeground(QColor("#555555"))
    fmt.setFontItalic(True)
    return fmt


def selected_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(tint(SELECTED_COLOUR, 110))
    return fmt
