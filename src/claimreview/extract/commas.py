"""Commas inside a speaker's phrase: a body's name that holds one ("the Ministry of Trade, Industry
and Fisheries"), and which of two comma-separated parts names the speaker ("The agency's envoy in
Chad, Dr. Ana Silva,"). Pure string rules for :mod:`sources`.
"""

from __future__ import annotations

import re

from claimreview.extract.names import ARTICLES, trailing_name
from claimreview.extract.subjects import PLACE_LINKS

# A body's name with a comma in it: "Ministry of X, Y and Z", "Department for X, Y and Z".
# "A spokesperson for the Department for X, Y and Z": whoever speaks for it stays in front.
COMMA_NAME_HEAD = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he)\s+[a-z]+\s+for\s+)?"
    r"(?:\b[Tt]he\s+)?[A-Z][\w'’-]*\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*$"
)
COMMA_NAME_TAIL = re.compile(
    r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$"
)
PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
# Before a place's or a body's name: "envoy to Peru", "head of the port near Suakin".
BEFORE_PLACE = PLACE_LINKS | frozenset({"to", "near"})


def last_name_part(segments: list[str]) -> str:
    """The last comma-separated segment, with the start of a body's name it completes
    ("... the Ministry of Agriculture", "Animal Industry and Fisheries")."""
    last = segments[-1]
    # The tail's anchored match first: it rules most phrases out at their first word.
    if len(segments) > 1 and COMMA_NAME_TAIL.match(last) and (head := COMMA_NAME_HEAD.search(segments[-2])):
        return f"{head.group()}, {last}"
    return last


def join_comma_names(parts: list[str]) -> list[str]:
    """ "The Ministry of Trade", "Industry and Fisheries" -> one part: a body's name with a comma."""
    joined = parts[:1]
    for part in parts[1:]:
        if COMMA_NAME_TAIL.match(part) and COMMA_NAME_HEAD.search(joined[-1]):
            joined[-1] = f"{joined[-1]}, {part}"
        else:
            joined.append(part)
    return joined


def name_is_place(phrase: str) -> bool:
    """The capitalised words ending ``phrase`` follow "in/of/at ...": a place or body, not the speaker."""
    tokens = PARENTHETICAL.sub("", phrase).split()
    at = len(tokens) - len(trailing_name(tokens))
    while at > 0 and tokens[at - 1] in ARTICLES:
        at -= 1
    return at > 0 and tokens[at - 1] in BEFORE_PLACE
