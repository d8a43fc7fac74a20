"""JSON Lines input: one JSON value per line, each mistake one line naming the file and the line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimreview.errors import InputError


def jsonl_values(text: str, path: Path | str, *, max_line: int | None = None) -> Iterator[tuple[int, Any]]:
    """``(line number, value)`` for each non-blank line of ``text``.

    Split on newlines only: U+2028 and U+2029 may stand raw inside a JSON string, and ``splitlines``
    would cut such a line in two.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if max_line is not None and len(line) > max_line:
            raise InputError(f"line is longer than {max_line // (1024 * 1024)} MB", path=path, line=number)
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"not valid JSON ({exc.msg} at column {exc.colno})", path=path, line=number
            ) from None
        yield number, value
