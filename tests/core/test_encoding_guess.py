"""Files that are not UTF-8: the detector's guess, cp1252 preferred among the Latin code pages."""

from __future__ import annotations

import unicodedata

import pytest

from sidelight.cli import main
from sidelight.core.textio import decode
from sidelight.core.workspace import Workspace

WESTERN_LINE = "Le café « Hanoï » — the leaders' résumé €150 naïve"
WESTERN_ARTICLE = (
    "The naïve café owner in Hanoï said the “résumé” of the talks was déjà vu. " * 8
)[:600]
VIETNAMESE_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 writes it: base letters precomposed, tones as combining marks."""
    out = bytearray()
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in VIETNAMESE_TONES))
        out += (base + "".join(c for c in decomposed if c in VIETNAMESE_TONES)).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("text", [WESTERN_LINE, WESTERN_ARTICLE], ids=["one-line", "600-bytes"])
def test_cp1252_wins_over_its_baltic_and_central_european_neighbours(text):
    decoded = decode("legacy.txt", text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"
    assert decoded.guessed


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Председатель КНР Си Цзиньпин прибыл во Вьетнам с государственным визитом. "
         "Стороны обсудили сотрудничество.", "cp1251"),
        ("Председатель КНР Си Цзиньпин прибыл во Вьетнам с государственным визитом.", "koi8_r"),
        ("中国国家主席习近平抵达河内，对越南进行国事访问。双方讨论了合作。", "gb18030"),
        ("中國國家主席習近平抵達河內，對越南進行國事訪問。雙方討論了合作。", "big5"),
        ("中国の習近平国家主席がハノイに到着し、ベトナムを国賓訪問した。", "shift_jis"),
        ("Zażółć gęślą jaźń: prezydent Chin przybył do Hanoi na rozmowy o współpracy.", "cp1250"),
        ("Kinijos prezidentas atvyko į Hanojų. Šalys susitarė dėl ūkio plėtros ir bendradarbiavimo.", "cp1257"),
        ("A kínai elnök megérkezett Hanoiba. Árvíztűrő tükörfúrógép, a gazdasági együttműködésről.", "cp1250"),
    ],
    ids=["cyrillic-cp1251", "cyrillic-koi8", "chinese-gb18030", "chinese-big5", "japanese-sjis",
         "polish-cp1250", "lithuanian-cp1257", "hungarian-cp1250"],
)
def test_other_scripts_and_code_pages_still_decode_right(text, encoding):
    assert decode("legacy.txt", text.encode(encoding)).text == text


def test_vietnamese_cp1258_decodes_to_composed_letters():
    text = "Chủ tịch Trung Quốc Tập Cận Bình đến Hà Nội. Hai bên thảo luận về hợp tác kinh tế và an ninh."
    decoded = decode("vn.txt", _cp1258(text))
    assert decoded.encoding == "cp1258"
    assert decoded.text == text  # composed, so a search for "Hà Nội" typed by hand finds it


def test_utf16_without_a_bom_is_found():
    text = "Chủ tịch Tập Cận Bình đến Hà Nội. Hai bên thảo luận về hợp tác."
    assert decode("vn.txt", text.encode("utf-16-le")).text == text


def test_utf8_is_not_a_guess():
    decoded = decode("plain.txt", WESTERN_LINE.encode("utf-8"))
    assert not decoded.guessed and decoded.guess_note is None


def test_guessed_encoding_is_noted_for_the_audit_and_on_the_import_line(tmp_path, capsys):
    path = tmp_path / "legacy.txt"
    path.write_bytes(f"Hanoi talks\n\n{WESTERN_LINE}\n".encode("cp1252"))
    assert main(["import", "-w", str(tmp_path / "ws"), str(path)]) == 0
    note = "encoding guessed as cp1252 (not UTF-8): check accented letters"
    assert note in capsys.readouterr().out
    source = Workspace.open(tmp_path / "ws").sources[0]
    assert WESTERN_LINE in source.text
    assert note in source.meta.cleaning["notes"]
    assert f"Note: {note}" in source.cleaning_report()


@pytest.mark.parametrize("raw, name, at", [
    ("Trade rose 5%.".encode("utf-16")[:-1], "UTF-16", 28),  # cut short in its last character
    (b"\xef\xbb\xbfTrade \xff\xfe rose", "UTF-8", 9),
])
def test_a_file_whose_byte_order_mark_lies_is_refused_by_name_not_with_a_traceback(tmp_path, capsys, raw, name, at):
    path = tmp_path / "cut.txt"
    path.write_bytes(raw)
    ws = Workspace.create(tmp_path / "ws")
    assert main(["import", str(path), "-w", str(ws.root)]) == 1
    err = capsys.readouterr().err
    assert f"cut.txt: starts with a {name} byte-order mark but is not valid {name} at byte {at}" in err
    assert "Traceback" not in err
    assert Workspace.open(ws.root).sources == []
