"""Claims → Export Comparison…: the claims on show saved as the command line would print them.

A researcher who has checked and corrected an alignment in the window wants that alignment in a
report or a script, not a second run that might differ; so the alignment on show is written,
atomically, in the format the file name asks for.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from sidelight.core.alignment import Alignment
from sidelight.core.alignment.report import counts_line, format_for, render
from sidelight.core.errors import SidelightError
from sidelight.core.labels import plural
from sidelight.io.atomic import atomic_write_text

FILTERS = "Web page (*.html);;Spreadsheet, a row per claim (*.csv);;JSON for scripts (*.json);;Plain text (*.txt)"
_SUFFIX_OF_FILTER = {"Web page": ".html", "Spreadsheet": ".csv", "JSON": ".json", "Plain text": ".txt"}


def ask_path(parent: QWidget, folder: Path | None) -> Path | None:
    """The file to write, with the extension of the chosen type when the name has none."""
    start = str((folder or Path.home()) / "claim-comparison.html")
    name, chosen = QFileDialog.getSaveFileName(parent, "Export Claim Comparison", start, FILTERS)
    return with_type(name, chosen) if name else None


def with_type(name: str, chosen_filter: str) -> Path:
    """``name`` as typed, given the extension of the file type chosen when it has none."""
    path = Path(name)
    if not path.suffix:
        suffix = next((s for label, s in _SUFFIX_OF_FILTER.items() if chosen_filter.startswith(label)), ".html")
        path = path.with_suffix(suffix)
    return path


def export(alignment: Alignment, path: Path) -> str:
    """Write the comparison to ``path``; the message saying what was written. Raises
    :class:`SidelightError` naming the file when it cannot be written (the old file is kept)."""
    text = render(alignment, format_for(path))
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise SidelightError(path, f"could not be written: {exc.strerror or exc}") from None
    return f"Comparison of {plural(len(alignment.documents), 'document')} saved to {path}: {counts_line(alignment)}"
