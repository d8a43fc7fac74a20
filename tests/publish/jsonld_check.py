"""Expand ClaimReview markup with pyld against the bundled schema.org context and check it against
Google's required and recommended fields. Nothing is fetched: the loader serves only the bundled file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pyld import jsonld

CONTEXT_FILE = Path(__file__).resolve().parents[1] / "data" / "schemaorg-claimreview-context.jsonld"
SCHEMA = "http://schema.org/"
_CONTEXT = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))


def _loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"the markup asks for a context that is not bundled: {url}")
    return {"contextUrl": None, "documentUrl": url, "document": _CONTEXT}


def expand(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return jsonld.expand(doc, {"documentLoader": _loader})


def _terms(value: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if not key.startswith("@"):
                found.add(key)
            found |= _terms(item)
    elif isinstance(value, list):
        for item in value:
            found |= _terms(item)
    return found


def _iris(value: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key.startswith(SCHEMA):
                found.add(key[len(SCHEMA) :])
            found |= _iris(item)
    elif isinstance(value, list):
        for item in value:
            found |= _iris(item)
    return found


def dropped_terms(doc: dict[str, Any]) -> set[str]:
    """Properties of ``doc`` that did not survive expansion: not schema.org terms (or misspelt)."""
    return _terms(doc) - _iris(expand(doc))


def one(node: dict[str, Any], prop: str) -> Any:
    values = node.get(SCHEMA + prop)
    assert values, f"missing schema:{prop}"
    return values[0]


def value(node: dict[str, Any], prop: str) -> Any:
    item = one(node, prop)
    return item.get("@value", item.get("@id"))


def google_problems(review: dict[str, Any]) -> list[str]:
    """Google's required fields that are missing or wrong in one expanded ClaimReview node, then the
    recommended ones that are missing (prefixed "recommended:")."""
    problems = []
    if SCHEMA + "ClaimReview" not in review.get("@type", []):
        problems.append("not a ClaimReview")
    for prop in ("claimReviewed", "reviewRating", "url"):
        if not review.get(SCHEMA + prop):
            problems.append(f"missing {prop}")
    if review.get(SCHEMA + "url") and not str(value(review, "url")).startswith(("https://", "http://")):
        problems.append("url is not http(s)")
    rating = review.get(SCHEMA + "reviewRating", [{}])[0]
    if not rating.get(SCHEMA + "alternateName"):
        problems.append("missing reviewRating.alternateName")
    recommended = ["author", "datePublished", "itemReviewed"]
    problems += [f"recommended: {p}" for p in recommended if not review.get(SCHEMA + p)]
    if review.get(SCHEMA + "author") and not one(review, "author").get(SCHEMA + "name"):
        problems.append("author has no name")
    for prop in ("ratingValue", "bestRating", "worstRating"):
        if not rating.get(SCHEMA + prop):
            problems.append(f"recommended: reviewRating.{prop}")
    claim = review.get(SCHEMA + "itemReviewed", [{}])[0]
    for prop in ("author", "datePublished", "appearance", "firstAppearance"):
        if not claim.get(SCHEMA + prop):
            problems.append(f"recommended: itemReviewed.{prop}")
    for prop in ("appearance", "firstAppearance"):
        for work in claim.get(SCHEMA + prop, []):
            url = value(work, "url") if work.get(SCHEMA + "url") else work.get("@id", "")
            if not str(url).startswith(("https://", "http://")):
                problems.append(f"itemReviewed.{prop} is not an http(s) address: {url}")
    return problems


def citation_problems(review: dict[str, Any]) -> list[str]:
    """What is wrong with the ``citation`` of one expanded ClaimReview node: each must be a CreativeWork
    with an http(s) ``url`` (the evidence a reader can open) and, when it has a ``name``, a non-empty one."""
    problems = []
    for work in review.get(SCHEMA + "citation", []):
        if SCHEMA + "CreativeWork" not in work.get("@type", []):
            problems.append(f"citation is not a CreativeWork: {work}")
        url = value(work, "url") if work.get(SCHEMA + "url") else ""
        if not str(url).startswith(("https://", "http://")):
            problems.append(f"citation without an http(s) url: {work}")
        if SCHEMA + "name" in work and not str(value(work, "name")).strip():
            problems.append(f"citation with an empty name: {work}")
    return problems
