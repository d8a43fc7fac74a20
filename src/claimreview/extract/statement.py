"""What kind of statement a sentence makes: a record of what happened or holds, or talk around it.

Debates, speeches and briefings mix checkable statements with promises, remarks to the people in
the room, the event's own running order and personal stories; many of the checkable ones carry no
figure ("my opponent voted against the bill", "the plant has never been inspected") and many of
the figures are not claims ("you have 10 seconds left", "I have two kids"). These features tell
the kinds apart from the sentence's own words; :mod:`claimreview.extract.worthiness` weighs them.

The features read a :class:`Words` view of the sentence (its tokens, their lowercase set, its
opening word, whether a past verb is in it), built once per sentence, and look at the text itself
only when a cheap word test says a pattern can match.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from claimreview.extract.wordlist import words

# --- a record: what happened, what was done, what was found ----------------------------------

# Past forms without "-ed" ("went", "sat", "ran"); "-ed" and "-en" forms are found by their ending.
IRREGULAR_PAST = words("""
    was were had did went sat ran took gave made lost won came kept began got put set cut hit let
    left rose fell paid sold bought brought spent sent led held built told found fled shut grew
    stood met chose wrote struck stole broke drove flew drew threw fought caught taught sought
    been gone done seen given taken known shown grown fallen risen written driven stolen broken
    chosen frozen forgotten hidden spoken
    withdrawn drawn thrown overthrown blown sworn torn beaten forgiven overridden shaken
    undertaken overtaken withheld upheld overseen forbidden proven sunk shot dealt swept laid
    """)
# Words ending in "-ed" that are no past verb: adjectives of feeling ("worried", "honoured",
# "delighted" are opinion words), and words that merely end that way.
NOT_PAST = words("""
    need needed indeed proceed speed seed feed breed bred shed red bed hundred kindred sacred naked
    wicked ragged rugged beloved blessed learned aged honoured honored delighted pleased worried
    tired interested concerned excited thrilled united detailed limited advanced skilled talented
    supposed used based dedicated determined prepared qualified committed ashamed embarrassed
    saddened disappointed humbled appalled horrified disgusted dismayed overjoyed heartened
    """)
# A past or perfect verb counts when the sentence is about others: the first word is not the
# speaker, the listener or an invitation.
SELF_OR_LISTENER = words("I I'm I've I'd I'll you You we'll let Let please Please thank Thank")
ACTORS = words("He She They It We His Her Their Its Our")
# Bodies and roles that act without being named: "the treasurer's office sat on the fund".
ACTOR_NOUNS = words("""
    government ministry ministers minister council councils party opponent office department
    agency authority legislature parliament congress senate court police company firm plant
    treasurer governor mayor president administration board committee union developer contractor
    operator regulator watchdog trust landlord owner owners employer employers bank insurer airline
    army troops officers inspectors prosecutors
    """)
# "was replaced by a fund", "are awarded by a panel": the passive names who acted.
BE = words("is are was were be been being")
PASSIVE_REACH = 3  # "was quietly sold by": the participle's "be" within this many words of "by"
RECIPIENT_OPENERS = words("the a an its his her their our another every each")
# A share in words: "most of those jobs", "the majority of", "none of them".
PROPORTION = re.compile(r"\b(?:[Mm]ost|[Nn]one|[Mm]ajority|[Mm]inority|[Bb]ulk)\s+of\b")
PROPORTION_WORDS = words("most Most none None majority minority bulk")
# The record of a public figure or body: votes, positions taken, money given or held back.
RECORD = words("""
    voted opposed supported backed sponsored co-sponsored vetoed blocked abstained
    donated lobbied funded defunded scrapped axed merged privatised privatized awarded inspected
    audited appointed fired sacked overruled repealed ratified nationalised nationalized
    """)
# A source named inside the sentence: what a speaker cites, not who reports the speaker.
SOURCE = re.compile(
    r"\baccording to\b|\b(?:reports?|figures|data|statistics|records|survey|study|audit|inspection"
    r"|inspections|census|accounts|minutes|forecasts?|projections?|review|polls?)\s+(?:\w+\s+)?"
    r"(?:show|shows|showed|shown|found|finds"
    r"|says|said|published|confirm|confirmed|record|recorded)\b|\bsince records began\b",
    re.IGNORECASE,
)
SOURCE_WORDS = words("""
    according report reports figures data statistics records survey study audit inspection
    inspections census accounts minutes forecast forecasts projection projections review poll polls
    """)
# "has never been inspected", "did not release", "has not held a single": a negated fact about
# others is as checkable as the fact. "I don't want", "we do not comment" are stances.
NEGATED = re.compile(
    r"(?<!\bI )(?<!\bwe )(?<!\bWe )(?<!\byou )"
    r"\b(?:has|have|had|did|does|was|were)(?:\s+(?:still|ever|yet))?\s+(?:not|never)\b"
    r"|\b(?:hasn't|haven't|hadn't|didn't|doesn't|wasn't|weren't)\b"
    r"|\bnever\s+\w+|\bnot (?:a single|one)\b|\bno (?:violations?|record|evidence)\b"
    r"|\b(?:chosen|chose|decided|opted)\s+not\s+to\b"
    r"|(?<!\bI )(?<!\bwe )(?<!\bWe )(?<!\byou )\bcould not (?!be\b)|\bcouldn't (?!be\b)"
    r"|(?<!\bI )(?<!\bwe )(?<!\bWe )(?<!\byou )(?<!\bthey )(?<!\bThey )\b(?:do not|don't)\b",
    re.IGNORECASE,
)
# "was frozen by a court order, not by my office", "came from a cracked pipe, not from the dam":
# who or what did it, set against who is blamed. The correction is the checkable part.
CORRECTION = re.compile(
    r",\s+not\s+(?:by|from|through|under|in|on|at|for|to|the|a|an|my|our|his|her|their|its|this|that)\b"
)
NEGATION_WORDS = words("not never no hasn't haven't hadn't didn't doesn't wasn't weren't couldn't don't t")

# --- talk around the record -------------------------------------------------------------------

# "I will", "we'll", "I'm going to", "I promise": the speaker's own future is not yet checkable.
PROMISE = re.compile(
    r"\b(?:I|we|We)(?:\s+will|'ll|’ll|\s+won't|\s+won’t|\s+shall|\s+am going to|'m going to"
    r"|’m going to|\s+are going to|'re going to|’re going to|\s+would|'d|’d)\b"
    r"|\bI promise\b|\bon day one\b|\bin my first\b"
    r"|\bI(?:'m| am|’m|'d be| would be|’d be) (?:happy|glad|willing|ready|prepared) to\b",
)
PROMISE_WORDS = words("I we We promise day first happy glad willing ready prepared")
# Someone else's future ("the council will decide") is a plan, checkable only later.
FUTURE = words("will ll shall")
# Talking to someone present: "you", or a title before a comma ("Treasurer Calloway, 30 seconds").
YOU = words("you You your Your yours")
VOCATIVE_TITLES = words("""
    Mr Mrs Ms Dr Madam Sir Senator Governor Mayor Treasurer Minister Secretary President Chairman
    Chair Commissioner Councillor Councilor Coach Professor Judge Speaker Congressman
    Congresswoman Folks Friends Everyone Ladies
    """)
VOCATIVE = re.compile(r"^\W*(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’.-]*,\s")
VOCATIVE_MAX_WORDS = 6
CONDITIONAL = words("If Unless Suppose Imagine")
# Words that open a sentence with a comma after them without calling on anyone.
NOT_CALLED = words("""
    meanwhile however instead yesterday today tonight now still again also first second third
    finally look listen well yes no so and but or then later earlier afterwards together overall
    besides indeed therefore thus sadly fortunately unfortunately frankly honestly clearly
    obviously today's last next this that there here otherwise moreover furthermore nevertheless
    nonetheless regardless ultimately initially similarly likewise
    """)
# An order or invitation to the listener: the sentence opens with a bare verb.
IMPERATIVE_OPENERS = words("""
    remember bring talk text call give check read look join vote think imagine keep go come tell
    ask take make visit watch listen help sign stand consider don't do get send write email
    """)
LEAD_INS = words("now so and but then well look folks friends")
# The event's own running order: time to speak, turns, pages, questions, the room.
PROCEDURE = words("""
    seconds rebuttal moderator audience applause debate briefing topic page booklet helpline
    hotline podium microphone o'clock clock coin toss questions question studio listeners viewers
    """)
# The time the event has left, or what time it is: "we have about ten minutes left", "It's 8:10".
TIME_CHECK = re.compile(
    r"\b(?:minutes?|hours?)\s+(?:left|remaining|to go)\b|\b(?:opening|closing) statements?\b"
    r"|^\W*(?:it's|it is)\s+\d{1,2}[:.]\d\d\b",
    re.IGNORECASE,
)
TIME_WORDS = words("minute minutes hour hours statement statements it's it")
# A person's own life or someone met: family, birth, a named acquaintance, what someone "told me".
PERSONAL = words("""
    kids daughter daughters son sons wife husband mother father mom mum dad grandmother
    grandfather grandson granddaughter grandchildren born childhood constituent constituents
    neighbour neighbor
    """)
# "I grew up in Millbrook" is a life; "Exports grew 8.9 percent" is a figure.
GREW_UP = re.compile(r"\bgrew up\b", re.IGNORECASE)
# The speaker's own relatives ("My own cousin died of an overdose"); another's ("the victim's
# brother said") may be a source.
OWN_FAMILY = re.compile(
    r"\b(?:[Mm]y|[Oo]ur)\s+(?:own\s+)?(?:cousins?|brothers?|sisters?|uncles?|aunts?|nieces?|nephews?"
    r"|parents|grandparents|family)\b"
)
TOLD_ME = re.compile(r"\b(?:told|tell|tells|telling|asked|wrote to)\s+me\b|\bI(?:'ve|’ve| have)? met\b")
# ... or a speaker's own working life: "I've been a nurse for 31 years", "I've lived here since".
OWN_LIFE = re.compile(r"\bI(?:'ve|’ve| have) (?:been|worked|lived|served)\b")
# "who is 84", "she's 58", "I'm 41": an age, not a statistic.
SPOKEN_AGE = re.compile(
    r"\b(?:who is|who's|she's|he's|she is|he is|I'm|I am|I’m)\s+\d{1,3}\b(?!\s*(?:%|per))", re.IGNORECASE
)
AGE_WORDS = words("who she he i")
DIGIT = re.compile(r"\d")
FIRST_SINGULAR = words("I me my My")


def _lower(vocabulary: frozenset[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in vocabulary)


# Every lowercased word -> the vocabularies it belongs to (read through Words.tags).
TAGGED = {
    "past": IRREGULAR_PAST,
    "record": RECORD,
    "source": SOURCE_WORDS,
    "negation": NEGATION_WORDS,
    "proportion": _lower(PROPORTION_WORDS),
    "actor": ACTOR_NOUNS,
    "promise": _lower(PROMISE_WORDS),
    "future": FUTURE,
    "you": _lower(YOU),
    "procedure": PROCEDURE,
    "time": TIME_WORDS,
    "personal": PERSONAL,
    "age": AGE_WORDS,
    "me": frozenset({"me", "met"}),
}
TAGS_OF: dict[str, frozenset[str]] = {}
for _tag, _vocabulary in TAGGED.items():
    for _word in _vocabulary:
        TAGS_OF[_word] = TAGS_OF.get(_word, frozenset()) | {_tag}
TAGGED_WORDS = frozenset(TAGS_OF)
# The speaker's own mind or act, not a statement about the world: "I remember", "I pay tribute".
SPEAKER_ACT = re.compile(
    r"\b(?:I|we|We)\s+(?:\w+\s+)?(?:remember|recognise|recognize|understand|invite|pay tribute"
    r"|associate|commend|congratulate|encourage|urge|appreciate|welcome|salute|expect|guess|suppose"
    r"|know|announce|announcing)\b"
)


class Words:
    """One sentence's words as every feature looks at them, each view computed once."""

    __slots__ = ("_past", "lowered", "opening", "sentence", "tags", "tokens", "unique")

    def __init__(
        self, sentence: str, tokens: list[str], lowered: AbstractSet[str], unique: AbstractSet[str]
    ) -> None:
        self.sentence = sentence
        self.tokens = tokens
        self.lowered = lowered
        self.unique = unique
        # The first word after "Now,", "So," and the like.
        self.opening = tokens[0] if tokens else ""
        if self.opening.lower() in LEAD_INS:
            self.opening = next((t for t in tokens[1:3] if t.lower() not in LEAD_INS), self.opening)
        # The vocabularies (TAGGED) its words belong to: one set intersection finds the few words
        # in any vocabulary; only those are looked up.
        tags: set[str] = set()
        for word in TAGGED_WORDS.intersection(lowered):
            tags |= TAGS_OF[word]
        self.tags = tags
        self._past: bool | None = None

    @property
    def past(self) -> bool:
        """A past or perfect verb somewhere (looked for the first time a feature asks)."""
        if self._past is None:
            # A regular past: a token of five or more characters ending in "ed" (looked for among
            # the tokens: a regex over the sentence costs several times more).
            self._past = "past" in self.tags or (
                "ed" in self.sentence
                and any(len(w) > 4 and w.endswith("ed") and w.lower() not in NOT_PAST for w in self.tokens)
            )
        return self._past


def sentence_words(
    sentence: str,
    tokens: list[str],
    lowered: AbstractSet[str] | None = None,
    unique: AbstractSet[str] | None = None,
) -> Words:
    """``tokens``: the sentence's ``WORD.findall``; ``lowered`` and ``unique``: their lowercase
    set and their set, if the caller has them."""
    if lowered is None:
        lowered = frozenset([t.lower() for t in tokens])
    return Words(sentence, tokens, lowered, set(tokens) if unique is None else unique)


def _past(token: str) -> bool:
    lower = token.lower()
    return lower in IRREGULAR_PAST or (len(lower) > 4 and lower.endswith("ed") and lower not in NOT_PAST)


def _passive_by(tokens: list[str]) -> bool:
    return any(
        token == "by"
        and i >= 2
        and _past(tokens[i - 1])
        and any(w.lower() in BE for w in tokens[max(0, i - PASSIVE_REACH) : i - 1])
        for i, token in enumerate(tokens)
    )


def _passive_to(tokens: list[str]) -> bool:
    """ "has been handed to the watchdog", "was referred to a judge": something passed to someone.
    "was forced to close" (an infinitive) is not."""
    return any(
        token == "to"
        and 2 <= i < len(tokens) - 1
        and tokens[i + 1].lower() in RECIPIENT_OPENERS
        and _past(tokens[i - 1])
        and any(w.lower() in BE for w in tokens[max(0, i - PASSIVE_REACH) : i - 1])
        for i, token in enumerate(tokens)
    )


def _to_listener(w: Words) -> bool:
    """A sentence with "you" speaks to the listener unless it says what they did ("when you took
    office in 2019"); "I asked you to trust me", "you benched me" are the two of them talking."""
    return not w.past or "I" in w.unique or "me" in w.unique


def _vocative(w: Words, you: bool, spoken: bool) -> bool:
    """The sentence opens by calling on someone: "Treasurer Calloway, 30 seconds", "Daniel, the ..."."""
    if not w.tokens or not (spoken or w.tokens[0] in VOCATIVE_TITLES) or not VOCATIVE.match(w.sentence):
        return False
    first = w.tokens[0]
    # "Treasurer X, 30 seconds", "Mayor X, you go first": a call; "Mr X, the regulator fined your
    # company twice" is a claim put to X.
    if len(w.tokens) > VOCATIVE_MAX_WORDS and not (you and _to_listener(w)):
        return False
    if first in VOCATIVE_TITLES:
        # In an article "Senator X, who chairs ..., has opposed" is about X, not to X.
        return True
    # A bare name before a comma, in speech only: "Daniel, the river was flooded a week ago."
    return (
        spoken
        and w.sentence.lstrip()[len(first) : len(first) + 1] == ","
        and first.lower() not in NOT_CALLED
        and not first.endswith("ly")
    )


def record_features(w: Words, *, named: bool) -> dict[str, float]:
    """Features of a statement about what happened or holds: past acts, records, sources, negations.

    ``named``: the sentence names a person, place or body.
    """
    found: dict[str, float] = {}
    about_others = w.opening not in SELF_OR_LISTENER and not (
        w.opening in FIRST_SINGULAR and "opponent" not in w.lowered
    )
    # "was sold by the previous administration": the passive says who did it, a record; so does
    # "was handed to the watchdog" (who received it).
    passive_by = w.past and (
        ("by" in w.lowered and _passive_by(w.tokens)) or ("to" in w.lowered and _passive_to(w.tokens))
    )
    # Someone did something: a name, a pronoun or "we" standing for one, a body, or the agent of
    # a passive ("The hearing lasted less than an hour" is about no one).
    tags = w.tags
    actor = named or passive_by or w.opening in ACTORS or "actor" in tags
    if about_others and actor and w.past:
        found["past_fact"] = 1.0
    if passive_by or "record" in tags:
        found["record"] = 1.0
    if "proportion" in tags and PROPORTION.search(w.sentence):
        found["proportion"] = 1.0
    if "source" in tags and SOURCE.search(w.sentence):
        found["source"] = 1.0
    if "negation" in tags and NEGATED.search(w.sentence):
        found["negated"] = 1.0
    if "not" in w.lowered and CORRECTION.search(w.sentence):
        found["correction"] = 1.0
    return found


def talk_features(w: Words, *, attributed: bool, spoken: bool) -> dict[str, float]:
    """Features of talk around the record: promises, plans, appeals, procedure, personal stories.

    ``attributed``: the sentence reports someone's statement, where "will" is what was said, not
    the speaker's promise; ``spoken``: it is from a transcript's turn, where "Name, ..." calls on
    someone present and the event has a running order.
    """
    found: dict[str, float] = {}
    if not w.tokens:
        return found
    tags = w.tags
    # Reported ("We will stay out until ...," the union leader said), an intention is news.
    if not attributed:
        if "promise" in tags and PROMISE.search(w.sentence):
            found["promise"] = 1.0
        elif "future" in tags:
            found["future"] = 1.0
    # "If her bill has tripled, ...", "Unless we act, ...": a supposition, not a statement.
    if not attributed and w.tokens[0] in CONDITIONAL:
        found["conditional"] = 1.0
    you = "you" in tags
    # "Remember to vote", "Treasurer X, 30 seconds", "Coach, you ...": a call on someone present.
    if w.opening.lower() in IMPERATIVE_OPENERS or (not attributed and _vocative(w, you, spoken)):
        found["appeal"] = 1.0
    # "when you took office in 2019": what the listener did is a claim about them; "I asked you
    # to trust me" is the speaker talking to them.
    elif you and _to_listener(w):
        found["address"] = 1.0
    # Only a transcript has a running order; an article's "said at a briefing" is a source.
    if spoken and ("procedure" in tags or ("time" in tags and TIME_CHECK.search(w.sentence) is not None)):
        found["procedure"] = 1.0
    if ("I" in w.unique or "we" in w.lowered) and SPEAKER_ACT.search(w.sentence):
        found["speaker_act"] = 1.0
    if (
        "personal" in tags
        or ("grew" in w.lowered and GREW_UP.search(w.sentence) is not None)
        or (("my" in w.lowered or "our" in w.lowered) and OWN_FAMILY.search(w.sentence) is not None)
        or ("me" in tags and TOLD_ME.search(w.sentence))
        or ("I" in w.unique and ("ve" in w.lowered or "have" in w.lowered) and OWN_LIFE.search(w.sentence))
        or ("age" in tags and DIGIT.search(w.sentence) is not None and SPOKEN_AGE.search(w.sentence))
    ):
        found["personal"] = 1.0
    return found
