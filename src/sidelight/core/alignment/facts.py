"""Checkable facts in a claim unit: amounts, dates, names, who said it, how sure it is.

Two outlets can carry the same claim and still disagree on what matters to a researcher:
"$234.9 billion" against "US$200 billion", "December 12 to 13" against "Tuesday and
Wednesday", "Ge said" against "according to Xinhua", "will" against "could". These are found
with rules over the surface text (no model, no download), each kept with the words that
stated it so the window can show them. Names are typed by cue words (Party, Ministry,
University; Sea, City) and a short list of places; what is left is taken for a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sidelight.core.alignment.segmentation import PHOTO_CREDIT

MONTHS = ("january february march april may june july august september october november december").split()
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_SCALE = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_MONEY = re.compile(
    rf"(?:(?:US|USD|U\.S\.)\s?\$|\$|USD\s?|RMB\s?|¥|€|£)\s?({_NUMBER})(?:\s*(thousand|million|billion|trillion|bn|mn)\b)?"
    rf"|({_NUMBER})\s*(thousand|million|billion|trillion)?\s*(?:US dollars|dollars|yuan|euros)\b"
)
_PERCENT = re.compile(rf"({_NUMBER})\s*(?:%|percent\b|per cent\b)")
_DATE = re.compile(
    rf"\b({_MONTH})\s+(\d{{1,2}})(?:\s*(?:to|-|–|and)\s*(\d{{1,2}}))?(?:,?\s+(\d{{4}}))?\b"
    rf"|\b({_MONTH})(?:,?\s+(\d{{4}}))?\b"
    rf"|\b((?:19|20)\d\d)\b"
)
# "12 December 2023", "12-13 December": the day first, as British and Asian outlets write it
_DATE_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:\s*(?:-|–|to|and)\s*(\d{{1,2}}))?\s+({_MONTH})(?:,?\s+(\d{{4}}))?\b")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
_PLAIN_NUMBER = re.compile(rf"\b({_NUMBER})(?:\s*(thousand|million|billion|trillion)\b|(st|nd|rd|th)\b|-fold\b)?")

_SPEECH = r"(?:said|says|told|noted|added|predicted|stressed|affirmed|urged|commented|reiterated|suggested|believed|described|warned|claimed|reported|stated)"
# unnamed sources of a kind: who is said to have said it, without a name
_GROUP_SOURCES = r"analysts|observers|experts|police|officials|authorities|witnesses|sources|diplomats|residents"
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,5}"
# Each pattern with how much of its match introduces the speaker: "title" (the clause up to
# the verb of speech, an affiliation before the title included: "Chinese Foreign Ministry
# spokesperson Mao Ning said"), "match" (the speaker is the subject: "Ge Hongliang, deputy
# director of ..., added") or "name" (only the name: "according to Xinhua", "said Xi").
_ATTRIBUTION = [
    (re.compile(rf"\b[Aa]ccording to (?:the )?({_NAME}|(?:{_GROUP_SOURCES})\b)"), "name"),
    (re.compile(rf"\b(?:spokes(?:person|man|woman)|minister|president|premier|professor|director|dean|"
                rf"researcher|analyst|expert|official|ambassador|chairman|secretary)\s+({_NAME})\s+{_SPEECH}\b"), "title"),
    (re.compile(rf"^({_NAME}),\s+[^,;]{{3,140}},\s+{_SPEECH}\b"), "match"),
    (re.compile(rf"(?:^|[,;“”\"]\s*|\b(?:and|but)\s+)(?:the\s+)?({_NAME}|[Hh]e|[Ss]he|[Tt]hey|{_GROUP_SOURCES}|the expert)\s+{_SPEECH}\b"),
     "match"),
    (re.compile(rf"\b(?:said|says)\s+(?:the\s+)?({_NAME})(?=\s*(?:[,.;:!?”\"]|$))"), "name"),  # "..., said Xi." not "said China is"
    (re.compile(r"\b(?:the\s+)?((?:[A-Z][\w'’-]*\s+){0,4}[A-Z][\w'’-]*)\s+reported\b"), "name"),
]
# A post given in apposition: "Xi Jinping, general secretary of the Communist Party of China
# Central Committee and Chinese president, and ..."; "Ge Hongliang, vice dean of the ASEAN
# College at the Guangxi Minzu University, said". State media repeat these titles in full, so
# two different sentences about the same leaders share a dozen words that say nothing of the claim.
_POST = re.compile(
    r",\s+(?:(?:deputy|vice|executive|former)\s+)?(?:general secretary|president|premier|chairman|chairwoman|director|"
    r"dean|secretary|professor|researcher|minister|spokes(?:person|man|woman)|ambassador)\s+(?:of|at)\s+[^,;]{3,120}(?=,)")
_CLAUSE_MARKS = (",", ";", ":", "“", "”", '"', ". ")
_ATTRIBUTION_CUE = re.compile(rf"{_SPEECH}|[Aa]ccording to")
_HEDGE_WORDS = (
    r"\b(could|may|might|would|will|can|should|likely|unlikely|perhaps|possibly|probably|"
    r"reportedly|allegedly|potentially|predicted|believed|appears?|seems?"
    r"|(?:is|are|was|were|be|been)\s+expected\s+to)\b"
)
_HEDGES = re.compile(_HEDGE_WORDS, re.I)
_HEDGES_LOWER = re.compile(_HEDGE_WORDS)  # over lower-cased text: the same matches, twice as fast
# "surpassed US$200 billion" is consistent with "$234.9 billion": a bound, not a value
_AT_LEAST = re.compile(r"\b(?:more than|over|above|beyond|at least|surpass(?:ed|es|ing)?|exceed(?:ed|s|ing)?|"
                       r"top(?:ped|ping)?|passed|in excess of)(?:\s+the)?\s*$", re.I)
_AT_MOST = re.compile(r"\b(?:less than|fewer than|under|below|up to|at most|nearly|almost|close to|just under)"
                      r"(?:\s+the)?\s*$", re.I)
_DIGIT = re.compile(r"\d")
_SENTENCE_END = frozenset('.!?"“')
_COUNTED = re.compile(r"[\s-]+([^\W\d_][^\W\d_]+)")  # the word after a number: what it counts
# A period written in words: compared with the same period in figures ("seven months" / "11 months").
# Other counts in words ("the two countries") are left alone: nearly every sentence has one.
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORD_PERIOD = re.compile(rf"\b({'|'.join(_NUMBER_WORDS)})[\s-]+(days?|weeks?|months?|years?|decades?|quarters?)\b",
                          re.IGNORECASE)
_PERIOD_NOUN = re.compile(r"(?:day|week|month|year|decade|quarter)s?\b", re.IGNORECASE)
_NOT_COUNTED = frozenset("and or of to in on at for with from by than the a an percent per".split())

_CAP = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w'’-]*)"
_ENTITY = re.compile(rf"{_CAP}(?:(?:\s+|\s+of\s+(?:the\s+)?){_CAP})*")
_ORG_CUES = set(
    """party committee agency ministry university institute academy college times xinhua cgtn vov
    online group co ltd council congress bureau news media bank corporation company
    government navy navies army school department office association union commission voice""".split()
)
_MID_SENTENCE_NAME_PARTS = {"to"}
_PLACE_CUES = set("sea gulf city province river island islands strait bay mountains region republic palace".split())
def _gazetteer() -> set[str]:
    """Countries, capitals and cities of a million or more (GeoNames, via packaging/build_places.py)."""
    from importlib.resources import files

    try:
        text = files("sidelight").joinpath("data/places.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return set()
    return {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}


PLACES = set(
    """china vietnam hanoi beijing shanghai us u.s. japan korea singapore laos europe asia taiwan
    hong kong xinjiang xizang tibet washington tokyo nanning guangxi hainan shenzhen guangzhou
    yunnan india russia america philippines thailand cambodia malaysia indonesia myanmar
    australia africa ho chi minh""".split()
) | _gazetteer()
_TITLES = set(
    """president premier minister secretary general deputy prime foreign vice chairman chairwoman
    spokesperson spokesman dean director professor mr mrs ms dr top chinese vietnamese state
    commerce finance defence defense trade interior health education justice economy industry
    agriculture""".split()
)
_NOT_NAMES = set(
    """the a an this that these those in on at during after before since as but and however moreover
    additionally furthermore besides also meanwhile instead regarding against amid given last such
    their its it they he she we our there most many some both each every for from to with by
    currently nearly recently if when while although though yet so thus therefore photo editor's
    note initiative declaration convention code conduct corridors circle expo partnership summit
    meeting policy strategy plan economic comprehensive regional international national central
    steering cooperation two one first second third new steady managing connectivity children
    people observers analysts experts bilateral monday tuesday wednesday thursday friday saturday
    sunday communist socialist western southeast asian european""".split()
) | {m.capitalize() for m in MONTHS} | {m for m in MONTHS}


# One organisation, two spellings: "ASEAN" in one outlet and its full name in another is no conflict.
ORG_ALIASES = {
    "association of southeast asian nations": "asean", "communist party of china": "cpc",
    "communist party of vietnam": "cpv", "united nations": "un", "belt and road initiative": "bri",
    "world trade organization": "wto", "regional comprehensive economic partnership": "rcep",
    "xinhua news agency": "xinhua", "party of china": "cpc", "party of vietnam": "cpv",
}


def org_key(name: str) -> str:
    """The key two spellings of one organisation share ("Leaders of the Association of Southeast
    Asian Nations" and "ASEAN": "asean")."""
    key = name.lower()
    for full, short in ORG_ALIASES.items():
        if key == full or key.endswith(" " + full):
            return short
    return key
# Adjectives of nations ("Sino-Vietnamese ties"): capitalised, but no one's name.
_NATIONAL = set("""sino chinese vietnamese american asian european japanese korean russian indian
    philippine filipino thai cambodian lao laotian malaysian indonesian australian african""".split())


@dataclass(frozen=True)
class Fact:
    """One stated fact: ``key`` is compared across units, ``text`` is what the unit wrote."""

    key: object
    text: str
    bound: str = ""  # "min" for "more than $200 billion", "max" for "nearly 200", else an exact value
    qualifier: str = ""  # the words that make it a bound ("surpassed", "nearly")

    @property
    def wording(self) -> str:
        """The fact as the unit states it, bound words included ("surpassed US$200 billion")."""
        return f"{self.qualifier} {self.text}" if self.qualifier else self.text


@dataclass(frozen=True)
class Facts:
    money: tuple[Fact, ...] = ()
    percent: tuple[Fact, ...] = ()
    number: tuple[Fact, ...] = ()
    date: tuple[Fact, ...] = ()
    weekday: tuple[Fact, ...] = ()
    person: tuple[Fact, ...] = ()
    place: tuple[Fact, ...] = ()
    organisation: tuple[Fact, ...] = ()
    attribution: tuple[Fact, ...] = ()
    hedging: tuple[Fact, ...] = ()
    # keys of the names that describe who is speaking ("Chinese Foreign Ministry spokesperson
    # Mao Ning said", "Ge Hongliang, deputy director of the College of ASEAN Studies, added"):
    # who said it is compared as attribution, not as a name the claim is about
    speaker_names: frozenset[str] = frozenset()
    # where the text says who is speaking or what post someone holds (see who_phrases)
    who_spans: tuple[tuple[int, int], ...] = ()

    def entities_for_evidence(self) -> dict[str, str]:
        return {str(f.key): f.text for f in (*self.person, *self.place, *self.organisation)}


def _value(number: str, scale: str | None) -> float:
    return float(number.replace(",", "")) * _SCALE.get((scale or "").lower(), 1.0)


def extract(text: str) -> Facts:
    """All facts stated in one unit's text (Vietnamese and Chinese units: see facts_other_scripts)."""
    from sidelight.core.alignment.facts_other_scripts import extract_other, script_of

    script = script_of(text)
    if script != "en":
        return extract_other(text, script)
    taken: list[tuple[int, int]] = []

    def free(m: re.Match) -> bool:
        return all(m.end() <= s or m.start() >= e for s, e in taken)

    money, percent, dates, weekdays, numbers = [], [], [], [], []
    # Amounts, shares, numbers and most dates need a digit, weekdays the letters "day"; most
    # sentences have neither, and their patterns are then not run at all.
    digits = _DIGIT.search(text) is not None
    for m in (_MONEY.finditer(text) if digits else ()):
        number, scale = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        bound, said = figure_bound(text, m.start())
        money.append(Fact(round(_value(number, scale), 2), m.group(0).strip(), bound, said))
        taken.append(m.span())
    for m in (_PERCENT.finditer(text) if digits else ()):
        if free(m):
            bound, said = figure_bound(text, m.start())
            percent.append(Fact(float(m.group(1).replace(",", "")), m.group(0), bound, said))
            taken.append(m.span())
    for m in (_DATE_DAY_FIRST.finditer(text) if digits else ()):
        if free(m):
            dates.append(Fact((m.group(3).lower(), int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                               int(m.group(4)) if m.group(4) else None), m.group(0)))
            taken.append(m.span())
    for m in _DATE.finditer(text):
        if not free(m):
            continue
        key: tuple[str | None, int | None, int | None, int | None]
        if m.group(1):
            key = (m.group(1).lower(), int(m.group(2)), int(m.group(3)) if m.group(3) else None,
                   int(m.group(4)) if m.group(4) else None)
        elif m.group(5):
            if m.group(5) == "May" and not m.group(6):
                continue  # the modal verb, not the month
            key = (m.group(5).lower(), None, None, int(m.group(6)) if m.group(6) else None)
        else:
            key = (None, None, None, int(m.group(7)))
        dates.append(Fact(key, m.group(0)))
        taken.append(m.span())
    for m in (_WEEKDAY.finditer(text) if "day" in text else ()):
        weekdays.append(Fact(m.group(1).lower(), m.group(0)))
    for m in (_PLAIN_NUMBER.finditer(text) if digits else ()):
        if free(m) and not _inside_name(text, m.start()):
            counted = _COUNTED.match(text, m.end())
            noun = counted.group(1).lower() if counted and counted.group(1).lower() not in _NOT_COUNTED else None
            wording = text[m.start():counted.end()] if noun and counted else m.group(0)
            bound, said = figure_bound(text, m.start())  # "more than 30 agreements" is consistent with "36 agreements"
            numbers.append(Fact((_value(m.group(1), m.group(2)), _singular(noun)), wording, bound, said))
    periods = _WORD_PERIOD.finditer(text) if _PERIOD_NOUN.search(text) else ()  # most sentences name none
    for m in periods:  # "the first seven months" against "the first 11 months"
        numbers.append(Fact((float(_NUMBER_WORDS[m.group(1).lower()]), _singular(m.group(2).lower())), m.group(0)))
    credit = PHOTO_CREDIT.search(text)
    if credit:  # "/CFP", "(SHEN HONG)": who took the photo, not who or what the claim is about
        taken.append(credit.span())
    blanked = text
    for s, e in taken:  # "US$200" is an amount, not a mention of the United States
        blanked = blanked[:s] + " " * (e - s) + blanked[e:]
    people, places, orgs = _entities(blanked)
    attribution, speaking = _attribution(blanked)
    return Facts(
        money=tuple(money), percent=tuple(percent), number=tuple(numbers), date=tuple(dates),
        weekday=tuple(weekdays), person=people, place=places, organisation=orgs,
        attribution=attribution, hedging=_hedging(text),
        speaker_names=frozenset(str(f.key) for f in (*people, *places, *orgs) if _only_within(blanked, f.text, speaking)),
        who_spans=tuple(sorted({*speaking, *(m.span() for m in _POST.finditer(blanked))})),
    )


def _only_within(text: str, name: str, spans: list[tuple[int, int]]) -> bool:
    """Whether every mention of ``name`` lies inside one of ``spans`` (and there is one)."""
    starts = [m.start() for m in re.finditer(re.escape(name), text)] if spans else []
    return bool(starts) and all(any(s <= at and at + len(name) <= e for s, e in spans) for at in starts)


def figure_bound(text: str, start: int, at_least: re.Pattern = _AT_LEAST, at_most: re.Pattern = _AT_MOST,
           window: int = 30) -> tuple[str, str]:
    """("min" or "max" or "", the words saying so) for the figure at ``start``; the patterns
    are the language's words for "more than" and "up to", each ending where the figure begins."""
    before = text[max(0, start - window):start]
    for kind, pattern in (("min", at_least), ("max", at_most)):
        found = pattern.search(before)
        if found:
            return kind, found.group(0).strip()
    return "", ""


# Words for one countable thing ("12 agreements" against "15 deals" is one count, stated twice)
_COUNTED_ALIKE = {"deal": "agreement", "accord": "agreement", "pact": "agreement", "treaty": "agreement",
                  "nation": "country", "kilometer": "kilometre", "km": "kilometre", "ton": "tonne",
                  "programme": "program", "enterprise": "company", "firm": "company"}


def _singular(noun: str | None) -> str | None:
    """"projects" and "project" count the same thing, and so do "deals" and "agreements";
    enough for comparing two units' counts."""
    if noun is None or len(noun) <= 3 or not noun.endswith("s") or noun.endswith("ss"):
        return _COUNTED_ALIKE.get(noun, noun) if noun is not None else None
    one = noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]
    return _COUNTED_ALIKE.get(one, one)


def _inside_name(text: str, position: int) -> bool:
    """A digit glued to letters ("G20", "COVID-19") is part of a name, not a quantity."""
    return position > 0 and (text[position - 1].isalpha() or text[position - 1] == "-")


def _entities(text: str) -> tuple[tuple[Fact, ...], tuple[Fact, ...], tuple[Fact, ...]]:
    people: dict[str, Fact] = {}
    places: dict[str, Fact] = {}
    orgs: dict[str, Fact] = {}
    for m in _ENTITY.finditer(text):
        before = text[:m.start()].rstrip()
        sentence_start = m.start() == 0 or (bool(before) and before[-1] in _SENTENCE_END)
        for offset, name in _names_in(m.group(0), sentence_start):
            lowered = [w.lower() for w in name.split()]
            key = name.lower()
            if all(piece in _NATIONAL for piece in key.replace("-", " ").split()):
                continue
            if any(w in _ORG_CUES for w in lowered) or (name.isupper() and len(name) <= 6 and key not in PLACES):
                key = org_key(name)
                orgs.setdefault(key, Fact(key, name))
            elif key in PLACES or any(w in _PLACE_CUES for w in lowered) or all(w in PLACES for w in lowered):
                places.setdefault(key, Fact(key, name))
            elif not any(w in _NOT_NAMES and w not in _MID_SENTENCE_NAME_PARTS for w in lowered) and len(lowered) <= 4:
                start = m.start() + offset
                if start == 0 and len(lowered) == 1 and not _followed_by_speech(text, m.end()):
                    continue  # a capitalised first word is usually just a first word
                people.setdefault(key, Fact(key, name))
    return tuple(people.values()), tuple(places.values()), tuple(orgs.values())


def _names_in(sequence: str, sentence_start: bool = True) -> list[tuple[int, str]]:
    """Split a run of capitalised words into names: drop titles (unless an organisation's name
    begins with them: "Chinese Foreign Ministry"), cut after an organisation's last cue word
    ("... Central Committee | Nguyen Phu Trong"), split "China-Vietnam" in places. Inside a
    sentence a capitalised "To" is a name ("To Lam"), not the preposition."""
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in sequence.split()]
    names: list[list[str]] = [[]]
    dropped: list[str] = []
    for i, word in enumerate(words):
        lower = word.lower()
        name_part = i == 0 and not sentence_start and lower in _MID_SENTENCE_NAME_PARTS
        if not names[-1] and not name_part and (lower in _NOT_NAMES or lower in _TITLES or lower in ("of", "the")):
            dropped.append(word)
            continue
        if not names[-1] and lower in _ORG_CUES:
            names[-1].extend(w for w in dropped if w.lower() in _TITLES)
        dropped = []
        names[-1].append(word)
        following = words[i + 1].lower() if i + 1 < len(words) else "of"
        if (lower in _ORG_CUES or lower in _PLACE_CUES) and following not in ("of", "the") \
                and following not in _ORG_CUES and following not in _PLACE_CUES:
            names.append([])
    out: list[tuple[int, str]] = []
    for parts in names:
        while parts and parts[-1].lower() in ("of", "the"):
            parts.pop()
        if not parts:
            continue
        name = " ".join(parts)
        pieces = name.split("-")
        if len(pieces) > 1 and all(p.lower() in PLACES for p in pieces):
            out.extend((sequence.find(p), p) for p in pieces)
        else:
            out.append((sequence.find(parts[0]), name))
    return out


def _followed_by_speech(text: str, position: int) -> bool:
    return re.match(rf"[\s,]+(?:\w+\s+)?{_SPEECH}\b", text[position:position + 40]) is not None


def _attribution(text: str) -> tuple[tuple[Fact, ...], list[tuple[int, int]]]:
    """Who is said to have said it, and the phrases that introduce them: where the speaker is
    the subject ("Chinese Foreign Ministry spokesperson Mao Ning said"), the clause up to the
    verb of speech, titles and affiliations included; elsewhere the speaker's name alone."""
    if not _ATTRIBUTION_CUE.search(text):  # every pattern needs one of these words; most sentences have none
        return (), []
    found: dict[str, Fact] = {}
    phrases: list[tuple[int, int]] = []
    for pattern, introduced in _ATTRIBUTION:
        for m in pattern.finditer(text):
            source = m.group(1).strip()
            words = [w for w in source.split() if w.lower() not in _TITLES and w.lower() != "the"]
            if not words or words[0].lower() in _NOT_NAMES - {"analysts", "observers", "experts"}:
                continue
            source = " ".join(words).rstrip(".")
            found.setdefault(org_key(source), Fact(org_key(source), source))
            if introduced == "title":
                phrases.append((max(text.rfind(mark, 0, m.start()) + 1 for mark in _CLAUSE_MARKS), m.end()))
            elif introduced == "match":
                phrases.append(m.span())
            else:
                phrases.append(m.span(1))
    return tuple(found.values()), phrases


def _hedging(text: str) -> tuple[Fact, ...]:
    found: dict[str, Fact] = {}
    lowered = text.lower()
    same_offsets = len(lowered) == len(text)  # lower-casing can lengthen a few letters ("İ")
    for m in (_HEDGES_LOWER if same_offsets else _HEDGES).finditer(lowered if same_offsets else text):
        if text[m.start(1):m.end(1)] == "May":
            continue  # the month
        phrase = " ".join(m.group(1).lower().split())
        found.setdefault(phrase, Fact(phrase, phrase))
    return tuple(found.values())
