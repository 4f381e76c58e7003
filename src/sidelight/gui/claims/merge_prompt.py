"""Asking before a link merges two claims.

A link joins the two claims its sentences belong to: when the sentence linked to is already a
claim with other outlets' sentences, they all become one claim, which the researcher may not
expect from linking two sentences. The question names every sentence that would join, and
Cancel (the default) leaves the alignment and the saved corrections as they are.

:func:`ask` is the one place a dialog is shown, so tests answer it by replacing it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from sidelight.core.alignment import Alignment
from sidelight.core.labels import plural, quoted
from sidelight.gui.claims.labels import doc_label, sentence_label

QUOTE_WIDTH = 90
TITLE = "Merge two claims?"


def merge_question(alignment: Alignment, a_id: str, b_id: str) -> tuple[str, str] | None:
    """The question and its detail before linking *a_id* with *b_id*, or None when the link only
    adds *b_id* to *a_id*'s claim and merges no other open document's sentence. (Sentences of
    sources not open that *b_id* is grouped with alone do not ask: they are how the aligner joins
    claims, and the joined claim shows them under "Also in the workspace".)"""
    a, b = alignment.unit(a_id), alignment.unit(b_id)
    theirs = alignment.group_of(b_id)
    if alignment.group_of(a_id) is theirs:
        return None
    joining = [alignment.unit(u) for u in theirs.units if u != b_id]
    hidden = [u for _d, u in alignment.context_of(theirs.id)]
    if not joining:
        return None

    def said(unit_id: str) -> str:
        return sentence_label(alignment, unit_id, QUOTE_WIDTH)

    mine = alignment.counterparts(a_id)
    question = (f"{said(b.id)} is already one claim with {plural(len(joining) + len(hidden), 'other sentence')}. "
                f"Linking it with {said(a.id)} merges the two claims into one.")
    lines = [f"• {doc_label(alignment, u.document)}: {quoted(u.text, QUOTE_WIDTH)}" for u in joining]
    if hidden:
        lines.append(f"• and {plural(len(hidden), 'sentence')} of the workspace's other sources (not open)")
    detail = ("These join the claim too:\n" + "\n".join(lines)
              + (f"\n\n{said(a.id)} brings {plural(len(mine), 'counterpart')} of its own." if mine else "")
              + "\n\nCancel leaves both claims as they are.")
    return question, detail


def ask(parent: QWidget | None, question: str, detail: str) -> bool:
    """Whether the researcher chose to merge (Cancel is the default button)."""
    box = QMessageBox(QMessageBox.Icon.Question, TITLE, question, QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("merge-question")
    box.setInformativeText(detail)
    merge = box.addButton("Merge Claims", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is merge
