"""Identifiers and timestamps that must agree across machines (sync depends on them)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_id(sha256: str) -> str:
    # The content hash names the document, so the same article extracted anywhere is one document.
    return sha256[:16]


def claim_id(document_sha256: str, start: int, end: int) -> str:
    """Stable across machines: same article text and same offsets give the same id."""
    return hashlib.sha256(f"{document_sha256}:{start}:{end}".encode()).hexdigest()[:16]


def new_event_id() -> str:
    return str(uuid.uuid4())


def now_iso() -> str:
    # Fixed width (always microseconds, always Z) so that string order is time order.
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
