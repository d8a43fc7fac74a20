"""What publishing needs from the configuration, checked once with one-line errors (pure).

Publishing refuses to guess who the author is or where pages live: a ClaimReview without the
organisation as author or without its page address misleads whoever reads the markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimreview.errors import InputError
from claimreview.export.common import web_url
from claimreview.publish.rating import DEFAULT_SCALE, RatingScale, parse_rating_scale
from claimreview.textsafe import one_line, without_bidi_controls

# The name Settings falls back to is the tool's own, which must never appear as a fact-checker.
_TOOL_NAME = "claimreview"


@dataclass(frozen=True, slots=True)
class PublishSettings:
    organization_name: str
    review_base_url: str  # ends with "/": page paths are appended
    organization_url: str | None = None
    rating_scale: RatingScale = DEFAULT_SCALE
    # Show the reviewers' names on review pages (and as contributors in the markup).
    show_reviewers: bool = False

    def page_url(self, path: str) -> str:
        return self.review_base_url + path

    def organisation(self) -> dict[str, str]:
        """The schema.org Organization that authors every review."""
        org = {"@type": "Organization", "name": self.organization_name}
        if self.organization_url:
            org["url"] = self.organization_url
        return org


def publish_settings(
    *,
    organization_name: str | None,
    review_base_url: str | None,
    organization_url: str | None = None,
    rating_scale: Mapping[str, Any] | None = None,
    show_reviewers: bool = False,
    path: str | Path | None = None,
) -> PublishSettings:
    """Checked settings; ``path`` names the config file in errors. Raises InputError naming the setting."""
    name = " ".join(one_line(without_bidi_controls(organization_name or "")).split())
    if not name or name == _TOOL_NAME:
        raise InputError(
            'not set: ClaimReview names the publishing organisation as author; add organization_name = "..." '
            "to the config file",
            path=path,
            field="organization_name",
        )
    base = (review_base_url or "").strip()
    if not base:
        raise InputError(
            "not set: every review needs its page address; add review_base_url = "
            '"https://example.org/fact-checks/" to the config file',
            path=path,
            field="review_base_url",
        )
    if web_url(base) is None or without_bidi_controls(base) != base:
        raise InputError("must be an http(s) address", path=path, field="review_base_url")
    if "?" in base or "#" in base:
        raise InputError("must be a folder address without ? or #", path=path, field="review_base_url")
    if not base.endswith("/"):
        base += "/"
    org_url = (organization_url or "").strip() or None
    if org_url is not None and (web_url(org_url) is None or without_bidi_controls(org_url) != org_url):
        raise InputError("must be an http(s) address", path=path, field="organization_url")
    if not isinstance(show_reviewers, bool):
        raise InputError("must be true or false", path=path, field="show_reviewers")
    return PublishSettings(
        organization_name=name,
        review_base_url=base,
        organization_url=org_url,
        rating_scale=parse_rating_scale(rating_scale, path=path),
        show_reviewers=show_reviewers,
    )


def from_settings(settings: Any, *, path: str | Path | None = None) -> PublishSettings:
    """From ``claimreview.config.Settings``; ``rating_scale`` and ``show_reviewers`` are read when it has
    them (they are new settings: a dict from the ``[rating_scale]`` table and a bool)."""
    return publish_settings(
        organization_name=settings.organization_name,
        review_base_url=settings.review_base_url,
        organization_url=settings.organization_url,
        rating_scale=getattr(settings, "rating_scale", None) or None,
        show_reviewers=getattr(settings, "show_reviewers", False),
        path=path,
    )
