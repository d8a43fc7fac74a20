"""The CSV export imports back with `claimreview import`: claims, speakers, current verdicts, consensus."""

from __future__ import annotations

import csv
from pathlib import Path

from claimreview import consensus as rules
from claimreview.config import Settings
from claimreview.publish.export import write_export
from claimreview.store import Store

from .conftest import HOSTILE_CLAIM, Fixture


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def export_csv(db: Path, out: Path, settings: Settings) -> list[dict[str, str]]:
    with Store.open(db) as store:
        write_export(store, "csv", out, settings=settings)
    return rows_of(out)


def test_csv_export_imports_back(fx: Fixture, settings: Settings, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = tmp_path / "first.csv"
    write_export(fx.store, "csv", first, settings=settings)
    fresh = tmp_path / "fresh.db"
    result = cli("import", first, "--db", fresh)
    assert result.code == 0, result
    assert "imported 2 document(s), 5 claim(s)" in result.out

    with Store.open(fresh) as store:
        claims = {c.text: c for c in store.list_claims()}
        assert HOSTILE_CLAIM.split("\x1b")[0] in next(iter(t for t in claims if t.startswith("=")))
        drones = next(c for t, c in claims.items() if "40 drones" in t)
        assert drones.speaker == "Ministry of Defence" and abs(drones.score - 0.9) < 1e-9
        verdicts = store.current_verdicts(drones.id)
        assert {name: v.label for name, v in verdicts.items()} == {"alice": "confirmed", "bob": "confirmed"}
        assert verdicts["alice"].sources[0]["url"] == "https://mod.example.gov/briefing"
        assert verdicts["alice"].sources[0]["quote"] == "40 drones were destroyed"
        aid = next(c for t, c in claims.items() if "3,000 families" in t)
        ruling = rules.latest_adjudication(store.events_for_claim(aid.id))
        assert ruling is not None and (ruling.reviewer, ruling.label) == ("carol", "confirmed")

    # Everything the CSV holds comes back: exporting the import gives the same cells but the claim
    # ids (the CSV has no article text, so claims sit in a claims-only document).
    original, again = rows_of(first), export_csv(fresh, tmp_path / "again.csv", settings)
    assert len(again) == len(original) == 5

    def by_claim(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
        return {row["claim"]: {k: v for k, v in row.items() if k != "id"} for row in rows}

    assert by_claim(again) == by_claim(original)
    assert sorted(r["consensus"] for r in again) == sorted(
        ["confirmed", "disputed", "unreviewed", "confirmed", "denied"]
    )

    # Event ids are fixed, so a second import adds nothing.
    result = cli("import", first, "--db", fresh)
    assert result.code == 0 and "0 claim(s) and 0 verdict event(s)" in result.out, result


def test_a_quote_typed_by_the_writer_is_the_one_taken_off(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    from claimreview.export.csv_writer import safe_cell
    from claimreview.ingest.report_csv import unquote

    for text in ("=SUM(A1)", "'=SUM(A1)", "'quoted'", "-5 degrees", "plain"):
        assert unquote(safe_cell(text)) == text


def test_a_bad_cell_imports_nothing(fx: Fixture, settings: Settings, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "claims.csv"
    write_export(fx.store, "csv", out, settings=settings)
    rows = rows_of(out)
    rows[3]["bob label"] = "maybe"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    fresh = tmp_path / "fresh.db"
    result = cli("import", out, "--db", fresh)
    assert result.code == 2
    message = result.err.strip()
    assert "\n" not in message and "claims.csv" in message and "bob label" in message, message
    with Store.open(fresh) as store:
        assert store.count_claims() == 0
