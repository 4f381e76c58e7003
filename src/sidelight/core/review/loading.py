"""Read every reviewer's annotations of a workspace for comparison, without opening a session.

Comparing is read-only: nobody's file is written, the codebook is not created when missing (the
default one is used), and a file that cannot be read is reported and left out, never a crash.
Spans whose text is gone (orphans) are left out too and counted, since they say nothing about
any sentence of the current text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from sidelight.core.annotation_set import SourceText, place_file
from sidelight.core.annotations import AnnotationFile
from sidelight.core.codebook import CODEBOOK_FILE, Codebook, default_codebook, load_codebook
from sidelight.core.errors import SidelightError
from sidelight.core.sources import content_hash
from sidelight.core.workspace import Workspace
from sidelight.io import annotation_store


@dataclass
class ReviewMaterial:
    texts: dict[str, str]
    codebook: Codebook
    files: dict[str, dict[str, AnnotationFile]]  # reviewer -> source id -> placed file
    orphans: dict[str, int] = field(default_factory=dict)  # reviewer -> spans left out
    problems: list[SidelightError] = field(default_factory=list)

    @property
    def reviewers(self) -> list[str]:
        return sorted(self.files)


def load_review_material(workspace: Workspace, reviewers: Sequence[str] | None = None) -> ReviewMaterial:
    texts = {s.id: s.text for s in workspace.sources}
    problems: list[SidelightError] = []
    codebook = default_codebook()
    path = workspace.root / CODEBOOK_FILE
    if path.is_file():
        try:
            codebook = load_codebook(path)
        except SidelightError as exc:
            problems.append(exc)
    from sidelight.core.review.adjudication import CONSENSUS

    # the consensus set is compared only when asked for: by default it is the readers who are compared
    present = annotation_store.reviewers_in(workspace.root)
    wanted = list(reviewers) if reviewers is not None else [r for r in present if r != CONSENSUS]
    missing = [r for r in wanted if r not in present]
    if missing:
        raise SidelightError(workspace.root / annotation_store.ANNOTATIONS_DIR,
                             f"no annotations by {', '.join(missing)} (reviewers here: {', '.join(present) or 'none'})")
    loaded = annotation_store.load_annotations(workspace.root, wanted)
    problems.extend(loaded.problems)
    placed_texts = {sid: SourceText(t, content_hash(t)) for sid, t in texts.items()}
    material = ReviewMaterial(texts, codebook, {r: {} for r in wanted}, {r: 0 for r in wanted}, problems)
    for (reviewer, source_id), item in loaded.files.items():
        if source_id not in texts:
            continue
        placed, placement = place_file(item.annotations, placed_texts)
        if placement.orphans:
            gone = set(placement.orphans)
            placed = dataclasses.replace(placed, spans={k: v for k, v in placed.spans.items() if k not in gone})
            material.orphans[reviewer] += sum(1 for k in gone if k in item.annotations.spans)
        material.files[reviewer][source_id] = placed
    return material
