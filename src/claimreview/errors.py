"""Errors a user can act on: the CLI prints them as one line and exits non-zero, without a traceback."""

from __future__ import annotations

from collections.abc import Sequence
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


class BadValue(InputError, ValueError):
    """A value outside a closed set (a consensus status, a verdict label, an event kind).

    Raised once, where the value enters (command-line option, import record, API request); code below
    that edge takes the value as valid. A ``ValueError`` too, so plain Python callers can catch it as one.
    """

    def __init__(
        self,
        what: str,
        value: object,
        choices: Sequence[str],
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.what = what
        self.value = value
        self.choices = tuple(choices)
        listed = ", ".join(self.choices)
        # A located error already names the field, so it only lists what the field may hold.
        message = f"must be one of: {listed}" if field else f"unknown {what} '{value}'; use one of: {listed}"
        super().__init__(message, path=path, line=line, field=field)

    def at(self, path: str | Path, line: int, field: str) -> BadValue:
        """The same error, located in an input file."""
        return BadValue(self.what, self.value, self.choices, path=path, line=line, field=field)
