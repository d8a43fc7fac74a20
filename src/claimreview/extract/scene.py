"""Photo captions written as prose, with no credit to give them away.

A caption describes what the picture shows, in the present tense, and says when it was taken
with the full date and year: "Firefighters battle a blaze at a warehouse in Leeds on 4 June 2025."
Wire prose tells the news in the past tense and dates it by weekday ("on Tuesday"), so a
stand-alone paragraph with a scene verb in the present before a full date is the picture, not a
claim. Pages often print a caption twice (under the picture and again in a gallery or at the
end): a stand-alone paragraph that comes back word for word is furniture too.
"""

from __future__ import annotations

import re

from claimreview.extract.mentions import MONTHS
from claimreview.extract.wordlist import words

WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
# "March 13, 2025", "Tuesday, March 4, 2025", "Feb. 7, 2023", "13 March 2025", "13th March, 2025".
FULL_DATE = re.compile(
    r"\b" + WEEKDAY + r"(?:" + MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + MONTHS + r",?\s+\d{4})\b"
)
DIGIT = re.compile(r"\d")
# Every full date has a four-digit year: without one, FULL_DATE need not scan the sentence.
FOUR_DIGITS = re.compile(r"\d{4}")
WORD = re.compile(r"[\w'’]+")
# A caption is a sentence or two; longer stand-alone paragraphs are prose.
MAX_WORDS = 60

# What people and things do in a picture. Only verbs a photographer shows: "takes effect",
# "opens", "begins" and "expects" date the news itself ("The law takes effect on 1 July 2026").
_SCENE_BASES = """
    stand sit walk wait queue line gather attend pose react gesture speak talk look watch hold carry
    ride cross pass push pull drive fly land sail float burn billow rise smoulder sweep clear search
    inspect check examine dig rescue evacuate help escort guard patrol detain arrest lead fight battle
    douse spray pump wade swim fish harvest plant pick sell buy load unload lift lay hang display show
    visit tour arrive depart board enter leave sleep rest lie eat drink cook stack sort pack move flow
    surround collect receive distribute vote cast count listen applaud shake greet meet address
    demonstrate picket kneel light place view observe photograph film train exercise run jog cycle
    paddle row tow haul repair rebuild install paint dry wash fill empty feed graze tend treat
    vaccinate pray mourn weep cry hug embrace celebrate cheer dance sing play march rally chant shout
    wave block protest work clean remove prepare await engulf smile laugh bury mark hoist unfurl
    scramble shelter huddle peer climb descend survey salvage sift comfort bid
    """


def _present_forms(bases: str) -> frozenset[str]:
    forms = set()
    for base in bases.split():
        forms.add(base)
        if base.endswith(("s", "sh", "ch", "x", "z", "o")):
            forms.add(base + "es")
        elif base.endswith("y") and base[-2:-1] not in "aeiou":
            forms.add(base[:-1] + "ies")
        else:
            forms.add(base + "s")
    return frozenset(forms)


SCENE_VERBS = _present_forms(_SCENE_BASES)
# "is seen", "are pictured": the present passive of a picture.
PICTURED = words("""
    seen pictured shown displayed silhouetted reflected carried escorted detained led lit illuminated
    """)
COPULA = words("is are")
# Any of these before the verb puts the sentence in another tense or mood: "The union will
# hold a rally on 6 March 2025", "Workers who were laid off picket ...".
NOT_PRESENT = words("""
    was were had has have did will would shall could should must may might can said told
    """)
NOT_FINITE = words("to")


def present_scene(tokens: list[str]) -> bool:
    """The words say what someone or something is doing now: a scene verb after its subject."""
    for i in range(1, len(tokens)):
        word = tokens[i].lower()
        if word in NOT_PRESENT:
            return False
        if word in SCENE_VERBS and tokens[i - 1].lower() not in NOT_FINITE:
            return True
        if word in COPULA and i + 1 < len(tokens):
            nxt = tokens[i + 1].lower()
            after = tokens[i + 2].lower() if i + 2 < len(tokens) else ""
            if (nxt.endswith("ing") or nxt in PICTURED) and after not in NOT_FINITE:
                return True
    return False


def dated_scene(sentence: str) -> bool:
    """A present-tense scene with the full date it was taken, and no figure besides dates.

    The verb must come before the date: a timeline line ("6 March 2025: dockers walk out") opens
    with its date and is a claim.
    """
    date = FULL_DATE.search(sentence) if FOUR_DIGITS.search(sentence) else None
    if date is None or DIGIT.search(FULL_DATE.sub("", sentence)):
        return False
    before = WORD.findall(sentence[: date.start()])
    return len(WORD.findall(sentence)) <= MAX_WORDS and present_scene(before)


def caption_like(sentence: str) -> bool:
    """Weaker evidence, enough for a paragraph printed twice: a full date or a present scene."""
    year = FOUR_DIGITS.search(sentence) is not None
    if DIGIT.search(FULL_DATE.sub("", sentence) if year else sentence):
        return False
    return (year and FULL_DATE.search(sentence) is not None) or present_scene(WORD.findall(sentence))
