"""SQLModel tables of the local store and the plain records passed between layers.

The tables mirror db/migrations/*.sql, which are the source of truth for the SQLite schema;
tests/unit/test_schema.py keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class Document(SQLModel, table=True):
    __tablename__ = "document"

    id: str = Field(primary_key=True)
    uri: str
    title: str = ""
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    text: str
    sha256: str = Field(unique=True)
    added_at: str


class Claim(SQLModel, table=True):
    __tablename__ = "claim"

    id: str = Field(primary_key=True)
    document_id: str = Field(foreign_key="document.id", index=True)
    text: str
    start: int
    end: int
    speaker: str | None = None
    score: float = 0.0
    extractor: str
    extractor_version: str
    consensus: str = Field(default="unreviewed", index=True)


class VerdictEvent(SQLModel, table=True):
    __tablename__ = "verdict_event"

    id: str = Field(primary_key=True)
    claim_id: str = Field(foreign_key="claim.id", index=True)
    reviewer: str = Field(index=True)
    kind: str = "review"
    label: str
    note: str = ""
    sources: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: str
    replaces: str | None = None
    server_seq: int | None = None


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


@dataclass(frozen=True, slots=True)
class NewDocument:
    uri: str
    title: str
    text: str
    publisher: str | None = None
    published: str | None = None
    url: str | None = None

    @classmethod
    def from_attrs(cls, source: Any) -> NewDocument:
        """From anything with these attributes: an extracted Article, a stored Document."""
        return cls(
            uri=source.uri,
            title=source.title,
            text=source.text,
            publisher=source.publisher,
            published=source.published,
            url=source.url,
        )


@dataclass(frozen=True, slots=True)
class NewClaim:
    text: str
    start: int
    end: int
    speaker: str | None
    score: float
    extractor: str
    extractor_version: str

    @classmethod
    def from_attrs(cls, source: Any, *, extractor: str | None = None, version: str | None = None) -> NewClaim:
        """From anything with these attributes; ``extractor``/``version`` fill in what ``source`` lacks."""
        return cls(
            text=source.text,
            start=source.start,
            end=source.end,
            speaker=source.speaker,
            score=source.score,
            extractor=extractor if extractor is not None else source.extractor,
            extractor_version=version if version is not None else source.extractor_version,
        )


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
