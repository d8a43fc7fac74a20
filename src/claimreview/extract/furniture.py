"""Page furniture that shares a line with prose: photo captions with their credit, print-edition
notes and links to other stories. The sentence-level rules (bylines, lone credits, headings) are
in :mod:`worthiness`; these look at the whole line a sentence sits on.
"""

from __future__ import annotations

import re

from claimreview.extract.mentions import DATELINE

# A credit closing a caption line: "(AP Photo/Jane Doe)", "[Photo/Xinhua]", "(Photo by X/AFP)",
# "Reuters/Jane Doe", "EPA-EFE/Jane Doe", "... in the square. AFP", "JAXA/Handout via Reuters",
# "Photo: Jane Doe/AFP", "Photographer: Jane Doe/Bloomberg", "Photo / NZPA", "... in Tokyo. (Kyodo)".
# The forms with a "/" ("(AP Photo/Jane Doe)", "Reuters/Jane Doe") cost most of the search: a tail
# without one is matched against the others only.
SLASH_CREDITS = (
    r"[(\[][^()\[\]]{0,60}/[^()\[\]]{1,60}[)\]]"
    # "Reuters/Jane Doe", "REUTERS/Jane Doe/Illustration/File Photo"
    r"|(?:[A-Z][\w.'’-]*\s?){1,4}(?:/\s?(?:(?:[A-Z][\w.'’-]*|via)\s?){1,6}){1,3}"
)
OTHER_CREDITS = (
    r"[(\[]\s*(?:photo|picture|image|credit)[^()\[\]]{0,60}[)\]]"
    r"|[(\[][^()\[\]]{1,40}\s(?:photo|pic|picture)s?\s*[)\]]"  # "(DHA Photo)"
    r"|(?:photo(?:graph(?:er)?)?|picture|image)s?\s*(?:credit)?\s*[:/]\s*[^.]{1,60}"
    # "China Daily via REUTERS": a paper's picture handed on by an agency
    r"|(?:[A-Z][\w.'’-]*\s){1,3}via\s+(?:AFP|Reuters|AP|EPA|Getty\s+Images|Xinhua|Bloomberg)"
    # "... on May 21. – Bernama photo", "-- Agency pic"
    r"|[-–—]{1,2}\s*(?:[\w.'’-]+\s){1,3}(?:photo|pic|picture)s?"
    # "NAN photo", "IC Photo", "ST PHOTO: Jane Doe": an agency's initials or name, then "photo"
    r"|(?-i:[A-Z][\w.'’-]*\s){1,3}(?:photo|pic|picture)s?(?:\s*:\s*[^.]{1,60})?"
    # "... on June 8, 2025. TNA": an agency's initials alone after the caption's full stop
    r"|(?-i:[A-Z]{2,6})"
    # an agency's name alone after the caption's full stop: "... on June 2. AFP"
    r"|[(\[]?(?:AFP|Reuters|AP|EPA(?:-EFE)?|EFE|Xinhua|Getty\s+Images|Bloomberg|Anadolu|ANSA|dpa|TASS|UPI"
    r"|PA\s+Images|Kyodo|Jiji|Yonhap|AAP|PTI|ANI|IANS|Belga|Lusa|NTB|Ritzau|Bernama|Antara|MENA|WAFA|IRNA"
    r"|KUNA|ANP|CTK|PAP|MTI|BTA|HINA|NZPA)(?:\s+(?:News\s+)?Agency)?(?:\s+via\s+[A-Z][\w-]*(?:\s+Images)?)?[)\]]?"
)
CREDIT_TAIL = re.compile(r"(?:" + SLASH_CREDITS + "|" + OTHER_CREDITS + r")\s*$", re.IGNORECASE)
CREDIT_TAIL_WITHOUT_SLASH = re.compile(r"(?:" + OTHER_CREDITS + r")\s*$", re.IGNORECASE)
# "An undated photo provided by ...", "An aerial photo shows ...", "An artist's impression of ...".
CAPTION_START = re.compile(
    r"^(?:an?|the|this)\s+(?:(?:undated|file|handout|aerial|satellite|artist's|artist’s|video)\s+)*"
    r"(?:photo(?:graph)?|picture|image|impression|handout|screenshot|still|grab)\b",
    re.IGNORECASE,
)
PRINT_EDITION = re.compile(
    r"^an?\s+version\s+of\s+this\s+(?:article|story)\s+appear(?:s|ed)\s+in\s+(?:the\s+)?print",
    re.IGNORECASE,
)
# Links to other pages and calls to action, wherever they sit in a short line.
LINK_START = re.compile(
    r"(?:see also|more on this(?: story)?|more from|also read|further reading|watch|listen)\s*:",
    re.IGNORECASE,
)
# Each phrase is found from its first space and checks the word before it behind: a search for a
# space skips ahead, where one for the words themselves (case-insensitive) tries every character.
LINK_PHRASE = re.compile(
    r" (?:(?<=\bclick )here|(?<=\bfollow )(?:our|the) live|(?<=\bsubscribe )to (?:our|the)"
    r"|(?<=\bsign )up (?:for|to)|(?<=\bour )experts weigh in)\b",
    re.IGNORECASE,
)
# A piece of every link phrase, with no "i" or "s" (the case-insensitive regex matches "ı", "İ" or
# "ſ" there too, which lower() keeps apart): a line holding none of them is searched no further.
LINK_HINTS = ("ck here", "follow ", "be to ", "gn up ", "our exp")
LINK_LINE_MAX_WORDS = 20
ENDINGS = frozenset('.!?"”’:;,')
CREDIT_TAIL_CHARS = 160


# Where a credit can start: the line's start or after a sentence's end.
CREDIT_STARTS = re.compile(r"[.!?]\s+")


def _credit_tail(tail: str) -> bool:
    # Trying the credit only where it can start is several times cheaper than a search.
    pattern = CREDIT_TAIL if "/" in tail else CREDIT_TAIL_WITHOUT_SLASH
    return any(pattern.match(tail, at) for at in (0, *(m.end() for m in CREDIT_STARTS.finditer(tail))))


def _link_phrase(line: str) -> bool:
    lowered = line.lower()
    return any(hint in lowered for hint in LINK_HINTS) and LINK_PHRASE.search(line) is not None


def line_reason(line: str) -> str | None:
    """Why the line holding a sentence is furniture ("caption", "print edition", "link",
    "dateline"), or None."""
    line = line.strip()
    if line[-1:] in "-–—:" and (dateline := DATELINE.match(line + " ")) and dateline.end() > len(line):
        return "dateline"  # "NAIROBI, June 3 (EAW) –" on its own line
    # A credit never ends in sentence punctuation, and it sits in the last few words: checking
    # only such tails keeps this cheap on long prose lines.
    credit = line[-1:] not in ENDINGS and _credit_tail(line[-CREDIT_TAIL_CHARS:])
    if credit or CAPTION_START.match(line):
        return "caption"
    if PRINT_EDITION.match(line):
        return "print edition"
    # Most lines are prose paragraphs: the word count rules them out before the regex scans them
    # (counted only up to one past the limit: a long paragraph is not split into all its words).
    if len(line.split(None, LINK_LINE_MAX_WORDS)) <= LINK_LINE_MAX_WORDS and (
        LINK_START.match(line) or _link_phrase(line)
    ):
        return "link"
    return None
