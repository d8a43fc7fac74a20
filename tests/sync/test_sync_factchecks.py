"""Fact-checks sync like claims: an admin publishes them, every reviewer pulls them, matches follow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from liveserver import add_account, running_server
from typer.testing import CliRunner

from claimreview.cli import app
from claimreview.factchecks.parse import FactCheck
from claimreview.store import Store
from claimreview.store import factchecks as stored
from claimreview.sync.client import ForbiddenError, SyncClient
from claimreview.wire import FactCheckIn

runner = CliRunner()

ARTICLE = (
    "The harbour ferry to Osk island will stop running in winter, the council announced on Monday.\n\n"
    "Councillor Pia Lund said the new library will open with 12,000 books in March."
)
FERRY = FactCheck(
    url="https://oskfacts.example/winter-ferry",
    claim_reviewed="The Osk island ferry is cancelled for the whole winter.",
    headline="Osk ferry: winter halt confirmed by the council",
    rating="True",
    publisher="Osk Facts",
    date_published="2025-02-01",
)
LIBRARY = FactCheck(
    url="https://oskfacts.example/library-books",
    claim_reviewed="Osk's new library opens in March holding 12,000 books.",
    rating="Mostly true",
    publisher="Osk Facts",
)


@pytest.fixture
def server(tmp_path: Path) -> object:
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    tokens = {"admin": add_account(db_url, "admin", "admin"), "ann": add_account(db_url, "ann")}
    with running_server(db_url, tmp_path) as live:
        yield live.url, tokens


def _sync(url: str, token: str, db: Path) -> str:
    result = runner.invoke(app, ["sync", "--server", url, "--token", token, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.output


def _matches(db: Path) -> dict[str, list[dict]]:
    out = runner.invoke(app, ["claims", "--json", "--db", str(db)]).output
    return {row["text"]: row["matches"] for row in map(json.loads, out.splitlines())}


def test_admin_publishes_reviewers_pull_and_their_claims_are_matched(
    server: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    url, tokens = server
    admin_db, ann_db = tmp_path / "admin.db", tmp_path / "ann.db"
    article = tmp_path / "osk.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert runner.invoke(app, ["extract", str(article), "--db", str(admin_db)]).exit_code == 0
    with Store.open(admin_db) as store:
        stored.import_factchecks(store, [FERRY, LIBRARY])
    assert "published 2 and received 0 fact-check(s)" in _sync(url, tokens["admin"], admin_db)
    assert "received 2 fact-check(s)" in _sync(url, tokens["ann"], ann_db)
    with Store.open(ann_db) as store:
        assert {r["url"]: r["rating"] for r in stored.list_factchecks(store)} == {
            FERRY.url: "True",
            LIBRARY.url: "Mostly true",
        }
    found = _matches(ann_db)
    ferry = next(m for t, m in found.items() if "ferry" in t)
    assert ferry and ferry[0]["url"] == FERRY.url and ferry[0]["publisher"] == "Osk Facts"

    # The admin corrects a rating: it replaces the server's copy, and the reviewer's in place.
    with Store.open(admin_db) as store:
        changed = stored.import_factchecks(store, [FactCheck(**{**_fields(LIBRARY), "rating": "False"})])
        assert changed.updated == 1
    assert "published 1 and received 0 fact-check(s)" in _sync(url, tokens["admin"], admin_db)
    _sync(url, tokens["ann"], ann_db)
    with Store.open(ann_db) as store:
        rows = stored.list_factchecks(store)
    assert len(rows) == 2 and {r["url"]: r["rating"] for r in rows}[LIBRARY.url] == "False"
    # Nothing left to send or to receive.
    again = _sync(url, tokens["admin"], admin_db)
    assert "fact-check" not in again


def test_only_admins_publish_fact_checks(server: tuple[str, dict[str, str]]) -> None:
    url, tokens = server
    with (
        SyncClient(url, tokens["ann"], retries=0) as client,
        pytest.raises(ForbiddenError, match="only admins"),
    ):
        client.publish_factchecks([FactCheckIn(url=FERRY.url, claim_reviewed=FERRY.claim_reviewed)])
    with SyncClient(url, tokens["admin"], retries=0) as client:
        first = client.publish_factchecks([FactCheckIn(url=FERRY.url, claim_reviewed=FERRY.claim_reviewed)])
        same = client.publish_factchecks([FactCheckIn(url=FERRY.url, claim_reviewed=FERRY.claim_reviewed)])
        page = client.pull_factchecks(0)
    assert (first.added, same.added, same.unchanged) == (1, 0, 1)
    assert [c.url for c in page.items] == [FERRY.url] and not page.more


def _fields(check: FactCheck) -> dict[str, object]:
    return {name: getattr(check, name) for name in check.__dataclass_fields__}
