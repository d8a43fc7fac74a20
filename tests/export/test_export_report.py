"""The report model: selection by filters, current verdicts, history and the summary."""

from __future__ import annotations

import pytest

from claimreview import consensus as rules
from claimreview.errors import ClaimreviewError, InputError
from claimreview.export import ExportFilters, build_report
from claimreview.models import NewClaim, NewDocument
from claimreview.store import Store

from .conftest import Fixture


def ids(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.id for c in report.claims]


def test_claims_come_in_reading_order_with_consensus_and_current_verdicts(fx: Fixture) -> None:
    report = build_report(fx.store)
    assert ids(report) == [fx.drones, fx.prices, fx.army, fx.aid, fx.hostile]
    by_id = {c.id: c for c in report.claims}
    assert by_id[fx.prices].consensus == rules.DISPUTED
    assert {k: v.label for k, v in by_id[fx.prices].verdicts.items()} == {
        "alice": "confirmed",
        "bob": "denied",
    }
    # alice changed her mind: the current verdict is the later one, the history keeps both.
    hostile = by_id[fx.hostile]
    assert hostile.verdicts["alice"].label == rules.DENIED
    assert [e.label for e in hostile.events if e.reviewer == "alice"] == ["unverified", "denied"]
    assert by_id[fx.aid].adjudication is not None and by_id[fx.aid].adjudication.reviewer == "carol"
    assert by_id[fx.army].verdicts == {} and by_id[fx.army].events == []
    assert report.reviewers == ["alice", "bob"]  # carol only adjudicated


def test_summary_counts(fx: Fixture) -> None:
    s = build_report(fx.store).summary
    assert s.total == 5
    assert s.by_consensus == {
        "unreviewed": 1,
        "confirmed": 2,
        "denied": 1,
        "unverified": 0,
        "not_checkworthy": 0,
        "disputed": 1,
    }
    assert [(d.document.id, d.total) for d in s.documents] == [(fx.ceasefire_doc, 4), (fx.hostile_doc, 1)]
    assert [(r.reviewer, r.verdicts, r.events) for r in s.reviewers] == [("alice", 4, 5), ("bob", 4, 4)]
    assert [c.id for c in s.disputed] == [fx.prices]
    assert s.adjudicated == 1
    assert s.agreement.units == 4
    assert s.agreement.percent == pytest.approx(50.0)
    assert s.agreement.alpha == pytest.approx(0.125)


def test_filters_combine(fx: Fixture) -> None:
    store = fx.store
    assert ids(build_report(store, ExportFilters(status="confirmed"))) == [fx.drones, fx.aid]
    assert ids(build_report(store, ExportFilters(reviewer="bob"))) == [
        fx.drones,
        fx.prices,
        fx.aid,
        fx.hostile,
    ]
    assert ids(build_report(store, ExportFilters(reviewer="carol"))) == []  # adjudication is not a review
    by_prefix = build_report(store, ExportFilters(document=fx.hostile_doc[:6]))
    assert ids(by_prefix) == [fx.hostile]
    by_uri = build_report(
        store, ExportFilters(document="articles/ceasefire.txt", status="confirmed", reviewer="bob")
    )
    assert ids(by_uri) == [fx.drones, fx.aid]  # aid: bob denied, but carol's ruling confirmed it
    assert [d.id for d in by_uri.documents] == [fx.ceasefire_doc]
    assert ids(build_report(store, ExportFilters(document="hostile.txt", status="confirmed"))) == []


def test_reviewer_filter_means_a_current_verdict(fx: Fixture) -> None:
    fx.store.append_event(fx.drones, "bob", rules.CLEARED)
    assert fx.drones not in ids(build_report(fx.store, ExportFilters(reviewer="bob")))
    assert fx.drones in ids(build_report(fx.store, ExportFilters(reviewer="alice")))


def test_empty_selection_is_a_valid_empty_report(fx: Fixture) -> None:
    report = build_report(fx.store, ExportFilters(status="unverified"))
    assert report.empty and report.claims == [] and report.documents == []
    assert report.summary.total == 0
    assert "no claims match" in report.empty_message() and "unverified" in report.empty_message()


def test_bad_filters_are_input_errors(fx: Fixture) -> None:
    with pytest.raises(InputError, match="unknown status 'maybe'"):
        build_report(fx.store, ExportFilters(status="maybe"))
    with pytest.raises(ClaimreviewError, match="no document"):
        build_report(fx.store, ExportFilters(document="nope"))


def test_context_is_cut_at_words_and_marks_truncation(store: Store) -> None:
    words = " ".join(f"word{i}" for i in range(200))
    claim = "This is the claim."
    text = f"{words} {claim} {words}"
    start = text.index(claim)
    store.add_articles(
        [
            (
                NewDocument(uri="long.txt", title="Long", text=text),
                [
                    NewClaim(
                        text=claim,
                        start=start,
                        end=start + len(claim),
                        score=0.5,
                        extractor="t",
                        extractor_version="1",
                    )
                ],
            )
        ]
    )
    before, after = build_report(store).claims[0].context
    assert before.startswith("… word") and before.endswith("word199 ")
    assert after.startswith(" word0") and after.endswith(" …")
    assert 150 < len(before) < 215 and 150 < len(after) < 215
    assert not before[2:].startswith(("ord", "rd", "d")) and after[-3] == str(after[-3])  # whole words


def test_a_fork_explains_the_dispute(fx: Fixture) -> None:
    same = "2024-05-01T10:00:00.000000Z"
    fork = {"claim_id": fx.drones, "reviewer": "erin", "kind": "review", "note": "", "sources": []}
    fx.store.insert_events(
        [
            {**fork, "id": "f-1", "label": "confirmed", "created_at": same, "replaces": None},
            {**fork, "id": "f-2", "label": "denied", "created_at": same, "replaces": None},
        ]
    )
    drones = build_report(fx.store).claims[0]
    assert drones.consensus == rules.DISPUTED
    assert drones.dispute == [
        "alice: confirmed",
        "bob: confirmed",
        "erin: denied / confirmed (conflicting verdicts from two machines)",
    ]


def test_standing_agrees_with_the_consensus_rules() -> None:
    """The report's one-pass reading of a history gives what consensus.py says, on random histories."""
    import random

    from claimreview.export.report import EventRecord, standing

    rng = random.Random(5)
    for _ in range(2000):
        history = [
            EventRecord(
                f"e{i}",
                "c",
                rng.choice(("ann", "ben", "cy")),
                rng.choice((rules.REVIEW, rules.REVIEW, rules.ADJUDICATION)),
                rng.choice(rules.EVENT_LABELS),
                "",
                "[]",
                "{}",
                f"2024-01-01T00:00:0{rng.randint(0, 3)}.000000Z",  # many equal times: log order decides
                None,
            )
            for i in range(rng.randint(1, 7))
        ]
        history.sort(key=lambda e: e.created_at)  # as build_report hands it over
        current, ruling = standing(history)
        assert current == rules.current_verdicts(history)
        assert ruling == rules.latest_adjudication(history)


def test_the_records_read_the_columns_the_models_define() -> None:
    """A field added to a model family reaches the report query; this fails until the record has it."""
    from dataclasses import fields

    from claimreview.export.report import ClaimRecord, DocumentRecord, EventRecord
    from claimreview.models import CLAIM_FIELDS, EVENT_FIELDS
    from claimreview.store.reports import CLAIM_COLUMNS, DOCUMENT_COLUMNS, EVENT_COLUMNS

    def stored(names: tuple[str, ...]) -> list[str]:
        return [name.removesuffix("_json") for name in names]

    claim_part = ClaimRecord._fields[: ClaimRecord._fields.index("document")]
    assert stored(claim_part) == list(CLAIM_COLUMNS)
    assert set(CLAIM_FIELDS) <= set(CLAIM_COLUMNS)
    assert stored(EventRecord._fields) == list(EVENT_COLUMNS) == list(EVENT_FIELDS)
    assert [f.name for f in fields(DocumentRecord)] == list(DOCUMENT_COLUMNS)
