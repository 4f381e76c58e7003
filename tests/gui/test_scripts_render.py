"""Chinese characters and Vietnamese diacritics render as glyphs, not empty boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QPlainTextEdit

MISSING = "\U0010fffd"  # a private-use code point no font has: draws the "missing glyph" box


def _render(text: str, widget: QPlainTextEdit) -> QImage:
    image = QImage(200, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(widget.font())
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignLeft, text)
    painter.end()
    return image


def test_chinese_and_vietnamese_draw_real_glyphs(qtbot):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    box = _render(MISSING, editor)
    for char in ("中", "国", "越", "ệ", "ố", "Đ"):
        assert _render(char, editor) != box, f"{char!r} renders as the missing-glyph box (install fonts-noto-cjk)"
    assert _render("中", editor) != _render("国", editor)
