"""Fixtures for server tests: real `claimreview serve` processes on SQLite and on PostgreSQL."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from liveserver import PostgresDatabases, postgres_or_skip


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PostgresDatabases]:
    databases = postgres_or_skip()
    try:
        yield databases
    finally:
        databases.drop_all()


@pytest.fixture
def backend_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty server database URL for the backend named by the test's ``backend`` parameter."""
    backend = request.param
    if backend == "postgres":
        pg: PostgresDatabases = request.getfixturevalue("pg_databases")
        return pg.new()
    return f"sqlite:///{tmp_path / 'server.db'}"
