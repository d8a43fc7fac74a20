"""The fork rule: one reviewer's verdicts made on two machines from the same state dispute the claim."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimreview import consensus as rules
from claimreview.models import NewClaim, NewDocument
from claimreview.store import Store


@dataclass
class Ev:
    id: str
    reviewer: str
    label: str
    created_at: str
    replaces: str | None = None
    kind: str = rules.REVIEW


@dataclass
class Plain:  # no id/replaces: the pre-sync shape some callers still pass
    reviewer: str
    label: str
    created_at: str
    kind: str = rules.REVIEW


def t(n: int) -> str:
    return f"2024-01-01T00:00:{n:02d}.000000Z"


def test_a_chain_is_not_a_fork() -> None:
    events = [Ev("a1", "ann", "confirmed", t(1)), Ev("a2", "ann", "denied", t(2), replaces="a1")]
    assert rules.forks(events) == {}
    assert rules.consensus(events) == rules.DENIED


def test_two_first_verdicts_from_two_machines_fork() -> None:
    events = [Ev("a1", "ann", "confirmed", t(1)), Ev("b1", "ann", "denied", t(2))]
    assert [e.id for e in rules.forks(events)["ann"]] == ["b1", "a1"]  # newest first
    assert rules.consensus(events) == rules.DISPUTED


def test_two_changes_of_the_same_previous_verdict_fork() -> None:
    events = [
        Ev("a1", "ann", "unverified", t(1)),
        Ev("a2", "ann", "confirmed", t(2), replaces="a1"),
        Ev("b2", "ann", "denied", t(3), replaces="a1"),
    ]
    assert rules.consensus(events) == rules.DISPUTED
    assert rules.current_verdicts(events)["ann"].id == "b2"  # unchanged: the latest is shown


def test_fork_with_the_same_label_is_no_conflict() -> None:
    events = [Ev("a1", "ann", "denied", t(1)), Ev("b1", "ann", "denied", t(2))]
    assert rules.forks(events) == {}
    assert rules.consensus(events) == rules.DENIED


def test_a_cleared_head_against_a_verdict_is_a_conflict() -> None:
    events = [Ev("a1", "ann", "confirmed", t(1)), Ev("b1", "ann", "cleared", t(2))]
    assert rules.consensus(events) == rules.DISPUTED


def test_an_event_replacing_every_head_resolves_the_fork() -> None:
    events = [
        Ev("a1", "ann", "confirmed", t(1)),
        Ev("b1", "ann", "denied", t(2)),
        Ev("m", "ann", "confirmed", t(3), replaces="b1 a1"),
    ]
    assert rules.forks(events) == {}
    assert [e.id for e in rules.heads(events)] == ["m"]
    assert rules.consensus(events) == rules.CONFIRMED


def test_an_event_replacing_only_one_head_does_not_resolve_it() -> None:
    # Made on a machine that had not seen the other head yet: clock order must not decide.
    events = [
        Ev("a1", "ann", "confirmed", t(1)),
        Ev("b1", "ann", "denied", t(2)),
        Ev("b2", "ann", "denied", t(3), replaces="b1"),
    ]
    assert rules.consensus(events) == rules.DISPUTED
    assert [e.id for e in rules.forks(events)["ann"]] == ["b2", "a1"]


def test_forks_of_one_reviewer_do_not_mix_with_others_or_adjudications() -> None:
    events = [
        Ev("a1", "ann", "confirmed", t(1)),
        Ev("b1", "bob", "confirmed", t(2)),
        Ev("j1", "judge", "denied", t(3), kind=rules.ADJUDICATION),
        Ev("j2", "judge2", "denied", t(4), kind=rules.ADJUDICATION),
    ]
    assert rules.forks(events) == {}


def test_adjudication_settles_a_fork() -> None:
    events = [
        Ev("a1", "ann", "confirmed", t(1)),
        Ev("b1", "ann", "denied", t(2)),
        Ev("j", "judge", "denied", t(3), kind=rules.ADJUDICATION),
    ]
    assert rules.consensus(events) == rules.DENIED


def test_records_without_ids_are_one_chain() -> None:
    events = [Plain("ann", "confirmed", t(1)), Plain("ann", "denied", t(2))]
    assert rules.forks(events) == {}
    assert rules.consensus(events) == rules.DENIED


def test_parent_ids() -> None:
    assert rules.parent_ids(None) == ()
    assert rules.parent_ids("x") == ("x",)
    assert rules.parent_ids("x y") == ("x", "y")


def test_store_appends_replacing_every_head(tmp_path: Path) -> None:
    text = "The town was surrounded. Nobody left."
    doc = NewDocument(uri="a.txt", title="a", text=text)
    with Store.open(tmp_path / "c.db") as store:
        claim = NewClaim(
            text="The town was surrounded.", start=0, end=24, score=1.0, extractor="t", extractor_version="1"
        )
        store.add_articles([(doc, [claim])])
        cid = store.list_claims()[0].id
        first = store.append_event(cid, "ann", rules.CONFIRMED)
        assert first.replaces is None
        second = store.append_event(cid, "ann", rules.UNVERIFIED)
        assert second.replaces == first.id  # the ordinary case is unchanged
        # The same reviewer's verdict from another machine, made on top of `first`, arrives by sync.
        other = {
            "id": "other-machine",
            "claim_id": cid,
            "reviewer": "ann",
            "kind": rules.REVIEW,
            "label": rules.DENIED,
            "note": "",
            "sources": [],
            "created_at": "2999-01-01T00:00:00.000000Z",
            "replaces": first.id,
            "server_seq": 7,
        }
        store.insert_events([other])
        assert store.get_claim(cid).consensus == rules.DISPUTED  # type: ignore[union-attr]
        resolved = store.append_event(cid, "ann", rules.DENIED)
        # Newest first by the shared order (consensus.log_order): the unsent local head comes after the
        # one the server acknowledged, whatever the other machine's clock said.
        assert rules.parent_ids(resolved.replaces) == (second.id, "other-machine")
        assert store.get_claim(cid).consensus == rules.DENIED  # type: ignore[union-attr]
