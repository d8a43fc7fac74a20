"""People and organisations a text names without a reporting verb, for later pronouns and "the company".

A wire story names people before they speak ("Babic won 45.7 percent. He conceded ...") and
businesses as plain subjects ("Shares in SkyNord rose 8%, the company said"). These rules find
such mentions in one sentence; :mod:`attribution` keeps them in order and resolves pronouns and
descriptions against them. Also the dateline that opens a wire story ("KHERSON, Ukraine, Nov 14
(Wire) -"), which names a place and an agency, never a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from claimreview.extract.names import (
    ACRONYM,
    CAMEL,
    NOT_FIRST_NAMES,
    ORG_HEADS,
    ORG_WORDS,
    TITLES,
    is_body_head,
    is_nationality,
    is_org,
    is_placed,
    is_role,
    opens_with_title,
    singular,
)
from claimreview.extract.wordlist import words

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "CITY, Country, Month Day (Agency) -", "CITY (Agency) -", "CITY:": a capitalised place (its
# first word in capitals), optional region and date, optional agency, then a dash or colon.
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*"
    r"(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
    r"(?:,?\s+" + MONTHS + r"\s+\d{1,2}(?:,\s+\d{4})?)?"
    r"(?:\s*\([^()]{1,40}\))?\s*(?:[-–—]{1,2}|:)\s+"
)


def strip_dateline(sentence: str) -> str:
    """The sentence without a leading wire dateline (a single capital word like "WHO:" stays)."""
    m = DATELINE.match(sentence)
    if not m:
        return sentence
    words_ = m.group().split()
    # "WHO:" or "NATO:" labels a source; a one-word dateline with only a colon needs a longer place.
    if len(words_[0].strip(",:")) < 3 or (len(words_) == 1 and len(words_[0]) < 6):
        return sentence
    return sentence[m.end() :]


# A run of capitalised words (lowercase particles inside), each with a lowercase letter after its
# capital so acronyms and all-caps datelines are not people.
RUN = re.compile(
    # "DP World Australia", "SK Hynix": a body's name may open with its initials (not a parent's:
    # "US President X", "UN agencies").
    r"(?<![\w'’-])(?:(?!(?:US|UN|EU|UK|AU|UAE)\s)[A-Z]{2,5}\s+(?=[A-Z][a-z]))?[A-Z][a-z][\w'’-]*"
    r"(?:\s+(?:(?:al|el|bin|de|del|da|di|dos|du|le|la|van|von)\s+)?[A-Z][a-z][\w'’-]*){0,3}"
)
POSSESSIVE_TAIL = re.compile(r"['’]s?$")
# Before a run these make it a place or an employer, not a person ("of Nordea Markets").
PLACE_BEFORE = words("of at in from near to into across outside inside for on")
# Words that are never a person's first name: days, months and sentence-initial fillers.
NOT_PEOPLE = words("""
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december god north south east west central
    """)
# Gender cues before a name, for "he"/"she" when two people are candidates.
FEMALE_CUES = words("mrs ms miss madam dame queen princess spokeswoman chairwoman businesswoman actress")
MALE_CUES = words("mr sir king prince spokesman chairman businessman actor")
# First names that end in "a" and are men's (the "-a" rule below is a weak cue, used only to
# choose between two people).
MALE_A = words("""
    luca gianluca andrea nicola mattia elia nikita joshua ilya mustafa musa isa yahya kuba sasha
    akira costa
    """)


# "Japanese drugmaker Takeda", "Grid operator Red Electrica": lowercase words ending in a noun that
# describes the name after them; the capitalised word before them only modifies that noun.
DESCRIPTOR_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)\s+(?=[A-Z])")
# "Gulfshore Mutual, the state's third-largest home insurer, fell": an apposition naming a kind of body.
BODY_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+[^,;]{0,60}?\b([a-z]+),")


# Plural nouns after a nationality: currencies, people ("Swiss francs", "Thai workers").
NOUN_AFTER_NATIONALITY = (
    "francs",
    "crowns",
    "dollars",
    "euros",
    "pounds",
    "kroner",
    "baht",
    "nationals",
    "citizens",
)
# A lowercase noun after a capitalised word: "Norwegian" in "the Norwegian airline" describes it.
ADJECTIVE_USE = re.compile(r"\s+[a-z]")


# A named tuple, not a frozen dataclass: one per speaker found, cheaper to make.
class Mention(NamedTuple):
    name: str
    org: bool
    gender: str  # "f", "m" from a title or pronoun; "f?" from the first name alone; "" unknown


def gender_of(name: str, cue: str = "") -> str:
    cue = cue.lower().rstrip(".")
    if cue in FEMALE_CUES:
        return "f"
    if cue in MALE_CUES:
        return "m"
    first = name.split()[0].lower()
    if len(name.split()) > 1 and first.endswith("a") and first not in MALE_A:
        return "f?"
    return ""


def mentions(sentence: str, known_people: Callable[[str], str | None]) -> list[Mention]:
    """People and organisations named in ``sentence``, in order; the subject comes first.

    ``known_people``: surname -> full name of a person already met (or None), so "Babic won" is a person.
    """
    out: list[Mention] = []
    start = len(sentence) - len(sentence.lstrip())
    places: set[str] = set()  # "in Sydney, Melbourne and Perth": every name of the list is a place
    for m in RUN.finditer(sentence):
        described = DESCRIPTOR_AFTER.match(sentence, m.end())
        if described and (is_body_head(described.group(1)) or is_role(described.group(1))):
            continue  # "Japanese" in "Japanese drugmaker Takeda": the next run is the name
        tokens = [POSSESSIVE_TAIL.sub("", t) for t in m.group().split()]
        if len(tokens) == 1 and is_nationality(tokens[0]) and ADJECTIVE_USE.match(sentence, m.end()):
            before = sentence[max(0, m.start() - 4) : m.start()].lower().split()
            after = sentence[m.end() :].split(None, 1)[0].strip(",.")
            if (before and before[-1] in ("the", "a", "an")) or after.endswith(NOUN_AFTER_NATIONALITY):
                # "the Norwegian airline", "410 million Swiss francs": an adjective, not a body
                continue
        if is_placed(tokens[-1]):
            continue  # "San Francisco-based": where a body is; its name, if any, comes next
        based = len(tokens) > 1 and is_placed(tokens[0])
        if based:
            tokens = tokens[1:]  # "Boston-based Nutrova Therapeutics": a body, named after its base
        before = sentence[max(0, m.start() - 30) : m.start()].split()
        cue = before[-1] if before else ""
        if m.start() == start and len(tokens) >= 3:
            # "Reformist Jana Kral won": the opening word is capitalised because it opens.
            tokens = tokens[1:]
        # Titles and occupations in the run ("Judge Egle Rimkute", "Analyst Anna Lindgren").
        while len(tokens) > 1 and (
            tokens[0].lower() in TITLES or is_role(tokens[0]) or opens_with_title(tokens)
        ):
            cue = tokens[0]
            tokens = tokens[1:]
        if tokens[0].lower() in NOT_FIRST_NAMES or tokens[0].lower() in NOT_PEOPLE:
            tokens = tokens[1:]
            if not tokens:
                continue
        name = " ".join(tokens)
        lowered_cue = singular(cue.lower().strip(",.'’"))
        apposition = BODY_APPOSITION.match(sentence, m.end())
        if (
            based
            or is_org(tokens)
            or any(CAMEL.match(t) for t in tokens)
            or lowered_cue in ORG_WORDS
            or lowered_cue in ORG_HEADS
            or is_body_head(lowered_cue)
            or (apposition is not None and is_body_head(apposition.group(1)))
        ):
            out.append(Mention(name, True, ""))
        elif len(tokens) == 1:
            full = known_people(tokens[0])
            after_and = cue == "and" and len(before) > 1 and before[-2].rstrip(",") in places
            listed = cue.rstrip(",") in places or after_and
            if full is not None:
                out.append(Mention(full, False, gender_of(full, cue)))
            elif cue.lower() in PLACE_BEFORE or listed:
                places.add(name)
            elif m.start() > start and not ACRONYM.match(tokens[0]):
                # A single capitalised word inside a sentence: a business or a place, never a
                # person until a full name has been seen.
                out.append(Mention(name, True, ""))
        elif len(tokens) <= 3 and cue.lower() not in PLACE_BEFORE:
            out.append(Mention(name, False, gender_of(name, cue)))
    return out


# People a story does not name: "An aid worker at the camp, who ..., described ...", "A nurse in
# Gulu said". A later "she said" is that person, not someone named before.
UNNAMED_PERSON = re.compile(
    r"^\s*(?:An?|One)\s+(?P<np>(?:[a-z][\w-]*\s+){0,2}?(?P<head>[a-z]+)"
    r"(?:\s+(?:at|in|from|of|with|on)\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?)"
    r"(?=,|\s+(?:who|whose|[a-z]+ed|said|says|told|spoke)\b)"
)
# Unnamed people besides occupations (names.ROLES): "a mother of three", "an aid worker".
PEOPLE_NOUNS = words("""
    worker woman man mother father parent athlete runner player fan student driver passenger patient
    employee shopkeeper vendor villager neighbour neighbor relative friend colleague guard soldier
    officer spokesman spokeswoman spokesperson source diplomat member
    """)
SHE = re.compile(r"\b(?:she|her)\b", re.IGNORECASE)
HE = re.compile(r"\b(?:he|his|him)\b", re.IGNORECASE)


def unnamed_subject(sentence: str) -> Mention | None:
    """The unnamed person a sentence opens with ("An aid worker at the camp, who ..."), as the
    phrase a fact-checker would write ("aid worker at the camp"), or None."""
    m = UNNAMED_PERSON.match(sentence) if sentence.lstrip()[:1] in "AO" else None
    if m is None:
        return None
    head = singular(m.group("head"))
    who = sentence[m.end() :].lstrip().startswith(("who ", "whose "))  # "An angler who ...": a person
    if not (is_role(head) or head in PEOPLE_NOUNS or who):
        return None
    gender = "f" if SHE.search(sentence) else "m" if HE.search(sentence) else ""
    return Mention(m.group("np"), False, gender)
