"""Write a file all or nothing: into a temporary file next to it, renamed over the target at the end."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from claimreview.errors import InputError

TEMP_SUFFIX = ".tmp"


def check_target(path: Path) -> Path:
    """Raise InputError unless ``path`` can name a new or replaced file in an existing folder."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise InputError("is a folder; give a file name to write the report to", path=path)
    parent = path.parent
    if not parent.exists():
        raise InputError(f"folder '{parent}' does not exist", path=path)
    if not parent.is_dir():
        raise InputError(f"'{parent}' is not a folder", path=path)
    return path


def _new_file_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        pass
    umask = 0o022
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                umask = int(line.split()[1], 8)
    return 0o666 & ~umask


@contextmanager
def atomic_text_file(path: Path, *, encoding: str = "utf-8") -> Iterator[TextIO]:
    """Yield a text stream; on success it replaces ``path``, on any error nothing is left behind.

    Newlines are written as given (``newline=""``): each writer decides its own line endings.
    """
    path = check_target(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError as exc:
        raise InputError(f"cannot write in folder '{path.parent}' ({exc.strerror})", path=path) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, _new_file_mode(path))
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise InputError(f"cannot write the report ({exc.strerror or exc})", path=path) from exc
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    # Make the rename itself durable; not every platform lets a folder be opened, so best effort.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
