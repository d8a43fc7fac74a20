"""Run the sync server in this process (what `claimreview serve` does); uvicorn stays inside `server`."""

from __future__ import annotations

import logging

import uvicorn
from fastapi import FastAPI

from claimreview.server.app import ServerSettings, create_app
from claimreview.server.db import DEFAULT_POOL_SIZE


def build(db_url: str, pool_size: int = DEFAULT_POOL_SIZE, *, reviewers_publish: bool = True) -> FastAPI:
    """The app on ``db_url``; refuses a database it cannot serve (newer schema, not ours) right here."""
    return create_app(
        ServerSettings(db_url=db_url, pool_size=pool_size, reviewers_publish=reviewers_publish)
    )


def run(app: FastAPI, *, host: str, port: int, log_level: str) -> None:
    """Serve until interrupted; in-flight requests get 5 s to finish."""
    # The server's own warnings (503 causes, epoch changes): one line each, next to uvicorn's.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s:     claimreview: %(message)s"))
    logger = logging.getLogger("claimreview.server")
    logger.addHandler(handler)
    logger.propagate = False
    uvicorn.run(app, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=5)
