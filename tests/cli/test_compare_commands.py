"""`sidelight compare` and `sidelight eval` as scripts and researchers use them."""

from __future__ import annotations

import json

import pytest

from sidelight.cli import main
from tests.conftest import REPO


def test_compare_json_has_the_documented_shape_and_offsets_index_the_texts(capsys, sample_copy):
    assert main(["compare", str(sample_copy), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["id"] for d in data["documents"]} == {p.name for p in (sample_copy / "sources").iterdir()}
    assert all({"id", "title", "outlet"} <= set(d) for d in data["documents"])
    texts = {p.name: (p / "text.txt").read_text(encoding="utf-8") for p in (sample_copy / "sources").iterdir()}
    unit_ids = set()
    for u in data["units"]:
        assert texts[u["document"]][u["start"]:u["end"]] == u["text"]
        unit_ids.add(u["id"])
    kinds = set()
    for g in data["groups"]:
        assert {"id", "kind", "units", "score", "conflicts"} <= set(g)
        assert set(g["units"]) <= unit_ids
        kinds.add(g["kind"])
        for c in g["conflicts"]:
            assert set(c["values"]) <= set(g["units"]) and c["type"]
    assert {"partial", "unique"} <= kinds


def test_compare_documents_option_limits_the_alignment(capsys):
    ids = ["china-vietnam-ties-elevated-to-new", "a-new-day-for-china-vietnam-relations"]
    assert main(["compare", str(REPO), "--documents", *ids, "--format", "json", "--no-cache"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in data["documents"]] == ids
    assert "shared" in {g["kind"] for g in data["groups"]}


def test_compare_text_is_readable(capsys):
    assert main(["compare", str(REPO), "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "claim groups:" in out and "blindspots" in out
    assert "foremost trading partner" in out


def test_compare_text_lists_each_document_s_unique_claims_that_its_blindspots_cite(capsys):
    ids = ["china-vietnam-ties-elevated-to-new", "a-new-day-for-china-vietnam-relations"]
    assert main(["compare", str(REPO), "--documents", *ids, "--no-context", "--no-cache"]) == 0
    out = capsys.readouterr().out
    import re

    listed, cited = out.split("claims only one document carries:")
    omitted = [gid for found in re.findall(r": omits \d+ \(([^)]*)\)", listed) for gid in found.rstrip("…").split(", ")]
    assert omitted and all(f"   [{gid}] " in cited for gid in omitted)  # every claim cited as omitted is shown
    assert not any(f"[{gid}]" in listed for gid in omitted)  # they were nowhere before


def test_compare_text_blindspot_counts_claims_carried_by_two_or_more_only_among_those_carried_so(capsys):
    assert main(["compare", str(REPO), "--no-cache", "--format", "json"]) == 0
    groups = {g["id"]: g for g in json.loads(capsys.readouterr().out)["groups"]}
    assert main(["compare", str(REPO), "--no-cache"]) == 0
    import re

    lines = re.findall(r": omits (\d+) \(([^)]*)\); (\d+) of them carried by two or more others", capsys.readouterr().out)
    assert len(lines) == 5
    for _, listed, widely in lines:
        ids = listed.rstrip("…").split(", ")
        carriers = [len(groups[gid]["units"]) for gid in ids]
        assert carriers == sorted(carriers, reverse=True)  # the most widely carried first
        assert sum(n >= 2 for n in carriers) == min(int(widely), len(ids))


def test_compare_html_is_a_standalone_page(capsys):
    assert main(["compare", str(REPO), "--format", "html", "--no-cache"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "CGTN" in page and "<script" not in page
    # the sample has two Global Times articles: the report tells them apart everywhere
    assert "<b>Global Times (China, Vietnam reach consensus…)</b>: leaves out" in page
    assert "<b>Global Times (Xi, Vietnamese top leader Lam…)</b>: leaves out" in page
    # the window's words for kinds of claim, not the data's ("partial", "unique")
    assert "only in one article" in page and "Shared by some · similarity" in page and " partial " not in page


def test_the_html_report_holds_every_claim_in_full(capsys):
    import html
    import json

    assert main(["compare", str(REPO), "--format", "json", "--no-cache"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert main(["compare", str(REPO), "--format", "html", "--no-cache"]) == 0
    page = html.unescape(capsys.readouterr().out)
    assert "Claims only one document carries" in page and "<h3>Only in CGTN</h3>" in page
    missing = [u["text"][:50] for u in data["units"] if u["text"] not in page and u["kind"] not in ("section", "credit", "note")]
    assert not missing  # shared or unique, no claim is cut short or left out
    sections = {u["id"] for u in data["units"] if u["kind"] in ("section", "credit")}
    assert sections and all(g.get("not_a_claim") for g in data["groups"] if set(g["units"]) <= sections)
    assert "position:sticky" in page  # the outlet header stays in sight while scrolling


def test_compare_ad_hoc_files(tmp_path, capsys):
    first = tmp_path / "one.txt"
    second = tmp_path / "two.txt"
    first.write_text("Trade deal signed\n\nThe two countries signed a trade deal worth $5 billion on Monday.\n", encoding="utf-8")
    second.write_text("Deal agreed\n\nOn Tuesday the two countries signed a trade deal worth $6 billion.\n", encoding="utf-8")
    assert main(["compare", str(first), str(second), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    deal = [g for g in data["groups"] if g["kind"] == "shared"]
    assert deal and {c["type"] for c in deal[0]["conflicts"]} >= {"money", "weekday"}


@pytest.mark.parametrize("documents", [["china-vietnam-ties-elevated-to-new"], ["china-vietnam-ties-elevated-to-new"] * 2])
def test_compare_refuses_a_single_document(capsys, documents):
    assert main(["compare", str(REPO), "--documents", *documents]) == 2
    captured = capsys.readouterr()
    assert "sidelight: compare needs at least two documents: --documents names one" in captured.err
    assert ("(the same one twice)" in captured.err) == (len(documents) == 2)
    assert captured.out == ""


def test_documents_with_files_is_refused_without_naming_a_temporary_folder(tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Storm hits coast\n\nThe storm reached the coast on Monday.\n", encoding="utf-8")
    assert main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--documents", "x", "y"]) == 2
    err = capsys.readouterr().err
    assert "--documents chooses among a workspace's sources" in err and "sidelight-compare-" not in err


def test_compare_refuses_a_workspace_of_one_source(tmp_path, capsys):
    article = tmp_path / "one.txt"
    article.write_text("Trade deal signed\n\nThe two countries signed a trade deal.\n", encoding="utf-8")
    assert main(["import", "-w", str(tmp_path / "ws"), str(article)]) == 0
    assert main(["compare", str(tmp_path / "ws")]) == 2
    assert "compare needs at least two documents (there is 1 source)" in capsys.readouterr().err


def test_compare_of_files_with_one_refused_still_compares_but_exits_1(tmp_path, capsys):
    names = ("one.txt", "two.txt", "empty.txt")
    texts = ("Trade deal signed\n\nThe two countries signed a trade deal worth $5 billion on Monday.\n",
             "Deal agreed\n\nOn Tuesday the two countries signed a trade deal worth $6 billion.\n", "")
    for name, text in zip(names, texts):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["compare", *(str(tmp_path / n) for n in names)]) == 1
    captured = capsys.readouterr()
    assert "2 documents" in captured.out and "empty.txt: the file is empty" in captured.err


def test_compare_refuses_a_missing_workspace(tmp_path, capsys):
    assert main(["compare", str(tmp_path / "nowhere")]) == 2
    assert "sidelight:" in capsys.readouterr().err


def test_eval_prints_aligner_and_baseline_scores(capsys):
    assert main(["eval", str(REPO)]) == 0
    out = capsys.readouterr().out
    assert out.count("links P") == 2 and "baseline" in out
    assert "aligner:  conflicts P " in out  # the conflict gold set shipped beside the default one


def test_eval_on_another_workspace_says_the_default_gold_set_is_for_the_sample(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Trade deal signed\n\nThe two countries signed a trade deal.\n", encoding="utf-8")
    assert main(["import", "-w", str(tmp_path / "ws"), str(article)]) == 0
    capsys.readouterr()
    assert main(["eval", str(tmp_path / "ws")]) == 2
    err = capsys.readouterr().err
    assert "gold set (" in err and "seed_claims.yaml) is for the sample workspace's sources" in err
    assert "this workspace lacks a-new-day-for-china-vietnam-relations, " in err
    assert err.rstrip().endswith(": pass --gold PATH") and "known:" not in err


def test_eval_with_a_gold_set_for_other_sources_names_them(tmp_path, capsys, sample_copy):
    gold = tmp_path / "gold.yaml"
    gold.write_text("schema: 1\ngroups:\n  - units:\n      - {source: elsewhere, quote: x}\n", encoding="utf-8")
    assert main(["eval", str(sample_copy), "--gold", str(gold)]) == 2
    assert f"the gold set ({gold}) names sources this workspace lacks: elsewhere" in capsys.readouterr().err


def test_eval_with_two_gold_sets_prints_their_agreement_and_the_consensus(tmp_path, capsys):
    from sidelight.core.alignment.evaluation import default_gold_path
    from sidelight.io import yaml_store

    # A second annotator who kept only the first claim group of the shipped gold set.
    data = yaml_store.load_file(default_gold_path())
    data["groups"] = data["groups"][:1]
    data["near_misses"], data["ambiguous"] = [], []
    second = tmp_path / "second.yaml"
    yaml_store.dump_file(second, data)
    assert main(["eval", str(REPO), "--gold", str(default_gold_path()), "--gold", str(second)]) == 0
    out = capsys.readouterr().out
    assert "agreement seed_claims.yaml / second.yaml: required links: 50 and 3, 3 in both" in out
    assert out.count("[consensus] aligner:") == 1 and out.count("links P") == 6
    consensus_line = next(line for line in out.splitlines() if line.startswith("[consensus] aligner:"))
    assert "3 required" in consensus_line


def test_compare_strict_links_fewer_claims_than_the_default(capsys):
    import json

    assert main(["compare", str(REPO), "--format", "json", "--no-cache"]) == 0
    loose = json.loads(capsys.readouterr().out)
    assert main(["compare", str(REPO), "--format", "json", "--no-cache", "--strict"]) == 0
    strict = json.loads(capsys.readouterr().out)
    linked = lambda data: sum(len(g["units"]) - 1 for g in data["groups"])  # noqa: E731
    assert 0 < linked(strict) < linked(loose)
    assert strict["method"].endswith("strict")


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_a_strict_comparison_says_so_in_text_and_html(capsys, fmt):
    assert main(["compare", str(REPO), "--format", fmt, "--no-cache", "--strict"]) == 0
    assert "scored by: lexical, strict" in capsys.readouterr().out
    assert main(["compare", str(REPO), "--format", fmt, "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "scored by: lexical" in out and "scored by: lexical, strict" not in out


def test_compare_two_documents_uses_the_other_sources_as_context_unless_told_not_to(capsys):
    import json

    chosen = ["china-vietnam-reach-consensus-on", "a-new-day-for-china-vietnam-relations"]
    assert main(["compare", str(REPO), "--documents", *chosen, "--format", "json", "--no-cache"]) == 0
    with_context = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in with_context["documents"]] == chosen
    assert len(with_context["context_documents"]) == 3
    assert {u["document"] for u in with_context["units"]} == set(chosen)
    assert main(["compare", str(REPO), "--documents", *chosen, "--format", "json", "--no-cache", "--no-context"]) == 0
    alone = json.loads(capsys.readouterr().out)
    assert "context_documents" not in alone and "context" not in alone["method"]
    assert main(["compare", str(REPO), "--documents", *chosen, "--no-cache"]) == 0
    assert "(also in CGTN, not compared here:" in capsys.readouterr().out


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_a_console_that_cannot_show_every_character_gets_output_not_a_traceback(tmp_path, encoding):
    import json
    import os
    import subprocess
    import sys

    for name, text in (("a.txt", "中越贸易\n\nTrade hit $234.9 billion in 2022, Xinhua said… on Monday.\n"),
                       ("b.txt", "Thương mại Việt–Trung\n\nTrade reached $200 billion in 2022… officials said.\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    run = lambda fmt: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "sidelight", "compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", fmt],
        capture_output=True, env=env, timeout=120)
    as_json = run("json")
    assert as_json.returncode == 0, as_json.stderr.decode(errors="replace")
    assert any("中越贸易" in d["title"] for d in json.loads(as_json.stdout)["documents"])  # \u escapes: nothing lost
    as_html = run("html")
    assert as_html.returncode == 0 and "&#20013;" in as_html.stdout.decode("ascii", errors="replace")  # 中
    as_text = run("text")
    assert as_text.returncode == 0 and b"Traceback" not in as_text.stderr
    as_csv = run("csv")  # data: the letters lost are said to be lost
    assert as_csv.returncode == 0 and b"Trade hit $234.9 billion" in as_csv.stdout
    assert b"use --output FILE (UTF-8) or set PYTHONIOENCODING=utf-8" in as_csv.stderr


def test_an_unknown_document_id_is_named(capsys):
    assert main(["compare", str(REPO), "--documents", "no-such-article", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "no source with id 'no-such-article'" in err and "china-vietnam-ties-elevated-to-new" in err


def test_two_identical_files_are_compared_as_the_same_story_twice(tmp_path, capsys):
    for name in ("wire.txt", "reprint.txt"):
        (tmp_path / name).write_text("Storm hits coast\n\nOfficials said on Monday that 120 people were hurt. "
                                     "The storm reached the coast at dawn.\n", encoding="utf-8")
    assert main(["compare", str(tmp_path / "wire.txt"), str(tmp_path / "reprint.txt"), "--format", "json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert len(data["documents"]) == 2
    per_document = len(data["units"]) // 2
    assert per_document == 3  # the headline and two sentences
    assert [g["kind"] for g in data["groups"]] == ["shared"] * per_document


def test_eval_refuses_a_conflict_gold_set_given_as_a_claim_gold_set(capsys):
    assert main(["eval", str(REPO), "--gold", str(REPO / "benchmarks" / "gold" / "seed_conflicts.yaml")]) == 2
    assert "not a claim gold set: it has no 'groups'" in capsys.readouterr().err


def test_eval_with_both_gold_sets_also_scores_conflicting_facts(capsys):
    gold = REPO / "benchmarks" / "gold"
    assert main(["eval", str(REPO), "--gold", str(gold / "seed_claims.yaml"), "--gold", str(gold / "seed_claims_b.yaml")]) == 0
    assert "conflicts P " in capsys.readouterr().out


def test_files_compared_keep_their_order_and_the_json_carries_their_texts_and_refusals(tmp_path, capsys):
    import json

    (tmp_path / "z.txt").write_text("Beta story\n\nTrade reached $6 billion on Monday, officials said.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Alpha story\n\nTrade hit $5 billion on Monday, officials said.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    files = [str(tmp_path / n) for n in ("z.txt", "a.txt", "empty.txt")]
    assert main(["compare", *files, "--format", "json"]) == 1  # one file refused
    data = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in data["documents"]] == ["beta-story", "alpha-story"]  # as on the command line
    texts = {d["id"]: d["text"] for d in data["documents"]}
    assert all(texts[u["document"]][u["start"]:u["end"]] == u["text"] for u in data["units"])
    assert any("empty.txt" in p and "empty" in p for p in data["problems"])


def test_eval_lists_the_links_missed_and_made_wrongly(capsys):
    gold = REPO / "benchmarks" / "gold"
    assert main(["eval", str(REPO), "--gold", str(gold / "seed_claims.yaml"), "--gold", str(gold / "seed_claims_b.yaml"),
                 "--errors"]) == 0
    out = capsys.readouterr().out
    consensus = next(line for line in out.splitlines() if line.startswith("[consensus] aligner:"))
    required = int(consensus.split(" required")[0].rsplit(", ", 1)[1])
    recall = float(consensus.split(" R ")[1].split()[0])
    missed = int(out.split(" missed (the gold links them")[0].rsplit("\n", 1)[1])
    assert missed == round(required * (1 - recall))  # the list is the recall figure, pair by pair
    assert "wrong (the aligner links them, the gold does not allow it):" in out


def test_vietnamese_typed_with_combining_accents_matches_the_same_text_composed(tmp_path, capsys):
    import json
    import unicodedata

    text = ("Việt Nam và Trung Quốc ký 12 thỏa thuận hợp tác\n\n"
            "Hai nước đã ký kết 12 văn kiện hợp tác về thương mại và đầu tư. "
            "Kim ngạch thương mại song phương đạt 234,9 tỷ USD trong năm 2023.\n")
    (tmp_path / "composed.txt").write_text(unicodedata.normalize("NFC", text), encoding="utf-8")
    (tmp_path / "decomposed.txt").write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert main(["compare", str(tmp_path / "composed.txt"), str(tmp_path / "decomposed.txt"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [g["kind"] for g in data["groups"]] == ["shared"] * 3
    assert all(g["score"] == 1.0 for g in data["groups"])
    assert "different languages" not in json.dumps(data)


def test_figures_that_agree_are_marked_apart_from_contradictions(tmp_path, capsys):
    import json

    (tmp_path / "a.txt").write_text("Bilateral trade surpassed US$200 billion last year, officials said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Bilateral trade reached $234.9 billion last year, officials said.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Bilateral trade reached $150 billion last year, officials said.\n", encoding="utf-8")
    assert main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json"]) == 0
    [group] = json.loads(capsys.readouterr().out)["groups"]
    assert group["conflicts"] == [{"type": "money", "values": {"a:0": "surpassed US$200 billion", "b:0": "$234.9 billion"},
                                   "note": group["conflicts"][0]["note"], "agrees": True}]
    assert main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 0
    assert "   ~ money: A surpassed US$200 billion; B $234.9 billion" in capsys.readouterr().out
    assert main(["compare", str(tmp_path / "b.txt"), str(tmp_path / "c.txt")]) == 0
    out = capsys.readouterr().out
    assert "   ! money: A $234.9 billion; B $150 billion" in out
    assert "omits 0;" in out and "()" not in out


def test_compare_names_a_source_it_could_not_read_and_exits_with_1(capsys, sample_copy):
    broken = sample_copy / "sources" / "china-vietnam-ties-elevated-to-new" / "source.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    assert main(["compare", str(sample_copy), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert f"warning: {broken}: malformed YAML" in captured.err
    data = json.loads(captured.out)
    assert any(str(broken) in p for p in data["problems"])
    assert "china-vietnam-ties-elevated-to-new" not in {d["id"] for d in data["documents"]}
    code = main(["compare", str(sample_copy), "--documents", "china-vietnam-ties-elevated-to-new",
                 "a-new-day-for-china-vietnam-relations"])
    assert code == 2
    assert "source 'china-vietnam-ties-elevated-to-new' could not be read: malformed YAML" in capsys.readouterr().err


def test_output_writes_a_file_in_the_format_its_name_asks_for(tmp_path, capsys):
    import csv

    target = tmp_path / "claims.csv"
    assert main(["compare", str(REPO), "--documents", "china-vietnam-reach-consensus-on",
                 "a-new-day-for-china-vietnam-relations", "--no-context", "--no-cache", "-o", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""  # all of it went to the file
    assert f"wrote {target}: " in captured.err and "shared by all" in captured.err
    rows = list(csv.reader(target.open(encoding="utf-8", newline="")))
    assert rows[0][:5] == ["claim", "kind", "documents", "score", "conflicts"] and len(rows) > 10
    assert any("China Report ASEAN" == h for h in rows[0])


def test_output_to_a_folder_is_refused_naming_it(tmp_path, capsys):
    assert main(["compare", str(REPO), "--no-cache", "--format", "json", "-o", str(tmp_path)]) == 2
    assert f"{tmp_path}: is a folder: give a file name for --output" in capsys.readouterr().err
