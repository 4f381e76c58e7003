"""Review → Export Report…: the figures on show saved as ``sidelight agreement`` would write them."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from sidelight.core.errors import SidelightError
from sidelight.core.review import ReviewComparison
from sidelight.core.review.report import format_for, render
from sidelight.io.atomic import atomic_write_text

FILTERS = ("Web page with a chart (*.html);;Markdown tables (*.md);;Spreadsheet, a row per code (*.csv);;"
           "JSON for scripts (*.json);;Plain text (*.txt)")
_SUFFIX_OF_FILTER = {"Web page": ".html", "Markdown": ".md", "Spreadsheet": ".csv", "JSON": ".json", "Plain text": ".txt"}


def ask_path(parent: QWidget, folder: Path | None) -> Path | None:
    start = str((folder or Path.home()) / "reviewer-agreement.html")
    name, chosen = QFileDialog.getSaveFileName(parent, "Export Agreement Report", start, FILTERS)
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix(next((s for label, s in _SUFFIX_OF_FILTER.items() if chosen.startswith(label)), ".html"))
    return path


def export(result: ReviewComparison, labels: Mapping[str, str], path: Path) -> str:
    """Write the report; the message saying what was written. The old file is kept on failure."""
    try:
        atomic_write_text(path, render(result, format_for(str(path)), labels))
    except OSError as exc:
        raise SidelightError(path, f"could not be written: {exc.strerror or exc}") from None
    return f"Agreement of {', '.join(result.reviewers)} saved to {path}"
