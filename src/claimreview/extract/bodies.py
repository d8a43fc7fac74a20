"""How a text names and describes organisations: "Grid operator Red Electrica", "Calder Water, the
region's largest supplier,", "Shares of Hanul fell". Pure string rules for :mod:`attribution`,
which resolves "the company/firm/regulator said" with them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from claimreview.extract.mentions import DESCRIPTOR_AFTER, NOT_PEOPLE, mentions, strip_dateline
from claimreview.extract.names import NOT_FIRST_NAMES, POSSESSIVE, is_acronym_word, is_body_head, is_placed

# How many sentences back "the firm" looks for "dairy firm Zuivelhoeve".
DESCRIBED_REACH = 8
# "X, the national federation, said": the description after a speaker's name.
APPOSITION = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s+((?:the|a|an)\s+[^,;]{1,80}?)\s*,")
LEADING_APPOSITION = re.compile(r"\b((?:[Tt]he|[Aa]n?|[A-Z]\w*['’]s)\s+[^,;]{1,60}?),\s*$")
# "The public health agency recorded": a lowercase description of a body opening the sentence.
DESCRIBED_SUBJECT = re.compile(r"\s*[Tt]he\s+((?:[a-z][\w-]*\s+){0,3}([a-z]+))\s+[a-z]")
# A capitalised run of words (with inner connectors) opening a sentence: its subject's name.
NAME_RUN = re.compile(r"[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|de|du)\s+)?[A-Z][\w'’&.-]*)*")
# "X, the largest mine on the river, denied" / "X, which operated the flight, disputed".
SUBJECT_APPOSITION = re.compile(r",\s+(?:the|a|an|which|who|whose|its|one)\s+[^,;]{1,80}?,")
# "Shares in X", "Profits at X": a business's figures before its name.
MARKET_IN = re.compile(r"(?:Shares|Stocks?|Profits?|Sales|Revenues?|Earnings|Losses)\s+(?:in|at)\s+(?=[A-Z])")
# Subject names longer than this are headlines or lists, not a business's name.
MAX_SUBJECT_WORDS = 5


AFFILIATED = re.compile(r"\s(?:at|of|with|from|in|for)\s")
PLACE_PREPOSITIONS = frozenset({"in", "from", "near", "to", "into", "across", "over", "outside", "inside"})


KNOWN_AS_BEFORE = re.compile(r"(\w+),\s+(?:also\s+)?known\s+as\s+(?:the\s+)?$")


def described_phrase(masked: str, raw: str) -> tuple[str, bool]:
    """The speaker phrase with the descriptions around it, for a later "the federation said"
    ("Athletics Kenya, the national federation, said", "The vessel's owner, Aegean Star Shipping,
    said"), and whether a description names a kind of body ("federation")."""
    at = masked.find(raw) if "," in masked else -1  # every description is set off by a comma
    if at < 0:
        return raw, False
    words_ = [raw]
    body = False
    known = KNOWN_AS_BEFORE.search(masked, 0, at) if "known as" in masked else None
    if known is not None:
        # "The commission, known as Conagua, said": the description it is known by.
        words_.append(known.group(1))
        body = is_body_head(known.group(1))
    for description in (
        APPOSITION.match(masked, at + len(raw)),
        # "The vessel's owner, Aegean Star Shipping, said": the name set off on both sides; in
        # "The orchestra cancelled the tour, the union said" the clause before is no description.
        LEADING_APPOSITION.search(masked, 0, at)
        if masked[:at].rstrip().endswith(",") and masked[at + len(raw) :].lstrip().startswith(",")
        else None,
    ):
        if description:
            words_.append(description.group(1))
            # "a media law professor at Bilkent University" is a person: the head is before "at".
            head = AFFILIATED.split(description.group(1), 1)[0]
            body = body or is_body_head(head.rsplit(None, 1)[-1])
    return " ".join(words_), body


# "Lakeshore Health, which runs 14 hospitals,": a person is "who", a body "which".
WHICH_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s+which\b")
# "Rivemont said it would appeal", "X said on Monday its profit fell", "X said in a note on Monday
# that it expected": a body speaks of itself as "it".
SAID_IT = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:said|says|added|told\s+\w+)\s+(?:in\s+an?\s+(?:\w+\s+)?\w+\s+)?"
    r"(?:(?:on|last)\s+\w+\s+)?(?:that\s+)?(?:it|its)\b"
)


# "Autostrade Liguria, the company that runs the motorway,": an apposition whose head is a body's.
APPOSED_KIND = re.compile(r"\s*,\s+(?:the|a|an)\s+((?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)\b")


def speaks_as_body(masked: str, raw: str) -> bool:
    """The sentence treats the speaker ``raw`` as a body: "X, which ..., said", "X said it would",
    "X, the company that runs ..., said"."""
    if " which " not in masked and " it" not in masked and ", the " not in masked and ", a" not in masked:
        return False  # most sentences: no cue, no search needed
    at = masked.find(raw)
    if at < 0:
        return False
    end = at + len(raw)
    if WHICH_AFTER.match(masked, end) is not None or SAID_IT.match(masked, end) is not None:
        return True
    apposed = APPOSED_KIND.match(masked, end)
    return apposed is not None and any(is_body_head(w) for w in apposed.group(1).split())


# A word describing a body's kind between its name and its head ("train drivers'"), not a verb
# or a joining word ("The DPC said the company": two bodies).
KIND_WORD = (
    r"(?!(?:said|says|told|the|a|an|has|had|have|is|was|were|are|will|would|and|or|but|of|in|on|to"
    r"|for|with|by|that|its|their)\b)[a-z][\w'’-]*"
)


@lru_cache(maxsize=512)
def _description_patterns(head: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The three ways :func:`described` finds a name for ``head``, compiled once per head (the
    re module's own cache is too small for every head a text uses, and compiling cost more than
    searching). The first and third open with a literal and check the word boundary behind it, so a
    search skips ahead."""
    kind = re.escape(head)
    # "\b" before a head that opens with a word character is "no word character just before it".
    start = kind + r"(?<!\w" + kind + ")" if re.match(r"\w", head) else r"\b" + kind
    return (
        re.compile(start + r"s?\s+(" + NAME_RUN.pattern + ")"),
        re.compile("(" + NAME_RUN.pattern + r"),\s+(?:the|a|an)\s+[^,;]{0,60}?\b" + kind + ","),
        # "the Uljanik Adria shipyard" for "the yard": the name, then its kind in lower case;
        # "The GDL train drivers' union": up to three words of its kind between them.
        re.compile(
            r"[Tt](?<!\w[Tt])he\s+(" + NAME_RUN.pattern + r")\s+(?:" + KIND_WORD + r"\s+){0,3}?[a-z]*"
            + kind
            + r"\b"
        ),
    )


def described(head: str, text: str) -> str | None:
    """The name ``text`` describes with ``head``: "drugmaker Takeda", "Gulfshore Mutual, the ... insurer,"."""
    if head not in text:
        return None
    after_kind, apposition, before_kind = _description_patterns(head)
    m = after_kind.search(text) or apposition.search(text)
    if m is None:
        m = before_kind.search(text)
        if m and " " not in m.group(1) and not is_acronym_word(m.group(1)):
            return None  # "The Korean company", "the Arvan government": an adjective, not a name
    if m and is_placed(m.group(1)):
        return None  # "The San Francisco-based company": where it is, not its name
    return m.group(1).rstrip(".") if m else None


def business_run(sentence: str, people: set[str]) -> str | None:
    """A capitalised run of two or more words inside the sentence that names no known person."""
    for m in NAME_RUN.finditer(sentence, 1):
        name = m.group()
        before = sentence[max(0, m.start() - 8) : m.start()].split()
        if before and before[-1] in PLACE_PREPOSITIONS:
            continue  # "the cut came from Saudi Arabia": a place
        if is_placed(name):
            continue  # "the San Francisco-based company": where it is, not who
        if " " in name and name not in people and name.split()[-1].lower() not in NOT_PEOPLE:
            return name.rstrip(".")
    return None


def subject_name(sentence: str) -> str | None:
    """The name a sentence opens with, when a verb follows it ("Halvorsen Motors will cut ...",
    "Grid operator Red Electrica said", "Oderkali, the largest mine on the river, denied")."""
    text = sentence.lstrip()
    if text[:4].lower() == "the ":
        text = text[4:]
    market = MARKET_IN.match(text)
    if market is not None:
        text = text[market.end() :]  # "Shares in Brightholm fell": the name is after "in"
    m = NAME_RUN.match(text)
    if not m:
        return None
    described = DESCRIPTOR_AFTER.match(text, m.end())
    if described and is_body_head(described.group(1)):
        m = NAME_RUN.match(text, described.end()) or m
    # "FIFA's ethics committee" is FIFA's; "Moody's Investors Service" keeps its possessive.
    tokens = m.group().split()
    tokens[-1] = POSSESSIVE.sub("", tokens[-1])
    if len(tokens) > 2 and tokens[1] in ("of", "for") and tokens[0].endswith("s"):
        tokens = tokens[2:]  # "Shares of Hanul fell": the name is after the plural noun
    rest = text[m.end() :]
    apposition = SUBJECT_APPOSITION.match(rest)
    after = rest[apposition.end() if apposition else 0 :].split(None, 1)
    if (
        not after
        or is_placed(tokens[-1])
        or not after[0][:1].islower()
        or tokens[0].lower() in NOT_FIRST_NAMES
        or len(tokens) > MAX_SUBJECT_WORDS
        or (len(tokens) > 1 and tokens[1] == "said")
    ):
        return None
    return " ".join(tokens)


def acted_on(head: str, texts: list[str], known_people: Callable[[str], str | None]) -> str | None:
    """The body an earlier sentence acted on and called by ``head``: "UEFA fined Valencia ... and
    barred the Spanish club" -> "Valencia" for a later "the club said" (the latest such sentence
    among ``texts``; not the body that acted, nor a person)."""
    description = re.compile(r"\b(?:the|its)\s+(?:[\w-]+\s+){0,2}?" + re.escape(head) + r"\b")
    for text in reversed(texts):
        m = description.search(text) if head in text else None
        if m is None:
            continue
        text = strip_dateline(text)
        actor = subject_name(text)
        bodies = [b.name for b in mentions(text[: text.find(m.group())], known_people) if b.org]
        bodies = [b for b in bodies if b != actor and (actor is None or b not in actor)]
        if bodies:
            return bodies[-1]
    return None
