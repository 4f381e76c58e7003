"""Where the window keeps its layout between runs.

A QSettings INI file beside the core settings (``SIDELIGHT_CONFIG_DIR`` overrides the folder,
which is how tests keep a researcher's real layout untouched). Only Qt-specific state lives here
(geometry, dock and splitter state); everything else is in the core settings.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from sidelight.core.settings import config_dir


def window_settings() -> QSettings:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
