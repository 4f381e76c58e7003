"""Exclusive code groups (one polarity, one aim per annotation) hold for every way of coding."""

from __future__ import annotations

import pytest

from sidelight.core.annotation_session import AnnotationSession
from sidelight.core.errors import SidelightError


def test_two_polarities_on_one_span_are_refused(sample_copy):
    session = AnnotationSession.open(sample_copy, "tester", use_cache=False)
    codebook = session.codebook
    exclusive = next(g for g in codebook.groups if g.exclusive)
    first, second = codebook.codes_in(exclusive.id)[:2]
    source = session.sources[0]
    with pytest.raises(SidelightError, match="choose one"):
        session.add_span(source, 0, 10, [first.id, second.id])
    span = session.add_span(source, 0, 10, [first.id])
    with pytest.raises(SidelightError, match="choose one"):
        session.set_codes(span.id, [first.id, second.id])
    assert session.spans(source)[0].codes == (first.id,)
    assert session.toggle_code(span.id, second.id).codes == (second.id,)
