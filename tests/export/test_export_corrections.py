"""A reviewer's correction reaches every export; the extraction stays in history and round-trips."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from claimreview import consensus as rules
from claimreview.config import Settings
from claimreview.corrections import payload_of
from claimreview.publish.export import write_export
from claimreview.store import Store
from claimreview.store.corrections import corrected_claims

from .conftest import CEASEFIRE_TEXT, Fixture
from .test_export_jsonl import import_into, snapshot

SPOKESMAN = "Colonel Ana Vidal, ministry spokesperson"
DRONES = "The Ministry of Defence said 40 drones were shot down overnight."
EXTENDED = DRONES + " Officials gave no further details."


def correct_drones(fx: Fixture, who: str = "bob") -> None:
    start = CEASEFIRE_TEXT.index(DRONES)
    payload = payload_of(SPOKESMAN, start, start + len(EXTENDED))
    fx.store.append_event(fx.drones, who, rules.CORRECTED, kind=rules.CORRECTION, payload=payload)


def text_of(fx: Fixture, settings: Settings, tmp_path: Path, fmt: str, name: str) -> str:
    out = tmp_path / name
    write_export(fx.store, fmt, out, settings=settings)
    return out.read_text(encoding="utf-8-sig")


def test_reports_show_the_corrected_claim(fx: Fixture, settings: Settings, tmp_path: Path) -> None:
    correct_drones(fx)
    md = text_of(fx, settings, tmp_path, "md", "r.md")
    assert EXTENDED in md and SPOKESMAN in md
    html = text_of(fx, settings, tmp_path, "html", "r.html")
    assert f"<mark>{EXTENDED}</mark>" in html and SPOKESMAN in html
    rows = list(csv.DictReader(io.StringIO(text_of(fx, settings, tmp_path, "csv", "c.csv"))))
    drones = next(r for r in rows if r["id"] == fx.drones)
    assert (drones["claim"], drones["speaker"]) == (EXTENDED, SPOKESMAN)


def test_claimreview_markup_names_the_corrected_speaker(
    fx: Fixture, settings: Settings, tmp_path: Path
) -> None:
    correct_drones(fx)
    markup = json.loads(text_of(fx, settings, tmp_path, "claimreview", "cr.json"))
    reviews = markup if isinstance(markup, list) else markup.get("reviews", markup)
    text = json.dumps(reviews)
    assert SPOKESMAN in text and 'Ministry of Defence"' not in text


def test_jsonl_keeps_the_extraction_and_round_trips(fx: Fixture, settings: Settings, tmp_path: Path) -> None:
    correct_drones(fx)
    out = tmp_path / "export.jsonl"
    write_export(fx.store, "jsonl", out, settings=settings)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    line = next(r for r in records if r["type"] == "claim" and r["id"] == fx.drones)
    assert line["text"] == DRONES and line["speaker"] == "Ministry of Defence"  # the extraction
    assert line["reasons"] == ["figure", "reporting"]
    assert line["corrected"] == {
        "text": EXTENDED,
        "start": line["start"],
        "end": line["start"] + len(EXTENDED),
        "speaker": SPOKESMAN,
        "by": "bob",
    }
    assert [e["label"] for e in records if e["type"] == "event" and e["kind"] == "correction"] == [
        "corrected"
    ]
    fresh = tmp_path / "fresh.db"
    import_into(out, fresh)
    assert snapshot(fresh) == snapshot(fx.db)
    with Store.open(fresh) as store:
        assert corrected_claims(store) == corrected_claims(fx.store)
        assert corrected_claims(store)[fx.drones].text == EXTENDED
        reasons = store.reasons_for([fx.drones, fx.army])
    assert reasons == {fx.drones: ["figure", "reporting"], fx.army: []}


def test_cleared_correction_gives_the_extraction_back(
    fx: Fixture, settings: Settings, tmp_path: Path
) -> None:
    correct_drones(fx)
    fx.store.append_event(fx.drones, "bob", rules.CLEARED, kind=rules.CORRECTION)
    rows = list(csv.DictReader(io.StringIO(text_of(fx, settings, tmp_path, "csv", "c.csv"))))
    drones = next(r for r in rows if r["id"] == fx.drones)
    assert (drones["claim"], drones["speaker"]) == (DRONES, "Ministry of Defence")
    jsonl = text_of(fx, settings, tmp_path, "jsonl", "e.jsonl")
    assert '"corrected": {' not in jsonl and jsonl.count('"kind": "correction"') == 2
