"""A published review whose claim's consensus changes later is never published silently: the site and the
ClaimReview export keep the last published rating and say so on stderr with counts, stats counts it,
and publishing again (for the new consensus) clears it. A claim now not check-worthy is withheld."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimreview import consensus as rules
from claimreview import editorial
from claimreview.store.editorial import editor_queues, editorial_claims, editorial_counts
from export.conftest import Fixture
from publish.conftest import run


def changed(fx: Fixture) -> dict[str, bool]:
    return {c.id: c.changed_since_publication for c in editorial_claims(fx.store, edited=True)}


def test_the_consensus_at_publication_is_remembered_and_compared(fx: Fixture) -> None:
    # drones: confirmed by alice and bob, published by erin as True.
    [drones] = editorial_claims(fx.store, [fx.drones])
    assert drones.state.published_consensus == rules.CONFIRMED and not drones.changed_since_publication
    fx.store.append_event(fx.drones, "carol", rules.DENIED)  # a third reviewer disagrees
    assert changed(fx)[fx.drones] is True
    # An adjudication that confirms it again brings it back to what was published: nothing to do.
    fx.store.append_event(fx.drones, "judge", rules.CONFIRMED, kind=rules.ADJUDICATION)
    assert changed(fx)[fx.drones] is False
    # An adjudication that flips it changes it again.
    fx.store.append_event(fx.drones, "judge", rules.DENIED, kind=rules.ADJUDICATION)
    assert changed(fx)[fx.drones] is True
    # Publishing again, for the consensus it has now, is the editor's answer.
    fx.store.append_event(
        fx.drones, "erin", rules.PUBLISHED, kind=rules.EDITORIAL, payload={"rating": "false"}
    )
    [drones] = editorial_claims(fx.store, [fx.drones])
    assert drones.state.published_consensus == rules.DENIED and not drones.changed_since_publication


def test_the_editor_queue_lists_it_whatever_the_consensus_now(fx: Fixture) -> None:
    assert editor_queues(fx.store).published_changed == []
    fx.store.append_event(fx.drones, "carol", rules.DENIED)  # disputed: in no other list of the queue
    queues = editor_queues(fx.store)
    assert [c.id for c in queues.published_changed] == [fx.drones]
    assert fx.drones not in {c.id for c in queues.approved_unpublished + queues.consensus_unapproved}


def test_site_keeps_the_last_published_rating_and_warns_with_counts(
    fx: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    code, _, err = run(monkeypatch, capsys, "site", "--out", str(site), "--db", str(fx.db))
    assert code == 0 and "consensus changed" not in err
    fx.store.append_event(fx.drones, "carol", rules.DENIED)
    code, _, err = run(monkeypatch, capsys, "site", "--out", str(site), "--db", str(fx.db))
    assert code == 0, err
    assert (
        "claimreview: warning: 1 published review(s) whose consensus changed since publication "
        "(1 now disputed) keep their last published rating until an editor publishes them again"
    ) in err
    page = (site / "review" / f"{fx.drones}.html").read_text(encoding="utf-8")
    assert "Ministry: 40 drones shot down overnight" in page and ">True<" in page


def test_export_keeps_it_and_warns_with_counts(
    fx: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two published reviews: drones, and hostile (approved in the fixture) published now as False.
    fx.store.append_event(
        fx.hostile, "erin", rules.PUBLISHED, kind=rules.EDITORIAL, payload={"rating": "false"}
    )
    fx.store.append_event(fx.drones, "carol", rules.DENIED)  # drones: disputed
    fx.store.append_event(fx.hostile, "judge", rules.CONFIRMED, kind=rules.ADJUDICATION)  # flipped
    out = tmp_path / "cr.json"
    code, _, err = run(monkeypatch, capsys, "export", "-f", "claimreview", "-o", str(out), "--db", str(fx.db))
    assert code == 0, err
    assert (
        "claimreview: warning: 2 published review(s) whose consensus changed since publication "
        "(1 now confirmed, 1 now disputed) keep their last published rating"
    ) in err
    ratings = {
        r["url"].rsplit("/", 1)[1]: r["reviewRating"]["alternateName"] for r in json.loads(out.read_text())
    }
    assert ratings == {f"{fx.drones}.html": "True", f"{fx.hostile}.html": "False"}


def test_not_checkworthy_now_is_withheld_by_site_and_export_alike(
    fx: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for who in ("alice", "bob"):
        fx.store.append_event(fx.drones, who, rules.NOT_CHECKWORTHY)
    site = tmp_path / "site"
    code, _, err = run(monkeypatch, capsys, "site", "--out", str(site), "--db", str(fx.db))
    assert code == 0, err
    assert "left out 1 published review(s) now judged not check-worthy" in err
    assert not (site / "review" / f"{fx.drones}.html").exists()
    out = tmp_path / "cr.json"
    code, _, err = run(monkeypatch, capsys, "export", "-f", "claimreview", "-o", str(out), "--db", str(fx.db))
    assert code == 0 and json.loads(out.read_text()) == []
    assert "1 not_checkworthy" in err


def test_stats_counts_them(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    fx.store.append_event(fx.drones, "carol", rules.DENIED)
    counts = editorial_counts(fx.store)
    assert (counts.approved, counts.published, counts.published_changed) == (1, 1, 1)
    code, out, _ = run(monkeypatch, capsys, "stats", "--db", str(fx.db))
    assert code == 0
    line = next(row for row in out.splitlines() if "consensus changed since" in row)
    assert line.rstrip(" │|").endswith("1")
    assert any(
        "approved, not published" in row and row.rstrip(" │|").endswith("1") for row in out.splitlines()
    )
    assert (
        editorial.changed_since_publication(editorial.EditorialState(editorial.DRAFT), rules.DENIED) is False
    )
