"""Page furniture and stray lines: which sentences are not statements at all (bylines, credits,
headings, questions), before any score. Also the word counting the score shares.
"""

from __future__ import annotations

import re

from claimreview.extract.wordlist import words

# --- noise: lines that are page furniture, not statements --------------------------------------

# Headings, credit lines and stray lines stand alone and do not end like a sentence. Longer
# unpunctuated lines are more likely prose that lost its full stop, and after the headline a
# stand-alone line with a figure is more likely a fact box or list item ("Wages: frozen for 12
# months") than a heading, so those stay.
HEADING_MAX_WORDS = 25
MIN_WORDS = 4

ENDS_SENTENCE = re.compile(r"[.!。！…][\"'”’)\]»」』]*$")
ENDS_QUESTION = re.compile(r"[?？؟][\"'”’)\]»」』]*$")
# Most sentences end on a full stop: ENDS_QUESTION can match only a text ending on one of these
# (a question mark, a closer, or the newline "$" may stand before), ENDS_SENTENCE always matches
# one ending on its stop.
QUESTION_TAIL = frozenset("?？؟\"'”’)]»」』\n")
STOPS = frozenset(".!。！…")

# Invisible trailers (terminal colour resets, bidi and zero-width marks) hide the final full stop.
INVISIBLE_TAIL = re.compile(r"(?:\x1b\[[0-?]*[ -/]*[@-~]|[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff])+$")

# '"How can 40,000 tickets vanish?" asked X.': the words quoted are a question, the tag after
# them only says who asked it.
QUOTED_QUESTION = re.compile(r'^\s*["“«][^"“”«»]*[?？]\s*["”»]\s+[^"“”«»?]*$')

BYLINE_START = re.compile(r"^by\s", re.IGNORECASE)
# Words allowed in a byline besides capitalised names: "By Jane Doe and Ali Hassan in Beirut".
BYLINE_WORDS = words(
    "and & in at for of the with staff reporter reporters correspondent correspondents writer editor"
)
BYLINE_MAX_WORDS = 12

CREDIT_PREFIX = re.compile(
    r"^\(?\s*(?:file\s+)?(?:photo(?:graph)?s?|image|picture|pic|credit|illustration|video|graphic)"
    r"\s*(?:by\b|:|/|-|–|—)",
    re.IGNORECASE,
)
# "Reuters/John Smith", "Jane Doe/AFP via Getty Images"
# Every word capitalised, so "The U.S./Mexico border was closed" is not a credit.
# "REUTERS/Name", "EUROPA PRESS/Name", "REUTERS/Name/Illustration/File Photo".
CREDIT_SLASH = re.compile(
    r"^\(?(?:[A-Z][\w.'’-]*\s?){1,4}(?:/\s?(?:(?:[A-Z][\w.'’-]*|via)\s?){1,6}){1,3}\)?$"
)
CREDIT_SPLIT = re.compile(r"[\s/|,()]+")
FIRST_CREDIT_WORD = re.compile(r"[\s/|,()]*([^\s/|,()]*)")
AGENCIES = words("""
    afp ap reuters getty getty-images epa epa-efe efe anadolu xinhua dpa ansa upi pa sipa tass
    shutterstock alamy bloomberg
    """)
CREDIT_MAX_WORDS = 12
# Up to this many words a sentence's words are all split apart (the most a byline or credit has).
SHORT_LINE_MAX_WORDS = max(BYLINE_MAX_WORDS, CREDIT_MAX_WORDS)
CREDIT_JOINERS = words("via / | , and images agency photo photos")
CREDIT_WORDS = AGENCIES | CREDIT_JOINERS

BOILERPLATE = re.compile(
    r"^(?:"
    r"comments? (?:are|is|on this|will be)|read (?:more|also|next)\b|related(?: stories| articles)?\s*:"
    r"|related (?:stories|articles)|share(?: this| on)?\b|subscribe\b|sign up\b|click here\b"
    r"|follow us\b|all rights reserved|copyright\s*(?:©|\(c\)|\d)|©|we use cookies"
    r"|this (?:article|story) (?:was|is|has)|(?:additional )?reporting by\b"
    r"|(?:editing|writing|edited|compiled) by\b|listen to this|download (?:the|our) app"
    r"|(?:print|email|tweet) this|(?:last )?updated\s*:|published\s*:|sign in\b|log in\b|skip to\b"
    r")",
    re.IGNORECASE,
)

# The credit that ends a wire story: "AP writer Jane Roe contributed to this report.", "Jan Roe in Oslo
# contributed reporting."
CONTRIBUTED = re.compile(
    r"\bcontributed (?:to this (?:report|story|article)|(?:additional )?reporting)\b[^.]{0,40}\.?\W*$",
    re.IGNORECASE,
)

# The wire's record of an answer not given: "declined to comment", "did not respond to a request for
# comment", "could not independently verify the report", "did not say when ...". Nothing in it is a
# claim to check. ("declined to be named" is left out: it closes many a real claim's attribution.)
NON_ANSWER = re.compile(
    r"\b(?:declined|refused) to (?:comment|elaborate|say|give details|confirm|discuss)\b"
    r"|\b(?:did|could) not (?:immediately )?(?:respond|reply)\b"
    r".{0,60}\b(?:comment|request|calls?|emails?|messages?|questions?)\b"
    r"|\bcould not (?:immediately )?(?:be reached|independently (?:verify|confirm)|verify|confirm)\b"
    r"|\b(?:was|were) not (?:immediately )?available for comment\b"
    r"|\b(?:did|would) not (?:speak|talk) to (?:reporters|journalists|the press|the media)\b"
    r"|\bdid not (?:say|specify|elaborate on|explain|disclose|give) "
    r"(?:when|whether|how|why|who|what|where|if|details|a reason|further details)\b",
    re.IGNORECASE,
)

# A statement beside the non-answer keeps the sentence: "declined to say whether ... but said the
# decision had been unanimous", "X, which did not respond to a request for comment, said ...".
STATED_TOO = re.compile(
    r"\b(?:said|says|say|confirmed|confirms|added|adds|told|tells|announced|showed|but)\b"
)

WORD = re.compile(r"\w+")
DIGIT = re.compile(r"\d")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def word_count(sentence: str, tokens: list[str] | None = None) -> int:
    """Words in ``sentence``; ``tokens`` is its ``WORD.findall`` when the caller has it already."""
    if tokens is None:
        tokens = WORD.findall(sentence)
    # CJK text has no spaces; two ideographs count roughly as one word. ASCII text has none.
    if sentence.isascii():
        return len(tokens)
    return len(tokens) + len(CJK.findall(sentence)) // 2


def _is_byline(sentence: str, parts: list[str]) -> bool:
    if not BYLINE_START.match(sentence) or len(parts) > BYLINE_MAX_WORDS:
        return False
    rest = [w.strip(",;|-–") for w in parts[1:]]
    return all(not w or w[0].isupper() or w.lower() in BYLINE_WORDS for w in rest)


def _is_credit(sentence: str, parts: list[str]) -> bool:
    if len(parts) > CREDIT_MAX_WORDS:
        return False
    if CREDIT_PREFIX.match(sentence) or ("/" in sentence and CREDIT_SLASH.match(sentence)):
        return True
    lowered = sentence.lower()
    # Every word of an agency line is a credit word: the first one says whether to split the rest.
    first = FIRST_CREDIT_WORD.match(lowered)
    if first is not None and first.group(1) in CREDIT_WORDS:
        tokens = set(CREDIT_SPLIT.split(lowered))
        tokens.discard("")
        if tokens and tokens <= CREDIT_WORDS:
            return True
    # "AFP", "EPA-EFE", "REUTERS": a short all-caps line is an agency tag.
    return len(parts) <= 3 and sentence.isupper()


def quoted_question(sentence: str) -> bool:
    """The sentence is a quoted question and who asked it ('"Why now?" asked the mayor.')."""
    return "?" in sentence and sentence.lstrip()[:1] in '"“«' and QUOTED_QUESTION.match(sentence) is not None


def noise_reason(sentence: str, *, alone: bool, opening: bool, tokens: list[str] | None = None) -> str | None:
    """Why ``sentence`` is not a claim ("question", "byline", ...), or None if it may be one.

    ``alone``: the sentence is its whole line; ``opening``: it is in the first paragraph;
    ``tokens``: ``WORD.findall(sentence)`` if the caller has it (it is computed once per sentence).
    """
    # Bylines and credits are short: past their limit the words need not all be split apart.
    parts = sentence.split(None, SHORT_LINE_MAX_WORDS)
    ending = sentence[-40:]
    if not ending.isascii() or "\x1b" in ending:  # plain ASCII hides nothing but escape codes
        ending = INVISIBLE_TAIL.sub("", ending)
    if ending[-1:] in QUESTION_TAIL and ENDS_QUESTION.search(ending):
        return "question"
    if _is_byline(sentence, parts):
        return "byline"
    if _is_credit(sentence, parts):
        return "credit"
    if BOILERPLATE.match(sentence.lstrip("([•*-– ")):
        return "boilerplate"
    if "contributed" in sentence and CONTRIBUTED.search(sentence):
        return "boilerplate"
    count = word_count(sentence, tokens)
    if count < MIN_WORDS:
        return "too short"
    # The words every non-answer holds, looked for first: most sentences have neither.
    found = NON_ANSWER.search(sentence) if " not " in sentence or "ed to " in sentence else None
    if found and not STATED_TOO.search(sentence[: found.start()] + " " + sentence[found.end() :]):
        return "no answer"
    if (
        alone
        and count <= HEADING_MAX_WORDS
        and ending[-1:] not in STOPS
        and not ENDS_SENTENCE.search(ending)
        and (opening or not DIGIT.search(sentence))
    ):
        return "heading"
    return None
