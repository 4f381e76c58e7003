"""Files Sidelight writes are as readable as any file the user creates: a workspace can be shared."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from sidelight.core.annotation_session import AnnotationSession
from sidelight.core.workspace import Workspace
from sidelight.io.atomic import atomic_write_text, current_umask

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umask_mode(tmp_path, umask_022):
    atomic_write_text(tmp_path / "new.yaml", "a: 1\n")
    assert _mode(tmp_path / "new.yaml") == 0o644


def test_a_replaced_file_keeps_its_mode(tmp_path, umask_022):
    path = tmp_path / "codebook.yaml"
    for mode in (0o664, 0o640, 0o600):
        path.write_text("old\n", encoding="utf-8")
        path.chmod(mode)
        atomic_write_text(path, "new\n")
        assert (path.read_text(encoding="utf-8"), _mode(path)) == ("new\n", mode)


def test_the_umask_is_followed_not_assumed(tmp_path):
    old = os.umask(0o002)
    try:
        atomic_write_text(tmp_path / "group.yaml", "a: 1\n")
        assert current_umask() == 0o002
    finally:
        os.umask(old)
    assert _mode(tmp_path / "group.yaml") == 0o664


def test_reading_the_umask_leaves_it_alone_for_other_threads(umask_022):
    seen: list[int] = []
    threads = [threading.Thread(target=lambda: seen.append(current_umask())) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [0o022] * 20
    assert os.umask(0o022) == 0o022


def test_an_imported_source_folder_and_its_files_are_readable_by_colleagues(tmp_path, umask_022):
    article = tmp_path / "article.txt"
    article.write_text("Hanoi talks open\n\nLeaders met in Hanoi on Monday.\n", encoding="utf-8")
    source = Workspace.create(tmp_path / "ws").import_file(article)
    assert _mode(source.folder) == 0o755
    assert {p.name: _mode(p) for p in source.folder.iterdir()} == {
        "text.txt": 0o644, "original.txt": 0o644, "source.yaml": 0o644,
    }


def test_saved_annotations_and_codebook_are_readable_by_colleagues(sample_copy, umask_022):
    (sample_copy / "codebook.yaml").chmod(0o644)
    session = AnnotationSession.open(sample_copy)
    source = session.workspace.sources[0]
    session.add_span(source.id, 0, 10)
    session.add_code("Sovereignty", session.codebook.groups[0].id)
    report = session.flush()
    assert report.saved and not report.errors
    assert {p.name: _mode(p) for p in report.saved} == {p.name: 0o644 for p in report.saved}
