"""The fast paths of the export give exactly what the straightforward (reference) code gives.

build_report reads the store with raw SQL; the HTML and Markdown claim sections are built in Python
instead of by the html_claims.j2 / md_claims.j2 templates; JSONL lines and CSV rows are built
directly. Each is compared here with its reference on the hostile fixture plus awkward histories.
"""

from __future__ import annotations

import io
import json
import random

import pytest
from markupsafe import escape

from claimreview import consensus as rules
from claimreview.config import Settings
from claimreview.export import build_report
from claimreview.export.common import md
from claimreview.export.csv_writer import _Rows, row
from claimreview.export.html import esc, write_html
from claimreview.export.jsonl import _claim_lines, _dumps, _event_lines, claim_record, event_record
from claimreview.export.markdown import write_markdown
from claimreview.export.report import parse_sources
from claimreview.models import Source

from .conftest import HOSTILE_NOTE, SCRIPT, Fixture


@pytest.fixture
def awkward(fx: Fixture) -> Fixture:
    """The fixture plus: a fork, an all-cleared claim, odd evidence, a long claim heading."""
    same = "2024-05-01T10:00:00.000000Z"
    fork = {"claim_id": fx.drones, "reviewer": "erin", "kind": "review", "note": "", "sources": []}
    fx.store.insert_events(
        [
            {**fork, "id": "f-1", "label": "confirmed", "created_at": same, "replaces": None},
            {**fork, "id": "f-2", "label": "denied", "created_at": same, "replaces": None},
            # evidence the store did not write itself: not a list, bad JSON, odd spacing
            {**fork, "id": "f-3", "reviewer": "odd", "label": "denied", "created_at": "not a time <b>"}
            | {"sources": [{"url": 3, "title": None, "quote": "&amp;"}], "replaces": None},
            {**fork, "id": "f-4", "reviewer": "zed", "label": "denied", "created_at": same, "replaces": None},
            {**fork, "id": "f-5", "reviewer": "Zed", "label": "denied", "created_at": same, "replaces": None},
        ]
    )
    import sqlite3

    with sqlite3.connect(fx.db) as conn:  # evidence the store would not write: bad JSON, not a list
        conn.execute("UPDATE verdict_event SET sources = '[{\"url\": ' WHERE id = 'f-4'")
        conn.execute("UPDATE verdict_event SET sources = ' [ ] ' WHERE id = 'f-5'")
    conn.close()
    fx.store.append_event(fx.army, "dora", rules.CONFIRMED, note=f"  spaced\tout  {SCRIPT}  ")
    fx.store.append_event(fx.army, "dora", rules.CLEARED)
    fx.store.append_event(
        fx.aid,
        "eve",
        rules.CONFIRMED,
        note=HOSTILE_NOTE,
        sources=[
            Source("ftp://x.example/<a>", "", "q'uote\""),
            Source("https://ok.example/a?b=1&c=<2>", "T & <t>", ""),
        ],
    )
    return fx


def both(write, report, settings: Settings) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    fast, reference = io.StringIO(newline=""), io.StringIO(newline="")
    write(report, fast, settings)
    write(report, reference, settings, claims_template=True)
    return fast.getvalue(), reference.getvalue()


@pytest.mark.parametrize("write", [write_html, write_markdown], ids=["html", "md"])
def test_claim_sections_match_their_templates(awkward: Fixture, settings: Settings, write) -> None:  # type: ignore[no-untyped-def]
    report = build_report(awkward.store)
    fast, reference = both(write, report, settings)
    assert fast == reference
    assert "conflicting verdicts from two machines" in fast and "all cleared" in fast


def test_html_escaping_is_markupsafes() -> None:
    rng = random.Random(3)
    alphabet = "ab <>&'\"\n\t\x1b;é…"
    for _ in range(500):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert esc(value) == str(escape(value))
    assert esc(SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"


def _md_reference(text: str | None) -> str:
    """common.md as first written (before its fast path for plain one-line text)."""
    import re

    from claimreview.textsafe import one_line

    if not text:
        return ""
    if re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text):
        text = one_line(text)
    return re.sub(r"([\\`*_\[\]<>|#~&$])", r"\\\1", " ".join(text.split()))


def test_markdown_fast_path_is_the_same_text() -> None:
    rng = random.Random(4)
    alphabet = "ab  \n\t\x0b\x1c\x1b\xa0\u2003…*_|#<&"
    for _ in range(3000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert md(value) == _md_reference(value), repr(value)


def test_parse_sources_reads_what_json_loads_reads() -> None:
    good = json.dumps([{"url": "https://a", "title": "T", "quote": "q"}, {"url": None}, "x"])
    for raw in (good, " " + good, good + " ", "[1] [2]", "[", "[]", "[ ]", "{}", '["a"]', "not json", ""):
        try:
            value = json.loads(raw)
        except ValueError:
            value = []
        expected = (
            [
                {k: str(s.get(k) or "") for k in ("url", "title", "quote")}
                for s in value
                if isinstance(s, dict)
            ]
            if isinstance(value, list)
            else []
        )
        assert parse_sources(raw) == expected, raw


def test_jsonl_lines_are_dumps_of_the_records(awkward: Fixture) -> None:
    claims = build_report(awkward.store).claims
    weird = claims[0]._replace(score=float("nan"), start=True, speaker=None)
    chunk = [*claims, weird]
    assert _claim_lines(chunk) == "".join(_dumps(claim_record(c)) + "\n" for c in chunk)
    assert _event_lines(chunk) == "".join(_dumps(event_record(e)) + "\n" for c in chunk for e in c.events)


def test_csv_rows_are_row_of_each_claim(awkward: Fixture) -> None:
    report = build_report(awkward.store)
    assert report.summary.adjudicated
    assert _Rows(report).rows(report.claims) == [row(report, c) for c in report.claims]


def test_build_report_agrees_with_the_store(awkward: Fixture) -> None:
    """The raw-SQL reader against a reference built from Store.list_claims and events_for_claim."""
    import sqlite3

    with sqlite3.connect(awkward.db) as conn:  # the ORM reads only JSON it could have written
        conn.execute("UPDATE verdict_event SET sources = '[]' WHERE id IN ('f-4', 'f-5')")
    conn.close()
    store = awkward.store
    report = build_report(store)
    listed = store.list_claims()
    assert [c.id for c in report.claims] == [c.id for c in listed]
    for claim, ref in zip(report.claims, listed, strict=True):
        assert (claim.document_id, claim.text, claim.start, claim.end, claim.speaker) == (
            ref.document_id,
            ref.text,
            ref.start,
            ref.end,
            ref.speaker,
        )
        assert claim.score == ref.score and claim.consensus == ref.consensus
        assert claim.document.uri == ref.document_uri and claim.document.title == ref.document_title
        history = store.events_for_claim(claim.id)
        assert [e.id for e in claim.events] == [e.id for e in history]
        current = rules.current_verdicts(history)
        assert list(claim.verdicts) == sorted(current, key=lambda n: (n.casefold(), n))
        assert {k: v.id for k, v in claim.verdicts.items()} == {k: v.id for k, v in current.items()}
        ruling = rules.latest_adjudication(history)
        assert (claim.adjudication.id if claim.adjudication else None) == (ruling.id if ruling else None)
        assert claim.consensus == rules.consensus(history)
