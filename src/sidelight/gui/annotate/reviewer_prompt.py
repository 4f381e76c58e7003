"""Asking for the reviewer name on first start: it names the folder the annotations go to."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from sidelight.core.errors import SidelightError
from sidelight.core.settings import load_settings, save_settings, suggest_reviewer, validate_reviewer


def ask_reviewer(parent: QWidget | None, current: str | None = None) -> str | None:
    """Ask until the name is valid or the researcher cancels; saves it in the settings."""
    hint = ""
    text = current or ""
    while True:
        name, ok = QInputDialog.getText(
            parent, "Your reviewer name",
            "Your annotations are saved under annotations/<name>/ so that colleagues never write the "
            f"same file.\nUse lowercase letters, digits, '-', '_' or '.'.{hint}", text=text)
        if not ok:
            return None
        try:
            reviewer = validate_reviewer(name.strip())
        except SidelightError:
            text = suggest_reviewer(name) or name
            hint = f"\n\n'{name}' cannot be a folder name; try '{text}'."
            continue
        settings = load_settings()
        settings.reviewer = reviewer
        save_settings(settings)
        return reviewer
