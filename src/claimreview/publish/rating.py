"""The organisation's rating scale: the words a published review gives a claim, and their numbers (pure).

A fact-checking desk publishes its own ratings ("False", "Misleading", "Missing context", "True"...),
not the reviewers' three verdicts. Each rating becomes a schema.org ``Rating``: its label is the
``alternateName`` (the only part search engines show), and a rating on the numeric scale also carries
``ratingValue``, ``bestRating`` and ``worstRating``. A rating can stay off the numeric scale (no
``value``): that is how "Unverified" or "Unproven" should be published, since a middle number reads
as "half true".

The scale comes from the ``[rating_scale]`` table of the config file::

    [rating_scale]
    worst = 1                    # lowest ratingValue on the scale (whole number)
    best = 4                     # highest ratingValue; must be above worst

    [rating_scale.ratings.false]         # "false" is the id an editor types: publish --rating false
    label = "False"                      # required: the words readers see (alternateName)
    value = 1                            # optional: ratingValue, worst..best; leave out to stay off
                                         #   the numeric scale
    verdict = "denied"                   # optional: the default rating of a claim whose consensus is
                                         #   this verdict (confirmed, denied or unverified; one each)
    description = "The claim is wrong."  # optional: what the rating means, shown on review pages

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

Ids are letters, digits, ``-`` and ``_``, matched without regard to case. Without the table the
built-in scale applies: "False" (1, the default for ``denied``) and "True" (3, for ``confirmed``) on
1..3. It maps no rating to ``unverified``: an unverified claim is published only with a rating the
editor picks, or under a scale that maps ``unverified`` itself.

Every problem is one line naming the key, e.g. ``field 'rating_scale.ratings.false.value': must be a
whole number from 1 to 4``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from claimreview import consensus as rules
from claimreview.errors import InputError
from claimreview.textsafe import one_line, without_bidi_controls

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
_SCALE_KEYS = ("worst", "best", "ratings")
_RATING_KEYS = ("label", "value", "verdict", "description")
LABEL_LIMIT = 40  # search engines show the label in a small badge


@dataclass(frozen=True, slots=True)
class Rating:
    """One rating of the scale. ``value`` None: a rating off the numeric scale."""

    key: str
    label: str
    value: int | None = None
    verdict: str | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class RatingScale:
    worst: int
    best: int
    ratings: tuple[Rating, ...]

    def find(self, key: str) -> Rating:
        """The rating with id ``key`` (any case); an error listing the ids otherwise."""
        wanted = key.strip().casefold()
        for rating in self.ratings:
            if rating.key.casefold() == wanted:
                return rating
        known = ", ".join(r.key for r in self.ratings)
        raise InputError(f"unknown rating '{one_line(key)}'; the rating scale has: {known}", field="rating")

    def for_verdict(self, verdict: str) -> Rating | None:
        """The default rating of a claim whose consensus is ``verdict``, if the scale maps one."""
        for rating in self.ratings:
            if rating.verdict == verdict:
                return rating
        return None

    def schema_rating(self, rating: Rating) -> dict[str, Any]:
        """The schema.org ``Rating`` of ``rating``: numbers only for a rating on the numeric scale."""
        out: dict[str, Any] = {"@type": "Rating"}
        if rating.value is not None:
            out["ratingValue"] = rating.value
            out["bestRating"] = self.best
            out["worstRating"] = self.worst
        out["name"] = rating.label
        out["alternateName"] = rating.label
        return out


DEFAULT_SCALE = RatingScale(
    worst=1,
    best=3,
    ratings=(
        Rating("false", "False", 1, rules.DENIED, "The claim is not supported by the evidence."),
        Rating("true", "True", 3, rules.CONFIRMED, "The claim is supported by the evidence."),
    ),
)


def _whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: object, limit: int) -> str | None:
    """Clean one-line text, or None when ``value`` is not usable text."""
    if not isinstance(value, str):
        return None
    cleaned = " ".join(one_line(without_bidi_controls(value)).split())
    return cleaned if 0 < len(cleaned) <= limit else None


def parse_rating_scale(table: Mapping[str, Any] | None, *, path: str | Path | None = None) -> RatingScale:
    """The scale of a ``[rating_scale]`` table (as tomllib reads it); the built-in one for None."""
    if table is None:
        return DEFAULT_SCALE

    def fail(key: str, message: str) -> InputError:
        return InputError(message, path=path, field=key)

    if not isinstance(table, Mapping):
        raise fail("rating_scale", "must be a table: [rating_scale] with worst, best and ratings")
    for key in table:
        if key not in _SCALE_KEYS:
            known = ", ".join(_SCALE_KEYS)
            raise fail(f"rating_scale.{one_line(str(key))}", f"unknown key; known keys: {known}")
    worst, best = table.get("worst", 1), table.get("best")
    if not _whole(worst):
        raise fail("rating_scale.worst", "must be a whole number")
    if not _whole(best):
        raise fail("rating_scale.best", "must be a whole number above worst")
    if best <= worst:
        raise fail("rating_scale.best", f"must be above worst ({worst})")
    raw = table.get("ratings")
    if not isinstance(raw, Mapping) or not raw:
        raise fail("rating_scale.ratings", "needs a rating: [rating_scale.ratings.ID] with a label")

    ratings: list[Rating] = []
    for key, entry in raw.items():
        rating = _parse_rating(str(key), entry, worst, best, fail)
        where = f"rating_scale.ratings.{key}"
        for other in ratings:
            if other.key.casefold() == rating.key.casefold():
                raise fail(where, "the same id twice (ids ignore case)")
            if other.label.casefold() == rating.label.casefold():
                raise fail(f"{where}.label", f"'{rating.label}' is already the label of '{other.key}'")
            if rating.value is not None and other.value == rating.value:
                raise fail(f"{where}.value", f"{rating.value} is already the value of '{other.key}'")
            if rating.verdict is not None and other.verdict == rating.verdict:
                raise fail(f"{where}.verdict", f"{rating.verdict} is already mapped to '{other.key}'")
        ratings.append(rating)
    # Highest number first, as readers scan a scale; ratings off the scale last, in the order given.
    ratings.sort(key=lambda r: (r.value is None, -(r.value or 0)))
    return RatingScale(worst=worst, best=best, ratings=tuple(ratings))


def _parse_rating(
    key: str, entry: object, worst: int, best: int, fail: Callable[[str, str], InputError]
) -> Rating:
    where = f"rating_scale.ratings.{one_line(key)}"
    if not _ID.fullmatch(key):
        raise fail(where, "a rating id is 1-40 letters, digits, '-' or '_'")
    if not isinstance(entry, Mapping):
        raise fail(where, 'must be a table with label = "..." (and value, verdict, description)')
    for item in entry:
        if item not in _RATING_KEYS:
            known = ", ".join(_RATING_KEYS)
            raise fail(f"{where}.{one_line(str(item))}", f"unknown key; known keys: {known}")
    label = _text(entry.get("label"), LABEL_LIMIT)
    if label is None:
        raise fail(f"{where}.label", f"must be text of 1-{LABEL_LIMIT} characters")
    value = entry.get("value")
    if value is not None and (not _whole(value) or not worst <= value <= best):
        raise fail(f"{where}.value", f"must be a whole number from {worst} to {best}")
    verdict = entry.get("verdict")
    if verdict is not None and verdict not in rules.VERDICT_LABELS:
        raise fail(f"{where}.verdict", f"must be one of {', '.join(rules.VERDICT_LABELS)}")
    description = entry.get("description", "")
    if description != "":
        checked = _text(description, 500)
        if checked is None:
            raise fail(f"{where}.description", "must be text of at most 500 characters")
        description = checked
    return Rating(key, label, value, verdict, description)
