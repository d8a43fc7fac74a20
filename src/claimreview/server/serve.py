"""Run the sync server in this process (what `claimreview serve` does); uvicorn stays inside `server`."""

from __future__ import annotations

import uvicorn

from claimreview.server.app import ServerSettings, create_app


def serve(db_url: str, *, host: str, port: int, log_level: str) -> None:
    """Serve until interrupted; in-flight requests get 5 s to finish."""
    app = create_app(ServerSettings(db_url=db_url))
    uvicorn.run(app, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=5)
