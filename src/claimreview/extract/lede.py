"""A lede's unnamed source that the story names a little later: "A federal appeals court on Monday
revived ..., saying ..." and in the next paragraph "Circuit Judge Ada Moreno, writing for the panel,
said"; "..., government scientists said" and then "The National Food Institute, which ..., said".

Wire copy opens with the source described and names it once the lede is done; a fact-checker
writes down the name. Only what the description allows is taken: a court or a judge becomes a
judge (or a court) named next, a spokesman a spokesman; scientists or officials of a government,
or "the country's nuclear watchdog", become a public body named next, never a person; "the
health ministry" only a body called a ministry. Anything else keeps the description as written:
a wrong name is worse than none. Pure rules for :mod:`attribution`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimreview.extract.names import KINDS_OF_BODY, PUBLIC_BODY_WORDS, singular
from claimreview.extract.wordlist import words

# How many attributed sentences the lede's source may be and how far on its name may come: the
# story's first few, and the first name given after it (a later one is someone else).
LEDE_SENTENCES = 3
NAMED_WITHIN = 3
# "A federal appeals court", "A U.S. judge", "an army spokesman": one unnamed source.
INDEFINITE = re.compile(r"^(?:[Aa]n?)\s+(?:[\w.'’-]+\s+){0,4}?(?P<head>[a-z]+)$")
# "the country's nuclear watchdog", "Ireland's data protection regulator": a public body described.
DEFINITE = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?:country|nation|state|province|region|city|county|territory|[A-Z][\w-]*)['’]s\s+)?"
    r"(?P<kind>(?:[a-z][\w-]*\s+){0,3})(?P<head>[a-z]+)$"
)
# A regulator is whichever public body the story names; an agency or a ministry is one so called.
OVERSEERS = words("regulator watchdog supervisor")
NAMED_BODIES = words("ministry agency authority institute office service commission inspectorate")
# "government scientists", "federal health officials": a group speaking for an institution.
GROUP = re.compile(r"^(?:[a-z][\w-]*\s+){1,2}(?P<head>[a-z]+)$")
# What each head can be named as: a court speaks through its judges.
NAMED_AS = {
    "court": words("court judge justice tribunal"),
    "tribunal": words("tribunal judge justice"),
    "judge": words("judge justice"),
    "justice": words("justice judge"),
    "prosecutor": words("prosecutor"),
    "spokesman": words("spokesman"),
    "spokeswoman": words("spokeswoman"),
    "spokesperson": words("spokesperson spokesman spokeswoman"),
}
GROUP_HEADS = words("""
    scientist researcher expert veterinarian vet official inspector investigator meteorologist
    forecaster seismologist epidemiologist
    """)
# Groups that work for an institution even without saying so ("officials" may be anyone's).
OFFICIAL_GROUPS = words("investigators inspectors")
# Modifiers that make a group an institution's ("government scientists", not "independent experts").
INSTITUTIONAL = words("""
    government federal state national regional provincial health public official ministry agency
    """)
# Bodies a group of an institution's staff speaks for: public bodies and research institutes.
INSTITUTION_WORDS = PUBLIC_BODY_WORDS | words("""
    institute institution survey centre center laboratory observatory council authority ministry
    """)


@dataclass(frozen=True, slots=True)
class LedeSource:
    """An unnamed source in a lede and what a later name must be to be it."""

    heads: frozenset[str]  # words the later speaker's title or description must hold
    body_only: bool  # only a named public body can be it (a group of its staff spoke)
    # What the description says the body deals in ("wildfire" in "the province's wildfire agency"):
    # a name holding one of these words is the body, whatever else its name says ("Alberta Wildfire").
    subject: frozenset[str] = frozenset()


def unnamed_lede(raw: str) -> LedeSource | None:
    """The lede's raw speaker phrase as a source the story may name later, or None."""
    m = INDEFINITE.match(raw)
    if m and m.group("head") in NAMED_AS:
        return LedeSource(NAMED_AS[m.group("head")], False)
    m = GROUP.match(raw)
    if m and singular(m.group("head")) in GROUP_HEADS and raw.split()[0] in INSTITUTIONAL:
        return LedeSource(frozenset(), True)
    if raw.lower() in OFFICIAL_GROUPS:
        return LedeSource(frozenset(), True)  # "investigators said", then the board is named
    m = DEFINITE.match(raw)
    if m and m.group("head") in OVERSEERS:
        return LedeSource(frozenset(), True)
    if m and m.group("head") in NAMED_BODIES:
        # "the disaster agency" may be named an Authority; "the health ministry" only a Ministry.
        head = m.group("head")
        kind = next((kind for kind in KINDS_OF_BODY if head in kind and head != "ministry"), frozenset())
        subject = frozenset(m.group("kind").split()) - INSTITUTIONAL
        return LedeSource(frozenset({head}) | (kind - {"ministry"}), True, subject)
    return None


def names_it(lede: LedeSource, speaker: str, org: bool, phrase: str) -> bool:
    """Whether a named speaker (introduced with the words ``phrase``) is the lede's source."""
    said = {singular(w.strip(",.").lower()) for w in f"{phrase} {speaker}".split()}
    if not lede.subject.isdisjoint(w.lower() for w in speaker.split()):
        return True  # "the province's wildfire agency" then "Alberta Wildfire said"
    if lede.body_only and not org:
        return False
    return not (lede.heads or INSTITUTION_WORDS).isdisjoint(said)
