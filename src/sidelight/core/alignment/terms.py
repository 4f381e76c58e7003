"""Words to comparable terms: lower-case, stemmed, with paraphrase synonyms folded together.

Outlets covering one event say the same thing in different words: "foremost", "largest",
"biggest" and "top" trading partner; "ties", "relations" and "relationship"; "the U.S." and
"the United States". Folding these onto one term lets a plain sparse-vector comparison see a
paraphrase. The table is small and generic (news English), not tuned to any one story.
Text in scripts without spaces (Chinese, Japanese) becomes character bigrams.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*", re.U)
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")

# Multi-word names and spellings folded before tokenising (lower-cased text), each with the
# literal strings at least one of which any match contains: most sentences hold none of them,
# and a substring test costs far less than a regex pass (a fifth of reading 200 articles'
# words went into these substitutions). The tests run on the text as folded so far, so a
# fold that needs an earlier one ("secretary of the cpc") sees its result.
_PHRASES = [
    (re.compile(r"\bu\.\s?s\.(?:\s?a\.)?|\bunited states(?: of america)?\b|\busa\b"), " us ",
     ("u.", "united states", "usa")),
    (re.compile(r"\bassociation of southeast asian nations\b|\basean\b"), " asean ", ("asean", "southeast asian")),
    (re.compile(r"\bcommunist party of china\b|\bchinese communist party\b|\bcpc\b"), " cpc ",
     ("communist party", "cpc")),
    (re.compile(r"\bcommunist party of vietnam\b|\bvietnamese communist party\b|\bcpv\b"), " cpv ",
     ("communist party", "cpv")),
    # Appositive party and state titles identify a person; spelled out in full they would make
    # any two sentences that name a leader look alike.
    (re.compile(r"\b(?:general\s+)?secretar(?:y|ies)\s+of\s+the\s+(?:cpc|cpv)(?:\s*\(\s*\w+\s*\))?(?:\s+central\s+committee)?"),
     " partyleader ", ("secretar",)),
    (re.compile(r"\bmember\s+of\s+the\s+political\s+bureau\s+of\s+the\s+(?:cpc|cpv)(?:\s*\(\s*\w+\s*\))?(?:\s+central\s+committee)?"),
     " politburo ", ("bureau",)),
    (re.compile(r"\b(?:cpc|cpv)(?:\s*\(\s*\w+\s*\))?\s+central\s+committee\b"), " partyleader ", ("committee",)),
    (re.compile(r"\bsouth china sea\b"), " southchinasea ", ("south china sea",)),
    (re.compile(r"\bbelt and road(?: initiative)?\b|\bbri\b"), " beltroad ", ("belt and road", "bri")),
    (re.compile(r"\bper ?cent\b|%"), " percent ", ("cent", "%")),
    (re.compile(r"\byear[- ]on[- ]year\b"), " yoy ", ("year",)),
    # compounds written as one word, two words or hyphenated
    (re.compile(r"\bhealth[- ]care\b"), " healthcare ", ("health",)),
    (re.compile(r"\be[- ]commerce\b"), " ecommerce ", ("commerce",)),
    (re.compile(r"\bcross[- ]border\b"), " crossborder ", ("border",)),
    (re.compile(r"\bus\$|\$|\busd\b"), " usd ", ("$", "usd")),
]

# Surface word -> canonical term. Lower-case words, looked up before stemming.
_SYNONYM_SETS = [
    ("largest", "foremost biggest largest top leading greatest"),
    ("exceed", "surpassed surpass surpasses exceeded exceed exceeds topped passed"),
    ("relation", "ties tie relations relation relationship relationships"),
    ("dispute", "disputes dispute differences difference divergence divergences disagreements"),
    ("country", "country countries nation nations"),
    ("china", "china chinese sino beijing"),
    ("vietnam", "vietnam vietnamese hanoi"),
    ("strengthen", "strengthen strengthening boost boosting enhance enhancing bolster cement consolidate"),
    ("increase", "increase increased increases rose rise rising grew grow growth surge surged jump jumped"),
    ("agree", "agreed agree agrees pledged pledge vowed vow promised consensus"),
    ("visit", "visit visits visited trip trips"),
    ("upgrade", "upgrade upgrading upgraded elevate elevated elevating elevation"),
    ("trade", "trade trading traded"),
    ("neighborhood", "neighborhood neighbourhood neighboring neighbouring neighbors neighbours neighbor"),
    ("priority", "priority prioritized prioritised prioritize priorities"),
    ("worldwide", "worldwide globally global world"),
    ("maritime", "maritime sea seas"),
    ("railway", "railway railways rail railroad train trains"),
    ("chain", "chain chains"),
    ("significant", "significant significance meaningful"),
]
SYNONYMS: dict[str, str] = {w: canon for canon, words in _SYNONYM_SETS for w in words.split()}

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves said say says told
    according also well including like per among amid within upon via since would one two""".split()
)


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def term_of(word: str) -> str:
    """The comparable form of one lower-case word: synonym canon, else its Snowball stem."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    canon = SYNONYMS.get(word)
    if canon is not None:
        return canon
    if not word.isascii() or not word.isalpha():
        return word
    return _stemmer().stemWord(word)


# The tokens _PHRASES folds names into, as a reader would write them.
_READABLE = {"us": "US", "asean": "ASEAN", "cpc": "CPC", "cpv": "CPV", "partyleader": "party leader",
             "politburo": "Politburo", "southchinasea": "South China Sea", "beltroad": "Belt and Road",
             "percent": "percent", "yoy": "year on year", "usd": "US$", "ecommerce": "e-commerce",
             "crossborder": "cross-border"}


def readable(word: str) -> str:
    """A content word as it can be shown to a reader (folded names spelled out again)."""
    return _READABLE.get(word, word)


def normalise(text: str) -> str:
    """Lower-case ``text`` (in composed form: combining accents joined to their letters) and fold
    multi-word names and currency/percent signs."""
    text = text.lower() if text.isascii() else unicodedata.normalize("NFC", text).lower()
    for pattern, replacement, needles in _PHRASES:
        if any(needle in text for needle in needles):
            text = pattern.sub(replacement, text)
    return text


def words(text: str) -> list[str]:
    """Lower-cased word and number tokens of ``text`` after phrase folding; CJK as bigrams."""
    out: list[str] = []
    for token in _TOKEN.findall(normalise(text)):
        if _CJK_RUN.search(token):
            out.extend(_cjk_bigrams(token))
        else:
            out.append(token)
    return out


def _cjk_bigrams(token: str) -> list[str]:
    if len(token) < 2:
        return [token]
    return [token[i:i + 2] for i in range(len(token) - 1)]


def content_words(text: str) -> list[str]:
    """Words that carry meaning (stop words and single letters dropped), lower-cased, in order."""
    return [w for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or not w.isascii())]
