"""The editorial gate as an editor uses it: approve, publish, clear; the queues; the site from the log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimreview import consensus as rules
from claimreview import editorial
from claimreview.store.editorial import editor_queues, editorial_states
from export.conftest import Fixture
from publish.conftest import run


def test_state_follows_the_log_and_clearing_undoes() -> None:
    class E:
        def __init__(self, who: str, label: str, at: str, kind: str = rules.EDITORIAL) -> None:
            self.reviewer, self.label, self.created_at, self.kind = who, label, at, kind

    assert editorial.editorial_state([E("a", rules.CONFIRMED, "1", rules.REVIEW)]).state == editorial.DRAFT
    log = [E("ed", rules.APPROVED, "1"), E("ed", rules.PUBLISHED, "2")]
    state = editorial.editorial_state(log)
    assert (state.state, state.approved_at, state.published_at, state.modified_at) == (
        "published",
        "1",
        "2",
        None,
    )
    again = editorial.editorial_state([*log, E("ed", rules.PUBLISHED, "3")])
    assert (again.published_at, again.modified_at) == ("2", "3")  # a correction keeps datePublished
    cleared = editorial.editorial_state([*log, E("ed", rules.CLEARED, "3")])
    assert cleared.state == editorial.DRAFT
    # another editor's approval stands when the publisher withdraws
    other = editorial.editorial_state([E("a", rules.APPROVED, "1"), *log, E("ed", rules.CLEARED, "3")])
    assert other.state == editorial.APPROVED
    # a withdrawal takes down every decision before it, whoever made them; its author's clear undoes it
    both = [E("a", rules.APPROVED, "1"), *log]
    down = [*both, E("chief", rules.WITHDRAWN, "4")]
    assert editorial.editorial_state(down).state == editorial.DRAFT
    assert editorial.editorial_state([*down, E("chief", rules.CLEARED, "5")]).state == editorial.PUBLISHED
    assert editorial.editorial_state([*down, E("a", rules.APPROVED, "5")]).state == editorial.APPROVED
    back = editorial.editorial_state([*down, E("a", rules.APPROVED, "5"), E("ed", rules.PUBLISHED, "6")])
    assert (back.state, back.published_at, back.modified_at) == (editorial.PUBLISHED, "2", "6")


def test_queues(fx: Fixture) -> None:
    queues = editor_queues(fx.store)
    assert [c.id for c in queues.approved_unpublished] == [fx.hostile]
    assert [c.id for c in queues.consensus_unapproved] == [fx.aid]  # disputed/unreviewed are not queued
    states = editorial_states(fx.store, [fx.drones, fx.aid])
    assert states[fx.drones].state == editorial.PUBLISHED and states[fx.aid].state == editorial.DRAFT


def test_approve_then_publish_by_prefix_then_site(
    fx: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(fx.db)
    code, _, err = run(monkeypatch, capsys, "publish", fx.aid[:8], "--reviewer", "erin", "--db", db)
    assert code == 2 and "is not approved; run `claimreview approve" in err
    code, out, _ = run(monkeypatch, capsys, "approve", fx.aid[:8], "--reviewer", "erin", "--db", db)
    assert code == 0 and f"erin: approved {fx.aid}" in out
    code, out, err = run(
        monkeypatch, capsys, "publish", fx.aid[:8], "--reviewer", "erin", "--db", db,
        "--summary", "3,000 families left the region, say aid agencies", "--explanation", "UNHCR figures.",
    )  # fmt: skip
    assert code == 0, err
    assert f"published {fx.aid} as True" in out  # the scale's rating for a confirmed claim
    [event] = [e for e in fx.store.events_for_claim(fx.aid) if e.label == rules.PUBLISHED]
    assert event.kind == rules.EDITORIAL and event.payload["rating"] == "true"
    assert event.payload["summary"].startswith("3,000 families")

    site = tmp_path / "site"
    code, _, err = run(monkeypatch, capsys, "site", "--out", str(site), "--db", db)
    assert code == 0, err
    assert sorted(p.name for p in (site / "review").iterdir()) == sorted(
        [f"{fx.aid}.html", f"{fx.drones}.html"]
    )
    feed = json.loads((site / "datafeed.jsonld").read_text(encoding="utf-8"))
    urls = {e["item"]["url"] for e in feed["dataFeedElement"]}
    assert urls == {f"https://checks.example.org/reviews/review/{c}.html" for c in (fx.aid, fx.drones)}
    page = (site / "review" / f"{fx.aid}.html").read_text(encoding="utf-8")
    assert "UNHCR figures." in page

    # Withdrawn: the next run leaves the old page (named) unless --prune
    code, *_ = run(monkeypatch, capsys, "publish", fx.aid[:8], "--reviewer", "erin", "--db", db)
    fx.store.append_event(fx.aid, "erin", rules.CLEARED, kind=rules.EDITORIAL)
    code, _, err = run(monkeypatch, capsys, "site", "--out", str(site), "--db", db, "--prune")
    assert code == 0 and "removed 1 old page(s)" in err
    assert not (site / "review" / f"{fx.aid}.html").exists()


def test_another_editor_withdraws_a_review_and_the_site_and_export_drop_it(
    fx: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(fx.db)
    site = tmp_path / "site"
    assert run(monkeypatch, capsys, "site", "--out", str(site), "--db", db)[0] == 0
    assert (site / "review" / f"{fx.drones}.html").exists()
    # Someone else than the editors who published it (the fixture's) takes it down, whatever its consensus.
    code, out, err = run(monkeypatch, capsys, "withdraw", fx.drones[:8], "--reviewer", "chief", "--db", db)
    assert code == 0, err
    assert f"chief: withdrew {fx.drones}" in out
    assert editorial_states(fx.store, [fx.drones])[fx.drones].state == editorial.DRAFT
    code, _, err = run(monkeypatch, capsys, "site", "--out", str(site), "--db", db, "--prune")
    assert code == 0 and "removed 1 old page(s)" in err
    assert not (site / "review" / f"{fx.drones}.html").exists()
    code, out, err = run(monkeypatch, capsys, "export", "--format", "claimreview", "--db", db)
    assert code == 0 and fx.drones not in out and "unpublished" in err


def test_withdrawing_a_draft_is_refused_and_records_nothing(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = len(fx.store.events_for_claim(fx.drones))
    code, out, err = run(
        monkeypatch, capsys, "withdraw", fx.drones, fx.aid, "--reviewer", "chief", "--db", str(fx.db)
    )
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"claim {fx.aid} is neither approved nor published" in err
    assert len(fx.store.events_for_claim(fx.drones)) == before  # the published one was not withdrawn


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["publish", "{prices}", "--reviewer", "e"],
            "cannot be approved or published: its reviewers disagree",
        ),
        (["approve", "{army}", "--reviewer", "e"], "cannot be approved or published: it has no verdict yet"),
        (["publish", "{hostile}", "--reviewer", "e", "--rating", "nope"], "unknown rating 'nope'"),
        (
            ["publish", "{hostile}", "--reviewer", "e", "--summary", "x" * 76],
            "field '--summary': is 76 characters",
        ),
        (["publish", "{hostile}", "--reviewer", "e", "--language", "english!"], "field '--language'"),
        (["site", "--out", "{tmp}/s", "--since", "May 1"], "field '--since': 'May 1' is not a date"),
    ],
)
def test_bad_input_is_one_line_and_records_nothing(
    fx: Fixture,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    names = {"prices": fx.prices, "army": fx.army, "hostile": fx.hostile, "tmp": str(tmp_path)}
    before = sum(len(fx.store.events_for_claim(c)) for c in (fx.prices, fx.army, fx.hostile))
    code, out, err = run(monkeypatch, capsys, *[a.format(**names) for a in args], "--db", str(fx.db))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err
    assert sum(len(fx.store.events_for_claim(c)) for c in (fx.prices, fx.army, fx.hostile)) == before


def test_unverified_needs_a_rating_the_scale_has(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fx.store.append_event(fx.aid, "carol", rules.UNVERIFIED, kind=rules.ADJUDICATION)
    db = str(fx.db)
    run(monkeypatch, capsys, "approve", fx.aid, "--reviewer", "erin", "--db", db)
    code, _, err = run(monkeypatch, capsys, "publish", fx.aid, "--reviewer", "erin", "--db", db)
    assert code == 2
    assert (
        "is unverified and the rating scale maps no rating to that; pass --rating (one of: false, true)"
        in err
    )


def test_site_without_the_organisation_names_the_setting(
    fx: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CLAIMREVIEW_REVIEW_BASE_URL")
    code, _, err = run(monkeypatch, capsys, "site", "--out", str(tmp_path / "s"), "--db", str(fx.db))
    assert code == 2 and "field 'review_base_url': not set" in err and err.count("\n") == 1
    assert not (tmp_path / "s").exists()


def test_rating_scale_from_the_config_file(
    fx: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from claimreview.paths import config_file

    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "show_reviewers = true\n[rating_scale]\nworst = 1\nbest = 2\n"
        '[rating_scale.ratings.wrong]\nlabel = "Wrong"\nvalue = 1\nverdict = "denied"\n'
        '[rating_scale.ratings.right]\nlabel = "Right"\nvalue = 2\nverdict = "confirmed"\n',
        encoding="utf-8",
    )
    db = str(fx.db)
    run(monkeypatch, capsys, "approve", fx.aid, "--reviewer", "erin", "--db", db)
    code, out, err = run(monkeypatch, capsys, "publish", fx.aid, "--reviewer", "erin", "--db", db)
    assert code == 0, err and "as Right" in out
    path.write_text(path.read_text(encoding="utf-8").replace("value = 2", "value = 7"), encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, "site", "--out", str(tmp_path / "s"), "--db", db)
    assert code == 2
    assert err.strip().endswith(
        "field 'rating_scale.ratings.right.value': must be a whole number from 1 to 2"
    )
