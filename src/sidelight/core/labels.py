"""Short names for documents wherever space is tight (pane headers, counts, legends, filters).

An outlet's name is the natural label, but two articles of one outlet must not read as one, and
an article whose outlet is unknown is best named by its title. Titles are cut at a word, never
inside one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Protocol

UNKNOWN = "unknown"


class Labelled(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def outlet(self) -> str: ...

    @property
    def title(self) -> str: ...


def shorten(text: str, width: int) -> str:
    """*text* cut to at most *width* characters at a word boundary, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0] if " " in text[:width] else text[:width]
    # what opens something the cut leaves empty goes (a dash, "(", an opening quote); a closing
    # quote stays: 'an "undercurrent,"' cut reads 'an "undercurrent"…', not 'an "undercurrent…'
    while cut:
        trimmed = cut.rstrip(" ,;:—–-‘“(")
        if trimmed[-1:] in ('"', "'") and (len(trimmed) == 1 or trimmed[-2].isspace()):
            trimmed = trimmed[:-1]  # a straight quote after a space opens
        elif trimmed.endswith((',"', ",'", ',”', ",’")):
            trimmed = trimmed[:-2] + trimmed[-1]  # the comma inside a closing quote
        if trimmed == cut:
            break
        cut = trimmed
    return cut + "…"


def quoted(text: str, width: int) -> str:
    """*text* shortened to *width* and set in double curly quotes, for a message that cites a
    sentence. The sentence's own double quotes become single ones, as a quotation within a
    quotation is written: a sentence that opens with a quote would otherwise read “"China…”."""
    inner = shorten(text, width)
    out = []
    for n, char in enumerate(inner):
        if char == '"':  # a straight quote opens at the start or after a space or bracket
            char = "“" if n == 0 or inner[n - 1].isspace() or inner[n - 1] in "([{—–-" else "”"
        out.append({"“": "‘", "”": "’"}.get(char, char))
    return "“" + "".join(out) + "”"


def short_labels(items: Iterable[Labelled], title_width: int = 32) -> dict[str, str]:
    """A label per id: the outlet, plus a short title when the outlet is shared or unknown."""
    items = list(items)
    outlets = Counter(i.outlet for i in items if i.outlet and i.outlet != UNKNOWN)
    labels = {}
    for item in items:
        title = shorten(item.title or item.id, title_width)
        if not item.outlet or item.outlet == UNKNOWN:
            labels[item.id] = title
        elif outlets[item.outlet] > 1:
            labels[item.id] = f"{item.outlet} ({title})"
        else:
            labels[item.id] = item.outlet
    # still alike (two files both called "a.txt", two untitled articles): the id tells them apart
    alike = Counter(labels.values())
    return {key: f"{label} ({key})" if alike[label] > 1 else label for key, label in labels.items()}


def quoted_in(items: Iterable[Labelled], item_id: str, text: str, width: int) -> str:
    """*text* quoted with the article it is in, labelled among *items* as :func:`short_labels`
    does: "CGTN’s “…”". An article labelled by its title takes no possessive ("Xi’s visit to
    Vietnam…’s" reads as a typo): "“…” in Xi’s visit to Vietnam…"."""
    items = list(items)
    label = short_labels(items).get(item_id, item_id)
    outlet = next((i.outlet for i in items if i.id == item_id), "")
    by_outlet = bool(outlet) and outlet != UNKNOWN and label == outlet
    return f"{label}’s {quoted(text, width)}" if by_outlet else f"{quoted(text, width)} in {label}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 file', '2 files' ('1 fact', '3 facts'); *many* for irregular plurals."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
