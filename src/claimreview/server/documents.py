"""Published documents and their claims: publishing (ids from content, as on every client) and pulls.

Writers hold ``CATALOG_LOCK`` (see ``server.db`` for why pulls by cursor need it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, func
from sqlalchemy import select as sa_select

from claimreview.errors import ClaimreviewError
from claimreview.ids import claim_id, document_id, now_iso, sha256_text
from claimreview.server.db import CATALOG_LOCK, TABLES, insert, page, writing
from claimreview.wire import ClaimOut, DocumentIn, DocumentOut


class PublishError(ClaimreviewError):
    """A published document or claim is inconsistent (the API answers 422)."""


def publish(engine: Engine, documents: Sequence[DocumentIn], publisher: str) -> tuple[int, int]:
    """Store documents and their claims, computing ids from content; returns (documents, claims) added."""
    doc_rows: dict[str, dict[str, Any]] = {}
    claim_rows: dict[str, dict[str, Any]] = {}
    added_at = now_iso()
    for n, doc in enumerate(documents):
        sha = sha256_text(doc.text)
        doc_id = document_id(sha)
        if doc_id not in doc_rows:
            doc_rows[doc_id] = {
                **doc.model_dump(exclude={"claims"}),
                "id": doc_id,
                "sha256": sha,
                "published_by": publisher,
                "added_at": added_at,
            }
        check_offsets(doc, n)
        for c in doc.claims:
            cid = claim_id(sha, c.start, c.end)
            claim_rows.setdefault(cid, {**c.model_dump(), "id": cid, "document_id": doc_id})
    docs, claims = TABLES["document"], TABLES["claim"]
    with writing(engine, CATALOG_LOCK) as conn:
        docs_added = claims_added = 0
        if doc_rows:
            stmt = insert(engine, docs).on_conflict_do_nothing(index_elements=["id"])
            docs_added = len(conn.execute(stmt.returning(docs.c.id), list(doc_rows.values())).all())
        if claim_rows:
            stmt = insert(engine, claims).on_conflict_do_nothing(index_elements=["id"])
            claims_added = len(conn.execute(stmt.returning(claims.c.id), list(claim_rows.values())).all())
    return docs_added, claims_added


def check_offsets(doc: DocumentIn, n: int = 0) -> None:
    """PublishError unless every claim is exactly ``doc.text[start:end]``."""
    for m, c in enumerate(doc.claims):
        if not (0 <= c.start < c.end <= len(doc.text)) or doc.text[c.start : c.end] != c.text:
            raise PublishError(f"documents[{n}].claims[{m}]: offsets do not match the document text")


def missing_documents(engine: Engine, wanted: Sequence[tuple[str, int]]) -> list[str]:
    """Of (document id, claim count) pairs, the documents the server lacks or has fewer claims of."""
    claims = TABLES["claim"]
    ids = [doc_id for doc_id, _ in wanted]
    counts: dict[str, int] = {}
    with engine.connect() as conn:
        for start in range(0, len(ids), 500):
            query = (
                sa_select(claims.c.document_id, func.count())
                .where(claims.c.document_id.in_(ids[start : start + 500]))
                .group_by(claims.c.document_id)
            )
            counts.update({str(d): int(n) for d, n in conn.execute(query)})
        docs = TABLES["document"]
        present: set[str] = set()
        for start in range(0, len(ids), 500):
            query = sa_select(docs.c.id).where(docs.c.id.in_(ids[start : start + 500]))
            present.update(str(r[0]) for r in conn.execute(query))
    return [d for d, n in wanted if d not in present or counts.get(d, 0) < n]


def pull_documents(engine: Engine, after: int, limit: int) -> tuple[list[DocumentOut], bool]:
    return page(engine, TABLES["document"], DocumentOut, after, limit)


def pull_claims(engine: Engine, after: int, limit: int) -> tuple[list[ClaimOut], bool]:
    return page(engine, TABLES["claim"], ClaimOut, after, limit)
