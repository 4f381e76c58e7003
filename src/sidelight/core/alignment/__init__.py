"""Claim alignment: which claims the documents share, which only some carry, how they differ.

Qt-free; numpy/scipy are imported only when an alignment runs. The window calls :func:`align`
in a worker thread, the CLI (``sidelight compare``) calls it directly.

Running
-------
``align(documents, *, corrections=None, progress=None, should_stop=None, cache_dir=None, use_embeddings=None, strict=False) -> Alignment``
    ``documents``: workspace ``Source`` objects, :class:`Document` objects or ``(id, text)``
    pairs. ``progress(done, total, message)`` is called as work advances; ``should_stop()`` is
    polled and, when it returns True, :class:`AlignmentCancelled` (a ``SidelightError``) is raised.
    ``cache_dir``: folder of cached results keyed by content hash (see :mod:`.cache`).
    ``use_embeddings``: add the optional sentence-embedding signal (:mod:`.embeddings`):
    True requires it, False never, None as ``engine.EMBEDDINGS_BY_DEFAULT`` says (off).
    ``Alignment.method`` tells which ran. ``strict``: link only the surest pairs (see ``engine.align``).
``align(documents, context=others)``
    Align ``documents`` together with ``others`` (the rest of the workspace) and describe
    ``documents`` only: more wordings of each claim give surer groups (see :mod:`.projection`).
``align_workspace(workspace, *, documents=None, progress=None, should_stop=None, use_embeddings=None, use_context=True) -> Alignment``
    The same for a workspace: its sources (or the ids given, with the others as context), its
    saved corrections, its cache in ``<workspace>/.sidelight-cache/alignment/``.

Reading the result (:class:`Alignment`)
---------------------------------------
- ``documents``, ``units`` (frozen :class:`Unit`: id, document, index, start, end, text, kind),
  ``groups`` (frozen :class:`Group`: id, kind "shared"/"partial"/"unique", units, documents,
  score, conflicts), ``matches`` (frozen :class:`Match`: a, b, score, evidence, corrected;
  each unit's strongest link inside its group).
- ``units_of(doc_id)``, ``unit(unit_id)``, ``unit_at(doc_id, offset)``, ``group_of(unit_id)``,
  ``kind_of(unit_id)``, ``counterparts(unit_id)``, ``match(a, b)``.
- ``possible_counterparts(unit_id) -> [(Unit, Match)]``: units of other documents that may
  carry the same claim but scored too low to group (strongest first), for a researcher to link
  by hand; ``can_link(a, b)``: whether such a link would apply as it stands; ``possible``: all
  of them.
- ``compare(a, b) -> UnitComparison``: word-level diff runs (:class:`DiffOp` with offsets in
  both texts) and conflicts (:class:`Conflict`: type, values {unit id: wording}) of two units.
- ``filter_groups(kind=, unique_to=, has_conflicts=, omitted_by=, carried_by=)``.
- ``coverage() -> Coverage`` (groups x documents matrix of unit ids), ``blindspot(doc_id) ->
  Blindspot`` (claims others carry that it omits, most widely carried first, and its unique
  claims), ``counts()``, ``to_json()`` / ``Alignment.from_json(data, documents)``.

Correcting
----------
:class:`Corrections` holds "link" and "unlink" decisions keyed by source id, offsets and the
quoted text; ``Corrections.load(path)`` / ``save(path)`` read and write
``<workspace>/alignment/corrections.yaml``; pass them to :func:`align` and they are applied.

How it works
------------
Segmentation (:mod:`.segmentation`) -> terms and facts per unit (:mod:`.terms`,
:mod:`.facts`) -> candidate pairs from an inverted index and a score from term, character
n-gram and fact evidence, optionally sentence embeddings (:mod:`.matching`, :mod:`.vectors`,
:mod:`.embeddings`) -> groups with one unit per
document and clique-like merging (:mod:`.groups`) -> conflicts and word diffs
(:mod:`.divergence`) and blindspots (:mod:`.omissions`). :mod:`.baseline` is the plain TF-IDF
method the benchmark compares against, :mod:`.evaluation` scores both against a gold set.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sidelight.core.alignment.corrections import Correction, Corrections, UnitRef, workspace_corrections_path
from sidelight.core.alignment.engine import AlignmentCancelled, Progress, ShouldStop, align, as_documents
from sidelight.core.alignment.model import (
    Blindspot,
    Conflict,
    DiffOp,
    Document,
    Evidence,
    Group,
    Match,
    Unit,
    UnitComparison,
)
from sidelight.core.alignment.result import Alignment, Coverage
from sidelight.core.alignment.segmentation import segment

if TYPE_CHECKING:
    from sidelight.core.workspace import Workspace

__all__ = [
    "Alignment", "AlignmentCancelled", "Blindspot", "Conflict", "Correction", "Corrections", "Coverage",
    "DiffOp", "Document", "Evidence", "Group", "Match", "Progress", "ShouldStop", "Unit", "UnitComparison",
    "UnitRef", "align", "align_workspace", "as_documents", "segment", "workspace_cache_dir",
    "workspace_corrections_path",
]


def workspace_cache_dir(workspace: Workspace):
    from sidelight.core.alignment.cache import CACHE_DIR

    return workspace.root / CACHE_DIR


def align_workspace(
    workspace: Workspace,
    *,
    documents: Sequence[str] | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    use_cache: bool = True,
    use_embeddings: bool | None = None,
    strict: bool = False,
    use_context: bool = True,
) -> Alignment:
    """Align a workspace's sources (all, or the ids in ``documents``) with its saved corrections;
    ``use_context``: align the chosen ones together with the other sources (see :mod:`.projection`)."""
    sources = workspace.sources if documents is None else [workspace.get(i) for i in documents]
    corrections = Corrections.load(workspace_corrections_path(workspace.root))
    return align(sources, context=workspace.sources if use_context else (), corrections=corrections,
                 progress=progress, should_stop=should_stop,
                 cache_dir=workspace_cache_dir(workspace) if use_cache else None, use_embeddings=use_embeddings,
                 strict=strict)
