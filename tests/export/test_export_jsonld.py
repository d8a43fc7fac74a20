"""`export --format claimreview`: the published reviews only, built as on the site, field by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimreview import consensus as rules
from claimreview.config import Settings
from claimreview.errors import InputError
from claimreview.export.jsonld import pretty_json, speaker_type
from claimreview.models import Source
from claimreview.publish.export import write_export
from publish.jsonld_check import SCHEMA, citation_problems, dropped_terms, expand, google_problems, value

from .conftest import Fixture


def reviews(text: str) -> dict[str, dict]:  # type: ignore[type-arg]
    data = json.loads(text)
    assert isinstance(data, list)
    return {r["url"].rsplit("/", 1)[1].removesuffix(".html"): r for r in data}


def publish(fx: Fixture, claim: str, **payload: str) -> None:
    fx.store.append_event(claim, "erin", rules.APPROVED, kind=rules.EDITORIAL)
    fx.store.append_event(claim, "erin", rules.PUBLISHED, kind=rules.EDITORIAL, payload=payload)


def test_only_published_reviews_are_listed(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    text, summary = export_text("claimreview")
    assert set(reviews(text)) == {fx.drones}  # aid is settled but not approved, hostile approved only
    assert summary.written == 1
    assert summary.left_out == {"unpublished": 2, "unreviewed": 1, "disputed": 1}
    assert summary.warnings[0] == (
        "left out 4 claim(s) that are not published reviews: 2 unpublished, 1 unreviewed, 1 disputed"
    )


def test_publishing_then_clearing_takes_a_review_out(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    publish(fx, fx.aid, rating="true")
    assert set(reviews(export_text("claimreview")[0])) == {fx.drones, fx.aid}
    fx.store.append_event(fx.aid, "erin", rules.CLEARED, kind=rules.EDITORIAL)
    assert set(reviews(export_text("claimreview")[0])) == {fx.drones}


def test_fields_of_a_published_review(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    review = reviews(export_text("claimreview")[0])[fx.drones]
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["url"] == f"https://checks.example.org/reviews/review/{fx.drones}.html"
    assert review["claimReviewed"] == "Ministry: 40 drones shot down overnight"  # the editor's summary
    assert review["reviewBody"] == "The ministry's briefing gives the same number."
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 3,
        "bestRating": 3,
        "worstRating": 1,
        "name": "True",
        "alternateName": "True",
    }
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "Ministry of Defence"}
    assert item["appearance"]["url"] == "https://news.example.org/ceasefire"
    assert review["author"] == {
        "@type": "Organization",
        "name": "Example Checks",
        "url": "https://checks.example.org",
    }
    published = fx.store.latest_event(fx.drones, "erin", kind=rules.EDITORIAL)
    assert published is not None and review["datePublished"] == published.created_at[:10]
    assert review["citation"] == [
        {"@type": "CreativeWork", "url": "https://mod.example.gov/briefing", "name": "MoD briefing"}
    ]


def test_a_file_path_or_script_address_is_never_an_appearance(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    publish(fx, fx.hostile, rating="false")  # its document's url is javascript:, its uri a file name
    text, summary = export_text("claimreview")
    hostile = reviews(text)[fx.hostile]
    assert "appearance" not in hostile["itemReviewed"]
    assert "javascript" not in text and "hostile.txt" not in text
    assert "1 review(s): the document has no http(s) address (no appearance)" in summary.warnings
    # bob's javascript: evidence is not cited; alice's https one is
    assert [c["url"] for c in hostile["citation"]] == ["https://evidence.example/a"]


def test_unverified_is_not_a_number_on_the_true_false_scale(fx: Fixture, export_text, settings) -> None:  # type: ignore[no-untyped-def]
    fx.store.append_event(fx.prices, "alice", rules.UNVERIFIED)
    fx.store.append_event(fx.prices, "bob", rules.UNVERIFIED)
    fx.store.append_event(fx.prices, "erin", rules.APPROVED, kind=rules.EDITORIAL)
    # The built-in scale maps nothing to unverified: a stored rating it does not have is left out, named.
    fx.store.append_event(
        fx.prices, "erin", rules.PUBLISHED, kind=rules.EDITORIAL, payload={"rating": "unverified"}
    )
    text, summary = export_text("claimreview")
    assert fx.prices not in reviews(text)
    assert any("unknown rating 'unverified'" in w for w in summary.warnings)
    # A scale that has an off-scale "Unproven" publishes it without numbers.
    settings.rating_scale = {
        "worst": 1,
        "best": 2,
        "ratings": {
            "false": {"label": "False", "value": 1, "verdict": "denied"},
            "true": {"label": "True", "value": 2, "verdict": "confirmed"},
            "unverified": {"label": "Unproven", "verdict": "unverified"},
        },
    }
    review = reviews(export_text("claimreview")[0])[fx.prices]
    assert review["reviewRating"] == {"@type": "Rating", "name": "Unproven", "alternateName": "Unproven"}
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Jane Doe"}


def test_without_the_organisation_nothing_is_written(fx: Fixture, tmp_path: Path) -> None:
    out = tmp_path / "reviews.json"
    with pytest.raises(InputError, match="field 'organization_name': not set"):
        write_export(fx.store, "claimreview", out, settings=Settings())
    with pytest.raises(InputError, match="field 'review_base_url': not set"):
        write_export(fx.store, "claimreview", out, settings=Settings(organization_name="Desk"))
    assert not out.exists()


def test_the_export_package_alone_refuses_claimreview(fx: Fixture, settings: Settings) -> None:
    import io

    from claimreview.export import build_report, write_report

    out = io.StringIO()
    with pytest.raises(InputError, match=r"claimreview\.publish\.export\.write_export"):
        write_report(build_report(fx.store), "claimreview", out, settings)  # no ClaimReview writer given
    assert out.getvalue() == ""


def test_safe_to_embed_in_a_script_element(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    publish(fx, fx.hostile, rating="false")
    text, _ = export_text("claimreview")
    assert "<" not in text and ">" not in text and "</script" not in text.lower()
    assert "\\u003cscript\\u003e" in text


def test_empty_selection_is_an_empty_array(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    text, summary = export_text("claimreview", status="unverified")
    assert json.loads(text) == []
    assert summary.warnings == ["no claims match the filters (consensus is unverified); the report is empty"]
    text, summary = export_text("claimreview", status="unreviewed")
    assert json.loads(text) == []
    assert summary.warnings == ["left out 1 claim(s) that are not published reviews: 1 unreviewed"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jane Doe", "Person"),
        ("JOHN SMITH", "Person"),
        ("Vladimir Putin", "Person"),
        ("Ministry of Defence", "Organization"),
        ("Syrian Observatory for Human Rights", "Organization"),
        ("Wagner Group", "Organization"),
        ("Reuters", "Organization"),
        ("Interfax", "Organization"),
        ("Armed Forces of Ukraine", "Organization"),
        ("UNHCR", "Organization"),
        ("NATO", "Organization"),
        ("the EU", "Organization"),
        ("Security Council", "Organization"),
        ("BBC News", "Organization"),
    ],
)
def test_speaker_type(name: str, expected: str) -> None:
    assert speaker_type(name) == expected


@pytest.mark.parametrize(
    "value",
    [[], {}, [1, 2.5, None, True, 'a"<b>é\n\x1b'], {"a": {"b": [], "c": {}, "d": [{"e": 1}]}, "f": "x"}, "s"],
)
def test_pretty_json_matches_the_standard_library(value: object) -> None:
    assert pretty_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_pretty_json_escapes_every_character_as_the_standard_library_does() -> None:
    # Reviewers' text can hold any character: the markup must read back as the same text, escaped as before.
    text = "".join(chr(cp) for cp in range(0x3000)) + "\u2028\u2029\ufeff\uffff\U0001f600\U0010ffff"
    value = {"claimReviewed": text, "n": [3, -1, 0], "ok": False, "none": None}
    assert pretty_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_evidence_of_the_standing_verdicts_and_the_ruling_is_cited_once_each(
    fx: Fixture, export_text
) -> None:  # type: ignore[no-untyped-def]
    unhcr = Source("https://unhcr.example.org/region/2024", "UNHCR: families displaced", "3,000 families")
    old = Source("https://old.example.org/withdrawn", "A source alice dropped")
    # aid: alice confirmed, bob denied, carol ruled confirmed. Alice first cites a source, then replaces
    # her verdict with another one (the dropped source is no longer anyone's evidence).
    fx.store.append_event(fx.aid, "alice", rules.CONFIRMED, sources=[old])
    fx.store.append_event(fx.aid, "alice", rules.CONFIRMED, sources=[unhcr])
    fx.store.append_event(fx.aid, "bob", rules.DENIED, sources=[Source("http://plain.example.net/x", "")])
    fx.store.append_event(
        fx.aid,
        "carol",
        rules.CONFIRMED,
        kind=rules.ADJUDICATION,
        sources=[unhcr, Source("https://stats.example.org/migration", "Migration statistics")],
    )
    publish(fx, fx.aid, rating="true")
    text, _ = export_text("claimreview")
    review = reviews(text)[fx.aid]
    assert review["citation"] == [
        {
            "@type": "CreativeWork",
            "url": "https://unhcr.example.org/region/2024",
            "name": "UNHCR: families displaced",
        },
        {"@type": "CreativeWork", "url": "http://plain.example.net/x"},  # no title: no name
        {
            "@type": "CreativeWork",
            "url": "https://stats.example.org/migration",
            "name": "Migration statistics",
        },
    ]
    assert dropped_terms(review) == set()
    [node] = expand(review)
    assert citation_problems(node) == []
    assert [value(c, "url") for c in node[SCHEMA + "citation"]] == [c["url"] for c in review["citation"]]
    assert [p for p in google_problems(node) if not p.startswith("recommended")] == []


def test_a_claim_without_web_evidence_has_no_citation(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    publish(fx, fx.aid, rating="true")  # the fixture's aid verdicts carry no sources
    assert "citation" not in reviews(export_text("claimreview")[0])[fx.aid]
