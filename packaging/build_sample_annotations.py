"""Rebuild the sample annotations (annotations/alice, annotations/bao) and codebook.yaml.

Two reviewers code the five sample articles through the same core API the window uses. They
agree in many places and disagree in some, as real coders do: different codes on the same span,
slightly different span boundaries, a passage one of them coded and the other did not. Ids and
times are generated deterministically so that rebuilding gives the same files.

Run from the repository root: ``.venv/bin/python packaging/build_sample_annotations.py``.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sidelight.core.annotation_session import AnnotationSession
from sidelight.core.codebook import CODEBOOK_FILE
from sidelight.core.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
REVIEWERS = ("alice", "bao")

A = "a-new-day-for-china-vietnam-relations"  # China Report ASEAN
B = "china-vietnam-reach-consensus-on"  # Global Times
C = "china-vietnam-ties-elevated-to-new"  # CGTN, opinion
D = "xi-vietnamese-top-leader-lam-reaffirm"  # Global Times
E = "xis-visit-to-vietnam-boosts-elevation"  # outlet not stated

# (source, quote, alice's codes or None, bao's quote when his boundaries differ, bao's codes or None, target)
# A reviewer with None did not code the passage.
SPANS = [
    (A, "Western media, which tends to cover China with bias", ["frame-political", "bias-lexical", "polarity-negative", "aim-direct"],
     None, ["frame-public-opinion", "bias-lexical", "polarity-negative", "aim-direct"], "Western media"),
    (A, "Their coverage usually misleads the Vietnamese people.", ["bias-lexical", "polarity-negative", "aim-direct"], None, None, "Western media"),
    (A, "Bilateral trade has surpassed US$200 billion for two consecutive years.", ["frame-economic"], None, ["frame-economic"], ""),
    (A, "the United States has been colluding with its allies and partners to get more non-regional countries involved in the South China Sea issue",
     ["frame-security", "bias-lexical", "polarity-negative", "aim-direct", "entman-causal-interpretation"],
     "For years, the United States has been colluding with its allies and partners",
     ["frame-security", "bias-lexical", "polarity-negative", "aim-direct"], "United States"),
    (A, "China and Vietnam share experience in preventing hostile forces, reactionary forces, “color revolution,” and secessionists",
     ["frame-security"], None, ["frame-political"], ""),
    (A, "They pledged to strive for an early conclusion of a Code of Conduct in the South China Sea on the basis of consensus.",
     ["frame-policy", "entman-treatment-recommendation"], None, ["frame-policy"], ""),
    (A, "replacing confrontation with dialogue", ["entman-moral-evaluation"], None, None, ""),
    (B, "bilateral trade hitting $234.9 billion in 2022", ["frame-economic"], None, ["frame-economic"], ""),
    (B, "As for the hype by some Western media that Vietnam is shifting away from China",
     ["frame-external", "bias-lexical", "polarity-negative", "aim-direct"], "the hype by some Western media",
     ["frame-political", "bias-lexical", "polarity-negative", "aim-direct"], "Western media"),
    (B, "a trick aimed at luring Vietnam to contain China", ["bias-lexical", "polarity-negative", "aim-indirect"], None,
     ["bias-lexical", "polarity-negative", "aim-indirect"], "Western media"),
    (B, "A true risk point between China and Vietnam lies in the disputes over the South China Sea", ["frame-security"], None, ["frame-security"], ""),
    (B, "Vietnam's accelerating expansion of construction and intention to complicate the South China Sea issue",
     ["frame-security", "bias-informational", "polarity-negative", "aim-indirect"], None, ["frame-security"], "Vietnam"),
    (B, "preventing the divergence from widening and countries outside the region, like the US, from exploiting it", None, None,
     ["frame-security", "entman-treatment-recommendation"], "United States"),
    (C, "the trade volume surpassed the $200 billion mark in 2021 and 2022", ["frame-economic"], None, ["frame-economic"], ""),
    (C, "the two countries should prioritize national security and ensure the red flag of socialism is not to be changed",
     ["frame-political"], None, ["frame-security"], ""),
    (C, "China does not engage in exclusive cliques, block politics, or camp confrontations", ["frame-external", "entman-moral-evaluation"], None,
     ["frame-external"], ""),
    (C, "Xi urged both countries to effectively manage differences on maritime issues", ["frame-security"], None, ["frame-security"], ""),
    (D, "Vietnam adheres to the one-China policy and opposes any form of \"Taiwan independence\" secessionist activities", ["frame-political"], None,
     ["frame-political"], ""),
    (D, "demonstrating the superiority of the socialist system and the vitality of the socialist cause",
     ["frame-political", "bias-lexical", "polarity-positive", "aim-direct"], None,
     ["frame-cultural-identity", "bias-lexical", "polarity-positive", "aim-direct"], "socialist system"),
    (D, "The bilateral trade volume increased by 25 percent year-on-year in the first seven months of 2024.", ["frame-economic"], None, ["frame-economic"], ""),
    (D, "the challenges posed by protectionism, decoupling, and \"small yard, high fence\" that China is facing", ["frame-economic", "bias-lexical"], None,
     ["frame-economic"], ""),
    (E, "China being Vietnam’s largest trading partner", ["frame-economic"], None, ["frame-economic"], ""),
    (E, "contribute to the progress of the talks on the Code of Conduct in the South China Sea", ["frame-security"],
     "contribute to the progress of the talks on the Code of Conduct in the South China Sea that is of great significance for regional stability and development",
     ["frame-security"], ""),
    (E, "deep friendship between comrades plus brothers", ["frame-cultural-identity"], None, ["frame-political"], ""),
    (E, "a community with a shared future for mankind", ["frame-external"], None, None, ""),
]

NOTES = {
    ("alice", "Western media, which tends to cover China with bias"): "Discredits Western coverage as a whole; no example given.",
    ("bao", "Western media, which tends to cover China with bias"): "About how Vietnamese readers come to see China.",
    ("alice", "Vietnam's accelerating expansion of construction and intention to complicate the South China Sea issue"):
        "The charge against Vietnam is voiced through a quoted expert.",
}

# (source, reviewer) -> document-level values
DOCUMENTS = {
    (A, "alice"): dict(genre="analysis", ownership="state-affiliated", country="China", audience="English-speaking readers in Southeast Asia",
                       primary_frame="frame-political", tone="positive"),
    (A, "bao"): dict(genre="analysis", ownership="state-affiliated", country="China", audience="Southeast Asian policy readers",
                     primary_frame="frame-security", tone="positive"),
    (B, "alice"): dict(genre="news", ownership="state-affiliated", country="China", audience="international English-speaking readers",
                       primary_frame="frame-external", tone="positive"),
    (B, "bao"): dict(genre="news", ownership="party", country="China", audience="international English-speaking readers",
                     primary_frame="frame-external", tone="positive"),
    (C, "alice"): dict(genre="opinion", ownership="state-affiliated", country="China", audience="international audience of CGTN",
                       primary_frame="frame-economic", tone="positive"),
    (C, "bao"): dict(genre="opinion", ownership="state-affiliated", country="China", audience="international audience",
                     primary_frame="frame-economic", tone="positive"),
    (D, "alice"): dict(genre="news", ownership="state-affiliated", country="China", primary_frame="frame-political", tone="positive"),
    (D, "bao"): dict(genre="news", ownership="party", country="China", primary_frame="frame-political", tone="positive"),
    (E, "alice"): dict(genre="analysis", ownership="unknown", country="China", primary_frame="frame-political", tone="positive"),
    (E, "bao"): dict(genre="opinion", ownership="unknown", country="China", primary_frame="frame-political", tone="positive"),
}
STANCES = {
    A: [("China", "positive"), ("Vietnam", "positive"), ("United States", "negative"), ("Western media", "negative")],
    B: [("China", "positive"), ("Vietnam", "mixed"), ("Western media", "negative")],
    C: [("China", "positive"), ("Vietnam", "positive")],
    D: [("China", "positive"), ("Vietnam", "positive")],
    E: [("China", "positive"), ("Vietnam", "positive")],
}
AXES = {  # (relationship, outside powers) per source; bao places B and A one step apart from alice
    (A, "alice"): (2, 2), (A, "bao"): (2, 1), (B, "alice"): (1, 1), (B, "bao"): (0, 1),
    (C, "alice"): (2, -1), (C, "bao"): (2, -1), (D, "alice"): (2, 0), (D, "bao"): (2, 0),
    (E, "alice"): (2, -1), (E, "bao"): (2, -1),
}

# (reviewer, (source a, quote a), (source b, quote b), relation, note)
LINKS = [
    ("alice", (C, "the trade volume surpassed the $200 billion mark in 2021 and 2022"), (B, "bilateral trade hitting $234.9 billion in 2022"),
     "adds-detail", "Global Times gives the exact 2022 figure."),
    ("alice", (A, "the United States has been colluding with its allies and partners"),
     (B, "A true risk point between China and Vietnam lies in the disputes over the South China Sea"), "contradicts",
     "China Report ASEAN blames outside powers for the tension; the Global Times expert places the risk in the bilateral dispute."),
    ("bao", (A, "They pledged to strive for an early conclusion of a Code of Conduct in the South China Sea on the basis of consensus."),
     (E, "contribute to the progress of the talks on the Code of Conduct in the South China Sea"), "same-claim-reframed",
     "A pledge in one, a hoped-for effect of maritime cooperation in the other."),
    ("bao", (C, "Vietnam is currently China's largest trading partner within ASEAN and the fourth largest trading partner in the world after the U.S., Japan, and the Republic of Korea"),
     (E, "China being Vietnam’s largest trading partner"), "omits-detail", "Leaves out who ranks above Vietnam."),
]


def deterministic(reviewer: str):
    counter = {"n": 0}
    start = datetime(2026, 1, 12, 9, 0, tzinfo=UTC) + timedelta(days=REVIEWERS.index(reviewer))

    def clock() -> str:
        counter["n"] += 1
        return (start + timedelta(minutes=counter["n"])).isoformat()

    def make_id(kind: str) -> str:
        counter["n"] += 1
        return kind + hashlib.sha256(f"{reviewer}:{counter['n']}".encode()).hexdigest()[:11]

    return clock, make_id


def find(ws: Workspace, source_id: str, quote: str) -> tuple[int, int]:
    text = ws.get(source_id).text
    at = text.find(quote)
    if at == -1:
        raise SystemExit(f"quote not found in {source_id}: {quote!r}")
    return at, at + len(quote)


def main() -> int:
    for reviewer in REVIEWERS:
        shutil.rmtree(ROOT / "annotations" / reviewer, ignore_errors=True)
    (ROOT / CODEBOOK_FILE).unlink(missing_ok=True)
    ws = Workspace.open(ROOT)
    for reviewer in REVIEWERS:
        clock, make_id = deterministic(reviewer)
        # The first session creates codebook.yaml from the default codebook.
        with AnnotationSession.open(ws, reviewer, clock=clock, make_id=make_id) as session:
            if reviewer == "alice":
                session.put_axis("Relationship frame", "rivalry and dispute", "partnership and shared future",
                                 "How the article casts China-Vietnam relations as a whole.")
                session.put_axis("Outside powers", "absent or neutral", "a threat to the region",
                                 "How the article casts the United States and other non-regional powers.")
            relation_axis, powers_axis = (a.id for a in session.codebook.axes)
            for source_id, quote, alice_codes, bao_quote, bao_codes, target in SPANS:
                codes = alice_codes if reviewer == "alice" else bao_codes
                if codes is None:
                    continue
                chosen = bao_quote if reviewer == "bao" and bao_quote else quote
                start, end = find(ws, source_id, chosen)
                session.add_span(source_id, start, end, codes, NOTES.get((reviewer, quote), ""), target)
            for (source_id, who), values in DOCUMENTS.items():
                if who == reviewer:
                    relation, powers = AXES[(source_id, who)]
                    session.set_document(source_id, values=values, stances=STANCES[source_id],
                                         axes={relation_axis: relation, powers_axis: powers})
            for who, (a_source, a_quote), (b_source, b_quote), relation, note in LINKS:
                if who == reviewer:
                    session.add_link(a_source, *find(ws, a_source, a_quote), b_source, *find(ws, b_source, b_quote), relation, note)
            report = session.flush()
            if not report.ok:
                for problem in report.conflicts + report.errors:
                    print(problem, file=sys.stderr)
                return 1
            spans = sum(len(session.spans(s)) for s in session.sources)
            print(f"{reviewer}: {spans} span annotations, {len(session.links())} links, "
                  f"{sum(session.document(s) is not None for s in session.sources)} document annotations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
