"""`verdict` keeps the reviewer's note and sources like the app does, and takes the triage label."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimreview import consensus as rules
from claimreview.models import Source
from claimreview.store import Store
from claimreview.undo import VerdictState

DOC = (
    "The ministry said 1,400 homes lost power on 2 March. "
    "Crews restored 900 of them by Friday, according to the utility. "
    "Officials said the outage cost 3 million euros."
)


@pytest.fixture
def filled_db(cli, tmp_path: Path, db_file: Path) -> Path:
    lines = []
    for s in (
        "The ministry said 1,400 homes lost power on 2 March.",
        "Crews restored 900 of them by Friday,",
    ):
        start = DOC.index(s)
        record = {"document_uri": "power.txt", "document_text": DOC, "text": s, "start": start}
        lines.append(json.dumps({**record, "end": start + len(s), "score": 0.5}))
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cli("import", path, "--db", db_file).code == 0
    return db_file


def first_id(db: Path) -> str:
    with Store.open(db) as store:
        return store.list_claims()[0].id


def mine(db: Path, claim: str, who: str = "ann") -> VerdictState:
    with Store.open(db) as store:
        return VerdictState.of(store.latest_event(claim, who))


SRC = Source("https://grid.example/report", "Outage report", "")


def test_new_verdict_keeps_note_and_sources(cli, filled_db: Path) -> None:
    claim = first_id(filled_db)
    args = ("--reviewer", "ann", "--db", filled_db)
    done = cli("verdict", claim, "confirmed", "--note", "grid data", "--source", SRC.url,
               "--source-title", SRC.title, *args)  # fmt: skip
    assert done.code == 0, done
    changed = cli("verdict", claim, "denied", *args)
    assert changed.code == 0 and "kept your note and sources" in changed.out
    assert mine(filled_db, claim) == VerdictState("denied", "grid data", (SRC,))


def test_given_note_or_sources_replace_and_clear_options_drop(cli, filled_db: Path) -> None:
    claim = first_id(filled_db)
    args = ("--reviewer", "ann", "--db", filled_db)
    cli("verdict", claim, "confirmed", "--note", "old", "--source", SRC.url, *args)
    cli("verdict", claim, "unverified", "--note", "new", *args)
    state = mine(filled_db, claim)
    assert state.note == "new" and [s.url for s in state.sources] == [SRC.url]
    cli("verdict", claim, "unverified", "--source", "https://other.example/a", *args)
    assert [s.url for s in mine(filled_db, claim).sources] == ["https://other.example/a"]
    assert mine(filled_db, claim).note == "new"
    cli("verdict", claim, "denied", "--clear-note", "--clear-sources", *args)
    assert mine(filled_db, claim) == VerdictState("denied")


def test_cleared_keeps_the_research_and_clearing_again_drops_it(cli, filled_db: Path) -> None:
    claim = first_id(filled_db)
    args = ("--reviewer", "ann", "--db", filled_db)
    cli("verdict", claim, "confirmed", "--note", "why", *args)
    assert cli("verdict", claim, "clear", *args).code == 0
    # The verdict is withdrawn; the research stays, as in the app.
    assert mine(filled_db, claim) == VerdictState(rules.CLEARED, "why")
    cli("verdict", claim, "denied", *args)
    assert mine(filled_db, claim) == VerdictState("denied", "why")
    cli("verdict", claim, "clear", *args)
    cli("verdict", claim, "clear", *args)
    assert mine(filled_db, claim) == VerdictState()


def test_research_with_no_verdict_from_the_cli(cli, filled_db: Path) -> None:
    claim = first_id(filled_db)
    args = ("--reviewer", "ann", "--db", filled_db)
    assert cli("verdict", claim, "cleared", "--note", "checking the ministry's figures", *args).code == 0
    assert mine(filled_db, claim) == VerdictState(rules.CLEARED, "checking the ministry's figures")
    cli("verdict", claim, "unverified", *args)
    assert mine(filled_db, claim) == VerdictState("unverified", "checking the ministry's figures")


def test_conflicting_options_refused(cli, filled_db: Path) -> None:
    claim = first_id(filled_db)
    both = cli(
        "verdict", claim, "denied", "--note", "a", "--clear-note", "--reviewer", "ann", "--db", filled_db
    )
    assert both.code == 2 and "--clear-note" in both.err
    with Store.open(filled_db) as store:
        assert store.events_for_claim(claim) == []


def test_pure_rule_is_the_one_the_app_uses() -> None:
    state = VerdictState("confirmed", "why", (SRC,))
    assert state.with_label("denied") == state.after_verdict("denied")
    assert state.after_verdict("denied", note="") == VerdictState("denied", "", (SRC,))
    assert state.after_verdict("denied", sources=[SRC, SRC]) == VerdictState("denied", "why", (SRC,))
    assert state.after_verdict(rules.CLEARED) == VerdictState(rules.CLEARED, "why", (SRC,))
    assert VerdictState(rules.CLEARED, "why").after_verdict(rules.CLEARED) == VerdictState()


# -- triage --------------------------------------------------------------------------------------


def test_not_checkworthy_from_the_cli_counts_in_stats_and_claims(cli, filled_db: Path) -> None:
    claim = first_id(filled_db)
    result = cli("verdict", claim, "Not_Checkworthy", "--reviewer", "ann", "--db", filled_db)
    assert result.code == 0 and "consensus is now not_checkworthy" in result.out
    listing = cli("claims", "--status", "not_checkworthy", "--json", "--db", filled_db)
    assert [json.loads(line)["id"] for line in listing.out.splitlines()] == [claim]
    out = cli("stats", "--db", filled_db).out
    rows = {line.split("│")[1].strip(): line.split("│") for line in out.splitlines() if line.count("│") >= 2}
    assert rows["not_checkworthy"][2].strip() == "1"
    assert rows["unreviewed"][2].strip() == "1"
    # The document's "reviewed" column counts the triaged claim as done.
    with Store.open(filled_db) as store:
        doc_id = store.list_claims()[0].document_id
    assert rows[doc_id[:10]][-2].strip() == "1"


def test_not_checkworthy_mixed_with_a_verdict_is_disputed(cli, filled_db: Path) -> None:
    claim = first_id(filled_db)
    cli("verdict", claim, "not_checkworthy", "--reviewer", "ann", "--db", filled_db)
    result = cli("verdict", claim, "denied", "--reviewer", "bob", "--db", filled_db)
    assert "consensus is now disputed" in result.out
