"""A verdict the screen shows as saved survives SIGKILL right after (real terminal, real process)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from claimreview.store import Store

from .conftest import fill

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")


def read_until(fd: int, needle: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while needle not in seen:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"{needle!r} never appeared; last output: {seen[-400:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


@pytest.mark.slow
def test_sigkill_right_after_saved_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    with Store.open(db) as store:
        fill(store)
        first = store.list_claims()[0]
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimreview.cli", "review", "--db", str(db), "--reviewer", "alice"],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        start_new_session=True,
    )
    os.close(child)
    try:
        read_until(main, b"0 of 5 done", timeout=20)
        os.write(main, b"c")
        read_until(main, b"saved", timeout=10)
        proc.send_signal(signal.SIGKILL)  # no chance to flush or close anything
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    assert proc.returncode == -signal.SIGKILL
    with Store.open(db) as store:
        events = store.events_for_claim(first.id)
        assert [(e.reviewer, e.label) for e in events] == [("alice", "confirmed")]
        assert store.get_claim(first.id).consensus == "confirmed"  # type: ignore[union-attr]
