"""The pairwise view: one claim unit against each of its counterparts, word by word.

Words only one side uses are marked (struck through on the left, underlined on the right, and
coloured), so the difference reads without relying on colour alone. Conflicting facts are listed
beneath, each with both wordings.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from sidelight.core.alignment import Alignment, Unit, UnitComparison
from sidelight.core.alignment.model import contradictions
from sidelight.core.labels import plural
from sidelight.gui.claims.labels import doc_label, sentence_label, unit_doc_label
from sidelight.gui.claims.palette import CONFLICT_COLOUR, KIND_LABELS

ONLY_A = "background:#F0E442;text-decoration:line-through"  # Okabe–Ito yellow
ONLY_B = "background:#56B4E9;text-decoration:underline"  # Okabe–Ito sky blue


def _side(text: str, unit_start: int, unit_end: int, runs: list[tuple[int, int, bool]], style: str) -> str:
    """One unit as HTML, quoted from its own document: each run is (start, end, only_here);
    what lies between runs (spaces, punctuation) is copied too, so nothing is misquoted."""
    out, at = [], unit_start
    for start, end, only_here in runs:
        if start > at:
            out.append(escape(text[at:start]))
        piece = escape(text[start:end])
        out.append(f"<span style='{style}'>{piece}</span>" if only_here else piece)
        at = max(at, end)
    out.append(escape(text[at:unit_end]))
    return "".join(out)


def comparison_html(alignment: Alignment, comparison: UnitComparison) -> str:
    a, b = comparison.a, comparison.b
    a_text, b_text = alignment.document(a.document).text, alignment.document(b.document).text
    a_runs = [(op.a_start, op.a_end, op.op == "delete") for op in comparison.ops if op.op in ("equal", "delete")]
    b_runs = [(op.b_start, op.b_end, op.op == "insert") for op in comparison.ops if op.op in ("equal", "insert")]
    left = [_side(a_text, a.start, a.end, a_runs, ONLY_A)]
    right = [_side(b_text, b.start, b.end, b_runs, ONLY_B)]
    match = alignment.match(a.id, b.id) or alignment.match(b.id, a.id)
    if match is not None and match.corrected:
        score = " · linked by you"
    elif comparison.score is not None:
        score = f" · similarity {comparison.score:.2f}"
    elif alignment.group_of(a.id) is alignment.group_of(b.id):
        through = [doc_label(alignment, d.id) for d, _u in alignment.context_of(alignment.group_of(a.id).id)]
        score = (" · joined through the other documents’ wording (these two were not compared directly)"
                 if not through else
                 f" · joined through the wording of {_and(through)} (not open; these two were not compared"
                 " directly)")
    else:
        score = " · not matched"
    rows = [
        f"<p><b>{escape(doc_label(alignment, comparison.a.document))}</b> ↔ "
        f"<b>{escape(doc_label(alignment, comparison.b.document))}</b>{score}</p>",
    ]
    # the facts first: they are what a researcher is looking for
    contradicting = contradictions(comparison.conflicts)
    agreeing = tuple(c for c in comparison.conflicts if c.agrees)
    for heading, colour, listed in (("Conflicting facts", CONFLICT_COLOUR, contradicting),
                                    ("Figures worded differently that agree", "#555555", agreeing)):
        if not listed:
            continue
        rows.append(f"<p style='color:{colour}'><b>{heading}:</b></p><ul>")
        for conflict in listed:
            values = " vs ".join(
                f"{escape(unit_doc_label(alignment, uid))}: “{escape(value)}”" for uid, value in conflict.values.items()
            )
            note = f" <i>({escape(conflict.note)})</i>" if conflict.note else ""
            rows.append(f"<li><b>{escape(conflict.type)}</b>: {values}{note}</li>")
        rows.append("</ul>")
    # each column named by its outlet, with what its marks mean: the two are read side by side
    rows.append(
        "<table width='100%' cellspacing='6'><tr>"
        f"<td width='50%'><small><b>{escape(doc_label(alignment, comparison.a.document))}</b> "
        f"(<span style='{ONLY_A}'>only here</span>)</small></td>"
        f"<td width='50%'><small><b>{escape(doc_label(alignment, comparison.b.document))}</b> "
        f"(<span style='{ONLY_B}'>only here</span>)</small></td></tr><tr>"
        f"<td width='50%' valign='top'>{''.join(left)}</td>"
        f"<td width='50%' valign='top'>{''.join(right)}</td></tr></table>"
    )
    if alignment.group_of(a.id) is alignment.group_of(b.id):
        rows.extend(context_html(alignment, alignment.group_of(a.id).id))
    return "".join(rows)


def _and(names: list[str]) -> str:
    """'CGTN', 'CGTN and VnExpress', 'CGTN, VnExpress and Xinhua'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def context_html(alignment: Alignment, group_id: str) -> list[str]:
    """The same claim in the workspace's other sources, aligned alongside but not open."""
    others = alignment.context_of(group_id)
    if not others:
        return []
    items = "".join(f"<li><b>{escape(doc_label(alignment, d.id))}</b>: {escape(u.text)}</li>" for d, u in others)
    return [f"<p><b>Also in the workspace</b> <i>(not open)</i></p><ul>{items}</ul>"]


POSSIBLE_SHOWN = 3


def possible_html(alignment: Alignment, unit_id: str) -> list[str]:
    """The strongest possible counterparts that were not linked, each with why it was offered and
    a link to accept it (or why a link cannot be made as things stand)."""
    offered = alignment.possible_counterparts(unit_id)[:POSSIBLE_SHOWN]
    if not offered:
        return []
    parts = ["<hr><p><b>Possibly the same claim</b> <i>(similar, but not linked by the aligner: read them before linking)</i></p><ul>"]
    for other, match in offered:
        shared = ", ".join(match.evidence.terms[:6] + match.evidence.numbers[:3])
        why = f" · shares {escape(shared)}" if shared else ""
        if alignment.can_link(unit_id, other.id):
            action = f"<a href='link:{other.id}'>Same claim: link</a>"
        else:
            blocking = blocking_pair(alignment, unit_id, other.id)
            action = f"<i>{escape(in_the_way(alignment, unit_id, other.id, advice=blocking is None))}</i>"
            if blocking is not None:  # the way out, one click away: both steps, or the first alone
                action += (f" · <a href='instead:{other.id}'>Link this one instead</a> <i>(unlinks that one)</i>"
                           f" · <a href='unlink-pair:{blocking[0]},{blocking[1]}'>Only unlink that one</a>")
        parts.append(f"<li><b>{escape(doc_label(alignment, other.document))}</b> · similarity {match.score:.2f}{why}"
                     f"<br>{escape(other.text)}<br>{action}</li>")
    parts.append("</ul>")
    return parts


def in_the_way(alignment: Alignment, unit_id: str, other_id: str, advice: bool = True) -> str:
    """Why a link cannot be made as things stand: the claims already linked from the same documents.
    ``advice``: end with what to do (not where the way out is offered beside it)."""
    blocking = blocking_pair(alignment, unit_id, other_id)
    if blocking is None:
        mine, theirs = alignment.group_of(unit_id), alignment.group_of(other_id)
        mine_context = {d.id for d, _u in alignment.context_of(mine.id)}
        hidden = [(d, u) for d, u in alignment.context_of(theirs.id) if d.id in mine_context]
        if hidden:  # both claims are grouped with sentences of one source that is not open
            return (f"each is grouped with a different sentence of {doc_label(alignment, hidden[0][0].id)} "
                    "(not open): open it to see and unlink one")
        return "cannot be linked as it stands"
    first = alignment.unit(blocking[0])
    return (f"already linked with {sentence_label(alignment, first.id, 60)}"
            + (": unlink that first to link this one" if advice else ""))


def blocking_pair(alignment: Alignment, unit_id: str, other_id: str) -> tuple[str, str] | None:
    """The sentence in the way of linking *unit_id* with *other_id*, and the one of the two it is
    grouped with (unlinking them clears the way), or None when no open sentence is in the way."""
    mine, theirs = alignment.group_of(unit_id), alignment.group_of(other_id)
    # This claim's own sentence from the suggestion's outlet first ("already linked with CRA's
    # '…'" must name the sentence in the way, never the suggestion itself), else the
    # suggestion's claim's sentence from one of this claim's outlets.
    for clash in mine.units:
        if clash != unit_id and alignment.unit(clash).document in set(theirs.documents):
            return clash, unit_id
    for clash in theirs.units:
        if clash != other_id and alignment.unit(clash).document in set(mine.documents):
            return clash, other_id
    return None


class PairView(QWidget):
    """Shows the clicked unit and its counterparts; offers to unlink a wrong match or link a unit."""

    unlink_requested = Signal(str, str)  # unit ids
    link_requested = Signal(str, str)  # unit ids: link these two (a possible counterpart accepted)
    link_instead_requested = Signal(str, str)  # unit ids: link these two, unlinking the sentence in the way
    link_mode_requested = Signal(str)  # unit id: link it with the next unit clicked
    alone_requested = Signal(str)  # unit id: no other outlet carries this claim
    together_requested = Signal(str)  # unit id: forget that it was marked alone
    relink_requested = Signal(str, str)  # unit ids: take back the saved unlink of these two

    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel("Click a highlighted claim in any document to compare it with its counterparts.")
        self.title.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._anchor)
        self.link_button = QPushButton("Link with another claim…")
        self.link_button.setToolTip("Then click the claim in another document that says the same thing")
        self.link_button.setEnabled(False)
        self.link_button.clicked.connect(self._link_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.link_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.browser)
        layout.addLayout(buttons)
        self.unit_id: str | None = None

    def show_unit(self, alignment: Alignment, unit_id: str, alone: bool = False,
                  unlinked: Sequence[Unit] = ()) -> None:
        """*unlinked*: the units the researcher's saved corrections keep apart from this one."""
        self.unit_id = unit_id
        unit = alignment.unit(unit_id)
        group = alignment.group_of(unit_id)
        outlet = unit_doc_label(alignment, unit_id)
        counterparts = alignment.counterparts(unit_id)
        possible = alignment.possible_where_missing(unit_id)
        self.title.setText(f"{KIND_LABELS[group.kind]} · {outlet} · {plural(len(counterparts), 'counterpart')}"
                           + (f" · a possible one in {plural(len(possible), 'other article')}, marked in green there"
                              if possible else "")
                           + (f" · unlinked by you from {len(unlinked)}" if unlinked else ""))
        parts = [f"<p><b>{escape(outlet)}</b>: {escape(unit.text)}</p>"]
        if not counterparts:
            others = [d for d in alignment.documents if d.id != unit.document]
            parts.append("<p><i>No other open document carries this claim"
                         + (f" ({', '.join(escape(doc_label(alignment, d.id)) for d in others)}"
                            f" {'leaves' if len(others) == 1 else 'leave'} it out)"
                            if others else "")
                         + ".</i></p>")
            parts.extend(context_html(alignment, group.id))  # ... but a source not open may
        for other in counterparts:
            parts.append("<hr>")
            parts.append(comparison_html(alignment, alignment.compare(unit_id, other.id)))
            parts.append(f"<p><a href='unlink:{other.id}'>Not the same claim: unlink</a></p>")
        if unlinked:  # as visible, and as easily taken back, as "alone" below
            parts.append("<hr><p><b>You unlinked this claim from</b> <i>(so they are never matched)</i></p><ul>")
            parts.extend(f"<li><b>{escape(unit_doc_label(alignment, other.id))}</b>: {escape(other.text)}"
                         f"<br><a href='relink:{other.id}'>Undo this unlink</a></li>" for other in unlinked)
            parts.append("</ul>")
        if alone:
            parts.append("<p><i>You marked this claim as carried by no other outlet, so it is never matched.</i> "
                         "<a href='together:'>Allow counterparts again</a></p>")
        else:  # also before any look-alike turns up: a caption or a stock phrase can be settled at once
            parts.append("<hr><p><a href='alone:'>No other outlet carries this claim</a> "
                         "<i>(never match it: no counterpart, no suggestion)</i></p>")
        parts.extend(possible_html(alignment, unit_id))
        self.browser.setHtml("".join(parts))
        self.link_button.setEnabled(True)

    def _link_clicked(self) -> None:
        if self.unit_id:
            self.link_mode_requested.emit(self.unit_id)

    def clear(self) -> None:
        self.unit_id = None
        self.title.setText("Click a highlighted claim in any document to compare it with its counterparts.")
        self.browser.clear()
        self.link_button.setEnabled(False)

    def _anchor(self, url) -> None:
        target = url.toString()
        if target.startswith("unlink-pair:"):  # two other sentences: the link in the way of another
            first, _comma, second = target.removeprefix("unlink-pair:").partition(",")
            self.unlink_requested.emit(first, second)
        elif target.startswith("unlink:") and self.unit_id:
            self.unlink_requested.emit(self.unit_id, target.removeprefix("unlink:"))
        elif target.startswith("relink:") and self.unit_id:
            self.relink_requested.emit(self.unit_id, target.removeprefix("relink:"))
        elif target.startswith("instead:") and self.unit_id:
            self.link_instead_requested.emit(self.unit_id, target.removeprefix("instead:"))
        elif target.startswith("link:") and self.unit_id:
            self.link_requested.emit(self.unit_id, target.removeprefix("link:"))
        elif target == "alone:" and self.unit_id:
            self.alone_requested.emit(self.unit_id)
        elif target == "together:" and self.unit_id:
            self.together_requested.emit(self.unit_id)
