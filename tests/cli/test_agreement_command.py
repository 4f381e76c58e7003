"""``sidelight agreement``: the figures, the disputed sentences, and clear refusals."""

from __future__ import annotations

import csv
import io
import json
import shutil

from sidelight.cli import main

A = "a-new-day-for-china-vietnam-relations"


def test_prints_alpha_per_code_and_the_disputed_sentences(sample_root, capsys):
    assert main(["agreement", str(sample_root)]) == 0
    out = capsys.readouterr().out
    assert "Agreement of alice and bao over 5 documents" in out
    assert "Cohen's kappa" in out
    economic = next(line for line in out.splitlines() if line.strip().startswith("Economic"))
    assert "alice 6" in economic and "bao 6" in economic and "α 1.000" in economic
    assert "Sentences coded differently:" in out
    assert "China Report ASEAN [" in out  # disputed sentences are named by their document


def test_json_and_csv_to_a_file(sample_copy, tmp_path, capsys):
    target = tmp_path / "agreement.json"
    assert main(["agreement", str(sample_copy), "-o", str(target)]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["reviewers"] == ["alice", "bao"]
    assert data["codes"] and all(0 <= c["agreement"] <= 1 for c in data["codes"])
    assert "wrote" in capsys.readouterr().err
    assert main(["agreement", str(sample_copy), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["kind"] == "all codes"
    assert {r["kind"] for r in rows} == {"all codes", "code", "field"}


def test_one_reviewer_is_refused_with_a_reason(sample_copy, capsys):
    shutil.rmtree(sample_copy / "annotations" / "bao")
    assert main(["agreement", str(sample_copy)]) == 2
    err = capsys.readouterr().err
    assert "two or more reviewers" in err and "alice" in err


def test_unknown_reviewer_is_named(sample_root, capsys):
    assert main(["agreement", str(sample_root), "--reviewers", "alice", "nobody"]) == 2
    assert "no annotations by nobody" in capsys.readouterr().err


def test_a_broken_file_is_left_out_with_a_warning_not_a_crash(sample_copy, capsys):
    (sample_copy / "annotations" / "bao" / f"{A}.yaml").write_text("schema: 1\nannotations: [\n", encoding="utf-8")
    assert main(["agreement", str(sample_copy), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert f"{A}.yaml" in captured.err and "left out" in captured.err
    data = json.loads(captured.out)
    assert all(d["document"] != A or set(d["codes"]) != {"alice", "bao"} for d in data["disagreements"])
    assert len(data["documents"]) == 4


def test_markdown_and_html_reports_by_extension(sample_copy, tmp_path, capsys):
    assert main(["agreement", str(sample_copy), "-o", str(tmp_path / "agreement.md")]) == 0
    md = (tmp_path / "agreement.md").read_text(encoding="utf-8")
    assert md.startswith("# Agreement of alice, bao")
    assert "| Code | alice | bao | α | κ | Agreement | Reading |" in md
    assert "| Economic | 6 | 6 | 1.000 | 1.000 | 100% | reliable |" in md
    assert main(["agreement", str(sample_copy), "-o", str(tmp_path / "agreement.html")]) == 0
    page = (tmp_path / "agreement.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "Krippendorff" in page
    assert main(["agreement", str(sample_copy), "--format", "json"]) == 0
    with_alpha = [c for c in json.loads(capsys.readouterr().out)["codes"] if c["alpha"] is not None]
    assert page.count("<rect") == len(with_alpha)  # a bar per code that has an alpha
