"""The default codebook, hand-edited codebooks, and the annotation core's independence from Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sidelight.core import palette
from sidelight.core.codebook import Codebook, default_codebook
from sidelight.core.errors import SidelightError
from sidelight.io import yaml_store

MFC = ["Economic", "Capacity and resources", "Morality", "Fairness and equality", "Legality, constitutionality and jurisprudence",
       "Policy prescription and evaluation", "Crime and punishment", "Security and defense", "Health and safety", "Quality of life",
       "Cultural identity", "Public opinion", "Political", "External regulation and reputation", "Other"]


def test_default_codebook_groups():
    book = default_codebook()
    assert [c.name for c in book.codes_in("frames")] == MFC
    assert len(book.codes_in("persuasion")) == 23 and not book.group("persuasion").enabled
    assert not any(c.group == "persuasion" for c in book.active_codes())
    assert [c.name for c in book.codes_in("entman")] == ["Problem definition", "Causal interpretation", "Moral evaluation", "Treatment recommendation"]
    assert book.group("bias-polarity").exclusive and book.group("bias-aim").exclusive
    genre = next(f for f in book.document_fields if f.id == "genre")
    assert genre.choices == ("news", "opinion", "analysis", "interview", "other")
    assert {"ownership", "country", "audience", "stances", "primary_frame", "tone"} <= {f.id for f in book.document_fields}


def test_colours_are_from_the_palette_and_distinct_within_a_group():
    book = default_codebook()
    for group in book.groups:
        colours = [c.colour for c in book.codes_in(group.id)]
        assert all(c in palette.PALETTE for c in colours)
        assert len(set(colours)) == min(len(colours), len(palette.PALETTE))


def test_codebook_round_trips_and_hand_edits_are_read():
    book = default_codebook()
    book, code = book.add_code("Sovereignty", "frames")
    book = book.merge_codes(code.id, "frame-security")
    again = Codebook.from_yaml(yaml_store.loads(yaml_store.dumps(book.as_yaml())))
    assert again == book and again.resolve(code.id) == "frame-security"
    hand = yaml_store.loads("schema: 1\ngroups:\n- id: g\n  name: Mine\n  codes:\n  - id: x\n    name: X\n")
    assert palette.is_colour(Codebook.from_yaml(hand).code("x").colour)


def test_code_ids_keep_letters_that_accents_cannot_be_stripped_from():
    book = default_codebook()
    book, code = book.add_code("Sovereignty (Biển Đông)", "frames")
    assert code.id == "frames-sovereignty-bien-dong"
    book, axis = book.put_axis("Đối thoại ↔ đối đầu", "dialogue", "confrontation")
    assert axis.id == "doi-thoai-doi-dau"


@pytest.mark.parametrize(("name", "slug"), [
    ("Biển Đông", "bien-dong"), ("Øresund", "oresund"), ("Straße", "strasse"), ("Ærø", "aero"),
    ("Łódź", "lodz"), ("Þingvellir", "thingvellir"), ("Œuvre", "oeuvre"),
    ("南海争端", "nan-hai-zheng-duan"), ("Tô Lâm thăm Trung Quốc", "to-lam-tham-trung-quoc"),
])
def test_slugs_spell_out_letters_nfkd_cannot_decompose(name, slug):
    from sidelight.core.metadata import slugify

    assert slugify(name) == slug


@pytest.mark.parametrize("text, message", [
    ("schema: 2\n", "unsupported schema version 2"),
    ("schema: 1\ngroups:\n- id: g\n  name: G\n  codes:\n  - id: x\n    name: X\n  - id: x\n    name: Y\n", "code id 'x' is used twice"),
    ("schema: 1\ngroups:\n- id: g\n  name: G\n  codes:\n  - id: x\n    name: X\n    colour: red\n", "not of the form #RRGGBB"),
    ("schema: 1\ngroups:\n- id: g\n  name: G\n  codes:\n  - id: x\n    name: X\n    merged_into: y\n", "merged into unknown code 'y'"),
])
def test_bad_codebooks_are_refused_with_the_reason(text, message):
    with pytest.raises(SidelightError, match=message):
        Codebook.from_yaml(yaml_store.loads(text), "codebook.yaml")


def test_annotation_core_imports_without_qt():
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import sidelight.core.annotation_session, sidelight.io.validation, sidelight.cli.annotation_commands\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6') and sys.modules[m] is not None]\n"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": str(src)})
    assert result.returncode == 0, result.stderr


def test_a_new_code_never_takes_a_colour_that_tints_a_kind_of_claim():
    from sidelight.core.alignment.kinds import KIND_COLOURS

    used: list[str] = []
    for _ in range(len(palette.PALETTE)):
        used.append(palette.next_colour(used))
    assert not {c.upper() for c in used} & {c.upper() for c in KIND_COLOURS.values()}
