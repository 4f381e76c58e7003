"""`sidelight corrections`: what a researcher who edited or removed a source sees and settles."""

from __future__ import annotations

import json
import shutil

from sidelight.cli import main
from sidelight.core.alignment import Corrections, align_workspace, workspace_corrections_path
from sidelight.core.workspace import Workspace


def _save_two_corrections(root):
    ws = Workspace.open(root)
    result = align_workspace(ws)
    group = next(g for g in result.groups if len(g.units) >= 2)
    a, b = (result.unit(u) for u in group.units[:2])
    other = next(u for u in result.units_of(b.document) if u.id != b.id and len(u.text) > 40)
    corrections = Corrections()
    corrections.link(a, b)
    corrections.unlink(a, other)
    corrections.save(workspace_corrections_path(root))
    return a, b, other


def _edit(root, source_id, old, new):
    path = root / "sources" / source_id / "text.txt"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_lists_the_corrections_and_says_which_no_longer_apply(capsys, sample_copy):
    a, b, other = _save_two_corrections(sample_copy)
    _edit(sample_copy, other.document, other.text, "A sentence written instead of the old one.")
    assert main(["corrections", str(sample_copy)]) == 1  # one is skipped when aligning
    out = capsys.readouterr().out
    assert "1. [applies] linked\n" in out
    assert "2. [no longer applies] unlinked\n" in out and "(no longer in the text)" in out
    assert "No longer applying: 1 (--drop-gone removes it)." in out
    assert len(Corrections.load(workspace_corrections_path(sample_copy))) == 2  # listing writes nothing


def test_drop_gone_removes_only_what_no_longer_applies(capsys, sample_copy):
    a, b, other = _save_two_corrections(sample_copy)
    _edit(sample_copy, other.document, other.text, "A sentence written instead of the old one.")
    assert main(["corrections", str(sample_copy), "--drop-gone"]) == 0
    out = capsys.readouterr().out
    assert "Dropped 1 correction that no longer applied." in out
    assert "dropped: unlinked" in out and "1 correction in" in out  # the file as it now is
    assert "[no longer applies]" not in out
    left = Corrections.load(workspace_corrections_path(sample_copy))
    assert [c.action for c in left] == ["link"]


def test_update_rewrites_a_followed_correction_to_the_edited_wording(capsys, sample_copy):
    a, b, other = _save_two_corrections(sample_copy)
    word = next(w for w in a.text.split() if len(w) > 5 and w.isalpha())
    _edit(sample_copy, a.document, a.text, a.text.replace(word, word.upper(), 1))
    main(["corrections", str(sample_copy), "--format", "json"])
    before = json.loads(capsys.readouterr().out)
    assert before["corrections"][0]["state"] == "followed"
    assert word.upper() in before["corrections"][0]["current"][0]["text"]

    assert main(["corrections", str(sample_copy), "--update"]) == 0
    assert "Updated 2 corrections" in capsys.readouterr().out  # the unlink names the edited sentence too
    saved = Corrections.load(workspace_corrections_path(sample_copy))
    assert word.upper() in saved.items[0].a.quote
    main(["corrections", str(sample_copy), "--format", "json"])
    assert {c["state"] for c in json.loads(capsys.readouterr().out)["corrections"]} == {"applies"}


def test_a_removed_source_is_named_and_its_corrections_can_be_dropped(capsys, sample_copy):
    a, b, other = _save_two_corrections(sample_copy)
    shutil.rmtree(sample_copy / "sources" / b.document)
    main(["corrections", str(sample_copy), "--format", "json"])
    states = [c["state"] for c in json.loads(capsys.readouterr().out)["corrections"]]
    assert states == ["no source", "no source"]
    assert main(["corrections", str(sample_copy), "--drop-gone"]) == 0
    assert len(Corrections.load(workspace_corrections_path(sample_copy))) == 0


def test_an_unreadable_corrections_file_is_named_and_left_as_it_was(capsys, sample_copy):
    path = workspace_corrections_path(sample_copy)
    path.parent.mkdir(parents=True)
    path.write_text("schema: 1\ncorrections: [oops\n", encoding="utf-8")
    assert main(["corrections", str(sample_copy), "--drop-gone"]) == 2
    assert "corrections.yaml" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "schema: 1\ncorrections: [oops\n"
