"""The review queue's index for a status filter (or every claim), read one document at a time.

Opening it reads the documents in reading order joined with their claim counts (the ``claim_count``
table that triggers keep), a few rows per document: ~0.1 s at 1,000,000 claims where reading every
claim's rowid took 3.3 s. A document's claims (rowid and consensus, in text order) are read the first
time a position inside it is needed, and then kept: that is the snapshot a verdict's new status is
written into, so a judged claim stays in the list until the next reload, as with an index read at once.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, overload

from claimreview import consensus as rules

if TYPE_CHECKING:
    from claimreview.store.queue import QueueFilter
    from claimreview.store.store import Store

_Chunk = tuple["array[int]", list[str]]


class DocumentIndex:
    """Positions in reading order (document added_at, id, then start) over per-document counts."""

    __slots__ = ("_by_id", "_chunks", "_counts", "_docs", "_intern", "_starts", "_store", "filter")

    def __init__(self, store: Store, flt: QueueFilter, docs: list[str], counts: list[dict[str, int]]) -> None:
        self.filter = flt
        self._store = store
        self._docs = docs  # only documents with at least one claim in the filter
        self._by_id = {doc_id: n for n, doc_id in enumerate(docs)}
        # Per document, its claims in the filter by consensus: at open, then as read (see _chunk).
        self._counts = counts
        self._starts: array[int] = array("q", [0])
        self._chunks: dict[int, _Chunk] = {}
        self._intern: dict[str, str] = {}
        self._restart()

    @classmethod
    def open(cls, store: Store, flt: QueueFilter) -> DocumentIndex:
        if flt.status is not None and flt.status not in rules.CONSENSUS_VALUES:
            raise ValueError(f"unknown status {flt.status!r}")
        sql = (
            "SELECT d.id, cc.consensus, cc.n FROM document d JOIN claim_count cc ON cc.document_id = d.id"
            " WHERE cc.n > 0"
            + (" AND cc.consensus = ?" if flt.status is not None else "")
            + " ORDER BY d.added_at, d.id"
        )
        docs: list[str] = []
        counts: list[dict[str, int]] = []
        # A raw cursor: at 1,000,000 claims (20,000 documents) SQLAlchemy's rows doubled this read.
        with store.cursor() as cursor:
            if flt.status is not None:
                # One status: one row per document, so no grouping.
                status = flt.status
                rows = cursor.execute(sql, (status,)).fetchall()
                docs = [doc_id for doc_id, _, _ in rows]
                counts = [{status: n} for _, _, n in rows]
            else:
                last = None
                for doc_id, status, n in cursor.execute(sql):
                    if doc_id != last:
                        docs.append(doc_id)
                        counts.append({})
                        last = doc_id
                    counts[-1][status] = n
        return cls(store, flt, docs, counts)

    def _restart(self) -> None:
        starts = array("q", [0])
        total = 0
        for per_status in self._counts:
            total += sum(per_status.values())
            starts.append(total)
        self._starts = starts

    # -- reading a document's claims ------------------------------------------------------------------

    def _chunk(self, doc: int) -> _Chunk:
        chunk = self._chunks.get(doc)
        if chunk is not None:
            return chunk
        sql = "SELECT rowid, consensus FROM claim WHERE document_id = ?"
        params: tuple[str, ...] = (self._docs[doc],)
        if self.filter.status is not None:
            sql += " AND consensus = ?"
            params += (self.filter.status,)
        rowids: array[int] = array("q")
        statuses: list[str] = []
        with self._store.engine.connect() as conn:
            for rowid, status in conn.exec_driver_sql(sql + " ORDER BY start", params):
                rowids.append(rowid)
                statuses.append(self._intern.setdefault(status, status))
        chunk = (rowids, statuses)
        self._chunks[doc] = chunk
        if len(rowids) != self._starts[doc + 1] - self._starts[doc]:
            # Another process changed this document's claims since the counts were read: its rows as
            # they are now replace the count, and later positions shift (the queue widget follows len()).
            per_status: dict[str, int] = {}
            for status in statuses:
                per_status[status] = per_status.get(status, 0) + 1
            self._counts[doc] = per_status
            self._restart()
        return chunk

    def _locate(self, position: int) -> tuple[int, int]:
        if not 0 <= position < len(self):
            raise IndexError(position)
        doc = bisect_right(self._starts, position) - 1
        return doc, position - self._starts[doc]

    # -- what the queue asks -----------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._starts[-1]

    @property
    def rowids(self) -> _RowidView:
        return _RowidView(self)

    @property
    def statuses(self) -> _StatusView:
        return _StatusView(self)

    def _at(self, position: int) -> tuple[_Chunk, int]:
        doc, offset = self._locate(position)
        chunk = self._chunk(doc)
        if offset >= len(chunk[0]):  # that document shrank when read: locate again (IndexError past the end)
            doc, offset = self._locate(position)
            chunk = self._chunk(doc)
        return chunk, offset

    def rowid_at(self, position: int) -> int:
        chunk, offset = self._at(position)
        return chunk[0][offset]

    def status_at(self, position: int) -> str:
        chunk, offset = self._at(position)
        return chunk[1][offset]

    def set_status(self, position: int, status: str) -> None:
        chunk, offset = self._at(position)
        chunk[1][offset] = status

    def position(self, rowid: int) -> int | None:
        with self._store.engine.connect() as conn:
            row = conn.exec_driver_sql("SELECT document_id FROM claim WHERE rowid = ?", (rowid,)).first()
        doc = self._by_id.get(str(row[0])) if row else None
        if doc is None:
            return None
        try:
            offset = self._chunk(doc)[0].index(rowid)
        except ValueError:
            return None
        return self._starts[doc] + offset

    def next_with_status(
        self, after: int, status: str = rules.UNREVIEWED, *, wrap: bool = True
    ) -> int | None:
        """The first row after ``after`` whose consensus is ``status``, wrapping to the top."""
        found = self._find(after + 1, len(self), status)
        if found is None and wrap:
            found = self._find(0, max(after, 0), status)
        return found

    def _find(self, start: int, stop: int, status: str) -> int | None:
        """The first position in [start, stop) with ``status``; documents whose counts say none and
        whose claims were never read (so nothing changed them here) are skipped unread."""
        if start >= stop:
            return None
        doc = bisect_right(self._starts, start) - 1
        while doc < len(self._docs) and self._starts[doc] < stop:
            if doc in self._chunks or self._counts[doc].get(status, 0):
                statuses = self._chunk(doc)[1]
                base = self._starts[doc]
                try:
                    return base + statuses.index(status, max(start - base, 0), stop - base)
                except ValueError:
                    pass
            doc += 1
        return None


class _RowidView(Sequence[int]):
    """The index's rowids as a sequence (a page of the queue is a slice of it)."""

    def __init__(self, index: DocumentIndex) -> None:
        self._index = index

    def __len__(self) -> int:
        return len(self._index)

    @overload
    def __getitem__(self, key: int) -> int: ...
    @overload
    def __getitem__(self, key: slice) -> list[int]: ...
    def __getitem__(self, key: int | slice) -> int | list[int]:
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self._index))
            out: list[int] = []
            # len() is asked again each time: reading a changed document can shrink the index mid-slice.
            for n in range(start, stop, step):
                if n >= len(self._index):
                    break
                out.append(self._index.rowid_at(n))
            return out
        return self._index.rowid_at(key if key >= 0 else key + len(self._index))

    def __iter__(self) -> Iterator[int]:
        n = 0
        while n < len(self._index):
            yield self._index.rowid_at(n)
            n += 1


class _StatusView(Sequence[str]):
    """The index's statuses as a sequence, for code that reads one position."""

    def __init__(self, index: DocumentIndex) -> None:
        self._index = index

    def __len__(self) -> int:
        return len(self._index)

    @overload
    def __getitem__(self, key: int) -> str: ...
    @overload
    def __getitem__(self, key: slice) -> list[str]: ...
    def __getitem__(self, key: int | slice) -> str | list[str]:
        if isinstance(key, slice):
            return [self._index.status_at(n) for n in range(*key.indices(len(self._index)))]
        return self._index.status_at(key if key >= 0 else key + len(self._index))
