"""`claimreview sync` against a real server: remembered settings, token file mode, messages, outbox."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from liveserver import add_account, running_server, sample_articles
from typer.testing import CliRunner

from claimreview.cli import app
from claimreview.config import load_settings
from claimreview.paths import token_file
from claimreview.store import Store
from claimreview.store import sync_state as local

runner = CliRunner()


@pytest.fixture
def server_url(tmp_path: Path) -> object:
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    tokens = {"admin": add_account(db_url, "admin", "admin"), "ann": add_account(db_url, "ann")}
    with running_server(db_url, tmp_path) as server:
        yield server.url, tokens


def test_first_sync_remembers_server_and_token(
    server_url: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    url, tokens = server_url
    admin_db = tmp_path / "admin.db"
    with Store.open(admin_db) as store:
        store.add_articles(sample_articles(claims_per_document=3))
    result = runner.invoke(app, ["sync", "--server", url, "--token", tokens["admin"], "--db", str(admin_db)])
    assert result.exit_code == 0, result.output
    assert "published 1 document(s) and 3 claim(s)" in result.output
    assert load_settings().server == url
    mode = stat.S_IMODE(token_file().stat().st_mode)
    assert mode == 0o600
    assert token_file().read_text().strip() == tokens["admin"]
    # Next time, nothing to type.
    again = runner.invoke(app, ["sync", "--db", str(admin_db)])
    assert again.exit_code == 0 and "pushed 0 event(s)" in again.output


def test_env_token_and_outbox(
    server_url: tuple[str, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, tokens = server_url
    admin_db, ann_db = tmp_path / "admin.db", tmp_path / "ann.db"
    with Store.open(admin_db) as store:
        store.add_articles(sample_articles(claims_per_document=3))
    assert (
        runner.invoke(
            app, ["sync", "--server", url, "--token", tokens["admin"], "--db", str(admin_db)]
        ).exit_code
        == 0
    )
    monkeypatch.setenv("CLAIMREVIEW_SERVER", url)
    monkeypatch.setenv("CLAIMREVIEW_TOKEN", tokens["ann"])
    assert runner.invoke(app, ["sync", "--db", str(ann_db)]).exit_code == 0
    with Store.open(ann_db) as store:
        cid = store.list_claims()[0].id
        store.append_event(cid, "ann", "confirmed")
        assert local.pending_count(store) == 1
    result = runner.invoke(app, ["sync", "--db", str(ann_db)])
    assert result.exit_code == 0 and "pushed 1 event(s)" in result.output
    with Store.open(ann_db) as store:
        assert local.pending_count(store) == 0
    assert token_file().read_text().strip() == tokens["admin"]  # an env token is not written down


def test_bad_token_is_one_line_that_says_what_to_do(
    server_url: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    url, _tokens = server_url
    result = runner.invoke(app, ["sync", "--server", url, "--token", "wrong", "--db", str(tmp_path / "x.db")])
    assert result.exit_code != 0
    assert isinstance(result.exception, Exception) and "--token" in str(result.exception)
    assert not token_file().exists()  # a rejected token is not remembered


def test_no_server_configured() -> None:
    result = runner.invoke(app, ["sync"])
    assert result.exit_code != 0 and "--server URL" in str(result.exception)


def test_server_account_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "accounts.db")
    added = runner.invoke(app, ["server", "add-reviewer", "zoe", "--role", "adjudicator", "--db", db])
    assert added.exit_code == 0, added.output
    token = added.stdout.strip().splitlines()[-1]
    assert token.startswith("crv_")
    assert token not in (tmp_path / "accounts.db").read_bytes().decode("latin-1")  # only the hash
    listed = runner.invoke(app, ["server", "list-reviewers", "--db", db])
    assert "zoe" in listed.output and "adjudicator" in listed.output
    revoked = runner.invoke(app, ["server", "revoke", "zoe", "--db", db])
    assert "revoked 1 token(s)" in revoked.output
    bad = runner.invoke(app, ["server", "add-reviewer", "x", "--role", "king", "--db", db])
    assert bad.exit_code != 0
