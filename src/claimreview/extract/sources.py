"""Where a sentence says who is speaking: the raw speaker phrase before resolution.

Forms recognised: "X said/says/told/added/denied...", "said X", '"...," X said', "according to
X", "quoted/cited X (, role,) as saying", "X, role, said", "role, X, said", "X read out / gave
an update", "X put the number of ... at 40", "X ..., saying", "X ordered ... and said" (the
subject of the first verb), "A study by X ... found that" (the work's author; an unsigned report
is no one). When a sentence has several, the first in the sentence wins. Words inside quotation
marks never count (:func:`mask_quotes` hides them first).
"""

from __future__ import annotations

import re

from claimreview.extract.commas import join_comma_names, last_name_part, name_is_place
from claimreview.extract.names import (
    ACRONYM,
    ARTICLES,
    ORG_HEADS,
    ORG_WORDS,
    PERSON_HEADS,
    ROLES,
    TITLES,
    is_role,
    singular,
    trailing_name,
)
from claimreview.extract.owned import owned_work
from claimreview.extract.subjects import (
    DATA_FROM,
    OWNED_WORK,
    PARTICIPLE_TAIL,
    clause_subject,
    named_work_owner,
    relative_antecedent,
    unsigned_work,
    verb_like,
    with_place,
    work_source,
)
from claimreview.extract.verbs import (
    NON_INVERTING,
    OBJECT_VERBS,
    PLAIN_VERBS,
    REPORTING_VERBS,
    SOURCE_ONLY_VERBS,
    clause_only,
    is_reporting,
    verbs_among,
)
from claimreview.extract.wordlist import words

SOURCE_HEADS = (
    ORG_WORDS
    | ORG_HEADS
    | PERSON_HEADS
    | TITLES
    | ROLES
    | words("""
    he she it they we team researchers scientists experts officials investigators analysts
    economists authorities
    """)
)
# Statements without a reporting verb: "read out the figures", "put the toll at 40", "measured the
# quake at magnitude 6.1".
# "put the number of striking drivers at 71%", "put its own share of the losses at up to 450 million".
QUANTITY = (
    r"(?:(?:about|around|roughly|nearly|almost|some|just|least|up\s+to|more\s+than|less\s+than"
    r"|fewer\s+than|over|under|between|only|magnitude)\s+)*"
    r"(?:\d|[$€£¥]|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|hundreds|thousands|dozens)\b)"
)
# "X kept/raised/cut its forecast for ... at 1.4 million": a body's own forecast, stated.
STATING = re.compile(
    r"\b(?:read\s+out|gave\s+an?\s+(?:update|briefing|statement)|(?:put|measured)\s+(?:the|its|their|his|her)\s+"
    r"[^.;:]{1,80}?\s+at\s+" + QUANTITY + r"|(?:kept|raised|cut|lowered|lifted|trimmed|revised)\s+"
    r"(?:its|their)\s+(?:[\w-]+\s+){0,2}(?:forecasts?|estimates?|outlook|projections?|guidance)\b)"
)
# "more than most analysts expected": those compared with, not a speaker ("More than 40 doctors" is).
COMPARED = re.compile(r"^(?:more|less|fewer|higher|lower|better|worse)\s+than\s+(?!\d)", re.IGNORECASE)
# "X questioned the price, noting that ...": the participle reports what the subject said.
# ", adding 480 megawatts" adds a thing; ", adding that" reports.
SAYING = re.compile(r",\s+(?:saying|noting|arguing|insisting|warning)\b|,\s+adding\s+that\b")
SAYING_WORDS = ("saying", "noting", "adding", "arguing", "insisting", "warning")
WORD = re.compile(r"\w+")
QUOTED_AS = re.compile(
    r"\b(?:quoted|cited|quoting|citing)\s+(?P<np>.{1,200}?),?\s+as\s+(?:saying|telling|stating|writing)\b"
)
SEEN_BY = re.compile(r"\s+(?:seen|obtained|reviewed|viewed)\s+by\s+.*$")
# What may follow a closing "according to X": the end, or a clause describing X.
CLOSING = re.compile(r"\s*(?:[.!]?\s*$|,\s+(?:which|who|whose)\b)")
ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\s+(?P<np>[^,;:!?]+)")
# Where the subject of a reporting verb can start: after a quote, a clause break or a spaced dash.
CLAUSE_CUT = re.compile(r".*(?:[\"“”«»;:]|\s[-–—]\s)", re.DOTALL)
# The phrase after an inverted verb ends at punctuation, a full stop or a new quotation.
# "said lead investigator Dr. Helen Morris": a title's full stop does not end it.
NP_AFTER = re.compile(
    r"\s*(?P<np>[^,;:!?\"“”]+?)(?=\s*(?:[,;:!?\"“”]|\.(?<!Dr\.)(?<!Mr\.)(?<!Ms\.)(?<!Mrs\.)(?<!Prof\.)(?:\s|$)|$))"
)

QUOTE_OPENERS = '"“«'
MASK = "\u2063"  # invisible separator: neither a word character nor whitespace
OPEN_QUOTES = "“«"
QUOTE_CHAR = re.compile(r"[\"“”«»]")
NON_SPACE = re.compile(r"\S")
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
# The words TRAILING_TIME can end on (a phrase ending otherwise is not searched).
TIME_ENDINGS = tuple(words("day week month year night morning evening earlier ago later before"))
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


def mask_quotes(sentence: str) -> str:
    """Hide quoted words (same length) so only the reporter's own words are searched."""
    if sentence.isascii() and '"' not in sentence:
        return sentence  # most sentences quote no one: no regex needed to say so
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


ABBREVIATED_DOTTED = (" Co.", " Inc.", " Corp.", " Ltd.", " Bros.", " Jr.")


def _clean(np: str) -> str | None:
    if "(" in np:
        np = PARENTHETICAL.sub("", np)
    if "\x1b" in np:
        np = ANSI.sub("", np)
    # Markup or control characters cannot be part of a name: keep what follows the last one
    # ("<b>x</b> The army said" -> "The army").
    dotted = "." in np[-8:] and np.rstrip(" ,\t\n" + MASK).endswith(ABBREVIATED_DOTTED)
    np = NOT_NAME_CHARS.split(np)[-1].strip(" ,.\t\n" + MASK)
    if dotted:
        np += "."  # "Kyushu Railway Co.": the full stop, as written, is part of the name
    tokens = np.split()
    while tokens and tokens[0].lower().strip(",") in LEADING_FILLERS:
        tokens = tokens[1:]
    np = " ".join(tokens)
    while True:
        trimmed = TRAILING_TIME.sub("", np) if np.endswith(TIME_ENDINGS) else np
        parts = trimmed.rsplit(None, 1)
        if len(parts) == 2 and parts[1].lower() in TRAILING_FILLERS:
            trimmed = parts[0]
        if trimmed == np:
            break
        np = trimmed
    tokens = np.split()
    if len(tokens) > MAX_SPEAKER_WORDS and AFFILIATION_CUT.search(np):
        # "Marine biologist Lena Vargas of the University of Papua New Guinea": the person; "Most
        # of the deaths were in ..." is a clause, not "Most".
        person = AFFILIATION_CUT.split(np, 1)[0].split()
        if len(person) >= 2 and person[-1][:1].isupper():
            tokens = person
            np = " ".join(tokens)
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


def find_source(masked: str, words_: list[str] | None = None) -> str | None:
    """The raw speaker phrase in a quote-masked sentence, or None; the earliest form wins.

    ``words_``: the words of the sentence before masking, if the caller has them (a superset of
    the masked sentence's words, enough to rule out a sentence with no reporting verb at all).
    """
    found: list[tuple[int, str]] = []
    # Substring tests first: these regexes cost more than the rest of the pipeline together.
    m = QUOTED_AS.search(masked) if " as " in masked and ("quot" in masked or "cit" in masked) else None
    if m:
        np = _clean(_first_segment(m.group("np")))
        if np:
            found.append((m.start(), np))
    m = ACCORDING_TO.search(masked) if "ccording" in masked else None
    closing = None  # a closing "according to X" (see below)
    if m:
        np = m.group("np")
        unsigned = False  # "according to an internal memo seen by Reuters": an unsigned work
        data = DATA_FROM.match(np.strip())
        if data:
            # "figures from the glacier monitoring network" -> "the glacier monitoring network"
            np = data.group("source")
        elif (seen := SEEN_BY.search(np)) is not None:
            # "an internal memo seen by Reuters": who saw it is not who wrote it
            np = np[: seen.start()]
            unsigned = work_source(np.strip()) is None
        elif " by " in np:
            # "a tally kept by the ministry" -> "the ministry"
            np = np.rsplit(" by ", 1)[1]
        elif (owned := OWNED_WORK.match(np.strip().rstrip("."))) is not None:
            # "the AIU's list", "the ministry's latest figures" -> whose they are
            np = owned.group("source")
        elif (owner := named_work_owner(np.strip().rstrip("."))) is not None:
            np = owner  # "the Mapping Police Violence database" -> whose database it is
        elif unsigned_work(np.strip().rstrip(".")):
            unsigned = True  # "according to a statement": nobody's name to give
        # "Deloitte published in December" -> "Deloitte"; "results published in The Lancet" keeps
        # the journal, because "results" alone is no source.
        short = PARTICIPLE_TAIL.sub("", np)
        cleaned = _clean(short if short != np and _source_like(short) else np)
        if cleaned and not unsigned:
            if CLOSING.match(masked, m.end("np")) and masked[: m.start()].rstrip().endswith(","):
                closing = cleaned
            found.append((m.start(), cleaned))
    verb = _verb_source(masked, words_)
    if verb:
        if closing and masked[verb[0] :].split(None, 1)[0] not in PLAIN_VERBS:
            # "Tour operators have reported cancellations, according to the X": the source of the
            # whole sentence; "It said reserves stood at ..., according to the bank" is its own.
            return closing
        found.append(verb)
    if not found:
        hint = " out " in masked or " put " in masked or " gave " in masked or " its " in masked
        hint = hint or " measured " in masked
        m = STATING.search(masked) if hint or " their " in masked else None
        subject = _subject_at(masked, m.start(), m.end(), stated=True) if m else None
        if m and subject:
            found.append((m.start(), subject))
        m = SAYING.search(masked) if any(w in masked for w in SAYING_WORDS) else None
        subject = _leading_subject(masked[: m.start()]) if m else None
        if m and subject:
            found.append((m.start(), subject))
    return min(found)[1] if found else None


def _verb_source(masked: str, words_: list[str] | None = None) -> tuple[int, str] | None:
    present = REPORTING_VERBS.intersection(WORD.findall(masked) if words_ is None else words_)
    if not present:
        return None
    first: tuple[int, str] | None = None
    for tried, verb in enumerate(verbs_among(present).finditer(masked)):
        if tried == MAX_VERBS_TRIED:
            break
        if not is_reporting(masked, verb) or (first is not None and verb.group() not in PLAIN_VERBS):
            continue
        found = _subject_at(masked, verb.start(), verb.end())
        needs_source = verb.group() in SOURCE_ONLY_VERBS or clause_only(masked, verb)
        if not found or (needs_source and not _source_like(found)):
            continue
        if first is None:
            if verb.group() in PLAIN_VERBS:
                return verb.start(), found
            first = (verb.start(), found)
        elif ", " in masked[: verb.start()] and found in masked[: verb.start()].rsplit(", ", 1)[-1]:
            # "X has pledged ..., Y told shareholders": the closing "Y told" reports the pledge.
            return first[0], found
    return first


def _source_like(np: str) -> bool:
    """A phrase that can make a statement: a name, a pronoun or a source noun ("the agency")."""
    tokens = np.split()
    head = singular(tokens[-1].lower().strip("'’"))
    if head in SOURCE_HEADS:
        return True
    # A capitalised head is a name unless it opens the sentence as a plural common noun
    # ("Temperatures recorded ...").
    return tokens[-1][0].isupper() and (len(tokens) > 1 or not tokens[0].endswith("s"))


# Auxiliaries and adverbs between a subject and its verb ("Novosel, 41, has promised").
AUXILIARIES = words(
    "has have had will would also has since already previously repeatedly once then now still"
)
# A verb joined to an earlier one ("X ordered an inquiry and promised ...") shares its subject.
CONJUNCTIONS = words("and but")
# An apposition that starts like this describes the subject, it does not name a speaker
# ("The planet, known as X, ..., said lead author Y").
RELATIVE_START = re.compile(r"^(?:which|who|whose|whom|where)\b")
PARTICIPLE_START = re.compile(r"^(?:[a-z]+(?:ed|en|ing)|known|seen|born|made|based)\b")
# "The commission, known as Conagua, said": the name the description is known by speaks.
KNOWN_AS_PART = re.compile(
    r"^(?:also\s+)?known\s+as\s+(?:the\s+)?(?P<name>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})$"
)


# A subordinate clause whose subject performs the verb after it.
SUBORDINATE = re.compile(r".*\b(?:after|because|when|while|since|although|before|until)\s+", re.DOTALL)


def _describes(part: str) -> bool:
    return RELATIVE_START.match(part) is not None or PARTICIPLE_START.match(part) is not None


def _subject_at(masked: str, start: int, end: int, *, stated: bool = False) -> str | None:
    """Who performs the reporting verb at masked[start:end] (``stated``: a statement without a
    reporting verb, "cut its forecast")."""
    prefix = masked[max(0, start - SUBJECT_WINDOW_CHARS) : start]
    if not prefix.strip():
        return None
    cut = CLAUSE_CUT.match(prefix)
    clause = (prefix[cut.end() :] if cut else prefix).rstrip()
    if cut and clause.strip().lower() in CONJUNCTIONS and prefix[cut.end() - 1] in '"”»':
        # 'Luftwerk called the strike "..." and said': the subject before the quotation.
        subject = clause_subject(prefix)
        return _clean(subject) if subject else None
    while True:
        parts_ = clause.rsplit(None, 1)
        if len(parts_) < 2 or parts_[1].lower() not in AUXILIARIES:
            break
        clause = parts_[0]
    if clause.endswith(("which", "who")) and (antecedent := relative_antecedent(clause)) is not None:
        return _clean(antecedent) if antecedent else None
    candidates: list[str] = []
    inverts = masked[start:end] not in NON_INVERTING
    parts_ = clause.rsplit(None, 1)
    if len(parts_) == 2 and parts_[1].lower() in CONJUNCTIONS:
        # "Energy Minister Carmen Ruiz ordered an inquiry and promised ...": the first verb's subject.
        subject = clause_subject(parts_[0])
        if subject:
            candidates.append(subject)
    elif not clause.strip(" ,"):
        # '"...," said Amal Haddad, the mayor.'
        if inverts:
            candidates.append(_np_after(masked, end))
    elif clause.endswith(","):
        if inverts and _inverted_subject(masked, end):
            # "A won 40%, B 21% and C 9%, said the commission chair.": the phrase after the verb
            # ends the sentence, so it is the speaker, not the list before it.
            candidates.append(_np_after(masked, end))
        parts = join_comma_names(clause.rstrip(",").split(", "))
        alias = KNOWN_AS_PART.match(parts[-1]) if len(parts) >= 2 else None
        if alias is not None and not ACRONYM.match(alias.group("name")):
            # An acronym alias ("The institute, known as INDECI,") is left to the description, which
            # points back to the name in full.
            candidates.append(alias.group("name"))
        # "MSF, which runs two centres in Kano, said": a relative clause describes, never speaks.
        kept = [p for p in parts if not PARTICIPLE_START.match(p) and not RELATIVE_START.match(p)]
        if len(parts) >= 2 and kept:
            # "Mohammad Alloush, the group's political official, said" or "The operator,
            # Halvard Terminals Ltd, said": prefer whichever side is a name. "The report, based
            # on ..., said": a participle phrase describes the subject before it.
            tail = kept[-2:] if kept[-1] is parts[-1] else kept[-1:]
            # "the Conseil ... (CIVB)": the bracketed acronym does not hide the name before it.
            named = [p for p in tail if trailing_name(PARENTHETICAL.sub("", p).split())]
            # "The agency's envoy in Chad, Dr. Ana Silva, said": the name, not the place.
            named.sort(key=name_is_place)
            if named and len(kept) < len(parts) and any(_describes(p) for p in parts):
                # "The British Museum, which holds ..., said UK law ...", "Judge X, writing for the
                # panel, said the state owed ...": the name before the clause.
                candidates.insert(0, named[0])
            candidates.extend(named or [tail[0]])
        # "Troops were deployed, said the mayor."
        if inverts:
            candidates.append(_np_after(masked, end))
    else:
        # "Shares fell 12% after the retailer cut its forecast": the subordinate clause's subject
        # states the figure ("days after a newspaper reported that" only tells the story).
        sub = SUBORDINATE.search(clause) if stated else None
        if sub is not None:
            clause = clause[sub.end() :]
        # "the Ministry of Agriculture, Animal Industry and Fisheries": one name with a comma.
        candidates.append(last_name_part(clause.split(", ")))
    for candidate in candidates:
        if (seen := SEEN_BY.search(candidate)) is not None:
            candidate = candidate[: seen.start()]  # "a copy of the report seen by Reuters shows"
        if COMPARED.match(candidate):
            continue  # "..., more than most economists had expected, saying": a comparison
        if masked[start:end] not in OBJECT_VERBS and owned_work(candidate.strip()):
            # "Its annual report said": its owner speaks ("its accounts show" is the reporter's).
            return _clean(candidate)
        # "A review by X published last year found that": X, or nobody for an unsigned report.
        work = work_source(candidate)
        found = _clean(work) if work else None
        if found:
            return found
        if work is None:
            return None
    return None


def _looks_like_np(phrase: str) -> bool:
    tokens = phrase.split()
    first = tokens[0] if tokens else ""
    # "lead author Mirela Stanescu": an occupation before a name is a noun phrase too.
    return bool(first) and (
        first.lower() in ARTICLES
        or first[0].isupper()
        or (is_role(tokens[-1]) or bool(trailing_name(tokens)))
    )


# Words that end a leading subject: its verb's object or complement begins.
SUBJECT_STOPS = words("a an the on in at to of for from with by this that these those its their his her")


def _leading_subject(clause: str) -> str | None:
    """The subject at the start of a clause: "The agency gave an update" -> "The agency"."""
    words_ = clause.split()
    tokens = words_[:8]
    end = 0
    for i, tok in enumerate(tokens):
        word = tok.strip(",").lower()
        if word in ("of", "for") and end == i and tokens[i + 1 : i + 2] and tokens[i + 1][:1].isupper():
            continue  # "The National Bank of Poland cut ..., saying": one name
        if i > 0 and word in SUBJECT_STOPS:
            # "Residents of the neighbouring town of Maizuru have filed ..., saying"
            end = with_place(words_, end) if end == i else end
            break
        if end == i > 0 and tok[:1].islower() and verb_like(word):
            break  # "Fitch Ratings cut Halden's rating, saying": the subject ends at its verb
        if tok[0].isupper() or singular(word.strip("'’")) in ORG_WORDS | ORG_HEADS | PERSON_HEADS | TITLES:
            end = i + 1
        if tok.endswith(","):
            break
    return _clean(" ".join(tokens[:end])) if end else None


RELATIVE_AFTER = re.compile(r"\s+(?:who|whose|which)\s")
AFFILIATION_CUT = re.compile(r"\s(?:of|at|from|with)\s")


def _inverted_subject(masked: str, pos: int) -> bool:
    """True when the rest of the sentence after the verb is only a noun phrase (", said X, role.")."""
    rest = RELATIVE_AFTER.split(masked[pos:].strip().rstrip('.!"”’').strip(), 1)[0]
    tokens = rest.replace(",", " ").split()
    # "lead author Mirela Stanescu of the University of Geneva": the affiliation is not counted.
    head = AFFILIATION_CUT.split(rest.split(",")[0], 1)[0]
    return (
        0 < len(head.split()) <= MAX_SPEAKER_WORDS // 2 + 1
        and len(tokens) <= 2 * MAX_SPEAKER_WORDS
        and not any(ch.isdigit() for ch in rest)
        and _looks_like_np(rest)
        and not any(t.lower() in CLAUSE_WORDS and not ACRONYM.match(t) for t in tokens)
    )


def _np_after(masked: str, pos: int) -> str:
    m = NP_AFTER.match(masked, pos)
    if not m:
        return ""
    # "said a collector in Hong Kong who asked not to be named": the relative clause describes.
    first = RELATIVE_AFTER.split(_first_segment(m.group("np")), 1)[0]
    rest = masked[m.end("np") :]
    if rest.startswith(", ") and not trailing_name(first.split()):
        # "said the election commission chair, Olga Petrenko." -> the name
        second = NP_AFTER.match(rest, 2)
        if second and second.group("np").split() == trailing_name(second.group("np").split()):
            return second.group("np")
    return first
