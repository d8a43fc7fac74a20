"""A reporter's picture of a crowd: "Customers queued outside the shops", "Hundreds of supporters
gathered outside the building, chanting". What people did in front of the reporter is colour, not a
claim anyone made; a count from a source ("1.1 million people marched, according to the ministry")
is attributed or carries digits, and stays a claim.
"""

from __future__ import annotations

from claimreview.extract.wordlist import words

CROWDS = words("""
    customers residents fans supporters protesters demonstrators crowd crowds people passengers
    shoppers mourners onlookers villagers families relatives students worshippers pilgrims commuters
    motorists spectators hundreds dozens thousands scores
    """)
GATHERING = words("""
    gathered queued queue queueing queuing lined waited waved cheered chanted chanting sang danced
    clapped applauded jeered booed thronged flocked streamed huddled wept lit laid
    """)
# The crowd opens the sentence: "Outside, hundreds of fans waited"; its verb follows closely.
SUBJECT_REACH = 6
VERB_REACH = 4


def crowd_scene(words_: list[str]) -> bool:
    """True when one of the first words names a crowd and a gathering verb follows it closely."""
    head = [w.lower() for w in words_[: SUBJECT_REACH + VERB_REACH]]
    for i, word in enumerate(head[:SUBJECT_REACH]):
        if word in CROWDS:
            return not GATHERING.isdisjoint(head[i + 1 : i + 1 + VERB_REACH + 2])
    return False
