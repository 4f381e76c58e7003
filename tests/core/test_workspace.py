"""The workspace round trip: import, write, reopen, and the original kept for audit."""

from __future__ import annotations

import pytest

from sidelight.core.errors import DuplicateImport, SidelightError, WorkspaceError
from sidelight.core.sources import content_hash
from sidelight.core.workspace import Workspace
from tests.conftest import REPO, original_of


def test_sample_workspace_opens_with_five_sources():
    ws = Workspace.open(REPO)
    assert len(ws.sources) == 5
    assert not ws.problems
    for source in ws.sources:
        assert source.meta.content_hash == content_hash(source.text)


def test_import_then_reopen_round_trips_text_and_metadata(tmp_path):
    raw_file = tmp_path / "article.txt"
    raw_file.write_text("Hanoi talks open\n\nBy Lan Pham\n\nPublished: Aug 19, 2024\n\n"
                        "Leaders met in Hanoi on Monday.They agreed to talk again.\n", encoding="utf-8")
    ws = Workspace.create(tmp_path / "ws")
    source = ws.import_file(raw_file, outlet="Viet Nam News")
    reopened = Workspace.open(tmp_path / "ws").get(source.id)
    assert reopened.text == source.text == "Hanoi talks open\n\nLeaders met in Hanoi on Monday. They agreed to talk again.\n"
    assert reopened.meta == source.meta
    assert reopened.outlet == "Viet Nam News"
    assert reopened.meta.author == "Lan Pham"
    assert reopened.published == "2024-08-19"
    assert reopened.meta.original_name == "article.txt"
    assert (reopened.folder / "original.txt").read_bytes() == raw_file.read_bytes()
    assert [c["rule"] for c in reopened.meta.cleaning["removed"]] == ["byline", "dateline"]


def test_importing_the_same_title_twice_gets_a_new_id(tmp_path):
    first_file, second_file = tmp_path / "a.txt", tmp_path / "b.txt"
    first_file.write_text("Same title\n\nSome text.\n", encoding="utf-8")
    second_file.write_text("Same title\n\nOther text.\n", encoding="utf-8")
    ws = Workspace.create(tmp_path / "ws")
    first, second = ws.import_file(first_file), ws.import_file(second_file)
    assert (first.id, second.id) == ("same-title", "same-title-2")
    assert len(Workspace.open(tmp_path / "ws").sources) == 2


def test_importing_the_same_file_twice_is_refused_unless_allowed(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Same title\n\nSome text.\n", encoding="utf-8")
    copy = tmp_path / "renamed copy.txt"
    copy.write_bytes(article.read_bytes())
    ws = Workspace.create(tmp_path / "ws")
    first = ws.import_file(article)
    with pytest.raises(DuplicateImport, match="renamed copy.txt: already imported as same-title$"):
        ws.import_file(copy)
    report = ws.import_files([article])
    assert not report.imported and isinstance(report.refused[0], DuplicateImport)
    assert report.refused[0].existing_id == first.id
    assert ws.import_file(article, allow_duplicates=True).id == "same-title-2"
    assert len(Workspace.open(tmp_path / "ws").sources) == 2


def test_the_same_article_in_another_encoding_is_a_duplicate_too(tmp_path):
    text = "Việt Nam và Trung Quốc\n\nHai nước đã ký 36 thỏa thuận hợp tác trong chuyến thăm.\n"
    utf8, utf16 = tmp_path / "vn.txt", tmp_path / "vn-utf16.txt"
    utf8.write_text(text, encoding="utf-8")
    utf16.write_text(text, encoding="utf-16")
    ws = Workspace.create(tmp_path / "ws")
    first = ws.import_file(utf8)
    with pytest.raises(DuplicateImport, match=f"vn-utf16.txt: already imported as {first.id}$"):
        ws.import_file(utf16)
    assert len(Workspace.open(tmp_path / "ws").sources) == 1


def test_sample_originals_are_untouched_scrapes():
    ws = Workspace.open(REPO)
    for source in ws.sources:
        original = original_of(source.folder)
        assert len(original) > len(source.text) * 0.9
        assert source.meta.original_hash.startswith("sha256:")


def test_broken_source_is_reported_and_the_rest_still_open(sample_copy):
    victim = next((sample_copy / "sources").iterdir())
    (victim / "source.yaml").write_text("schema: 1\nid: [unclosed\n", encoding="utf-8")
    ws = Workspace.open(sample_copy)
    assert len(ws.sources) == 4
    assert len(ws.problems) == 1
    assert "source.yaml" in str(ws.problems[0]) and "malformed YAML" in str(ws.problems[0])


def test_unsafe_yaml_tag_is_refused(sample_copy):
    victim = next((sample_copy / "sources").iterdir())
    (victim / "source.yaml").write_text("!!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    ws = Workspace.open(sample_copy)
    assert any("unsafe" in str(p) for p in ws.problems)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace.open(tmp_path / "nowhere")


def test_folder_without_sources_is_not_a_workspace(tmp_path):
    with pytest.raises(WorkspaceError, match="not a Sidelight workspace"):
        Workspace.open(tmp_path)


def test_unknown_id_names_the_known_ones():
    with pytest.raises(SidelightError, match="known: "):
        Workspace.open(REPO).get("no-such-article")


def test_a_chinese_title_gives_a_pinyin_id(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("中越关系迈上新台阶\n\n双方同意深化合作。\n", encoding="utf-8")
    source = Workspace.create(tmp_path / "ws").import_file(article)
    assert source.id == "zhong-yue-guan-xi-mai-shang-xin-tai-jie"
    assert source.title == "中越关系迈上新台阶"


def test_a_title_with_nothing_to_spell_takes_the_file_name(tmp_path):
    article = tmp_path / "zhong-yue-guanxi-2023.txt"
    article.write_text("🇨🇳 🤝 🇻🇳\n\nBoth sides agreed to deepen cooperation.\n", encoding="utf-8")
    source = Workspace.create(tmp_path / "ws").import_file(article)
    assert source.id == "zhong-yue-guanxi-2023"


def test_a_text_without_a_headline_is_titled_by_its_file_name(tmp_path):
    ws = Workspace.create(tmp_path / "ws")
    plain = tmp_path / "storm_report-monday.txt"
    plain.write_text("Officials said on Monday that 120 people were hurt when the storm reached the coast.\n\n"
                     "Rescue teams were sent to three provinces.\n", encoding="utf-8")
    source = ws.import_file(plain)
    assert source.title == "storm report monday" and source.id == "storm-report-monday"
    headed = tmp_path / "other.txt"
    headed.write_text("Storm hits the coast\n\nOfficials said on Monday that 150 people were hurt.\n", encoding="utf-8")
    assert ws.import_file(headed).title == "Storm hits the coast"


def test_a_new_workspace_keeps_its_cache_out_of_git(tmp_path):
    ws = Workspace.create(tmp_path / "ws")
    assert (ws.root / ".gitignore").read_text(encoding="utf-8") == ".sidelight-cache/\n"
    (ws.root / ".gitignore").write_text("mine\n", encoding="utf-8")
    Workspace.create(tmp_path / "ws")  # an existing file is the researcher's: left alone
    assert (ws.root / ".gitignore").read_text(encoding="utf-8") == "mine\n"


def test_a_source_folder_copied_by_hand_with_the_same_id_is_reported_and_left_out(sample_copy):
    import shutil

    original = Workspace.open(sample_copy).sources[0]
    shutil.copytree(original.folder, sample_copy / "sources" / "copy-b")
    ws = Workspace.open(sample_copy)
    assert [s.id for s in ws.sources].count(original.id) == 1
    assert next(s for s in ws.sources if s.id == original.id).folder.name == original.id  # the original stays
    [problem] = ws.problems
    assert problem.path == sample_copy / "sources" / "copy-b" / "source.yaml"
    assert f"id '{original.id}' is not the name of its folder, 'copy-b': set id: copy-b" in problem.problem


def test_wrong_kinds_of_values_in_source_yaml_are_named_and_the_source_left_out(sample_copy):
    from sidelight.io import yaml_store

    ws = Workspace.open(sample_copy)
    meta = ws.sources[0].folder / "source.yaml"
    data = yaml_store.load_file(meta)
    for key, value, said in (("title", ["a", "b"], "'title' must be one line of text, not a list"),
                             ("outlet", {"name": "x"}, "'outlet' must be one line of text, not a mapping"),
                             ("cleaning", "nope", "'cleaning' must be a mapping of fields")):
        meta.write_text(yaml_store.dumps({**data, key: value}), encoding="utf-8")
        again = Workspace.open(sample_copy)
        [problem] = again.problems
        assert problem.path == meta and said in problem.problem
        assert len(again.sources) == len(ws.sources) - 1


def test_what_changed_in_the_sources_folder_since_it_was_read_is_listed(sample_copy):
    import shutil

    ws = Workspace.open(sample_copy)
    assert ws.changed_on_disk() == []
    first, second = ws.sources[0], ws.sources[1]
    (first.folder / "text.txt").write_text(first.text + "\n\nOne more sentence.", encoding="utf-8")
    shutil.rmtree(second.folder)
    shutil.copytree(ws.sources[2].folder, sample_copy / "sources" / "added")
    assert sorted(ws.changed_on_disk()) == sorted([
        f"sources/{first.folder.name}/text.txt: edited", f"sources/{second.folder.name}: gone or no longer readable",
        "sources/added: new"])


def test_an_unexpected_failure_on_one_file_names_it_and_the_others_are_imported(tmp_path, monkeypatch):
    from sidelight.core import cleaning

    ws = Workspace.create(tmp_path / "ws")
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Trade between the two countries rose by five percent last year.", encoding="utf-8")
    bad.write_text("This one meets a bug in cleaning.", encoding="utf-8")
    real = cleaning.clean_text

    def buggy(text):
        if "bug" in text:
            raise IndexError("list index out of range")
        return real(text)

    monkeypatch.setattr(cleaning, "clean_text", buggy)
    report = ws.import_files([bad, good])
    assert [s.text.strip() for s in report.imported] == ["Trade between the two countries rose by five percent last year."]
    assert len(report.refused) == 1 and report.refused[0].path == bad
    assert "unexpected error (IndexError" in report.refused[0].problem
