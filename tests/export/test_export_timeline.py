"""The Time section's timeline: consensus changes and settled disputes, newest first, bounded, escaped."""

from __future__ import annotations

import re
from itertools import count

from claimreview import consensus as rules
from claimreview.export.report import build_report
from claimreview.export.timeline import build_timeline
from claimreview.export.timing import build_timing
from claimreview.store import Store

from .conftest import Fixture

_ids = count(1)


def at(minute: int) -> str:
    """``minute`` minutes after 2030-11-02 14:00 (later than the fixture's own events)."""
    hours, minutes = divmod(minute, 60)
    return f"2030-11-02T{14 + hours:02d}:{minutes:02d}:00.000000Z"


def event(
    store: Store,
    claim: str,
    who: str,
    label: str,
    minute: int,
    *,
    kind: str = rules.REVIEW,
    replaces: str | None = None,
) -> str:
    """Insert one event at a chosen time (``replaces``: the author's previous event of that kind)."""
    event_id = f"t{next(_ids)}"
    store.insert_events(
        [
            {
                "id": event_id,
                "claim_id": claim,
                "reviewer": who,
                "kind": kind,
                "label": label,
                "note": "",
                "sources": [],
                "created_at": at(minute),
                "replaces": replaces,
                "server_seq": None,
            }
        ]
    )
    return event_id


def test_changes_and_a_settled_dispute_with_who_and_how_long(fx: Fixture) -> None:
    event(fx.store, fx.army, "dana", rules.CONFIRMED, 5)
    event(fx.store, fx.army, "eli", rules.DENIED, 20)  # disputed from 14:20
    event(fx.store, fx.army, "judge", rules.DENIED, 95, kind=rules.ADJUDICATION)  # settled at 15:35
    timeline = build_timing(build_report(fx.store)).timeline
    army = [c for c in timeline.changes if c.claim_id == fx.army]
    assert [(c.at[11:16], c.before, c.after, c.by, c.how) for c in army] == [
        ("15:35", rules.DISPUTED, rules.DENIED, "judge", "adjudication"),
        ("14:20", rules.CONFIRMED, rules.DISPUTED, "eli", "verdict"),
        ("14:05", rules.UNREVIEWED, rules.CONFIRMED, "dana", "verdict"),
    ]
    # Newest first over every claim: the army's changes (2030) come before the fixture's.
    assert [c.claim_id for c in timeline.changes[:3]] == [fx.army] * 3
    settled = [c for c in timeline.settled if c.claim_id == fx.army]
    assert len(settled) == 1 and settled[0].open_for == "1 h 15 min" and settled[0].role == "adjudicator"
    # The fixture's aid claim was settled too; prices is disputed still.
    assert timeline.settled_total == 2 and timeline.still_open == 1


def test_a_reviewer_who_changes_or_withdraws_a_verdict_settles_it_as_a_reviewer(fx: Fixture) -> None:
    event(fx.store, fx.army, "dana", rules.CONFIRMED, 0)
    first = event(fx.store, fx.army, "eli", rules.DENIED, 10)
    event(fx.store, fx.army, "eli", rules.CONFIRMED, 40, replaces=first)
    timeline = build_timing(build_report(fx.store)).timeline
    latest = timeline.changes[0]
    assert (latest.before, latest.after, latest.by, latest.role, latest.withdrawn) == (
        rules.DISPUTED,
        rules.CONFIRMED,
        "eli",
        "reviewer",
        False,
    )
    assert latest.open_for == "30 min 0 s"
    # prices is disputed (alice confirmed, bob denied); bob withdraws his verdict.
    fx.store.append_event(fx.prices, "bob", rules.CLEARED)
    timeline = build_timing(build_report(fx.store)).timeline
    prices = next(c for c in timeline.settled if c.claim_id == fx.prices)
    assert (prices.after, prices.by, prices.withdrawn) == (rules.CONFIRMED, "bob", True)


def test_a_change_to_a_published_review_is_flagged(fx: Fixture) -> None:
    # drones: confirmed by alice and bob, published by erin; now carol denies it.
    fx.store.append_event(fx.drones, "carol", rules.DENIED)
    timeline = build_timing(build_report(fx.store)).timeline
    drones = [c for c in timeline.changes if c.claim_id == fx.drones]
    assert (drones[0].before, drones[0].after, drones[0].published) == (
        rules.CONFIRMED,
        rules.DISPUTED,
        True,
    )
    assert drones[1].published is False  # its first consensus came before publication


def test_a_big_history_shows_the_latest_entries_and_counts_the_rest(fx: Fixture) -> None:
    report = build_report(fx.store)
    assert build_timing(report).timeline.more_changes == 0  # the fixture's 8 changes fit the default
    everything = build_timeline(report, _steps(report), limit=1000)
    cut = build_timeline(report, _steps(report), limit=3)
    assert len(everything.changes) == 8
    assert len(cut.changes) == 3 and cut.more_changes == 5
    assert cut.changes == everything.changes[:3]  # the newest three


def _steps(report):  # type: ignore[no-untyped-def]
    from claimreview.export.timeline import consensus_steps

    return {c.id: consensus_steps(c.events) for c in report.claims}


def test_reports_cut_the_list_and_say_how_many_more(fx: Fixture, export_text, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import claimreview.export.timeline as timeline

    monkeypatch.setattr(timeline, "LIMIT", 2)
    md, _ = export_text("md")
    section = md.split("### Timeline of consensus changes")[1].split("### Settled disputes")[0]
    assert "the latest 2 of 8 changes (6 earlier ones are in each claim's history below)" in section
    assert len(re.findall(r"^- ", section, re.M)) == 2
    html, _ = export_text("html")
    listed = html.split('<ol class="timeline">')[1].split("</ol>")[0]
    assert listed.count("<li") == 2 and "the latest 2 of 8 changes" in html


HOSTILE_NAME = "\u202eevil\u202c <b>judge</b> | # [x]"
RTL_CLAIM = "قال الوزير إن الأسعار ارتفعت \u202e12% <script>x</script>"


def test_names_and_claims_in_the_timeline_are_isolated_and_inert(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    with fx.store.session() as session:  # an imported claim in Arabic with an override inside
        from sqlalchemy import text

        session.execute(text("UPDATE claim SET text = :t WHERE id = :id"), {"t": RTL_CLAIM, "id": fx.army})
        session.commit()
    event(fx.store, fx.army, "dana", rules.CONFIRMED, 0)
    event(fx.store, fx.army, "eli", rules.DENIED, 10)
    event(fx.store, fx.army, HOSTILE_NAME, rules.DENIED, 30, kind=rules.ADJUDICATION)
    html, _ = export_text("html")
    section = html.split('<section id="time">')[1].split("</section>")[0]
    assert "\u202e" not in section and "\u202c" not in section
    assert "<b>judge" not in section and "<script>x" not in section
    assert '<bdi class="name">evil &lt;b&gt;judge&lt;/b&gt; | # [x]</bdi>' in section
    assert re.search(r'<bdi class="what">قال الوزير إن الأسعار ارتفعت 12% &lt;script&gt;', section)
    md, _ = export_text("md")
    time_md = md.split("### Timeline of consensus changes")[1].split("## Claims")[0]
    assert "\u202e" not in time_md and "<b>" not in time_md and "<script>" not in time_md
    name = "evil \\<b\\>judge\\</b\\> \\| \\# \\[x\\]"
    assert f"settled by adjudicator **{name}**, disputed for 20 min 0 s" in time_md
    for row in time_md.splitlines():
        if row.startswith("| 2030"):
            assert len(re.findall(r"(?<!\\)\|", row)) == 6, row  # five cells, nothing split them


def test_steps_agree_with_the_consensus_rule_on_random_histories() -> None:
    """consensus_steps keeps the consensus up event by event; consensus.consensus of every prefix of
    the log is the rule it must follow, forks (two machines) and withdrawn verdicts included."""
    import random

    from claimreview.export.report import EventRecord
    from claimreview.export.timeline import consensus_steps

    rng = random.Random(13)
    kinds = (rules.REVIEW, rules.REVIEW, rules.REVIEW, rules.ADJUDICATION, rules.EDITORIAL)
    for _ in range(3000):
        history: list[EventRecord] = []
        heads: dict[str, list[str]] = {}
        for i in range(rng.randint(1, 8)):
            who = rng.choice(("ann", "ben", "cy"))
            kind = rng.choice(kinds)
            labels = rules.KIND_LABELS[kind]
            mine = heads.get(f"{who}/{kind}", [])
            # the previous event (a chain), an older one (a fork from another machine), all heads, none
            parents = rng.choice([mine[-1:], mine[:1], mine, []])
            event_id = f"e{i}"
            heads[f"{who}/{kind}"] = [*mine, event_id]
            history.append(
                EventRecord(
                    event_id,
                    "c",
                    who,
                    kind,
                    rng.choice(labels),
                    "",
                    "[]",
                    "{}",
                    f"2024-01-01T00:00:0{i}.000000Z",
                    " ".join(parents) or None,
                )
            )
        expected: list[str] = []
        last = rules.UNREVIEWED
        for n in range(1, len(history) + 1):
            now = rules.consensus(history[:n])
            if now != last:
                expected.append(now)
                last = now
        assert [step.after for step in consensus_steps(history)] == expected, history
