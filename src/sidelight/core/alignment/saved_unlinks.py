"""The researcher's saved unlinks, as they stand in an alignment.

An unlink leaves no trace in the claims themselves: the two sentences are simply apart. A claim
marked "alone" says so where it is shown, and an unlink must too, or a separation decided in an
earlier session cannot be seen, checked or taken back. This finds, for one unit, the saved
unlinks that still apply to it and the open unit on the other side of each.
"""

from __future__ import annotations

from sidelight.core.alignment.corrections import Correction, Corrections, resolve
from sidelight.core.alignment.model import Unit
from sidelight.core.alignment.result import Alignment


def unlinks_of(corrections: Corrections, alignment: Alignment, unit_id: str) -> list[tuple[Correction, Unit]]:
    """Each saved unlink of *unit_id* with the unit it keeps apart (see :func:`saved_of`)."""
    return saved_of(corrections, alignment, unit_id, "unlink")


def saved_of(corrections: Corrections, alignment: Alignment, unit_id: str, action: str) -> list[tuple[Correction, Unit]]:
    """Each saved correction of this action (link, unlink) of *unit_id* with the unit on its
    other side, both in open documents (found as when aligning: by source, quote and nearest
    offsets, or the sentence as edited since)."""
    unit = alignment.unit(unit_id)
    open_ids = {d.id for d in alignment.documents}

    def current(ref) -> Unit | None:
        if ref.source not in open_ids:
            return None
        return resolve(ref, alignment.units_of(ref.source), alignment.document(ref.source).text)

    found = []
    for correction in corrections:
        if correction.action != action:
            continue
        a, b = current(correction.a), current(correction.b)
        if a is not None and b is not None and unit in (a, b):
            found.append((correction, b if a == unit else a))
    return found
