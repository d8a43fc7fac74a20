"""The HTML report: one safe, self-contained file, parsed back with the standard library."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from claimreview import consensus as rules

from .conftest import HOSTILE_CLAIM, HOSTILE_NOTE, HOSTILE_SPEAKER, SCRIPT, Fixture


class Page(HTMLParser):
    """Tags, attributes and text of a page; ``stack`` tracks which element text sits in."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.articles: dict[str, dict[str, object]] = {}
        self._article: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "article":
            self._article = str(attributes.get("id"))
            self.articles[self._article] = {"class": attributes.get("class"), "text": []}

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._article is not None:
            self.articles[self._article]["text"].append(data)  # type: ignore[union-attr]

    def article_text(self, claim_id: str) -> str:
        return "".join(self.articles[f"claim-{claim_id}"]["text"])  # type: ignore[arg-type]


def test_is_self_contained_and_runs_nothing(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    html, _ = export_text("html")
    page = Page(html)
    names = [tag for tag, _ in page.tags]
    assert "script" not in names and "iframe" not in names and "img" not in names and "link" not in names
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "src" not in attrs
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("https://", "http://", "#claim-")), href
    csp = [a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in str(csp[0]["content"])
    # no external CSS or fonts: the only url() references are the chart's own patterns, in the same file
    assert set(re.findall(r"url\(([^)]*)\)", html)) <= {
        f"#{p}-{v}" for p in ("fill", "small") for v in rules.CONSENSUS_VALUES
    }
    assert "@import" not in html


def test_hostile_text_is_shown_as_text(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    html, _ = export_text("html")
    assert SCRIPT not in html  # only ever escaped
    page = Page(html)
    shown = page.article_text(fx.hostile)
    assert (
        '=HYPERLINK("http://evil.example","win") <script>alert(1)</script> | # heading `tick` [red]x[/red]'
        in shown
    )
    assert HOSTILE_SPEAKER in shown
    assert "<img src=x onerror=alert(1)>" in shown  # a source title
    assert HOSTILE_NOTE.replace("\x1b", "␛") in shown  # note kept with its lines, ANSI escape made visible
    assert "\x1b" not in html
    assert HOSTILE_CLAIM.replace("\x1b", "␛") in shown
    # the javascript: evidence link and the javascript: document url are text, not links
    assert "javascript:alert(1)" in shown
    assert all(not str(a.get("href", "")).startswith("javascript") for _, a in page.tags)


def test_claims_with_source_context_verdicts(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    html, _ = export_text("html")
    page = Page(html)
    assert list(page.articles) == [f"claim-{c}" for c in (fx.drones, fx.prices, fx.army, fx.aid, fx.hostile)]
    drones = page.article_text(fx.drones)
    for expected in (
        "Ceasefire talks resume",
        "articles/ceasefire.txt",
        "Talks resumed on Monday",
        "Officials gave no further details.",
        "alice",
        "Matches the briefing.",
        "MoD briefing",
        "40 drones were destroyed",
        "bob",
        " UTC",
    ):
        assert expected in drones
    assert "<mark>The Ministry of Defence said 40 drones were shot down overnight.</mark>" in html
    assert "No verdicts yet." in page.article_text(fx.army)
    assert "Adjudication by carol" in page.article_text(fx.aid)


def test_disputed_claim_stands_out(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    html, _ = export_text("html")
    page = Page(html)
    assert page.articles[f"claim-{fx.prices}"]["class"] == "claim disputed"
    assert page.articles[f"claim-{fx.drones}"]["class"] == "claim confirmed"
    assert "⚠ Disputed" in page.article_text(fx.prices)
    assert "Disputed: alice: confirmed; bob: denied" in page.article_text(fx.prices)
    assert "⚠ Disputed" not in page.article_text(fx.drones)
    assert ".claim.disputed {" in html  # styled differently
    assert f'href="#claim-{fx.prices}"' in html  # listed in the summary, linked


def test_summary_and_chart(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    html, _ = export_text("html")
    page = Page(html)
    text = "".join(page.text)
    assert "Krippendorff's alpha (nominal)0.125" in text
    assert "Percent agreement (reviewer pairs giving the same label)50.0%" in text
    assert "alice & bob4250.0%" in text
    svg = html[html.index("<svg") : html.index("</svg>")]
    # one bar per document: the ceasefire article has confirmed, disputed and unreviewed segments
    assert svg.count("<g>") == 2
    assert "<title>confirmed: 2</title>" in svg and "<title>disputed: 1</title>" in svg
    assert "<title>denied: 1</title>" in svg
    assert "&lt;script&gt;" in svg  # the hostile title, escaped inside the SVG too


def test_empty_report_says_so(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    html, summary = export_text("html", reviewer="nobody")
    page = Page(html)
    assert summary.empty
    assert page.articles == {}
    assert "Empty report: no claims match the filters (reviewed by nobody); the report is empty." in "".join(
        page.text
    )
    assert html.rstrip().endswith("</html>")


def test_bidi_controls_never_reach_a_report_and_text_is_isolated(fx: Fixture, export_text) -> None:  # type: ignore[no-untyped-def]
    from claimreview.textsafe import BIDI_CONTROLS

    fx.store.append_event(fx.army, "\u202eecila", rules.DENIED, note="الملف \u202egnp.exe مزيف \u2067x")
    for fmt in ("md", "html", "csv"):
        text, _ = export_text(fmt)
        assert not any(char in text for char in BIDI_CONTROLS), fmt
        assert "gnp.exe" in text and "الملف" in text
    html, _ = export_text("html")
    assert '<p class="note" dir="auto">الملف gnp.exe مزيف x</p>' in html
    assert '<span class="who"><bdi>ecila</bdi></span>' in html
    assert html.count('<h3 dir="auto">') == 5
