"""JSONL: full history, and `claimreview import` of an export gives back the same database content."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimreview import consensus as rules
from claimreview.cli import app
from claimreview.config import Settings
from claimreview.errors import InputError
from claimreview.export import ExportFilters
from claimreview.publish.export import write_export
from claimreview.store import Store

from .conftest import Fixture

runner = CliRunner()


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Everything that must survive the round trip (not added_at: that is when it was imported)."""
    with Store.open(db, create=False) as store, store.engine.connect() as conn:
        sql = conn.exec_driver_sql
        return {
            "documents": list(
                sql(
                    "SELECT id, uri, title, publisher, published, url, text, sha256 FROM document ORDER BY id"
                )
            ),
            "claims": list(
                sql(
                    'SELECT id, document_id, text, start, "end", speaker, score, extractor, '
                    "extractor_version, consensus FROM claim ORDER BY id"
                )
            ),
            # in log order per claim: equal timestamps are broken by that order
            "events": list(
                sql(
                    "SELECT id, claim_id, reviewer, kind, label, note, sources, created_at, replaces, "
                    "payload "
                    "FROM verdict_event ORDER BY claim_id, created_at, rowid"
                )
            ),
        }


def import_into(path: Path, db: Path) -> None:
    result = runner.invoke(app, ["import", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output


def add_tricky_history(fx: Fixture) -> None:
    """Two events with the same timestamp (log order decides) and a fork synced from two machines."""
    same = "2024-05-01T10:00:00.000000Z"
    base = {"claim_id": fx.army, "reviewer": "dana", "kind": "review", "note": "", "sources": []}
    fork = {**base, "claim_id": fx.drones, "reviewer": "erin"}
    fx.store.insert_events(
        [
            {**base, "id": "t-1", "label": "confirmed", "created_at": same, "replaces": None},
            {**base, "id": "t-2", "label": "denied", "created_at": same, "replaces": "t-1"},
            # erin recorded different verdicts on two machines, both on top of nothing: a fork
            {**fork, "id": "f-1", "label": "confirmed", "created_at": same, "replaces": None},
            {**fork, "id": "f-2", "label": "denied", "created_at": same, "replaces": None},
        ]
    )


def test_round_trip_gives_back_claims_events_and_consensus(
    fx: Fixture, settings: Settings, tmp_path: Path
) -> None:
    add_tricky_history(fx)
    out = tmp_path / "export.jsonl"
    summary = write_export(fx.store, "jsonl", out, settings=settings)
    assert (summary.documents, summary.written, summary.events) == (2, 5, 17)
    fresh = tmp_path / "fresh.db"
    import_into(out, fresh)
    before, after = snapshot(fx.db), snapshot(fresh)
    assert after["documents"] == before["documents"]
    assert after["claims"] == before["claims"]  # consensus included
    assert after["events"] == before["events"]  # full history, ids, replaces, times
    consensus = {row[0]: row[-1] for row in after["claims"]}
    assert consensus[fx.prices] == rules.DISPUTED and consensus[fx.aid] == rules.CONFIRMED
    assert consensus[fx.army] == rules.DENIED  # dana's later event of the same instant counts
    assert consensus[fx.drones] == rules.DISPUTED  # erin's fork survives the trip


def test_layout_meta_documents_claims_events(fx: Fixture, settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "export.jsonl"
    write_export(fx.store, "jsonl", out, settings=settings)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    kinds = [r["type"] for r in records]
    assert kinds[0] == "meta"
    assert kinds == ["meta"] + ["document"] * 2 + ["claim"] * 5 + ["event"] * 13
    meta = records[0]
    assert meta["format"] == "claimreview-export" and meta["version"] == 1
    assert meta["counts"] == {"documents": 2, "claims": 5, "events": 13}
    hostile = [r for r in records if r["type"] == "event" and r["claim_id"] == fx.hostile]
    # the whole history, oldest first, with the change of mind linked to what it replaced
    assert [(e["reviewer"], e["label"]) for e in hostile] == [
        ("alice", "unverified"),
        ("alice", "denied"),
        ("bob", "denied"),
        ("erin", "approved"),
    ]
    assert hostile[1]["replaces"] == hostile[0]["id"]
    assert hostile[1]["sources"][0]["url"] == "https://evidence.example/a"
    claim = next(r for r in records if r["type"] == "claim" and r["id"] == fx.hostile)
    assert "\x1b" in claim["text"]  # full fidelity: the text exactly as stored


def test_filtered_export_round_trips_its_selection(fx: Fixture, settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "disputed.jsonl"
    write_export(fx.store, "jsonl", out, ExportFilters(status="disputed"), settings)
    fresh = tmp_path / "fresh.db"
    import_into(out, fresh)
    after = snapshot(fresh)
    assert [row[0] for row in after["claims"]] == [fx.prices]
    assert [row[-1] for row in after["claims"]] == [rules.DISPUTED]
    assert {row[2] for row in after["events"]} == {"alice", "bob"}
    assert [row[0] for row in after["documents"]] == [fx.ceasefire_doc]


def test_empty_export_is_a_valid_file(fx: Fixture, settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "none.jsonl"
    summary = write_export(fx.store, "jsonl", out, ExportFilters(reviewer="nobody"), settings)
    assert summary.empty
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["counts"] == {"documents": 0, "claims": 0, "events": 0}
    import_into(out, tmp_path / "fresh.db")


def test_an_editorial_decision_keeps_its_payload_through_the_trip(
    fx: Fixture, settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "export.jsonl"
    write_export(fx.store, "jsonl", out, settings=settings)
    fresh = tmp_path / "fresh.db"
    import_into(out, fresh)
    with Store.open(fresh, create=False) as store:
        [published] = [e for e in store.events_for_claim(fx.drones) if e.label == rules.PUBLISHED]
    assert published.payload["rating"] == "true"
    assert published.payload["summary"] == "Ministry: 40 drones shot down overnight"


def test_a_payload_that_is_not_short_fields_is_refused_on_import(fx: Fixture, tmp_path: Path) -> None:
    out = tmp_path / "export.jsonl"
    write_export(fx.store, "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    bad = [
        line.replace('"payload": {"rating": "true"', '"payload": {"rating": {"nested": 1}') for line in lines
    ]
    out.write_text("\n".join(bad) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(out), "--db", str(tmp_path / "fresh.db")])
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError) and "field 'payload'" in str(result.exception)
