"""The composition root: builds the application and its window, and nothing else.

Opening order: the folder given on the command line, else the current folder when it is a
workspace, else the welcome screen. Unexpected errors are logged and shown as a message; the
window stays up.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from sidelight.core.errors import SidelightError
from sidelight.core.workspace import Workspace, is_workspace
from sidelight.gui.main_window import MainWindow

log = logging.getLogger("sidelight")


def create_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Sidelight")
    app.setOrganizationName("Sidelight")
    app.setApplicationDisplayName("Sidelight")
    return app


def create_window(path: str | None) -> MainWindow:
    workspace = None
    error: SidelightError | None = None
    target = Path(path) if path else (Path.cwd() if is_workspace(Path.cwd()) else None)
    if target is not None:
        try:
            workspace = Workspace.open(target)
        except SidelightError as exc:
            error = exc
    window = MainWindow(workspace)
    if error is not None and target is not None:
        window.show_open_error(target, error)
    return window


def _excepthook(kind, value, tb) -> None:
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
    QMessageBox.critical(window, "Something went wrong",
                         f"Sidelight hit an unexpected problem and kept your work open.\n\n{value}")


def _no_display() -> bool:
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def run_app(path: str | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if _no_display():
        print("sidelight: no display to open a window on (DISPLAY is not set). Run it in a desktop "
              "session, or use the command line: 'sidelight --help'.", file=sys.stderr)
        return 1
    app = create_app()
    sys.excepthook = _excepthook
    window = create_window(path)
    window.show()
    return app.exec()
