"""The Markdown report: summary, a text chart of verdicts per document, then every claim.

All untrusted text goes through the ``md`` filter (one line, markup characters backslash-escaped),
so it cannot break tables, headings or lists, nor inject links or HTML.

As for HTML (see html.py), the page comes from the templates and the per-claim sections from
``claim_sections``, which writes the same text as templates/md_claims.j2 (the reference, still used
with ``claims_template=True``; tests/export/test_export_fast_render.py compares the two) at a
fraction of Jinja2's cost per output; every untrusted value in it goes through ``md``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from claimreview import consensus as rules
from claimreview.export.common import CONSENSUS_TITLES, md, shorten, web_url, when
from claimreview.export.publication import publication_line
from claimreview.export.report import ClaimRecord, ProgressCallback, Report, parse_sources
from claimreview.export.writing import WriteResult, write_templated

if TYPE_CHECKING:
    from claimreview.config import Settings


def _sources_md(raw: str) -> str:
    """The evidence lines of one verdict (``raw``: its sources JSON, not ``[]``)."""
    lines = []
    for src in parse_sources(raw):
        href = web_url(src["url"])
        if href:
            line = f"  - [{md(src['title'] or src['url'])}](<{href}>)"
        else:
            line = f"  - {md(src['title'])} {md(src['url'])}"
        if src["quote"]:
            line += f": “{md(src['quote'])}”"
        lines.append(line + "\n")
    return "".join(lines)


def claim_sections(sources: dict[str, str]) -> Callable[[Sequence[ClaimRecord], int], str]:
    """A renderer of the ``### n.`` sections for chunks of claims numbered from ``offset + 1``.

    ``sources``: each document's **Source:** line, already rendered from md_source.j2.
    """
    names: dict[tuple[str, bool], str] = {}
    notes: dict[str, str] = {}
    speakers: dict[str, str] = {}
    titles = CONSENSUS_TITLES
    disputed = rules.DISPUTED

    def render(chunk: Sequence[ClaimRecord], offset: int) -> str:
        out: list[str] = []
        add = out.append
        for n, c in enumerate(chunk, offset + 1):
            consensus = c.consensus
            before, after = c.context
            status = titles.get(consensus, consensus)
            speaker = c.speaker
            if speaker:
                shown = speakers.get(speaker)
                if shown is None:
                    shown = speakers[speaker] = f" · speaker: {md(speaker)}"
            else:
                shown = ""
            score = f"{c.score:.2f}"
            claim = c.text
            shown_text = md(claim)
            if shown_text is claim:  # plain words on one line: md(shorten(...)) is shorten's cut alone
                heading = claim if len(claim) <= 140 else claim[:139].rstrip() + "…"
            else:
                heading = md(shorten(claim, 140))
            if consensus == disputed:
                add(f"### {n}. ⚠ DISPUTED — {heading}\n\n")
                add(f"`{c.id}` · consensus **{status}** ⚠ · score {score}{shown}\n\n")
            else:
                add(f"### {n}. {heading}\n\n`{c.id}` · consensus **{status}** · score {score}{shown}\n\n")
            published = publication_line(c.events, consensus)
            if published:
                add(f"**{md(published)}**\n\n")
            if consensus == disputed:
                add(f"> ⚠ **Disputed:** the reviewers disagree ({'; '.join(map(md, c.dispute))}).\n\n")
            add(f"{sources[c.document_id]}\n\n> {md(before)} **{shown_text}** {md(after)}\n\n")
            checked = c.checked_before
            if checked is not None:
                href = web_url(checked.url)
                link = f"<{href}>" if href else md(checked.url)
                publisher, rating = (
                    md(checked.publisher or "unknown publisher"),
                    md(checked.rating or "no rating"),
                )
                add(f"Checked before: {publisher}, {rating}, {link}\n\n")
            if not c.events:
                add("_No verdicts yet._\n\n")
                continue
            listed = c.listed
            for who, ruling, v in listed:
                key = (who, ruling)
                name = names.get(key)
                if name is None:
                    name = names[key] = f"- **{'Adjudication by ' if ruling else ''}{md(who)}**: "
                note = v.note
                if note:
                    line = notes.get(note)
                    if line is None:
                        line = notes[note] = f" — {md(note)}\n"
                else:
                    line = "\n"
                label = v.label
                add(f"{name}{titles.get(label, label)} ({md(when(v.created_at))}){line}")
                if v.sources_json != "[]":
                    add(_sources_md(v.sources_json))
            if not listed:
                add("_No current verdicts (all cleared)._\n")
            add("\n")
        return "".join(out)

    return render


def write_markdown(
    report: Report,
    stream: TextIO,
    settings: Settings,
    progress: ProgressCallback | None = None,
    *,
    claims_template: bool = False,
) -> WriteResult:
    """``claims_template``: render the claims with templates/md_claims.j2 (slow; the reference)."""
    return write_templated(
        report, stream, settings, progress, kind="md", claims=None if claims_template else claim_sections
    )
