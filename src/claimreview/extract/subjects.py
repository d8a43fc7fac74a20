"""The subject of a clause as a speaker phrase: who opens "X ordered an inquiry and said ...", and
whose study it is in "A review by X published last year found that ...".

Pure string rules shared by :mod:`sources`; they return raw phrases that :mod:`sources` cleans.
"""

from __future__ import annotations

import re

from claimreview.extract.names import (
    ORG_HEADS,
    ORG_WORDS,
    PERSON_HEADS,
    ROLES,
    TITLES,
    singular,
    trailing_name,
)
from claimreview.extract.owned import WORKS
from claimreview.extract.wordlist import words

# "according to figures from X", "A study by X", "Research led by X": the source is X, not the work.
DATA_FROM = re.compile(
    r"^(?:(?:the|a|an|its|their|new|latest|official|preliminary|provisional|final|initial|recent"
    r"|early|annual|monthly|weekly|daily|government|police|independent|separate|joint"
    r"|(?:19|20)\d\d|(?-i:[a-z][a-z-]+))\s+)*"  # "an exit poll by X": any lowercase modifier
    r"(?:figures?|data|numbers?|statistics|estimates?|reports?|surveys?|tall(?:y|ies)|counts?"
    r"|results?|projections?|records?|documents?|calculations?|analys[ie]s|study|studies|polls?"
    r"|reviews?|audits?|research|papers?|assessments?|investigations?|inquiry|inquiries|findings?)"
    r"(?:\s+(?:released|published|compiled|issued|provided|gathered|collected|seen|obtained|led"
    r"|conducted|commissioned|carried\s+out|prepared|written|funded|done))?"
    r"\s+(?:from|by|of)\s+(?P<source>.+)$",
    re.IGNORECASE,
)
# "according to the AIU's list", "the ministry's latest figures": the owner is the source.
OWNED_WORK = re.compile(
    r"^(?P<source>(?:the\s+)?[^'’]{1,80}?)['’]s?\s+(?:(?:latest|own|new|official|annual|monthly|weekly"
    r"|daily|preliminary|provisional|final|initial|updated)\s+)*(?:lists?|figures?|data|counts?"
    r"|tall(?:y|ies)|estimates?|reports?|surveys?|statements?|statistics|records?|database|register"
    r"|calculations?|analys[ie]s|projections?|results?|websites?|site|dashboard|maps?)$",
    re.IGNORECASE,
)
# "a poll by Ipsos for public broadcaster NOS": who the work was made for is not its author.
CLIENT_TAIL = re.compile(r"\s+for\s+(?:the\s+|a\s+)?[a-z][\w-]*\s.*$")
# "a report by X published in December": what follows the source describes the report.
# "published Wednesday", "released yesterday": a day needs no preposition.
PARTICIPLE_TAIL = re.compile(
    r"\s+(?:[a-z]+ed|seen|shown|made|done|written|given|taken|drawn|due)\s+"
    r"(?:in|on|at|last|this|earlier|late|early|during|over|after|before|since|yesterday|today"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$"
)
# A work that states a finding; without an author ("a report published on Tuesday showed",
# "its latest accounts show") it is the reporter's statement, not a speaker.
WORK_NOUNS = words("""
    report reports study studies survey surveys review reviews audit audits research analysis
    analyses paper papers data figure figures statistics accounts poll polls assessment assessments
    investigation investigations inquiry inquiries findings result results estimate estimates
    record records document documents number numbers tally tallies count counts projection
    projections calculation calculations memo memos letter letters email emails draft drafts
    database databases tracker
    """)
INDEFINITE = words("""
    a an its their his her our new latest recent separate another this these earlier previous past
    other several many some official preliminary provisional final partial unofficial
    """)

# Unnamed sources that keep a place or body after them: "officials in the state of Brandenburg",
# "residents of the southern district of Usme". The phrase as written is the speaker.
GENERIC_SOURCES = words("""
    officials authorities residents witnesses rescuers medics doctors villagers investigators
    researchers scientists experts sources diplomats prosecutors lawmakers activists workers
    teams crews police farmers parents teachers nurses people organisers organizers locals
    observers monitors inspectors delegates representatives analysts economists engineers
    """)
# "A spokesperson for the Ministry of X": a source that speaks for a body, kept with it.
SPEAKS_FOR = words("spokesman spokeswoman spokesperson")
PLACE_LINKS = words("in of at from on for across near")
CLAUSE_OPENERS = words("who which that whose where when")

# Words a subject's name or description is made of (besides capitalised words).
POSSESSIVE_END = re.compile(r"['’]s?$")
NP_WORDS = ORG_WORDS | ORG_HEADS | PERSON_HEADS | TITLES | ROLES | GENERIC_SOURCES
# An adverbial opening a clause before its subject ("On Friday, X ...", "In a statement, X ...").
INTRO_WORDS = words("on in at after before during earlier later last speaking asked meanwhile separately")
SUBJECT_STOPS = words("a an the on in at to of for from with by this that these those its their his her")
# Past forms that end no "-ed" but can follow a subject ("X flew to the mine and told ...").
IRREGULAR_PAST = words("""
    flew met went took made gave held spoke wrote sent led won lost hit cut put set left came saw
    bought sold paid kept began ran rose fell drove brought thought found got stood sat told said
    is are was were has have had will would can could did does
    """)


def verb_like(word: str) -> bool:
    return word in IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed") and word not in NP_WORDS)


def with_place(tokens: list[str], end: int) -> int:
    """Where an unnamed source's phrase ends when a place follows it: "Residents | of the
    neighbouring town of Maizuru | have filed" -> after "Maizuru"; else ``end`` unchanged."""
    if not (0 < end < len(tokens)) or tokens[end] not in PLACE_LINKS:
        return end
    if tokens[end - 1].lower().strip(",") not in GENERIC_SOURCES:
        return end
    for i in range(end, len(tokens)):
        word = tokens[i].lower().strip(",")
        if tokens[i][:1].islower() and (verb_like(word) or word in CLAUSE_OPENERS):
            return i
        if tokens[i].endswith(","):
            return i + 1
    return len(tokens)


def clause_subject(clause: str) -> str | None:
    """The subject opening ``clause`` ("Shipping Minister Nikos Petridis suspended the licence and"
    -> "Shipping Minister Nikos Petridis"), or None when the clause does not open with one."""
    text = clause.strip()
    first = text.split(None, 1)[0].lower() if text else ""
    if first in INTRO_WORDS and ", " in text:
        text = text.split(", ", 1)[1]
    tokens = text.split()
    end = 0
    for i, tok in enumerate(tokens[:12]):
        word = tok.strip(",").lower()
        if word in ("of", "for") and end == i > 0 and tokens[i + 1 : i + 2] and tokens[i + 1][:1].isupper():
            continue  # "The National Bank of Hungary kept its rate ... and said": one name
        if i > 0 and tok[:1].islower() and (word in SUBJECT_STOPS or verb_like(word)):
            end = with_place(tokens, end) if end == i else end
            break
        # "The agency's director-general,": a possessive and a hyphenated title are the subject too.
        if tok[:1].isupper() or any(singular(POSSESSIVE_END.sub("", w)) in NP_WORDS for w in word.split("-")):
            end = i + 1
        if tok.endswith(","):
            break
    if end and tokens[end - 1].endswith(","):
        # "Zenbit's co-founder and chief executive, Leon Tay, apologised": the name in apposition.
        for stop in range(end + 1, min(end + 5, len(tokens) + 1)):
            if tokens[stop - 1].endswith(","):
                name = [t.strip(",") for t in tokens[end:stop]]
                if all(t[:1].isupper() for t in name):
                    return " ".join(name)
                break
    return " ".join(tokens[:end]) if end else None


PEOPLE_WORDS = PERSON_HEADS | ROLES | TITLES | frozenset(singular(w) for w in GENERIC_SOURCES)


# Works that carry a statement: a report's findings and a body's statement alike.
ANY_WORK = WORK_NOUNS | WORKS
# "the Mapping Police Violence database", "the World Bank report": a named owner, then the work.
NAMED_WORK = re.compile(
    r"^(?:[Tt]he\s+)?(?P<source>[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|on)\s+)?[A-Z][\w'’&.-]*)*)"
    r"\s+(?P<work>[a-z]+)$"
)


def unsigned_work(np: str) -> bool:
    """ "a statement", "a new report": a work nobody is named for."""
    tokens = np.lower().split()
    return 2 <= len(tokens) <= 4 and tokens[0] in ("a", "an") and tokens[-1] in ANY_WORK


def named_work_owner(np: str) -> str | None:
    """ "the X database" -> "X": whose work it is; None when the phrase is no such work."""
    m = NAMED_WORK.match(np.strip())
    return m.group("source") if m and m.group("work") in ANY_WORK else None


def work_source(np: str) -> str | None:
    """The author of a work named as a subject ("A review by X published last year" -> "X"); None for
    a work with no author ("a report published on Tuesday"); any other phrase unchanged."""
    if WORK_NOUNS.isdisjoint(np.lower().replace(",", " ").split()):
        return np  # most subjects: no work named at all, and the regexes below are not cheap
    data = DATA_FROM.match(np.strip())
    if data:
        source = CLIENT_TAIL.sub("", data.group("source"))
        return PARTICIPLE_TAIL.sub("", source) or None
    tokens = PARTICIPLE_TAIL.sub("", np).lower().split()
    # "Data presented at the X meeting showed": the work alone, nobody's statement; "A senior
    # official familiar with the investigation told": a person, whatever the phrase ends with.
    # ("official results": "official" describes the work, as it does not in "an official told")
    describing = INDEFINITE if len(tokens) == 2 else frozenset()
    person = any(singular(t) in PEOPLE_WORDS for t in tokens[:-1] if t not in describing)
    if tokens and tokens[-1] in WORK_NOUNS and (tokens[0] in INDEFINITE or len(tokens) == 1) and not person:
        return None
    return np


BODY_NOUNS = ORG_WORDS | ORG_HEADS  # built once: a union in the loop costs more than the loop


def said_in(word: str) -> bool:
    """A work something is said in ("a statement from X"), not a person."""
    return word in ANY_WORK


def unnamed_with_place(tokens: list[str], *, indefinite: bool = False) -> bool:
    """ "officials in the state of Brandenburg": an unnamed source whose place ends in a name;
    ``indefinite``: the phrase opened with "a"/"an", so any person is one ("a fisherman near X")."""
    for i, tok in enumerate(tokens):
        if tok in PLACE_LINKS:
            head = tokens[i - 1].lower() if i > 0 else ""
            # the words before the link are a description ("Health authorities"), not a name
            rest = tokens[1 : i - 1]
            # "a trader in Oslo" is a person met there, not Oslo.
            # "the emergency management bureau of the city of Dingxi": an office known by its place.
            office = tokens[i - 1][:1].islower() and tok == "of" and singular(head) in BODY_NOUNS
            generic = (
                head in GENERIC_SOURCES
                or head in ROLES
                or (head in SPEAKS_FOR and tok == "for")
                or office
                or (
                    indefinite
                    and tok != "of"
                    and tokens[i - 1].isalpha()
                    and tokens[i - 1].islower()
                    and not said_in(head)
                )
            )
            return generic and all(t[:1].islower() for t in rest)
    return False


def plural_people(phrase: str) -> bool:
    """ "Analysts at broker X", "government scientists": people a later "they" points back to."""
    tokens = phrase.lower().split()
    return bool(tokens) and (tokens[0] in GENERIC_SOURCES or tokens[-1] in GENERIC_SOURCES)


RELATIVE_SUBJECT = re.compile(r"(?P<before>[^,]+),\s+(?:which|who)$")


def relative_antecedent(clause: str) -> str | None:
    """ "made by supplier Kolon Energy, which" (before "said") -> "Kolon Energy": the relative
    pronoun's name speaks; "" when the clause ends so but names no one; None for other clauses."""
    relative = RELATIVE_SUBJECT.search(clause)
    if relative is None:
        return None
    return " ".join(trailing_name(relative.group("before").split()))
