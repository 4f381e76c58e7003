"""Checkable facts in Vietnamese and Chinese claim units.

The English rules (capitalised names, "said", "could", "December 12") read Vietnamese as a
string of capitalised "people" ("Thủ", "Bộ", "Ngoại") and see nothing at all in Chinese, where
numbers are glued to what they count ("36项", "20亿美元", "12月12日"). Rather than report
nonsense, a unit written mostly in one of these scripts gets the facts these few rules can read
reliably: amounts, percentages, counts, dates, weekdays and hedging. Names and attribution need
a language model of their own and are left out, so they are never reported wrongly.
"""

from __future__ import annotations

import re
import unicodedata

from sidelight.core.alignment.facts import Fact, Facts, figure_bound

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PERCENT = re.compile(rf"({_NUMBER})\s*(?:%|％)")

# -- Chinese -----------------------------------------------------------------------------------
_ZH_SCALE = {"万": 1e4, "亿": 1e8, "千": 1e3, "百万": 1e6}
_ZH_MONEY = re.compile(rf"({_NUMBER})\s*(百万|万|亿|千)?\s*(美元|元|人民币|欧元|日元|越南盾)")
_ZH_DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]|(\d{4})\s*年")
_ZH_WEEKDAY = re.compile(r"(?:星期|礼拜|周)([一二三四五六日天])")
_ZH_COUNT = re.compile(rf"({_NUMBER})\s*(百万|万|亿|千)?\s*([\u4e00-\u9fff])")
_ZH_HEDGES = ("据报道", "据悉", "可能", "或许", "也许", "预计", "有望", "将")
_ZH_WEEKDAYS = {"一": "monday", "二": "tuesday", "三": "wednesday", "四": "thursday", "五": "friday",
                "六": "saturday", "日": "sunday", "天": "sunday"}

# -- Vietnamese --------------------------------------------------------------------------------
_VI_SCALE = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
# Vietnamese writes "1.200" for twelve hundred and "234,9" for 234.9
_VI_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_VI_PERCENT = re.compile(rf"({_VI_NUMBER})\s*(?:%|phần trăm)", re.I)
_VI_MONEY = re.compile(rf"({_VI_NUMBER})\s*(nghìn|ngàn|triệu|tỷ|tỉ)?\s*(đô la(?: Mỹ)?|USD|đồng|VND|nhân dân tệ)",
                       re.I)
_VI_DATE = re.compile(r"ngày\s+(\d{1,2})(?:\s*(?:-|đến)\s*(\d{1,2}))?\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?"
                      r"|\bnăm\s+(\d{4})", re.I)
_VI_WEEKDAY = re.compile(r"\b(thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\b", re.I)
_VI_WEEKDAYS = {"thứ hai": "monday", "thứ ba": "tuesday", "thứ tư": "wednesday", "thứ năm": "thursday",
                "thứ sáu": "friday", "thứ bảy": "saturday", "chủ nhật": "sunday"}
_VI_COUNT = re.compile(rf"(?<![\d.,])({_VI_NUMBER})\s+([^\W\d_]+)(?:\s+[^\W\d_]+)?")  # "36 văn kiện": keyed by "văn"
# "hơn 30 văn kiện" (more than 30 documents) is consistent with "36 văn kiện": a bound, as in English
_VI_AT_LEAST = re.compile(r"\b(?:hơn|trên|ít nhất|vượt(?: quá| mức)?)\s*$", re.I)
_VI_AT_MOST = re.compile(r"\b(?:gần|dưới|chưa đến|không quá|tối đa)\s*$", re.I)
_VI_HEDGES = re.compile(r"\b(có thể|có lẽ|sẽ|dự kiến|theo các nguồn tin|được cho là|nghe nói)\b", re.I)
_VI_DIACRITICS = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
_VI_LETTER = re.compile("[" + "".join(sorted(_VI_DIACRITICS | {c.upper() for c in _VI_DIACRITICS})) + "]")
_LETTER = re.compile(r"[^\W\d_]")
_MONTHS = ("january february march april may june july august september october november december").split()


def script_of(text: str) -> str:
    """"zh" (Chinese, Japanese or Korean script), "vi" (Vietnamese) or "en" (anything else)."""
    if text.isascii():
        return "en"
    text = unicodedata.normalize("NFC", text)  # "ế" stored as "e" and two combining marks is still Vietnamese
    cjk, vietnamese = len(_CJK.findall(text)), len(_VI_LETTER.findall(text))
    if not cjk and not vietnamese:
        return "en"
    letters = len(_LETTER.findall(text))
    if cjk > 0.3 * letters:
        return "zh"
    if vietnamese > 0.06 * letters:
        return "vi"
    return "en"


def extract_other(text: str, script: str) -> Facts:
    text = unicodedata.normalize("NFC", text)
    return _chinese(text) if script == "zh" else _vietnamese(text)


def _value(number: str, scale: float = 1.0) -> float:
    return float(number.replace(",", "")) * scale


def _vi_value(number: str, scale: float = 1.0) -> float:
    return float(number.replace(".", "").replace(",", ".")) * scale


def _chinese(text: str) -> Facts:
    taken: list[tuple[int, int]] = []
    money = []
    for m in _ZH_MONEY.finditer(text):
        money.append(Fact(round(_value(m.group(1), _ZH_SCALE.get(m.group(2) or "", 1.0)), 2), m.group(0)))
        taken.append(m.span())
    percent = _percent(text, taken)
    dates = []
    for m in _ZH_DATE.finditer(text):
        if _free(m, taken):
            if m.group(2):
                year = int(m.group(1)) if m.group(1) else None
                dates.append(Fact((_MONTHS[int(m.group(2)) - 1] if 1 <= int(m.group(2)) <= 12 else None,
                                   int(m.group(3)), None, year), m.group(0)))
            else:
                dates.append(Fact((None, None, None, int(m.group(4))), m.group(0)))
            taken.append(m.span())
    weekdays = [Fact(_ZH_WEEKDAYS[m.group(1)], m.group(0)) for m in _ZH_WEEKDAY.finditer(text)]
    numbers = []
    for m in _ZH_COUNT.finditer(text):
        if _free(m, taken):
            numbers.append(Fact((_value(m.group(1), _ZH_SCALE.get(m.group(2) or "", 1.0)), m.group(3)), m.group(0)))
    hedges = {h: Fact(h, h) for h in _ZH_HEDGES if h in text}
    return Facts(money=tuple(money), percent=percent, number=tuple(numbers), date=tuple(dates),
                 weekday=tuple(weekdays), hedging=tuple(hedges.values()))


def _vietnamese(text: str) -> Facts:
    taken: list[tuple[int, int]] = []
    money = []
    for m in _VI_MONEY.finditer(text):
        money.append(Fact(round(_vi_value(m.group(1), _VI_SCALE.get((m.group(2) or "").lower(), 1.0)), 2), m.group(0),
                          *_vi_bound(text, m.start())))
        taken.append(m.span())
    percent = []
    for m in _VI_PERCENT.finditer(text):
        if _free(m, taken):
            percent.append(Fact(_vi_value(m.group(1)), m.group(0), *_vi_bound(text, m.start())))
            taken.append(m.span())
    dates = []
    for m in _VI_DATE.finditer(text):
        if m.group(1):
            month = int(m.group(3))
            dates.append(Fact((_MONTHS[month - 1] if 1 <= month <= 12 else None, int(m.group(1)),
                               int(m.group(2)) if m.group(2) else None, int(m.group(4)) if m.group(4) else None),
                              m.group(0)))
        else:
            dates.append(Fact((None, None, None, int(m.group(5))), m.group(0)))
        taken.append(m.span())
    weekdays = [Fact(_VI_WEEKDAYS[" ".join(m.group(1).lower().split())], m.group(0)) for m in _VI_WEEKDAY.finditer(text)]
    numbers = []
    for m in _VI_COUNT.finditer(text):
        if _free(m, taken):
            numbers.append(Fact((_vi_value(m.group(1)), m.group(2).lower()), m.group(0), *_vi_bound(text, m.start())))
    hedges: dict[str, Fact] = {}
    for m in _VI_HEDGES.finditer(text):
        phrase = m.group(1).lower()
        hedges.setdefault(phrase, Fact(phrase, phrase))
    return Facts(money=tuple(money), percent=tuple(percent), number=tuple(numbers), date=tuple(dates),
                 weekday=tuple(weekdays), hedging=tuple(hedges.values()))


def _vi_bound(text: str, start: int) -> tuple[str, str]:
    return figure_bound(text, start, _VI_AT_LEAST, _VI_AT_MOST, window=20)


def _percent(text: str, taken: list[tuple[int, int]]) -> tuple[Fact, ...]:
    found = []
    for m in _PERCENT.finditer(text):
        if _free(m, taken):
            found.append(Fact(_value(m.group(1)), m.group(0)))
            taken.append(m.span())
    return tuple(found)


def _free(m: re.Match, taken: list[tuple[int, int]]) -> bool:
    return all(m.end() <= s or m.start() >= e for s, e in taken)
