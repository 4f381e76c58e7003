"""Bad files get a clear message naming the file and the problem, and nothing half-written."""

from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from sidelight.cli import main
from sidelight.core.errors import ImportRefused, SidelightError
from sidelight.core.workspace import Workspace


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.create(tmp_path / "ws")


def _source_folders(ws: Workspace) -> list[str]:
    return sorted(p.name for p in ws.sources_dir.iterdir())


def test_windows_1252_file_is_decoded(ws, tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Café talks\n\n“Both sides agreed,” the minister said on Monday in Hanoi.\n".encode("cp1252"))
    source = ws.import_file(path)
    assert "“Both sides agreed,”" in source.text
    assert source.title == "Café talks"


def test_vietnamese_in_utf16_is_decoded(ws, tmp_path):
    path = tmp_path / "vn.txt"
    path.write_bytes("Quan hệ Việt Nam – Trung Quốc\n\nHai bên nhất trí tăng cường hợp tác.\n".encode("utf-16"))
    source = ws.import_file(path)
    assert source.title == "Quan hệ Việt Nam – Trung Quốc"
    assert source.meta.language == "vi"


def test_gb18030_chinese_is_decoded(ws, tmp_path):
    path = tmp_path / "zh.txt"
    text = "中越关系迈上新台阶\n\n中国和越南双方同意深化全面战略合作伙伴关系，构建具有战略意义的中越命运共同体。\n"
    path.write_bytes(text.encode("gb18030"))
    source = ws.import_file(path)
    assert "命运共同体" in source.text
    assert source.meta.language == "zh"
    assert source.id == "zhong-yue-guan-xi-mai-shang-xin-tai-jie"  # its title in pinyin, not the file name "zh"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  \n", "empty"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("only-banner.txt", b"I agree\n\nSearch Trends\n", "no article text"),
        ("slides.pptx", b"PK\x03\x04\x00\x00 zip", "cannot import '.pptx'"),
        ("page.html", b"<html><head><title>x</title></head><body></body></html>", "no article text"),
    ],
)
def test_bad_files_are_refused_by_name(ws, tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SidelightError) as caught:
        ws.import_file(path)
    message = str(caught.value)
    assert name in message and problem in message
    assert _source_folders(ws) == []


def test_fifty_megabyte_file_is_refused_without_reading_it(ws, tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(ImportRefused, match=r"huge\.txt: too large to be an article \(50\.0 MB"):
        ws.import_file(path)
    assert _source_folders(ws) == []


def test_missing_file_is_named(ws, tmp_path):
    with pytest.raises(ImportRefused, match="gone.txt: file not found"):
        ws.import_file(tmp_path / "gone.txt")


def test_one_bad_file_does_not_stop_the_others(ws, tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Good article\n\nIt has text.\n", encoding="utf-8")
    bad.write_bytes(b"")
    report = ws.import_files([bad, good])
    assert [s.title for s in report.imported] == ["Good article"]
    assert len(report.refused) == 1 and "bad.txt" in str(report.refused[0])


def test_html_is_extracted_with_trafilatura(ws, tmp_path):
    page = tmp_path / "story.html"
    body = " ".join(f"Sentence number {i} about the visit of the two leaders to Hanoi." for i in range(12))
    page.write_text(
        "<html><head><title>Leaders meet in Hanoi</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Leaders meet in Hanoi</h1><p>{body}</p><p>Second paragraph with more detail.</p></article>"
        "<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>",
        encoding="utf-8",
    )
    source = ws.import_file(page)
    assert source.text.startswith("Leaders meet in Hanoi")
    assert "Sentence number 11" in source.text
    assert "Home" not in source.text and "All rights reserved" not in source.text
    assert (source.folder / "original.html").read_bytes() == page.read_bytes()
    # What extraction left out is listed, by the line of the HTML file it was on
    dropped = {c["text"]: c["line"] for c in source.meta.cleaning["removed"]
               if c["rule"] == "not article text (HTML extraction)"}
    assert dropped == {"Home World": 1, "Copyright 2024 Example News. All rights reserved.": 1}
    assert "line 1: [not article text (HTML extraction)] Home World" in source.cleaning_report()
    assert source.share_removed() == 0.0  # page furniture is expected, not a warning sign


def test_a_dropped_photo_caption_is_itemised_with_its_line(ws, tmp_path):
    page = tmp_path / "story.html"
    body = " ".join(f"Sentence number {i} about the visit of the two leaders to Hanoi." for i in range(12))
    page.write_text(
        "<html>\n<head><title>Leaders meet</title><script>var tracking = 1;</script></head>\n<body>\n"
        f"<article><h1>Leaders meet</h1>\n<p>{body}</p>\n"
        "<aside class='related'>Related: Ten things to know about Hanoi</aside>\n"
        f"<p>{body.replace('Sentence', 'Line')}</p></article>\n</body>\n</html>\n",
        encoding="utf-8",
    )
    source = ws.import_file(page)
    dropped = [(c["line"], c["text"]) for c in source.meta.cleaning["removed"]]
    texts = [t for _l, t in dropped]
    assert (6, "Related: Ten things to know about Hanoi") in dropped
    assert all("tracking" not in t for t in texts)  # scripts are not page text
    for line, text in dropped:  # every listed line really holds that text in the original
        assert text[:20] in page.read_text().splitlines()[line - 1]
    assert all(t not in source.text for t in texts)


def test_markdown_marks_are_removed(ws, tmp_path):
    page = tmp_path / "note.md"
    page.write_text("# Title here\n\nThe **joint statement** lists [30 agreements](http://x).\n", encoding="utf-8")
    source = ws.import_file(page)
    assert source.text == "Title here\n\nThe joint statement lists 30 agreements.\n"


@contextmanager
def read_only(folder: Path):
    """Make *folder* read-only for this process. Root ignores permission bits, so as root the
    folder is bind-mounted read-only onto itself, as a read-only network share or disk would be."""
    if os.geteuid() != 0:
        os.chmod(folder, 0o555)
        try:
            yield
        finally:
            os.chmod(folder, 0o755)
        return
    mounted = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot make a read-only folder here (root without mount permission)")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True, capture_output=True)
        yield
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_read_only_workspace_is_a_clear_error_and_nothing_is_written(tmp_path, capsys):
    ws_root = tmp_path / "ws"
    Workspace.create(ws_root)
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nBody text.\n", encoding="utf-8")
    with read_only(ws_root / "sources"):
        with pytest.raises(SidelightError, match="read-only.*nothing was imported"):
            Workspace.open(ws_root).import_file(article)
        assert main(["import", "-w", str(ws_root), str(article)]) != 0
        err = capsys.readouterr().err
        assert "sources" in err and "read-only" in err and "Traceback" not in err
    assert list((ws_root / "sources").iterdir()) == []


def test_an_html_byline_gives_the_author_not_what_follows_it(ws, tmp_path):
    page = tmp_path / "byline.html"
    page.write_text(
        "<html><head><title>Leaders meet in Hanoi - Example News</title></head><body><article>"
        "<h1>Leaders meet in Hanoi</h1>"
        '<p class="byline">By Jane Doe | Published: 2023-12-12</p>'
        "<p>The two leaders met in Hanoi on Tuesday to discuss economic cooperation and signed 36 agreements.</p>"
        "<p>Officials said the agreements cover trade, infrastructure and energy, and more could follow.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    source = ws.import_file(page)
    assert source.meta.author == "Jane Doe"  # the extractor gives "Jane Doe; Published"


def test_the_cleaning_report_counts_passages_and_says_plainly_when_nothing_was_done(ws, tmp_path):
    page = tmp_path / "plain.txt"
    page.write_text("Leaders meet\n\nThe two leaders met in Hanoi on Tuesday and signed 36 agreements.\n", encoding="utf-8")
    report = ws.import_file(page).cleaning_report()
    assert "Removed nothing." in report and "Repaired no missing spaces." in report
    page = tmp_path / "joined.txt"
    page.write_text("Leaders meet\n\nThe leaders met in 2023.They signed 36 agreements.\n", encoding="utf-8")
    assert "Repaired 1 missing space:" in ws.import_file(page).cleaning_report()
