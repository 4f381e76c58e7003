"""Shared fixtures: every test runs headless and with its own configuration folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHARED_REFERENCE = REPO.parent / "shared" / "reference"


REVIEWER = "tester"


@pytest.fixture(autouse=True)
def _private_config(tmp_path_factory, monkeypatch):
    """Keep the researcher's real settings and layout out of every test; the reviewer is 'tester'."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("SIDELIGHT_CONFIG_DIR", str(folder))
    (folder / "settings.yaml").write_text(f"schema: 1\nreviewer: {REVIEWER}\n", encoding="utf-8")


@pytest.fixture
def sample_root() -> Path:
    return REPO


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    """A writable copy of the bundled sample workspace."""
    target = tmp_path / "workspace"
    target.mkdir()
    shutil.copytree(REPO / "sources", target / "sources")
    if (REPO / "annotations").is_dir():
        shutil.copytree(REPO / "annotations", target / "annotations")
    else:
        (target / "annotations").mkdir()
    for name in ("codebook.yaml",):
        if (REPO / name).exists():
            shutil.copy(REPO / name, target / name)
    return target


def original_of(source_folder: Path) -> str:
    """The raw scrape kept beside a sample source, exactly as it was imported."""
    return next(source_folder.glob("original.*")).read_text(encoding="utf-8")
