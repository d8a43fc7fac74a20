"""A speaker phrase that is a pronoun's possession: "Its statement said", "Its annual report said"
(the body named before speaks through them) and "Her campaign said" (the campaign of the woman
named before, written with her surname as the story calls her).

Pure string rules for :mod:`sources` (such a work is a source when it says something) and
:mod:`attribution` (which resolves the pronoun).
"""

from __future__ import annotations

import re

from claimreview.extract.wordlist import words

# The pronoun a possessive stands for.
OWNER_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
# What a body or a person says things in: the owner is the speaker.
WORKS = words("""
    statement statements report reports filing filings letter letters website release note notes
    submission submissions response reply announcement notice bulletin update accounts ruling
    judgment judgement decision order verdict memo email post newsletter newsletters blog magazine
    """)
# A body's own staff: "Its researchers found" is the body's finding.
STAFF = words("researchers scientists experts staff inspectors engineers analysts economists")
# What speaks for a person: the speaker is "Surname's campaign", as a story writes it.
SPEAKS_FOR = words("campaign office lawyers lawyer team family spokesman spokeswoman spokesperson")
# "Its annual report", "Its latest statement", "Their joint statement".
OWNED = re.compile(
    r"^(?P<owner>[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?P<rest>(?:[a-z][\w-]*\s+){0,2}(?P<head>[a-z]+))$"
)


# "A statement on its website", "a post on their Telegram channel": the pronoun's work too.
PLACED_WORK = re.compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w-]*\s+)?(?P<head>[a-z]+)\s+(?:on|in|from)\s+"
    r"(?P<owner>its|their|his|her)(?:\s+[\w'’-]+){0,3}$"
)


def _has_owner(phrase: str) -> bool:
    # Most speaker phrases hold no possessive pronoun: say so without a regex.
    lowered = phrase.lower()
    return "its " in lowered or "their " in lowered or "his " in lowered or "her " in lowered


def owned_work(phrase: str) -> bool:
    """ "Its annual report": a possessive pronoun's work, which can say something."""
    if not _has_owner(phrase):
        return False
    m = OWNED.match(phrase)
    return m is not None and m.group("head") in WORKS


def pronoun_owned(phrase: str) -> tuple[str, str, bool] | None:
    """(pronoun, what is owned, whether the owner speaks through it) for "Its statement" (or "A
    statement on its website") -> ("it", "statement", True) and "Her campaign" -> ("she",
    "campaign", False); None otherwise."""
    if not _has_owner(phrase):
        return None
    placed = PLACED_WORK.match(phrase)
    if placed is not None and placed.group("head") in WORKS:
        return OWNER_PRONOUNS[placed.group("owner").lower()], placed.group("head"), True
    m = OWNED.match(phrase)
    if m is None:
        return None
    head = m.group("head")
    if head in WORKS or (head in STAFF and m.group("owner").lower() in ("its", "their")):
        return OWNER_PRONOUNS[m.group("owner").lower()], m.group("rest"), True
    if head in SPEAKS_FOR and m.group("rest") == head:
        return OWNER_PRONOUNS[m.group("owner").lower()], head, False
    return None


def speaking_for(person: str, what: str) -> str:
    """ "Marta Vidal", "campaign" -> "Vidal's campaign"."""
    return f"{person.split()[-1]}'s {what}"


# An office that speaks for its body when no holder is named: "The commission's chairman said".
OFFICERS = words("""
    spokesman spokeswoman spokesperson chairman chairwoman chair head chief executive director
    president secretary-general leader boss ceo commissioner
    """)
BODY_OWNER = re.compile(r"^(?P<body>[a-z][\w-]*)['’]s$")


def officer_of(tokens: list[str]) -> str | None:
    """["commission's", "chairman"] -> "the commission": an office of a body written with a common
    noun (not "Reuters' chief"), no holder named in the phrase. The caller looks the body up."""
    if len(tokens) < 2 or any(t.lower() not in OFFICERS for t in tokens[1:]):
        return None
    owner = BODY_OWNER.match(tokens[0])
    return f"the {owner['body']}" if owner else None
