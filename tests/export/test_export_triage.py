"""Claims triaged as not check-worthy: their own row in reports, kept by JSONL, left out of ClaimReview."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from claimreview import consensus as rules
from claimreview.config import Settings
from claimreview.publish.export import write_export
from claimreview.store import Store

from .conftest import Fixture
from .test_export_jsonl import import_into, snapshot


def triage(fx: Fixture) -> None:
    fx.store.append_event(fx.army, "alice", rules.NOT_CHECKWORTHY)
    fx.store.append_event(fx.army, "bob", rules.NOT_CHECKWORTHY)


def written(fx: Fixture, settings: Settings, tmp_path: Path, fmt: str, name: str) -> str:
    write_export(fx.store, fmt, tmp_path / name, settings=settings)
    return (tmp_path / name).read_text(encoding="utf-8-sig")


def test_reports_count_it_in_its_own_row(fx: Fixture, settings: Settings, tmp_path: Path) -> None:
    triage(fx)
    md = written(fx, settings, tmp_path, "md", "r.md")
    assert "| Not check-worthy | 1 | 20.0% |" in md
    header = next(line for line in md.splitlines() if line.startswith("| Document | Id | Claims |"))
    row = next(line for line in md.splitlines() if line.startswith("| Ceasefire talks resume |"))
    cells = dict(zip(header.split("|"), row.split("|"), strict=True))
    assert cells[" Not check-worthy "].strip() == "1" and cells[" Unreviewed "].strip() == "0"
    html = written(fx, settings, tmp_path, "html", "r.html")
    assert 'class="badge not_checkworthy">Not check-worthy<' in html
    rows = list(csv.DictReader(io.StringIO(written(fx, settings, tmp_path, "csv", "c.csv"))))
    assert next(r for r in rows if r["id"] == fx.army)["consensus"] == rules.NOT_CHECKWORTHY


def test_jsonl_round_trips_the_triage(fx: Fixture, settings: Settings, tmp_path: Path) -> None:
    triage(fx)
    write_export(fx.store, "jsonl", tmp_path / "e.jsonl", settings=settings)
    fresh = tmp_path / "fresh.db"
    import_into(tmp_path / "e.jsonl", fresh)
    assert snapshot(fresh) == snapshot(fx.db)
    with Store.open(fresh) as store:
        assert store.get_claim(fx.army).consensus == rules.NOT_CHECKWORTHY  # type: ignore[union-attr]


def test_claimreview_leaves_it_out_even_if_published_before(
    fx: Fixture, settings: Settings, tmp_path: Path
) -> None:
    before = json.loads(written(fx, settings, tmp_path, "claimreview", "a.json"))
    assert len(before) == 1  # the drones claim is published
    for who in ("alice", "bob"):
        fx.store.append_event(fx.drones, who, rules.NOT_CHECKWORTHY)
    summary = write_export(fx.store, "claimreview", tmp_path / "b.json", settings=settings)
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8")) == []
    assert summary.left_out.get(rules.NOT_CHECKWORTHY) == 1
