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


def test_a_mistyped_command_is_named_not_opened_as_a_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["comapre", "."]) == 2
    assert "unknown command 'comapre'; did you mean 'compare'?" in capsys.readouterr().err
    assert main(["export"]) == 2
    assert "did you mean 'compare --format html'?" in capsys.readouterr().err


def test_a_folder_named_like_a_word_is_still_opened(tmp_path, monkeypatch):
    opened = []
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fieldwork").mkdir()
    import sidelight.gui.app as app

    monkeypatch.setattr(app, "run_app", lambda workspace: opened.append(workspace) or 0)
    assert main(["fieldwork"]) == 0 and opened == ["fieldwork"]


def test_the_same_file_named_twice_is_refused_not_reported_as_all_shared(tmp_path, capsys):
    article = tmp_path / "vi.txt"
    article.write_text("Thương mại song phương đạt 200 tỷ USD. Hai bên ký 36 văn kiện.", encoding="utf-8")
    assert main(["compare", str(article), str(tmp_path / "." / "vi.txt")]) == 2
    err = capsys.readouterr().err
    assert "vi.txt: named twice: compare needs different documents" in err


def test_two_files_of_one_name_in_other_folders_are_told_apart_in_the_report(tmp_path, capsys):
    for folder, figure in (("x", "5%"), ("y", "7%")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(f"Trade grew by {figure} in 2023 between China and Vietnam.", encoding="utf-8")
    assert main(["compare", str(tmp_path / "x" / "a.txt"), str(tmp_path / "y" / "a.txt"), "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert "a (a) “5%” · a (a-2) “7%”" in page


def test_too_few_files_are_counted_as_files_not_as_sources(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Trade grew by 5% in 2023 between China and Vietnam.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "empty.txt")]) == 2
    assert "only 1 of the 2 files named could be imported" in capsys.readouterr().err
    assert main(["compare", str(tmp_path / "a.txt")]) == 2
    err = capsys.readouterr().err
    assert "name two or more files, or a workspace folder" in err and "source" not in err
