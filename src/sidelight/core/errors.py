"""User-facing errors.

Every problem a researcher can cause (a bad file, a missing folder) is raised as a
:class:`SidelightError` that names the file and says what is wrong in plain words, so that the
CLI and the window can show it as a message instead of a traceback.
"""

from __future__ import annotations

from pathlib import Path


class SidelightError(Exception):
    """A problem with the user's input or files, worded for the user."""

    def __init__(self, path: str | Path | None, problem: str):
        self.path = Path(path) if path is not None else None
        self.problem = problem
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.path is None:
            return self.problem
        return f"{self.path}: {self.problem}"


class ImportRefused(SidelightError):
    """A file that cannot become a source (empty, binary, too large, no text)."""


class DuplicateImport(ImportRefused):
    """A file whose bytes are already a source: a second copy would split its annotations."""

    def __init__(self, path: str | Path | None, existing_id: str):
        self.existing_id = existing_id
        super().__init__(path, f"already imported as {existing_id}")


class WorkspaceError(SidelightError):
    """A workspace folder that cannot be opened or written."""
