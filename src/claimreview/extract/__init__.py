"""Claim extraction: article files in, check-worthy sentences with exact offsets out.

Pure logic: no database, network or UI imports, so the CLI, the TUI and the benchmarks can all
call it directly. Names are imported on first use (module ``__getattr__``): the pipeline takes
~0.1 s to import, which the review app's start-up must not pay for the name rules it uses
(``claimreview.extract.names``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimreview.lazyexports import lazy_exports

if TYPE_CHECKING:
    from claimreview.extract.pipeline import Candidate, candidates, extract_claims
    from claimreview.extract.readers import SUPPORTED_SUFFIXES, read_article, read_transcript
    from claimreview.extract.records import Article, ExtractedClaim

EXTRACTOR_NAME = "claimreview-rules"
EXTRACTOR_VERSION = "2"

_HOMES = {
    "Candidate": "pipeline",
    "candidates": "pipeline",
    "extract_claims": "pipeline",
    "SUPPORTED_SUFFIXES": "readers",
    "read_article": "readers",
    "read_transcript": "readers",
    "Article": "records",
    "ExtractedClaim": "records",
}


__getattr__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "EXTRACTOR_NAME",
    "EXTRACTOR_VERSION",
    "SUPPORTED_SUFFIXES",
    "Article",
    "Candidate",
    "ExtractedClaim",
    "candidates",
    "extract_claims",
    "read_article",
    "read_transcript",
]
