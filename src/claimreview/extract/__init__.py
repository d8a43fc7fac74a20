"""Claim extraction: article files in, check-worthy sentences with exact offsets out.

Pure logic: no database, network or UI imports, so the CLI, the TUI and the benchmarks can all
call it directly.
"""

from __future__ import annotations

from claimreview.extract.attribution import SpeakerContext
from claimreview.extract.readers import SUPPORTED_SUFFIXES, read_article
from claimreview.extract.records import Article, ExtractedClaim
from claimreview.extract.segment import sentences
from claimreview.extract.worthiness import KEEP_THRESHOLD, noise_reason, score

EXTRACTOR_NAME = "claimreview-rules"
EXTRACTOR_VERSION = "1"

__all__ = [
    "EXTRACTOR_NAME",
    "EXTRACTOR_VERSION",
    "SUPPORTED_SUFFIXES",
    "Article",
    "ExtractedClaim",
    "extract_claims",
    "read_article",
]


def extract_claims(text: str) -> list[ExtractedClaim]:
    """Check-worthy sentences of ``text``, sorted by start; ``text[c.start:c.end] == c.text``."""
    context = SpeakerContext()
    seen: set[str] = set()
    claims: list[ExtractedClaim] = []
    for sentence in sentences(text):
        span = text[sentence.start : sentence.end]
        if noise_reason(span, alone=sentence.alone, opening=sentence.paragraph == 0) is not None:
            continue
        # Attribute before de-duplicating: a repeated sentence still moves the "last speaker".
        speaker = context.attribute(span)
        key = " ".join(span.split())
        if key in seen:
            continue
        seen.add(key)
        value = score(span, attributed=speaker is not None)
        if value >= KEEP_THRESHOLD:
            claims.append(ExtractedClaim(span, sentence.start, sentence.end, speaker, value))
    return claims
