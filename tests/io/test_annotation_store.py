"""Annotation files on disk: readable diffs, exact round trips, old formats, a cache never stale."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidelight.core.anchoring import Selector
from sidelight.core.annotation_session import AnnotationSession
from sidelight.core.annotations import AnnotationFile, SpanAnnotation
from sidelight.core.errors import SidelightError
from sidelight.io import yaml_store
from sidelight.io.annotation_cache import AnnotationCache
from sidelight.io.annotation_format import dumps, file_from_yaml, migrate
from sidelight.io.annotation_store import load_annotations, read_annotation_file

REPO = Path(__file__).resolve().parents[2]
B = "china-vietnam-reach-consensus-on"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "sources", tmp_path / "sources")
    return tmp_path


def test_one_added_annotation_is_a_small_git_diff(ws):
    s = AnnotationSession.open(ws, "alice")
    text = s.workspace.get(B).text
    for quote in ["Top Chinese diplomat Wang Yi", "bilateral trade hitting $234.9 billion", "the disputes over the South China Sea"]:
        start = text.index(quote)
        s.add_span(B, start, start + len(quote), ["frame-economic"])
    s.flush()
    subprocess.run(["git", "init", "-q"], cwd=ws, check=True)
    subprocess.run(["git", "add", "annotations"], cwd=ws, check=True)
    start = text.index("Steady cooperation")
    s.add_span(B, start, start + 18, ["frame-policy"], note="section heading")
    s.flush()
    diff = subprocess.run(["git", "diff", "--numstat"], cwd=ws, check=True, capture_output=True, text=True).stdout.split()
    added, removed = int(diff[0]), int(diff[1])
    assert removed == 0 and added <= 16
    stored = yaml_store.load_file(ws / "annotations" / "alice" / f"{B}.yaml")
    starts = [a["selector"]["start"] for a in stored["annotations"]]
    assert starts == sorted(starts)
    assert list(stored["annotations"][0]) == ["id", "codes", "reviewer", "created", "modified", "selector"]


quote_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exact=quote_text, prefix=st.text(max_size=32), suffix=st.text(max_size=32), note=st.text(max_size=80),
       codes=st.lists(st.text(min_size=1, max_size=12), max_size=3))
def test_any_text_survives_a_round_trip_exactly(exact, prefix, suffix, note, codes):
    span = SpanAnnotation("a123", "src", "alice", Selector(3, 3 + len(exact), exact, prefix, suffix, "sha256:x"),
                          tuple(codes), note, "", "2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00+00:00")
    afile = AnnotationFile("src", "alice", {span.id: span})
    text = dumps(afile)
    back = file_from_yaml(migrate(yaml_store.loads(text), None), None, "src", "alice")
    assert back.spans["a123"] == span


def test_schema_0_fixture_is_migrated(ws):
    folder = ws / "annotations" / "alice"
    folder.mkdir(parents=True)
    shutil.copy(REPO / "tests" / "data" / "annotations_schema0.yaml", folder / f"{B}.yaml")
    s = AnnotationSession.open(ws, "alice")
    (span,) = s.spans(B)
    assert span.codes == ("frame-economic",) and span.note == "trade figure"
    assert s.workspace.get(B).text[span.start:span.end] == "bilateral trade hitting $234.9 billion in 2022"
    s.set_note(span.id, "trade figure, 2022")
    s.flush()
    assert yaml_store.load_file(folder / f"{B}.yaml")["schema"] == 1


def test_newer_schema_is_refused_with_a_clear_message(ws):
    folder = ws / "annotations" / "alice"
    folder.mkdir(parents=True)
    (folder / f"{B}.yaml").write_text(f"schema: 7\nsource: {B}\nreviewer: alice\nannotations: []\n")
    loaded = load_annotations(ws)
    assert "newer Sidelight" in str(loaded.problems[0])


def test_unsafe_yaml_is_refused_not_run(ws, tmp_path):
    marker = tmp_path / "ran"
    folder = ws / "annotations" / "alice"
    folder.mkdir(parents=True)
    (folder / f"{B}.yaml").write_text(f"schema: 1\nsource: !!python/object/apply:os.system ['touch {marker}']\n")
    loaded = load_annotations(ws)
    assert "refused: unsafe or unknown YAML tag" in str(loaded.problems[0])
    assert not marker.exists()


def test_stale_cache_is_never_used(ws):
    s = AnnotationSession.open(ws, "alice")
    a = s.add_span(B, 0, 20, ["frame-economic"])
    s.flush()
    assert read_annotation_file(ws, "alice", B, AnnotationCache(ws)).from_cache
    path = ws / "annotations" / "alice" / f"{B}.yaml"
    stat = path.stat()
    edited = path.read_text().replace("frame-economic", "frame-security")
    path.write_text(edited)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime and size: only the hash differs
    loaded = read_annotation_file(ws, "alice", B, AnnotationCache(ws))
    assert not loaded.from_cache and loaded.annotations.spans[a.id].codes == ("frame-security",)


def test_file_for_the_wrong_source_is_refused(ws):
    folder = ws / "annotations" / "alice"
    folder.mkdir(parents=True)
    (folder / f"{B}.yaml").write_text("schema: 1\nsource: other\nreviewer: alice\nannotations: []\n")
    with pytest.raises(SidelightError, match="says source 'other'"):
        read_annotation_file(ws, "alice", B)
