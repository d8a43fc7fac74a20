"""The server's store under one name, for callers that want all of it (the CLI's account commands, tests).

The code lives by job: ``server.db`` (tables, engine, write locks, schema versions), ``server.accounts``
(reviewers and tokens), ``server.events`` (the event log), ``server.documents`` (published documents and
claims). All server SQL stays in those modules.
"""

from __future__ import annotations

from claimreview.consensus import ROLES
from claimreview.server.accounts import (
    Account,
    add_reviewer,
    authenticate,
    hash_token,
    list_reviewers,
    revoke,
)
from claimreview.server.db import (
    SCHEMA_VERSION,
    TABLES,
    SchemaError,
    SchemaInfo,
    ServerModel,
    counts,
    create_schema,
    default_db_url,
    is_sqlite,
    make_engine,
    normalize_db_url,
    writing,
)
from claimreview.server.documents import PublishError, missing_documents, publish, pull_claims, pull_documents
from claimreview.server.events import EVENT_FIELDS, pull_events, push_events

__all__ = [
    "EVENT_FIELDS",
    "ROLES",
    "SCHEMA_VERSION",
    "TABLES",
    "Account",
    "PublishError",
    "SchemaError",
    "SchemaInfo",
    "ServerModel",
    "add_reviewer",
    "authenticate",
    "counts",
    "create_schema",
    "default_db_url",
    "hash_token",
    "is_sqlite",
    "list_reviewers",
    "make_engine",
    "missing_documents",
    "normalize_db_url",
    "publish",
    "pull_claims",
    "pull_documents",
    "pull_events",
    "push_events",
    "revoke",
    "writing",
]
