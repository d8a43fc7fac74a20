"""Sentence spans with exact character offsets.

The text is cut into paragraphs (blank lines), paragraphs into blocks (lines, or runs of
hard-wrapped lines), blocks into sentences. A sentence therefore never crosses a blank line.

pysbd is the reference segmenter but costs milliseconds per paragraph, and the CLI segments
thousands of articles per call. Most news paragraphs need no decision at all, so a block only
goes to pysbd when a cheap regex finds a boundary that could be read two ways (abbreviations,
initials, numbers, ellipses, a lowercase next word, a full stop inside quotation marks or
brackets, quotation marks that do not pair up). The unit tests check the shortcut against pysbd
on every sample article, the seed article and a set of tricky paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from claimreview.extract.wordlist import words

if TYPE_CHECKING:
    import pysbd

# A blank line is a line holding nothing but spaces/tabs (and NBSP: pasted web text has them).
PARAGRAPH_BREAK = re.compile(r"\n(?:[^\S\n]*\n)+")

# A line this long that does not end a sentence is taken as hard-wrapped prose and joined with
# the next line; shorter ones are captions, credits, headings or list lines and stand alone.
SOFT_WRAP_MIN_CHARS = 40
ENDS_SENTENCE = re.compile(r"[.!?…:;。！？؟][\"'”’)\]»」』]*$")
# Most lines that end a sentence end on the stop itself: no regex needed to say so.
STOPS = frozenset(".!?…:;。！？؟")

# A title line is shorter than this share of the line after it (prose lines are of similar width).
TITLE_NEXT_RATIO = 1.5
# A wrapped line often ends on one of these; a title almost never does.
FUNCTION_WORDS = words("""
    a an the of to in on at for by with from and or but as that which who than its their his her our
    is are was were be has have had will would not into over under after before about
    """)

CLOSERS = "\"'”’)\\]»」』）"
# Where a sentence might end: Western terminators need following whitespace, CJK ones do not.
# (Written to open with one character class: the regex engine then skips ahead to the next stop
# instead of trying both branches at every character.)
CANDIDATE = re.compile(
    rf"[.!?…؟。！？](?:(?<=[.!?…؟])[.!?…؟]*[{CLOSERS}]*\s+(?=\S)|(?<=[。！？])[。！？]*[{CLOSERS}]*\s*(?=\S))"
)
PAIRS = {"(": ")", "[": "]", "{": "}", "“": "”", "«": "»", "「": "」", "『": "』", "（": "）"}
# Quotation marks and brackets: a block with none has no boundary inside them.
ENCLOSER = re.compile(r'["“”«»()\[\]{}「」『』（）]')
OPENERS = '"“«(['
CJK_STOPS = frozenset("。！？")

# Lowercased tokens that end with a period without ending the sentence.
ABBREVIATIONS = words("""
    mr mrs ms dr prof st gen lt col maj capt cpt sgt cmdr adm gov sen rep rev fr hon pres supt insp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vs etc inc ltd co corp jr sr bros dept est approx fig vol al ave blvd rd mt ft
    """)

# pysbd gets slow (worse than linear in the number of full stops: 3,000 characters of "a. a. "
# take 0.1 s); beyond these limits the block is not prose and the regex splitter's rougher
# handling of abbreviations is good enough.
PYSBD_MAX_CHARS = 5_000
PYSBD_MAX_CANDIDATES = 40


# A named tuple, not a frozen dataclass: a long article makes thousands and the dataclass's
# __init__ costs three times as much.
class Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int  # counts non-blank paragraphs from 0, so 0 is where a headline would be
    # The sentence is its whole line (or wrapped block): headings, credits and stray lines look
    # like this, running prose rarely does.
    alone: bool


@cache
def _segmenter() -> pysbd.Segmenter:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the text between blank lines (untrimmed, possibly all whitespace)."""
    pos = 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        yield pos, brk.start()
        pos = brk.end()
    yield pos, len(text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        ls, le = _trim(text, pos, line_end)
        if ls < le:
            out.append((ls, le))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _ends_sentence(line: str) -> bool:
    return line[-1:] in STOPS or ENDS_SENTENCE.search(line) is not None


def is_title_line(line: str, following: str) -> bool:
    """A headline or caption line glued to the paragraph below it by a single newline.

    Hard-wrapped prose has lines of about the same width, so a line much shorter than the next
    one, that ends on a content word and is followed by a capital, stands alone.
    """
    if not line.strip() or _ends_sentence(line):
        return False
    last = line.rsplit(None, 1)[-1].lower().strip("\"'”’")
    return (
        len(following) >= TITLE_NEXT_RATIO * len(line)
        and (following[:1].isupper() or following[:1].isdigit() or following[:1] in OPENERS)
        and line[-1] not in ",;-–—"
        and last not in FUNCTION_WORDS
    )


def blocks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Trimmed spans of the lines in text[start:end], hard-wrapped lines joined."""
    block_start: int | None = None
    last_end = start
    lines = _lines(text, start, end)
    for i, (ls, le) in enumerate(lines):
        if block_start is None:
            block_start = ls
        line = text[ls:le]
        if (
            len(line) < SOFT_WRAP_MIN_CHARS
            or _ends_sentence(line)
            or (block_start == ls and i + 1 < len(lines) and is_title_line(line, text[slice(*lines[i + 1])]))
        ):
            yield block_start, le
            block_start = None
        else:
            last_end = le
    if block_start is not None:
        yield block_start, last_end


def _token_before(piece: str, index: int) -> str:
    start = index
    while start > 0 and not piece[start - 1].isspace():
        start -= 1
    return piece[start:index]


def _is_ambiguous(piece: str, match: re.Match[str]) -> bool:
    stop = match.group()
    if "…" in stop or ".." in stop or stop[0] in CJK_STOPS:
        return True
    nxt = piece[match.end() : match.end() + 2]
    if nxt and nxt[0] in OPENERS:
        nxt = nxt[1:]
    if not nxt[:1].isupper():
        return True
    if stop[0] != ".":
        return False
    token = _token_before(piece, match.start()).lstrip(OPENERS + "'‘")
    return (
        not token
        or "." in token
        or any(ch.isdigit() for ch in token)
        or token.lower() in ABBREVIATIONS
        or (token[0].isupper() and len(token) <= 4)
    )


# "a.m", "U.S", "U.N": the token before a full stop that, followed by a lowercase word, pysbd
# never reads as a sentence end.
DOTTED_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


# Both kinds of joining full stop ("a.m", "U.S") follow a dotted token; most blocks hold none.
DOTTED_TOKEN = re.compile(r"\.(?<=[A-Za-z]\.)[A-Za-z]")  # led by "." so the search skips ahead


# "at 3:42 a.m. Monday", "at 9 p.m. GMT": a time of day goes on with its day or time zone.
CLOCK_THEN_DAY = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|GMT|UTC|local|Jan|Feb|Mar|Apr|May|Jun"
    r"|Jul|Aug|Sep|Oct|Nov|Dec)"
)


def _joins(piece: str, match: re.Match[str]) -> bool:
    """A full stop that certainly does not end the sentence ("3 a.m. on Monday", "3:42 a.m. Monday")."""
    if match.group().rstrip() != ".":
        return False
    following = piece[match.end() : match.end() + 1]
    if following.isupper():
        # only "a.m."/"p.m." go on with a capital: the day or time zone after a time of day
        clock = piece[max(0, match.start() - 4) : match.start()].lower() in (" a.m", " p.m")
        return clock and CLOCK_THEN_DAY.match(piece, match.end()) is not None
    if not following.islower():
        return False
    token = _token_before(piece, match.start()).lstrip(OPENERS + "'‘")
    return DOTTED_ABBREVIATION.fullmatch(token) is not None


def _enclosures(piece: str) -> list[tuple[int, int]] | None:
    """Spans of quotations and brackets, or None when they do not pair up."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for m in ENCLOSER.finditer(piece):
        ch, i = m.group(), m.start()
        if ch == '"':
            if straight is None:
                straight = i
            else:
                spans.append((straight, i))
                straight = None
        elif ch in PAIRS:
            stack.append((ch, i))
        elif stack and PAIRS[stack[-1][0]] == ch:
            spans.append((stack.pop()[1], i))
        else:
            return None
    if stack or straight is not None:
        return None
    return spans


def _regex_split(piece: str, candidates: list[re.Match[str]], *, every: bool) -> list[tuple[int, int]]:
    """Split at candidates: ``every`` one (the caller found none ambiguous), else all but those after
    an abbreviation."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in candidates:
        if not every:
            token = _token_before(piece, m.start())
            if m.group()[0] == "." and (token.lower() in ABBREVIATIONS or len(token) == 1):
                continue
        spans.append((pos, m.end()))
        pos = m.end()
    spans.append((pos, len(piece)))
    return spans


def _pysbd_split(piece: str) -> list[tuple[int, int]] | None:
    spans: list[tuple[int, int]] = []
    cursor = 0
    for seg in _segmenter().segment(piece):
        seg = seg.strip()
        if not seg:
            continue
        i = piece.find(seg, cursor)
        if i < 0:
            # pysbd rewrote the text; the caller falls back to the regex splitter.
            return None
        spans.append((i, i + len(seg)))
        cursor = i + len(seg)
    return spans


def split_block(piece: str) -> list[tuple[int, int]]:
    """Sentence spans (relative, untrimmed) inside one block with no newlines."""
    if DOTTED_TOKEN.search(piece) is None:
        candidates = list(CANDIDATE.finditer(piece))
    else:
        candidates = [m for m in CANDIDATE.finditer(piece) if not _joins(piece, m)]
    if not candidates:
        return [(0, len(piece))]
    # Boundaries inside quotations or brackets are pysbd's call; clean ones outside are not.
    enclosed = [] if ENCLOSER.search(piece) is None else _enclosures(piece)
    if (
        enclosed is not None
        and not any(_is_ambiguous(piece, m) for m in candidates)
        and not any(s < m.start() < e for m in candidates for s, e in enclosed)
    ):
        return _regex_split(piece, candidates, every=True)
    if len(piece) <= PYSBD_MAX_CHARS and len(candidates) <= PYSBD_MAX_CANDIDATES:
        spans = _pysbd_split(piece)
        if spans is not None:
            return spans
    return _regex_split(piece, candidates, every=False)


def span_sentences(text: str, start: int, end: int, paragraph: int) -> Iterator[Sentence]:
    """Sentences of one paragraph (or transcript turn) ``text[start:end]``."""
    for bstart, bend in blocks(text, start, end):
        # Joined hard-wrapped lines: pysbd treats "\n" as a boundary, a space keeps the length.
        piece = text[bstart:bend].replace("\n", " ")
        for rs, re_ in split_block(piece):
            s, e = _trim(text, bstart + rs, bstart + re_)
            if s < e:
                yield Sentence(s, e, paragraph, alone=(s == bstart and e == bend))


def sentences(text: str) -> list[Sentence]:
    """All sentences of ``text`` in order, trimmed, with exact offsets."""
    out: list[Sentence] = []
    index = -1
    for pstart, pend in paragraphs(text):
        if text[pstart:pend].strip():
            index += 1
        out.extend(span_sentences(text, pstart, pend, index))
    return out


def sentence_end_after(text: str, end: int) -> int | None:
    """Where a claim ending at ``end`` ends once extended by one sentence: the end of the first sentence
    that ends after ``end`` (so a claim cut mid-sentence gets its sentence's rest), or None at the end."""
    for sentence in sentences(text):
        if sentence.end > end:
            return sentence.end
    return None


def sentence_start_after(text: str, start: int, end: int) -> int | None:
    """Where a claim ``start``..``end`` starts once its first sentence is dropped (a headline glued to
    it): the start of the next sentence inside the claim, or None when the claim is one sentence."""
    for sentence in sentences(text):
        if start < sentence.start < end:
            return sentence.start
    return None
