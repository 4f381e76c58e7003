"""Per-user settings, such as the reviewer name the window asks for on first start.

Settings live in ``settings.yaml`` in the user's configuration folder (platformdirs), or in the
folder named by the environment variable ``SIDELIGHT_CONFIG_DIR`` so that tests and portable
installs never touch the real one. A reviewer name becomes a folder name
(``annotations/<reviewer>/``) shared through git across operating systems, so it is restricted
to lowercase ASCII letters, digits, ``-``, ``_`` and ``.``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from sidelight.core.errors import SidelightError
from sidelight.core.field_reader import FieldReader
from sidelight.core.metadata import ascii_letters

SETTINGS_FILE = "settings.yaml"
ENV_CONFIG_DIR = "SIDELIGHT_CONFIG_DIR"
_REVIEWER = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


@dataclass
class Settings:
    reviewer: str | None = None
    autosave_delay_ms: int = 250  # how long the window waits after a change before saving (a save takes ~15 ms)
    recent_workspaces: list[str] = field(default_factory=list)
    strict_matching: bool = False  # Claims → Strict Matching: link only the surest claim pairs
    workspace_context: bool = True  # Claims → Use Other Sources as Context: align the open documents with the rest


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("sidelight", appauthor=False))


def validate_reviewer(name: str) -> str:
    """*name* if it is a safe reviewer folder name, else a SidelightError that suggests one."""
    if isinstance(name, str) and _REVIEWER.match(name) and not name.endswith(".") and name.split(".")[0] not in _WINDOWS_RESERVED:
        return name
    hint = suggest_reviewer(name) if isinstance(name, str) else ""
    advice = f" such as '{hint}'" if hint else ""
    raise SidelightError(None, f"reviewer name {name!r} cannot be a folder name: use 1-40 lowercase letters, digits, '-', '_' or '.'{advice}")


def suggest_reviewer(name: str) -> str:
    """A valid reviewer name made from what someone typed ("Bao Nguyễn" gives "bao-nguyen")."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", ascii_letters(name).lower()).strip("-._")[:40].rstrip("-._")
    if not slug or slug.split(".")[0] in _WINDOWS_RESERVED:
        return ""
    return slug


def load_settings() -> Settings:
    """The saved settings, or defaults when there are none yet; a broken file is an error."""
    from sidelight.io import yaml_store

    path = config_dir() / SETTINGS_FILE
    if not path.exists():
        return Settings()
    r = FieldReader(yaml_store.load_file(path) or {}, path, "settings")
    reviewer = r.text("reviewer", "") or None
    if reviewer is not None:
        try:
            validate_reviewer(reviewer)
        except SidelightError as exc:
            raise SidelightError(path, exc.problem) from None
    return Settings(reviewer, r.integer("autosave_delay_ms", 250), list(r.texts("recent_workspaces")),
                    r.flag("strict_matching", False), r.flag("workspace_context", True))


def save_settings(settings: Settings) -> Path:
    from sidelight.io import yaml_store

    if settings.reviewer is not None:
        validate_reviewer(settings.reviewer)
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SETTINGS_FILE
    yaml_store.dump_file(path, {
        "reviewer": settings.reviewer,
        "autosave_delay_ms": settings.autosave_delay_ms,
        "recent_workspaces": list(settings.recent_workspaces),
        "strict_matching": settings.strict_matching,
        "workspace_context": settings.workspace_context,
    })
    return path
