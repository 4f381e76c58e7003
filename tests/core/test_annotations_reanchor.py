"""Re-anchoring after a source text is edited: annotations follow their words or become orphans.

The seed articles are edited the way a re-import or a cleaning fix edits them (sentences
inserted and deleted, words changed inside and just outside annotated spans) while the true new
position of every annotated span is tracked alongside, so each re-anchoring can be judged.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from sidelight.core.anchoring import locate, make_selector, reanchor
from sidelight.core.sources import content_hash

SOURCES = Path(__file__).resolve().parents[2] / "sources"
FILLER = [
    "Officials from both sides did not immediately respond to requests for comment.",
    "The statement was published on the ministry's website late on Tuesday.",
    "Analysts in the region have followed the talks closely.",
    "Further details were not disclosed.",
]
SWAPS = ["notably", "largely", "officials", "regional", "economic", "partners", "steadily", "broadly"]


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*/text.txt"))]


def sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[A-Z][^.!?\n]{30,}?[.!?](?=\s)", text)]


def pick_spans(text: str, rng: random.Random, count: int) -> list[tuple[int, int]]:
    """Spans inside one sentence, starting and ending at word edges, unique in the text."""
    spans = []
    for _ in range(count * 20):
        s_start, s_end = rng.choice(sentences(text))
        words = [(m.start() + s_start, m.end() + s_start) for m in re.finditer(r"\S+", text[s_start:s_end])]
        if len(words) < 4:
            continue
        i = rng.randrange(0, len(words) - 3)
        j = min(len(words) - 1, i + rng.randint(3, 18))
        start, end = words[i][0], words[j][1]
        if text.count(text[start:end]) == 1 and not any(a < end and start < b for a, b in spans):
            spans.append((start, end))
        if len(spans) == count:
            break
    return spans


def edit(text: str, spans: list[tuple[int, int]], rng: random.Random) -> tuple[str, list[tuple[int, int, str]]]:
    """Edits as (position, deleted length, inserted text) on the old text, not overlapping."""
    edits: list[tuple[int, int, str]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= p or a >= p + max(n, 1) for p, n, _ in edits)

    all_sentences = sentences(text)
    for start, end in rng.sample(all_sentences, 3):  # delete whole sentences
        if free(start, end + 1):
            edits.append((start, end - start + 1, ""))
    for start, _ in rng.sample(all_sentences, 4):  # insert new sentences
        if free(start, start + 1):
            edits.append((start, 0, rng.choice(FILLER) + " "))
    for start, end in rng.sample(spans, min(len(spans), 18)):  # change a word inside or near a span
        inside = rng.random() < 0.5
        lo, hi = (start, end) if inside else (max(0, start - 20), start) if rng.random() < 0.5 else (end, min(len(text), end + 20))
        words = [m for m in re.finditer(r"[A-Za-z]{4,}", text[lo:hi])]
        if not words:
            continue
        w = rng.choice(words)
        a, b = lo + w.start(), lo + w.end()
        if free(a, b):
            edits.append((a, b - a, rng.choice(SWAPS)))
    edits.sort()
    out, last = [], 0
    for pos, n, new in edits:
        out.append(text[last:pos])
        out.append(new)
        last = pos + n
    out.append(text[last:])
    return "".join(out), edits


def mapped(offset: int, edits: list[tuple[int, int, str]]) -> int:
    """Where an old span edge lies in the edited text (edits never cut through a span edge)."""
    return offset + sum(len(new) - n for pos, n, new in edits if pos + n <= offset)


def survives(start: int, end: int, edits: list[tuple[int, int, str]]) -> bool:
    """False when a deleted sentence swallowed the span."""
    return not any(new == "" and pos <= start and end <= pos + n for pos, n, new in edits)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def test_annotations_follow_edited_texts_or_become_orphans():
    rng = random.Random(20240817)
    placed_right = placed_wrong = orphaned_survivor = orphaned_deleted = deleted_total = survivors = 0
    for _round in range(4):
        for old in seed_texts():
            spans = pick_spans(old, rng, 30)
            new, edits = edit(old, spans, rng)
            old_hash, new_hash = content_hash(old), content_hash(new)
            for start, end in spans:
                result = locate(make_selector(old, start, end, old_hash), new, new_hash)
                if not survives(start, end, edits):
                    deleted_total += 1
                    if result is None:
                        orphaned_deleted += 1
                    else:
                        placed_wrong += 1
                    continue
                survivors += 1
                expected = (mapped(start, edits), mapped(end, edits))
                if result is None:
                    orphaned_survivor += 1
                elif overlap((result.start, result.end), expected) >= 0.75:
                    placed_right += 1
                else:
                    placed_wrong += 1
    report = (f"{placed_right}/{survivors} surviving spans placed right, {orphaned_survivor} orphaned, "
              f"{placed_wrong} placed wrongly; {orphaned_deleted}/{deleted_total} deleted spans orphaned")
    assert survivors > 400 and deleted_total > 5, report
    assert placed_right >= 0.95 * survivors, report
    assert placed_wrong == 0, report
    assert orphaned_deleted == deleted_total, report
    print(report)


def test_unchanged_text_keeps_the_selector_itself():
    text = seed_texts()[0]
    selector = make_selector(text, 100, 160, content_hash(text))
    assert reanchor(selector, text, content_hash(text)) is selector


def test_repeated_quote_is_told_apart_by_its_context():
    text = ("The ministry said trade grew. Officials were pleased with the talks in Hanoi. "
            "Later, observers said trade grew. Nobody disputed the figures from the customs office.")
    second = text.index("trade grew", 40)
    selector = make_selector(text, second, second + len("trade grew"), content_hash(text))
    edited = "Breaking news. " + text
    placed = locate(selector, edited, content_hash(edited))
    assert placed is not None and placed.start == second + len("Breaking news. ")


def test_deleted_quote_becomes_an_orphan_even_if_similar_words_remain():
    text = "China and Vietnam agreed to expand railway links. Both sides praised the outcome of the visit."
    start = text.index("agreed")
    selector = make_selector(text, start, text.index(".") , content_hash(text))
    edited = "Both sides praised the outcome of the visit. Trade talks will resume in March."
    assert reanchor(selector, edited, content_hash(edited)) is None


@pytest.mark.parametrize("change", ["insert", "replace"])
def test_quote_longer_than_bitap_limit_is_found_after_an_edit_inside_it(change):
    text = seed_texts()[1]
    start = text.index("Top Chinese diplomat")
    end = start + 140
    selector = make_selector(text, start, end, content_hash(text))
    middle = start + 60
    if change == "insert":
        edited = text[:middle] + "recently " + text[middle:]
    else:
        edited = text[:start] + text[start:].replace("General Secretary", "General Secretaries", 1)
    placed = locate(selector, edited, content_hash(edited))
    assert placed is not None and placed.method == "fuzzy"
    assert placed.start == start and abs(placed.end - (end + len(edited) - len(text))) <= 2
