"""The organisation's rating scale, read from a [rating_scale] table as tomllib gives it."""

from __future__ import annotations

import tomllib

import pytest

from claimreview.errors import InputError
from claimreview.publish.rating import DEFAULT_SCALE, parse_rating_scale

TOML = """
[rating_scale]
worst = 1
best = 4

[rating_scale.ratings.false]
label = "False"
value = 1
verdict = "denied"

[rating_scale.ratings.misleading]
label = "Misleading"
value = 2

[rating_scale.ratings.missing-context]
label = "Missing context"
value = 3

[rating_scale.ratings.true]
label = "True"
value = 4
verdict = "confirmed"

[rating_scale.ratings.unproven]
label = "Unproven"
"""


def table() -> dict:
    return tomllib.loads(TOML)["rating_scale"]


def test_a_configured_scale_maps_labels_to_schema_org_ratings() -> None:
    scale = parse_rating_scale(table())
    assert [r.key for r in scale.ratings] == ["true", "missing-context", "misleading", "false", "unproven"]
    rating = scale.find("Missing-Context")
    assert scale.schema_rating(rating) == {
        "@type": "Rating",
        "ratingValue": 3,
        "bestRating": 4,
        "worstRating": 1,
        "name": "Missing context",
        "alternateName": "Missing context",
    }
    assert scale.for_verdict("denied") == scale.find("false")
    assert scale.for_verdict("unverified") is None


def test_a_rating_off_the_numeric_scale_has_no_numbers() -> None:
    scale = parse_rating_scale(table())
    assert scale.schema_rating(scale.find("unproven")) == {
        "@type": "Rating",
        "name": "Unproven",
        "alternateName": "Unproven",
    }


def test_the_default_scale_does_not_publish_unverified_as_half_true() -> None:
    assert parse_rating_scale(None) is DEFAULT_SCALE
    assert DEFAULT_SCALE.for_verdict("unverified") is None
    true, false = DEFAULT_SCALE.for_verdict("confirmed"), DEFAULT_SCALE.for_verdict("denied")
    assert true is not None and false is not None
    assert (true.label, true.value, false.label, false.value) == ("True", 3, "False", 1)


def test_a_scale_can_map_unverified_itself() -> None:
    raw = table()
    raw["ratings"]["unproven"]["verdict"] = "unverified"
    assert parse_rating_scale(raw).for_verdict("unverified").label == "Unproven"


def _broken(change) -> str:
    raw = table()
    change(raw)
    with pytest.raises(InputError) as caught:
        parse_rating_scale(raw, path="config.toml")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("config.toml: field '")
    return message


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        (lambda t: t.update(best=1), "rating_scale.best", "above worst"),
        (lambda t: t.update(best="4"), "rating_scale.best", "whole number"),
        (lambda t: t.update(colour="red"), "rating_scale.colour", "unknown key"),
        (lambda t: t.update(ratings={}), "rating_scale.ratings", "needs a rating"),
        (lambda t: t["ratings"]["false"].update(value=7), "rating_scale.ratings.false.value", "from 1 to 4"),
        (
            lambda t: t["ratings"]["false"].update(value=True),
            "rating_scale.ratings.false.value",
            "whole number",
        ),
        (
            lambda t: t["ratings"]["true"].update(value=1),
            "rating_scale.ratings.true.value",
            "already the value",
        ),
        (
            lambda t: t["ratings"]["true"].update(label=" false "),
            "rating_scale.ratings.true.label",
            "already",
        ),
        (lambda t: t["ratings"]["true"].update(label=""), "rating_scale.ratings.true.label", "text of 1-40"),
        (
            lambda t: t["ratings"]["true"].update(verdict="denied"),
            "rating_scale.ratings.true.verdict",
            "already",
        ),
        (lambda t: t["ratings"]["true"].update(verdict="yes"), "rating_scale.ratings.true.verdict", "one of"),
        (lambda t: t["ratings"]["true"].update(score=4), "rating_scale.ratings.true.score", "unknown key"),
        (lambda t: t["ratings"].update({"no good": {"label": "X"}}), "rating_scale.ratings.no good", "id"),
        (lambda t: t["ratings"].update({"TRUE": {"label": "Yes"}}), "rating_scale.ratings.TRUE", "same id"),
        (lambda t: t["ratings"].update(odd="text"), "rating_scale.ratings.odd", "must be a table"),
    ],
)
def test_a_bad_key_is_one_line_naming_it(change, key: str, words: str) -> None:
    message = _broken(change)
    assert f"field '{key}'" in message
    assert words in message


def test_a_label_cannot_carry_bidi_overrides() -> None:
    raw = table()
    raw["ratings"]["false"]["label"] = "\u202eeslaF"
    assert parse_rating_scale(raw).find("false").label == "eslaF"


def test_an_unknown_rating_lists_the_scale() -> None:
    with pytest.raises(InputError) as caught:
        parse_rating_scale(table()).find("half-true")
    assert "unknown rating 'half-true'" in str(caught.value)
    assert "missing-context" in str(caught.value)
