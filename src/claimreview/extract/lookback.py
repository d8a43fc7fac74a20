"""Names written in full earlier in a text for a short form used now: "The FAZ said" after "the
Football Association of Zambia", "Huaxing said" after "property developer Huaxing Land", and
whether a possessor ("Kaunda's party") is a person the text introduced with a title.

Pure string rules over the earlier sentences, for :mod:`attribution`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from claimreview.extract.names import ARTICLES, OWNER, SPELLED_OUT, is_body_head, is_role

# How many earlier sentences a short form looks back through.
REACH = 50
# A capitalised run with inner joining words: a body's name as written in passing.
NAME_RUN = re.compile(r"[A-Z][\w'’&-]*(?:\s+(?:(?:of|for|and|on|the|de|du|des)\s+)*[A-Z][\w'’&-]*)*")
# Joining words do not count in initials: "Football Association of Zambia" is the FAZ.
NOT_INITIALS = frozenset({"of", "for", "and", "on", "the", "de", "du", "des"})

BRACKETED_KIND = re.compile(r"\(([A-Z]{2,8})\)\s+([a-z]+)\b")
BRACKETED = re.compile(r"\s*\(([A-Z]{2,8})\)")
# Lowercase words inside a name an acronym spells out ("Mission in Armenia", "Office for the ...").
NAME_JOINERS = frozenset({"of", "for", "and", "on", "the", "in", "de", "du", "des", "to"})

Mention = tuple[str, bool, bool, str]  # (speaker, is organisation, is a name, words)


def described_name(word: str, earlier: Sequence[str]) -> tuple[str, bool, bool] | None:
    """'Huaxing said' after 'property developer Huaxing Land': the body's name in full."""
    run = re.compile(r"\b([a-z][\w-]*)\s+(" + re.escape(word) + r"(?:\s+[A-Z][\w'’&-]*)+)")
    for text in earlier[-REACH:][::-1]:
        m = run.search(text) if word in text else None
        if m and is_body_head(m.group(1)):
            return m.group(2).rstrip(".,"), True, True
    return None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w not in NOT_INITIALS)


def _spells(name: str, acronym: str) -> bool:
    """Whether ``acronym`` is the initials of ``name``: without its joining words ("FAZ"), or with
    an "of" among them ("BOJ" for "Bank of Japan")."""
    if _initials(name) == acronym:
        return True
    return "of" in name.split() and "".join(w[0].upper() for w in name.split() if w != "the") == acronym


# "The Disaster and Emergency Management Authority, known as AFAD,": a body's other name.
KNOWN_AS = (
    r"((?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|and|the|on|de|du|des)\s+)*){{0,8}}[A-Z][\w'’&.-]*),?\s+"
    r"(?:(?:also|widely|locally|better)\s+)?(?:known\s+as|called)\s+{}\b"
)


def known_as(alias: str, earlier: Sequence[str]) -> str | None:
    """The name written before "known as ``alias``" in an earlier sentence, or None."""
    for text in earlier[-REACH:][::-1]:
        m = _known_as(alias).search(text) if "as " + alias in text or "called " + alias in text else None
        if m:
            words_ = m.group(1).split()
            while words_ and words_[0].lower() in ARTICLES:
                words_ = words_[1:]
            if len(words_) > 1:
                return " ".join(words_)
    return None


@lru_cache(maxsize=128)
def _known_as(alias: str) -> re.Pattern[str]:
    return re.compile(KNOWN_AS.format(re.escape(alias)))


def acronym_name(acronym: str, earlier: Sequence[str], mentions: Sequence[Mention]) -> str:
    """The name an acronym was spelled out as earlier ("Korea Aerospace Industries (KAI)", "...,
    known as AFAD,"), or a body whose initials it is, as a speaker or named in passing; else the
    acronym."""
    alias = known_as(acronym, earlier)
    if alias is not None:
        return alias
    marker = f"({acronym})"
    pattern = re.compile(SPELLED_OUT.format(re.escape(acronym)))
    recent = earlier[-REACH:][::-1]
    for text in recent:
        m = pattern.search(text) if marker in text else None
        if m:
            words_ = m.group(1).split()
            while words_ and (words_[0].lower() in ARTICLES or OWNER.search(words_[0])):
                words_ = words_[1:]
            if words_:
                return " ".join(words_)
    # "according to the WHO" after "the World Health Organization said": the initials match.
    for speaker, org, named, _ in mentions[-REACH:][::-1]:
        capitals = [w[0] for w in speaker.split() if w[:1].isupper()]
        if org and named and len(capitals) > 1 and "".join(capitals) == acronym:
            return speaker
    # "The FAZ said" after "the president of the Football Association of Zambia": named in passing.
    for text in recent:
        if acronym[0] not in text:
            continue
        for m in NAME_RUN.finditer(text):
            words_ = m.group().rstrip(".,").split()
            if words_[0].lower() in ARTICLES:
                words_ = words_[1:]  # "The Athletics Integrity Unit" opening a sentence
            if not words_ or OWNER.search(words_[0]):
                continue
            # "the Football Association of Zambia on Monday": the name may end before the run does.
            for end in range(len(words_), 1, -1):
                if words_[end - 1][:1].isupper() and _spells(" ".join(words_[:end]), acronym):
                    found = " ".join(words_[:end])
                    # "CDC" for "Centers for Disease Control and Prevention": the name as it spoke
                    longer = [m[0] for m in mentions[-REACH:][::-1] if m[2] and found in m[0]]
                    return longer[0] if longer else found
    return acronym


def titled_person(surname: str, earlier: Sequence[str]) -> bool:
    """ "Kaunda" was introduced as a person with a title or role ("President Ezekiel Kaunda")."""
    pattern = re.compile(r"\b([\w-]+)\s+[A-Z][\w'’-]+\s+" + re.escape(surname) + r"\b")
    for text in earlier[-REACH:]:
        if surname in text:
            for m in pattern.finditer(text):
                if is_role(m.group(1)):
                    return True
    return False


def titled_name(title: str, texts: Sequence[str]) -> str | None:
    """The name written after ``title`` as a title ("Judge Helena Duarte" for "judge") in the first
    of ``texts`` that has one."""
    pattern = re.compile(
        r"\b" + re.escape(title.capitalize()) + r"\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
    )
    for text in texts:
        m = pattern.search(text) if title.capitalize() in text else None
        if m:
            return OWNER.sub("", m.group(1))
    return None


def spelled_out(tokens: list[str], acronym: str) -> list[str] | None:
    """The words of ``tokens`` that ``acronym`` abbreviates, joining words included: "The European
    Union Mission in Armenia" and "EUMA" -> "European Union Mission in Armenia"."""
    for start in range(len(tokens)):
        name = tokens[start:]
        if (
            name[0][:1].isupper()
            and all(t[:1].isupper() or t in NAME_JOINERS for t in name)
            and "".join(t if t.isupper() else t[0] for t in name if t[:1].isupper()) == acronym
        ):
            return name
    return None


def acronym_after(phrase: str, sentence: str) -> str | None:
    """The acronym in brackets right after ``phrase`` in ``sentence`` ("... in Armenia (EUMA)")."""
    at = sentence.find(phrase)
    if at < 0:
        return None
    m = BRACKETED.match(sentence, at + len(phrase))
    return m.group(1) if m else None


def extended_name(name: str, text: str) -> str:
    """``name`` with the "of/for ..." that follows it in ``text`` ("European Court" -> "European
    Court of Human Rights")."""
    m = re.search(re.escape(name) + r"((?:\s+(?:of|for)(?:\s+the)?(?:\s+[A-Z][\w'’-]*)+)*)", text)
    return name + m.group(1) if m else name


def acronym_before(kind: str, sentence: str) -> str | None:
    """The bracketed acronym just before a lowercase ``kind`` ("(UKMTO) agency" -> "UKMTO")."""
    return next((m.group(1) for m in BRACKETED_KIND.finditer(sentence) if m.group(2) == kind), None)
