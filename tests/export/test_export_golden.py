"""Golden files: every export format, byte for byte, on a fixed database.

The database is the hostile-text fixture of conftest.py built with a fixed clock and fixed event ids;
the report's generation time comes from the same injected clock, so nothing is stripped before
comparing. After an intended change to an export, regenerate and review the diff:

    .venv/bin/python -m pytest tests/export/test_export_golden.py --update-goldens
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from itertools import count
from pathlib import Path

import pytest

import claimreview.export.report
import claimreview.store
from claimreview import ids
from claimreview.config import Settings
from claimreview.publish.export import write_export
from claimreview.store import Store

from .conftest import build_fixture

GOLDEN = Path(__file__).resolve().parent / "golden"
FILES = {
    "md": "report.md",
    "html": "report.html",
    "csv": "claims.csv",
    "jsonl": "export.jsonl",
    "claimreview": "claimreview.json",
}
EVENTS_START = datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
GENERATED_AT = "2024-03-06T08:30:00.000000Z"


class FixedClock:
    """Ticks one second per call while the database is built; then stands still at GENERATED_AT."""

    def __init__(self) -> None:
        self.ticks = count(1)
        self.stopped_at: str | None = None

    def now_iso(self) -> str:
        if self.stopped_at is not None:
            return self.stopped_at
        return (EVENTS_START + timedelta(seconds=next(self.ticks))).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _replace_everywhere(
    monkeypatch: pytest.MonkeyPatch, original: Callable[[], str], new: Callable[[], str]
) -> None:
    # Modules import these by name; patching every loaded reference keeps working when code moves.
    assert claimreview.store and claimreview.export.report  # loaded, so their references are found
    for name, module in list(sys.modules.items()):
        if name == "claimreview" or name.startswith("claimreview."):
            for attr, value in list(vars(module).items()):
                if value is original:
                    monkeypatch.setattr(module, attr, new)


@pytest.fixture
def golden_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    clock = FixedClock()
    event_numbers = count(1)
    _replace_everywhere(monkeypatch, ids.now_iso, clock.now_iso)
    _replace_everywhere(monkeypatch, ids.new_event_id, lambda: str(uuid.UUID(int=next(event_numbers))))
    monkeypatch.chdir(tmp_path)  # the reports name the database as it was opened: a relative path
    with Store.open(Path("review.db")) as store:
        build_fixture(store)
        clock.stopped_at = GENERATED_AT
        yield store


def _first_difference(expected: bytes, actual: bytes) -> str:
    old, new = expected.splitlines(keepends=True), actual.splitlines(keepends=True)
    for number, (a, b) in enumerate(zip(old, new, strict=False), start=1):
        if a != b:
            return f"line {number}:\n  golden: {a!r}\n  now:    {b!r}"
    return f"lengths differ: golden has {len(old)} lines, now {len(new)}"


@pytest.mark.parametrize("fmt", list(FILES))
def test_export_matches_its_golden_file(
    fmt: str, golden_store: Store, settings: Settings, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    out = tmp_path / FILES[fmt]
    write_export(golden_store, fmt, out, settings=settings)
    actual = out.read_bytes()
    golden = GOLDEN / FILES[fmt]
    if request.config.getoption("--update-goldens", default=False):
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(actual)
    assert golden.exists(), f"{golden} is missing: run with --update-goldens to create it"
    expected = golden.read_bytes()
    assert actual == expected, (
        f"{fmt} export differs from {golden.name}, {_first_difference(expected, actual)}\n"
        "If the change is intended: pytest tests/export/test_export_golden.py --update-goldens"
    )


def test_golden_reports_carry_the_injected_generation_time(golden_store: Store, settings: Settings) -> None:
    md = (GOLDEN / FILES["md"]).read_text(encoding="utf-8")
    jsonl_meta = (GOLDEN / FILES["jsonl"]).read_text(encoding="utf-8").splitlines()[0]
    assert "Generated 2024-03-06 08:30 UTC from review.db." in md
    assert f'"generated_at": "{GENERATED_AT}"' in jsonl_meta


