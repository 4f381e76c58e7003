"""`sidelight list`, `show` and `import` as a script would use them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sidelight.cli import main
from sidelight.core.workspace import Workspace
from tests.conftest import REPO


def test_list_json_has_the_documented_fields(capsys):
    assert main(["list", str(REPO), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 5
    for row in rows:
        assert {"id", "title", "outlet", "date"} <= set(row)
    assert {"Global Times", "CGTN", "China Report ASEAN"} <= {r["outlet"] for r in rows}


def test_list_json_gives_the_length_as_a_number(capsys):
    assert main(["list", str(REPO), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    lengths = {s.id: len(s.text) for s in Workspace.open(REPO).sources}
    assert {r["id"]: r["characters"] for r in rows} == lengths
    assert all(isinstance(v, str) for r in rows for k, v in r.items() if k != "characters")


def test_list_text_shows_one_line_per_source(capsys):
    assert main(["list", str(REPO)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 5
    assert any("2023-12-01" in line and "Global Times" in line for line in lines)


def test_show_prints_the_text_exactly_as_offsets_index_it():
    source = Workspace.open(REPO).sources[0]
    out = subprocess.run([sys.executable, "-m", "sidelight", "show", source.id, str(REPO)],
                         capture_output=True, timeout=60, check=True).stdout
    assert out.decode("utf-8") == source.text


def test_show_cleaning_lists_what_import_removed(capsys):
    source = next(s for s in Workspace.open(REPO).sources if s.id == "china-vietnam-reach-consensus-on")
    assert main(["show", source.id, str(REPO), "--cleaning"]) == 0
    out = capsys.readouterr().out
    assert "Removed 3 passages:" in out and "line 3: [dateline] Published: Dec 01, 2023 10:23 PM" in out


def test_import_with_one_outlet_per_file(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_text("First story\n\nBody one.\n", encoding="utf-8")
    b.write_text("# Second story\n\nBody two.\n", encoding="utf-8")
    ws_dir = tmp_path / "ws"
    assert main(["import", "-w", str(ws_dir), str(a), str(b), "--outlet", "VnExpress", "--outlet", "Xinhua"]) == 0
    assert "imported" in capsys.readouterr().out
    outlets = {s.title: s.outlet for s in Workspace.open(ws_dir).sources}
    assert outlets == {"First story": "VnExpress", "Second story": "Xinhua"}


def test_import_reports_bad_files_and_exits_nonzero(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["import", "-w", str(tmp_path / "ws"), str(empty)]) == 1
    err = capsys.readouterr().err
    assert "empty.txt: the file is empty" in err and "Traceback" not in err


def test_importing_a_file_again_is_refused_with_the_existing_id(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("First story\n\nBody one.\n", encoding="utf-8")
    ws_dir = str(tmp_path / "ws")
    assert main(["import", "-w", ws_dir, str(article)]) == 0
    capsys.readouterr()
    assert main(["import", "-w", ws_dir, str(article)]) == 1
    err = capsys.readouterr().err
    assert "a.txt: already imported as first-story (--allow-duplicate imports it again)" in err
    assert main(["import", "-w", ws_dir, "--allow-duplicate", str(article)]) == 0
    assert "as first-story-2" in capsys.readouterr().out
    assert [s.id for s in Workspace.open(ws_dir).sources] == ["first-story", "first-story-2"]


@pytest.mark.parametrize(("outlets", "files", "counted"), [
    (3, 1, "--outlet given 3 times for 1 file: give it once or once per file"),
    (2, 3, "--outlet given 2 times for 3 files: give it once or once per file"),
])
def test_outlet_count_mismatch_is_an_input_error_in_plain_words(tmp_path, capsys, outlets, files, counted):
    paths = []
    for n in range(files):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(f"Story {n}\n\nBody {n}.\n", encoding="utf-8")
    args = ["import", "-w", str(tmp_path / "ws"), *map(str, paths)]
    for n in range(outlets):
        args += ["--outlet", f"Outlet {n}"]
    assert main(args) == 2
    assert capsys.readouterr().err.strip() == f"sidelight: {counted}"


def test_help_documents_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "exit status: 0 when all went well; 1 when the command ran but found problems" in help_text
    assert "2 for a usage or input error" in help_text


def test_missing_workspace_is_a_message_not_a_traceback(tmp_path, capsys):
    assert main(["list", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert "folder does not exist" in err and "Traceback" not in err


def test_show_unknown_id(capsys):
    assert main(["show", "no-such-id", str(REPO)]) == 2
    assert "no source with id 'no-such-id'" in capsys.readouterr().err


def test_import_warns_when_cleaning_removed_most_of_the_text(tmp_path, capsys):
    paragraph = "The same long paragraph about trade between the two countries, repeated by the scraper."
    article = tmp_path / "repeated.txt"
    article.write_text("Title\n\n" + "\n\n".join([paragraph] * 20) + "\n", encoding="utf-8")
    assert main(["import", "-w", str(tmp_path / "ws"), str(article)]) == 0
    err = capsys.readouterr().err
    assert "warning: cleaning removed 9" in err and "repeated.txt" in err
