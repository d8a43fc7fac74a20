"""The SQL migrations and the SQLModel tables describe the same schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlmodel import SQLModel

import claimreview.models  # noqa: F401  (registers the tables)
from claimreview.store import Store


def test_migrated_columns_match_the_models(db_file: Path) -> None:
    Store.open(db_file).close()
    conn = sqlite3.connect(db_file)
    for name in ("document", "claim", "verdict_event", "meta", "claim_count", "factcheck", "claim_match"):
        table = SQLModel.metadata.tables[name]
        in_db = {row[1] for row in conn.execute(f"PRAGMA table_info({name})")}
        assert in_db == {c.name for c in table.columns}, name
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == set(SQLModel.metadata.tables)
    conn.close()


def test_migrations_ship_with_the_package() -> None:
    from claimreview.paths import migrations_dir

    assert sorted(p.name for p in migrations_dir().glob("*.sql"))[0].startswith("0001_")
