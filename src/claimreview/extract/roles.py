"""Who runs a spoken event and who asks from the floor, so their words are not taken for claims.

A fact-checker checks the candidates and guests, not the framing of a question: in "Inflation hit
9% last year. What will you do about it?" the figure is the moderator's premise, put to someone
else, and a caller's "my street has flooded three times" is a story from the floor. Both read
like claims word for word; only the speaker's role tells them apart.

The role comes from the label when it names one ("MODERATOR:", "HOST DEV RAMAN:", "CALLER BEV:",
"AUDIENCE MEMBER:", "Q:"). When the labels are plain names, the host is the speaker who takes the
most turns, most of them with a question, each clearly shorter than the others' turns (or, when
they also open and close the show, some with a question and shorter on average): a guest
answers at length, a politician putting questions in a hearing or at question time takes few
turns, and a speaker giving a speech asks no questions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimreview.extract.wordlist import words

MODERATOR = "moderator"  # runs the event: moderator, host, presenter, interviewer, announcer
FLOOR = "floor"  # asks from the floor: audience members, callers, reporters at a briefing
MODERATOR_WORDS = words("""
    moderator moderators host hosts co-host cohost presenter presenters interviewer anchor
    anchors announcer narrator emcee compere voiceover voice-over operator
    """)
# A conference call's operator or a briefing's chair hands the floor on by name: "Our first question
# comes from Li Wen at Harbour Securities", "The next question is from ...".
HANDED_ON = re.compile(
    r"\bquestions?\s+(?:(?:comes?|is|will come)\s+)?from\s+(?P<who>[^.?!]{2,80})", re.IGNORECASE
)
FLOOR_WORDS = words("""
    audience caller callers question questions questioner q reporter reporters journalist
    journalists crowd
    """)
LABEL_WORD = re.compile(r"[\w'’-]+")
# A host found by how they talk, when every label is a name (see the module docstring).
HOST_MIN_TURNS = 3
HOST_QUESTION_SHARE = 0.5  # of their turns with a question mark
# ... or fewer, when they also open and close the show: a host links as much as asks ("Let's talk
# jobs. You laid off 300 people."), and nobody else both welcomes and signs off.
FRAMING_QUESTION_SHARE = 0.25
HOST_LENGTH_SHARE = 0.75  # their words per turn, at most this share of everyone else's
FRAMING_LENGTH_SHARE = 1.0  # ... or merely shorter, for one who opens and closes the show


def label_role(speaker: str | None) -> str | None:
    """MODERATOR or FLOOR when the label says so ("Host Dev Raman", "Caller Bev"), else None."""
    if not speaker:
        return None
    found = {w.lower() for w in LABEL_WORD.findall(speaker)}
    if not found.isdisjoint(MODERATOR_WORDS):
        return MODERATOR
    # "Member of the public"; a "Public Prosecutor" asks nothing from the floor.
    if not found.isdisjoint(FLOOR_WORDS) or {"member", "public"} <= found:
        return FLOOR
    return None


def _host_by_manner(spoken: list[tuple[str, str]]) -> str | None:
    """The plain-named speaker who runs the event, or None (``spoken``: (speaker, words) per turn)."""
    count: dict[str, int] = {}
    asked: dict[str, int] = {}
    length: dict[str, int] = {}
    for speaker, text in spoken:
        count[speaker] = count.get(speaker, 0) + 1
        asked[speaker] = asked.get(speaker, 0) + ("?" in text)
        length[speaker] = length.get(speaker, 0) + len(text.split())
    if len(count) < 2:
        return None
    most = max(count.values())
    leaders = [s for s, n in count.items() if n == most]
    if len(leaders) != 1 or most < HOST_MIN_TURNS:
        return None
    host = leaders[0]
    frames = spoken[0][0] == host and spoken[-1][0] == host
    if asked[host] < (FRAMING_QUESTION_SHARE if frames else HOST_QUESTION_SHARE) * most:
        return None
    others_turns = len(spoken) - most
    others_words = sum(length.values()) - length[host]
    share = FRAMING_LENGTH_SHARE if frames else HOST_LENGTH_SHARE
    if length[host] / most >= share * others_words / others_turns:
        return None
    return host


def speaker_roles(lines: Iterable[tuple[str | None, str]]) -> dict[str, str]:
    """Each speaker with a role -> MODERATOR or FLOOR; ``lines``: (speaker, words) per transcript line.

    Consecutive lines by one speaker are one turn.
    """
    spoken: list[tuple[str, str]] = []
    for speaker, text in lines:
        if speaker is None:
            continue
        if spoken and spoken[-1][0] == speaker:
            spoken[-1] = (speaker, spoken[-1][1] + " " + text)
        else:
            spoken.append((speaker, text))
    roles: dict[str, str] = {}
    for speaker, _ in spoken:
        role = label_role(speaker)
        if role is not None:
            roles[speaker] = role
    if MODERATOR not in roles.values():
        host = _host_by_manner([(s, t) for s, t in spoken if s not in roles])
        if host is not None:
            roles[host] = MODERATOR
    for speaker in _handed_on(spoken, roles):
        roles[speaker] = FLOOR
    return roles


def _handed_on(spoken: list[tuple[str, str]], roles: dict[str, str]) -> set[str]:
    """Plain-named speakers the moderator gave a question to by name (an analyst on a results call)."""
    named: set[str] = set()
    others = {speaker for speaker, _ in spoken if speaker not in roles}
    for speaker, text in spoken:
        if roles.get(speaker) != MODERATOR or "from" not in text:
            continue
        for m in HANDED_ON.finditer(text):
            who = m.group("who").lower()
            named.update(other for other in others if other.lower() in who)
    return named
