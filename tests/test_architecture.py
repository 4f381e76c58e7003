"""The domain core, storage and CLI work without Qt: everything the window shows is computed
there first, so it can be tested and scripted without a display."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

PROBE = r"""
import importlib, pkgutil, sys
sys.modules["PySide6"] = None      # any import of Qt now fails
sys.modules["shiboken6"] = None
import sidelight.core, sidelight.io, sidelight.cli
for package in (sidelight.core, sidelight.io, sidelight.cli):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
from sidelight.cli import main
sys.exit(main(["list", sys.argv[1], "--format", "json"]))
"""


def test_core_io_and_cli_import_no_qt():
    result = subprocess.run([sys.executable, "-c", PROBE, str(REPO)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert '"outlet"' in result.stdout


def test_only_the_gui_package_imports_qt():
    offenders = []
    for path in (REPO / "src" / "sidelight").rglob("*.py"):
        if "gui" in path.relative_to(REPO / "src" / "sidelight").parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith(("from PySide6", "import PySide6", "from shiboken6", "import shiboken6")):
                offenders.append(f"{path.relative_to(REPO)}: {line.strip()}")
    assert offenders == []
