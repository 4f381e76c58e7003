"""``sidelight check``: each kind of problem reported as file:line: message, exit 1; clean exits 0."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sidelight.cli import main
from sidelight.io.validation import check_workspace

REPO = Path(__file__).resolve().parents[2]
A = "a-new-day-for-china-vietnam-relations"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    for name in ("sources", "annotations"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "codebook.yaml", tmp_path / "codebook.yaml")
    return tmp_path


def alice_file(ws: Path) -> Path:
    return ws / "annotations" / "alice" / f"{A}.yaml"


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_sample_workspace_is_clean(ws, capsys):
    assert main(["check", str(ws)]) == 0
    assert "2 reviewers" in capsys.readouterr().err


def test_unknown_code_is_reported_on_its_line(ws, capsys):
    path = alice_file(ws)
    path.write_text(path.read_text(encoding="utf-8").replace("- frame-economic", "- frame-economy", 1), encoding="utf-8")
    assert main(["check", str(ws)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "unknown code 'frame-economy'" in out[0]
    file_part, line, _ = out[0].split(":", 2)
    assert file_part.endswith(f"{A}.yaml") and int(line) == line_of(path, "frame-economy") - 1  # the 'codes:' key


def test_each_kind_of_problem_is_found(ws):
    path = alice_file(ws)
    text = path.read_text(encoding="utf-8")
    end_line = text.split("    end: ", 1)[1].split("\n", 1)[0]
    path.write_text(text.replace(f"    end: {end_line}", "    end: 999999", 1), encoding="utf-8")  # offsets out of range
    first_id = text.split("- id: ", 1)[1].split("\n", 1)[0]
    other = ws / "annotations" / "alice" / "china-vietnam-reach-consensus-on.yaml"
    other_text = other.read_text(encoding="utf-8")
    other_id = other_text.split("- id: ", 1)[1].split("\n", 1)[0]
    other.write_text(other_text.replace(f"- id: {other_id}", f"- id: {first_id}"), encoding="utf-8")  # duplicate id
    (ws / "annotations" / "bao" / f"{A}.yaml").write_text("schema: 3\n", encoding="utf-8")
    (ws / "annotations" / "alice" / "unknown-source.yaml").write_text("schema: 1\nsource: unknown-source\nreviewer: alice\n", encoding="utf-8")
    messages = [str(p) for p in check_workspace(ws)]
    assert any("duplicate id" in m for m in messages), messages
    assert any("out of range" in m for m in messages), messages
    assert any("newer Sidelight" in m for m in messages), messages
    assert any("no source 'unknown-source'" in m for m in messages), messages
    assert len(messages) == 4, messages


def test_orphan_and_malformed_yaml(ws):
    text_path = ws / "sources" / A / "text.txt"
    text_path.write_text(text_path.read_text(encoding="utf-8").replace("Western media, which tends to cover China with bias", "foreign press"), encoding="utf-8")
    bao = ws / "annotations" / "bao" / "xis-visit-to-vietnam-boosts-elevation.yaml"
    bao.write_text("schema: 1\nannotations:\n  - id: [unclosed\n", encoding="utf-8")
    problems = check_workspace(ws)
    orphans = [p for p in problems if "orphan" in p.message]
    assert {p.path.parent.name for p in orphans} == {"alice", "bao"}
    malformed = [p for p in problems if p.path == bao]
    assert malformed and "malformed YAML" in malformed[0].message and malformed[0].line == 4


def test_python_object_tag_is_refused(ws, tmp_path, capsys):
    (ws / "codebook.yaml").write_text("schema: 1\ngroups: !!python/object/apply:os.system ['echo hacked']\n", encoding="utf-8")
    assert main(["check", str(ws)]) == 1
    out = capsys.readouterr().out
    assert "codebook.yaml" in out and "refused: unsafe or unknown YAML tag" in out and "hacked" not in out


def test_not_a_workspace_is_an_input_error_as_for_every_command(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    assert "not a Sidelight workspace" in capsys.readouterr().err
    assert main(["list", str(tmp_path)]) == 2


def test_a_broken_source_yaml_is_one_problem_with_its_line_not_a_cascade(ws, capsys, monkeypatch):
    broken = "xis-visit-to-vietnam-boosts-elevation"
    (ws / "sources" / broken / "source.yaml").write_text("schema: 1\nid: xi\ntitle: [unclosed\n", encoding="utf-8")
    monkeypatch.chdir(ws)
    assert main(["check", "."]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"sources/{broken}/source.yaml:4: malformed YAML (did not find")  # the line said once
    assert sorted(out[1:]) == [
        f"annotations/{reviewer}/{broken}.yaml: annotations for a source that could not be read (see above)"
        for reviewer in ("alice", "bao")
    ]


def test_an_unsupported_source_schema_points_at_its_line(ws):
    path = ws / "sources" / A / "source.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("schema: 1\n", "id_note: moved\nschema: 7\n", 1), encoding="utf-8")
    problems = [p for p in check_workspace(ws) if p.path == path]
    assert [(p.line, p.message) for p in problems] == [(2, "unsupported schema version 7 (expected 1)")]


def test_a_source_emptied_by_hand_is_reported_and_compare_warns(ws, capsys):
    text = ws / "sources" / "a-new-day-for-china-vietnam-relations" / "text.txt"
    text.write_text("", encoding="utf-8")
    assert main(["check", str(ws)]) == 1
    out = capsys.readouterr().out
    assert f"{text}: the cleaned text is empty" in out and "import it again" in out
    assert main(["compare", str(ws), "--no-cache"]) == 0
    assert "warning: a-new-day-for-china-vietnam-relations: no text to compare" in capsys.readouterr().err


def test_alignment_corrections_are_checked_too(ws, capsys):
    folder = ws / "alignment"
    folder.mkdir()
    (folder / "corrections.yaml").write_text(
        "schema: 1\ncorrections:\n"
        f"- action: alone\n  units:\n  - {{source: {A}, start: 0, end: 9, quote: A NEW DAY}}\n"
        f"- action: unlink\n  units:\n  - {{source: gone, start: 0, end: 3, quote: abc}}\n"
        f"  - {{source: {A}, start: 0, end: 5, quote: not in the text}}\n", encoding="utf-8")
    assert main(["check", str(ws)]) == 1
    out = capsys.readouterr().out
    assert "correction 2 (unlink) names source 'gone', which is not in the workspace" in out
    assert "'not in the text' is no longer in" in out and "correction 1" not in out
    (folder / "corrections.yaml").write_text("schema: 1\ncorrections:\n- action: alone\n  units: []\n", encoding="utf-8")
    assert main(["check", str(ws)]) == 1
    assert "corrections.yaml: correction 1 is malformed" in capsys.readouterr().out


def test_check_counts_a_correction_on_an_edited_sentence_as_applying_as_aligning_does(sample_copy):
    from sidelight.core.alignment import Corrections, align_workspace, workspace_corrections_path
    from sidelight.core.workspace import Workspace

    workspace = Workspace.open(sample_copy)
    first, second = workspace.sources[0], workspace.sources[1]
    aligned = align_workspace(workspace, documents=[first.id, second.id], use_cache=False)
    a = next(u for u in aligned.units_of(first.id) if u.kind == "sentence" and len(u.text) > 80)
    b = next(u for u in aligned.units_of(second.id) if u.kind == "sentence" and len(u.text) > 80 and " the " in u.text)
    gone = next(u for u in aligned.units_of(second.id) if u.kind == "sentence" and u is not b and len(u.text) > 40)
    corrections = Corrections()
    corrections.link(a, b)
    corrections.unlink(a, gone)
    corrections.save(workspace_corrections_path(sample_copy))
    edited = second.text.replace(b.text, b.text.replace(" the ", " this ", 1))
    edited = edited.replace(gone.text, "An entirely different sentence stands here now, about the weather.")
    (second.folder / "text.txt").write_text(edited, encoding="utf-8")
    messages = [p.message for p in check_workspace(sample_copy) if "correction" in p.message]
    assert len(messages) == 1 and "correction 2 (unlink)" in messages[0] and "skipped when aligning" in messages[0]
