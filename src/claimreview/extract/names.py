"""Noun phrases that name a speaker: capitalised names, titles, organisations and the generic
heads ("the agency", "the spokesman") that point back to a source named earlier.

Pure string work on token lists, shared by :mod:`sources` (finding the phrase) and
:mod:`attribution` (resolving it to a speaker).
"""

from __future__ import annotations

import re

from claimreview.extract.wordlist import words

# Acronyms of organisations are written in capitals; "WHO" is not the pronoun "who".
ACRONYM = re.compile(r"^[A-Z]{2,}$")
# "SkyNord", "PayPal": a capital inside a word marks a brand, except in surnames ("McAdam").
CAMEL = re.compile(r"^(?!Mc|Mac|De|Di|La|Le|Van|Von)[A-Z][a-z]+[A-Z]")
POSSESSIVE = re.compile(r"['’]s?$")
ARTICLES = frozenset({"the", "a", "an"})
ELISIONS = frozenset({"d'", "d’", "l'", "l’"})
# Lowercase words allowed inside a name between capitalised ones: "Jaish al Islam".
NAME_CONNECTORS = words("al el bin ibn bint abu de del della der des di da dos du la le van von of for and y")
# Dropped from the front of a name: "Foreign Minister Jane Roe" -> "Jane Roe".
TITLES = words("""
    president minister prime general gen gen. lieutenant lt lt. colonel col col. major maj captain
    capt dr dr. mr mr. mrs mrs. ms ms. professor prof prof. senator sen sen. governor gov gov. mayor
    judge justice chief sheikh imam pope king queen prince sir rev rev. ambassador secretary
    commissioner chancellor spokesman spokeswoman spokesperson inspector superintendent sgt sgt.
    sergeant brigadier admiral commander director chairman chairwoman ceo deputy
    mp mep mla datuk datin dato seri sri tun haji hajjah shri smt dean bishop archbishop cardinal rabbi
    pastor reverend prosecutor magistrate sheriff coroner ombudsman officer constable coordinator
    director-general secretary-general attorney-general auditor-general surgeon-general
    inspector-general governor-general solicitor-general vice-president vice-chancellor
    """)
ORG_WORDS = words("""
    observatory ministry agency army forces force staff council committee police government monitor
    office company group organisation organization union party commission authority authorities
    department bank institute university court news association federation coalition alliance
    front brigade brigades movement service services network board fund programme program
    ltd inc corp plc llc society foundation trust centre center crescent cross church league club
    media press tv radio broadcaster times post herald daily reuters interfax afp ap tass xinhua
    air airline airlines airways coal oil gas energy mining motors list initiative militia index
    census assembly parliament congress senate treasury opposition unions lancet journal chamber
    college school hospital clinic institution defence defense protection administration guard
    coastguard directorate inspectorate secretariat bureau tribunal shipyard museum gallery library
    archive orchestra theatre exchange bourse academy academies
    telekom telecom telecoms systems holdings technologies pharma therapeutics logistics ratings
    securities industries insurance
    """)
# Bodies people visit: "a volunteer at the museum" is a passer-by, not an office.
VENUES = words("museum gallery library archive orchestra theatre")
# Capitalised joining words inside an organisation's name ("Doctors Without Borders").
ORG_CONNECTORS = words("Without For Of And")
# Capitalised words that precede a surname without being a first name ("The Jensen plan").
NOT_FIRST_NAMES = words("the a an but and of for in on at by to from with as if mr mrs ms dr said says told")
# Generic heads that, after "the", point back to a source already named.
PERSON_HEADS = words("""
    spokesman spokeswoman spokesperson official minister general commander governor mayor premier
    president chairman chairwoman chair director chief negotiator head leader secretary
    """)
ORG_HEADS = words("""
    group monitor ministry agency organisation organization army military observatory authority
    council service company airline institute commission report study survey firm operator
    carmaker lender insurer retailer manufacturer producer developer charity regulator utility
    automaker drugmaker reinsurer provider carrier shipowner modeller supplier miner watchdog
    channel broadcaster newspaper station exchange platform startup broker chain yard shipyard bourse
    body panel steelmaker chipmaker planemaker toymaker brewer refiner shipbuilder housebuilder
    homebuilder grocer giant conglomerate club bank
    """)
# Heads that name a kind of business: "the company said" may point to the subject of its own
# sentence ("Halvorsen Motors will cut 1,200 jobs, the company said").
BUSINESS_HEADS = words("""
    company firm operator carmaker lender insurer retailer manufacturer producer developer airline
    group utility automaker drugmaker reinsurer provider carrier shipowner modeller supplier miner
    exchange platform startup broker chain bourse steelmaker chipmaker planemaker toymaker brewer
    refiner shipbuilder housebuilder homebuilder grocer giant conglomerate
    """)
# Nouns for a kind of business or body written before its name like a title ("Operator Kansai
# Electric Power", "Insurer Allianz"); unlike "Union" or "Bank" they never open a name themselves.
DESCRIPTOR_HEADS = ORG_HEADS - ORG_WORDS - words("military report study survey")
# A person head that any source of that kind can carry; the others are offices ("the mayor")
# and point back only to a mention holding that word.
ANY_PERSON_HEADS = words("spokesman spokeswoman spokesperson official")
# Occupations written before a name like a title ("Epidemiologist Carlos Iturbe said").
ROLES = words("""
    economist analyst researcher scientist lawyer attorney professor doctor nurse engineer historian
    physician surgeon teacher farmer activist campaigner author coach manager investor trader banker
    founder executive chief official officer expert consultant adviser advisor strategist
    meteorologist geologist seismologist virologist epidemiologist climatologist biologist
    volunteer resident witness survivor councillor councilor lawmaker legislator candidate leader
    premier referee umpire striker goalkeeper midfielder defender captain skipper jockey trainer
    cyclist sprinter swimmer boxer golfer detective constable investigator firefighter paramedic
    pilot astronaut ranger warden curator architect novelist
    """)
ROLE_SUFFIXES = ("ologist", "ician")
# People met in the street: their quoted words are colour unless they carry a figure.
LAY_ROLES = words("""
    farmer volunteer resident witness survivor trader teacher nurse skipper jockey cyclist sprinter
    swimmer boxer golfer striker goalkeeper midfielder defender firefighter paramedic pilot novelist
    architect
    """)
NAME_WORD = re.compile(r"\w+")
# Inside a capitalised run, these join a person to the body they belong to ("Carlos Iturbe of
# the National Institute of Health"); the speaker is the person.
AFFILIATION = words("of at from")


def singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


CALENDAR = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May"
    r"|June|July|August|September|October|November|December)\b"
)


def named_with_head(head: str, text: str) -> str | None:
    """The capitalised name in ``text`` ending in ``head`` ("European Medicines Agency")."""
    if head.capitalize() not in text:
        return None
    m = re.search(
        # "9th U.S. Circuit Court of Appeals": an ordinal and initials are part of the name.
        r"((?:\d{1,3}(?:st|nd|rd|th)\s+)?(?:[A-Z][\w.'’&-]*\s+(?:(?:of|for|and|on)\s+)?){1,6})"
        + re.escape(head.capitalize())
        # "Court of Arbitration for Sport", not "... on Friday": a weekday or month is no name.
        + r"\b((?:\s+(?:of|for|on)(?:\s+the)?(?:\s+(?!"
        + CALENDAR
        + r")[A-Z][\w'’-]*)+)*)",
        text,
    )
    if not m:
        return named_from_head(head, text)
    if head in TITLES and re.match(r"\s+[A-Z]", text[m.end() :]):
        return None  # "Finance Minister Jane Roe": an office before a name, not a name
    words_ = (m.group(1) + head.capitalize() + m.group(2)).split()
    while words_ and words_[0].lower() in ARTICLES:
        words_ = words_[1:]
    return " ".join(words_) if len(words_) > 1 else None


def named_from_head(head: str, text: str) -> str | None:
    """The name in ``text`` that starts with ``head`` ("Region Zealand" for "the region"); never for
    an office or title ("the minister" is not "Minister Jane Roe")."""
    if head in TITLES or head in PERSON_HEADS:
        return None
    m = re.search(
        r"(?<![\w.'’-])" + re.escape(head.capitalize()) + r"(?:\s+(?!" + CALENDAR + r")[A-Z][\w'’-]*){1,3}",
        text,
    )
    return m.group() if m else None


# "-maker" names a business ("the steelmaker"), except for these people.
MAKERS_OF_PEOPLE = words("lawmaker policymaker filmmaker peacemaker kingmaker dealmaker playmaker matchmaker")


def is_body_head(word: str) -> bool:
    """A noun that describes an organisation before or after its name ("drugmaker", "charity")."""
    word = singular(word.lower().strip(",.'’"))
    return word in ORG_HEADS or word in ORG_WORDS or (word.endswith("maker") and word not in MAKERS_OF_PEOPLE)


# "Boston-based", "Cyprus-registered", "Oslo-listed": where a body is, not part of its name; nor is
# who owns or backs it ("State-owned Hidroelectrica", "Kremlin-backed Rossiya Bank").
PLACED = (
    *("-based", "-registered", "-listed", "-headquartered"),
    *("-owned", "-run", "-backed", "-controlled", "-funded"),
)


def is_placed(token: str) -> bool:
    return token.endswith(PLACED)


def join_placed(tokens: list[str]) -> list[str]:
    """ "The San Francisco-based company" -> "The", "San-Francisco-based", "company": a place of
    several words before "-based" is one descriptor, like "Britain-based"."""
    if not any("-" in t for t in tokens):
        return tokens
    at = next((i for i, t in enumerate(tokens) if i and is_placed(t)), 0)
    start = at
    while start > 0 and tokens[start - 1][:1].isupper() and tokens[start - 1].lower() not in ARTICLES:
        start -= 1
    return tokens if start == at else [*tokens[:start], "-".join(tokens[start : at + 1]), *tokens[at + 1 :]]


def is_generic(token: str) -> bool:
    # "Britain-based" describes rather than names, so "the Britain-based war monitor" is generic.
    return token[0].islower() or is_placed(token)


def is_org(name: list[str]) -> bool:
    return any(
        t.lower() in ORG_WORDS
        or ACRONYM.match(t)
        or CAMEL.match(t)
        # "Directorate-General of Health": a body's word inside a hyphenated one
        or ("-" in t and not ORG_WORDS.isdisjoint(t.lower().split("-")))
        for t in name
    ) or any(t in ORG_CONNECTORS or t == "&" for t in name[1:-1])  # "Pratt & Whitney"


# Bodies named with the place they sit in ("Maritime Office in Gdynia").
SEATED_BODIES = words("office embassy consulate mission delegation bureau representation")


def drop_seat(tokens: list[str]) -> list[str]:
    """ "The Kandilli Observatory in Istanbul" -> "The Kandilli Observatory": where a named body sits
    is not its name (unless the body is known by its seat, "Maritime Office in Gdynia")."""
    if "in" not in tokens[2:-1]:
        return tokens
    at = len(tokens) - 1 - tokens[::-1].index("in")
    before, after = tokens[:at], tokens[at + 1 :]
    if not all(t[:1].isupper() for t in after):
        return tokens
    name = trailing_name(before)
    if "for" in name or "and" in name:
        return tokens  # "Organization for Security and Co-operation in Europe": one formal name
    if name and is_org(name) and before[-1].lower() not in SEATED_BODIES:
        return before
    if before[-1].islower() and before[-1] in ORG_WORDS | SEATED_BODIES and trailing_name(before[:-1]):
        return before[:-1]  # "the World Bank office in Kyiv": the World Bank, not Kyiv
    return tokens


# A group named for what it asks ("Save the Children", "Stop the Incinerator", "Free the Press").
CAMPAIGN_VERBS = frozenset({"Save", "Stop", "Protect", "Keep", "Free", "Defend", "End", "Fight"})


def trailing_name(tokens: list[str]) -> list[str]:
    """The run of capitalised tokens (with connectors like "al", "for") ending the phrase."""
    i = len(tokens)
    while i > 0:
        tok = tokens[i - 1]
        if (
            tok[0].isupper()
            or (tok[:2] in ELISIONS and tok[2:3].isupper())  # "Conseil des Vins d'Alsace"
            or (
                # "Institute for Research on Glaciers": "on" joins a body's name as "for" does, and
                # "&" a firm's ("Pratt & Whitney")
                (tok in NAME_CONNECTORS or tok in AFFILIATION or tok in ("on", "&"))
                and i < len(tokens)
                and i >= 2
                and tokens[i - 2][0].isupper()
            )
            or (
                # "Maritime Office in Gdynia", "U.S. Embassy in Moscow": a body known by its seat
                # and a formal name with "for" ("Council for Cooperation in Asia")
                tok == "in"
                and 2 <= i < len(tokens)
                and tokens[i - 2][0].isupper()
                and (tokens[i - 2].lower() in SEATED_BODIES or "for" in tokens[: i - 2])
            )
            or (
                # "Office for the Coordination of ...", "Citizens for a Better Environment"
                tok in ARTICLES
                and i < len(tokens)
                and i >= 3
                and tokens[i - 2] in ("of", "for", "at", "from")
                and tokens[i - 3][0].isupper()
            )
            or (
                # "Save the Tarnava", "Stop the Pylons": a campaign named for what it asks
                tok == "the"
                and 2 <= i < len(tokens)
                and tokens[i - 2] in CAMPAIGN_VERBS
            )
        ):
            i -= 1
        else:
            break
    name = tokens[i:]
    # "Abu Khalil" keeps its capitalised "Abu"; "al Islam" alone loses "al".
    while name and (name[0].lower() in ARTICLES or name[0] in NAME_CONNECTORS):
        name = name[1:]
    return name


def is_role(token: str) -> bool:
    lowered = token.lower()
    return lowered in TITLES or lowered in ROLES or lowered.endswith(ROLE_SUFFIXES)


def is_official(text: str) -> bool:
    """The words name an office, a role or an organisation ("Mayor Ivo Petrak", "union leader X"),
    not a passer-by ("trader Mercy Achieng, who sells phones")."""
    return any(
        ((w in ROLES or w.endswith(ROLE_SUFFIXES)) and w not in LAY_ROLES)
        or w in TITLES
        or w in PERSON_HEADS
        or (w in ORG_WORDS and w not in VENUES)
        or w in ORG_HEADS
        for w in (singular(t.lower()) for t in NAME_WORD.findall(text))
    )


def holds_office(text: str) -> bool:
    """The words name an office or a body ("Mayor X", "a ministry spokesman"), not only an
    occupation ("X, a consultant")."""
    return any(
        w in TITLES or w in PERSON_HEADS or (w in ORG_WORDS and w not in VENUES) or w in ORG_HEADS
        for w in (singular(t.lower()) for t in NAME_WORD.findall(text))
    )


def drop_affiliation(name: list[str]) -> list[str]:
    """ "Carlos Iturbe of the National Institute" -> "Carlos Iturbe"; organisations stay whole."""
    for i, tok in enumerate(name):
        if tok in AFFILIATION and i > 0:
            person = [t for t in name[:i] if not is_role(t)]
            # "of" also joins a place to its name ("Bank of England"): a first and last name
            # before it, or a body after it, make it an affiliation.
            # "Port of Rotterdam Authority": one word, "of" with no article, a body word last.
            one_body = tok == "of" and i == 1 and name[i + 1] != "the" and name[-1].lower() in ORG_WORDS
            if (
                person
                and not one_body
                and not is_org(name[:i])
                and (tok != "of" or len(person) >= 2 or is_org(name[i + 1 :]))
            ):
                return name[:i]
            return name
    return name


# Endings of occupations no word list holds, written before a name like a title ("Whistleblower
# Maya Lindt", "Campaign strategist X"): only the first of three words or more, as a name has two.
TITLE_ENDINGS = (
    "blower",
    "keeper",
    "holder",
    "leader",
    "worker",
    "writer",
    "seller",
    "dealer",
    "builder",
    "fighter",
    "player",
    "trainer",
    "manager",
    "officer",
    "director",
    "inspector",
    "operator",
    "controller",
    "ist",
    "eer",
    "ographer",
    "ician",
    "ologist",
)


def opens_with_title(name: list[str]) -> bool:
    """The first word of a name of three words or more is an occupation by its ending."""
    return len(name) >= 3 and name[0].lower().endswith(TITLE_ENDINGS) and all(t[:1].isupper() for t in name)


def strip_titles(name: list[str]) -> list[str]:
    last_title = -1
    for i, tok in enumerate(name):
        occupation = (i < len(name) - 1 and is_role(tok)) or (i == 0 and opens_with_title(name))
        if tok.lower() in TITLES or (occupation and not is_org(name)):
            last_title = i
    rest = name[last_title + 1 :]
    if rest and rest[0] in AFFILIATION:
        return name  # "Directorate General of Civil Aviation": a body's name, not a title
    return rest if rest else name


# "The Korean company", "the French union": a nationality describes, it does not name.
ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ian", "ch", "ic", "i")
# "The Governor", "The Commission", "The Board": capitalised, yet a description.
DESCRIPTION_WORDS = TITLES | PERSON_HEADS | ORG_HEADS | ORG_WORDS
# "the regulator/watchdog" is a public body, not the company it oversees.
OVERSEER_HEADS = frozenset({"regulator", "watchdog", "supervisor"})
PUBLIC_BODY_WORDS = words("""
    authority commission agency board council office directorate inspectorate ministry service bureau
    tribunal department administration
    """)
OWNER = re.compile(r"['’]s$")
# "Korea Aerospace Industries (KAI)": the capitalised run just before an acronym in brackets.
SPELLED_OUT = r"((?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|and|the|on|de|du|des)\s+)*){{1,8}})\(\s*{}\s*\)"


# Kinds of body a description can name: "the agency" can be "the civil defence" spoken of before,
# not "the electoral board"; "the club" is no "governing body". Bodies people join (clubs,
# parties, unions) and businesses are never another kind, named or not.
KINDS_OF_BODY = (
    words("""
        agency authority office service administration directorate inspectorate bureau department
        ministry defence defense protection guard coastguard regulator watchdog body
        """),
    words("institute observatory university centre center laboratory school college hospital clinic"),
    words("board commission council committee panel tribunal court assembly parliament congress senate"),
    words("campaign party union league club federation association coalition alliance movement"),
    BUSINESS_HEADS,
)
MEMBERSHIP = len(KINDS_OF_BODY) - 2
BUSINESS = len(KINDS_OF_BODY) - 1


def kind_of(words_: str) -> tuple[int, str] | None:
    """Which of :data:`KINDS_OF_BODY` the last kind word of ``words_`` names, and that word."""
    for word in reversed(words_.lower().split()):
        word = singular(word.strip(",.'’"))
        for i, kind in enumerate(KINDS_OF_BODY):
            if word in kind:
                return i, word
    return None


def other_kind(words_: str, head: str, *, named: bool) -> bool:
    """A source introduced with ``words_`` is not what the description's ``head`` names: their
    kinds differ (for a named source, only where one is a body people join, and a club is no
    federation)."""
    kind, wanted = kind_of(words_), kind_of(head)
    if kind is None or wanted is None:
        return False
    if MEMBERSHIP in (kind[0], wanted[0]):
        return kind[1] != wanted[1]
    if BUSINESS in (kind[0], wanted[0]):
        return kind[0] != wanted[0]  # "the company" is not the agency that prosecuted it
    return not named and kind[0] != wanted[0]


def is_acronym_word(token: str) -> bool:
    # "RTÜK" and "KAI"; "US" and "UN" too, which are never spelled out before "(US)".
    return len(token) >= 2 and token.isupper() and token.isalpha()


# Nationalities without those endings ("Swiss francs", "a Greek national").
IRREGULAR_NATIONALITIES = words("swiss thai greek welsh scots basque maltese lao")


def is_nationality(token: str) -> bool:
    return (
        token[:1].isupper()
        and (token.lower().endswith(ADJECTIVE_ENDINGS) or token.lower() in IRREGULAR_NATIONALITIES)
        and not is_acronym_word(token)
    )


def stem_in(word: str, heads: frozenset[str]) -> bool:
    # "korean" in "Korea Aerospace Industries", "space" in "Indian Space Research Organisation".
    return word in heads or any(len(h) >= 4 and word.startswith(h) for h in heads)


# Acronyms of a body's parent, not of the body: "the UN refugee agency" is not the UN.
PARENT_ACRONYMS = frozenset({"UN", "EU", "US", "UK", "AU", "USA", "UAE"})


def acronym_with_kind(tokens: list[str]) -> str | None:
    """["VDA", "automotive", "industry", "association"] -> "VDA": a body's acronym, then what kind
    of body it is in lower case; the acronym is its name. ("The CGT union" stays whole, as the
    eval sets write a union.)"""
    if len(tokens) < 2 or not is_acronym_word(tokens[0]) or tokens[0] in PARENT_ACRONYMS:
        return None
    if not is_body_head(tokens[-1]) or singular(tokens[-1].lower()) == "union":
        return None
    return tokens[0] if all(t[:1].islower() for t in tokens[1:]) else None
