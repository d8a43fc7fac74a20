"""Published fact-checks and the claims they match: imports, listings, stats, stored matches, adoption.

Fact-checks are keyed by the review's url: an import (or a pull from the sync server) inserts new ones
and updates changed ones in place, all in one transaction, and bumps a generation counter in ``meta``
when anything changed. Matches are derived data: ``replace_matches`` stores what the matcher found and
records which fact-check generation, matcher version and claims (by rowid) they cover, so that
``match_state`` tells the caller what to recompute.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, text

from claimreview.errors import ClaimreviewError
from claimreview.evidence import make_source
from claimreview.ids import now_iso
from claimreview.models import FACTCHECK_FIELDS, MatchRow, factcheck_digest

if TYPE_CHECKING:
    from claimreview.store import Store
    from claimreview.store.events import Appended

GENERATION_KEY = "factchecks.generation"
MATCHED_GENERATION_KEY = "matches.generation"
MATCHED_VERSION_KEY = "matches.version"
MATCHED_THROUGH_KEY = "matches.claims_through"  # claim rowid: claims up to it have been matched

_COLUMNS = ", ".join(FACTCHECK_FIELDS)
_MATCH_SQL = (
    "SELECT m.claim_id, m.rank, m.score, f.url, f.claim_reviewed, f.headline, f.rating, f.publisher, "
    "f.date_published, f.language FROM claim_match m JOIN factcheck f ON f.url = m.factcheck_url"
)
_CHUNK = 500


@dataclass(slots=True)
class ImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.added + self.updated


@dataclass(slots=True)
class FactCheckStats:
    total: int = 0
    by_publisher: list[tuple[str, int]] = field(default_factory=list)  # most first
    by_rating: list[tuple[str, int]] = field(default_factory=list)  # most first
    matched_claims: int = 0


@dataclass(frozen=True, slots=True)
class MatchState:
    generation: int  # of the fact-checks
    matched_generation: int  # the generation the stored matches were computed against
    matched_version: str | None
    matched_through: int  # claim rowid
    factchecks: int


# -- writing fact-checks ----------------------------------------------------------------------------


def import_factchecks(
    store: Store, checks: Iterable[Any], *, server_seqs: Mapping[str, int] | None = None
) -> ImportResult:
    """Insert or update fact-checks (anything with FACTCHECK_FIELDS as attributes), all in one transaction.

    A url already stored with the same content is left alone; with other content it is updated in place.
    ``server_seqs`` (a pull) marks the rows as the server's; otherwise a changed row waits to be
    published (its ``server_seq`` becomes NULL).
    """
    rows: dict[str, dict[str, Any]] = {}
    imported_at = now_iso()
    for check in checks:
        row = {name: getattr(check, name, None) for name in FACTCHECK_FIELDS}
        url = str(row["url"])
        row["digest"] = factcheck_digest(check)
        row["imported_at"] = imported_at
        row["server_seq"] = None if server_seqs is None else server_seqs.get(url)
        rows[url] = row
    result = ImportResult()
    if not rows:
        return result
    with store.session() as session:
        conn = session.connection()
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        known = _digests(conn, list(rows))
        fresh, changed, seqs = [], [], []
        for url, row in rows.items():
            if url not in known:
                fresh.append(row)
            elif known[url] != row["digest"]:
                changed.append(row)
            else:
                result.unchanged += 1
                if row["server_seq"] is not None:
                    seqs.append({"url": url, "seq": row["server_seq"]})
        names = [*FACTCHECK_FIELDS, "digest", "imported_at", "server_seq"]
        if fresh:
            conn.execute(
                text(
                    f"INSERT INTO factcheck ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})"
                ),
                fresh,
            )
        if changed:
            sets = ", ".join(f"{n} = :{n}" for n in names if n != "url")
            conn.execute(text(f"UPDATE factcheck SET {sets} WHERE url = :url"), changed)
        if seqs:
            conn.execute(text("UPDATE factcheck SET server_seq = :seq WHERE url = :url"), seqs)
        result.added, result.updated = len(fresh), len(changed)
        if result.changed:
            conn.execute(
                text(
                    "INSERT INTO meta (key, value) VALUES (:key, '1') ON CONFLICT(key) DO UPDATE "
                    "SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
                ),
                {"key": GENERATION_KEY},
            )
        session.commit()
    return result


def _digests(conn: Any, urls: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    query = text("SELECT url, digest FROM factcheck WHERE url IN :urls").bindparams(
        bindparam("urls", expanding=True)
    )
    for start in range(0, len(urls), _CHUNK):
        out.update({str(u): str(d) for u, d in conn.execute(query, {"urls": urls[start : start + _CHUNK]})})
    return out


# -- reading fact-checks ----------------------------------------------------------------------------


def count_factchecks(store: Store) -> int:
    with store.session() as session:
        return int(session.connection().exec_driver_sql("SELECT count(*) FROM factcheck").scalar_one())


def all_factchecks(store: Store) -> list[dict[str, Any]]:
    """Every fact-check's FACTCHECK_FIELDS, in import order (what the matcher indexes)."""
    with store.session() as session:
        result = session.connection().exec_driver_sql(f"SELECT {_COLUMNS} FROM factcheck ORDER BY rowid")
        return [dict(zip(FACTCHECK_FIELDS, r, strict=True)) for r in result]


def list_factchecks(
    store: Store, *, publisher: str | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Fact-checks, newest review first (undated last), optionally of one publisher."""
    sql = f"SELECT {_COLUMNS} FROM factcheck"
    params: dict[str, Any] = {"limit": -1 if limit is None else limit, "offset": offset}
    if publisher is not None:
        sql += " WHERE publisher = :publisher"
        params["publisher"] = publisher
    sql += " ORDER BY date_published IS NULL, date_published DESC, url LIMIT :limit OFFSET :offset"
    with store.session() as session:
        return [dict(zip(FACTCHECK_FIELDS, r, strict=True)) for r in session.execute(text(sql), params)]


def get_factcheck(store: Store, url: str) -> dict[str, Any] | None:
    with store.session() as session:
        query = text(f"SELECT {_COLUMNS} FROM factcheck WHERE url = :url")
        row = session.execute(query, {"url": url}).first()
    return None if row is None else dict(zip(FACTCHECK_FIELDS, row, strict=True))


def factcheck_stats(store: Store) -> FactCheckStats:
    out = FactCheckStats()
    with store.session() as session:
        conn = session.connection()
        out.total = int(conn.exec_driver_sql("SELECT count(*) FROM factcheck").scalar_one())
        for column, target in (("publisher", out.by_publisher), ("rating", out.by_rating)):
            for value, n in conn.exec_driver_sql(
                f"SELECT {column}, count(*) AS n FROM factcheck GROUP BY {column} ORDER BY n DESC, {column}"
            ):
                target.append(("" if value is None else str(value), int(n)))
        out.matched_claims = int(
            conn.exec_driver_sql("SELECT count(DISTINCT claim_id) FROM claim_match").scalar_one()
        )
    return out


# -- publishing outbox (sync) ---------------------------------------------------------------------


def unpublished_factchecks(store: Store, after_rowid: int, limit: int) -> list[tuple[int, dict[str, Any]]]:
    """(rowid, fields) of the next fact-checks the sync server does not have yet (imported or changed
    here since the last sync), after ``after_rowid``."""
    with store.session() as session:
        result = session.execute(
            text(
                f"SELECT rowid, {_COLUMNS} FROM factcheck WHERE server_seq IS NULL AND rowid > :after "
                "ORDER BY rowid LIMIT :n"
            ),
            {"after": after_rowid, "n": limit},
        )
        return [(int(r[0]), dict(zip(FACTCHECK_FIELDS, r[1:], strict=True))) for r in result]


def count_unpublished(store: Store) -> int:
    with store.session() as session:
        sql = "SELECT count(*) FROM factcheck WHERE server_seq IS NULL"
        return int(session.connection().exec_driver_sql(sql).scalar_one())


def mark_published(store: Store, urls: Sequence[str]) -> None:
    """The server has these: take them out of the outbox (0 until the pull brings the server's seq)."""
    with store.session() as session:
        session.connection().execute(
            text("UPDATE factcheck SET server_seq = 0 WHERE url = :url AND server_seq IS NULL"),
            [{"url": u} for u in urls],
        )
        session.commit()


# -- matches ----------------------------------------------------------------------------------------


def match_state(store: Store) -> MatchState:
    keys = (GENERATION_KEY, MATCHED_GENERATION_KEY, MATCHED_VERSION_KEY, MATCHED_THROUGH_KEY)
    with store.session() as session:
        conn = session.connection()
        query = text("SELECT key, value FROM meta WHERE key IN :keys").bindparams(
            bindparam("keys", expanding=True)
        )
        meta = {str(k): str(v) for k, v in conn.execute(query, {"keys": list(keys)})}
        total = int(conn.exec_driver_sql("SELECT count(*) FROM factcheck").scalar_one())
    return MatchState(
        generation=int(meta.get(GENERATION_KEY, "0")),
        matched_generation=int(meta.get(MATCHED_GENERATION_KEY, "0")),
        matched_version=meta.get(MATCHED_VERSION_KEY),
        matched_through=int(meta.get(MATCHED_THROUGH_KEY, "0")),
        factchecks=total,
    )


def claims_after(store: Store, rowid: int) -> list[tuple[int, str, str]]:
    """(rowid, id, text) of the claims added after ``rowid``, in the order they were added."""
    with store.session() as session:
        result = session.execute(
            text("SELECT rowid, id, text FROM claim WHERE rowid > :after ORDER BY rowid"), {"after": rowid}
        )
        return [(int(r), str(i), str(t)) for r, i, t in result]


def replace_matches(
    store: Store,
    matches: Mapping[str, Sequence[tuple[str, float]]],
    *,
    everything: bool,
    generation: int,
    version: str,
    through: int,
) -> int:
    """Store each claim's matches ((url, score), best first), replacing what it had, in one transaction.

    ``everything``: the matches of every claim were computed (all older ones go). Records the fact-check
    ``generation`` and matcher ``version`` they were computed with and the claim rowid they reach.
    Returns the number of matches stored.
    """
    computed_at = now_iso()
    rows = [
        {"claim": claim, "url": url, "rank": rank, "score": score, "version": version, "at": computed_at}
        for claim, found in matches.items()
        for rank, (url, score) in enumerate(found, start=1)
    ]
    with store.session() as session:
        conn = session.connection()
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        if everything:
            conn.exec_driver_sql("DELETE FROM claim_match")
        else:
            ids = list(matches)
            delete = text("DELETE FROM claim_match WHERE claim_id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            )
            for start in range(0, len(ids), _CHUNK):
                conn.execute(delete, {"ids": ids[start : start + _CHUNK]})
        if rows:
            conn.execute(
                text(
                    "INSERT INTO claim_match (claim_id, factcheck_url, rank, score, matcher_version, "
                    "computed_at) VALUES (:claim, :url, :rank, :score, :version, :at)"
                ),
                rows,
            )
        upsert = text(
            "INSERT INTO meta (key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = :v"
        )
        conn.execute(
            upsert,
            [
                {"k": MATCHED_GENERATION_KEY, "v": str(generation)},
                {"k": MATCHED_VERSION_KEY, "v": version},
                {"k": MATCHED_THROUGH_KEY, "v": str(through)},
            ],
        )
        session.commit()
    return len(rows)


def matches_for_claims(store: Store, claim_ids: Sequence[str], limit: int = 5) -> dict[str, list[MatchRow]]:
    """The stored matches of each claim, best first (claims without any are absent)."""
    out: dict[str, list[MatchRow]] = {}
    query = text(_MATCH_SQL + " WHERE m.claim_id IN :ids AND m.rank <= :limit ORDER BY m.claim_id, m.rank")
    query = query.bindparams(bindparam("ids", expanding=True))
    ids = list(claim_ids)
    with store.session() as session:
        for start in range(0, len(ids), _CHUNK):
            for row in session.execute(query, {"ids": ids[start : start + _CHUNK], "limit": limit}):
                match = MatchRow(*row)
                out.setdefault(match.claim_id, []).append(match)
    return out


def top_matches(store: Store, claim_id: str, limit: int = 3) -> list[MatchRow]:
    """One claim's best stored matches (publisher, rating, date, headline, url, score): the claim card's
    read. Safe to call from a worker thread (each call opens its own session)."""
    return matches_for_claims(store, [claim_id], limit).get(claim_id, [])


def top_match_per_claim(store: Store) -> dict[str, MatchRow]:
    """Every claim's best match, for reports (one query)."""
    with store.session() as session:
        return {
            str(row[0]): MatchRow(*row) for row in session.execute(text(_MATCH_SQL + " WHERE m.rank = 1"))
        }


# -- adopting a match --------------------------------------------------------------------------------


def adopt_match(
    store: Store, claim_id: str, url: str, reviewer: str, label: str, *, note: str = ""
) -> Appended:
    """Record ``reviewer``'s verdict ``label`` on the claim with the fact-check as its evidence source
    (url, title = the review's headline, quote = its rating). ``label`` is trusted (checked at the edge)."""
    check = get_factcheck(store, url)
    if check is None:
        raise ClaimreviewError(f"no fact-check with url '{url}' in {store.path}; import it first")
    title = check["headline"] or check["claim_reviewed"]
    source = make_source(url, title[:500], (check["rating"] or "")[:5000])
    return store.record_event(claim_id, reviewer, label, note=note, sources=[source])
