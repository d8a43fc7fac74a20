"""The child side of liveserver's servers: `claimreview ARGS` in a process forked from a forkserver that has
already imported the CLI and the server. Imports nothing from the tests, so a fork starts with only what the
forkserver preloaded."""

from __future__ import annotations

import os
import sys


def run_cli(args: list[str], env: dict[str, str], cwd: str, log_path: str) -> None:
    """What the `claimreview` script does with ``args``, stdout and stderr appended to ``log_path``."""
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    # Line by line, as with PYTHONUNBUFFERED in a fresh process: a kill -9 loses no logged line.
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    sys.stderr.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    # The environment and folder of the test that starts the server, not those of the forkserver's start.
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    sys.argv = ["claimreview", *args]
    from claimreview.cli import main

    main()
