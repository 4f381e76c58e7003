"""Rebuild the bundled sample workspace (this repository's sources/) from raw scrapes.

Developers run it through ``make sample`` when the import rules change; the result is committed,
so users never need the raw scrapes.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from sidelight.core.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent


def main(seed_dir: str) -> int:
    seeds = sorted(Path(seed_dir).glob("*.txt"))
    if not seeds:
        print(f"no .txt files in {seed_dir}", file=sys.stderr)
        return 1
    sources = ROOT / "sources"
    for folder in sources.iterdir():
        if folder.is_dir():
            shutil.rmtree(folder)
    ws = Workspace.create(ROOT)
    report = ws.import_files(seeds)
    for source in report.imported:
        print(f"{source.id}: {source.outlet}, {source.published}, {source.meta.author}")
    for problem in report.refused:
        print(f"refused: {problem}", file=sys.stderr)
    return 1 if report.refused else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds"))
