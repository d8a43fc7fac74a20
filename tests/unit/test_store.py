"""The local store: schema, stable ids, idempotent adds, the append-only event log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimreview import store as store_module
from claimreview.errors import ClaimreviewError, DatabaseError, InputError
from claimreview.ids import claim_id, sha256_text
from claimreview.models import NewClaim, NewDocument, Source
from claimreview.store import Store

TEXT = "Officials said 1,200 people left on Monday. The bridge reopened. Nobody knows why?"


def article(text: str = TEXT, uri: str = "a.txt") -> tuple[NewDocument, list[NewClaim]]:
    first = text.index("Officials")
    end = text.index(".") + 1
    return (
        NewDocument(uri=uri, title="A", text=text),
        [
            NewClaim(
                text=text[first:end],
                start=first,
                end=end,
                speaker="Officials",
                score=0.8,
                extractor="test",
                extractor_version="1",
            )
        ],
    )


def test_new_database_has_schema_version_wal_and_foreign_keys(db_file: Path) -> None:
    with Store.open(db_file) as store:
        assert store.schema_version() == store_module.schema_version_expected() >= 1
    raw = sqlite3.connect(db_file)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA user_version").fetchone()[0] >= 1
    raw.close()
    with Store.open(db_file) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1


def test_claim_ids_are_the_same_on_two_machines(tmp_path: Path) -> None:
    ids = []
    for name in ("one.db", "two.db"):
        with Store.open(tmp_path / name) as store:
            store.add_articles([article(uri=f"/home/{name}/a.txt")])
            ids.append([c.id for c in store.list_claims()])
    assert ids[0] == ids[1]
    start = TEXT.index("Officials")
    assert ids[0] == [claim_id(sha256_text(TEXT), start, TEXT.index(".") + 1)]


def test_adding_the_same_article_twice_adds_nothing(store: Store) -> None:
    first = store.add_articles([article()])
    again = store.add_articles([article()])
    assert (first.documents_added, first.claims_added) == (1, 1)
    assert (again.documents_added, again.claims_added) == (0, 0)
    assert store.count_claims() == 1


def test_offsets_that_do_not_match_the_text_are_refused(store: Store) -> None:
    doc, _ = article()
    bad = NewClaim(
        text="Officials", start=3, end=12, speaker=None, score=0.1, extractor="t", extractor_version="1"
    )
    with pytest.raises(InputError, match="offsets"):
        store.add_articles([(doc, [bad])])
    assert store.count_claims() == 0


def test_verdicts_append_events_and_history_is_kept(store: Store) -> None:
    store.add_articles([article()])
    cid = store.list_claims()[0].id
    first = store.append_event(
        cid,
        "ann",
        "confirmed",
        note="checked the register",
        sources=[Source("https://example.org/r", "Register", "1,200 left")],
    )
    second = store.append_event(cid, "ann", "denied", note="wrong day")
    history = store.events_for_claim(cid)
    assert [e.id for e in history] == [first.id, second.id]
    assert second.replaces == first.id and first.replaces is None
    assert history[0].sources == [
        {"url": "https://example.org/r", "title": "Register", "quote": "1,200 left"}
    ]
    assert store.current_verdicts(cid)["ann"].label == "denied"
    assert store.get_claim(cid).consensus == "denied"  # type: ignore[union-attr]


def test_consensus_disputed_when_reviewers_differ_and_unreviewed_when_cleared(store: Store) -> None:
    store.add_articles([article()])
    cid = store.list_claims()[0].id
    store.append_event(cid, "ann", "confirmed")
    store.append_event(cid, "bob", "denied")
    assert store.get_claim(cid).consensus == "disputed"  # type: ignore[union-attr]
    assert [c.id for c in store.list_claims(status="disputed")] == [cid]
    store.append_event(cid, "bob", "cleared")
    assert store.get_claim(cid).consensus == "confirmed"  # type: ignore[union-attr]
    store.append_event(cid, "ann", "cleared")
    assert store.get_claim(cid).consensus == "unreviewed"  # type: ignore[union-attr]
    assert len(store.events_for_claim(cid)) == 4


def test_unknown_label_and_unknown_claim_are_refused(store: Store) -> None:
    store.add_articles([article()])
    cid = store.list_claims()[0].id
    with pytest.raises(ClaimreviewError, match="unknown label"):
        store.append_event(cid, "ann", "true")
    with pytest.raises(ClaimreviewError, match="no claim"):
        store.append_event("nope", "ann", "confirmed")
    assert store.events_for_claim(cid) == []


def test_claim_id_prefix_resolves_when_unique(store: Store) -> None:
    store.add_articles([article()])
    cid = store.list_claims()[0].id
    assert store.resolve_claim_id(cid[:5]) == cid
    with pytest.raises(ClaimreviewError, match="no claim"):
        store.resolve_claim_id("zzzz")


def test_search_matches_text_speaker_and_document(store: Store) -> None:
    store.add_articles([article()])
    assert store.count_claims(search="1,200") == 1
    assert store.count_claims(search="officials") == 1
    assert store.count_claims(search="a.txt") == 1
    assert store.count_claims(search="giraffe") == 0


def test_search_takes_percent_and_underscore_literally(store: Store) -> None:
    store.add_articles([article()])
    assert store.count_claims(search="OFFICIALS") == 1
    assert store.count_claims(search="%") == 0
    assert store.count_claims(search="offic_als") == 0
    assert store.count_claims(search="a_txt") == 0


def test_a_file_that_is_not_sqlite_is_reported_as_such(tmp_path: Path) -> None:
    bad = tmp_path / "corrupt.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseError, match="not a claimreview database or it is corrupt"):
        Store.open(bad)
    assert bad.read_bytes().startswith(b"this is not")


def test_someone_elses_sqlite_database_is_not_touched(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="not a claimreview database"):
        Store.open(other)


def test_a_newer_schema_is_refused(db_file: Path) -> None:
    Store.open(db_file).close()
    conn = sqlite3.connect(db_file)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(DatabaseError, match="newer"):
        Store.open(db_file)


def test_a_locked_database_is_reported_not_hung(db_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(db_file) as store:
        store.add_articles([article()])
        cid = store.list_claims()[0].id
    from claimreview.store import schema

    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 100)  # where connections read it
    locker = sqlite3.connect(db_file, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with Store.open(db_file) as store, pytest.raises(DatabaseError, match="locked"):
            store.append_event(cid, "ann", "confirmed")
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    with Store.open(db_file) as store:
        assert store.events_for_claim(cid) == []


def test_stats_count_current_verdicts_per_reviewer(store: Store) -> None:
    store.add_articles([article(), article(TEXT.replace("1,200", "3,400"), uri="b.txt")])
    first, second = store.list_claims()
    store.append_event(first.id, "ann", "confirmed")
    store.append_event(first.id, "ann", "denied")
    store.append_event(second.id, "ann", "confirmed")
    store.append_event(second.id, "bob", "confirmed")
    stats = store.stats()
    assert stats.total == 2
    assert stats.by_consensus == {"denied": 1, "confirmed": 1}
    assert stats.by_reviewer == {"ann": 2, "bob": 1}
    assert [(title, n, reviewed) for _, title, n, reviewed in stats.by_document] == [("A", 1, 1), ("A", 1, 1)]


def test_several_openers_of_a_new_database_at_once(tmp_path: Path) -> None:
    """Two terminals starting the app on a new file must both get a working database."""
    import threading

    path = tmp_path / "shared.db"
    barrier = threading.Barrier(6)
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            barrier.wait()
            Store.open(path).close()
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    with Store.open(path) as store:
        assert store.schema_version() == store_module.schema_version_expected()
