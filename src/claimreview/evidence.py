"""Evidence sources attached to verdicts: validation (pure)."""

from __future__ import annotations

from urllib.parse import urlsplit

from claimreview.errors import InputError
from claimreview.models import Source

MAX_URL = 2048
MAX_TITLE = 500
MAX_QUOTE = 5000


def validate_url(url: str) -> str:
    """An absolute http(s) URL with a host; returns it stripped."""
    url = url.strip()
    if not url:
        raise InputError("URL is empty", field="url")
    if len(url) > MAX_URL:
        raise InputError(f"URL is longer than {MAX_URL} characters", field="url")
    if any(ch.isspace() for ch in url) or any(ord(ch) < 32 for ch in url):
        raise InputError("URL contains spaces or control characters", field="url")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(f"URL must start with http:// or https:// (got '{url[:60]}')", field="url")
    if not parts.netloc or parts.hostname is None:
        raise InputError(f"URL has no host: '{url[:60]}'", field="url")
    return url


def make_source(url: str, title: str = "", quote: str = "") -> Source:
    url = validate_url(url)
    if len(title) > MAX_TITLE:
        raise InputError(f"title is longer than {MAX_TITLE} characters", field="title")
    if len(quote) > MAX_QUOTE:
        raise InputError(f"quote is longer than {MAX_QUOTE} characters", field="quote")
    return Source(url=url, title=title.strip(), quote=quote.strip())
