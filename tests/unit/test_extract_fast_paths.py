"""The extractor's regexes written for speed match exactly what their plain forms match.

Several patterns open with a literal or a character class and check a word boundary behind it
(the regex engine then skips ahead instead of trying every position), and some regex calls are
skipped when a cheap test already decides. Each is compared here with the plain form it replaced,
on sentences written for these tests and on random strings built from the characters that matter.
"""

from __future__ import annotations

import random
import re

import pytest

from claimreview.extract import furniture, noise, readers, scene, segment, sources, verbs, worthiness
from claimreview.extract.bodies import NAME_RUN, described

SENTENCES = [
    "The ferry operator said on Tuesday that 1,240 passengers were stranded, up from 800 in 2019.",
    'Ms. Okafor, 34, told reporters: "We waited. Nobody came!" The U.S. embassy said at 9 p.m. Monday.',
    "Shipbuilder Varnes Marine, the region's largest yard, denied it. The yard points to a 2.5% rise.",
    "Click here to subscribe to our newsletter. Sign up for alerts, or follow our live coverage.",
    "Rescuers wade through floodwater in Dunmore on March 4, 2025. Photo: Ana Ruiz/Reuters",
    "Unsaid things, saidx and resaid are no verbs; the council says it will review the findings.",
    "Officials said last week... Really? (Yes.) 「はい。」 Then: the end",
]


def _random_strings(alphabet: list[str], count: int = 3000, longest: int = 10) -> list[str]:
    rng = random.Random(20261201)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("fast", "plain", "alphabet"),
    [
        (
            segment.CANDIDATE,
            rf"[.!?…؟]+[{segment.CLOSERS}]*\s+(?=\S)|[。！？]+[{segment.CLOSERS}]*\s*(?=\S)",
            list(".!?…؟。！？\"'”’)]»」』） \n\taZ"),
        ),
        (worthiness.YEAR, r"\b(?:1[89]|20)\d\d\b", list("12890 a_é\n")),
        (worthiness.AGE, r"(?<=[A-Za-z]), \d{1,2}(?=[,.]|$)", list("aZ, 123.é\n")),
        (worthiness.CAPITALISED, r"\b[A-Z][\w'’-]*", list("aAZb_1'’- .,é")),
        (
            readers.CONTROL,
            r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|[\x00-\x08\x0b-\x1f\x7f-\x9f]",
            ["\x1b", "[", "]", "0", ";", "m", " ", "/", "@", "~", "\x07", "\\", "a", "\n", "\x00", "\x9f"],
        ),
    ],
)
def test_rewritten_regex_finds_what_the_plain_one_finds(
    fast: re.Pattern[str], plain: str, alphabet: list[str]
) -> None:
    reference = re.compile(plain)
    for text in SENTENCES + _random_strings(alphabet):
        assert _spans(fast, text) == _spans(reference, text), text


def test_verbs_among_finds_what_verb_finds() -> None:
    alphabet = [*sorted(verbs.REPORTING_VERBS)[:30], "points", "point", " ", "un", "x", "_", ",", "\u2063"]
    for text in SENTENCES + _random_strings(alphabet, longest=6):
        present = verbs.REPORTING_VERBS.intersection(re.findall(r"\w+", text))
        expected = [(m.span(), m.group()) for m in verbs.VERB.finditer(text)]
        assert [(m.span(), m.group()) for m in verbs.verbs_among(present).finditer(text)] == expected, text


def test_link_rules_find_what_the_single_regex_finds() -> None:
    plain = re.compile(
        r"^(?:see also|more on this(?: story)?|more from|also read|further reading|watch|listen)\s*:"
        r"|\b(?:click here|follow (?:our|the) live|subscribe to (?:our|the)|sign up (?:for|to)"
        r"|our experts weigh in)\b",
        re.IGNORECASE,
    )
    alphabet = ["see also", ":", " ", "click here", "follow", "our", "the", "live", "subscribe to", "sign up"]
    alphabet += ["for", "x", "Click", "HERE", "ſign", "Up", "_", "experts weigh in", "clıck here", "İ"]
    for text in SENTENCES + _random_strings(alphabet, longest=7):
        fast = furniture.LINK_START.match(text) or furniture._link_phrase(text)
        assert bool(fast) == bool(plain.search(text)), text


def _described_plain(head: str, text: str) -> str | None:
    if head not in text:
        return None
    m = re.search(r"\b" + re.escape(head) + r"s?\s+(" + NAME_RUN.pattern + ")", text)
    if m is None:
        m = re.search(
            "(" + NAME_RUN.pattern + r"),\s+(?:the|a|an)\s+[^,;]{0,60}?\b" + re.escape(head) + ",", text
        )
    if m is None:
        m = re.search(r"\b[Tt]he\s+(" + NAME_RUN.pattern + r")\s+[a-z]*" + re.escape(head) + r"\b", text)
        if m and " " not in m.group(1):
            return None
    return m.group(1).rstrip(".") if m else None


def test_described_finds_what_the_plain_searches_find() -> None:
    alphabet = ["The ", "the ", "yard", "shipyard", "Varnes ", "Marine", ", ", "a ", "x", "_", "(x", "co-op"]
    for text in SENTENCES + _random_strings(alphabet):
        for head in ("yard", "shipbuilder", "co-op", "(x"):
            assert described(head, text) == _described_plain(head, text), (head, text)


def test_shortcuts_agree_with_the_regexes_they_skip() -> None:
    endings = _random_strings(list("?？؟\"'”’)]»」』\n.!。！…ab "), longest=6)
    for text in endings:
        assert bool(noise.ENDS_QUESTION.search(text)) == bool(
            text[-1:] in noise.QUESTION_TAIL and noise.ENDS_QUESTION.search(text)
        ), text
        assert bool(noise.ENDS_SENTENCE.search(text)) == (
            text[-1:] in noise.STOPS or bool(noise.ENDS_SENTENCE.search(text))
        ), text
    phrases = _random_strings(
        ["late ", "on ", "last ", "Monday", "week", "two ", "days ", "ago", "earlier", "X"]
    )
    for phrase in phrases:
        guarded = sources.TRAILING_TIME.sub("", phrase) if phrase.endswith(sources.TIME_ENDINGS) else phrase
        assert guarded == sources.TRAILING_TIME.sub("", phrase), phrase
    for text in SENTENCES + _random_strings(list("0123456789 Mar,")):
        if scene.FULL_DATE.search(text):
            assert scene.FOUR_DIGITS.search(text), text


def _agency_line_plain(line: str) -> bool:
    tokens = [t for t in noise.CREDIT_SPLIT.split(line.lower()) if t]
    return bool(tokens) and all(t in noise.AGENCIES or t in noise.CREDIT_JOINERS for t in tokens)


def test_agency_lines_are_what_the_full_split_says() -> None:
    alphabet = ["AFP", "ap", "Reuters", "/", "|", ",", "(", ")", " ", "via", "Getty Images", "photo", "x"]
    lines = [*SENTENCES, "(AFP/Getty Images)", "EPA-EFE", "Photo: AFP", *_random_strings(alphabet, longest=6)]
    for line in lines:
        parts = line.split()
        plain = len(parts) <= noise.CREDIT_MAX_WORDS and (
            bool(noise.CREDIT_PREFIX.match(line))
            or ("/" in line and bool(noise.CREDIT_SLASH.match(line)))
            or _agency_line_plain(line)
            or (len(parts) <= 3 and line.isupper())
        )
        assert noise._is_credit(line, parts) == plain, line


def test_a_credit_without_a_slash_needs_no_slash_form() -> None:
    alphabet = ["(", ")", "[", "]", " ", "AP", "Photo", "pic", "Doe", "via", "Reuters", "TNA", ":", "–"]
    tails = [*SENTENCES, "... at the port. (Kyodo)", "-- Agency pic", *_random_strings(alphabet, longest=8)]
    for tail in (t for t in tails if "/" not in t):
        for at in range(len(tail) + 1):
            full = furniture.CREDIT_TAIL.match(tail, at)
            assert bool(full) == bool(furniture.CREDIT_TAIL_WITHOUT_SLASH.match(tail, at)), (tail, at)
