"""The queue's data access (claimreview.store.queue) and the document view's wrapping (pure parts)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimreview import consensus as rules
from claimreview.paths import migrations_dir
from claimreview.store import Store, schema_version_expected
from claimreview.store.queue import QueueFilter, consensus_counts, fetch_rows, load_index, rowid_of
from claimreview.tui.widgets.claim_queue import speaker_label
from claimreview.tui.widgets.document_view import wrap_offsets

from .conftest import SENTENCES_A, article, fill


def test_index_follows_store_reading_order(store: Store) -> None:
    fill(store)
    index = load_index(store, QueueFilter())
    rows = fetch_rows(store, index.rowids)
    assert [rows[r].id for r in index.rowids] == [c.id for c in store.list_claims()]


def test_filters_and_positions(store: Store) -> None:
    fill(store)
    claims = store.list_claims()
    store.append_event(claims[1].id, "alice", "denied")
    unreviewed = load_index(store, QueueFilter(status=rules.UNREVIEWED))
    assert len(unreviewed) == 4
    everything = load_index(store, QueueFilter())
    rowid = rowid_of(store, claims[1].id)
    assert rowid is not None and everything.position(rowid) == 1
    assert everything.next_with_status(0) == 2  # skips the denied one
    assert everything.next_with_status(4) == 0  # wraps
    assert everything.next_with_status(4, wrap=False) is None
    assert consensus_counts(store)[rules.DENIED] == 1
    assert len(load_index(store, QueueFilter(document=claims[0].document_id))) == len(SENTENCES_A)


def test_search_is_case_insensitive_and_literal(store: Store) -> None:
    fill(store)
    assert len(load_index(store, QueueFilter(search="MINISTER"))) == 3
    assert len(load_index(store, QueueFilter(search="100%"))) == 0
    assert len(load_index(store, QueueFilter(search="40,000"))) == 1


def test_wrap_covers_text_and_respects_width() -> None:
    text = "alpha beta gamma\n\nδέλτα 部长表示失业率去年下降了百分之三 " + "x" * 25
    lines = wrap_offsets(text, 10)
    from rich.cells import cell_len

    for start, end in lines:
        assert cell_len(text[start:end].rstrip()) <= 10
    joined = "".join(text[s:e] for s, e in lines)
    assert joined.replace(" ", "") == text.replace("\n", "").replace(" ", "")
    assert lines[0] == (0, 11)  # "alpha beta " then "gamma"


def test_wrap_empty_text() -> None:
    assert wrap_offsets("", 20) == [(0, 0)]


def test_fast_and_sql_paths_agree(store: Store) -> None:
    fill(store)
    claims = store.list_claims()
    store.append_event(claims[3].id, "alice", "confirmed")
    for status in (None, *rules.CONSENSUS_VALUES):
        fast = load_index(store, QueueFilter(status=status))
        # A document filter takes the SQL path; with one document both must agree too.
        for document in {c.document_id for c in claims}:
            slow = load_index(store, QueueFilter(status=status, document=document))
            assert [r for r in fast.rowids if r in set(slow.rowids)] == list(slow.rowids)
        expected = [c.id for c in store.list_claims(status=status)]
        rows = fetch_rows(store, fast.rowids)
        assert [rows[r].id for r in fast.rowids] == expected


def _counted(store: Store) -> dict[str, int]:
    """Claims per consensus counted from the claims themselves (what the counts table must equal)."""
    counts = dict.fromkeys(rules.CONSENSUS_VALUES, 0)
    for claim in store.list_claims():
        counts[claim.consensus] += 1
    return counts


def test_counts_follow_inserts_verdicts_synced_events_and_a_reopen(store: Store, db_file: Path) -> None:
    assert consensus_counts(store) == _counted(store)
    fill(store)
    claims = store.list_claims()
    assert consensus_counts(store)[rules.UNREVIEWED] == 5
    store.append_event(claims[0].id, "alice", "confirmed")
    store.append_event(claims[0].id, "bob", "denied")  # disputed now
    store.append_event(claims[2].id, "alice", "denied")
    store.append_event(claims[2].id, "alice", "cleared")  # back to unreviewed
    event = {
        "id": "ev-from-server",
        "claim_id": claims[4].id,
        "reviewer": "carol",
        "kind": "review",
        "label": "unverified",
        "note": "",
        "sources": [],
        "created_at": "2026-01-01T00:00:00.000000Z",
        "replaces": None,
        "server_seq": 1,
    }
    store.insert_events([event])
    store.insert_events([event])  # a resent copy changes nothing
    expected = _counted(store)
    assert expected[rules.DISPUTED] == 1 and expected[rules.UNVERIFIED] == 1
    assert consensus_counts(store) == expected
    store.close()
    with Store.open(db_file) as again:
        assert consensus_counts(again) == expected


def test_migration_backfills_counts_of_an_existing_database(db_file: Path) -> None:
    # A database as schema 1 shipped (only migration 0001), with claims already judged.
    conn = sqlite3.connect(db_file)
    conn.executescript((migrations_dir() / "0001_initial.sql").read_text(encoding="utf-8"))
    conn.execute(
        "INSERT INTO document (id, uri, title, text, sha256, added_at)"
        " VALUES ('d1', 'a.txt', 'A', ?, 'x', 't')",
        ("One. Two. Three.",),
    )
    for n, (start, end, consensus) in enumerate([(0, 4, "denied"), (5, 9, "unreviewed"), (10, 16, "denied")]):
        conn.execute(
            'INSERT INTO claim (id, document_id, text, start, "end", extractor, extractor_version, consensus)'
            " VALUES (?, 'd1', 'x', ?, ?, 't', '1', ?)",
            (f"c{n}", start, end, consensus),
        )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store.open(db_file) as store:
        assert store.schema_version() == schema_version_expected()
        assert consensus_counts(store) == {**_counted(store)}
        assert consensus_counts(store)[rules.DENIED] == 2


def _many_documents(store: Store, documents: int, per_doc: int) -> None:
    store.add_articles(
        [
            article(f"Doc {d:03d}", [f"Claim {d}-{i} is {i} percent." for i in range(per_doc)])
            for d in range(documents)
        ]
    )


def test_document_index_pages_and_jumps_like_a_full_read(store: Store) -> None:
    _many_documents(store, documents=30, per_doc=7)
    claims = store.list_claims()
    for n in (3, 50, 51, 52, 140, 209):
        store.append_event(claims[n].id, "alice", "denied" if n % 2 else "confirmed")
    for status in (None, *rules.CONSENSUS_VALUES):
        index = load_index(store, QueueFilter(status=status))
        expected = [c.id for c in store.list_claims(status=status)]
        assert len(index) == len(expected)
        # A page in the middle, read first, before anything before it.
        middle = len(expected) // 2
        page = list(index.rowids[middle : middle + 10])
        rows = fetch_rows(store, page)
        assert [rows[r].id for r in page] == expected[middle : middle + 10]
        # Then a jump to the last claim and a look-up by rowid.
        if expected:
            last = rowid_of(store, expected[-1])
            assert last is not None and index.position(last) == len(expected) - 1


def test_document_index_next_unreviewed_skips_judged_documents(store: Store) -> None:
    _many_documents(store, documents=12, per_doc=3)
    claims = store.list_claims()
    for claim in claims[3:30]:  # documents 1 to 9 all judged
        store.append_event(claim.id, "alice", "confirmed")
    everything = load_index(store, QueueFilter())
    assert everything.next_with_status(2) == 30
    assert everything.next_with_status(35) == 0  # wraps to document 0
    assert everything.next_with_status(35, wrap=False) is None
    assert everything.next_with_status(10, rules.CONFIRMED) == 11
    # A status set here (a verdict in this session) is found again, and the snapshot keeps its row.
    unreviewed = load_index(store, QueueFilter(status=rules.UNREVIEWED))
    assert len(unreviewed) == 9
    unreviewed.set_status(0, rules.CONFIRMED)
    assert unreviewed.statuses[0] == rules.CONFIRMED and len(unreviewed) == 9
    assert unreviewed.next_with_status(-1) == 1
    assert unreviewed.next_with_status(5, rules.CONFIRMED) == 0


def test_document_index_follows_a_document_changed_by_another_process(store: Store, db_file: Path) -> None:
    _many_documents(store, documents=3, per_doc=4)
    claims = store.list_claims()
    index = load_index(store, QueueFilter(status=rules.UNREVIEWED))
    assert len(index) == 12
    with Store.open(db_file) as other:  # a second app on the same file judges a claim of document 2
        other.append_event(claims[9].id, "bob", "denied")
    page = index.rowids[0:12]
    # Reading document 2 finds three unreviewed claims where the counts said four: the index shrinks
    # rather than showing a claim that does not match or losing one that does.
    assert len(index) == 11
    rows = fetch_rows(store, list(index.rowids))
    assert [rows[r].id for r in index.rowids] == [c.id for c in claims if c.id != claims[9].id]
    assert page == list(index.rowids)  # a page read across the change ends where the index now ends


@pytest.mark.parametrize(
    ("name", "width", "shown"),
    [
        ("Marta Kowalska", 20, "Marta Kowalska"),  # fits: whole
        ("Marta Kowalska", 10, "Kowalska"),  # two Martas stay apart by their surnames
        ("Marta Kovacs", 10, "Kovacs"),
        ("Ana María de la Cruz", 14, "de la Cruz"),  # the longest tail that fits
        ("Ana María de la Cruz", 8, "la Cruz"),
        ("Ana María de la Cruz", 5, "Cruz"),
        ("Bartholomew Featherstonehaugh", 8, "Featherstonehaugh"),  # cut by the column, surname first
        ("Ministry of Health and Social Care", 10, "Ministry of Health and Social Care"),  # a body: its start
        ("the city council", 8, "the city council"),
        ("Halvard Terminals Ltd", 8, "Halvard Terminals Ltd"),  # capitalised, but a company
        ("Port Halvard Authority", 10, "Port Halvard Authority"),
        ("Doctors Without Borders", 10, "Doctors Without Borders"),
        ("宮崎 駿", 4, "駿"),  # cells, not characters: "宮崎 駿" is 7 cells wide
        ("[@click=app.quit] Evil", 8, "[@click=app.quit] Evil"),  # no name: cut from its start, literally
    ],
)
def test_a_narrow_speaker_column_shows_a_persons_surname(name: str, width: int, shown: str) -> None:
    assert speaker_label(name, width) == shown
