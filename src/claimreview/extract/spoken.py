"""Talk only a transcript has: the room's clock and calendar, the speaker's own life, demands.

An article's reporter does not say "we have about ten minutes", "voting opens on the 3rd", "I
walked the ward last night" or "Scrap the fee!"; a speaker at a debate, rally or briefing does,
and each carries a figure, a date or a past verb that reads like a claim. These features are
looked for in a transcript's turns only, so articles score as before; they weigh as the talk
features of :mod:`claimreview.extract.statement` do (a figure in them belongs to the talk).
"""

from __future__ import annotations

import re

from claimreview.extract.statement import Words
from claimreview.extract.wordlist import words

# The room's clock: "We have about ten minutes", "we've got time for two more", "we have to be out
# of this room by noon".
ROOM_TIME = re.compile(
    r"\bwe(?:'ve| have|’ve)(?: (?:only|just|still|got|about|around|roughly|barely))* (?:\w+ ){0,2}"
    r"(?:minutes?|time)\b|\bout of (?:this|the) (?:room|hall|building|studio|chamber)\b",
    re.IGNORECASE,
)
ROOM_WORDS = words("minute minutes time room hall building studio chamber")
# The event's calendar: a timetable verb in the present with a when ("Early voting starts on the
# 9th", "The count begins at 10", "We're back after the break at half past").
SCHEDULE = re.compile(
    r"\b(?:starts?|begins?|opens?|closes?|resumes?|kicks? off|is back|are back|is next|are next)"
    r"\s+(?:on|at|from|next|this|tomorrow|tonight|in)\b",
    re.IGNORECASE,
)
SCHEDULE_WORDS = words("""
    start starts begin begins open opens close closes resume resumes kick kicks back next
    """)
# What the speaker did or does as a person, not in office: "I walked", "I sat with", "I live".
# Acts of office ("I signed", "I cut taxes") and votes stay claims.
EXPERIENCE = words("""
    visit visits visited sit sat take took ride rode drive drove walk walked live lived meet met
    see saw seen go went spend spent stand stood talk talked speak spoke spoken listen listened
    hear heard watch watched travel travelled traveled knock knocked stay stayed sleep slept
    grow grew grown visiting walking sitting meeting talking standing
    """)
# Between "I" and its verb: "I've also visited", "I have personally sat".
# "I remember visiting", "I recall sitting": a memory of it is the same story.
EXPERIENCE_GAP = words("""
    ve have had also just often even personally myself still once always remember recall
    """)
# The speaker's own family: "I have two young children who ...", "my kids go to that school".
OWN_FAMILY = re.compile(
    r"\b(?:I have|I've got|I’ve got|my|My)\s+(?:\w+\s+){0,2}?(?:children|child|kids|grandchildren|family)\b"
)
FAMILY_WORDS = words("children child kids grandchildren family")
# A demand shouted from the stage opens with a bare verb: "Restore our sick pay", "Scrap the fee".
# Words that also open a statement as nouns or adjectives ("Pay rose", "Tax receipts", "Lower
# rents", "Cut flowers", "Fund managers") are left out.
DEMANDS = words("""
    restore stop scrap freeze save protect fix reverse reopen cancel halt axe abolish repeal
    raise hire build bring
    """)


def _own_experience(w: Words) -> bool:
    """The sentence opens with "I" (after "Now," and the like) and an experience verb."""
    tokens = w.tokens
    if w.opening != "I":
        return False
    at = tokens.index("I")
    for token in tokens[at + 1 : at + 5]:
        lower = token.lower()
        if lower in EXPERIENCE:
            return True
        if lower not in EXPERIENCE_GAP and not lower.endswith("ly"):
            return False
    return False


def spoken_features(w: Words) -> dict[str, float]:
    """Features of a transcript's talk (see the module docstring); read with the record features."""
    found: dict[str, float] = {}
    if not w.tokens:
        return found
    lowered = w.lowered
    if not lowered.isdisjoint(ROOM_WORDS) and ROOM_TIME.search(w.sentence):
        found["procedure"] = 1.0
    if not lowered.isdisjoint(SCHEDULE_WORDS) and not w.past and SCHEDULE.search(w.sentence):
        found["schedule"] = 1.0
    if ("I" in w.unique and _own_experience(w)) or (
        not lowered.isdisjoint(FAMILY_WORDS) and OWN_FAMILY.search(w.sentence)
    ):
        found["personal"] = 1.0
    if w.tokens[0].lower() in DEMANDS and w.tokens[0][:1].isupper():
        found["appeal"] = 1.0
    return found
