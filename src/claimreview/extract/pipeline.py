"""Text in, scored sentences out: segmenting, furniture rules, attribution and the score together.

:func:`candidates` keeps every sentence with its verdict, so the quality bench can rank all of
them; :func:`extract_claims` is the kept ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from claimreview.extract.attribution import SpeakerContext
from claimreview.extract.furniture import line_reason
from claimreview.extract.noise import WORD, noise_reason, quoted_question
from claimreview.extract.records import ExtractedClaim
from claimreview.extract.roles import speaker_roles
from claimreview.extract.scene import caption_like, dated_scene
from claimreview.extract.segment import Sentence, sentences, span_sentences
from claimreview.extract.transcript import turns
from claimreview.extract.worthiness import KEEP_THRESHOLD, score

KINDS = ("article", "transcript")
# "(END)", "-- ENDS", "-30-", "###": the story's end, not a credit under a picture.
END_MARK = re.compile(r"^[\W_]*(?:END|ENDS|ENDITEM|MORE|30)?[\W_]*$")
# An agency's name and the initials of the staff who handled the story: "PTI TGB SSK".
SIGN_OFF = re.compile(r"^[A-Z]{2,}(?:\s+[A-Z]{2,4}){1,5}$")
# A credit line is short; longer lines under a caption-like line are prose.
CREDIT_LINE_MAX_CHARS = 80


# A named tuple (like Sentence): one per sentence, cheaper to make than a frozen dataclass.
class Candidate(NamedTuple):
    start: int
    end: int
    speaker: str | None
    score: float
    reasons: tuple[str, ...]
    noise: str | None  # why it is not a claim whatever its score ("caption", "question", ...)
    duplicate: bool

    @property
    def kept(self) -> bool:
        return self.noise is None and not self.duplicate and self.score >= KEEP_THRESHOLD


def _line(text: str, sentence: Sentence) -> str:
    start = text.rfind("\n", 0, sentence.start) + 1
    end = text.find("\n", sentence.end)
    return text[start : end if end >= 0 else len(text)]


def _next_line(text: str, end: int) -> str:
    """The first non-blank line after offset ``end`` (the next paragraph's, across blank lines)."""
    pos = text.find("\n", end)
    while 0 <= pos < len(text):
        nxt = text.find("\n", pos + 1)
        line = text[pos + 1 : nxt if nxt >= 0 else len(text)].strip()
        if line:
            return line
        pos = nxt
    return ""


def _credited(text: str, sentence: Sentence) -> bool:
    """A line standing alone with a photo credit under it ("AFP", "Photo: Reuters") is a caption."""
    following = _next_line(text, sentence.end)
    if not following or len(following) > CREDIT_LINE_MAX_CHARS or END_MARK.match(following):
        return False
    if SIGN_OFF.match(following):
        return False  # "PTI TGB SSK": the desk's initials closing the story, not a photo credit
    return noise_reason(following, alone=True, opening=False) == "credit"


def _key(span: str) -> str:
    return " ".join(span.split())


def _printed_twice(text: str, found: list[Sentence]) -> set[str]:
    """Stand-alone paragraphs that come back word for word (a caption under the picture and again
    in a gallery or at the end of the page)."""
    once: set[str] = set()
    twice: set[str] = set()
    for sentence in found:
        if sentence.alone:
            key = _key(text[sentence.start : sentence.end])
            (twice if key in once else once).add(key)
    return twice


@dataclass(slots=True)
class _Captions:
    """What the page has shown to be captions so far, and its repeated paragraphs (counted only
    when a sentence needs them: most pages never ask)."""

    text: str
    found: list[Sentence]
    seen: set[str]
    repeated: set[str] | None = None

    def caption(self, sentence: Sentence, span: str, key: str) -> bool:
        """A stand-alone sentence nobody is quoted in that is a picture's caption."""
        if key in self.seen:
            return True
        if not sentence.alone:
            return False
        if _credited(self.text, sentence) or dated_scene(span):
            return True
        if self.repeated is None:
            self.repeated = _printed_twice(self.text, self.found)
        return key in self.repeated and caption_like(span)


def _article(text: str, captions: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    context = SpeakerContext()
    seen: set[str] = set()
    out: list[Candidate] = []
    line_noise: dict[int, str | None] = {}
    found_sentences = list(sentences(text))
    # Captions already seen: the same words printed again later are the same caption.
    page = _Captions(text, found_sentences, set())
    attributed: list[int] = []  # where each attributed sentence's candidate is in ``out``
    for sentence in found_sentences:
        span = text[sentence.start : sentence.end]
        tokens = WORD.findall(span)
        noise = noise_reason(span, alone=sentence.alone, opening=sentence.paragraph == 0, tokens=tokens)
        if noise is None:
            line_start = text.rfind("\n", 0, sentence.start) + 1
            if line_start not in line_noise:
                line_noise[line_start] = line_reason(_line(text, sentence))
            noise = line_noise[line_start]
        if noise is not None:
            if noise == "caption":
                page.seen.add(_key(span))
            out.append(Candidate(sentence.start, sentence.end, None, 0.0, (), noise, False))
            continue
        # Attribute before de-duplicating: a repeated sentence still moves the "last speaker".
        found = context.attribute_full(span, paragraph=sentence.paragraph, tokens=tokens)
        attributed.append(len(out))
        key = " ".join(span.split())
        if quoted_question(span):
            # Attributed first, so a later "she said" finds who asked.
            out.append(Candidate(sentence.start, sentence.end, None, 0.0, (), "question", False))
            continue
        # Someone's words with an agency tag under them are still a claim; a scene is not.
        if found is None and (
            any(s <= sentence.start and sentence.end <= e for s, e in captions)
            or page.caption(sentence, span, key)
        ):
            page.seen.add(key)
            out.append(Candidate(sentence.start, sentence.end, None, 0.0, (), "caption", False))
            continue
        duplicate = key in seen
        seen.add(key)
        value, reasons = score(
            span,
            attributed=found is not None,
            named=found is not None and found.named,
            tokens=tokens,
            official=found is not None and found.official,
        )
        speaker = found.speaker if found is not None else None
        out.append(Candidate(sentence.start, sentence.end, speaker, value, reasons, None, duplicate))
    # A lede's unnamed source the story named a little later (attribution's ``renamed``).
    for number, speaker in context.renamed.items():
        out[attributed[number]] = out[attributed[number]]._replace(speaker=speaker)
    return out


def _transcript(text: str) -> list[Candidate]:
    seen: set[str] = set()
    out: list[Candidate] = []
    spoken = list(turns(text))
    # The moderator's premises and the floor's questions are framing, whatever their words.
    roles = speaker_roles((turn.speaker, text[turn.start : turn.end]) for turn in spoken)
    for index, turn in enumerate(spoken):
        role = roles.get(turn.speaker) if turn.speaker is not None else None
        for sentence in span_sentences(text, turn.start, turn.end, index):
            span = text[sentence.start : sentence.end]
            # A turn is speech: no headings or bylines, but questions and "Thank you." still go.
            tokens = WORD.findall(span)
            noise = noise_reason(span, alone=False, opening=False, tokens=tokens)
            key = " ".join(span.split())
            duplicate = key in seen
            seen.add(key)
            value, reasons = (
                (0.0, ()) if noise else score(span, attributed=False, tokens=tokens, spoken=True, role=role)
            )
            out.append(
                Candidate(sentence.start, sentence.end, turn.speaker, value, reasons, noise, duplicate)
            )
    return out


def candidates(text: str, kind: str = "article", captions: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """Every sentence of ``text`` with speaker, score, reasons and whether it is noise.

    ``captions``: spans the markup marked as photo captions (:attr:`Article.captions`).
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    return _transcript(text) if kind == "transcript" else _article(text, captions)


def extract_claims(
    text: str, kind: str = "article", captions: Sequence[tuple[int, int]] = ()
) -> list[ExtractedClaim]:
    """Check-worthy sentences of ``text``, sorted by start; ``text[c.start:c.end] == c.text``.

    ``kind="transcript"``: ``text`` is ``Speaker: words`` lines and each claim takes its line's speaker.
    ``captions``: the article's caption spans (:attr:`Article.captions`), never claims.
    """
    return [
        ExtractedClaim(text[c.start : c.end], c.start, c.end, c.speaker, c.score, c.reasons)
        for c in candidates(text, kind, captions)
        if c.kept
    ]
