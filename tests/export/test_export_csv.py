"""CSV: one row per claim, a column group per reviewer, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from claimreview.config import Settings
from claimreview.export.csv_writer import safe_cell
from claimreview.publish.export import write_export

from .conftest import HOSTILE_CLAIM, HOSTILE_SPEAKER, Fixture


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_reads_back_with_the_csv_module(fx: Fixture, settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    summary = write_export(fx.store, "csv", out, settings=settings)
    assert summary.written == 5
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, so spreadsheets read the accents right
    assert b'"id","document","uri","claim","speaker","score","consensus","alice label"' in raw  # all quoted
    rows = read_rows(out)
    assert [r["id"] for r in rows] == [fx.drones, fx.prices, fx.army, fx.aid, fx.hostile]
    header = list(rows[0])
    assert header[:7] == ["id", "document", "uri", "claim", "speaker", "score", "consensus"]
    assert header[7:15] == [
        "alice label", "alice note", "alice sources", "alice at",
        "bob label", "bob note", "bob sources", "bob at",
    ]  # fmt: skip
    assert header[15:] == [f"adjudication {part}" for part in ("by", "label", "note", "sources", "at")]
    drones = rows[0]
    assert drones["document"] == "Ceasefire talks resume" and drones["uri"] == "articles/ceasefire.txt"
    assert drones["speaker"] == "Ministry of Defence" and drones["score"] == "0.9"
    assert drones["consensus"] == "confirmed"
    assert drones["alice label"] == "confirmed" and drones["alice note"] == "Matches the briefing."
    assert (
        drones["alice sources"]
        == "MoD briefing <https://mod.example.gov/briefing> “40 drones were destroyed”"
    )
    assert drones["alice at"].endswith("Z") and drones["bob label"] == "confirmed"
    prices = rows[1]
    assert (prices["consensus"], prices["alice label"], prices["bob label"]) == (
        "disputed",
        "confirmed",
        "denied",
    )
    army = rows[2]
    assert army["consensus"] == "unreviewed" and army["alice label"] == "" and army["speaker"] == ""
    assert rows[3]["adjudication by"] == "carol" and rows[3]["adjudication label"] == "confirmed"


def test_formulas_are_neutralised_and_text_kept(fx: Fixture, settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    write_export(fx.store, "csv", out, settings=settings)
    hostile = read_rows(out)[4]
    assert hostile["claim"] == "'" + HOSTILE_CLAIM.replace("\x1b", "␛")  # =HYPERLINK(...) cannot run
    assert hostile["speaker"] == HOSTILE_SPEAKER  # [red] and <script> are plain text in a cell
    assert hostile["alice note"].startswith("<script>") and "\n| # =1+2" in hostile["alice note"]
    assert "\x1b" not in out.read_text(encoding="utf-8-sig")
    for row in read_rows(out):
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_safe_cell() -> None:
    assert safe_cell("=1+2") == "'=1+2"
    assert safe_cell("+33 1 23") == "'+33 1 23"
    assert safe_cell("-5% growth") == "'-5% growth"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("\tx") == "'\tx"
    assert safe_cell("\r=x") == "' =x"  # a carriage return is shown as a space
    assert safe_cell("a = b") == "a = b"
    assert safe_cell(None) == ""


def test_stdout_has_no_byte_order_mark_and_empty_selection_has_a_header(
    fx: Fixture, settings: Settings
) -> None:
    from claimreview.export import ExportFilters

    buffer = io.StringIO(newline="")
    summary = write_export(fx.store, "csv", None, ExportFilters(status="unverified"), settings, stream=buffer)
    assert summary.empty
    text = buffer.getvalue()
    assert not text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text))) == [
        ["id", "document", "uri", "claim", "speaker", "score", "consensus"]
    ]
