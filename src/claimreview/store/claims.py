"""Reading claims and documents: listings, look-ups by id or prefix, per-document counts, stats."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import col, select

from claimreview import consensus as rules
from claimreview.errors import ClaimreviewError
from claimreview.models import Claim, ClaimRow, Document, Stats
from claimreview.store.schema import StoreBase, table_of

# ClaimRow's fields, each read from the claim unless named here: one list for the ORM query and raw SQL.
_FROM_DOCUMENT = {"document_uri": "uri", "document_title": "title"}
CLAIM_ROW_FIELDS = tuple(f.name for f in fields(ClaimRow))
# For raw SQL over `claim c JOIN document d`: columns labelled as ClaimRow's fields, in its order.
CLAIM_ROW_SQL = ", ".join(
    f'd."{_FROM_DOCUMENT[name]}"' if name in _FROM_DOCUMENT else f'c."{name}"' for name in CLAIM_ROW_FIELDS
)


def _claim_row_columns() -> list[Any]:
    claim, document = table_of(Claim), table_of(Document)
    return [
        document.c[_FROM_DOCUMENT[name]].label(name) if name in _FROM_DOCUMENT else claim.c[name]
        for name in CLAIM_ROW_FIELDS
    ]


class ClaimReads(StoreBase):
    def _claim_query(self, *, status: str | None, document: str | None, search: str | None) -> Any:
        query = select(*_claim_row_columns()).join(Document, col(Document.id) == col(Claim.document_id))
        if status is not None:
            query = query.where(col(Claim.consensus) == status)
        if document is not None:
            query = query.where(col(Claim.document_id) == document)
        if search:
            # autoescape: a % or _ the user typed is a character to find, not a wildcard.
            query = query.where(
                or_(
                    col(Claim.text).icontains(search, autoescape=True),
                    col(Claim.speaker).icontains(search, autoescape=True),
                    col(Document.title).icontains(search, autoescape=True),
                    col(Document.uri).icontains(search, autoescape=True),
                )
            )
        return query

    def list_claims(
        self,
        *,
        status: str | None = None,
        document: str | None = None,
        search: str | None = None,
        offset: int = 0,
        limit: int | None = None,
        by_score: bool = False,
    ) -> list[ClaimRow]:
        """Claims in reading order (document, then position), or highest score first (reading order
        among equal scores), optionally filtered."""
        if status is not None and status not in rules.CONSENSUS_VALUES:
            raise ClaimreviewError(
                f"unknown status '{status}'; use one of: {', '.join(rules.CONSENSUS_VALUES)}"
            )
        query = self._claim_query(status=status, document=document, search=search)
        reading = (col(Document.added_at), col(Claim.document_id), col(Claim.start))
        query = query.order_by(col(Claim.score).desc(), *reading) if by_score else query.order_by(*reading)
        query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.session() as session:
            return [ClaimRow(**row._mapping) for row in session.execute(query)]

    def count_claims(
        self, *, status: str | None = None, document: str | None = None, search: str | None = None
    ) -> int:
        inner = self._claim_query(status=status, document=document, search=search).subquery()
        with self.session() as session:
            return int(session.execute(select(func.count()).select_from(inner)).scalar_one())

    def get_claim(self, claim_id_: str) -> ClaimRow | None:
        query = self._claim_query(status=None, document=None, search=None).where(col(Claim.id) == claim_id_)
        with self.session() as session:
            row = session.execute(query).first()
        return ClaimRow(**row._mapping) if row else None

    def resolve_claim_id(self, prefix: str) -> str:
        """A full id, or a prefix that names exactly one claim."""
        prefix = prefix.strip()
        if not prefix:
            raise ClaimreviewError("claim id is empty")
        with self.session() as session:
            rows = session.execute(
                select(Claim.id).where(col(Claim.id).startswith(prefix, autoescape=True)).limit(3)
            ).all()
        if not rows:
            raise ClaimreviewError(f"no claim with id '{prefix}' in {self.path}")
        if len(rows) > 1 and rows[0][0] != prefix:
            raise ClaimreviewError(f"claim id '{prefix}' is ambiguous; give more characters")
        return str(rows[0][0])

    def reasons_for(self, claim_ids: list[str]) -> dict[str, list[str]]:
        """Why the extractor picked each claim (its reason codes)."""
        out: dict[str, list[str]] = {}
        with self.session() as session:
            for begin in range(0, len(claim_ids), 500):
                chunk = claim_ids[begin : begin + 500]
                for cid, reasons in session.execute(
                    select(Claim.id, Claim.reasons).where(col(Claim.id).in_(chunk))
                ):
                    out[str(cid)] = [str(r) for r in reasons or ()]
        return out

    def get_document(self, doc_id: str) -> Document | None:
        with self.session() as session:
            return session.get(Document, doc_id)

    def resolve_document(self, ref: str) -> str:
        """A document id (or unique prefix), or its exact uri."""
        with self.session() as session:
            by_uri = session.execute(select(Document.id).where(col(Document.uri) == ref)).first()
            if by_uri:
                return str(by_uri[0])
            rows = session.execute(
                select(Document.id).where(col(Document.id).startswith(ref, autoescape=True)).limit(2)
            ).all()
        if len(rows) == 1:
            return str(rows[0][0])
        if not rows:
            raise ClaimreviewError(f"no document '{ref}' (give its id or its exact uri)")
        raise ClaimreviewError(f"document id '{ref}' is ambiguous; give more characters")

    def list_documents(self) -> list[tuple[Document, int, int]]:
        """Every document with its claim count and how many of those are reviewed."""
        reviewed = func.sum(func.iif(col(Claim.consensus) != rules.UNREVIEWED, 1, 0))
        query = (
            select(Document, func.count(col(Claim.id)), func.coalesce(reviewed, 0))
            .join(Claim, col(Claim.document_id) == col(Document.id), isouter=True)
            .group_by(col(Document.id))
            .order_by(col(Document.added_at), col(Document.id))
        )
        with self.session() as session:
            return [(doc, int(n), int(r)) for doc, n, r in session.execute(query)]

    # -- summaries -------------------------------------------------------------------------------

    def stats(self) -> Stats:
        out = Stats()
        with self.session() as session:
            for value, n in session.execute(
                select(Claim.consensus, func.count()).group_by(col(Claim.consensus))
            ):
                out.by_consensus[str(value)] = int(n)
            out.total = sum(out.by_consensus.values())
            reviewed = func.sum(func.iif(col(Claim.consensus) != rules.UNREVIEWED, 1, 0))
            for doc_id, title, n, r in session.execute(
                select(Document.id, Document.title, func.count(col(Claim.id)), func.coalesce(reviewed, 0))
                .join(Claim, col(Claim.document_id) == col(Document.id), isouter=True)
                .group_by(col(Document.id))
                .order_by(col(Document.added_at), col(Document.id))
            ):
                out.by_document.append((str(doc_id), str(title), int(n), int(r)))
        # A reviewer counts for the claims their current verdict stands on, not for every event.
        for reviewer, n in self._current_counts_by_reviewer().items():
            out.by_reviewer[reviewer] = n
        return out

    def _current_counts_by_reviewer(self) -> dict[str, int]:
        sql = """
            SELECT reviewer, count(*) FROM (
                SELECT reviewer, label,
                       row_number() OVER (PARTITION BY claim_id, reviewer
                                          ORDER BY created_at DESC, rowid DESC) AS rn
                FROM verdict_event WHERE kind = 'review'
            ) WHERE rn = 1 AND label != 'cleared' GROUP BY reviewer ORDER BY reviewer
        """
        with self.session() as session:
            return {str(r): int(n) for r, n in session.connection().exec_driver_sql(sql)}
