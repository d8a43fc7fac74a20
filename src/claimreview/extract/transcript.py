"""Speech and debate transcripts: ``SPEAKER: text`` lines, SubRip (.srt) and WebVTT (.vtt).

Subtitles are turned into the same ``Speaker: text`` form (one paragraph per run of cues by one
speaker, cue line breaks joined with a space), so the stored text is readable, every claim
offset refers to it, and one parser (:func:`turns`) serves all three formats. A line without a
label continues the previous speaker's turn.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimreview.extract.names import strip_titles
from claimreview.extract.wordlist import words

# "MARIA OKAFOR:", "Health Minister Ruth Adeyemi:", "Q:" — a short label before a colon. Times
# ("At 2:15") and sentences with a colon ("Note: ...") fail the name test in speaker_label.
LABEL = re.compile(r"^(?P<label>[A-Z][\w.'’ -]{0,60}?(?:\s*\([^()\n]{1,40}\))?)\s*:\s+(?=\S)")
LABEL_MAX_WORDS = 6
# Parliamentary records name the office, then who holds it: "THE MINISTER FOR HOUSING (JANE ROE):",
# "The Prime Minister (John Doe):". The office may run longer than a name and has small words in it.
OFFICE_HOLDER = re.compile(r"(?P<office>[^()]+?)\s*\((?P<name>[^()]+)\)")
OFFICE_MAX_WORDS = 10
OFFICE_JOINERS = frozenset({"for", "of", "and", "the", "on", "in", "to"})
# A transcript is detected when this share of non-blank lines (at least MIN_LABELLED) carry a label.
DETECT_SHARE = 0.5
MIN_LABELLED = 3
# Label words that are not names: "Note: ...", "Update: ...", "Photo: ..." start article lines.
NOT_LABELS = words("""
    note update updated photo photos image video source sources editor editing related read more see
    also warning correction clarification breaking live watch listen subscribe copyright caption credit
    """)
TITLES = words("""
    president vice minister prime secretary senator sen. sen governor gov. gov mayor chief constable
    health foreign finance interior defence defense labour labor justice education deputy dr dr. mr
    mr. mrs mrs. ms ms. prof prof. professor general gen. rep. rep representative judge sir dame lord
    lady councillor councilor commissioner chairman chairwoman chair speaker ambassador reverend rev.
    """)
# Stage directions: "(APPLAUSE)", "[CROSSTALK]", "[inaudible]".
STAGE = re.compile(r"^\s*[\[(][^\])]{1,40}[\])]\s*$")
SRT_TIMING = re.compile(r"^\d\d:\d\d:\d\d[,.]\d{3}\s+-->\s+\d\d:\d\d:\d\d[,.]\d{3}")
VTT_TIMING = re.compile(r"^(?:\d\d:)?\d\d:\d\d\.\d{3}\s+-->\s+(?:\d\d:)?\d\d:\d\d\.\d{3}")
VTT_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
VTT_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d\d:[\d:.]+>")
DASH_TURN = re.compile(r"^[-–—]\s*")


@dataclass(frozen=True, slots=True)
class Turn:
    """A stretch of ``text`` (the words after the label) and who speaks it."""

    start: int
    end: int
    speaker: str | None


def speaker_label(label: str) -> str | None:
    """'HEALTH MINISTER RUTH ADEYEMI' -> 'Ruth Adeyemi'; None when the label is not a speaker."""
    held = OFFICE_HOLDER.fullmatch(label.strip())
    if held is not None:
        return _office_holder(held["office"], held["name"])
    parts = label.split()
    if not parts or len(parts) > LABEL_MAX_WORDS or parts[0].lower() in NOT_LABELS:
        return None
    if any(not (p[0].isupper() or p.lower() in TITLES) for p in parts):
        return None
    rest = list(parts)
    while len(rest) > 1 and rest[0].lower() in TITLES:
        rest = rest[1:]
    # "CHIEF FIRE OFFICER DAVID OKORO": a rank of several words, as an article's names lose it.
    rest = strip_titles(rest)
    return " ".join(p if not p.isupper() or len(p) <= 1 else p.capitalize() for p in rest)


def _office_holder(office: str, name: str) -> str | None:
    words_ = office.split()
    if not words_ or len(words_) > OFFICE_MAX_WORDS or words_[0].lower() in NOT_LABELS:
        return None
    if any(not (w[0].isupper() or w.lower() in OFFICE_JOINERS) for w in words_):
        return None
    # "SMITH (VIA VIDEO LINK)" names no one in the brackets: the label outside them is the speaker.
    return speaker_label(name) or speaker_label(office)


def _label(line: str) -> tuple[str, int] | None:
    m = LABEL.match(line)
    if not m:
        return None
    name = speaker_label(m.group("label"))
    return (name, m.end()) if name else None


def looks_like_transcript(text: str) -> bool:
    """True when most non-blank lines start with a speaker label."""
    lines = [line for line in text.split("\n") if line.strip()]
    labelled = sum(1 for line in lines if _label(line) is not None)
    # Unlabelled lines continue a turn, so a speech with few speakers is detected from its first line.
    opens = bool(lines) and _label(lines[0]) is not None
    share = DETECT_SHARE * (0.4 if opens else 1.0)
    return labelled >= MIN_LABELLED - opens and labelled >= share * len(lines)


def turns(text: str) -> Iterator[Turn]:
    """The spoken stretches of a ``SPEAKER: text`` transcript, in order; stage directions skipped."""
    speaker: str | None = None
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip() or STAGE.match(line):
            continue
        found = _label(line)
        if found is not None:
            speaker, offset = found
            start += offset
        yield Turn(start, end, speaker)


def _cues(raw: str, timing: re.Pattern[str]) -> Iterator[list[str]]:
    """The text lines of each cue (numbers, timings, headers and notes dropped)."""
    block: list[str] = []
    timed = False
    for line in [*raw.split("\n"), ""]:
        if not line.strip():
            if timed and block:
                yield block
            block, timed = [], False
        elif timing.match(line):
            timed, block = True, []
        elif timed:
            block.append(line.strip())
    return


def subtitles_to_text(raw: str, *, vtt: bool) -> str:
    """SubRip or WebVTT cues as ``Speaker: text`` paragraphs, one per change of speaker."""
    paragraphs: list[tuple[str | None, list[str]]] = []
    speaker: str | None = None
    for cue in _cues(raw, VTT_TIMING if vtt else SRT_TIMING):
        for line in cue:
            if vtt:
                voice = VTT_VOICE.search(line)
                if voice:
                    speaker = speaker_label(voice.group(1).strip()) or voice.group(1).strip()
                line = VTT_TAG.sub("", line).strip()
            else:
                line = DASH_TURN.sub("", line)
            found = _label(line)
            if found is not None:
                speaker, offset = found
                line = line[offset:]
            if not line or STAGE.match(line):
                continue
            if paragraphs and paragraphs[-1][0] == speaker:
                paragraphs[-1][1].append(line)
            else:
                paragraphs.append((speaker, [line]))
    return "\n\n".join((f"{who}: " if who else "") + " ".join(lines) for who, lines in paragraphs)


def is_turn(line: str) -> bool:
    """Whether ``line`` opens a turn (``SPEAKER: text``)."""
    return _label(line) is not None
