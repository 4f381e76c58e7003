"""Cut a document into claim units with exact character offsets.

Paragraphs are separated by blank lines. A short paragraph without closing punctuation (the
headline, kind "heading"; a section title further down, kind "section") and a photo caption ending in a credit ("/CFP", "(SHEN HONG)",
"Photo: Xinhua") are one unit each, because splitting "... 2023. /CFP" into two "sentences"
would create a fake claim. Other paragraphs go through pysbd, which copes with "US$185.1",
"U.S." and quotes; its sentences are re-found in the paragraph so offsets stay exact even
where pysbd normalises whitespace. Two gaps in pysbd are patched: a full stop with no space
after it ("in 2023.During the visit") still ends a sentence, and text in Chinese or Japanese
script is split on 。！？. Very long compound sentences are split at semicolons into clauses,
so that one unit carries roughly one claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import cast

from sidelight.core.alignment.model import Unit, UnitKind

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_CJK_SENTENCE = re.compile(r".+?(?:[。！？!?]+[」』”’\"')）]*|$)", re.S)
# "2023.During": lower-case letter or digit, full stop, capital + lower-case letter.
# "U.S.Japan" and "3.5" do not match: the first has a capital before the stop, the second digits.
_MISSING_SPACE = re.compile(r"(?<=[a-z0-9%)”\"’])\.(?=[A-Z][a-z])")
PHOTO_CREDIT = re.compile(
    r"(?:/\s*[A-Z][A-Za-z]{1,15}"  # /CFP  /Xinhua
    r"|\(\s*[A-Z][A-Z .,'’-]{2,40}\)"  # (SHEN HONG)
    r"|\bPhotos?:\s*[^.!?]{1,60})\s*$"  # Photo: VCG
)
_SIMPLE_END = re.compile(r"(?<=[.!?])([\"'”’)\]]*)\s+(?=[\"'“‘(\[]?(\w))")  # the \w must be a capital, digit or CJK
# A Chinese or Japanese full stop inside a mostly Latin paragraph (a quotation, a bilingual
# report): the sentence ends there, whether or not a space follows.
_CJK_STOP = re.compile(r"[。！？]+[」』”’\"')）]*\s*(?=\S)")
# Paragraphs where a full stop may not end a sentence: abbreviations ("U.S.", "Mr.", "Jan."),
# initials ("J. Smith"), numbered items ("No. 5"), ellipses. These go to pysbd. A short word
# before a full stop is looked up in a set: one regex alternation of forty abbreviations tried
# at every word boundary cost three times as much, a twentieth of splitting 200 articles.
_HARD_SHAPE = re.compile(r"\b(?:[A-Za-z]\.){2,}|\b[A-Z]\.\s|\.\.\.|…")
_SHORT_WORD_STOP = re.compile(r"\b([A-Za-z]{2,6})\.")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr no nos gen col lt sgt capt sen rep gov rev inc ltd co corp vs etc
    approx jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd dept univ est fig vol pp
    ca""".split()
)


def _hard(paragraph: str) -> bool:
    return bool(_HARD_SHAPE.search(paragraph)) or any(
        m.group(1).lower() in _ABBREVIATIONS for m in _SHORT_WORD_STOP.finditer(paragraph))


# About the article, not in it: an editor's note introducing the author, and the disclaimer
# that the views are the author's. Kept in the text, never compared as claims.
_EDITORS_NOTE = re.compile(r"^\(?\s*editor['’]?s['’]?\s+note\s*[:：]", re.I)
_DISCLAIMER = re.compile(
    r"\b(?:reflects?|represents?|are|is)\s+(?:solely\s+|only\s+)?the\s+(?:author|writer)['’]?s['’]?\s+(?:own\s+)?(?:opinions?|views?)"
    r"|\bnot\s+necessarily\s+(?:reflect|represent)\s+(?:the\s+)?(?:views?|opinions?|positions?)\s+of\b"
    r"|\bnot\s+necessarily\s+the\s+(?:views?|opinions?)\s+of\b", re.I)
_TERMINAL = re.compile(r"[.!?。！？…:;][\"'”’)\]]*\s*$")
_WORD = re.compile(r"\w+")
HEADING_MAX_WORDS = 25
CAPTION_MAX_WORDS = 90
CREDIT_MAX_WORDS = 4  # words before a photo credit up to which the line is only a credit
CLAUSE_SPLIT_MIN_WORDS = 60
CLAUSE_MIN_WORDS = 12


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd
    from pysbd.utils import TextSpan

    class Segmenter(pysbd.Segmenter):
        """pysbd's segmenter, finding its sentences in the text with ``str.find``.

        pysbd finds each sentence again by compiling a regular expression of the escaped
        sentence: one compilation per sentence (a quarter of a second for 200 articles), more
        than Python's regex cache holds. This does the same search without the expressions:
        the first occurrence, searched as ``re.finditer`` would (matches do not overlap),
        that ends, with the whitespace after it, beyond the sentence before.
        """

        def sentences_with_char_spans(self, sentences):
            if any(not sent for sent in sentences):
                return super().sentences_with_char_spans(sentences)
            text, spans, prior_end = self.original_text, [], 0
            for sent in sentences:
                start = text.find(sent)
                while start >= 0:
                    end = _TRAILING_SPACE.match(text, start + len(sent)).end()
                    if end > prior_end:
                        spans.append(TextSpan(text[start:end], start, end))
                        prior_end = end
                        break
                    start = text.find(sent, end)
            return spans

    return Segmenter(language="en", clean=False, char_span=False)


_TRAILING_SPACE = re.compile(r"\s*")


def segment(document_id: str, text: str) -> list[Unit]:
    """Return the claim units of ``text`` in reading order; offsets index ``text`` exactly."""
    units: list[Unit] = []
    for start, end, kind in _spans(text):
        units.append(
            Unit(id=f"{document_id}:{len(units)}", document=document_id, index=len(units),
                 start=start, end=end, text=text[start:end], kind=cast(UnitKind, kind))
        )
    return units


def _spans(text: str) -> Iterator[tuple[int, int, str]]:
    in_body = False
    for p_start, p_end in _paragraphs(text):
        paragraph = text[p_start:p_end]
        words = len(_WORD.findall(paragraph))
        credit = PHOTO_CREDIT.search(paragraph)
        if credit and words <= CAPTION_MAX_WORDS:
            # "China Vietnam Photo: VCG" credits a photo and says nothing: no claim
            described = len(_WORD.findall(paragraph[:credit.start()]))
            yield p_start, p_end, "credit" if described <= CREDIT_MAX_WORDS else "caption"
        elif words <= HEADING_MAX_WORDS and not _TERMINAL.search(paragraph) and "\n" not in paragraph:
            # Headline and deck come before the body and state the story in brief; a title
            # inside the body only announces a section.
            yield p_start, p_end, "section" if in_body else "heading"
        elif _EDITORS_NOTE.match(paragraph):
            yield p_start, p_end, "note"
        else:
            in_body = True
            for s_start, s_end in _sentences(paragraph):
                if _DISCLAIMER.search(paragraph, s_start, s_end):
                    yield p_start + s_start, p_start + s_end, "note"
                    continue
                for c_start, c_end, kind in _clauses(paragraph, s_start, s_end):
                    yield p_start + c_start, p_start + c_end, kind


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    position = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        yield from _trimmed(text, position, brk.start())
        position = brk.end()
    yield from _trimmed(text, position, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def _sentences(paragraph: str) -> Iterator[tuple[int, int]]:
    if len(_CJK.findall(paragraph)) * 3 > len(paragraph.replace(" ", "")):
        for m in _CJK_SENTENCE.finditer(paragraph):
            yield from _trimmed(paragraph, m.start(), m.end())
        return
    spans = _pysbd_spans(paragraph) if _hard(paragraph) else _simple_spans(paragraph)
    for start, end in spans:
        cut = start
        for m in _MISSING_SPACE.finditer(paragraph, start, end):
            yield from _cjk_split(paragraph, cut, m.end())
            cut = m.end()
        yield from _cjk_split(paragraph, cut, end)


def _cjk_split(paragraph: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cut = start
    if _CJK.search(paragraph, start, end):
        for m in _CJK_STOP.finditer(paragraph, start, end):
            yield from _trimmed(paragraph, cut, m.end())
            cut = m.end()
    yield from _trimmed(paragraph, cut, end)


def _simple_spans(paragraph: str) -> Iterator[tuple[int, int]]:
    """Split at ., ! or ? (and closing quotes) followed by space and a capital (in any script),
    a digit or a Chinese character.

    Only used where no abbreviation, initial or list marker could fool it (see ``_hard``);
    it is ~50 times faster than pysbd, which matters on a thousand articles.
    """
    position = 0
    for m in _SIMPLE_END.finditer(paragraph):
        first = m.group(2)  # "Đây", "Ông", "É" start sentences as "The" does; "đây" does not
        if not (first.isupper() or first.isdigit() or _CJK.match(first)):
            continue
        before = paragraph[position:m.end(1)]
        if before.count('"') % 2 or before.count("“") > before.count("”"):
            continue  # inside a quotation that goes on
        yield position, m.end(1)
        position = m.end()
    if position < len(paragraph):
        yield position, len(paragraph)


def _pysbd_spans(paragraph: str) -> Iterator[tuple[int, int]]:
    """pysbd's sentences as offsets, found again in the paragraph so they are exact."""
    position = 0
    try:
        pieces = _segmenter().segment(paragraph)
    except Exception:  # noqa: BLE001 - a segmenter bug must not lose the paragraph
        pieces = [paragraph]
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        found = paragraph.find(piece, position)
        if found < 0:  # pysbd changed the text: give up on finer cuts for the rest
            break
        if found > position and paragraph[position:found].strip():
            yield position, found  # text pysbd skipped stays in a unit of its own
        yield found, found + len(piece)
        position = found + len(piece)
    if paragraph[position:].strip():
        yield position, len(paragraph)


def _clauses(paragraph: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    sentence = paragraph[start:end]
    if len(_WORD.findall(sentence)) < CLAUSE_SPLIT_MIN_WORDS or ";" not in sentence:
        yield start, end, "sentence"
        return
    cuts = [start]
    for m in re.finditer(r";\s+", sentence):
        left = paragraph[cuts[-1]:start + m.start()]
        right = paragraph[start + m.end():end]
        if len(_WORD.findall(left)) >= CLAUSE_MIN_WORDS and len(_WORD.findall(right)) >= CLAUSE_MIN_WORDS:
            cuts.append(start + m.start() + 1)
    if len(cuts) == 1:
        yield start, end, "sentence"
        return
    cuts.append(end)
    for a, b in zip(cuts, cuts[1:]):
        for s, e in _trimmed(paragraph, a, b):
            yield s, e, "clause"
