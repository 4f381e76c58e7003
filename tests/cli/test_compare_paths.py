"""`sidelight compare` given paths that are not there or cannot be read: messages name the path
the researcher typed, never the throw-away folder used for ad-hoc files."""

from __future__ import annotations

from sidelight.cli import main


def test_compare_of_a_mistyped_workspace_says_it_does_not_exist(tmp_path, capsys):
    missing = tmp_path / "my-workspcae"
    assert main(["compare", str(missing)]) == 2
    err = capsys.readouterr().err
    assert f"{missing}: no such workspace folder or file" in err
    assert "cannot import" not in err


def test_compare_of_files_none_of_which_can_be_imported_does_not_name_a_temporary_folder(tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 2
    err = capsys.readouterr().err
    assert "a.txt: the file is empty" in err and "b.txt: the file is empty" in err
    assert "none of the files could be imported" in err
    assert "sidelight-compare-" not in err
