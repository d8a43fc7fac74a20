"""Every bench script runs at its small size, so none can rot unnoticed (CI runs this; timings are the
bench's own business, not this test's)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
SCRIPTS = sorted(p.name for p in BENCH.glob("*.py"))


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS)
def test_bench_runs_at_its_small_size(script: str) -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH / script), "--small"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=BENCH.parent,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert result.stdout.strip(), "a bench prints what it measured"
