"""Claim kinds as Qt text formats (the colours and names themselves: :mod:`sidelight.core.alignment.kinds`)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

from sidelight.core.alignment.kinds import (  # noqa: F401 - the Qt layer's one place for them
    CONFLICT_COLOUR,
    KIND_ALPHA,
    KIND_COLOURS,
    KIND_LABELS,
    SELECTED_COLOUR,
    SUMMARY_LABELS,
    highlight_colour,
    tint_on_white,
)


def tint(hex_colour: str, alpha: int = 70) -> QColor:
    colour = QColor(hex_colour)
    colour.setAlpha(alpha)
    return colour


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


def suggested_format() -> QTextCharFormat:
    """A possible counterpart of the chosen claim: its letters in a dark shade of the selection's
    colour, over its own claim colour (a fainter selection tint read as another kind of claim
    on the blue and orange ones)."""
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(SELECTED_COLOUR).darker(190))
    return fmt
