"""Review colleagues' annotations: agreement statistics and the disagreements to adjudicate.

Qt-free. :func:`load_review_material` reads every reviewer's files of a workspace (read-only),
:func:`compare_reviewers` builds a :class:`ReviewComparison`: alpha (and kappa for two
reviewers) per code over sentences, per document field over documents, and the sentences coded
differently. The window's Review panel and ``sidelight agreement`` show the same object.
"""

from sidelight.core.review.comparison import (
    CodeAgreement,
    Disagreement,
    FieldAgreement,
    ReviewComparison,
    compare_reviewers,
)
from sidelight.core.review.loading import ReviewMaterial, load_review_material

__all__ = ["CodeAgreement", "Disagreement", "FieldAgreement", "ReviewComparison", "ReviewMaterial",
           "compare_reviewers", "load_review_material"]
