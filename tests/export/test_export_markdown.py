"""The Markdown report, read back through a CommonMark parser as a reader's viewer would render it."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from .conftest import HOSTILE_CLAIM, Fixture

# Raw HTML enabled: the report must be safe even where a viewer passes HTML through.
RENDER = MarkdownIt("commonmark", {"html": True}).enable("table").render


def test_summary_chart_and_every_claim(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    text, summary = export_text("md")
    assert summary.written == 5 and not summary.warnings
    assert "**5** claim(s) in **2** document(s)" in text
    assert "| Disputed ⚠ | 1 | 20.0% |" in text
    assert "| alice | 4 | 3 | 1 | 0 | 5 |" in text
    assert "Percent agreement (reviewer pairs giving the same label): **50.0%**" in text
    assert "Krippendorff's alpha (nominal): **0.125**" in text
    assert "## Verdicts per document" in text and "🟩" in text
    # each claim, with its source and context, emphasised
    assert len(re.findall(r"^### \d+\. ", text, re.M)) == 5
    assert "**Source:** [Ceasefire talks resume](<https://news.example.org/ceasefire>)" in text
    assert (
        "> Talks resumed on Monday in the capital after a week of silence. **The Ministry of Defence" in text
    )
    # every reviewer's current label, note, evidence and time
    assert re.search(
        r"- \*\*alice\*\*: Confirmed \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\) — Matches the briefing\.", text
    )
    assert "  - [MoD briefing](<https://mod.example.gov/briefing>): “40 drones were destroyed”" in text
    assert "- **Adjudication by carol**: Confirmed" in text


def test_disputed_claim_is_marked(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    text, _ = export_text("md")
    heading = next(line for line in text.splitlines() if "Prices rose" in line and line.startswith("### "))
    assert "⚠ DISPUTED" in heading
    assert "> ⚠ **Disputed:** the reviewers disagree (alice: confirmed; bob: denied)." in text
    assert "### ⚠ Disputed claims (1)" in text
    # an agreed claim carries no mark
    drones = next(
        line for line in text.splitlines() if "Ministry of Defence said" in line and line.startswith("### ")
    )
    assert "DISPUTED" not in drones


def test_hostile_text_stays_text(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    text, _ = export_text("md")
    assert "\x1b" not in text  # ANSI escapes shown as a visible symbol, never raw
    html = RENDER(text)
    assert "<script" not in html and "<img" not in html
    assert "javascript:" not in re.findall(r'href="([^"]*)"', html).__str__()
    # the claim text shows up literally (escaped for HTML by the renderer), in one heading
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "=HYPERLINK(&quot;http://evil.example&quot;,&quot;win&quot;)" in html
    headings = re.findall(r"<h3>(.*?)</h3>", html)
    hostile = [h for h in headings if "HYPERLINK" in h]
    assert len(hostile) == 1
    assert "`tick`" in hostile[0] and "<code>" not in hostile[0]  # backticks stay literal
    assert "[red]x[/red]" in hostile[0] and "| # heading" in hostile[0]
    # one title, and exactly the expected sections: nothing in the text made a heading of its own
    assert len(re.findall(r"<h1>", html)) == 1
    assert len(re.findall(r"<h2>", html)) == 4  # Summary, Verdicts per document, Time, Claims
    assert len(headings) == 5 + 4 + 5  # summary subsections, time subsections, then one per claim
    # the document table keeps 9 cells per row (one per consensus), the hostile title's row too
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    hostile_row = next(r for r in rows if "Title" in r and "bc18" in r)
    assert len(re.findall(r"<td", hostile_row)) == 9


def test_hostile_lines_do_not_break_structure(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    text, _ = export_text("md")
    # the multi-line hostile note is flattened onto its verdict's line; nothing starts a new block
    line = next(line for line in text.splitlines() if "not a list" in line)
    assert line.startswith("- **alice**: Denied")
    assert HOSTILE_CLAIM.split("\n")[0][:10] in text  # =HYPERLINK( is harmless in Markdown
    for raw in text.splitlines():
        if raw.startswith("|"):
            assert raw.endswith("|")
            unescaped = re.findall(r"(?<!\\)\|", raw)
            assert len(unescaped) in (4, 5, 6, 7, 10), raw


def test_empty_report_says_so(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    text, summary = export_text("md", status="unverified")
    assert summary.empty and summary.written == 0
    assert "> **Empty report:** no claims match the filters (consensus is unverified)" in text
    assert "No claims." in text
    assert summary.warnings == ["no claims match the filters (consensus is unverified); the report is empty"]


def test_hostile_event_time_stays_text(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    # created_at comes from imports and sync as any string; `when` passes what it cannot read through
    fx.store.insert_events(
        [
            {
                "id": "odd-time",
                "claim_id": fx.army,
                "reviewer": "dave",
                "kind": "review",
                "label": "confirmed",
                "note": "",
                "sources": [],
                "created_at": "[x](javascript:alert(1)) <img src=x onerror=alert(1)>",
                "replaces": None,
                "server_seq": None,
            }
        ]
    )
    text, _ = export_text("md")
    html = RENDER(text)
    assert "<img" not in html
    assert "javascript:" not in str(re.findall(r'href="([^"]*)"', html))
    assert r"(\[x\](javascript:alert(1)) \<img src=x onerror=alert(1)\>)" in text
