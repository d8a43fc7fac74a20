"""A desk through a real server: three reviewers, an adjudicator and an admin. A reviewer's article, the
admin's assignment, independent double review (blind until one's own verdict), a dispute settled offline;
and, on a server where only admins publish, the inbox."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from liveserver import FLOW_BACKENDS, add_account, running_server, sample_articles

from claimreview import consensus as rules
from claimreview import teamwork
from claimreview.store import Store, team
from claimreview.sync.client import SyncClient
from claimreview.sync.run import SyncReport, run_sync

PEOPLE = ("root", "judge", "ana", "ben", "cy")
ROLES = {"root": "admin", "judge": "adjudicator"}


def _sync(store: Store, url: str, token: str) -> SyncReport:
    with SyncClient(url, token, retries=2) as client:
        return run_sync(store, client)


def _ids(out: str) -> list[str]:
    return [json.loads(line)["id"] for line in out.splitlines()]


@pytest.mark.parametrize("backend_db", FLOW_BACKENDS, indirect=True)
def test_assignment_double_review_dispute_and_offline_settlement(  # type: ignore[no-untyped-def]
    backend_db: str, tmp_path: Path, cli
) -> None:
    tokens = {name: add_account(backend_db, name, ROLES.get(name, "reviewer")) for name in PEOPLE}
    dbs = {name: tmp_path / f"{name}.db" for name in PEOPLE}
    stores = {name: Store.open(path) for name, path in dbs.items()}
    try:
        with running_server(backend_db, tmp_path) as server:

            def sync(name: str) -> SyncReport:
                return _sync(stores[name], server.url, tokens[name])

            # A reviewer adds an article; reviewers publish by default, and the sync says so.
            stores["ana"].add_articles(sample_articles(documents=1, claims_per_document=6, tag="t"))
            report = sync("ana")
            assert (report.published_documents, report.published_claims) == (1, 6)
            assert "published 1 document(s) and 6 claim(s)" in report.summary()
            for name in PEOPLE:
                sync(name)
            ids = [row.id for row in stores["root"].list_claims()]
            assert len(ids) == 6

            # A reviewer may not assign: refused at once, since the last sync told this database the role.
            refused = cli("assign", "--claim", ids[0], "--to", "ben", "--reviewer", "ana", "--db", dbs["ana"])
            assert refused.code == 2 and "ana is a reviewer" in refused.err
            # Recorded anyway (a script on another database): the sync keeps it back and says why.
            with Store.open(tmp_path / "cy-script.db") as script:
                _sync(script, server.url, tokens["cy"])
                script.append_event(
                    ids[0], "cy", rules.ASSIGNED, kind=rules.ASSIGNMENT, payload={"to": ["cy"]}
                )
                line = _sync(script, server.url, tokens["cy"]).summary()
            assert "1 event(s) kept back: assignment events need an account with the role adjudicator" in line

            # The admin spreads the claims, two reviewers each, and sends the assignments.
            result = cli(
                "assign", "--auto", "--per-claim", "2", "--to", "ana,ben,cy", "--reviewer", "root",
                "--db", dbs["root"],
            )  # fmt: skip
            assert result.code == 0, result
            assert sync("root").pushed == 6
            for name in ("ana", "ben", "cy"):
                sync(name)
            mine = {
                name: _ids(
                    cli(
                        "claims", "--assigned-to", name, "--undecided-by", name, "--json", "--db", dbs[name]
                    ).out
                )
                for name in ("ana", "ben", "cy")
            }
            assert sorted(len(v) for v in mine.values()) == [4, 4, 4]  # 6 claims x 2 over 3 people
            assert sorted(c for v in mine.values() for c in v) == sorted(ids * 2)

            # Double review: the first reviewer of each claim goes; the second cannot see that verdict yet.
            first_of = {cid: min(n for n in mine if cid in mine[n]) for cid in ids}
            second_of = {cid: max(n for n in mine if cid in mine[n]) for cid in ids}
            for cid, name in first_of.items():
                stores[name].append_event(cid, name, rules.CONFIRMED, note=f"{name} checked the register")
            for name in ("ana", "ben", "cy"):
                sync(name)
            for name in ("ana", "ben", "cy"):
                sync(name)
            contested = ids[0]
            second = second_of[contested]
            history = stores[second].events_for_claim(contested)
            assert any(e.reviewer == first_of[contested] and e.kind == rules.REVIEW for e in history)
            assert teamwork.is_blind(history, second)
            assert all(e.reviewer != first_of[contested] for e in teamwork.visible_events(history, second))

            # The second reviewers decide; one disagrees.
            for cid, name in second_of.items():
                label = rules.DENIED if cid == contested else rules.CONFIRMED
                stores[name].append_event(cid, name, label, note=f"{name}: see the operator's figures")
            assert not teamwork.is_blind(stores[second].events_for_claim(contested), second)
            for _round in range(2):
                for name in ("ana", "ben", "cy"):
                    sync(name)
            for name in ("ana", "ben", "cy"):
                left = cli(
                    "claims", "--assigned-to", name, "--undecided-by", name, "--json", "--db", dbs[name]
                )
                assert left.out == ""  # everyone's queue is done

            # The adjudicator syncs, then settles the dispute offline (no server in between).
            sync("judge")
            queue = [
                json.loads(line) for line in cli("disputes", "--json", "--db", dbs["judge"]).out.splitlines()
            ]
            assert [d["id"] for d in queue] == [contested]
            assert {(s["reviewer"], s["label"]) for s in queue[0]["sides"]} == {
                (first_of[contested], rules.CONFIRMED),
                (second, rules.DENIED),
            }
            assert all(s["note"] for s in queue[0]["sides"])
            settled = cli(
                "adjudicate", contested, "denied", "--note", "the operator's count is the record",
                "--reviewer", "judge", "--db", dbs["judge"],
            )  # fmt: skip
            assert settled.code == 0, settled
            # A reviewer cannot do the same, even offline.
            refused = cli("adjudicate", contested, "confirmed", "--reviewer", "ben", "--db", dbs["ben"])
            assert (
                refused.code == 2 and "adjudication events need the role adjudicator or admin" in refused.err
            )

            assert sync("judge").pushed == 1
            for name in ("root", "ana", "ben", "cy"):
                sync(name)
                claim = stores[name].get_claim(contested)
                assert claim is not None and claim.consensus == rules.DENIED, name
                assert stores[name].count_claims(status=rules.DISPUTED) == 0

            # The admin's view of the team: everyone's work assigned and done.
            figures = {f.name: f for f in team.team_figures(stores["root"], ["ana", "ben", "cy"])}
            assert {n: (f.assigned, f.done, f.left) for n, f in figures.items()} == dict.fromkeys(
                ("ana", "ben", "cy"), (4, 4, 0)
            )
            assert all(f.pace is not None and f.pace > 0 for f in figures.values())
    finally:
        for store in stores.values():
            store.close()


@pytest.mark.parametrize("backend_db", FLOW_BACKENDS, indirect=True)
def test_only_admins_publish_then_reviewers_documents_wait_in_the_inbox(  # type: ignore[no-untyped-def]
    backend_db: str, tmp_path: Path, cli
) -> None:
    tokens = {name: add_account(backend_db, name, ROLES.get(name, "reviewer")) for name in ("root", "ana")}
    ana = Store.open(tmp_path / "ana.db")
    root = Store.open(tmp_path / "root.db")
    try:
        with running_server(backend_db, tmp_path, "--no-reviewers-publish") as server:
            ana.add_articles(sample_articles(documents=1, claims_per_document=3, tag="i"))
            cid = ana.list_claims()[0].id
            ana.append_event(cid, "ana", rules.CONFIRMED)
            report = _sync(ana, server.url, tokens["ana"])
            assert (report.published_documents, report.queued_documents, report.pushed) == (0, 1, 0)
            line = report.summary()
            assert "1 document(s) wait in the admins' inbox" in line
            assert "claimreview server inbox / accept" in line
            assert (
                "1 event(s) kept back: claim is not on the server (its document waits in the admins' inbox)"
                in line
            )
            # Sending again does not make a second entry.
            assert _sync(ana, server.url, tokens["ana"]).waiting_documents == 1
            assert _sync(root, server.url, tokens["root"]).pulled_documents == 0

            listed = cli("server", "inbox", "--db", backend_db)
            assert listed.code == 0 and "Article i0" in listed.out and "ana" in listed.out
            accepted = cli("server", "accept", "1", "--db", backend_db)
            assert accepted.code == 0 and "published 1 document(s) and 3 claim(s)" in accepted.out
            assert cli("server", "accept", "1", "--db", backend_db).err.strip().endswith("already accepted")
            assert "the inbox is empty" in cli("server", "inbox", "--db", backend_db).out

            report = _sync(ana, server.url, tokens["ana"])
            assert report.pushed == 1 and not report.rejected
            assert _sync(root, server.url, tokens["root"]).pulled_events == 1
            assert root.get_claim(cid) is not None
    finally:
        ana.close()
        root.close()
