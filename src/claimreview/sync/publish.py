"""Publishing local documents (admins), within the limits the server published.

A document the server would refuse (too long, too many claims, too large a request) is never sent:
it is reported by name with what to do, and everything else goes on. A refusal the client could not
foresee (a 413 or 422 for a batch) is narrowed down to the documents that cause it, one by one, so one
bad document never blocks the others, nor the verdicts pushed after it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from claimreview import wire
from claimreview.ids import document_id, sha256_text
from claimreview.models import NewClaim, NewDocument
from claimreview.store import Store
from claimreview.store import sync_state as local
from claimreview.sync.client import PayloadTooLarge, Refused, SyncClient

Progress = Callable[[str, int, int | None], None]
# Request overhead besides the texts (field names, offsets, quotes), per claim and per document.
_CLAIM_OVERHEAD = 300
_DOC_OVERHEAD = 2000


@dataclass(frozen=True, slots=True)
class RefusedDocument:
    id: str
    uri: str
    reason: str


def worst_case_bytes(doc: NewDocument, claims: Sequence[NewClaim]) -> int:
    """An upper bound of the document's size on the wire (4 bytes a character, JSON escapes aside)."""
    chars = len(doc.text) + len(doc.title or "") + len(doc.uri) + sum(len(c.text) for c in claims)
    return 4 * chars + _DOC_OVERHEAD + _CLAIM_OVERHEAD * len(claims)


def over_limits(doc: NewDocument, claims: Sequence[NewClaim], limits: wire.Limits) -> str | None:
    """Why the server would refuse this document, or None. Shared by extract/import warnings and sync."""
    if len(doc.text) > limits.document_chars:
        return f"{len(doc.text):,} characters, over the server's limit of {limits.document_chars:,}"
    if len(claims) > limits.claims_per_document:
        return f"{len(claims):,} claims, over the server's limit of {limits.claims_per_document:,}"
    size = len(_document_in(doc, claims).model_dump_json().encode("utf-8"))
    if size > limits.body_bytes - 1024:
        return f"{size:,} bytes on the wire, over the server's request limit of {limits.body_bytes:,}"
    return None


def remembered_limits(store: Store) -> wire.Limits:
    """The limits of the server this database last synced with, else the server defaults."""
    value = local.get_meta(store, local.LIMITS_KEY)
    if value:
        try:
            return wire.Limits.model_validate_json(value)
        except ValueError:
            pass
    return wire.Limits()


def _doc_id(doc: NewDocument) -> str:
    return document_id(sha256_text(doc.text))


def _document_in(doc: NewDocument, claims: Sequence[NewClaim]) -> wire.DocumentIn:
    # Local records carry exactly the wire fields. Not validated here: the server judges.
    return wire.DocumentIn.model_construct(
        **doc.model_dump(), claims=[wire.ClaimIn.model_construct(**c.model_dump()) for c in claims]
    )


@dataclass(slots=True)
class Published:
    documents: int = 0
    claims: int = 0
    queued: int = 0  # sent to the admins' inbox on this sync
    waiting: int = 0  # sent before, still waiting there


def publish(
    store: Store,
    client: SyncClient,
    limits: wire.Limits,
    progress: Progress,
    batch_bytes: int,
) -> tuple[Published, list[RefusedDocument]]:
    """Send local documents (with their claims) that the server lacks; returns what was added and what
    was refused (not sent)."""
    done = Published()
    refused: list[RefusedDocument] = []
    counts = local.document_claim_counts(store)
    missing: list[str] = []
    for start in range(0, len(counts), 2000):
        missing.extend(client.missing_documents(counts[start : start + 2000]))
    if not missing:
        return done, refused
    budget = min(batch_bytes, limits.body_bytes // 2)
    progress("publish", 0, len(missing))
    sent = 0
    for start in range(0, len(missing), 100):
        batch: list[tuple[NewDocument, list[NewClaim]]] = []
        size = 0
        for doc, claims in local.load_articles(store, missing[start : start + 100]):
            sent += 1
            reason = over_limits(doc, claims, limits)
            if reason is not None:
                refused.append(RefusedDocument(_doc_id(doc), doc.uri, reason))
                continue
            weight = worst_case_bytes(doc, claims)
            if batch and size + weight > budget:
                _send(client, batch, done, refused)
                batch, size = [], 0
            batch.append((doc, claims))
            size += weight
        if batch:
            _send(client, batch, done, refused)
        progress("publish", sent, len(missing))
    return done, refused


def _send(
    client: SyncClient,
    batch: list[tuple[NewDocument, list[NewClaim]]],
    done: Published,
    refused: list[RefusedDocument],
) -> None:
    try:
        result = client.publish([_document_in(d, c) for d, c in batch])
    except (PayloadTooLarge, Refused) as exc:
        if len(batch) > 1:
            middle = len(batch) // 2
            _send(client, batch[:middle], done, refused)
            _send(client, batch[middle:], done, refused)
            return
        doc = batch[0][0]
        refused.append(RefusedDocument(_doc_id(doc), doc.uri, str(exc)))
        return
    done.documents += result.documents_added
    done.claims += result.claims_added
    done.queued += result.queued
    done.waiting += result.waiting
