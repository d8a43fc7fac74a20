"""Corrections: the claim as it stands after reviewers corrected its speaker or boundaries."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from claimreview import consensus as rules
from claimreview.corrections import effective, payload_of
from claimreview.store import Store
from claimreview.store.corrections import corrected_claim

TEXT = (
    "HARBOUR FEES RISE\n\n"
    "The port authority said fees would rise by 8% in May. "
    "It blamed fuel costs, which doubled in a year. "
    "Shipping firms were not consulted."
)
FIRST = "The port authority said fees would rise by 8% in May."
AT = TEXT.index(FIRST)


@dataclass
class Ev:
    reviewer: str
    label: str
    created_at: str
    payload: dict[str, Any] = field(default_factory=dict)
    kind: str = rules.CORRECTION


def fix(who: str, when: str, speaker: str, start: int, end: int) -> Ev:
    return Ev(who, rules.CORRECTED, when, payload_of(speaker, start, end))


def test_no_correction_is_the_extraction() -> None:
    now = effective("port authority", AT, AT + len(FIRST), TEXT, [])
    assert (now.text, now.speaker, now.corrected) == (FIRST, "port authority", False)


def test_newest_standing_correction_wins_as_a_whole() -> None:
    longer = TEXT.index(" Shipping")
    events = [
        fix("ann", "2025-01-01T10:00:00Z", "Port of Halden authority", AT, AT + len(FIRST)),
        fix("bob", "2025-01-01T11:00:00Z", "", AT, longer),
        Ev("carol", rules.CONFIRMED, "2025-01-01T12:00:00Z", kind=rules.REVIEW),  # not a correction
    ]
    now = effective("port authority", AT, AT + len(FIRST), TEXT, events)
    # bob's is newest: his boundaries AND his (empty) speaker, nothing merged from ann's
    assert now.by == "bob" and now.speaker is None and now.text == TEXT[AT:longer]


def test_clearing_falls_back_to_the_next_standing_correction_then_the_extraction() -> None:
    ann = fix("ann", "2025-01-01T10:00:00Z", "Harbour master", AT, AT + len(FIRST))
    bob = fix("bob", "2025-01-01T11:00:00Z", "Mayor", AT, AT + len(FIRST))
    bob_clears = Ev("bob", rules.CLEARED, "2025-01-01T12:00:00Z")
    assert effective(None, AT, AT + len(FIRST), TEXT, [ann, bob, bob_clears]).speaker == "Harbour master"
    ann_clears = Ev("ann", rules.CLEARED, "2025-01-01T13:00:00Z")
    now = effective(None, AT, AT + len(FIRST), TEXT, [ann, bob, bob_clears, ann_clears])
    assert not now.corrected and now.speaker is None


@pytest.mark.parametrize(
    "payload",
    [
        {"speaker": "X", "start": 5, "end": 99999},  # past the document
        {"speaker": "X", "start": 30, "end": 10},  # backwards
        {"speaker": "X", "start": "1", "end": 10},  # not numbers
        {"speaker": "X", "start": True, "end": 10},  # a bool is not an offset
        {"speaker": 7, "start": 0, "end": 10},
        {"start": TEXT.index("\n\n"), "end": TEXT.index("\n\n") + 2},  # only blank space
    ],
)
def test_a_correction_that_does_not_fit_is_skipped(payload: dict[str, Any]) -> None:
    good = fix("ann", "2025-01-01T10:00:00Z", "Harbour master", AT, AT + len(FIRST))
    bad = Ev("bob", rules.CORRECTED, "2025-01-01T11:00:00Z", payload)
    now = effective(None, AT, AT + len(FIRST), TEXT, [good, bad])
    assert now.by == "ann" and now.speaker == "Harbour master"


# -- the command -----------------------------------------------------------------------------------


@pytest.fixture
def db(cli, tmp_path: Path, db_file: Path) -> Path:
    record = {
        "document_uri": "fees.txt",
        "document_text": TEXT,
        "text": FIRST,
        "start": AT,
        "end": AT + len(FIRST),
        "speaker": "port authority",
        "score": 0.9,
        "reasons": ["figure", "reporting"],
    }
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert cli("import", path, "--db", db_file).code == 0
    return db_file


def claim_id(db: Path) -> str:
    with Store.open(db) as store:
        return store.list_claims()[0].id


def listed(cli, db: Path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    out = cli("claims", "--json", "--db", db).out
    return dict(json.loads(out.splitlines()[0]))


def test_correct_speaker_and_extend_then_claims_json_shows_both(cli, db: Path) -> None:
    cid = claim_id(db)
    args = ("--reviewer", "ann", "--db", db)
    done = cli("correct", cid[:6], "--speaker", "Port of Halden authority", "--extend-next", *args)
    assert done.code == 0, done
    assert "It blamed fuel costs" in done.out
    line = listed(cli, db)
    assert line["speaker"] == "Port of Halden authority"
    assert line["text"] == TEXT[AT : TEXT.index(" Shipping")]
    assert line["extracted"] == {
        "text": FIRST,
        "start": AT,
        "end": AT + len(FIRST),
        "speaker": "port authority",
    }
    assert line["corrected_by"] == "ann" and line["reasons"] == ["figure", "reporting"]
    # The correction is an event in the history; the verdict consensus is untouched.
    with Store.open(db) as store:
        kinds = [(e.kind, e.label) for e in store.events_for_claim(cid)]
        assert kinds == [(rules.CORRECTION, rules.CORRECTED)]
        assert store.get_claim(cid).consensus == rules.UNREVIEWED  # type: ignore[union-attr]
        assert store.get_claim(cid).text == FIRST  # type: ignore[union-attr]


def test_second_correction_builds_on_the_first_and_clear_withdraws(cli, db: Path) -> None:
    cid = claim_id(db)
    args = ("--reviewer", "ann", "--db", db)
    cli("correct", cid, "--speaker", "Harbour master", *args)
    cli("correct", cid, "--extend-next", *args)
    with Store.open(db) as store:
        now = corrected_claim(store, cid)
    assert now is not None and now.speaker == "Harbour master" and now.text.endswith("in a year.")
    headline_trim = cli("correct", cid, "--start", str(AT + 4), *args)  # drop "The "
    assert headline_trim.code == 0
    assert listed(cli, db)["text"].startswith("port authority said")
    cleared = cli("correct", cid, "--clear", *args)
    assert cleared.code == 0 and "as extracted" in cleared.out
    assert "extracted" not in listed(cli, db) and listed(cli, db)["text"] == FIRST


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "nothing to correct"),
        (("--start", "-1"), "outside the document"),
        (("--end", "999999"), "outside the document"),
        (("--speaker", "A", "--no-speaker"), "not both"),
        (("--speaker", "  "), "--speaker"),
        (("--clear",), "no correction"),
        (("--clear", "--speaker", "A"), "give it alone"),
    ],
)
def test_bad_corrections_fail_with_one_line_and_write_nothing(
    cli, db: Path, args: tuple[str, ...], message: str
) -> None:
    cid = claim_id(db)
    result = cli("correct", cid, *args, "--reviewer", "ann", "--db", db)
    assert result.code == 2 and message in result.err and result.err.count("\n") == 1, result
    with Store.open(db) as store:
        assert store.events_for_claim(cid) == []


def test_extend_at_the_end_of_the_document_refuses(cli, db: Path) -> None:
    cid = claim_id(db)
    assert cli("correct", cid, "--end", str(len(TEXT)), "--reviewer", "ann", "--db", db).code == 0
    result = cli("correct", cid, "--extend-next", "--reviewer", "ann", "--db", db)
    assert result.code == 2 and "nothing to extend" in result.err


def test_claims_table_and_store_lists_show_the_correction_then_the_extraction_after_clear(
    cli, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimreview.cli import plumbing
    from claimreview.store.queue import document_claims

    monkeypatch.setattr(plumbing.stdout, "_width", 200)  # room for the whole speaker column
    cid = claim_id(db)
    args = ("--reviewer", "ann", "--db", db)
    assert cli("correct", cid, "--speaker", "Harbour master", "--extend-next", *args).code == 0
    table = cli("claims", "--db", db).out
    assert "Harbour master" in table
    assert "doubled in a" in table  # the extended text, not only the extracted sentence
    with Store.open(db) as store:
        [row] = document_claims(store, store.list_claims()[0].document_id)
        assert (row.speaker, row.end) == ("Harbour master", TEXT.index(" Shipping"))
    assert cli("correct", cid, "--clear", *args).code == 0
    table = cli("claims", "--db", db).out
    assert "Harbour master" not in table and "│ port authority" in table and "doubled" not in table


def test_the_queue_search_finds_a_claim_by_what_it_says_as_corrected(cli, db: Path) -> None:  # type: ignore[no-untyped-def]
    from claimreview.store.queue import QueueFilter, load_index

    cid = claim_id(db)
    args = ("--reviewer", "ann", "--db", db)

    def found(term: str) -> bool:
        with Store.open(db) as store:
            return _rowid(store, cid) in set(load_index(store, QueueFilter(search=term)).rowids)

    assert found("port authority") and not found("harbour master")
    assert cli("correct", cid, "--speaker", "Harbour Master Li", *args).code == 0
    assert found("harbour master")  # the speaker the queue shows now
    assert found("fees would rise")  # its text, unchanged by the correction
    assert cli("correct", cid, "--clear", *args).code == 0
    assert not found("harbour master")  # withdrawn: the extraction stands again


def _rowid(store: Store, cid: str) -> int:
    from claimreview.store.queue import rowid_of

    rowid = rowid_of(store, cid)
    assert rowid is not None
    return rowid
