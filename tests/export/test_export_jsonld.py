"""schema.org ClaimReview JSON-LD, field by field."""

from __future__ import annotations

import json
import re
from pathlib import Path
from unittest.mock import ANY

import pytest

from claimreview.config import Settings
from claimreview.export import write_export
from claimreview.export.jsonld import pretty_json, speaker_type

from .conftest import HOSTILE_CLAIM, Fixture


def reviews(text: str) -> dict[str, dict]:  # type: ignore[type-arg]
    data = json.loads(text)
    assert isinstance(data, list)
    return {r["url"].rsplit("/", 1)[1]: r for r in data}


def test_one_claim_review_per_settled_claim(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    text, summary = export_text("claimreview")
    by_id = reviews(text)
    assert set(by_id) == {fx.drones, fx.aid, fx.hostile}  # not the unreviewed or the disputed claim
    assert summary.written == 3
    assert summary.left_out == {"unreviewed": 1, "disputed": 1}
    assert summary.warnings == ["left out 1 unreviewed and 1 disputed claim(s): ClaimReview needs a verdict"]


def test_fields_of_a_confirmed_claim(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    review = reviews(export_text("claimreview")[0])[fx.drones]
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["url"] == f"https://checks.example.org/reviews/{fx.drones}"
    assert review["claimReviewed"] == "The Ministry of Defence said 40 drones were shot down overnight."
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 3,
        "bestRating": 3,
        "worstRating": 1,
        "alternateName": "True",
    }
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Organization", "name": "Ministry of Defence"}
    assert item["datePublished"] == "2024-03-02"
    assert item["appearance"] == {
        "@type": "CreativeWork",
        "url": "https://news.example.org/ceasefire",
        "headline": "Ceasefire talks resume",
    }
    assert review["author"] == {
        "@type": "Organization",
        "name": "Example Checks",
        "url": "https://checks.example.org",
    }
    # the day bob's agreeing verdict settled it
    bob = fx.store.latest_event(fx.drones, "bob")
    assert bob is not None and review["datePublished"] == bob.created_at[:10]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", review["datePublished"])


def test_denied_and_adjudicated_claims(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    by_id = reviews(export_text("claimreview")[0])
    hostile = by_id[fx.hostile]
    assert hostile["reviewRating"]["alternateName"] == "False" and hostile["reviewRating"]["ratingValue"] == 1
    assert hostile["claimReviewed"] == HOSTILE_CLAIM  # the text as written, JSON-escaped
    assert "datePublished" not in hostile["itemReviewed"]  # the document has no date
    # its url is javascript:alert(1), which must not be published as the claim's appearance
    assert hostile["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork",
        "url": "hostile.txt",
        "headline": ANY,
    }
    aid = by_id[fx.aid]
    ruling = fx.store.latest_event(fx.aid, "carol", kind="adjudication")
    assert ruling is not None and aid["datePublished"] == ruling.created_at[:10]
    assert aid["itemReviewed"]["author"] == {"@type": "Organization", "name": "UNHCR"}


def test_unverified_rating_and_person_author(fx: Fixture, settings: Settings, tmp_path: Path) -> None:
    from claimreview import consensus as rules

    fx.store.append_event(fx.prices, "alice", rules.UNVERIFIED)
    fx.store.append_event(fx.prices, "bob", rules.UNVERIFIED)
    out = tmp_path / "reviews.json"
    write_export(fx.store, "claimreview", out, settings=settings)
    review = reviews(out.read_text(encoding="utf-8"))[fx.prices]
    assert review["reviewRating"]["alternateName"] == "Unverified"
    assert review["reviewRating"]["ratingValue"] == 2
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Jane Doe"}
    assert "\n  {\n" in out.read_text(encoding="utf-8")  # pretty-printed


def test_without_configured_urls(fx: Fixture, tmp_path: Path) -> None:
    out = tmp_path / "reviews.json"
    write_export(fx.store, "claimreview", out, settings=Settings())
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data and all("url" not in r for r in data)
    assert all(r["author"] == {"@type": "Organization", "name": "claimreview"} for r in data)


def test_safe_to_embed_in_a_script_element(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    text, _ = export_text("claimreview")
    assert "<" not in text and ">" not in text and "</script" not in text.lower()
    assert "\\u003cscript\\u003e" in text
    assert any(r["claimReviewed"] == HOSTILE_CLAIM for r in json.loads(text))


def test_empty_selection_is_an_empty_array(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    text, summary = export_text("claimreview", status="unverified")
    assert json.loads(text) == []
    assert summary.warnings == ["no claims match the filters (consensus is unverified); the report is empty"]
    text, summary = export_text("claimreview", status="unreviewed")
    assert json.loads(text) == []
    assert summary.warnings == ["left out 1 unreviewed and 0 disputed claim(s): ClaimReview needs a verdict"]


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
