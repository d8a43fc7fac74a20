"""Small helpers the writers share: names of things, dates, URLs, escaping for Markdown (pure)."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from claimreview import consensus as rules
from claimreview.textsafe import one_line, printable, without_bidi_controls

CONSENSUS_TITLES = {
    rules.UNREVIEWED: "Unreviewed",
    rules.CONFIRMED: "Confirmed",
    rules.DENIED: "Denied",
    rules.UNVERIFIED: "Unverified",
    rules.NOT_CHECKWORTHY: "Not check-worthy",
    rules.DISPUTED: "Disputed",
    rules.CLEARED: "Cleared",
}
# Chart and badge colours: distinguishable in print and for the common colour-vision deficiencies,
# and every one of them is also named in text next to it.
CONSENSUS_COLOURS = {
    rules.CONFIRMED: "#1b7f3b",
    rules.DENIED: "#c0392b",
    rules.UNVERIFIED: "#d68a00",
    rules.NOT_CHECKWORTHY: "#4a6478",
    rules.DISPUTED: "#6f2dbd",
    rules.UNREVIEWED: "#b8bcc2",
}
# The badge of each consensus and label value, built once: the HTML report shows one per claim and verdict.
BADGES = {
    value: Markup('<span class="badge {0}">{1}</span>').format(value, title)
    for value, title in CONSENSUS_TITLES.items()
}
CHART_ORDER = (
    rules.CONFIRMED,
    rules.DENIED,
    rules.UNVERIFIED,
    rules.NOT_CHECKWORTHY,
    rules.DISPUTED,
    rules.UNREVIEWED,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"


def when(timestamp: str | None) -> str:
    """``2024-05-01T12:03:04.000000Z`` as ``2024-05-01 12:03 UTC``; anything else as given."""
    if not timestamp:
        return ""
    if len(timestamp) >= 16 and timestamp[10] == "T" and _STAMP.match(timestamp):
        suffix = " UTC" if timestamp.endswith(("Z", "+00:00")) else ""
        return f"{timestamp[:10]} {timestamp[11:16]}{suffix}"
    return timestamp


_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def day(timestamp: str | None) -> str | None:
    return timestamp[:10] if timestamp and re.match(r"\d{4}-\d\d-\d\d", timestamp) else None


_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d.%m.%Y")


def iso_date(value: str | None) -> str | None:
    """A document's published date in ISO 8601, or None when it cannot be read as a date."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if re.match(r"\d{4}-\d\d-\d\d(?:$|[T ])", value):
        return value.replace(" ", "T", 1) if len(value) > 10 else value
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


# http(s), a non-empty authority, and nothing that could end an HTML attribute or a Markdown link.
_WEB_URL = re.compile(r"(?i)https?://[^\x00-\x20\x7f\"'<>\\`/?#]+[^\x00-\x20\x7f\"'<>\\`]*")


def web_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address with a host, else None (never link anything else)."""
    if not url:
        return None
    url = url.strip()
    return url if _WEB_URL.fullmatch(url) else None


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}%"


def alpha_text(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


# CommonMark treats a backslash before any ASCII punctuation as a literal; these are the characters
# that could otherwise start markup (emphasis, links, HTML, tables, headings, code, math on GitHub).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&$])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_MD_WORK = re.compile(r"[\\`*_\[\]<>|#~&$\x00-\x08\x0b-\x1f\x7f-\x9f]")  # specials, controls but \t \n


_MD_PLAIN = re.compile(r"[\\`*_\[\]<>|#~&$\x00-\x1f\x7f-\x9f]")  # specials and every control, \t \n too
_SPACE_NOT_BLANK = re.compile(r"[^\S ]")  # whitespace other than " " (str.split() splits at it)


def md(text: str | None) -> str:
    """Untrusted text as inert Markdown on one line: safe in a table cell, a heading or a list item.
    Bidi controls are removed: an override could make "gnp.exe" read "exe.png"."""
    if not text:
        return ""
    text = without_bidi_controls(text)
    if _MD_PLAIN.search(text) is None:  # the common case: plain words
        # No whitespace but single " "s? Then the split and join below only drop a space at either end.
        if "  " not in text and (text.isascii() or _SPACE_NOT_BLANK.search(text) is None):
            return text.strip(" ")
        return " ".join(text.split())
    if _MD_WORK.search(text) is None:  # plain words on several lines, or with tabs
        return " ".join(text.split())
    if _CONTROL.search(text):
        text = one_line(text)
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def clean(text: str | None) -> str:
    """Untrusted text with control characters (ANSI escapes and the like) shown as symbols and bidi
    controls removed (the markup isolates its direction instead)."""
    if not text:
        return ""
    return text if text.isprintable() else printable(without_bidi_controls(text))


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@cache
def environment(autoescape: bool) -> jinja2.Environment:
    from claimreview.export.publication import publication_line  # it imports this module's helpers

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        when=when,
        md=md,
        clean=clean,
        web_url=web_url,
        percent=percent,
        alpha=alpha_text,
        shorten=shorten,
        status=lambda v: CONSENSUS_TITLES.get(v, v),
        publication=publication_line,
    )
    env.globals.update(
        CONSENSUS_VALUES=rules.CONSENSUS_VALUES,
        CONSENSUS_TITLES=CONSENSUS_TITLES,
        COLOURS=CONSENSUS_COLOURS,
        BADGES=BADGES,
        CHART_ORDER=CHART_ORDER,
    )
    return env
