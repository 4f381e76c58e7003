"""Claim blindspots: what each document leaves out that the others carry, and what only it says.

Omitted claims are ranked by how many other documents carry them (a claim four outlets
report and one skips is a louder silence than a claim only one other outlet has), then by
group score.
"""

from __future__ import annotations

from collections.abc import Sequence

from sidelight.core.alignment.model import Blindspot, Group


def blindspot(document_id: str, groups: Sequence[Group]) -> Blindspot:
    omitted = [g for g in groups if document_id not in g.documents]
    omitted.sort(key=lambda g: (-len(g.documents), -g.score, g.id))
    unique = [g for g in groups if g.kind == "unique" and g.documents == (document_id,)]
    return Blindspot(document=document_id, omitted=tuple(omitted), unique=tuple(unique))
