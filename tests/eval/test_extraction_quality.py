"""Extraction quality targets on the team's evaluation set (tests/eval/extraction), via bench/quality.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "quality.py"


@pytest.fixture(scope="module")
def quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location("claimreview_bench_quality", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_eval_set_is_as_large_as_promised(quality: ModuleType) -> None:
    docs = quality.load()
    assert sum(d.kind == "article" for d in docs) >= 30
    assert sum(d.kind == "transcript" for d in docs) >= 3
    assert sum(len(d.gold) for d in docs) >= 200


def test_targets_met_and_ranking_beats_digit_baseline(quality: ModuleType) -> None:
    docs = quality.load()
    ours = quality.evaluate(docs, quality.ours)
    base = quality.evaluate(docs, quality.digit_baseline)
    report = "\n".join(ours.misses)
    assert ours.recall >= 0.95, report
    assert ours.speaker >= 0.95, report
    assert ours.precision >= 0.90, report
    assert ours.duplicates == 0
    # The main set is saturated (this version ranks it perfectly) and most of its gold carries a
    # figure, so the digit baseline comes close there; the spoken sets below tell them apart.
    assert ours.map >= base.map + 0.05, (ours.map, base.map)


@pytest.mark.parametrize(
    "name", ["holdout-debates", "holdout-speeches", "holdout-talks", "holdout-panels", "holdout-hearings"]
)
def test_spoken_ranking_far_above_digit_baseline(quality: ModuleType, name: str) -> None:
    # Claims without figures and figures that are not claims: where "contains a digit" fails.
    docs = quality.load(folders=(name,))
    ours = quality.evaluate(docs, quality.ours)
    base = quality.evaluate(docs, quality.digit_baseline)
    assert ours.map >= base.map + 0.4, (ours.map, base.map)
    assert ours.recall >= 0.85, "\n".join(ours.misses)
