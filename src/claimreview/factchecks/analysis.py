"""Words to index: normalised, lower-cased, stop words dropped, stemmed in the text's language (pure).

Stemmers come from PyStemmer (Snowball) and stop-word lists from bm25s, both per language; a language
neither knows is split into words only. ``guess_language`` picks, among the languages an index holds,
the one whose stop words a text uses most: a cheap and sufficient signal for claims, which are whole
sentences.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from bm25s import stopwords as bm25s_stopwords

from claimreview.factchecks.normalize import NUMBER_WORDS, normalize

DEFAULT_LANGUAGE = "en"

_SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "eu": "basque", "fi": "finnish", "fr": "french", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "it": "italian", "lt": "lithuanian", "nl": "dutch",
    "no": "norwegian", "nb": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian",
    "sr": "serbian", "sv": "swedish", "ta": "tamil", "tr": "turkish", "ga": "irish", "ne": "nepali",
    "fa": "persian", "hy": "armenian", "et": "estonian", "pl": "polish",
}  # fmt: skip
_STOPWORDS = {
    "en": bm25s_stopwords.STOPWORDS_EN, "de": bm25s_stopwords.STOPWORDS_GERMAN,
    "nl": bm25s_stopwords.STOPWORDS_DUTCH, "fr": bm25s_stopwords.STOPWORDS_FRENCH,
    "es": bm25s_stopwords.STOPWORDS_SPANISH, "pt": bm25s_stopwords.STOPWORDS_PORTUGUESE,
    "it": bm25s_stopwords.STOPWORDS_ITALIAN, "ru": bm25s_stopwords.STOPWORDS_RUSSIAN,
    "sv": bm25s_stopwords.STOPWORDS_SWEDISH, "no": bm25s_stopwords.STOPWORDS_NORWEGIAN,
    "da": bm25s_stopwords.STOPWORDS_DANISH, "tr": bm25s_stopwords.STOPWORDS_TURKISH,
}  # fmt: skip
# Words that frame a claim without being its content: reporting verbs and fact-check vocabulary
# ("Fact check: no, ..."), which would otherwise make every headline resemble every other.
_FRAMING_WORDS = (
    "say said says claim claims claimed post posts posted viral video photo image shows show shown "
    "fact check checked false true misleading mostly no yes social media users user online "
    "according reportedly report reports reported told tell tells does did do doesn't didn't"
)
_FRAMING_EN = frozenset(_FRAMING_WORDS.split())
_WORD = re.compile(r"\w+")


def primary(tag: str | None) -> str:
    """The language subtag of a BCP 47 tag ("pt-BR" -> "pt"); the default language when none."""
    if not tag:
        return DEFAULT_LANGUAGE
    return tag.split("-", 1)[0].lower() or DEFAULT_LANGUAGE


@lru_cache(maxsize=64)
def _stemmer(lang: str) -> Stemmer.Stemmer | None:
    name = _SNOWBALL.get(lang)
    return Stemmer.Stemmer(name) if name else None


@lru_cache(maxsize=64)
def stopwords(lang: str) -> frozenset[str]:
    words = frozenset(_STOPWORDS.get(lang, ()))
    return words | _FRAMING_EN if lang == "en" else words


def words(text: str) -> list[str]:
    """Normalised, lower-cased words of a text, stop words kept (for language guessing)."""
    return words_of_normal(normalize(text))


def words_of_normal(normal: str) -> list[str]:
    """``words`` of text that ``normalize`` has already seen; small number words become digits."""
    return [NUMBER_WORDS.get(w, w) for w in _WORD.findall(normal.casefold())]


def terms(text: str, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """Index terms of a text, in order: content words, stemmed in ``lang``."""
    return terms_of_words(words(text), lang)


def terms_of_words(tokens: list[str], lang: str) -> list[str]:
    stop = stopwords(lang)
    kept = [w for w in tokens if w not in stop and (len(w) > 1 or w.isdigit())]
    stemmer = _stemmer(lang)
    return stemmer.stemWords(kept) if stemmer is not None else kept


def guess_language(tokens: list[str], candidates: frozenset[str]) -> str:
    """The candidate language whose stop words occur most among ``tokens``; ties go to the default."""
    best, best_hits = DEFAULT_LANGUAGE, 0
    for lang in sorted(candidates):
        stop = _STOPWORDS.get(lang)
        if not stop:
            continue
        hits = sum(1 for w in tokens if w in stop)
        if hits > best_hits or (hits == best_hits and lang == DEFAULT_LANGUAGE):
            best, best_hits = lang, hits
    return best
