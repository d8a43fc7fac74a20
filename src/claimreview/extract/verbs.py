"""Verbs of saying, and when one reports a statement: "she added." but not "adds weight to", "found
that" but not "found 3 bodies", "asked" only after a quotation, "pointed out" and "findings point
to", "described ... as", "called for". Used by :mod:`sources` on quote-masked sentences.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimreview.extract.wordlist import alternation, words

REPORTING_VERBS = words("""
    said says say told tells added adds stated announced announces declared claimed denied denies
    insisted insists warned warns confirmed confirms explained noted argued acknowledged admitted
    alleged asserted maintained predicted disclosed revealed cautioned wrote writes tweeted
    reported estimated urged rejected rejects dismissed accused accuses blamed blames conceded
    concedes disputed disputes defended defends listed pledged announced called promised promises
    vowed vows recorded forecast forecasts stressed stresses emphasised emphasized pledges
    found finds showed shows show concluded concludes criticised criticized criticises criticizes
    condemned condemns pointed point points advised advises estimates estimate described describes
    expects expected recommends recommended asked attributed attributes
    """)
# Verbs that report only when a source performs them: "the agency recorded 2,140 cases" but not
# "Temperatures recorded at the airport"; "the minister vowed" but not "Prices forecast to rise".
SOURCE_ONLY_VERBS = words("""
    point points recorded forecast forecasts promised promises vowed vows pledged pledges advised advises
    described describes expects expected estimated estimates estimate recommends recommended
    attributed attributes
    """)
# Verbs that only report; an earlier verb in the sentence ("pledged", "promised") then belongs
# to what is reported when one of these closes the sentence after a comma.
PLAIN_VERBS = words("said says told tells")
# Verbs that also take a plain object ("adds weight to", "an estimated 100"): reporting only
# when followed by "that", punctuation or the end ("she added.", "it estimated that").
# "estimated the damage at ..." reports with an object too, when a source does the estimating.
OBJECT_VERBS = words("added adds found finds showed shows show concluded concludes")
# "confirmed that", "confirmed to Reuters that", "confirmed." report; "confirmed 18 charges" acts.
CONFIRM_VERBS = words("confirmed confirms")
CONFIRMED_TO = re.compile(r"\s+to\s+[^,.;:]{1,60}?\s+that\b")
CLAUSE_OBJECT = re.compile(
    r"\s+(?:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:had|has|have|was|were|is|are|would|could|will)\s"
)
# "A study by X found the drug cut deaths": a work and its author just before an object verb.
AUTHORED_WORK = re.compile(
    # "Data from X showed" opens a sentence as often as "new data from X showed" continues one.
    r"\b(?i:analys[ie]s|stud(?:y|ies)|surveys?|reviews?|reports?|research|data|tests?|findings|audits?"
    r"|investigations?|polls?|modelling|modeling)\s+(?:[a-z]+\s+)?(?:by|from|of)\s+(?:the\s+)?[A-Z][^,;]*$"
)
# Verbs that take an object, never an inverted subject: in "X, which ..., disputed the board's
# timeline" the phrase after the verb is what is disputed, not who disputes it.
NON_INVERTING = words("""
    denied denies disputed disputes rejected rejects dismissed accused accuses blamed blames urged
    called listed pledged pledges promised promises vowed vows recorded defended defends disclosed
    revealed found finds showed shows show told tells advised advises described describes
    attributed attributes
    """)
# A time phrase between an object verb and what ends it ("estimated on Monday.", "found last week that").
TIME_AFTER = re.compile(
    r"\s+(?:(?:late|early)\s+)?(?:(?:on|last|this|earlier|late)\s+(?:Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|week|month|year|night|morning|evening)|yesterday|today|earlier|this\s+week)\b"
)
# "called a strike", "called for calm", "called on the government" announce or demand; "called it
# reckless" and "called him a liar" name something and report no statement.
CALL_VERBS = words("called")
DESCRIBE_VERBS = words("described describes")
ADVISE_VERBS = words("advised advises")
ADVICE_TO_ACT = re.compile(r"\bto\s+[a-z]+\b")
CALL_OBJECTS = words("for on a an")
# Before a verb these make it passive or adjectival ("is estimated at", "an estimated 100").
# "declined to say", "refused to comment": an infinitive reports nothing by itself.
NOT_REPORTING_BEFORE = words("is are was were be been being an a the to")
COUNTED = words("basis percentage two three four five six seven eight nine ten few several many")
POINT_VERBS = words("pointed point points")
# "asked" reports only a quotation just before it: '"...?" asked X', '"...?" the mayor asked'.
ASKED_AFTER_QUOTE = re.compile(r'["”»],?\s*(?:[^\s,;:"“”«»]+\s+){0,6}$')
VERB = re.compile(r"\b" + alternation(REPORTING_VERBS) + r"\b")


@lru_cache(maxsize=1024)
def verbs_among(present: frozenset[str]) -> re.Pattern[str]:
    """VERB for only the reporting verbs ``present`` among a sentence's words: the same matches,
    found faster. The regex opens with the words' first letters and checks the word boundary
    before each behind it, where VERB's leading "\\b" makes the engine try every position."""
    if not present:
        return re.compile(r"(?!)")  # no verb: nothing matches
    behind = (re.escape(w) + r"(?<!\w" + re.escape(w) + ")" for w in sorted(present))
    return re.compile("(?:" + "|".join(behind) + r")\b")


def is_reporting(masked: str, verb: re.Match[str]) -> bool:
    word = verb.group()
    before = masked[max(0, verb.start() - 12) : verb.start()].split()
    if before and before[-1].lower() in NOT_REPORTING_BEFORE:
        return False
    if word in PLAIN_VERBS:
        return True  # most verbs are "said": none of the rules below apply
    if word == "asked":
        # '"Why now?" asked the mayor' reports a question; "who asked not to be named" does not.
        return ASKED_AFTER_QUOTE.search(masked, max(0, verb.start() - 80), verb.start()) is not None
    if word in POINT_VERBS:
        # "pointed out that"; "findings of X point to a failed weld", not "by 25 basis points to 3%"
        after = masked[verb.end() : verb.end() + 5]
        counted = bool(before) and (before[-1].lower() in COUNTED or before[-1][:1].isdigit())
        return after.startswith(" out") or (after.startswith(" to ") and word != "pointed" and not counted)
    if word in ADVISE_VERBS:
        # "advised a catch of no more than 5,000 tonnes" states a figure; "advised anyone who
        # bought it to return it" asks for an act, like "urged".
        return ADVICE_TO_ACT.search(masked[verb.end() : verb.end() + 100].split(". ", 1)[0]) is None
    if word in DESCRIBE_VERBS:
        # "described its coverage as balanced" states a view; "described the scene" does not.
        return " as " in masked[verb.end() : verb.end() + 120]
    if word in CALL_VERBS:
        objects = masked[verb.end() : verb.end() + 8].split()
        return bool(objects) and objects[0].lower() in CALL_OBJECTS
    if word in OBJECT_VERBS or word in CONFIRM_VERBS:
        after = masked[verb.end() : verb.end() + 40]
        time = TIME_AFTER.match(after)
        after = (after[time.end() :] if time else after).lstrip()
        if not after or after[0] in '.,;:!?"”' or after.startswith("that"):
            return True
        if word in CONFIRM_VERBS:
            # "confirmed to reporters that"; "Judges confirmed 18 charges" is an act
            return CONFIRMED_TO.match(masked, verb.end()) is not None
        # "Genetic analysis by X showed the virus was ...": a work with an author states a finding;
        # "website X showed the plane had circled": a clause follows (see clause_only).
        return AUTHORED_WORK.search(masked, max(0, verb.start() - 120), verb.start()) is not None or (
            clause_only(masked, verb)
        )
    return True


def clause_only(masked: str, verb: re.Match[str]) -> bool:
    """An object verb followed by a clause without "that" ("showed the plane had circled"): it
    reports only when a source does the showing (the caller checks who), not "Satellite images"."""
    word = verb.group()
    return (
        word in OBJECT_VERBS
        and word not in ("added", "adds")
        and CLAUSE_OBJECT.match(masked, verb.end()) is not None
        and AUTHORED_WORK.search(masked, max(0, verb.start() - 120), verb.start()) is None
    )
