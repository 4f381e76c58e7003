"""Long documents still find their shared claims.

In a report of thousands of sentences every useful word is "common" by the standard of a few
articles; candidate blocking must scale with the collection or nothing is ever compared.
"""

from __future__ import annotations

import random

from sidelight.core.alignment import Document, align, segment
from sidelight.core.workspace import Workspace
from tests.conftest import REPO


def test_two_long_documents_sharing_sentences_have_shared_claims():
    ws = Workspace.open(REPO)
    sentences = [u.text for s in ws.sources for u in segment(s.id, s.text) if u.kind == "sentence"]
    rng = random.Random(7)
    common = rng.sample(sentences, 60)
    docs = []
    for k in range(2):
        picked = common + rng.sample(sentences, 60)
        rng.shuffle(picked)
        text = "\n\n".join(" ".join(picked[i:i + 3]) for i in range(0, len(picked), 3))
        docs.append(Document(id=f"long-{k}", text="\n\n".join([text] * 8)))  # every sentence eight times over
    result = align(docs, use_embeddings=False)
    assert len(result.units) > 1000
    shared = result.filter_groups(kind="shared")
    assert len(shared) >= 60  # at least one pairing for each of the common sentences


def test_a_long_document_that_repeats_an_article_still_finds_its_sentences_printed_word_for_word():
    sources = Workspace.open(REPO).sources
    report = "\n\n".join(f"Report {n}:\n\n" + "\n\n".join(s.text for s in sources) for n in range(20))
    result = align([("report", report), ("article", sources[0].text)])
    claims = [u for u in result.units_of("article") if u.kind not in ("section", "credit", "note")]
    shared = [u for u in claims if result.counterparts(u.id)]
    # every word is common in the report (each sentence is there 20 times), yet each copy is found
    assert len(shared) >= 0.8 * len(claims)
    assert all(result.counterparts(u.id)[0].text == u.text for u in shared)
