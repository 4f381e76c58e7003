"""Where the window keeps its layout between runs.

A QSettings INI file in Sidelight's configuration folder (``SIDELIGHT_CONFIG_DIR`` overrides it,
which is how tests keep a researcher's real layout untouched).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir
from PySide6.QtCore import QSettings


def config_dir() -> Path:
    folder = Path(os.environ.get("SIDELIGHT_CONFIG_DIR") or user_config_dir("sidelight", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def window_settings() -> QSettings:
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)
