"""Adding documents with their claims (and any events that came with them) in one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from claimreview import consensus as rules
from claimreview.errors import InputError
from claimreview.ids import claim_id, document_id, now_iso, sha256_text
from claimreview.models import (
    CLAIM_FIELDS,
    DOCUMENT_FIELDS,
    AddResult,
    Claim,
    Document,
    EventBase,
    NewClaim,
    NewDocument,
)
from claimreview.store.events import EventLog
from claimreview.store.schema import table_of


class ArticleWrites(EventLog):
    def add_articles(
        self,
        articles: Iterable[tuple[NewDocument, Sequence[NewClaim]]],
        events: Sequence[EventBase] = (),
    ) -> AddResult:
        """Add documents, their claims and any events (an import's, none acknowledged by a server) in one
        transaction; what is there is skipped."""
        documents: list[dict[str, Any]] = []
        claims: list[dict[str, Any]] = []
        seen_docs: set[str] = set()
        seen_claims: set[str] = set()
        added_at = now_iso()
        for doc, doc_claims in articles:
            sha = sha256_text(doc.text)
            doc_id = document_id(sha)
            if doc_id not in seen_docs:
                seen_docs.add(doc_id)
                row = {name: getattr(doc, name) for name in DOCUMENT_FIELDS}
                row.update(id=doc_id, sha256=sha, added_at=added_at)
                documents.append(row)
            for c in doc_claims:
                if not (0 <= c.start < c.end <= len(doc.text)) or doc.text[c.start : c.end] != c.text:
                    raise InputError(
                        f"claim offsets {c.start}..{c.end} do not match the document text",
                        path=doc.uri,
                        field="start/end",
                    )
                cid = claim_id(sha, c.start, c.end)
                if cid in seen_claims:
                    continue
                seen_claims.add(cid)
                claim = {name: getattr(c, name) for name in CLAIM_FIELDS}
                claim.update(id=cid, document_id=doc_id, consensus=rules.UNREVIEWED)
                claims.append(claim)
        result = AddResult(documents_seen=len(documents), claims_seen=len(claims))
        with self.session() as session:
            if documents:
                res = session.connection().execute(
                    table_of(Document).insert().prefix_with("OR IGNORE"), documents
                )
                result.documents_added = max(res.rowcount, 0)
            if claims:
                res = session.connection().execute(table_of(Claim).insert().prefix_with("OR IGNORE"), claims)
                result.claims_added = max(res.rowcount, 0)
            rows = [{**event.model_dump(), "server_seq": None} for event in events]
            result.events_added = self._insert_events(session, rows)
            session.commit()
        return result
