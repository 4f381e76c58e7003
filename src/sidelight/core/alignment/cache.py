"""A cache of finished alignments keyed by what went into them, so reopening is instant.

The key hashes the algorithm version, every document's id and text as it is now (plus title and
outlet, which the result shows), the corrections in force and whether sentence embeddings
were asked for. Anything else changing (a text re-imported, a correction added, a new Sidelight) gives a new key, so a stale result is
never shown. Entries are JSON (loads in milliseconds, unlike YAML) and written atomically; a
damaged entry is treated as absent.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from sidelight.core.alignment.corrections import Corrections
from sidelight.core.alignment.model import Document

ALGORITHM_VERSION = "30"  # 10: figures with a bound ("more than") noted as compatible; 18: and marked as agreeing; 19: weekdays checked against dates, counted nouns in other words; 20: fewer possible counterparts; 21: "no source in this sentence"; 22: and who the one before names; 23: speakers' names compared as attribution only; 24: editor's notes and disclaimers are not claims; 25: verbatim copies proposed for isolated units; 26: words that only say who speaks or a post count less; 27: both giving a date or amount counts as distinctive; 28: periods in words ("seven months"); 29: a caption's dateline counts less; 30: counts with a bound ("more than 30 agreements"), Vietnamese bounds
CACHE_DIR = Path(".sidelight-cache") / "alignment"


def key(documents: Sequence[Document], corrections: Corrections | None, variant: str = "lexical") -> str:
    """``variant``: "lexical" or "embeddings", so switching sentence embeddings on or off
    never shows the other method's result."""
    payload = {
        "version": ALGORITHM_VERSION,
        "variant": variant,
        # of the text as it is now (as_documents hashes a source's text, not the hash recorded
        # at import): a text.txt edited since then is aligned again
        "documents": [[d.id, d.content_hash or _hash(d.text), d.title, d.outlet] for d in documents],
        "corrections": corrections.as_yaml() if corrections is not None else None,
    }
    return _hash(json.dumps(payload, sort_keys=True, ensure_ascii=False))[:32]


def load(directory: str | Path, cache_key: str) -> dict | None:
    path = Path(directory) / f"{cache_key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("key") == cache_key else None


def store(directory: str | Path, cache_key: str, data: dict) -> None:
    """Write an entry; a cache that cannot be written only costs time, so errors are ignored."""
    from sidelight.io.atomic import atomic_write_text

    try:
        Path(directory).mkdir(parents=True, exist_ok=True)
        atomic_write_text(Path(directory) / f"{cache_key}.json", json.dumps({**data, "key": cache_key}, ensure_ascii=False))
    except OSError:
        pass


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
