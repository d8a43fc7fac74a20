"""bench/sync.py at its small size, so that the bench cannot rot unnoticed (it once failed at HEAD)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_sync_bench_runs_at_small_size() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "sync.py"), "--small"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert "push 500 events" in result.stdout and "pull 500 events" in result.stdout
