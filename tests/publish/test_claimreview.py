"""The ClaimReview of one published review: Google's fields, web addresses only, the organisation as
author, checked by expanding it against the bundled schema.org context."""

from __future__ import annotations

import dataclasses
import json

import pytest

from claimreview.config import Settings
from claimreview.errors import InputError
from claimreview.publish.claimreview import claim_review, omissions, script_json
from claimreview.publish.settings import from_settings

from .conftest import make_reviews, make_settings
from .jsonld_check import SCHEMA, citation_problems, dropped_terms, expand, google_problems, one, value


def test_a_complete_review_has_every_required_and_recommended_field(settings) -> None:
    review = dataclasses.replace(
        make_reviews(settings)[0], first_appearance_url="https://video.example.net/council/2026-02-27"
    )
    markup = claim_review(review, settings)
    assert dropped_terms(markup) == set()
    [node] = expand(markup)
    assert google_problems(node) == []
    assert value(node, "url") == "https://facts.example.org/checks/review/a1b2c3d4e5f60718.html"
    assert value(one(node, "author"), "name") == "Harbour Fact Desk"
    assert value(node, "claimReviewed") == "Ferry line's first month beat the old line's whole year"
    rating = one(node, "reviewRating")
    assert (value(rating, "alternateName"), value(rating, "ratingValue")) == ("Misleading", 2)
    assert (value(rating, "worstRating"), value(rating, "bestRating")) == (1, 4)
    assert value(node, "datePublished") == "2026-03-04"
    claim = one(node, "itemReviewed")
    assert value(one(claim, "author"), "name") == "Councillor Mira Okafor"
    assert value(one(claim, "appearance"), "url").startswith("https://council.example.net/")
    assert [value(c, "url") for c in node[SCHEMA + "citation"]] == [
        "https://port.example.net/statistics/2026/monthly-passenger-counts-january-2026-final.csv",
        "https://ferries.example.com/annual-report-2025.pdf",
    ]


@pytest.mark.parametrize(
    "address", ["javascript:alert(document.cookie)", "/srv/imports/bulletin.html", "file:///x"]
)
def test_a_document_without_a_web_address_has_no_appearance(settings, address: str) -> None:
    review = dataclasses.replace(
        make_reviews(settings)[0], document_url=address, first_appearance_url=address
    )
    markup = claim_review(review, settings)
    text = json.dumps(markup)
    assert address not in text
    assert "appearance" not in markup["itemReviewed"] and "firstAppearance" not in markup["itemReviewed"]
    assert "the document has no http(s) address (no appearance)" in omissions(review)
    # Still valid: appearance is only recommended.
    assert [p for p in google_problems(expand(markup)[0]) if not p.startswith("recommended")] == []


def test_evidence_that_is_not_on_the_web_is_not_cited(settings) -> None:
    review = make_reviews(settings)[2]
    markup = claim_review(review, settings)
    assert "citation" not in markup
    assert "/home/reviewer" not in json.dumps(markup) and "file:" not in json.dumps(markup)


def test_hostile_text_is_stored_without_bidi_controls_and_cannot_close_the_script(settings) -> None:
    review = make_reviews(settings)[2]
    markup = claim_review(review, settings)
    text = json.dumps(markup, ensure_ascii=False)
    for char in "\u202e\u202c\u2067\u2069\u202b":
        assert char not in text
    assert markup["itemReviewed"]["author"]["name"] == "Tnuocca @<img src=x onerror=alert(1)>"
    embedded = script_json(markup)
    assert "</" not in embedded and "<!--" not in embedded and "<" not in embedded
    assert json.loads(embedded) == markup


def test_an_empty_summary_falls_back_to_the_claim_within_75_characters(settings) -> None:
    hostile, long_summary = make_reviews(settings)[2], make_reviews(settings)[3]
    assert claim_review(hostile, settings)["claimReviewed"].startswith('Download the photo "gnp.exe"')
    for review in (hostile, long_summary):
        assert len(claim_review(review, settings)["claimReviewed"]) <= 75


def test_an_off_scale_rating_has_no_numbers_but_keeps_its_name(settings) -> None:
    node = expand(claim_review(make_reviews(settings)[2], settings))[0]
    rating = one(node, "reviewRating")
    assert value(rating, "alternateName") == "Unproven"
    assert SCHEMA + "ratingValue" not in rating


def test_reviewers_are_named_only_when_the_organisation_wants_it(settings) -> None:
    review = make_reviews(settings)[0]
    assert [c["name"] for c in claim_review(review, settings)["contributor"]] == ["Ana Lima", "Tomasz Nowak"]
    hidden = make_settings(show_reviewers=False)
    assert "contributor" not in claim_review(review, hidden)
    assert "Ana Lima" not in json.dumps(claim_review(review, hidden))


def test_a_correction_is_dated_as_modified(settings) -> None:
    markup = claim_review(make_reviews(settings)[3], settings)
    assert (markup["datePublished"], markup["dateModified"]) == ("2026-02-20", "2026-02-22")
    assert dropped_terms(markup) == set()


@pytest.mark.parametrize(
    ("overrides", "setting"),
    [
        ({"organization_name": None}, "organization_name"),
        ({"organization_name": "  "}, "organization_name"),
        ({"organization_name": "claimreview"}, "organization_name"),  # the tool's own name, the old default
        ({"review_base_url": None}, "review_base_url"),
        ({"review_base_url": "/var/www/checks"}, "review_base_url"),
        ({"review_base_url": "https://facts.example.org/?page="}, "review_base_url"),
        ({"organization_url": "javascript:alert(1)"}, "organization_url"),
        ({"show_reviewers": "yes"}, "show_reviewers"),
    ],
)
def test_missing_or_bad_settings_are_one_line_naming_the_setting(overrides: dict, setting: str) -> None:
    with pytest.raises(InputError) as caught:
        make_settings(**overrides)
    assert f"field '{setting}'" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_settings_come_from_the_config_settings() -> None:
    config = Settings(organization_name="Harbour Fact Desk", review_base_url="https://facts.example.org/c")
    published = from_settings(config)
    assert published.page_url("index.html") == "https://facts.example.org/c/index.html"
    assert published.rating_scale.for_verdict("confirmed").label == "True"
    with pytest.raises(InputError, match="organization_name"):
        from_settings(Settings(review_base_url="https://facts.example.org/c"))


@pytest.mark.parametrize(
    ("field", "bad"),
    [("published_at", "last Tuesday"), ("language", "English please"), ("claim_id", "../../etc/passwd")],
)
def test_unusable_review_data_is_an_error_naming_the_field(settings, field: str, bad: str) -> None:
    review = dataclasses.replace(make_reviews(settings)[0], **{field: bad})
    with pytest.raises(InputError) as caught:
        claim_review(review, settings)
    assert f"field '{field}'" in str(caught.value)


def test_the_check_catches_a_property_schema_org_does_not_have(settings) -> None:
    # Guards the tests above against passing because the expansion kept everything.
    markup = claim_review(make_reviews(settings)[0], settings)
    markup["claimReviewd"] = markup.pop("claimReviewed")
    assert dropped_terms(markup) == {"claimReviewd"}
    assert "missing claimReviewed" in google_problems(expand(markup)[0])


def test_the_citation_check_catches_a_citation_a_reader_cannot_open(settings) -> None:
    markup = claim_review(make_reviews(settings)[0], settings)
    assert citation_problems(expand(markup)[0]) == []
    markup["citation"][0]["url"] = "file:///home/reviewer/notes.txt"
    markup["citation"][1]["name"] = " "
    problems = citation_problems(expand(markup)[0])
    assert len(problems) == 2 and "without an http(s) url" in problems[0] and "empty name" in problems[1]
