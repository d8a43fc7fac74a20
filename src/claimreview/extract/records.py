"""The two value types the extractor hands to the rest of claimreview."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from disk; every claim offset refers to ``text``."""

    uri: str
    title: str
    publisher: str | None
    published: str | None
    url: str | None
    text: str
    # "transcript": ``text`` is ``Speaker: words`` turns and claims take the speaker of their turn.
    kind: str = "article"
    # Spans of ``text`` the markup marked as photo captions (a <figcaption>, the paragraph right
    # under a markdown image): never claims unless someone is quoted in them.
    captions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """A check-worthy sentence; ``text`` is always ``article_text[start:end]``."""

    text: str
    start: int
    end: int
    speaker: str | None
    score: float
    # Short stable codes for what made the score ("figure", "reporting", "causal" ...), for the card.
    reasons: tuple[str, ...] = ()
