"""The report's time section: verdicts per reviewer per day and waits from extraction, escaped."""

from __future__ import annotations

from pathlib import Path

from claimreview import consensus as rules
from claimreview.config import Settings
from claimreview.export.report import build_report
from claimreview.export.timeline import duration
from claimreview.export.timing import build_timing
from claimreview.publish.export import write_export

from .conftest import Fixture

HOSTILE_NAME = "<b>mallory</b> | # [x]"


def test_counts_and_waits(fx: Fixture) -> None:
    timing = build_timing(build_report(fx.store))
    assert timing.reviewers == ["alice", "bob"]
    assert sum(d.total for d in timing.days) == 9
    waits = {w.what: w for w in timing.waits}
    # drones, prices, aid and hostile have verdicts; army has none; only drones is published.
    assert waits["first verdict"].claims == 4 and waits["publication"].claims == 1
    assert waits["first verdict"].median != "" and waits["publication"].median != ""


def test_duration_reads_as_two_units() -> None:
    assert duration(40.9) == "40 s"
    assert duration(125) == "2 min 5 s"
    assert duration(3 * 3600 + 7 * 60) == "3 h 7 min"
    assert duration(2 * 86400 + 5 * 3600 + 59) == "2 d 5 h"


def test_reviewer_names_are_escaped(fx: Fixture, settings: Settings, tmp_path: Path) -> None:
    fx.store.append_event(fx.army, HOSTILE_NAME, rules.DENIED)
    html = tmp_path / "r.html"
    write_export(fx.store, "html", html, settings=settings)
    section = html.read_text(encoding="utf-8").split('<section id="time">')[1].split("</section>")[0]
    assert "<b>mallory" not in section and "&lt;b&gt;mallory&lt;/b&gt;" in section
    md = tmp_path / "r.md"
    write_export(fx.store, "md", md, settings=settings)
    time_md = md.read_text(encoding="utf-8").split("## Time")[1].split("## Claims")[0]
    assert "<b>" not in time_md and "\\| \\#" in time_md
