"""The shared sync server: FastAPI routes over a SQLModel store (SQLite file or PostgreSQL).

Import ``claimreview.server.app`` for the app factory; this package itself imports nothing heavy so that
the CLI can register its commands without loading FastAPI. The API's models and version are in
``claimreview.wire``, shared with the sync client.
"""
