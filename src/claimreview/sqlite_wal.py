"""Switching a SQLite file to WAL safely when several processes open it at once."""

from __future__ import annotations

import sqlite3
import time
from typing import Any


def switch_to_wal(cursor: Any, wait_seconds: float) -> str:
    """Run ``PRAGMA journal_mode = WAL``, retrying while another opener holds the file; returns the mode.

    Switching a new file to WAL needs an exclusive lock, and SQLite answers "database is locked" at once
    (without its busy handler) when several processes open the file together.
    """
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            row = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
            return str(row[0]) if row else ""
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
