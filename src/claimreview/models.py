"""SQLModel tables of the local store and the plain records passed between layers.

The tables mirror db/migrations/*.sql, which are the source of truth for the SQLite schema;
tests/unit/test_schema.py keeps the two in step.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

# One model family per entity (the SQLModel tutorial's shape): the Base holds the fields every layer
# carries (extraction, import, sync, export); the table adds what only the local store keeps. Adding a
# field to a claim means: the Base, a migration, and the places that show it.


class DocumentBase(SQLModel):
    """An article or transcript as claimreview keeps it; claim offsets index ``text``."""

    uri: str
    title: str = ""
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    text: str

    @classmethod
    def from_attrs(cls, source: Any) -> DocumentBase:
        """From anything with these attributes: an extracted Article, a stored Document, a wire item."""
        return DocumentBase.model_construct(**{name: getattr(source, name) for name in DOCUMENT_FIELDS})


class Document(DocumentBase, table=True):
    __tablename__ = "document"

    id: str = Field(primary_key=True)
    sha256: str = Field(unique=True)
    added_at: str


class ClaimBase(SQLModel):
    """A check-worthy sentence: ``text`` is exactly ``document.text[start:end]``."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    score: float = 0.0
    # Why the extractor picked it (short codes: figure, named_source, reporting, ...).
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    extractor: str
    extractor_version: str

    @classmethod
    def from_attrs(
        cls, source: Any, *, extractor: str | None = None, version: str | None = None
    ) -> ClaimBase:
        """From anything with these attributes; ``extractor``/``version`` fill in what ``source`` lacks.

        Built without validation: every source is already typed (an extraction, a stored row, a wire item
        validated on arrival), and a sync or an extraction builds tens of thousands.
        """
        fields = {name: getattr(source, name, None) for name in CLAIM_FIELDS}
        fields["reasons"] = list(fields["reasons"] or ())
        if extractor is not None:
            fields["extractor"] = extractor
        if version is not None:
            fields["extractor_version"] = version
        return ClaimBase.model_construct(**fields)


class Claim(ClaimBase, table=True):
    __tablename__ = "claim"

    id: str = Field(primary_key=True)
    document_id: str = Field(foreign_key="document.id", index=True)
    consensus: str = Field(default="unreviewed", index=True)


class EventBase(SQLModel):
    """One entry of a claim's append-only log (a verdict, an adjudication, a correction, ...)."""

    id: str
    claim_id: str
    reviewer: str
    kind: str = "review"
    label: str
    note: str = ""
    sources: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: str
    replaces: str | None = None


class VerdictEvent(EventBase, table=True):
    __tablename__ = "verdict_event"

    id: str = Field(primary_key=True)
    claim_id: str = Field(foreign_key="claim.id", index=True)
    reviewer: str = Field(index=True)
    server_seq: int | None = None


# What moves between layers, in the Base's order.
DOCUMENT_FIELDS: tuple[str, ...] = tuple(DocumentBase.model_fields)
CLAIM_FIELDS: tuple[str, ...] = tuple(ClaimBase.model_fields)
EVENT_FIELDS: tuple[str, ...] = tuple(EventBase.model_fields)

# The names the rest of the code has always used for "a document / claim not stored yet".
NewDocument = DocumentBase
NewClaim = ClaimBase


class ClaimCount(SQLModel, table=True):
    """Claims per document and consensus; SQLite triggers keep it (db/migrations/0002_counts.sql)."""

    __tablename__ = "claim_count"

    document_id: str = Field(primary_key=True)
    consensus: str = Field(primary_key=True)
    n: int = 0


class Meta(SQLModel, table=True):
    __tablename__ = "meta"

    key: str = Field(primary_key=True)
    value: str


class FactCheckBase(SQLModel):
    """A published fact-check (schema.org ClaimReview) as every layer carries it; ``url`` is its key."""

    url: str
    claim_reviewed: str
    headline: str | None = None
    rating: str | None = None  # the publisher's own words ("Mostly false")
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    publisher: str | None = None
    publisher_url: str | None = None
    date_published: str | None = None
    claim_author: str | None = None
    claim_date: str | None = None
    appearance_url: str | None = None
    language: str | None = None


class StoredFactCheck(FactCheckBase, table=True):
    __tablename__ = "factcheck"

    url: str = Field(primary_key=True)
    publisher: str | None = Field(default=None, index=True)
    digest: str
    imported_at: str
    server_seq: int | None = Field(default=None, index=True)


class ClaimMatch(SQLModel, table=True):
    """A claim's match with a fact-check, above the matcher's threshold; rank 1 is the best."""

    __tablename__ = "claim_match"

    claim_id: str = Field(foreign_key="claim.id", primary_key=True)
    factcheck_url: str = Field(foreign_key="factcheck.url", index=True)
    rank: int = Field(primary_key=True)
    score: float
    matcher_version: str
    computed_at: str


FACTCHECK_FIELDS: tuple[str, ...] = tuple(FactCheckBase.model_fields)


def factcheck_digest(source: Any) -> str:
    """A hash of a fact-check's content (its FACTCHECK_FIELDS), the same on every client and the server:
    a re-import or a pull that changes nothing is recognised as such."""
    values = [getattr(source, name, None) for name in FACTCHECK_FIELDS]
    # Ratings are numbers whichever way they were written ("3" and 3.0 and 3 are one value).
    values = [float(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in values]
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class MatchRow:
    """A stored match of a claim, joined with its fact-check: what lists, cards and reports show."""

    claim_id: str
    rank: int
    score: float
    url: str
    claim_reviewed: str
    headline: str | None
    rating: str | None
    publisher: str | None
    date_published: str | None
    language: str | None


@dataclass(frozen=True, slots=True)
class Source:
    """A piece of evidence attached to a verdict."""

    url: str
    title: str = ""
    quote: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"url": self.url, "title": self.title, "quote": self.quote}


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim joined with its document, as lists and reports need it."""

    id: str
    document_id: str
    document_uri: str
    document_title: str
    text: str
    start: int
    end: int
    speaker: str | None
    score: float
    consensus: str
    # The extractor's reason codes ("figure", "reporting", ...): why the sentence was picked.
    reasons: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Raw SQL hands the JSON column over as text, the ORM as a list: one shape for every reader.
        reasons: Any = self.reasons
        if isinstance(reasons, str):
            reasons = json.loads(reasons) if reasons else []
        if not isinstance(reasons, tuple):
            object.__setattr__(self, "reasons", tuple(str(r) for r in reasons or ()))


@dataclass(slots=True)
class AddResult:
    documents_added: int = 0
    claims_added: int = 0
    events_added: int = 0
    documents_seen: int = 0
    claims_seen: int = 0


@dataclass(slots=True)
class Stats:
    total: int = 0
    by_consensus: dict[str, int] = field(default_factory=dict)
    by_document: list[tuple[str, str, int, int]] = field(default_factory=list)  # id, title, claims, reviewed
    by_reviewer: dict[str, int] = field(default_factory=dict)
