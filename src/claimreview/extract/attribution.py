"""Who says so: the speaker of a sentence, from the sentence and the sentences before it.

Speaker format (what callers will see):
- A person or organisation named in the text, without role or title: "Hamza Birqdar" (from
  "Jaish al Islam military spokesman Hamza Birqdar said"), "Jane Roe" (from "Foreign Minister
  Jane Roe said"), "Syrian Observatory for Human Rights" (from "the Syrian Observatory for
  Human Rights (SOHR) says"): leading article and parenthesised acronym dropped.
- A surname alone ("Rudskoy said") becomes the full name seen earlier in the same text
  ("Sergei Rudskoy"), whether or not that earlier mention was attributed.
- A pronoun subject ("He also said", "It said") becomes the last speaker of the same kind
  (he/she: person; it/they: organisation), else the last speaker of any kind.
- A definite description in lower case ("the authority said", "the Britain-based war monitor
  said") becomes the last *named* organisation/person whose name contains its head noun
  ("Metropolitan Transit Authority"), else, for generic heads (monitor, group, spokesman ...),
  the last named one of that kind. Otherwise an unnamed source is kept as written minus its
  article ("Russian military's general staff", "finance ministry", "police").
- No attribution found: None.

Forms recognised: "X said/says/told/added/denied...", "said X", '"...," X said', "according to
X", "quoted/cited X (, role,) as saying", "X, role, said", "role, X, said", and the pronoun and
description forms above. When a sentence has several, the first in the sentence wins. Words
inside quotation marks never count as attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimreview.extract.wordlist import words

REPORTING_VERBS = words("""
    said says say told tells added adds stated announced announces declared claimed denied denies
    insisted insists warned warns confirmed confirms explained noted argued acknowledged admitted
    alleged asserted maintained predicted disclosed revealed cautioned wrote writes tweeted
    reported estimated urged rejected rejects dismissed accused accuses blamed blames conceded
    concedes disputed disputes defended defends listed pledged announced
    """)
# Verbs that also take a plain object ("adds weight to", "an estimated 100"): reporting only
# when followed by "that", punctuation or the end ("she added.", "it estimated that").
OBJECT_VERBS = words("added adds estimated")
# Before a verb these make it passive or adjectival ("is estimated at", "an estimated 100").
NOT_REPORTING_BEFORE = words("is are was were be been being an a the")
# Statements without a reporting verb: "read out the figures", "put the toll at 40".
STATING = re.compile(
    r"\b(?:read\s+out|gave\s+an?\s+(?:update|briefing|statement)|put\s+(?:the|its|their)\s+"
    r"(?:number|figure|toll|total|cost|count)\s+at)\b"
)
SAYING = re.compile(r",\s+saying\b")
# Acronyms of organisations are written in capitals; "WHO" is not the pronoun "who".
ACRONYM = re.compile(r"^[A-Z]{2,}$")
POSSESSIVE = re.compile(r"['’]s?$")
WORD = re.compile(r"\w+")
VERB = re.compile(r"\b(?:" + "|".join(sorted(REPORTING_VERBS)) + r")\b")
QUOTED_AS = re.compile(
    r"\b(?:quoted|cited|quoting|citing)\s+(?P<np>.{1,200}?),?\s+as\s+(?:saying|telling|stating|writing)\b"
)
ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\s+(?P<np>[^,;:!?]+)")
# Where the subject of a reporting verb can start: after a quote, a clause break or a spaced dash.
CLAUSE_CUT = re.compile(r".*(?:[\"“”«»;:]|\s[-–—]\s)", re.DOTALL)
# The phrase after an inverted verb ends at punctuation, a full stop or a new quotation.
NP_AFTER = re.compile(r"\s*(?P<np>[^,;:!?\"“”]+?)(?=\s*(?:[,;:!?\"“”]|\.(?:\s|$)|$))")

QUOTE_OPENERS = "\"“«"
MASK = "\u2063"  # invisible separator: neither a word character nor whitespace
OPEN_QUOTES = "“«"
QUOTE_CHAR = re.compile(r"[\"“”«»]")
NON_SPACE = re.compile(r"\S")

PRONOUNS_PERSON = frozenset({"he", "she"})
PRONOUNS_ORG = frozenset({"it", "they"})
LEADING_FILLERS = words("but and however meanwhile also later earlier separately still yet so then now")
TRAILING_FILLERS = words("""
    also quickly later has had have was is will would could did does previously again then further
    earlier separately repeatedly recently initially first once reportedly publicly privately
    himself herself itself themselves today yesterday tonight
    """)
TRAILING_TIME = re.compile(
    r"\s+(?:(?:late|early)\s+)?(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|week|month|year|night|morning|evening)$"
    r"|\s+(?:(?:\d+|a|two|three|four|five|several|a\s+few)\s+)?(?:days?|weeks?|months?|years?)"
    r"\s+(?:earlier|ago|later|before)$"
)
# A subject containing these is a clause, not a noun phrase ("the accuracy of which he").
CLAUSE_WORDS = words("""
    which who whom whose that when where if because while although what is are was were be been
    has have had will would can could should did do does after before until unless since
    """)
PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
NOT_NAME_CHARS = re.compile(r"[^\w\s'’.,&-]|_")
MAX_SPEAKER_WORDS = 10
# Bounds that keep hostile input (a megabyte-long sentence, "said" ten thousand times) linear.
SUBJECT_WINDOW_CHARS = 300
MAX_VERBS_TRIED = 6
MAX_ANTECEDENTS = 50
ARTICLES = frozenset({"the", "a", "an"})
# Lowercase words allowed inside a name between capitalised ones: "Jaish al Islam".
NAME_CONNECTORS = words("al el bin ibn bint abu de del della der di da dos du la le van von of for and y")
# Dropped from the front of a name: "Foreign Minister Jane Roe" -> "Jane Roe".
TITLES = words("""
    president minister prime general gen gen. lieutenant lt lt. colonel col col. major maj captain
    capt dr dr. mr mr. mrs mrs. ms ms. professor prof prof. senator sen sen. governor gov gov. mayor
    judge justice chief sheikh imam pope king queen prince sir rev rev. ambassador secretary
    commissioner chancellor spokesman spokeswoman spokesperson inspector superintendent sgt sgt.
    sergeant brigadier admiral commander director chairman chairwoman ceo deputy
    """)
ORG_WORDS = words("""
    observatory ministry agency army forces force staff council committee police government monitor
    office company group organisation organization union party commission authority authorities
    department bank institute university court news association federation coalition alliance
    front brigade brigades movement service services network board fund programme program
    ltd inc corp plc llc society foundation trust centre center crescent cross church league club
    media press tv radio broadcaster times post herald daily reuters interfax afp ap tass xinhua
    air airline airlines airways coal oil gas energy mining motors list initiative militia index
    census assembly parliament congress senate treasury opposition unions lancet journal chamber
    college school hospital clinic institution defence defense protection
    """)
# Capitalised joining words inside an organisation's name ("Doctors Without Borders").
ORG_CONNECTORS = words("Without For Of And")
# Capitalised words that precede a surname without being a first name ("The Jensen plan").
NOT_FIRST_NAMES = words("the a an but and of for in on at by to from with as if mr mrs ms dr said says told")
# Generic heads that, after "the", point back to a source already named.
PERSON_HEADS = words("""
    spokesman spokeswoman spokesperson official minister general commander governor mayor premier
    president chairman chairwoman chair director chief negotiator head leader secretary
    """)
ORG_HEADS = words("""
    group monitor ministry agency organisation organization army military observatory authority
    council service company airline institute commission report study survey
    """)


@dataclass(frozen=True, slots=True)
class Found:
    speaker: str
    named: bool  # a person or organisation named in the text, not "police" or "officials"


@dataclass(slots=True)
class SpeakerContext:
    """What earlier sentences of the same text said about who is speaking."""

    last: str | None = None
    last_person: str | None = None
    last_org: str | None = None
    # Every speaker, most recent last, with the words that can point back to it ("governor" for
    # "Provincial governor Saeed Karimi"): antecedents for "the governor said".
    mentions: list[tuple[str, bool, bool, frozenset[str]]] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)
    earlier: list[str] = field(default_factory=list)
    # surname -> how many earlier sentences were already searched for its first name
    scanned: dict[str, int] = field(default_factory=dict)
    # (paragraph, speaker) of the sentence before: a quotation running on inherits its speaker.
    previous: tuple[int, Found | None] = (-1, None)

    def remember(self, speaker: str, *, org: bool, named: bool, phrase: str = "") -> None:
        self.last = speaker
        if org:
            self.last_org = speaker
        else:
            self.last_person = speaker
            parts = speaker.split()
            if named and len(parts) > 1:
                self.full_names.setdefault(parts[-1], speaker)
        heads = {_singular(POSSESSIVE.sub("", w.lower().strip(",."))) for w in f"{phrase} {speaker}".split()}
        self.mentions.append((speaker, org, named, frozenset(heads)))

    def attribute(self, sentence: str) -> str | None:
        """The speaker of ``sentence`` (or None); remembers it for later pronouns."""
        found = self.attribute_full(sentence)
        return found.speaker if found is not None else None

    def attribute_full(self, sentence: str, paragraph: int = -1) -> Found | None:
        """Like :meth:`attribute`, saying whether the speaker is a name."""
        raw = _find_source(mask_quotes(sentence))
        found = None
        if raw is not None:
            resolved = self._resolve(raw, sentence)
            if resolved is not None:
                speaker, org, named = resolved
                self.remember(speaker, org=org, named=named, phrase=raw)
                found = Found(speaker, named)
        elif paragraph >= 0 and self.previous[0] == paragraph and sentence.lstrip()[:1] in QUOTE_OPENERS:
            # '"We have 40 beds," Dr Roe said. "The rest went north."': the second is Dr Roe's too.
            found = self.previous[1]
        self.previous = (paragraph, found)
        self.earlier.append(sentence)
        return found

    def _resolve(self, np: str, sentence: str = "") -> tuple[str, bool, bool] | None:
        """(speaker, is organisation, is a name) for a speaker phrase."""
        lowered = np.lower()
        if lowered in PRONOUNS_PERSON or lowered in PRONOUNS_ORG:
            preferred = self.last_person if lowered in PRONOUNS_PERSON else self.last_org
            target = preferred or self.last
            return (target, target == self.last_org, False) if target else None
        tokens = np.split()
        definite = tokens[0].lower() == "the"
        name = _trailing_name(tokens)
        # "The Governor said": a title alone is a description, not a name.
        if name and definite and all(t.lower() in TITLES | PERSON_HEADS | ORG_HEADS for t in name):
            tokens = [tokens[0]] + [t.lower() if t in name else t for t in tokens[1:]]
            name = []
        if name:
            stripped = _strip_titles(name)
            if len(stripped) == 1:
                full = self._full_name(stripped[0])
                if full != stripped[0]:
                    return full, False, True
                longer = self._longer_name(stripped[0])
                if longer is not None:
                    return longer
                # "General Motors" and an unknown "Mayor Petrak" keep their first word.
                stripped = name
            return " ".join(stripped), _is_org(stripped), True
        if tokens[0].lower() in ARTICLES:
            tokens = tokens[1:]
        if not tokens:
            return None
        head = _singular(tokens[-1].lower())
        if definite and all(_is_generic(t) for t in tokens):
            antecedent = self._antecedent(head, sentence, tokens)
            if antecedent is not None:
                return antecedent
        return " ".join(tokens), head in ORG_WORDS or head in ORG_HEADS, False

    def _longer_name(self, word: str) -> tuple[str, bool, bool] | None:
        # "Copernicus said" after "the Copernicus Climate Change Service said".
        for speaker, org, named, _ in self.mentions[-MAX_ANTECEDENTS:][::-1]:
            if named and speaker.startswith(word + " "):
                return speaker, org, named
        return None

    def _antecedent(self, head: str, sentence: str, tokens: list[str]) -> tuple[str, bool, bool] | None:
        recent = self.mentions[-MAX_ANTECEDENTS:][::-1]
        for speaker, org, named, heads in recent:
            if head in heads:
                return speaker, org, named
        # "The European Medicines Agency approved it, the agency said": named in the sentence.
        for text in (sentence, *self.earlier[-3:][::-1]):
            m = _named_with_head(head, text)
            if m:
                return m, _is_org(m.split()), True
        want_org = head in ORG_HEADS
        if not (want_org or head in PERSON_HEADS):
            return None
        if len(tokens) == 1:
            # "the agency", "the spokesman": the last source of that kind.
            for speaker, org, named, _ in recent:
                if org == want_org:
                    return speaker, org, named
        elif any(t.endswith("-based") for t in tokens):
            # "the Britain-based war monitor" describes a named source; "the disaster management
            # agency" is a source of its own.
            for speaker, org, named, _ in recent:
                if named and org == want_org:
                    return speaker, org, named
        return None

    def _full_name(self, surname: str) -> str:
        if surname in self.full_names:
            return self.full_names[surname]
        # "Finance Minister Clara Jensen, who drafted the plan, ..." then "quoted Jensen as saying".
        pattern = re.compile(r"\b([A-Z][\w'’-]+)\s+" + re.escape(surname) + r"\b")
        start = self.scanned.get(surname, 0)
        self.scanned[surname] = len(self.earlier)
        for sentence in self.earlier[start:]:
            if surname not in sentence:
                continue
            for m in pattern.finditer(sentence):
                first = m.group(1)
                if first.lower() not in TITLES and first.lower() not in NOT_FIRST_NAMES:
                    self.full_names[surname] = f"{first} {surname}"
                    return self.full_names[surname]
        return surname


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _named_with_head(head: str, text: str) -> str | None:
    """The capitalised name in ``text`` ending in ``head`` ("European Medicines Agency")."""
    if head.capitalize() not in text:
        return None
    m = re.search(
        r"((?:[A-Z][\w'’&-]*\s+(?:(?:of|for|and|on)\s+)?){1,6})" + re.escape(head.capitalize())
        + r"\b((?:\s+(?:of|for|on)(?:\s+the)?(?:\s+[A-Z][\w'’-]*)+)?)",
        text,
    )
    if not m:
        return None
    words_ = (m.group(1) + head.capitalize() + m.group(2)).split()
    while words_ and words_[0].lower() in ARTICLES:
        words_ = words_[1:]
    return " ".join(words_) if len(words_) > 1 else None


def _is_generic(token: str) -> bool:
    # "Britain-based" describes rather than names, so "the Britain-based war monitor" is generic.
    return token[0].islower() or token.endswith("-based")


def _is_org(name: list[str]) -> bool:
    return any(t.lower() in ORG_WORDS or ACRONYM.match(t) for t in name) or any(
        t in ORG_CONNECTORS for t in name[1:-1]
    )


def _trailing_name(tokens: list[str]) -> list[str]:
    """The run of capitalised tokens (with connectors like "al", "for") ending the phrase."""
    i = len(tokens)
    while i > 0:
        tok = tokens[i - 1]
        if tok[0].isupper() or (
            tok in NAME_CONNECTORS and i < len(tokens) and i >= 2 and tokens[i - 2][0].isupper()
        ) or (
            # "Office for the Coordination of ..."
            tok == "the" and i < len(tokens) and i >= 3 and tokens[i - 2] in ("of", "for")
            and tokens[i - 3][0].isupper()
        ):
            i -= 1
        else:
            break
    name = tokens[i:]
    # "Abu Khalil" keeps its capitalised "Abu"; "al Islam" alone loses "al".
    while name and (name[0].lower() in ARTICLES or name[0] in NAME_CONNECTORS):
        name = name[1:]
    return name


def _strip_titles(name: list[str]) -> list[str]:
    last_title = -1
    for i, tok in enumerate(name):
        if tok.lower() in TITLES:
            last_title = i
    rest = name[last_title + 1 :]
    return rest if rest else name


def mask_quotes(sentence: str) -> str:
    """Hide quoted words (same length) so only the reporter's own words are searched."""
    marks = list(QUOTE_CHAR.finditer(sentence))
    if not marks:
        return sentence
    hidden: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in marks:
        i = m.start()
        ch = sentence[i]
        if ch in OPEN_QUOTES or (ch == '"' and open_at is None and _opens(sentence, i)):
            open_at = i
        elif open_at is not None:
            hidden.append((open_at + 1, i))
            open_at = None
        else:
            # The quotation began in an earlier sentence.
            hidden.append((0, i))
    if open_at is not None:
        hidden.append((open_at + 1, len(sentence)))
    out: list[str] = []
    pos = 0
    for start, end in hidden:
        out.append(sentence[pos:start])
        out.append(NON_SPACE.sub(MASK, sentence[start:end]))
        pos = end
    out.append(sentence[pos:])
    return "".join(out)


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return before.isspace() or before in "([{—–-"


def _clean(np: str) -> str | None:
    np = ANSI.sub("", PARENTHETICAL.sub("", np))
    # Markup or control characters cannot be part of a name: keep what follows the last one
    # ("<b>x</b> The army said" -> "The army").
    np = NOT_NAME_CHARS.split(np)[-1].strip(" ,.\t\n" + MASK)
    tokens = np.split()
    while tokens and tokens[0].lower().strip(",") in LEADING_FILLERS:
        tokens = tokens[1:]
    np = " ".join(tokens)
    while True:
        trimmed = TRAILING_TIME.sub("", np)
        parts = trimmed.rsplit(None, 1)
        if len(parts) == 2 and parts[1].lower() in TRAILING_FILLERS:
            trimmed = parts[0]
        if trimmed == np:
            break
        np = trimmed
    tokens = np.split()
    if (
        not tokens
        or len(tokens) > MAX_SPEAKER_WORDS
        or MASK in np
        or any(t.lower().strip(",") in CLAUSE_WORDS and not ACRONYM.match(t) for t in tokens)
    ):
        return None
    return np


def _first_segment(np: str) -> str:
    # "Sergei Rudskoy, an official with the general staff" -> the name before the apposition.
    return np.split(", ", 1)[0]


def _find_source(masked: str) -> str | None:
    """The raw speaker phrase in a quote-masked sentence, or None; the earliest form wins."""
    found: list[tuple[int, str]] = []
    # Substring tests first: these regexes cost more than the rest of the pipeline together.
    m = QUOTED_AS.search(masked) if " as " in masked and ("quot" in masked or "cit" in masked) else None
    if m:
        np = _clean(_first_segment(m.group("np")))
        if np:
            found.append((m.start(), np))
    m = ACCORDING_TO.search(masked) if "ccording" in masked else None
    if m:
        np = m.group("np")
        # "figures released by the ministry" -> "the ministry"
        if " by " in np:
            np = np.rsplit(" by ", 1)[1]
        cleaned = _clean(np)
        if cleaned:
            found.append((m.start(), cleaned))
    verb = _verb_source(masked)
    if verb:
        found.append(verb)
    if not found:
        m = STATING.search(masked) if (" out " in masked or " put " in masked or " gave " in masked) else None
        subject = _subject_at(masked, m.start(), m.end()) if m else None
        if m and subject:
            found.append((m.start(), subject))
        m = SAYING.search(masked) if "saying" in masked else None
        subject = _leading_subject(masked[: m.start()]) if m else None
        if m and subject:
            found.append((m.start(), subject))
    return min(found)[1] if found else None


def _is_reporting(masked: str, verb: re.Match[str]) -> bool:
    before = masked[max(0, verb.start() - 12) : verb.start()].split()
    if before and before[-1].lower() in NOT_REPORTING_BEFORE:
        return False
    if verb.group() in OBJECT_VERBS:
        after = masked[verb.end() : verb.end() + 6].lstrip()
        return not after or after[0] in ".,;:!?\"”" or after.startswith("that")
    return True


def _verb_source(masked: str) -> tuple[int, str] | None:
    if REPORTING_VERBS.isdisjoint(WORD.findall(masked)):
        return None
    for tried, verb in enumerate(VERB.finditer(masked)):
        if tried == MAX_VERBS_TRIED:
            break
        if not _is_reporting(masked, verb):
            continue
        found = _subject_at(masked, verb.start(), verb.end())
        if found:
            return verb.start(), found
    return None


def _subject_at(masked: str, start: int, end: int) -> str | None:
    """Who performs the reporting verb at masked[start:end]."""
    prefix = masked[max(0, start - SUBJECT_WINDOW_CHARS) : start]
    if not prefix.strip():
        return None
    cut = CLAUSE_CUT.match(prefix)
    clause = (prefix[cut.end() :] if cut else prefix).rstrip()
    candidates: list[str] = []
    if not clause.strip(" ,"):
        # '"...," said Amal Haddad, the mayor.'
        candidates.append(_np_after(masked, end))
    elif clause.endswith(","):
        if _inverted_subject(masked, end):
            # "A won 40%, B 21% and C 9%, said the commission chair.": the phrase after the verb
            # ends the sentence, so it is the speaker, not the list before it.
            candidates.append(_np_after(masked, end))
        parts = clause.rstrip(",").split(", ")
        if len(parts) >= 2:
            # "Mohammad Alloush, the group's political official, said" or "The operator,
            # Halvard Terminals Ltd, said": prefer whichever side is a name.
            named = [p for p in parts[-2:] if _trailing_name(p.split())]
            candidates.extend(named or [parts[-2]])
        # "Troops were deployed, said the mayor."
        candidates.append(_np_after(masked, end))
    else:
        candidates.append(clause.split(", ")[-1])
    for candidate in candidates:
        found = _clean(candidate)
        if found:
            return found
    return None


def _looks_like_np(phrase: str) -> bool:
    first = phrase.split(None, 1)[0] if phrase.split() else ""
    return bool(first) and (first.lower() in ARTICLES or first[0].isupper())


# Words that end a leading subject: its verb's object or complement begins.
SUBJECT_STOPS = words("a an the on in at to of for from with by this that these those its their his her")


def _leading_subject(clause: str) -> str | None:
    """The subject at the start of a clause: "The agency gave an update" -> "The agency"."""
    tokens = clause.split()[:8]
    end = 0
    for i, tok in enumerate(tokens):
        word = tok.strip(",").lower()
        if i > 0 and word in SUBJECT_STOPS:
            break
        if tok[0].isupper() or _singular(word.strip("'’")) in ORG_WORDS | ORG_HEADS | PERSON_HEADS | TITLES:
            end = i + 1
        if tok.endswith(","):
            break
    return _clean(" ".join(tokens[:end])) if end else None


def _inverted_subject(masked: str, pos: int) -> bool:
    """True when the rest of the sentence after the verb is only a noun phrase (", said X, role.")."""
    rest = masked[pos:].strip().rstrip(".!\"”’").strip()
    tokens = rest.replace(",", " ").split()
    return (
        0 < len(rest.split(",")[0].split()) <= MAX_SPEAKER_WORDS // 2 + 1
        and len(tokens) <= 2 * MAX_SPEAKER_WORDS
        and not any(ch.isdigit() for ch in rest)
        and _looks_like_np(rest)
        and not any(t.lower() in CLAUSE_WORDS and not ACRONYM.match(t) for t in tokens)
    )


def _np_after(masked: str, pos: int) -> str:
    m = NP_AFTER.match(masked, pos)
    if not m:
        return ""
    first = _first_segment(m.group("np"))
    rest = masked[m.end("np") :]
    if rest.startswith(", ") and not _trailing_name(first.split()):
        # "said the election commission chair, Olga Petrenko." -> the name
        second = NP_AFTER.match(rest, 2)
        if second and second.group("np").split() == _trailing_name(second.group("np").split()):
            return second.group("np")
    return first
