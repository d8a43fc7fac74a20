"""Text normalisation for retrieval, fit for social posts and news sentences alike (pure).

What it removes carries no claim: links, ``pic.twitter.com`` stubs, retweet and "via" markers, news
datelines ("KESSEL, Jan 22 (Northwind) -"), quote marks and emoji. What it rewrites helps two phrasings
of one claim meet: handles and hashtags become words (``#FluJabsKill`` -> "flu jabs kill"), digit groups
lose their separators, small number words become digits, currency signs become words and "per cent"
becomes "percent". ``numbers`` gives the numeric values a text states, scaled ("1.2 million" ->
1200000), for the matcher's number-overlap feature.
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
_SPACE = re.compile(r"\s+")

_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
_NUMBER_WORDS = {word: str(value) for value, word in enumerate(_SMALL_NUMBERS.split())}
_NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozen": "12"})
_NUMBER_WORD_RE = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.I)
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}
_SCALE.update({"trillion": 1e12})
_NUMBER = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion|bn|mn|m|k)\b)?", re.I
)


def _words_of_tag(match: re.Match[str]) -> str:
    return " " + _CAMEL.sub(" ", match.group(1)).replace("_", " ") + " "


def _currency(match: re.Match[str]) -> str:
    scale = match.group(3) or ""
    return f"{match.group(2)}{scale} {_CURRENCY[match.group(1)].strip()}"


def normalize(text: str) -> str:
    """The text with noise removed and phrasing differences evened out; case is kept (names matter)."""
    text = unicodedata.normalize("NFKC", text)
    text = _URL.sub(" ", text)
    text = _RETWEET.sub(" ", text)
    text = _DATELINE.sub("", text, count=1)
    text = _MARKERS.sub("", text)
    text = _HANDLE.sub(_words_of_tag, text)
    text = _EMOJI.sub(" ", text)
    text = _QUOTES.sub(" ", text)
    text = _APOSTROPHE.sub("'", text)
    text = _THOUSANDS.sub("", text)
    text = _CURRENCY_RE.sub(_currency, text)
    text = _PERCENT.sub(" percent", text)
    text = _NUMBER_WORD_RE.sub(lambda m: _NUMBER_WORDS[m.group(1).lower()], text)
    return _SPACE.sub(" ", text).strip()


def numbers(normalized: str) -> frozenset[float]:
    """Numeric values stated in normalised text, scaled by the word after them; years count as numbers."""
    found = set()
    for match in _NUMBER.finditer(normalized):
        value = float(match.group(1))
        scale = match.group(2)
        if scale:
            value *= _SCALE[scale.lower()]
        found.add(round(value, 6))
    return frozenset(found)
