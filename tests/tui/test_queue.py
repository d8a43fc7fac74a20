"""The queue's data access (claimreview.store.queue) and the document view's wrapping (pure parts)."""

from __future__ import annotations

from claimreview import consensus as rules
from claimreview.store import Store
from claimreview.store.queue import QueueFilter, consensus_counts, fetch_rows, load_index, rowid_of
from claimreview.tui.widgets.document_view import wrap_offsets

from .conftest import SENTENCES_A, fill


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
