"""Text normalisation for retrieval, fit for social posts and news sentences alike (pure).

What it removes carries no claim: links, ``pic.twitter.com`` stubs, retweet and "via" markers, news
datelines ("KESSEL, Jan 22 (Northwind) -"), quote marks and emoji. What it rewrites helps two phrasings
of one claim meet: handles and hashtags become words (``#FluJabsKill`` -> "flu jabs kill"), digit groups
lose their separators, currency signs become words and "per cent" becomes "percent"; small number
words map to digits in ``NUMBER_WORDS`` for the analyser. ``numbers`` gives the values a text states,
scaled ("1.2 million" -> 1200000), for the matcher's number-overlap feature.
"""

from __future__ import annotations

import re
import unicodedata

_URL = re.compile(r"(?:https?://|www\.)\S+|\bpic\.twitter\.com/\S+|\b[\w-]+\.(?:com|org|net|ly)/\S*", re.I)
_RETWEET = re.compile(r"^\s*RT\s+@\w+:?\s*|\s(?:via|h/t|cc:?)\s+@\w+\s*$", re.I)
_HANDLE = re.compile(r"(?<![\w@])[@#](\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
# "KESSEL, Jan 22 (Northwind) -", "PORT HALVARD, March 14 –", "WASHINGTON (AP) —": capitals, an
# optional date, an optional agency in brackets, then a dash.
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'\- ]{1,40}(?:/[A-Z][A-Za-z ]+)?,?\s*"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*)?(?:\([^)]{1,40}\)\s*)?[-–—:]+\s+"
)
_MARKERS = re.compile(r"^\s*(?:breaking|just in|update|fact ?check|viral|watch|thread)\s*[:!|-]+\s*", re.I)
_QUOTES = re.compile(r"[\"“”„«»‹›]|(?<!\w)['‘’`]|['‘’`](?!\w)")
_APOSTROPHE = re.compile(r"[‘’`]")
_THOUSANDS = re.compile(r"(?<=\d)[,  '](?=\d{3}\b)")
_CURRENCY = {"€": " euro ", "$": " dollar ", "£": " pound ", "¥": " yen ", "₹": " rupee "}
_CURRENCY_RE = re.compile(
    r"([€$£¥₹])\s*(\d[\d.,]*)(\s*(?:million|billion|trillion|thousand|bn|m|k)\b)?", re.I
)
_PERCENT = re.compile(r"\s*%|\bper\s?cent\b", re.I)
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]")
_NO_QUOTES = frozenset("\"“”„«»‹›'‘’`")
_CURRENCY_SIGNS = frozenset("€$£¥₹")

_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
NUMBER_WORDS = {word: str(value) for value, word in enumerate(_SMALL_NUMBERS.split())}
NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozen": "12"})
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}
_SCALE.update({"trillion": 1e12})
# A number (not part of a longer dotted figure such as a date or version) or a word.
_NUMBER_TOKEN = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\d.]\d)|[^\W\d_]+")


def _words_of_tag(match: re.Match[str]) -> str:
    return " " + _CAMEL.sub(" ", match.group(1)).replace("_", " ") + " "


def _currency(match: re.Match[str]) -> str:
    scale = match.group(3) or ""
    return f"{match.group(2)}{scale} {_CURRENCY[match.group(1)].strip()}"


def normalize(text: str) -> str:
    """The text with noise removed and phrasing differences evened out; case is kept (names matter).

    Number words stay words here (``numbers`` and the analyser read them): rewriting them with a
    regular expression cost more than the rest of normalisation together. Each rewrite runs only when
    a cheap test says it can apply, since fact-check feeds run to 100,000 records.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = _EMOJI.sub(" ", text)
    if "/" in text or "www." in text:
        text = _URL.sub(" ", text)
    if "@" in text or "#" in text:
        text = _RETWEET.sub(" ", text)
        text = _HANDLE.sub(_words_of_tag, text)
    if text[:2].isupper():
        text = _DATELINE.sub("", text, count=1)
    if ":" in text or "!" in text or "|" in text or "-" in text:
        text = _MARKERS.sub("", text)
    if not _NO_QUOTES.isdisjoint(text):
        text = _QUOTES.sub(" ", text)
        text = _APOSTROPHE.sub("'", text)
    if "," in text or "'" in text or "\u202f" in text or "\xa0" in text:
        text = _THOUSANDS.sub("", text)
    if not _CURRENCY_SIGNS.isdisjoint(text):
        text = _CURRENCY_RE.sub(_currency, text)
    if "%" in text or "cent" in text:
        text = _PERCENT.sub(" percent", text)
    return " ".join(text.split())


def numbers(normalized: str) -> frozenset[float]:
    """Numeric values stated in normalised text, in digits or small number words, scaled by the word
    after them ("1.2 million" -> 1200000); years count as numbers."""
    found = set()
    tokens = _NUMBER_TOKEN.findall(normalized)
    for index, token in enumerate(tokens):
        if token[0].isdigit():
            value = float(token)
        elif (digits := NUMBER_WORDS.get(token.lower())) is not None:
            value = float(digits)
        else:
            continue
        if index + 1 < len(tokens):
            value *= _SCALE.get(tokens[index + 1].lower(), 1.0)
        found.add(round(value, 6))
    return frozenset(found)
