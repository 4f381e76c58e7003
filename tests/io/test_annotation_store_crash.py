"""Killing Sidelight while it saves never leaves a broken annotation file behind."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from sidelight.io.annotation_store import read_annotation_file

REPO = Path(__file__).resolve().parents[2]
B = "china-vietnam-reach-consensus-on"
SAVER = """
import sys
from sidelight.core.annotation_session import AnnotationSession
s = AnnotationSession.open(sys.argv[1], "alice", use_cache=False)
n = 0
while True:
    n += 1
    s.add_span("{source}", n % 3000, n % 3000 + 40, ["frame-economic"], note="x" * (n % 500))
    s.flush()
    print(n, flush=True)
""".replace("{source}", B)


def test_sigkill_during_saves_leaves_old_or_new_file(tmp_path):
    shutil.copytree(REPO / "sources", tmp_path / "sources")
    path = tmp_path / "annotations" / "alice" / f"{B}.yaml"
    rng = random.Random(7)
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    checked = 0
    for _ in range(25):
        proc = subprocess.Popen([sys.executable, "-c", SAVER, str(tmp_path)], stdout=subprocess.PIPE, env=env)
        proc.stdout.readline()  # at least one save completed
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        loaded = read_annotation_file(tmp_path, "alice", B)  # raises if the file is broken
        assert loaded.annotations.spans
        checked += 1
    leftovers = [p.name for p in path.parent.iterdir() if p.name.startswith(".")]
    assert checked == 25
    # temp files of killed writers may remain; they are hidden and never read as annotations
    assert all(name.endswith(".tmp") for name in leftovers)
