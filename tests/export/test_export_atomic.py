"""A failed export never leaves half a report: the target is untouched and no temporary file remains."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimreview.config import Settings
from claimreview.errors import InputError
from claimreview.export import jsonl as jsonl_module
from claimreview.export import writing
from claimreview.publish.export import write_export

from .conftest import Fixture


class Boom(RuntimeError):
    pass


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "jsonl", "claimreview"])
def test_failure_halfway_leaves_no_file(
    fx: Fixture, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setattr(writing, "CHUNK", 1)  # one claim per chunk: progress after each claim
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "report.out"
    written: list[int] = []

    def progress(done: int, total: int) -> None:
        written.append(done)
        # the report is being written to a temporary file next to the target, not to the target
        assert [p.name.startswith(".report.out.") for p in out_dir.iterdir()] == [True]
        if len(written) == 2:
            raise Boom("disk on fire")

    with pytest.raises(Boom):
        write_export(fx.store, fmt, target, settings=settings, progress=progress)
    assert written
    assert list(out_dir.iterdir()) == []


def test_failure_keeps_the_previous_report(
    fx: Fixture, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.jsonl"
    target.write_text("the previous report\n", encoding="utf-8")

    def broken(chunk: object) -> str:
        raise Boom("writer crashed after documents and claims")

    monkeypatch.setattr(jsonl_module, "_event_lines", broken)
    with pytest.raises(Boom):
        write_export(fx.store, "jsonl", target, settings=settings)
    assert target.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".report")) == []


def test_success_replaces_from_a_temporary_file_in_the_same_folder(
    fx: Fixture, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        renames.append((str(src), str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr("claimreview.export.atomic.os.replace", spy)
    write_export(fx.store, "md", target, settings=settings)
    assert len(renames) == 1
    src, dst = renames[0]
    assert Path(src).parent == tmp_path and dst == str(target)
    assert target.read_text(encoding="utf-8").startswith("# Claim review report")
    assert [p.name for p in tmp_path.iterdir() if p.is_file() and p.name.endswith(".tmp")] == []


def test_bad_targets_fail_before_writing(fx: Fixture, settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        write_export(fx.store, "md", tmp_path / "missing" / "report.md", settings=settings)
    with pytest.raises(InputError, match="is a folder"):
        write_export(fx.store, "md", tmp_path, settings=settings)
    with pytest.raises(InputError, match="unknown export format 'pdf'; use one of: md, html, csv, jsonl"):
        write_export(fx.store, "pdf", tmp_path / "report.pdf", settings=settings)
    assert not (tmp_path / "missing").exists() and not (tmp_path / "report.pdf").exists()


def test_progress_reaches_the_total(fx: Fixture, settings: Settings, tmp_path: Path) -> None:
    for fmt in ("md", "html", "csv", "jsonl", "claimreview"):
        seen: list[tuple[int, int]] = []

        def progress(done: int, total: int, seen: list[tuple[int, int]] = seen) -> None:
            seen.append((done, total))

        write_export(fx.store, fmt, tmp_path / f"r.{fmt}", settings=settings, progress=progress)
        assert seen and seen[-1][0] == seen[-1][1] > 0, fmt
