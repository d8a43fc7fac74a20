"""The HTML report: one self-contained file (inline CSS and SVG; no scripts, fonts or network).

Templates render with autoescape on; a Content-Security-Policy meta tag forbids scripts and remote
loads as a second line of defence, and only http(s) URLs ever become links.

The page (head, summary, chart, foot, each document's source line) comes from the Jinja2 templates.
The per-claim blocks, a hundred thousand of them in a big export, are built by ``claim_blocks`` below:
Jinja2 spends about a microsecond escaping every ``{{ }}`` it outputs, which at some twenty outputs per
claim is more than the whole export may take. ``claim_blocks`` writes the same markup as
templates/html_claims.j2 (the reference, still used with ``claims_template=True``;
tests/export/test_export_fast_render.py checks the two give the same text, hostile input included),
and every untrusted value in it goes through ``text`` (control characters made visible, then HTML
escaped exactly as markupsafe.escape does) or is an http(s) URL that went through ``web_url`` and
``esc``. A chunk comes back as one str of finished (escaped) HTML, written as is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from claimreview import consensus as rules
from claimreview.export.common import BADGES, web_url, when
from claimreview.export.publication import publication_line
from claimreview.export.report import ClaimRecord, ProgressCallback, Report, parse_sources
from claimreview.export.writing import WriteResult, write_templated
from claimreview.textsafe import printable, without_bidi_controls

if TYPE_CHECKING:
    from claimreview.config import Settings


def esc(value: str) -> str:
    """``str(markupsafe.escape(value))`` for a str, without building a Markup object per call."""
    return (
        value.replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


def text(value: str | None) -> str:
    """Untrusted text as the templates show it: ``{{ value|clean }}`` with autoescape on."""
    if not value:
        return ""
    if not value.isprintable():
        value = printable(without_bidi_controls(value))
    return esc(value)


def _sources_html(raw: str) -> str:
    """The ``<ul class="sources">`` of one verdict's evidence (``raw``: its sources JSON, not ``[]``)."""
    parts = ['<ul class="sources">\n']
    for src in parse_sources(raw):
        href = web_url(src["url"])
        if href:
            link = text(src["title"] or src["url"])
            item = f'<li><a href="{esc(href)}" rel="noopener noreferrer nofollow"><bdi>{link}</bdi></a>'
        else:
            item = f"<li><bdi>{text(src['title'])}</bdi> <code>{text(src['url'])}</code>"
        if src["quote"]:
            item += f': <q dir="auto">{text(src["quote"])}</q>'
        parts.append(item + "</li>\n")
    parts.append("</ul>\n")
    return "".join(parts)


def claim_blocks(sources: dict[str, str]) -> Callable[[Sequence[ClaimRecord], int], str]:
    """A renderer of ``<article>`` blocks for chunks of claims numbered from ``offset + 1``.

    ``sources``: each document's source line, already rendered (escaped) from html_source.j2.
    Reviewer names and notes repeat from claim to claim, so their escaped forms are kept.
    """
    names: dict[tuple[str, bool], str] = {}
    notes: dict[str, str] = {}
    speakers: dict[str, str] = {}
    disputed = rules.DISPUTED

    def who_html(name: str, ruling: bool) -> str:
        found = names.get((name, ruling))
        if found is None:
            found = names[(name, ruling)] = (
                f'<li><span class="who">{"Adjudication by " if ruling else ""}<bdi>{text(name)}</bdi></span>'
            )
        return found

    def render(chunk: Sequence[ClaimRecord], offset: int) -> str:
        out: list[str] = []
        add = out.append
        for n, c in enumerate(chunk, offset + 1):
            consensus = c.consensus
            before, after = c.context
            claim_text = text(c.text)
            cid = esc(c.id)
            head = f'<article class="claim {esc(consensus)}" id="claim-{cid}">\n<header>'
            head += f'<span class="num">#{n}</span>'
            if consensus == disputed:
                head += '<span class="flag">⚠ Disputed</span>'
            head += f'{BADGES[consensus]}<span class="id">{cid}</span><span>score {c.score:.2f}</span>'
            speaker = c.speaker
            if speaker:
                shown = speakers.get(speaker)
                if shown is None:
                    shown = speakers[speaker] = f"<span>speaker: <bdi>{text(speaker)}</bdi></span>"
                head += shown
            add(f'{head}</header>\n<h3 dir="auto">{claim_text}</h3>\n')
            published = publication_line(c.events, consensus)
            if published:
                changed = " changed" if "⚠" in published else ""
                add(f'<p class="publication{changed}">{esc(published)}</p>\n')
            if consensus == disputed:
                why = "; ".join(map(text, c.dispute))
                add(f'<p class="why"><strong>Disputed:</strong> <bdi>{why}</bdi></p>\n')
            add(
                f'{sources[c.document_id]}\n<blockquote class="context" dir="auto">{text(before)}'
                f"<mark>{claim_text}</mark>{text(after)}</blockquote>\n"
            )
            checked = c.checked_before
            if checked is not None:
                href = web_url(checked.url)
                link = (
                    f'<a href="{esc(href)}" rel="noopener noreferrer nofollow">{text(checked.url)}</a>'
                    if href
                    else f"<code>{text(checked.url)}</code>"
                )
                publisher = text(checked.publisher or "unknown publisher")
                add(
                    f'<p class="checked">Checked before: {publisher}, {text(checked.rating or "no rating")}, '
                    f"{link}</p>\n"
                )
            if not c.events:
                add('<p class="none">No verdicts yet.</p>\n</article>\n')
                continue
            add('<ul class="verdicts">\n')
            listed = c.listed
            for who, ruling, v in listed:
                at = esc(when(v.created_at))
                add(f'{who_html(who, ruling)}{BADGES[v.label]}<span class="at">{at}</span>\n')
                note = v.note
                if note:
                    shown = notes.get(note)
                    if shown is None:
                        shown = notes[note] = f'<p class="note" dir="auto">{text(note)}</p>\n'
                    add(shown)
                if v.sources_json != "[]":
                    add(_sources_html(v.sources_json))
                add("</li>\n")
            if not listed:
                add('<li class="none">No current verdicts (all cleared).</li>\n')
            add("</ul>\n</article>\n")
        return "".join(out)

    return render


def write_html(
    report: Report,
    stream: TextIO,
    settings: Settings,
    progress: ProgressCallback | None = None,
    *,
    claims_template: bool = False,
) -> WriteResult:
    """``claims_template``: render the claims with templates/html_claims.j2 (slow; the reference)."""
    return write_templated(
        report, stream, settings, progress, kind="html", claims=None if claims_template else claim_blocks
    )
