"""Claim alignment: quality on the gold set (aligner and TF-IDF baseline) and speed at three sizes.

Targets: five seeds < 0.3 s of compute after start-up; 200 synthetic seed-sized articles
(~7,000 units) < 10 s, peak traced memory < 1 GB and within 3x the baseline's time; two 1 MB
documents < 10 s. The synthetic articles are drawn from the seed sentences with light
paraphrase (synonym swaps, dropped words) and shuffled order, with a fixed random seed.

Honest figures: the aligner's thresholds and weights were first set while looking at the whole
gold set, so the "gold, aligner" line is not a held-out figure. The two split lines are printed
to show how much that matters: "tuning split" aligns only the first three sources (by id) and
scores the gold restricted to them; "held-out" scores the five-source alignment on the pairs
that touch the other two sources only (and their units for unique claims). Sweeps of the
weights and thresholds on the tuning split did not improve the held-out figures, so the
values were left as they were; changes since were judged on speed and on general principles.

The one rule added since gold set B existed (a pair sharing fewer than two distinctive terms
scores less, ``matching.MIN_DISTINCTIVE_SHARED``) was chosen on the consensus of A and B, its
held-out split included: those lines are tuning figures now as well.

A second gold set (annotator B, ``seed_claims_b.yaml``) was written independently, after the
aligner was built and without seeing either its output or gold set A. Its lines show how far two
careful readers agree on "the same claim" (the ceiling for any aligner) and the scores on the
links both require, which no tuning of this aligner has seen.

Sentence embeddings (optional: the all-MiniLM-L6-v2 model run in numpy, see
``sidelight.core.alignment.embeddings``) are measured beside the lexical path when installed:
the same gold lines for both, and the seeds' time cold (model weights loaded, no vector
cached) and cached. Their weight and thresholds were set on the tuning split only; they raise
its link recall but lower the held-out figures, so the aligner runs without them unless asked.
The large collections exceed ``EMBEDDING_UNIT_LIMIT`` and run lexically; the lines say so.
"""

from __future__ import annotations

import random
import re
import resource
import time
from pathlib import Path

from sidelight.core.alignment import align
from sidelight.core.alignment.baseline import baseline_groups
from sidelight.core.alignment.evaluation import (
    agreement,
    consensus,
    default_gold_path,
    evaluate,
    evaluate_conflicts,
    judge,
    load_gold,
    recall_ceiling,
    restrict,
)
from sidelight.core.alignment.model import Document
from sidelight.core.alignment.segmentation import segment
from sidelight.core.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
_SWAPS = {"largest": "biggest", "relations": "ties", "agreed": "pledged", "cooperation": "collaboration",
          "important": "significant", "countries": "nations", "increased": "rose", "said": "stated"}


def _paraphrase(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    out = []
    for w in words:
        core = w.strip(".,")
        if core in _SWAPS and rng.random() < 0.5:
            w = w.replace(core, _SWAPS[core])
        elif len(words) > 8 and rng.random() < 0.05:
            continue
        out.append(w)
    return " ".join(out)


def synthetic(n_articles: int, sentences: list[str], per_article: int, rng: random.Random) -> list[Document]:
    docs = []
    for i in range(n_articles):
        chosen = rng.sample(sentences, per_article)
        paragraphs = [" ".join(_paraphrase(s, rng) for s in chosen[k:k + 3]) for k in range(0, per_article, 3)]
        docs.append(Document(id=f"synthetic-{i:03d}", text="\n\n".join(paragraphs), title=f"Synthetic {i}"))
    return docs


def _consensus(golds, units, texts, sources=None):
    """What every gold set agrees on, over ``units`` (restricted to ``sources`` when given)."""
    return consensus([judge(restrict(g, sources) if sources is not None else g, units, texts) for g in golds])


def _split_figures(ws: Workspace, gold, result, use_embeddings: bool = False, label: str = "gold") -> None:
    """Tuning and held-out lines; ``gold`` is one gold set or a list of them (scored on their consensus)."""
    golds = gold if isinstance(gold, list) else [gold]
    ids = sorted(s.id for s in ws.sources)
    tuning, held_out = set(ids[:3]), set(ids[3:])
    sources = [s for s in ws.sources if s.id in tuning]
    three = align(sources, use_embeddings=use_embeddings)
    three_texts = {s.id: s.text for s in sources}
    truth = _consensus(golds, three.units, three_texts, tuning)
    scores = evaluate(truth, three.units, [g.units for g in three.groups], three_texts)
    print(f"   {label}, tuning split (3 sources aligned alone): {scores.line()}")
    texts = {s.id: s.text for s in ws.sources}
    truth = _consensus(golds, result.units, texts)
    scores = evaluate(truth, result.units, [g.units for g in result.groups], texts, focus=held_out)
    print(f"   {label}, held-out (pairs touching {len(held_out)} other sources): {scores.line()}")


def _second_annotator_figures(ws: Workspace, gold, result, texts) -> None:
    """Annotator B's independent gold set: how far the two readers agree, and both sets' consensus."""
    second = load_gold(ROOT / "benchmarks" / "gold" / "seed_claims_b.yaml")
    first_j, second_j = judge(gold, result.units, texts), judge(second, result.units, texts)
    print(f"   annotators A / B: {agreement(first_j, second_j, result.units).line()}")
    groups = [g.units for g in result.groups]
    print(f"   gold B, aligner (lexical): {evaluate(second_j, result.units, groups, texts).line()}")
    both = consensus([first_j, second_j])
    for label, truth in (("gold A", first_j), ("gold B", second_j), ("consensus A+B", both)):
        print(f"   {label}: {recall_ceiling(truth, result.units).line()}")
    print(f"   consensus A+B, aligner (lexical): {evaluate(both, result.units, groups, texts).line()}")
    strict = align(ws.sources, use_embeddings=False, strict=True)
    strict_truth = _consensus([gold, second], strict.units, texts)
    print(f"   consensus A+B, aligner (lexical, strict): "
          f"{evaluate(strict_truth, strict.units, [g.units for g in strict.groups], texts).line()}")
    baseline = max((evaluate(both, result.units, baseline_groups(result.units, t), texts) for t in (0.3, 0.4, 0.5, 0.6, 0.7)),
                   key=lambda s: s.link_f1)
    print(f"   consensus A+B, best baseline: {baseline.line()}")
    _split_figures(ws, [gold, second], result, label="consensus A+B")
    grouped = {frozenset((a, b)) for g in result.groups for a in g.units for b in g.units if a < b}
    missed = both.required - grouped
    offered = {frozenset((m.a, m.b)) for m in result.possible}
    right = offered & (both.allowed | both.ambiguous)
    conflicts = evaluate_conflicts(ROOT / "benchmarks" / "gold" / "seed_conflicts.yaml", result, texts)
    print(f"   conflicting facts on the consensus links (seed_conflicts.yaml): {conflicts.line()}")
    _subset_figures(ws, [gold, second])
    _misstated_figures(ws, both, result)
    print(f"   possible counterparts offered to link by hand: {len(offered)} "
          f"({2 * len(offered) / max(len(result.units), 1):.1f} per unit, {len(right)} allowed or disputed by the "
          f"annotators); they hold {len(offered & missed)} of the {len(missed)} consensus links the groups miss")


_FIGURE = re.compile(r"(?<![\d.,])(\d+)(?=[.,]\d|\b)")
_FIGURE_KINDS = {"money", "percent", "number", "date"}


def _misstate(sentence: str) -> str:
    """Every figure but a year raised by 3: "December 12 to 13" -> "December 15 to 16", "$25 billion" -> "$28 billion"."""
    return _FIGURE.sub(lambda m: m.group(1) if re.fullmatch(r"(?:19|20)\d\d", m.group(1)) else str(int(m.group(1)) + 3),
                       sentence)


def _misstated_figures(ws: Workspace, truth, result) -> None:
    """An outlet that misstates a figure of a shared claim should show as a conflict inside the
    claim, not as two unique claims. For each consensus link the aligner finds, each side in turn
    gets its figures changed (years kept: another year is most often another fact); the line
    counts the links that stay linked, and those that report a conflicting figure. Not every change
    conflicts: "surpassed US$203 billion" agrees with "surpassed the $200 billion mark", and a
    figure the other side does not give cannot conflict."""
    import dataclasses

    by_id = {u.id: u for u in result.units}
    sources = list(ws.sources)
    tried = kept = reported = 0
    for pair in sorted(truth.required, key=sorted):
        first, second = sorted(pair)
        if result.group_of(first) is not result.group_of(second):
            continue
        for changed, other in ((by_id[first], by_id[second]), (by_id[second], by_id[first])):
            wrong = _misstate(changed.text)
            if wrong == changed.text:
                continue
            tried += 1
            edited = [dataclasses.replace(s, text=s.text[:changed.start] + wrong + s.text[changed.end:])
                      if s.id == changed.document else s for s in sources]
            again = align(edited, use_embeddings=False)
            a = next(u for u in again.units if u.document == changed.document and u.start == changed.start)
            b = next(u for u in again.units if u.document == other.document and u.start == other.start)
            group = again.group_of(a.id)
            if group is again.group_of(b.id):
                kept += 1
                reported += any(c.type in _FIGURE_KINDS and {a.id, b.id} <= set(c.values) for c in group.contradictions)
    print(f"   misstated figures: of {tried} consensus links found, with one side's figures changed, {kept} stay "
          f"linked and {reported} of them report a conflicting figure")


def _subset_figures(ws: Workspace, golds) -> None:
    """Researchers often open two or three articles, not five: the consensus links pooled over
    every pair and every triple of seeds, aligned alone and with the other seeds as context."""
    from itertools import combinations

    ids = sorted(s.id for s in ws.sources)
    for size, context in ((2, False), (3, False), (2, True), (3, True)):
        predicted = correct = required = found = 0
        for chosen in combinations(ids, size):
            sources = [ws.get(i) for i in chosen]
            texts = {s.id: s.text for s in sources}
            result = align(sources, use_embeddings=False, context=ws.sources if context else ())
            truth = _consensus(golds, result.units, texts, set(chosen))
            scores = evaluate(truth, result.units, [g.units for g in result.groups], texts)
            predicted += scores.links_predicted
            correct += round(scores.link_precision * scores.links_predicted)
            required += scores.links_required
            found += round(scores.link_recall * scores.links_required)
        how = "with the other seeds as context (the default)" if context else "aligned alone"
        print(f"   consensus A+B, every {size} seeds {how}, pooled: links P {correct / max(predicted, 1):.2f} "
              f"R {found / max(required, 1):.2f} ({predicted} predicted, {required} required)")


def _embedding_figures(ws: Workspace, gold, texts) -> None:
    """The seeds with sentence embeddings: gold figures beside the lexical ones, and timing."""
    import tempfile

    from sidelight.core.alignment import embeddings

    if not embeddings.available():
        print(f"   sentence embeddings: not installed ({embeddings.INSTALL_HINT}); lexical figures only")
        return
    _encoder, load = _timed(embeddings.encoder)
    embeddings.STORE = embeddings.EmbeddingStore()
    with tempfile.TemporaryDirectory() as folder:
        result, cold = _timed(lambda: align(ws.sources, use_embeddings=True, cache_dir=folder))
        _again, reopened = _timed(lambda: align(ws.sources, use_embeddings=True, cache_dir=folder))
    _again, cached = _timed(lambda: align(ws.sources, use_embeddings=True))
    print(f"   five seeds with sentence embeddings: model weights loaded in {load:.2f} s; "
          f"{cold:.2f} s cold (no vector cached), {cached:.3f} s with vectors cached, "
          f"{reopened:.3f} s reopened from the alignment cache")
    scores = evaluate(gold, result.units, [g.units for g in result.groups], texts)
    print(f"   gold, aligner (with embeddings): {scores.line()}")
    _split_figures(ws, gold, result, use_embeddings=True)


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


RUNS = 3  # the 200-article figures are medians: on a shared machine one run varies by 15%


def _median_timed(fn, fresh=lambda: None):
    """``fn``'s value and its median time over :data:`RUNS` runs, ``fresh()`` before each."""
    times = []
    for _ in range(RUNS):
        fresh()
        value, seconds = _timed(fn)
        times.append(seconds)
    return value, sorted(times)[len(times) // 2]


def _forget_text_caches() -> None:
    """Each timed alignment starts as the first one would: nothing known about any text."""
    from sidelight.core.alignment import divergence, matching, terms, vectors

    divergence._mentions.cache_clear()
    matching._analyse.cache_clear()
    terms.term_of.cache_clear()
    vectors.char_grams.cache_clear()


def main() -> None:
    ws = Workspace.open(ROOT)
    start = time.perf_counter()
    align(ws.sources[:2], use_embeddings=False)  # start-up: imports (numpy, scipy, pysbd, snowball) and first use
    print(f"   start-up (imports, first small alignment): {time.perf_counter() - start:.2f} s")

    result, seconds = _timed(lambda: align(ws.sources, use_embeddings=False))
    print(f"   five seeds, N-way, lexical: {seconds:.3f} s ({len(result.units)} units, {len(result.groups)} groups)"
          f"  [target < 0.3 s]")

    gold = load_gold(default_gold_path())
    texts = {s.id: s.text for s in ws.sources}
    ours = evaluate(gold, result.units, [g.units for g in result.groups], texts)
    print(f"   gold, aligner (lexical): {ours.line()}")
    _split_figures(ws, gold, result)
    _second_annotator_figures(ws, gold, result, texts)
    _embedding_figures(ws, gold, texts)
    best = None
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        scores = evaluate(gold, result.units, baseline_groups(result.units, threshold), texts)
        print(f"   gold, baseline t={threshold}: {scores.line()}")
        if best is None or scores.link_f1 > best[1].link_f1:
            best = (threshold, scores)
    assert best is not None
    print(f"   link F1 aligner {ours.link_f1:.2f} vs best baseline {best[1].link_f1:.2f} (t={best[0]}); "
          f"unique F1 aligner {ours.unique_f1:.2f} vs {best[1].unique_f1:.2f}  [target P and R >= 0.85]")

    rng = random.Random(20240125)
    sentences = [u.text for s in ws.sources for u in segment(s.id, s.text) if u.kind in ("sentence", "clause")]
    docs = synthetic(200, sentences, 36, rng)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _forget_text_caches()
    big = align(docs)
    print(f"   200 synthetic articles scored by: {big.method}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
    _same, seconds = _median_timed(lambda: align(docs), _forget_text_caches)
    _groups, base_seconds = _median_timed(lambda: baseline_groups(big.units, 0.5))
    _groups, split_seconds = _median_timed(lambda: [segment(d.id, d.text) for d in docs])
    end_to_end = base_seconds + split_seconds
    print(f"   200 synthetic articles: {seconds:.2f} s (median of {RUNS}), {len(big.units)} units, {len(big.groups)} groups, "
          f"peak RSS of the process {peak / 2**20:.0f} MB (was {rss_before / 1024:.0f} MB before)  [target < 10 s, < 1 GB]")
    # Both start from the same documents: the aligner's time includes splitting them into
    # sentences, so the baseline's must too (the second figure leaves it out, for comparison).
    print(f"   baseline from the same documents (sentence splitting {split_seconds:.2f} s + TF-IDF "
          f"{base_seconds:.2f} s): {end_to_end:.2f} s; aligner/baseline {seconds / end_to_end:.1f}x [target <= 3x]")
    print(f"   (baseline on units already split: aligner/baseline {seconds / base_seconds:.1f}x)")
    largest = max(len(g.units) for g in big.groups)
    print(f"   largest group holds {largest} units (one per document at most, 200 documents)")

    filler = [re.sub(r"\d", lambda m: str(rng.randint(0, 9)), s) for s in sentences]
    one_mb = []
    for k in range(2):
        parts, size = [], 0
        while size < 1_000_000:
            chunk = " ".join(rng.sample(filler, 3))
            parts.append(chunk)
            size += len(chunk) + 2
        one_mb.append(Document(id=f"large-{k}", text="\n\n".join(parts)))
    large, seconds = _timed(lambda: align(one_mb))
    print(f"   two 1 MB documents: {seconds:.2f} s, {len(large.units)} units, {large.counts()['shared']} shared claim "
          f"groups (both are drawn from the same seed sentences)  [target < 10 s]; scored by: {large.method}")
    # One sentence repeated over 5 MB, and a short article that prints it once: every unit is a
    # verbatim copy of every other, the worst case for pairing copies (it once took minutes).
    line = "China and Vietnam signed a trade agreement worth $5 billion on Tuesday, officials said. "
    repeated = [Document(id="repeated", text=line * 57_000),
                Document(id="short", text=line + "The weather was fine.")]
    same, seconds = _timed(lambda: align(repeated))
    print(f"   5 MB of one sentence repeated, with a short article: {seconds:.2f} s, {len(same.units)} units  "
          f"[no target; must not hang]")
