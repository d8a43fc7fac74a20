"""Read-only queries behind the review queue (no UI).

The queue holds, per filter, a snapshot of the matching claims' rowids and consensus in reading
order, and reads the rows themselves a page at a time. A status filter (or every claim) is indexed
a document at a time from the counts table (store/queue_index.py), so opening never reads every
claim; a search, a document filter, the score order or a score floor reads its matches' rowids at once
(ClaimIndex: ~0.1 s at 100,000 claims, done in a worker).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from claimreview import consensus as rules
from claimreview.models import ClaimRow
from claimreview.store import Store
from claimreview.store.corrections import corrected_rows
from claimreview.store.queue_index import DocumentIndex

# The order `f` cycles through; None means every claim.
FILTER_CYCLE: tuple[str | None, ...] = (
    rules.UNREVIEWED,
    None,
    rules.CONFIRMED,
    rules.DENIED,
    rules.UNVERIFIED,
    rules.NOT_CHECKWORTHY,
    rules.DISPUTED,
)

_ROW_COLUMNS = (
    'c.rowid, c.id, c.document_id, d.uri, d.title, c.text, c.start, c."end", c.speaker, c.score, c.consensus,'
    " c.reasons"
)
# Same order as Store.list_claims, so the CLI and the app agree on what "next" means.
_ORDER = "ORDER BY d.added_at, c.document_id, c.start"


ARTICLE_ORDER = "article"  # document by document, each in text order (what the CLI lists)
SCORE_ORDER = "score"  # most check-worthy first, ties in article order
ORDERS = (ARTICLE_ORDER, SCORE_ORDER)


@dataclass(frozen=True, slots=True)
class QueueFilter:
    status: str | None = None
    search: str = ""
    document: str | None = None
    team: str | None = None  # a team queue of store/team.py (store/team_queue.py), for reviewer ``me``
    me: str = ""
    order: str = ARTICLE_ORDER
    min_score: float = 0.0  # claims scored below it are left out

    def describe(self) -> str:
        parts = [self.status or "all"]
        if self.team is not None:
            parts = [f"queue {self.team}"] + ([self.status] if self.status else [])
        if self.document:
            parts.append(f"document {self.document[:10]}")
        if self.search:
            parts.append(f"search '{self.search}'")
        if self.min_score > 0:
            parts.append(f"score ≥ {self.min_score:g}")
        if self.order == SCORE_ORDER:
            parts.append("by score")
        return ", ".join(parts)

    @property
    def per_document(self) -> bool:
        """Indexable a document at a time from the counts table (DocumentIndex): no search, no document,
        article order, no score floor. Anything else reads its matching rowids at once."""
        return (
            self.document is None
            and not self.search.strip()
            and self.order == ARTICLE_ORDER
            and self.min_score <= 0
        )


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(flt: QueueFilter, store: Store) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if flt.status is not None:
        if flt.status not in rules.CONSENSUS_VALUES:
            raise ValueError(f"unknown status {flt.status!r}")
        clauses.append("c.consensus = ?")
        params.append(flt.status)
    if flt.document is not None:
        clauses.append("c.document_id = ?")
        params.append(flt.document)
    if flt.search.strip():
        clause, search_params = _search(store, flt.search.strip().lower())
        clauses.append(clause)
        params.extend(search_params)
    if flt.min_score > 0:
        clauses.append("c.score >= ?")
        params.append(flt.min_score)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _search(store: Store, term: str) -> tuple[str, list[object]]:
    """Claims whose text or speaker as they stand (the queue shows them corrected), or whose document's
    title or address, contain ``term`` (lower case)."""
    from claimreview.store.corrections import corrected_claims

    # lower() on both sides: SQLite's LIKE folds ASCII only, the user types any script.
    pattern = f"%{_escape_like(term)}%"
    document = "lower(d.title) LIKE ? ESCAPE '\\' OR lower(d.uri) LIKE ? ESCAPE '\\'"
    extracted = "lower(c.text) LIKE ? ESCAPE '\\' OR lower(coalesce(c.speaker, '')) LIKE ? ESCAPE '\\'"
    # Corrections are few (one per claim a reviewer fixed): their claims are matched here, as corrected.
    corrected = {cid: now for cid, now in corrected_claims(store).items() if now.corrected}
    if not corrected:
        return f"({extracted} OR {document})", [pattern] * 4
    hits = [cid for cid, now in corrected.items() if term in f"{now.text}\n{now.speaker or ''}".lower()]
    others = f"c.id NOT IN ({', '.join('?' * len(corrected))})"
    clause = f"({document} OR ({others} AND ({extracted}))"
    params: list[object] = [pattern, pattern, *corrected, pattern, pattern]
    if hits:
        clause += f" OR c.id IN ({', '.join('?' * len(hits))})"
        params.extend(hits)
    return clause + ")", params


class ClaimIndex:
    """The claims of one filter in reading order: rowids and their consensus at load time, all in memory.

    Used for searches and the documents filter, whose matches are only known by reading the claims."""

    __slots__ = ("filter", "rowids", "statuses")

    def __init__(self, flt: QueueFilter, rowids: array[int], statuses: list[str]) -> None:
        self.filter = flt
        self.rowids = rowids
        self.statuses = statuses

    def __len__(self) -> int:
        return len(self.rowids)

    def position(self, rowid: int) -> int | None:
        try:
            return self.rowids.index(rowid)  # C-speed scan: ~1 ms at 100,000
        except ValueError:
            return None

    def next_with_status(
        self, after: int, status: str = rules.UNREVIEWED, *, wrap: bool = True
    ) -> int | None:
        """The first row after ``after`` whose consensus is ``status``, wrapping to the top."""
        try:
            return self.statuses.index(status, after + 1)
        except ValueError:
            pass
        if wrap:
            try:
                found = self.statuses.index(status, 0, max(after, 0))
            except ValueError:
                return None
            return found
        return None

    def set_status(self, position: int, status: str) -> None:
        self.statuses[position] = status


QueueIndex = ClaimIndex | DocumentIndex


def load_index(store: Store, flt: QueueFilter) -> QueueIndex:
    """The claims of ``flt`` in its order: a status (or every claim) in article order is read a document
    at a time from the counts table; a team queue, a search or a document filter reads its matches at once."""
    if flt.team is not None:
        from claimreview.store.team_queue import load_team_index

        return load_team_index(store, flt)
    if flt.per_document:
        return DocumentIndex.open(store, flt)
    if flt.order not in ORDERS:
        raise ValueError(f"unknown order {flt.order!r}")
    where, params = _where(flt, store)
    order = _ORDER if flt.order == ARTICLE_ORDER else _ORDER.replace("ORDER BY", "ORDER BY c.score DESC,")
    sql = f"SELECT c.rowid, c.consensus FROM claim c JOIN document d ON d.id = c.document_id{where} {order}"
    rowids: array[int] = array("q")
    statuses: list[str] = []
    intern: dict[str, str] = {}
    with store.engine.connect() as conn:
        for rowid, status in conn.exec_driver_sql(sql, tuple(params)):
            rowids.append(rowid)
            statuses.append(intern.setdefault(status, status))
    return ClaimIndex(flt, rowids, statuses)


def fetch_rows(store: Store, rowids: Sequence[int]) -> dict[int, ClaimRow]:
    """The claims with these rowids, keyed by rowid (a page of the queue)."""
    out: dict[int, ClaimRow] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(rowids), 500):
            chunk = tuple(rowids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            sql = (
                f"SELECT {_ROW_COLUMNS} FROM claim c JOIN document d ON d.id = c.document_id "
                f"WHERE c.rowid IN ({marks})"
            )
            for rowid, *rest in conn.exec_driver_sql(sql, chunk):
                out[int(rowid)] = ClaimRow(*rest)
    return out


def rowid_of(store: Store, claim_id: str) -> int | None:
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT rowid FROM claim WHERE id = ?", (claim_id,)).first()
    return int(row[0]) if row else None


def consensus_of(store: Store, claim_id: str) -> str | None:
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT consensus FROM claim WHERE id = ?", (claim_id,)).first()
    return str(row[0]) if row else None


def consensus_counts(store: Store) -> dict[str, int]:
    """Claims per consensus value; every value present, zero when none. Reads the counts table that
    triggers keep (db/migrations/0002_counts.sql): a few rows per document, never the claims."""
    counts = dict.fromkeys(rules.CONSENSUS_VALUES, 0)
    with store.engine.connect() as conn:
        for value, n in conn.exec_driver_sql(
            "SELECT consensus, sum(n) FROM claim_count GROUP BY consensus HAVING sum(n) > 0"
        ):
            counts[str(value)] = int(n)
    return counts


def document_claims(store: Store, document_id: str) -> list[ClaimRow]:
    """Every claim of one document as corrected, in text order (for the document screen's highlights)."""
    rows = corrected_rows(store, store.list_claims(document=document_id))
    return sorted(rows, key=lambda row: (row.start, row.end))
