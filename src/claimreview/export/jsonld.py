"""JSON for schema.org ClaimReview markup: a guess at a speaker's type, and JSON safe inside HTML.

The markup itself is built from published reviews by ``claimreview.publish.claimreview`` (the site and
``export --format claimreview`` alike); claims nobody published are never written as ClaimReview.
"""

from __future__ import annotations

import re
from typing import Any

import orjson

_ORGANISATION_WORDS = frozenset(
    """
    observatory ministry agency group council committee army forces force news reuters interfax
    tass afp office department government police service services institute university bank
    organisation organization association union party press commission authority bureau court
    parliament command company corporation inc ltd plc foundation federation centre center
    coalition alliance board navy military guard embassy administration secretariat tribunal
    network agencies
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_WORD = re.compile(r"[^\W\d_]+|\d+")


def speaker_type(name: str) -> str:
    """``Organization`` when the name looks like one (a telling word, or an acronym such as UNHCR),
    else ``Person``. A guess from the name alone; people are the default."""
    words = _WORD.findall(name)
    if any(w.casefold() in _ORGANISATION_WORDS for w in words):
        return "Organization"
    letters = [w for w in words if w.isalpha()]
    shouting = len(letters) > 1 and all(w.isupper() for w in letters)  # "JOHN SMITH" is a person
    if not shouting and any(2 <= len(w) <= 6 and w.isupper() for w in letters):
        return "Organization"
    return "Person"


_INDENT_2 = orjson.OPT_INDENT_2


def pretty_json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, byte for byte, for what ClaimReview holds.

    Text, whole numbers, booleans, null, lists and objects come out identical (orjson escapes the
    same characters the same way); floats would differ only in exponent form (``1e-7``), and the
    markup has none.
    """
    return orjson.dumps(value, option=_INDENT_2).decode("utf-8")


def dumps_for_html(value: Any) -> str:
    """Pretty JSON that is also safe inside an HTML <script type="application/ld+json"> element."""
    data = orjson.dumps(value, option=_INDENT_2)
    # <, > and & occur only inside strings here, where \\u escapes mean the same characters.
    data = data.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")
    return data.decode("utf-8")
