"""Claim extraction: article files in, check-worthy sentences with exact offsets out.

Pure logic: no database, network or UI imports, so the CLI, the TUI and the benchmarks can all
call it directly.
"""

from __future__ import annotations

from claimreview.extract.pipeline import Candidate, candidates, extract_claims
from claimreview.extract.readers import SUPPORTED_SUFFIXES, read_article, read_transcript
from claimreview.extract.records import Article, ExtractedClaim

EXTRACTOR_NAME = "claimreview-rules"
EXTRACTOR_VERSION = "2"

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
