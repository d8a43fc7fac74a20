"""`claims`, `verdict` and `stats` as a script or a person uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimreview.store import Store

DOC = (
    "The ministry said 1,400 homes lost power on 2 March. "
    "Crews restored 900 of them by Friday, according to the utility. "
    "[red]Markup[/red] and \x1b[31mescapes\x1b[0m stay literal, officials said 3 times."
)


@pytest.fixture
def filled_db(cli, tmp_path: Path, db_file: Path) -> Path:
    sentences = [s if s.endswith(".") else s + "." for s in DOC.split(". ")]
    lines = []
    for s in sentences:
        start = DOC.index(s)
        lines.append(
            json.dumps(
                {
                    "document_uri": "power.txt",
                    "document_title": "Power cut",
                    "document_text": DOC,
                    "text": s,
                    "start": start,
                    "end": start + len(s),
                    "score": 0.5,
                }
            )
        )
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cli("import", path, "--db", db_file).code == 0
    return db_file


def ids(db: Path) -> list[str]:
    with Store.open(db) as store:
        return [c.id for c in store.list_claims()]


def test_verdict_by_prefix_then_claims_json_shows_it(cli, filled_db: Path) -> None:
    first = ids(filled_db)[0]
    result = cli(
        "verdict",
        first[:6],
        "confirmed",
        "--reviewer",
        "ann",
        "--note",
        "grid operator figures",
        "--source",
        "https://grid.example/report",
        "--source-title",
        "Outage report",
        "--source-quote",
        "1,400 homes",
        "--db",
        filled_db,
    )
    assert result.code == 0, result
    assert "consensus is now confirmed" in result.out
    assert cli("verdict", first, "denied", "--reviewer", "bob", "--db", filled_db).code == 0
    listing = cli("claims", "--json", "--db", filled_db)
    records = [json.loads(line) for line in listing.out.splitlines()]
    assert len(records) == 3
    top = records[0]
    assert top["id"] == first and top["consensus"] == "disputed"
    assert {
        "id",
        "document_id",
        "document_uri",
        "document_title",
        "text",
        "start",
        "end",
        "speaker",
        "score",
        "consensus",
        "verdicts",
    } <= set(top)
    assert [v["reviewer"] for v in top["verdicts"]] == ["ann", "bob"]
    ann = top["verdicts"][0]
    assert ann["label"] == "confirmed" and ann["note"] == "grid operator figures"
    assert ann["sources"] == [
        {"url": "https://grid.example/report", "title": "Outage report", "quote": "1,400 homes"}
    ]
    disputed = cli("claims", "--json", "--status", "disputed", "--db", filled_db)
    assert [json.loads(line)["id"] for line in disputed.out.splitlines()] == [first]


def test_claims_table_shows_hostile_text_literally(cli, filled_db: Path) -> None:
    result = cli("claims", "--db", filled_db)
    assert result.code == 0
    assert "[red]Markup[/red]" in result.out
    assert "\x1b" not in result.out
    assert "3 claim(s)" in result.out


def test_bad_verdicts_fail_with_one_line(cli, filled_db: Path) -> None:
    first = ids(filled_db)[0]
    cases = [
        (("verdict", first, "true", "--reviewer", "ann"), "unknown label 'true'"),
        (("verdict", "zzz", "confirmed", "--reviewer", "ann"), "no claim with id 'zzz'"),
        (("verdict", first, "confirmed", "--reviewer", "ann", "--source", "ftp://x"), "field 'url'"),
        (("verdict", first, "confirmed", "--source-title", "orphan"), "needs a --source URL"),
    ]
    for args, expected in cases:
        result = cli(*args, "--db", filled_db)
        assert result.code == 2 and expected in result.err, (args, result)
    with Store.open(filled_db) as store:
        assert store.events_for_claim(first) == []


def test_unknown_status_and_missing_database(cli, tmp_path: Path, filled_db: Path) -> None:
    assert "unknown status 'done'" in cli("claims", "--status", "done", "--db", filled_db).err
    missing = cli("claims", "--db", tmp_path / "nope.db")
    assert missing.code == 2 and "no such database" in missing.err
    assert not (tmp_path / "nope.db").exists()


def test_stats_counts_by_consensus_document_and_reviewer(cli, filled_db: Path) -> None:
    first, second, _ = ids(filled_db)
    cli("verdict", first, "confirmed", "--reviewer", "ann", "--db", filled_db)
    cli("verdict", second, "unverified", "--reviewer", "bob", "--db", filled_db)
    out = cli("stats", "--db", filled_db).out
    assert "3 claim(s)" in out
    lines = {line.split("│")[1].strip(): line for line in out.splitlines() if line.count("│") >= 2}
    assert lines["unreviewed"].split("│")[2].strip() == "1"
    assert lines["ann"].split("│")[2].strip() == "1"
    assert lines["bob"].split("│")[2].strip() == "1"


def test_db_from_environment(cli, filled_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMREVIEW_DB", str(filled_db))
    assert "3 claim(s)" in cli("claims").out


def test_database_errors_are_recognised_without_importing_sqlalchemy_up_front() -> None:
    import sqlite3

    from sqlalchemy.exc import DatabaseError as SADatabaseError

    from claimreview.cli import _is_database_error

    assert _is_database_error(sqlite3.DatabaseError("disk I/O error"))
    assert _is_database_error(SADatabaseError("SELECT 1", None, sqlite3.DatabaseError("malformed")))
    assert not _is_database_error(ValueError("not a database error"))
