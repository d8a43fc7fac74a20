"""`claimreview export` as a user runs it: exit codes, stdout versus --out, messages on stderr."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimreview.cli import app, main

from .conftest import PUBLISHING_ENV, Fixture

runner = CliRunner()


def run_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    """Through cli.main(), which turns ClaimreviewError into one line on stderr and an exit code."""
    monkeypatch.setattr(sys, "argv", ["claimreview", *args])
    with pytest.raises(SystemExit) as stopped:
        main()
    out, err = capsys.readouterr()
    code = stopped.value.code
    return (code if isinstance(code, int) else 0), out, err


def test_stdout_when_no_out(fx: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    result = runner.invoke(app, ["export", "--db", str(fx.db), "--format", "md"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Claim review report")
    assert "Prices rose by 12% in March" in result.stdout
    assert list(cwd.iterdir()) == []


def test_out_file_with_format_from_its_suffix(fx: Fixture, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["export", "--db", str(fx.db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"wrote 5 claim(s) to {out} (html," in result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_filters_on_the_command_line(fx: Fixture, tmp_path: Path) -> None:
    out = tmp_path / "bob.csv"
    args = [
        "export",
        "--db",
        str(fx.db),
        "-f",
        "csv",
        "-o",
        str(out),
        "--reviewer",
        "bob",
        "--status",
        "denied",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [row[0] for row in rows] == ["id", fx.hostile]
    by_document = runner.invoke(
        app, ["export", "--db", str(fx.db), "-f", "jsonl", "--document", "hostile.txt"]
    )
    kinds = [json.loads(line)["type"] for line in by_document.stdout.splitlines()]
    assert kinds == ["meta", "document", "claim", "event", "event", "event", "event"]


def test_claimreview_warns_about_what_it_left_out(fx: Fixture, publishing_env: None) -> None:
    result = runner.invoke(app, ["export", "--db", str(fx.db), "-f", "claimreview"])
    assert result.exit_code == 0, result.output
    assert [r["url"].rsplit("/", 1)[1] for r in json.loads(result.stdout)] == [f"{fx.drones}.html"]
    assert (
        "claimreview: warning: left out 4 claim(s) that are not published reviews: "
        "2 unpublished, 1 unreviewed, 1 disputed"
    ) in result.stderr


def test_claimreview_without_the_organisation_is_one_line_naming_the_setting(
    fx: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "reviews.json"
    code, _, err = run_main(
        monkeypatch, capsys, "export", "--db", str(fx.db), "-f", "claimreview", "-o", str(out)
    )
    assert code == 2
    [line] = err.splitlines()
    assert "field 'organization_name': not set" in line
    assert not out.exists()


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx", ".txt", ""])
def test_an_unknown_out_suffix_is_an_error_not_markdown(
    fx: Fixture,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    suffix: str,
) -> None:
    out = tmp_path / f"report{suffix}"
    code, _, err = run_main(monkeypatch, capsys, "export", "--db", str(fx.db), "-o", str(out))
    assert code == 2
    assert "cannot tell the format from" in err and "pass --format" in err
    assert not out.exists()
    forced = runner.invoke(app, ["export", "--db", str(fx.db), "-o", str(out), "-f", "md"])
    assert forced.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# ")


def test_empty_selection_says_so_and_succeeds(fx: Fixture) -> None:
    result = runner.invoke(app, ["export", "--db", str(fx.db), "-f", "html", "--status", "unverified"])
    assert result.exit_code == 0
    assert "Empty report: no claims match the filters (consensus is unverified)" in result.stdout
    assert result.stderr.strip() == (
        "claimreview: warning: no claims match the filters (consensus is unverified); the report is empty"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "pdf"], "unknown export format 'pdf'; use one of: md, html, csv, jsonl, claimreview"),
        (["--status", "true"], "unknown status 'true'; use one of: unreviewed, confirmed"),
        (["-o", "{tmp}/missing/report.md"], "{tmp}/missing/report.md: folder '{tmp}/missing' does not exist"),
        (["-o", "{tmp}"], "{tmp}: is a folder; give a file name to write the report to"),
        (["--document", "nope"], "no document 'nope' (give its id or its exact uri)"),
    ],
)
def test_bad_input_is_one_line_and_non_zero(
    fx: Fixture,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    before = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = run_main(monkeypatch, capsys, "export", "--db", str(fx.db), *args)
    assert code == 2
    assert out == ""
    assert err.startswith("claimreview: error: " + message.replace("{tmp}", str(tmp_path)))
    assert err.count("\n") == 1 and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written


def test_missing_database_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_main(monkeypatch, capsys, "export", "--db", str(tmp_path / "none.db"))
    assert code == 2
    assert "no such database" in err and err.count("\n") == 1
    assert not (tmp_path / "none.db").exists()


def test_installed_entry_point(fx: Fixture, tmp_path: Path) -> None:
    """The real process: UTF-8 on stdout whatever the locale, errors as one line with exit code 2."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "", **PUBLISHING_ENV}
    command = [sys.executable, "-m", "claimreview.cli", "export", "--db", str(fx.db)]
    ok = subprocess.run(
        [*command, "-f", "claimreview"], capture_output=True, env=env, timeout=60, check=False
    )
    assert ok.returncode == 0, ok.stderr
    reviews = json.loads(ok.stdout.decode("utf-8"))
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["True"]  # the one published review
    bad = subprocess.run([*command, "-f", "xml"], capture_output=True, env=env, timeout=60, check=False)
    assert bad.returncode == 2
    assert bad.stdout == b""
    assert bad.stderr.decode().splitlines() == [
        "claimreview: error: unknown export format 'xml'; use one of: md, html, csv, jsonl, claimreview"
    ]
