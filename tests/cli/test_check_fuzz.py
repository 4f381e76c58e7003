"""Random and mutated annotation and codebook files give clear problems, never a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidelight.core.errors import SidelightError
from sidelight.io.annotation_store import load_annotations
from sidelight.io.validation import check_workspace

REPO = Path(__file__).resolve().parents[2]
SOURCE = "china-vietnam-reach-consensus-on"
SAMPLE = (REPO / "annotations" / "alice" / f"{SOURCE}.yaml").read_text(encoding="utf-8")
WORKSPACE = Path(tempfile.mkdtemp(prefix="sidelight-fuzz-"))
shutil.copytree(REPO / "sources" / SOURCE, WORKSPACE / "sources" / SOURCE)
TARGET = WORKSPACE / "annotations" / "alice" / f"{SOURCE}.yaml"
TARGET.parent.mkdir(parents=True)

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**12), st.floats(allow_nan=True), st.text(max_size=20))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)), max_leaves=12)
VALUES = ["", "-1", "[]", "{}", "null", "3.5", "2024-13-45", "!!int x", "!!float abc", "!!set {1, 2}", "!!timestamp 2020-99-99",
          "[" * 200 + "]" * 200, "1e400", ".inf", "true", "0o17"]
KEYS = ["schema", "source", "reviewer", "annotations", "links", "document", "id", "codes", "selector", "start", "end",
        "exact", "prefix", "suffix", "source_hash", "relation", "a", "b", "values", "stances", "axes", "note", "target"]
TOKENS = [": ", "\n", "- ", "[", "]", "{", "}", "'", '"', "!!python/object/apply:os.system ['true']", "&a", "*a", "\t", "?", "|", ">",
          "2024-13-45", "0x1F", "~", "...", "---", "!!binary aGk=", "%YAML 1.1\n", "\ufeff"]


def run(text: str) -> None:
    TARGET.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_annotations(WORKSPACE, use_cache=False)
    except SidelightError:
        pass
    problems = check_workspace(WORKSPACE)
    assert all(isinstance(p.message, str) and p.message for p in problems)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_mutated_sample_files(data):
    text = SAMPLE
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["delete", "insert", "replace_value", "set_value"]))
        if action == "delete":
            text = text[:at] + text[at + data.draw(st.integers(1, 40)):]
        elif action == "insert":
            text = text[:at] + data.draw(st.one_of(st.sampled_from(TOKENS + KEYS), st.text(max_size=8))) + text[at:]
        elif action == "replace_value":
            key = data.draw(st.sampled_from(KEYS))
            text = text.replace(f"{key}: ", f"{key}: {data.draw(st.sampled_from(TOKENS + VALUES))}", 1)
        else:  # the whole value of one line
            lines = text.split("\n")
            i = data.draw(st.integers(0, len(lines) - 1))
            if ": " in lines[i]:
                lines[i] = lines[i].split(": ", 1)[0] + ": " + data.draw(st.sampled_from(TOKENS + VALUES))
            text = "\n".join(lines)
    run(text)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=8))
def test_random_structures(doc):
    import yaml

    doc.setdefault("schema", 1)
    run(yaml.safe_dump(doc, allow_unicode=True))
