"""The shared sync server: FastAPI routes over a SQLModel store (SQLite file or PostgreSQL).

Import ``claimreview.server.app`` for the app factory; this package itself imports nothing heavy so that
the CLI can register its commands without loading FastAPI.
"""

API_VERSION = 1
API_PREFIX = f"/api/v{API_VERSION}"
