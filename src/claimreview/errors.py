"""Errors a user can act on: the CLI prints them as one line and exits non-zero, without a traceback."""

from __future__ import annotations

from pathlib import Path


class ClaimreviewError(Exception):
    """A problem the user can fix. ``str(err)`` is the whole one-line message."""

    exit_code = 2


class InputError(ClaimreviewError):
    """Bad input data, located as precisely as we can: file, line, field."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        self.reason = message
        where = ""
        if self.path is not None:
            where = self.path
            if line is not None:
                where += f":{line}"
            where += ": "
        if field is not None:
            where += f"field '{field}': "
        super().__init__(where + message)


class DatabaseError(ClaimreviewError):
    """The local database cannot be used (locked, corrupt, not ours, newer schema)."""
