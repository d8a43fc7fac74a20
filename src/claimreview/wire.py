"""API v1 on the wire, shared by the server (``server/``) and the sync client (``sync/``).

What clients send is strict (unknown fields, bad labels, NULs are 422 on the server; the client checks an
event against the same model before pushing it, so one bad event cannot block a batch). What the server
answers is lenient, so that a newer server adding a field does not break an older client.
Labels, kinds and roles come from the core rules (``consensus``); the Literal types below must match them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from claimreview import consensus as rules
from claimreview.models import ClaimBase, DocumentBase, FactCheckBase

API_VERSION = 1
API_PREFIX = f"/api/v{API_VERSION}"

MAX_BATCH = 1000
MAX_PAGE = 1000
# 2**53 - 1: exact in every JSON reader (a double), so the published bound means what it says.
MAX_CURSOR = 2**53 - 1
MAX_NOTE = 20_000
MAX_DOCUMENT_TEXT = 1_000_000
MAX_CLAIMS_PER_DOCUMENT = 10_000
DEFAULT_MAX_BODY = 5 * 1024 * 1024
# How far ahead of the server's clock an event's created_at may be (clocks drift; years do not).
MAX_CLOCK_SKEW = timedelta(days=1)


def _storable(value: str) -> str:
    # PostgreSQL text cannot hold NUL, and lone surrogates cannot be encoded at all: refuse both here,
    # as a 422, rather than let the database fail with a 500.
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    return value


def _limits(max_length: int, min_length: int = 0) -> StringConstraints:
    # The pattern documents "no NUL" in the OpenAPI schema; _storable also refuses lone surrogates.
    return StringConstraints(min_length=min_length, max_length=max_length, pattern=r"^[^\x00]*$")


_Storable = AfterValidator(_storable)
Name = Annotated[str, _limits(100, 1), _Storable]
Url = Annotated[str, _limits(2000, 1), _Storable]
Short = Annotated[str, _limits(500), _Storable]
Long = Annotated[str, _limits(2000), _Storable]
Note = Annotated[str, _limits(MAX_NOTE), _Storable]
ClaimText = Annotated[str, _limits(100_000, 1), _Storable]
DocumentText = Annotated[str, _limits(MAX_DOCUMENT_TEXT, 1), _Storable]


_ID = r"[0-9A-Za-z][0-9A-Za-z._:-]{0,63}"
EventId = Annotated[str, StringConstraints(pattern=rf"^{_ID}$")]
Replaces = Annotated[str, StringConstraints(pattern=rf"^{_ID}( {_ID}){{0,15}}$")]
HexId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]


def _real_time(value: str) -> str:
    # The pattern alone let 9999-99-99T99:99:99Z through; order no longer depends on this value (the
    # server's seq decides, see consensus), but reports show it, so it must be a real, plausible time.
    try:
        when = datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        raise ValueError("must be a real UTC time (YYYY-MM-DDTHH:MM:SS.ffffffZ)") from None
    if when > datetime.now(UTC) + MAX_CLOCK_SKEW:
        raise ValueError("is more than a day in the future; check this computer's clock")
    return value


Timestamp = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$"),
    AfterValidator(_real_time),
]
# Spelled out because type checkers need literal values; the asserts keep them equal to the core tuples.
Label = Literal[
    "confirmed",
    "denied",
    "unverified",
    "not_checkworthy",
    "cleared",
    "corrected",
    "assigned",
    "approved",
    "published",
    "withdrawn",
]
Kind = Literal["review", "adjudication", "correction", "assignment", "editorial"]
Role = Literal["reviewer", "adjudicator", "editor", "admin"]


def _whole_number(value: object) -> object:
    # JSON Schema's "integer" includes 5.0; strict mode alone would refuse what the schema promises.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


WholeNumber = BeforeValidator(_whole_number)
Offset = Annotated[int, Field(ge=0, le=100_000_000), WholeNumber]

assert get_args(Label) == rules.EVENT_LABELS
assert get_args(Kind) == rules.EVENT_KINDS
assert get_args(Role) == rules.ROLES


MAX_PAYLOAD_CHARS = 20_000
PayloadValue = str | int | float | bool | list[str] | None


def _bounded_payload(value: dict[str, PayloadValue]) -> dict[str, PayloadValue]:
    # A payload carries a correction, an assignment or an editorial decision: a few short fields.
    if len(value) > 20:
        raise ValueError("at most 20 fields")
    size = 0
    for key, item in value.items():
        texts = [key, *(item if isinstance(item, list) else [item] if isinstance(item, str) else [])]
        for text in texts:
            _storable(text)
            size += len(text)
    if size > MAX_PAYLOAD_CHARS:
        raise ValueError(f"at most {MAX_PAYLOAD_CHARS} characters in all")
    return value


Payload = Annotated[dict[Annotated[str, _limits(64, 1)], PayloadValue], AfterValidator(_bounded_payload)]
Reasons = Annotated[list[Annotated[str, _limits(40, 1)]], Field(max_length=40)]


class Strict(BaseModel):
    # strict: no silent coercion of true to 1 or "5" to 5 in what clients send.
    model_config = ConfigDict(extra="forbid", strict=True)


class SourceIn(Strict):
    url: Url
    title: Long = ""
    quote: Note = ""


class EventIn(Strict):
    id: EventId
    claim_id: HexId
    # Optional: the server takes the reviewer from the token; if given it must be that reviewer (else 403).
    reviewer: Name | None = None
    kind: Kind = "review"
    label: Label
    note: Note = ""
    sources: list[SourceIn] = Field(default_factory=list, max_length=50)
    payload: Payload = Field(default_factory=dict)
    created_at: Timestamp
    replaces: Replaces | None = None

    @model_validator(mode="after")
    def _label_fits_kind(self) -> EventIn:
        if self.label not in rules.KIND_LABELS[self.kind]:
            raise ValueError(
                f"a {self.kind} event's label is one of {', '.join(rules.KIND_LABELS[self.kind])}"
            )
        return self


class PushRequest(Strict):
    events: list[EventIn] = Field(max_length=MAX_BATCH)

    @model_validator(mode="after")
    def _one_content_per_id(self) -> PushRequest:
        # A resent copy is fine (idempotent push); two different events under one id would make which
        # one is stored depend on order within the batch.
        seen: dict[str, EventIn] = {}
        for event in self.events:
            first = seen.setdefault(event.id, event)
            if first != event:
                raise ValueError(f"event id {event.id!r} appears twice in this push with different content")
        return self


class PushResult(BaseModel):
    id: str
    status: Literal["stored", "known", "rejected"]
    seq: int | None = None
    reason: str | None = None


class PushResponse(BaseModel):
    stored: int
    known: int
    rejected: int
    results: list[PushResult]


class SourceOut(BaseModel):
    url: str
    title: str = ""
    quote: str = ""


class EventOut(BaseModel):
    seq: int
    id: str
    claim_id: str
    reviewer: str
    kind: str
    label: str
    note: str
    sources: list[SourceOut]
    payload: dict[str, Any] = Field(default_factory=dict)
    created_at: str
    replaces: str | None


class EventPage(BaseModel):
    items: list[EventOut]
    next_after: int
    more: bool


class ClaimIn(Strict):
    text: ClaimText
    start: Offset
    end: Offset
    speaker: Short | None = None
    score: float = Field(default=0.0, ge=-1e6, le=1e6, allow_inf_nan=False)
    reasons: Reasons = Field(default_factory=list)
    extractor: Name
    extractor_version: Name


class DocumentIn(Strict):
    uri: Url
    title: Long = ""
    publisher: Short | None = None
    published: Short | None = None
    url: Long | None = None
    text: DocumentText
    claims: list[ClaimIn] = Field(default_factory=list, max_length=MAX_CLAIMS_PER_DOCUMENT)


class PublishRequest(Strict):
    documents: list[DocumentIn] = Field(max_length=MAX_BATCH)


class PublishResponse(BaseModel):
    documents_added: int
    claims_added: int
    # Documents put in the admins' inbox instead (the server lets only admins publish), and ones that were
    # already waiting there.
    queued: int = 0
    waiting: int = 0


class DocumentCount(Strict):
    id: HexId
    claims: Annotated[int, Field(ge=0, le=1_000_000), WholeNumber]


class MissingRequest(Strict):
    documents: list[DocumentCount] = Field(max_length=5000)


class MissingResponse(BaseModel):
    missing: list[str]


# What the server sends out: the model family's Base (models.py) plus the server's own columns.
class DocumentOut(DocumentBase):
    seq: int
    id: str
    sha256: str
    added_at: str


class DocumentPage(BaseModel):
    items: list[DocumentOut]
    next_after: int
    more: bool


class ClaimOut(ClaimBase):
    seq: int
    id: str
    document_id: str


class ClaimPage(BaseModel):
    items: list[ClaimOut]
    next_after: int
    more: bool


Rating = Annotated[float, Field(ge=-1e9, le=1e9, allow_inf_nan=False)]


class FactCheckIn(Strict):
    """A published fact-check (schema.org ClaimReview) as an admin publishes it; ``url`` is its key."""

    url: Url
    claim_reviewed: ClaimText
    headline: Long | None = None
    rating: Short | None = None
    rating_value: Rating | None = None
    best_rating: Rating | None = None
    worst_rating: Rating | None = None
    publisher: Short | None = None
    publisher_url: Long | None = None
    date_published: Short | None = None
    claim_author: Short | None = None
    claim_date: Short | None = None
    appearance_url: Long | None = None
    language: Annotated[str, _limits(35, 1), _Storable] | None = None


class FactCheckPublishRequest(Strict):
    factchecks: list[FactCheckIn] = Field(max_length=MAX_BATCH)


class FactCheckPublishResponse(BaseModel):
    added: int
    updated: int
    unchanged: int


class FactCheckOut(FactCheckBase):
    seq: int


class FactCheckPage(BaseModel):
    items: list[FactCheckOut]
    next_after: int
    more: bool


class Health(BaseModel):
    status: Literal["ok"]
    api_version: int
    server_version: str
    schema_version: int
    # Random, drawn when the server database was created: clients tell servers apart by it, not by URL.
    server_id: str
    # Drawn again whenever the log may have lost acknowledged events (server.epoch); None: older server.
    log_epoch: str | None = None
    event_head: int | None = None


class Limits(BaseModel):
    """What the server refuses, published so that clients can warn before any work is sent."""

    document_chars: int = MAX_DOCUMENT_TEXT
    claims_per_document: int = MAX_CLAIMS_PER_DOCUMENT
    body_bytes: int = DEFAULT_MAX_BODY
    events_per_push: int = MAX_BATCH


class ApiInfo(BaseModel):
    api_version: int
    server_version: str
    limits: Limits


class LogCheck(Strict):
    """A client's view of the log: its latest acknowledged event (seq 0: none) and its pull cursor."""

    epoch: Annotated[str, _limits(64)]
    seq: Annotated[int, Field(ge=0, le=MAX_CURSOR), WholeNumber]
    event_id: Annotated[str, _limits(64)] = ""
    cursor: Annotated[int, Field(ge=0, le=MAX_CURSOR), WholeNumber] = 0


class LogCheckResult(BaseModel):
    log_epoch: str
    # False: the server has lost events this client saw acknowledged (restore, failover).
    holds: bool


class Me(BaseModel):
    name: str
    role: Role
    # What happens to documents this account sends: "publish" (they go out to everyone) or "inbox" (they
    # wait for an admin). None from servers older than the inbox, where only admins publish.
    documents: Literal["publish", "inbox"] | None = None


class ErrorOut(BaseModel):
    detail: str
