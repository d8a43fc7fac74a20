"""`claimreview extract` and `claimreview demo` end to end on the bundled samples."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

from claimreview.paths import samples_dir
from claimreview.store import Store


def samples() -> list[Path]:
    return sorted(p for p in samples_dir().iterdir() if p.suffix in (".txt", ".md", ".html"))


def test_extract_samples_then_again_adds_nothing(cli, db_file: Path) -> None:
    files = samples()
    assert len(files) >= 4
    first = cli("extract", *files, "--db", db_file)
    assert first.code == 0, first
    with Store.open(db_file) as store:
        claims = store.list_claims()
        docs = store.list_documents()
        assert len(docs) == len(files)
        for row in claims:
            doc = store.get_document(row.document_id)
            assert doc is not None and doc.text[row.start : row.end] == row.text
    assert f"added {len(files)} document(s) and {len(claims)} claim(s)" in first.out
    again = cli("extract", *files, "--db", db_file)
    assert again.code == 0
    assert "added 0 document(s) and 0 claim(s)" in again.out
    with Store.open(db_file) as store:
        assert store.count_claims() == len(claims)


def test_one_bad_file_among_good_ones_writes_nothing(cli, tmp_path: Path, db_file: Path) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"caf\xe9 au lait costs 3 euros.\n")
    result = cli("extract", *samples(), bad, "--db", db_file)
    assert result.code == 2
    assert str(bad) in result.err and len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    if db_file.exists():
        with Store.open(db_file) as store:
            assert store.count_claims() == 0


def test_missing_and_directory_arguments(cli, tmp_path: Path, db_file: Path) -> None:
    for path, expected in ((tmp_path / "gone.txt", "no such file"), (tmp_path, "directory")):
        result = cli("extract", path, "--db", db_file)
        assert result.code == 2 and str(path) in result.err and expected in result.err.lower(), result


def run_extract(db: Path, stderr: int) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "claimreview.cli", "extract", *map(str, samples()), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=stderr,
        env=env,
        timeout=120,
        check=False,
    )


def test_progress_bar_on_a_terminal_but_not_in_a_pipe(tmp_path: Path) -> None:
    piped = run_extract(tmp_path / "piped.db", subprocess.PIPE)
    assert piped.returncode == 0
    assert piped.stderr == b""
    assert b"claim(s)" in piped.stdout

    controller, terminal = pty.openpty()
    try:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "claimreview.cli",
                "extract",
                *map(str, samples()),
                "--db",
                str(tmp_path / "tty.db"),
            ],
            stdout=subprocess.PIPE,
            stderr=terminal,
        )
        os.close(terminal)
        seen = b""
        while True:
            ready, _, _ = select.select([controller], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        assert proc.wait(timeout=60) == 0
    finally:
        os.close(controller)
    assert b"extracting" in seen


def test_demo_builds_its_database_once(cli, isolated_user_dirs: Path) -> None:
    from claimreview.cli.claims import ensure_demo_db

    path = ensure_demo_db()
    with Store.open(path) as store:
        count = store.count_claims()
        assert count > 0
        cid = store.list_claims()[0].id
        store.append_event(cid, "ann", "confirmed")
    assert ensure_demo_db() == path
    with Store.open(path) as store:
        assert store.count_claims() == count
        assert store.get_claim(cid).consensus == "confirmed"  # type: ignore[union-attr]
