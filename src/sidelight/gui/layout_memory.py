"""What the window remembers between runs: geometry, docks, zoom, synchronised scrolling, and for
each workspace the documents that were open and how their panes were split."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer

from sidelight.gui.settings_store import window_settings

if TYPE_CHECKING:
    from sidelight.gui.main_window import MainWindow

MAX_RECENT = 8


class LayoutMemory:
    def __init__(self, settings: QSettings | None = None):
        self.settings = settings or window_settings()

    @staticmethod
    def _key(root: Path, name: str) -> str:
        return f"workspaces/{str(root).replace('/', '|')}/{name}"

    # -- the window ------------------------------------------------------------------------
    def restore_window(self, window: MainWindow) -> None:
        if not self.settings.contains("window/state"):
            QTimer.singleShot(0, lambda: _default_dock_sizes(window))
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            window.restoreState(state)
        sync = self.settings.value("view/sync", True)
        sync_on = sync if isinstance(sync, bool) else str(sync).lower() == "true"
        window.actions_by_id["sync"].setChecked(sync_on)
        window.view.set_sync_scrolling(sync_on)
        try:
            window.view.set_point_size(float(str(self.settings.value("view/points", window.view.point_size))))
        except (TypeError, ValueError):
            pass

    def save_window(self, window: MainWindow) -> None:
        self.save_workspace(window)
        self.settings.setValue("window/geometry", window.saveGeometry())
        self.settings.setValue("window/state", window.saveState())
        self.settings.setValue("view/sync", window.view.sync_scrolling)
        self.settings.setValue("view/points", window.view.point_size)
        self.settings.sync()

    # -- per workspace ---------------------------------------------------------------------
    def shown(self, root: Path) -> list[str]:
        value = self.settings.value(self._key(root, "shown"), None)
        return [str(i) for i in value] if isinstance(value, list) else []

    def restore_splitter(self, window: MainWindow, root: Path) -> None:
        state = self.settings.value(self._key(root, "splitter"))
        if isinstance(state, QByteArray):
            window.view.splitter.restoreState(state)

    def save_workspace(self, window: MainWindow) -> None:
        if window.workspace is None:
            return
        root = window.workspace.root
        self.settings.setValue(self._key(root, "shown"), window.doc_model.shown)
        self.settings.setValue(self._key(root, "splitter"), window.view.splitter.saveState())
        self.settings.sync()

    # -- recent workspaces -----------------------------------------------------------------
    def recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [str(v) for v in value] if isinstance(value, list) else ([str(value)] if value else [])

    def remember(self, root: Path) -> None:
        recent = [str(root)] + [r for r in self.recent() if r != str(root)]
        self.settings.setValue("recent", recent[:MAX_RECENT])


def _default_dock_sizes(window: MainWindow) -> None:
    window.resizeDocks([window.docs_dock, window.claims_dock], [330, 380], Qt.Orientation.Horizontal)
    window.resizeDocks([window.pair_dock], [270], Qt.Orientation.Vertical)
