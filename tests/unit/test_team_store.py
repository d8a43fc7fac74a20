"""Team reads and the `assign`, `claims --assigned-to/--undecided-by`, `adjudicate`, `disputes`, `stats`
commands on one local database."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from claimreview import consensus as rules
from claimreview import teamwork
from claimreview.store import Store, team
from claimreview.store import sync_state as local


def _claims(store: Store, n: int = 6) -> list[str]:
    from claimreview.models import NewClaim, NewDocument

    sentences = [f"The mayor said {i * 11} buses ran on line {i}." for i in range(n)]
    text = " ".join(sentences)
    claims = []
    for s in sentences:
        start = text.index(s)
        claims.append(NewClaim(text=s, start=start, end=start + len(s), extractor="t", extractor_version="1"))
    store.add_articles([(NewDocument(uri="buses.txt", title="Buses", text=text), claims)])
    return [row.id for row in store.list_claims()]


def test_sql_queues_agree_with_the_pure_rules(store: Store) -> None:
    ids = _claims(store, 12)
    rng = random.Random(7)
    people = ["ana", "ben", "cy"]
    for _ in range(120):
        cid = rng.choice(ids)
        who = rng.choice([*people, "root", "judge"])
        kind = rng.choice([rules.REVIEW, rules.REVIEW, rules.ASSIGNMENT, rules.ADJUDICATION])
        if kind == rules.ASSIGNMENT:
            to = rng.sample(people, rng.randint(0, 3))
            label = rules.ASSIGNED if to else rules.CLEARED
            store.append_event(cid, who, label, kind=kind, payload={"to": to} if to else None)
        else:
            store.append_event(cid, who, rng.choice(rules.REVIEW_LABELS), kind=kind)
    for name in [*people, "judge"]:
        logs = {cid: store.events_for_claim(cid) for cid in ids}
        assert team.assigned_to(store, name) == {
            c for c, log in logs.items() if name in teamwork.assignees(log)
        }
        assert team.decided_by(store, name) == {
            c for c, log in logs.items() if teamwork.decided_by(log, name)
        }
    assert set(team.assignments(store)) == {c for c in ids if teamwork.assignees(store.events_for_claim(c))}


def test_queues_for_one_reviewer(store: Store) -> None:
    ids = _claims(store)
    assert (
        team.record_assignments(store, "root", {ids[0]: ["ana", "ben"], ids[1]: ["ana"], ids[2]: ["ben"]})
        == 3
    )
    store.append_event(ids[1], "ana", rules.CONFIRMED)
    store.append_event(ids[3], "ana", rules.DENIED)
    store.append_event(ids[3], "ben", rules.CONFIRMED)
    ids_of = {q: team.queue_ids(store, q, "ana") for q in team.QUEUES}
    assert ids_of[team.MINE] == {ids[0]}
    assert ids_of[team.DECIDED] == {ids[1], ids[3]}
    assert ids_of[team.UNDECIDED] == {ids[0], ids[2], ids[4], ids[5]}
    assert ids_of[team.DISPUTED] == {ids[3]}
    assert ids_of[team.ALL] is None
    assert [r.id for r in team.queue_rows(store, team.UNDECIDED, "ana")] == [ids[0], ids[2], ids[4], ids[5]]


def test_recording_the_same_assignment_twice_writes_nothing(store: Store) -> None:
    ids = _claims(store, 2)
    assert team.record_assignments(store, "root", {cid: ["ana"] for cid in ids}) == 2
    assert team.record_assignments(store, "root", {cid: ["ana"] for cid in ids}) == 0
    assert team.record_assignments(store, "root", {ids[0]: ["ben"]}) == 1
    [first, second] = [e for e in store.events_for_claim(ids[0]) if e.kind == rules.ASSIGNMENT]
    assert second.replaces == first.id  # one chain per assigner, like verdicts
    assert team.record_assignments(store, "root", {ids[0]: None}) == 1
    assert team.assigned_to(store, "ben") == set()
    with pytest.raises(Exception, match="no claim with id 'nope'"):
        team.record_assignments(store, "root", {"nope": ["ana"]})


def test_disputes_oldest_first_with_both_sides(store: Store) -> None:
    ids = _claims(store, 3)
    store.append_event(ids[2], "ana", rules.CONFIRMED, note="the timetable")
    store.append_event(ids[2], "ben", rules.DENIED, note="the operator's count")
    store.append_event(ids[0], "ana", rules.CONFIRMED)
    store.append_event(ids[0], "cy", rules.UNVERIFIED)
    found = team.disputes(store)
    assert [d.claim.id for d in found] == [ids[2], ids[0]]
    assert [(e.reviewer, e.label, e.note) for e in found[0].sides] == [
        ("ana", "confirmed", "the timetable"),
        ("ben", "denied", "the operator's count"),
    ]


# -- the commands ------------------------------------------------------------------------------------


@pytest.fixture
def team_db(db_file: Path) -> tuple[Path, list[str]]:
    with Store.open(db_file) as store:
        ids = _claims(store)
    return db_file, ids


def test_assign_document_then_claims_by_queue(cli, team_db) -> None:  # type: ignore[no-untyped-def]
    db, ids = team_db
    result = cli("assign", "--document", "buses.txt", "--to", "ana,ben", "--reviewer", "root", "--db", db)
    assert result.code == 0, result
    assert "assigned 6 claim(s) (6 new event(s))" in result.out
    cli("verdict", ids[0], "confirmed", "--reviewer", "ana", "--db", db)
    out = cli("claims", "--assigned-to", "ana", "--undecided-by", "ana", "--json", "--db", db).out
    assert [json.loads(line)["id"] for line in out.splitlines()] == ids[1:]
    again = cli("assign", "--document", "buses.txt", "--to", "ana,ben", "--reviewer", "root", "--db", db)
    assert "(0 new event(s); 6 already so)" in again.out


def test_assign_auto_spreads_unassigned_claims(cli, team_db) -> None:  # type: ignore[no-untyped-def]
    db, ids = team_db
    cli("assign", "--claim", ids[0], "--to", "ana", "--reviewer", "root", "--db", db)
    result = cli(
        "assign", "--auto", "--per-claim", "2", "--to", "ana,ben,cy", "--reviewer", "root", "--db", db
    )
    assert result.code == 0, result
    with Store.open(db) as store:
        load = {n: len(team.assigned_to(store, n)) for n in ("ana", "ben", "cy")}
        assert team.assigned_to(store, "ana") >= {ids[0]}
        assert all(len(who) in (1, 2) for who in team.assignments(store).values())
    assert sum(load.values()) == 1 + 5 * 2
    assert max(load.values()) - min(load.values()) <= 1  # even, counting ana's earlier claim


def test_assign_auto_uses_the_active_reviewers_or_says_whom_to_name(cli, team_db) -> None:  # type: ignore[no-untyped-def]
    db, ids = team_db
    refused = cli("assign", "--auto", "--reviewer", "root", "--db", db)
    assert refused.code == 2 and "no active reviewers" in refused.err and "--to" in refused.err
    cli("verdict", ids[0], "confirmed", "--reviewer", "ana", "--db", db)
    cli("verdict", ids[0], "confirmed", "--reviewer", "ben", "--db", db)
    result = cli("assign", "--auto", "--per-claim", "2", "--reviewer", "root", "--db", db)
    assert result.code == 0 and "over ana, ben" in result.out


def test_assign_is_refused_for_a_known_reviewer_role(cli, team_db) -> None:  # type: ignore[no-untyped-def]
    db, ids = team_db
    with Store.open(db) as store:
        local.set_meta(
            store, {local.ROLE_KEY: "reviewer", local.REVIEWER_KEY: "ana", local.SERVER_KEY: "http://x"}
        )
    result = cli("assign", "--claim", ids[0], "--to", "ben", "--reviewer", "ana", "--db", db)
    assert result.code == 2
    assert "assignment events need the role adjudicator or admin, and ana is a reviewer" in result.err


def test_adjudicate_on_a_desk_of_one_and_disputes_listing(cli, team_db) -> None:  # type: ignore[no-untyped-def]
    db, ids = team_db
    cli("verdict", ids[1], "confirmed", "--reviewer", "ana", "--note", "timetable", "--db", db)
    cli("verdict", ids[1], "denied", "--reviewer", "ben", "--source", "https://example.org/count", "--db", db)
    listed = [json.loads(line) for line in cli("disputes", "--json", "--db", db).out.splitlines()]
    assert [d["id"] for d in listed] == [ids[1]]
    assert [(s["reviewer"], s["label"]) for s in listed[0]["sides"]] == [
        ("ana", "confirmed"),
        ("ben", "denied"),
    ]
    assert listed[0]["sides"][1]["sources"][0]["url"] == "https://example.org/count"
    # No server configured and never synced: the local user settles their own database's disputes.
    result = cli("adjudicate", ids[1], "denied", "--note", "count wins", "--reviewer", "me", "--db", db)
    assert result.code == 0, result
    assert "consensus was disputed, is now denied" in result.out
    assert cli("disputes", "--db", db).out.strip() == "no disputed claims"


def test_stats_shows_my_work_and_the_team(cli, team_db) -> None:  # type: ignore[no-untyped-def]
    db, ids = team_db
    cli("assign", "--document", "buses.txt", "--to", "ana", "--reviewer", "root", "--db", db)
    cli("assign", "--claim", ids[0], "--claim", ids[1], "--to", "ben", "--reviewer", "judge", "--db", db)
    for cid in ids[:2]:
        cli("verdict", cid, "confirmed", "--reviewer", "ana", "--db", db)
    mine = cli("stats", "--reviewer", "ana", "--db", db).out
    assert "your work (ana)" in mine
    rows = {
        line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
        for line in cli("stats", "--team", "--db", db).out.splitlines()
        if line.count("│") == 7
    }
    assert rows["ana"][:4] == ["6", "2", "4", "2"]  # assigned, done, left, decided
    assert rows["ben"][:4] == ["2", "0", "2", "0"]
    assert rows["ana"][4].endswith("/h") and rows["ben"][4] == "-"


def test_disputes_show_the_claim_as_corrected(store: Store) -> None:
    from claimreview.corrections import payload_of
    from claimreview.sync.adjudication import conflicts

    ids = _claims(store, 2)
    store.append_event(ids[1], "ana", rules.CONFIRMED)
    store.append_event(ids[1], "ben", rules.DENIED)
    claim = store.get_claim(ids[1])
    assert claim is not None
    payload = payload_of("Transport chief", claim.start, claim.end)
    store.append_event(ids[1], "ana", rules.CORRECTED, kind=rules.CORRECTION, payload=payload)
    assert [d.claim.speaker for d in team.disputes(store)] == ["Transport chief"]
    assert [c.claim.speaker for c in conflicts(store)] == ["Transport chief"]
