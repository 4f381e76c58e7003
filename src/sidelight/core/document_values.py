"""Checking a document-level annotation against the codebook's fields and axes.

Shared by the session (which refuses a bad value when it is entered) and ``sidelight check``
(which reports values that a hand edit or a codebook change made invalid).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sidelight.core.annotations import Stance
from sidelight.core.codebook import AXIS_MAX, AXIS_MIN, Codebook


def document_problems(codebook: Codebook, values: Mapping[str, str], stances: Sequence[Stance], axes: Mapping[str, int]) -> list[str]:
    problems = []
    fields = {f.id: f for f in codebook.document_fields}
    for key, value in values.items():
        spec = fields.get(key)
        if spec is None or spec.kind == "stances":
            problems.append(f"'{key}' is not a document field of the codebook")
        elif spec.kind == "choice" and value not in spec.choices:
            problems.append(f"{spec.label}: '{value}' is not one of {', '.join(spec.choices)}")
        elif spec.kind == "code" and codebook.get(value) is None:
            problems.append(f"{spec.label}: unknown code '{value}'")
    if stances:
        spec = next((f for f in codebook.document_fields if f.kind == "stances"), None)
        if spec is None:
            problems.append("the codebook has no stance field")
        else:
            for stance in stances:
                if not stance.actor.strip():
                    problems.append(f"{spec.label}: a stance needs an actor")
                if spec.choices and stance.stance not in spec.choices:
                    problems.append(f"{spec.label}: '{stance.stance}' toward {stance.actor} is not one of {', '.join(spec.choices)}")
    known_axes = {a.id for a in codebook.axes}
    for axis_id, position in axes.items():
        if axis_id not in known_axes:
            problems.append(f"'{axis_id}' is not a perspective axis of the codebook")
        elif not AXIS_MIN <= position <= AXIS_MAX:
            problems.append(f"position {position} on axis '{axis_id}' is outside {AXIS_MIN} to {AXIS_MAX}")
    return problems
