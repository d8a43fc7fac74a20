"""A small review database: two reviewers, an adjudicator, a disputed claim and hostile text everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from claimreview import consensus as rules
from claimreview.config import Settings
from claimreview.factchecks.parse import FactCheck
from claimreview.ids import claim_id, sha256_text
from claimreview.models import NewClaim, NewDocument, Source
from claimreview.store import Store, factchecks

SCRIPT = "<script>alert(1)</script>"
ANSI = "\x1b[31m"
HOSTILE_CLAIM = f'=HYPERLINK("http://evil.example","win") {SCRIPT} | # heading `tick` [red]x[/red] {ANSI}red'
HOSTILE_SPEAKER = f"[red]Evil[/red] | {SCRIPT} # `x`"
HOSTILE_TITLE = f"{SCRIPT} | # Title [red]loud[/red] {ANSI}"
HOSTILE_NOTE = f"{SCRIPT}\n| # =1+2 {ANSI}2J\n- not a list"

CEASEFIRE_TEXT = (
    "Talks resumed on Monday in the capital after a week of silence. "
    "The Ministry of Defence said 40 drones were shot down overnight. "
    "Officials gave no further details. "
    "Prices rose by 12% in March, according to the statistics office. "
    "The army withdrew from the town of Kovel on Sunday. "
    "Aid agencies said 3,000 families had left the region since January. "
    "Negotiators are expected to meet again next week."
)
DRONES_PUBLISHED = {
    "rating": "true",
    "summary": "Ministry: 40 drones shot down overnight",
    "explanation": "The ministry's briefing gives the same number.",
    "language": "en",
}
HOSTILE_TEXT = f"Intro line before.\n{HOSTILE_CLAIM}\nAfter the hostile claim comes more text."


def _claim(
    text: str, body: str, speaker: str | None, score: float, reasons: tuple[str, ...] = ()
) -> NewClaim:
    start = body.index(text)
    return NewClaim(
        text=text,
        start=start,
        end=start + len(text),
        speaker=speaker,
        score=score,
        reasons=list(reasons),
        extractor="test",
        extractor_version="1",
    )


@dataclass
class Fixture:
    store: Store
    db: Path
    drones: str  # confirmed by alice and bob; approved and published by erin
    prices: str  # disputed: alice confirmed, bob denied
    army: str  # unreviewed
    aid: str  # adjudicated: alice confirmed, bob denied, carol rules confirmed; not approved
    hostile: str  # denied by both, alice changed her mind once; hostile text in every field; approved
    ceasefire_doc: str
    hostile_doc: str


def build_fixture(store: Store) -> Fixture:
    ceasefire = NewDocument(
        uri="articles/ceasefire.txt",
        title="Ceasefire talks resume",
        text=CEASEFIRE_TEXT,
        publisher="Example News",
        published="2024-03-02",
        url="https://news.example.org/ceasefire",
    )
    hostile = NewDocument(
        uri="hostile.txt", title=HOSTILE_TITLE, text=HOSTILE_TEXT, url="javascript:alert(1)"
    )
    drones_text = "The Ministry of Defence said 40 drones were shot down overnight."
    prices_text = "Prices rose by 12% in March, according to the statistics office."
    army_text = "The army withdrew from the town of Kovel on Sunday."
    aid_text = "Aid agencies said 3,000 families had left the region since January."
    store.add_articles(
        [
            (
                ceasefire,
                [
                    _claim(drones_text, CEASEFIRE_TEXT, "Ministry of Defence", 0.9, ("figure", "reporting")),
                    _claim(prices_text, CEASEFIRE_TEXT, "Jane Doe", 0.8, ("figure", "named_source", "date")),
                    _claim(army_text, CEASEFIRE_TEXT, None, 0.7),
                    _claim(aid_text, CEASEFIRE_TEXT, "UNHCR", 0.6),
                ],
            ),
            (hostile, [_claim(HOSTILE_CLAIM, HOSTILE_TEXT, HOSTILE_SPEAKER, 0.5)]),
        ]
    )
    c_sha = sha256_text(CEASEFIRE_TEXT)
    h_sha = sha256_text(HOSTILE_TEXT)

    def cid(sha: str, body: str, text: str) -> str:
        start = body.index(text)
        return claim_id(sha, start, start + len(text))

    fx = Fixture(
        store=store,
        db=store.path,
        drones=cid(c_sha, CEASEFIRE_TEXT, drones_text),
        prices=cid(c_sha, CEASEFIRE_TEXT, prices_text),
        army=cid(c_sha, CEASEFIRE_TEXT, army_text),
        aid=cid(c_sha, CEASEFIRE_TEXT, aid_text),
        hostile=cid(h_sha, HOSTILE_TEXT, HOSTILE_CLAIM),
        ceasefire_doc=c_sha[:16],
        hostile_doc=h_sha[:16],
    )
    mod = Source("https://mod.example.gov/briefing", "MoD briefing", "40 drones were destroyed")
    store.append_event(fx.drones, "alice", rules.CONFIRMED, note="Matches the briefing.", sources=[mod])
    store.append_event(fx.drones, "bob", rules.CONFIRMED)
    store.append_event(
        fx.prices,
        "alice",
        rules.CONFIRMED,
        note="Stats office release",
        sources=[Source("https://stats.example.org/cpi", "CPI March", "prices +12%")],
    )
    store.append_event(fx.prices, "bob", rules.DENIED, note="The release says 1.2%")
    store.append_event(fx.aid, "alice", rules.CONFIRMED)
    store.append_event(fx.aid, "bob", rules.DENIED)
    store.append_event(fx.aid, "carol", rules.CONFIRMED, kind=rules.ADJUDICATION, note="UNHCR figures agree")
    store.append_event(fx.hostile, "alice", rules.UNVERIFIED, note="first look")
    store.append_event(
        fx.hostile,
        "alice",
        rules.DENIED,
        note=HOSTILE_NOTE,
        sources=[
            Source("https://evidence.example/a", f"<img src=x onerror=alert(1)> {SCRIPT}", "`q` | # =2")
        ],
    )
    store.append_event(fx.hostile, "bob", rules.DENIED, sources=[Source("javascript:alert(1)", "bad link")])
    # The editorial step: drones approved and published by an editor, hostile approved only, aid neither.
    store.append_event(fx.drones, "erin", rules.APPROVED, kind=rules.EDITORIAL)
    store.append_event(fx.drones, "erin", rules.PUBLISHED, kind=rules.EDITORIAL, payload=DRONES_PUBLISHED)
    store.append_event(fx.hostile, "erin", rules.APPROVED, kind=rules.EDITORIAL)
    # Published fact-checks that the drones and prices claims were matched with (stored directly, so the
    # files do not depend on the matcher's scores); one publisher name and one url are hostile.
    factchecks.import_factchecks(
        store,
        [
            FactCheck(
                url="https://verify.example/drones-overnight",
                claim_reviewed="Forty drones were downed overnight, the defence ministry says.",
                headline="Yes, 40 drones were shot down",
                rating="True",
                publisher="[Verify] *Desk* <b>",
                date_published="2024-03-03",
            ),
            FactCheck(
                url="https://checks.example/cpi?<script>",
                claim_reviewed="Prices went up 12 percent in March.",
                rating="False: it was 1.2%",
                publisher="Stats Check",
            ),
        ],
    )
    factchecks.replace_matches(
        store,
        {
            fx.drones: [("https://verify.example/drones-overnight", 0.81)],
            fx.prices: [("https://checks.example/cpi?<script>", 0.62)],
        },
        everything=False,
        generation=1,
        version="fixture",
        through=0,
    )
    return fx


@pytest.fixture
def fx(store: Store) -> Fixture:
    return build_fixture(store)


@pytest.fixture
def settings() -> Settings:
    return Settings(
        organization_name="Example Checks",
        organization_url="https://checks.example.org",
        review_base_url="https://checks.example.org/reviews/",
    )


PUBLISHING_ENV = {
    "CLAIMREVIEW_ORGANIZATION_NAME": "Example Checks",
    "CLAIMREVIEW_REVIEW_BASE_URL": "https://checks.example.org/reviews/",
}


@pytest.fixture
def publishing_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The organisation's settings as a user sets them, for commands that publish."""
    for name, value in PUBLISHING_ENV.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def export_text(fx: Fixture, settings: Settings):  # type: ignore[no-untyped-def]
    """export_text(fmt, **filters) -> (text, summary), written to a string instead of a file."""
    import io

    from claimreview.export import ExportFilters
    from claimreview.publish.export import write_export

    def run(fmt: str, **filters: str) -> tuple[str, object]:
        buffer = io.StringIO(newline="")
        summary = write_export(fx.store, fmt, None, ExportFilters(**filters), settings, stream=buffer)
        return buffer.getvalue(), summary

    return run


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite tests/export/golden/* from the current exports (review the diff before committing)",
    )
