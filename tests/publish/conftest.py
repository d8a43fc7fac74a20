"""Published reviews written for these tests: plain, right-to-left, hostile and incomplete ones."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimreview.cli import main
from claimreview.publish.claimreview import Evidence, PublishedReview
from claimreview.publish.settings import PublishSettings, publish_settings
from claimreview.store import Store
from export.conftest import PUBLISHING_ENV, Fixture, build_fixture

SCALE = {
    "worst": 1,
    "best": 4,
    "ratings": {
        "false": {
            "label": "False",
            "value": 1,
            "verdict": "denied",
            "description": "The evidence shows it is wrong.",
        },
        "misleading": {"label": "Misleading", "value": 2},
        "missing-context": {
            "label": "Missing context",
            "value": 3,
            "description": "Accurate as far as it goes, but leaves out what changes its meaning.",
        },
        "true": {"label": "True", "value": 4, "verdict": "confirmed"},
        "unproven": {"label": "Unproven", "verdict": "unverified"},
    },
}


def make_settings(**overrides: object) -> PublishSettings:
    values: dict[str, object] = {
        "organization_name": "Harbour Fact Desk",
        "review_base_url": "https://facts.example.org/checks",
        "organization_url": "https://facts.example.org/",
        "rating_scale": SCALE,
        "show_reviewers": True,
    }
    values.update(overrides)
    return publish_settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def settings() -> PublishSettings:
    return make_settings()


def make_reviews(settings: PublishSettings) -> list[PublishedReview]:
    scale = settings.rating_scale
    return [
        PublishedReview(
            claim_id="a1b2c3d4e5f60718",
            claim_text=(
                "The new ferry line carried more passengers in its first month than the old one did all year."
            ),
            rating=scale.find("misleading"),
            summary="Ferry line's first month beat the old line's whole year",
            explanation=(
                "The port authority's monthly figures count each leg of a return trip separately; the old "
                "line's annual report counted return tickets.\n\nCounted the same way, the new line carried "
                "about a third of the old line's yearly total."
            ),
            published_at="2026-03-04T10:15:00.000000Z",
            approved_at="2026-03-03T17:02:00.000000Z",
            first_verdict_at="2026-03-01T09:30:00.000000Z",
            speaker="Councillor Mira Okafor",
            document_title="Council meeting, 27 February: transcript",
            document_url="https://council.example.net/meetings/2026-02-27/transcript?part=2",
            document_published="2026-02-27",
            evidence=(
                Evidence(
                    url="https://port.example.net/statistics/2026/monthly-passenger-counts-january-2026-final.csv",
                    title="Port authority: monthly passenger counts, January",
                    quote="Each leg of a return journey is recorded as one passenger movement.",
                ),
                Evidence(
                    url="https://ferries.example.com/annual-report-2025.pdf", title="Old line annual report"
                ),
            ),
            reviewers=("Ana Lima", "Tomasz Nowak"),
        ),
        PublishedReview(
            claim_id="0f1e2d3c4b5a6978",
            claim_text="محطة التحلية الجديدة تنتج ضعف حاجة المدينة من المياه يومياً.",
            rating=scale.find("false"),
            summary="محطة التحلية تنتج ضعف حاجة المدينة من المياه",
            explanation="تقرير الشركة المشغلة يذكر أن الإنتاج اليومي يغطي نحو ستين بالمئة من الاستهلاك.",
            language="ar",
            published_at="2026-03-05T08:00:00.000000Z",
            approved_at="2026-03-05T07:40:00.000000Z",
            speaker="وزارة المياه",
            document_title="بيان صحفي",
            document_url="https://water.example.org/ar/press/2026/03/01",
            document_published="2026-03-01",
            evidence=(
                Evidence(
                    url="https://operator.example.org/report.pdf", title="التقرير السنوي للشركة المشغلة"
                ),
            ),
            reviewers=("ليلى حداد",),
        ),
        PublishedReview(
            # Hostile: a script-closing claim, an override that makes "gnp.exe" read "exe.png", a
            # javascript: document address and a local file as evidence.
            claim_id="ffff0000eeee1111",
            claim_text='Download the photo "\u202egnp.exe" now </script><script>alert(1)</script>',
            rating=scale.find("unproven"),
            summary="",
            explanation="<b>not bold</b> and \u2067isolated\u2069 then \u202bembedded text",
            published_at="2026-03-06T12:00:00Z",
            approved_at="2026-03-06T11:00:00Z",
            speaker="\u202eTnuocca\u202c @<img src=x onerror=alert(1)>",
            document_title="Forwarded message",
            document_url="javascript:alert(document.cookie)",
            evidence=(
                Evidence(url="/home/reviewer/Downloads/photo.exe", title="The file as received"),
                Evidence(url="file:///etc/passwd", title=""),
            ),
            reviewers=(),
        ),
        PublishedReview(
            claim_id="1234abcd5678ef90",
            claim_text="Unemployment in the region fell to its lowest level since records began in 1990.",
            rating=scale.find("missing-context"),
            summary=(
                "Regional unemployment at its lowest since records began, and it has stayed low since then"
            ),
            explanation=(
                "Lowest since 1998, when the current survey method began; earlier figures are not comparable."
            ),
            published_at="2026-02-20T15:00:00Z",
            approved_at="2026-02-20T14:00:00Z",
            speaker="Regional Development Agency",
            document_title="Quarterly bulletin",
            document_url="/srv/imports/bulletin-q4.html",
            document_published="February 18, 2026",
            first_appearance_url="https://news.example.com/2026/02/17/jobs",
            modified_at="2026-02-22T09:00:00Z",
        ),
    ]


@pytest.fixture
def reviews(settings: PublishSettings) -> list[PublishedReview]:
    return make_reviews(settings)


@pytest.fixture
def fx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    for name, value in PUBLISHING_ENV.items():
        monkeypatch.setenv(name, value)
    store = Store.open(tmp_path / "claims.db")
    return build_fixture(store)


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["claimreview", *args])
    code = 0
    try:
        main()
    except SystemExit as stopped:
        code = stopped.code if isinstance(stopped.code, int) else 0
    out, err = capsys.readouterr()
    return code, out, err
