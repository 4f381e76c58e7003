"""Word-level differences and blindspots, as the comparison view shows them."""

from __future__ import annotations

from sidelight.core.alignment import align


def rebuild(ops, side: str) -> str:
    keep = ("equal", "delete") if side == "a" else ("equal", "insert")
    return "".join(op.text for op in ops if op.op in keep)


def test_word_diff_keeps_shared_words_and_rebuilds_both_units():
    a = "Both sides will manage their maritime disputes and turn challenges into opportunities."
    b = "Both sides will manage their differences on maritime issues and turn challenges into opportunities."
    result = align([("a", a), ("b", b)])
    ops = result.compare("a:0", "b:0").ops
    assert rebuild(ops, "a") == a and rebuild(ops, "b") == b
    equal = " ".join(op.text.strip() for op in ops if op.op == "equal")
    assert "maritime" in equal and "Both sides" in equal
    assert any(op.op == "delete" and "disputes" in op.text for op in ops)
    assert any(op.op == "insert" and "differences on" in op.text for op in ops)
    for op in ops:  # offsets point into the source texts
        if op.op != "insert":
            assert a[op.a_start:op.a_end] == op.text
        if op.op != "delete":
            assert b[op.b_start:op.b_end] == op.text


def test_blindspot_ranks_omitted_claims_by_how_many_documents_carry_them():
    wide = "Bilateral trade surpassed $200 billion for two consecutive years."
    narrow = "The new railway bridge over the Red River opened to freight trains in March."
    result = align([
        ("a", f"{wide} {narrow}"),
        ("b", f"{wide} {narrow}"),
        ("c", f"{wide} Officials discussed fishing rights at length."),
        ("d", "Students from both countries will join a summer language exchange."),
    ])
    spot = result.blindspot("d")
    assert [len(g.documents) for g in spot.omitted][:2] == [3, 2]
    assert spot.omitted[0].units[0] == "a:0"
    assert [g.units for g in spot.unique] == [("d:0",)]
    assert result.filter_groups(omitted_by="d", kind="shared") == []
    assert {g.id for g in result.filter_groups(unique_to="c")} == {result.group_of("c:1").id}


def test_coverage_matrix_has_one_row_per_group_and_one_column_per_document():
    result = align([("a", "Trade rose by 25 percent this year."), ("b", "This year trade rose by 25 percent.")])
    coverage = result.coverage()
    assert coverage.documents == ("a", "b")
    row = coverage.groups.index(result.group_of("a:0").id)
    assert coverage.cells[row] == ("a:0", "b:0")


def test_filter_by_conflicts():
    result = align([
        ("a", "China is Vietnam's largest trading partner with trade of $234.9 billion in 2022."),
        ("b", "China is Vietnam's largest trading partner with trade of US$200 billion in 2022."),
    ])
    assert [g.units for g in result.filter_groups(has_conflicts=True)] == [("a:0", "b:0")]
    assert result.filter_groups(has_conflicts=False) == []
