"""The static site of published reviews: one page each, an index, a DataFeed and an Atom feed.

``render_site`` is pure: it returns every file's bytes, so a bad review stops the run before anything
is written. ``write_site`` then writes only the files whose bytes differ from what is on disk (each
one atomically), so re-running after one new review rewrites that page, the index and the feeds.

Pages are self-contained (inline CSS, no scripts apart from the inert JSON-LD data block, a policy
that forbids loading anything), fit a 390 px phone and print with their evidence addresses.
Untrusted text is escaped by Jinja2's autoescape, loses its bidi controls (``claimreview.line``)
and sits in a direction-isolated element (``dir="auto"`` or ``<bdi>``), so Arabic or Hebrew text
reads right to left without reordering the words around it.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from feedgen.feed import FeedGenerator

from claimreview.errors import InputError
from claimreview.export.common import iso_date, when
from claimreview.publish.claimreview import (
    PAGE_FOLDER,
    PublishedReview,
    block,
    claim_review,
    href,
    line,
    omissions,
    page_path,
    script_json,
    timestamp,
)
from claimreview.publish.rating import Rating, RatingScale
from claimreview.publish.settings import PublishSettings

INDEX = "index.html"
DATAFEED = "datafeed.jsonld"
ATOM = "atom.xml"
TEMPLATES = Path(__file__).resolve().parent / "templates"
# An empty site still needs a feed date; a fixed one keeps re-runs byte for byte the same.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(slots=True)
class SiteResult:
    """What a run did; paths are relative to the output folder."""

    reviews: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # Review pages from earlier runs that this run did not produce (unpublished, or before --since).
    stale: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"{self.reviews} published review(s): wrote {len(self.written)} file(s), "
            f"{len(self.unchanged)} unchanged"
        )
        if self.removed:
            text += f", removed {len(self.removed)} old page(s)"
        elif self.stale:
            text += f", {len(self.stale)} old page(s) not in this run left in place"
        return text


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def _tone(rating: Rating, scale: RatingScale) -> str:
    """A colour hint (the label always says it in words): only the ends of the scale are red or green,
    so "Missing context" never looks like "True"."""
    if rating.value is None:
        return "off"
    return "high" if rating.value == scale.best else "low" if rating.value == scale.worst else "mid"


def _view(review: PublishedReview, settings: PublishSettings, markup: dict[str, Any]) -> dict[str, Any]:
    """What the templates show of one review: every untrusted string already through ``line``/``block``
    (autoescape does the HTML), every address through ``href``."""
    published = timestamp(review.published_at, "published_at")
    assert published is not None  # claim_review checked it
    paragraphs = [p.strip() for p in block(review.explanation).split("\n\n") if p.strip()]
    evidence = [
        {"url": href(e.url), "title": line(e.title), "quote": block(e.quote)}
        for e in review.evidence
        if e.url.strip() or line(e.title) or block(e.quote)
    ]
    return {
        "path": page_path(review.claim_id),
        "url": markup["url"],
        "jsonld": script_json(markup),
        # The page shows the whole summary; only the markup keeps to Google's 75 characters.
        "summary": line(review.summary) or markup["claimReviewed"],
        "claim_text": block(review.claim_text),
        "rating": review.rating,
        "tone": _tone(review.rating, settings.rating_scale),
        "language": review.language,
        "speaker": line(review.speaker),
        "document_title": line(review.document_title),
        "document_url": href(review.document_url),
        "document_date": iso_date(review.document_published) or line(review.document_published),
        "first_appearance_url": href(review.first_appearance_url),
        "paragraphs": paragraphs,
        "evidence": evidence,
        "first_verdict_at": when(review.first_verdict_at),
        "approved_at": when(review.approved_at),
        "published_at": when(review.published_at),
        "published_day": published.date().isoformat(),
        "published": published,
        "modified_at": when(review.modified_at) if review.modified_at else "",
        "reviewers": [n for n in map(line, review.reviewers) if n] if settings.show_reviewers else [],
    }


def _atom(views: Sequence[dict[str, Any]], settings: PublishSettings, updated: datetime) -> bytes:
    feed = FeedGenerator()
    feed.id(settings.review_base_url)
    feed.title(f"Fact checks by {settings.organization_name}")
    author = {"name": settings.organization_name}
    if settings.organization_url:
        author["uri"] = settings.organization_url
    feed.author(author)
    feed.link(href=settings.page_url(ATOM), rel="self")
    feed.link(href=settings.page_url(INDEX), rel="alternate")
    feed.language("en")
    feed.generator("claimreview")  # no version: an upgrade must not rewrite an unchanged feed
    feed.updated(updated)
    for view in views:
        entry = feed.add_entry(order="append")
        entry.id(view["url"])
        entry.title(f"{view['rating'].label}: {view['summary']}")
        entry.link(href=view["url"], rel="alternate")
        entry.published(view["published"])
        entry.updated(view["modified"])
        entry.category(term=view["rating"].key, label=view["rating"].label)
        text = " ".join(view["paragraphs"]) or view["claim_text"]
        entry.summary(" ".join(text.split())[:600])
    return bytes(feed.atom_str(pretty=True))


def _datafeed(markups: Sequence[dict[str, Any]], settings: PublishSettings, updated: datetime) -> bytes:
    items = []
    for markup in markups:
        item = {k: v for k, v in markup.items() if k != "@context"}
        element: dict[str, Any] = {"@type": "DataFeedItem", "dateCreated": markup["datePublished"]}
        if "dateModified" in markup:
            element["dateModified"] = markup["dateModified"]
        element["item"] = item
        items.append(element)
    feed = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": f"Fact checks by {settings.organization_name}",
        "url": settings.page_url(DATAFEED),
        "dateModified": updated.date().isoformat(),
        "publisher": settings.organisation(),
        "dataFeedElement": items,
    }
    return (script_json(feed) + "\n").encode()


def render_site(
    reviews: Iterable[PublishedReview], settings: PublishSettings, since: date | None = None
) -> tuple[dict[str, bytes], list[str]]:
    """Every file of the site (relative path -> bytes) and warnings about what the markup lacks.

    ``since``: only reviews first published on or after that day (pages, index and feeds alike).
    """
    chosen: list[tuple[PublishedReview, dict[str, Any]]] = []
    seen: set[str] = set()
    for review in reviews:
        if review.claim_id in seen:
            raise InputError(f"claim {review.claim_id} is listed twice", field="claim_id")
        seen.add(review.claim_id)
        markup = claim_review(review, settings)
        published = timestamp(review.published_at, "published_at")
        if since is not None and published is not None and published.date() < since:
            continue
        chosen.append((review, markup))
    chosen.sort(key=lambda pair: (pair[0].published_at, pair[0].claim_id), reverse=True)

    counts: Counter[str] = Counter()
    views = []
    for review, markup in chosen:
        counts.update(omissions(review))
        view = _view(review, settings, markup)
        modified = timestamp(review.modified_at, "modified_at")
        view["modified"] = max(view["published"], modified) if modified else view["published"]
        views.append(view)
    scale = settings.rating_scale
    # Worst to best reads left to right like a gauge; ratings off the scale follow.
    steps = sorted(scale.ratings, key=lambda r: (r.value is None, r.value or 0))
    common = {
        "org_name": settings.organization_name,
        "org_url": settings.organization_url,
        "scale": scale,
        "scale_steps": steps,
    }
    env = _environment()
    files: dict[str, bytes] = {}
    page = env.get_template("review.html.j2")
    for view in views:
        files[view["path"]] = page.render(common, r=view, root="../").encode()
    files[INDEX] = (
        env.get_template("index.html.j2")
        .render(common, reviews=views, since=since.isoformat() if since else "", root="")
        .encode()
    )
    updated = max((v["modified"] for v in views), default=_EPOCH)
    files[DATAFEED] = _datafeed([m for _, m in chosen], settings, updated)
    files[ATOM] = _atom(views, settings, updated)
    warnings = [f"{n} review(s): {what}" for what, n in sorted(counts.items())]
    return files, warnings


def _write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless it already holds exactly that; True when written."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.chmod(tmp, 0o644)  # pages are for the public web: readable by the web server
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_site(
    reviews: Iterable[PublishedReview],
    out_dir: str | Path,
    settings: PublishSettings,
    since: date | None = None,
    *,
    prune: bool = False,
) -> SiteResult:
    """Write the site into ``out_dir`` (created if its parent exists). ``prune``: delete review pages of
    earlier runs that this run did not produce (refused with ``since``, which leaves out old reviews)."""
    if prune and since is not None:
        raise InputError("cannot remove old pages when only reviews since a date are written", field="since")
    files, warnings = render_site(reviews, settings, since)
    out = Path(out_dir).expanduser()
    if out.exists() and not out.is_dir():
        raise InputError("is not a folder", path=out)
    if not out.parent.is_dir():
        raise InputError(f"folder '{out.parent}' does not exist", path=out)
    result = SiteResult(reviews=len(files) - 3, warnings=warnings)
    try:
        (out / PAGE_FOLDER).mkdir(parents=True, exist_ok=True)
        for relative, data in sorted(files.items()):
            target = result.written if _write_if_changed(out / relative, data) else result.unchanged
            target.append(relative)
        for old in sorted((out / PAGE_FOLDER).glob("*.html")):
            relative = f"{PAGE_FOLDER}/{old.name}"
            if relative not in files:
                if prune:
                    old.unlink()
                    result.removed.append(relative)
                else:
                    result.stale.append(relative)
    except OSError as exc:
        raise InputError(f"cannot write the site ({exc.strerror or exc})", path=out) from exc
    return result
