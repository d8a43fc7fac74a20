"""The static site: a page per published review with its ClaimReview, an index, a DataFeed and an Atom
feed; safe with hostile text; re-running rewrites only what changed."""

from __future__ import annotations

import dataclasses
import html
import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from claimreview.errors import InputError
from claimreview.publish.site import ATOM, DATAFEED, INDEX, render_site, write_site
from claimreview.textsafe import BIDI_CONTROLS

from .conftest import make_reviews, make_settings
from .jsonld_check import SCHEMA, citation_problems, dropped_terms, expand, google_problems, value

ATOM_NS = "{http://www.w3.org/2005/Atom}"
_LD = re.compile(r'<script type="application/ld\+json">\n(.*?)\n</script>', re.S)


def embedded(page: str) -> dict:
    [block] = _LD.findall(page)
    return json.loads(block)


def read(out: Path, relative: str) -> str:
    return (out / relative).read_text(encoding="utf-8")


def test_one_page_per_review_with_its_claimreview(tmp_path: Path, settings, reviews) -> None:
    result = write_site(reviews, tmp_path / "site", settings)
    out = tmp_path / "site"
    assert result.reviews == 4
    pages = sorted(p.name for p in (out / "review").iterdir())
    assert pages == sorted(f"{r.claim_id}.html" for r in reviews)
    for review in reviews:
        page = read(out, f"review/{review.claim_id}.html")
        markup = embedded(page)
        assert dropped_terms(markup) == set()
        [node] = expand(markup)
        required = [p for p in google_problems(node) if not p.startswith("recommended")]
        assert required == []
        assert citation_problems(node) == []
        # Every web evidence address is cited, the page's evidence list and the markup alike.
        cited = [value(c, "url") for c in node.get(SCHEMA + "citation", [])]
        assert cited == [e.url for e in review.evidence if e.url.startswith("https://")]
        for url in cited:
            assert f'href="{html.escape(url)}"' in page
        assert value(node, "url") == f"https://facts.example.org/checks/review/{review.claim_id}.html"
        assert f'<link rel="canonical" href="{value(node, "url")}">' in page
        assert html.escape(review.rating.label) in page


def test_the_page_shows_claim_speaker_appearance_rating_explanation_evidence_dates(
    tmp_path, settings, reviews
):
    write_site(reviews, tmp_path, settings)
    page = read(tmp_path, "review/a1b2c3d4e5f60718.html")
    text = re.sub(r"<[^>]+>", "", page)
    for shown in (
        "The new ferry line carried more passengers",
        "Councillor Mira Okafor",
        "Council meeting, 27 February: transcript",
        "https://council.example.net/meetings/2026-02-27/transcript?part=2",
        "Misleading",
        "2 on a scale from 1 to 4",
        "Counted the same way",
        "Port authority: monthly passenger counts, January",
        "https://port.example.net/statistics/2026/monthly-passenger-counts-january-2026-final.csv",
        "Each leg of a return journey",
        "2026-03-01 09:30 UTC",  # first verdict
        "2026-03-03 17:02 UTC",  # approved
        "2026-03-04 10:15 UTC",  # published
        "Ana Lima, Tomasz Nowak",
    ):
        assert html.escape(shown, quote=False) in text, shown


def test_reviewers_are_left_off_pages_unless_the_organisation_shows_them(tmp_path, reviews) -> None:
    settings = make_settings(show_reviewers=False)
    write_site(make_reviews(settings), tmp_path, settings)
    page = read(tmp_path, "review/a1b2c3d4e5f60718.html")
    assert "Ana Lima" not in page and "Reviewed by" not in page


def test_hostile_text_is_inert_and_cannot_reorder_the_page(tmp_path: Path, settings, reviews) -> None:
    write_site(reviews, tmp_path, settings)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            content = path.read_text(encoding="utf-8")
            assert not set(BIDI_CONTROLS) & set(content), path
            assert "javascript:" not in content, path
            assert "/home/reviewer" not in content and "file:///" not in content, path
    page = read(tmp_path, "review/ffff0000eeee1111.html")
    assert page.count("<script") == 1  # only the JSON-LD block
    assert "<img" not in page and "<b>" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Download the photo &#34;gnp.exe&#34;" in page
    # The local file is mentioned by its title, without its path.
    assert 'The file as received</bdi> <span class="meta">(not on the web)' in page


def test_untrusted_text_sits_in_direction_isolated_elements(tmp_path: Path, settings, reviews) -> None:
    write_site(reviews, tmp_path, settings)
    page = read(tmp_path, "review/0f1e2d3c4b5a6978.html")
    assert '<h1 dir="auto" lang="ar">محطة التحلية' in page
    assert '<blockquote class="claim" dir="auto">محطة التحلية الجديدة' in page
    assert "<strong><bdi>وزارة المياه</bdi></strong>" in page
    assert '<p dir="auto">تقرير الشركة المشغلة' in page
    assert "<bdi>ليلى حداد</bdi>" in page
    index = read(tmp_path, INDEX)
    assert '<h2 dir="auto" lang="ar"><a href="review/0f1e2d3c4b5a6978.html">محطة' in index


def test_pages_load_nothing_and_run_nothing(tmp_path: Path, settings, reviews) -> None:
    write_site(reviews, tmp_path, settings)
    for path in [*tmp_path.glob("review/*.html"), tmp_path / INDEX]:
        page = path.read_text(encoding="utf-8")
        assert "default-src 'none'" in page
        assert not re.search(r"<(?:link rel=\"stylesheet\"|img|iframe|object|embed)\b", page)
        assert not re.search(r"<[^>]*\ssrc=", page)
        assert "@import" not in page and "url(" not in page
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
        assert "@media print" in page


def test_the_index_lists_every_review_newest_first(tmp_path: Path, settings, reviews) -> None:
    write_site(reviews, tmp_path, settings)
    index = read(tmp_path, INDEX)
    links = re.findall(r'<a href="(review/[0-9a-f]+\.html)">', index)
    assert links == [
        "review/ffff0000eeee1111.html",
        "review/0f1e2d3c4b5a6978.html",
        "review/a1b2c3d4e5f60718.html",
        "review/1234abcd5678ef90.html",
    ]
    assert '<link rel="alternate" type="application/atom+xml" href="atom.xml"' in index


def test_the_datafeed_holds_every_claimreview(tmp_path: Path, settings, reviews) -> None:
    write_site(reviews, tmp_path, settings)
    feed = json.loads(read(tmp_path, DATAFEED))
    assert dropped_terms(feed) == set()
    [node] = expand(feed)
    assert node["@type"] == [SCHEMA + "DataFeed"]
    assert value(node, "dateModified") == "2026-03-06"
    items = [element[SCHEMA + "item"][0] for element in node[SCHEMA + "dataFeedElement"]]
    assert len(items) == 4
    for item in items:
        assert [p for p in google_problems(item) if not p.startswith("recommended")] == []
    pages = {embedded(read(tmp_path, f"review/{r.claim_id}.html"))["url"] for r in reviews}
    assert {value(item, "url") for item in items} == pages


def test_the_atom_feed_parses_and_links_each_page(tmp_path: Path, settings, reviews) -> None:
    write_site(reviews, tmp_path, settings)
    root = ET.fromstring((tmp_path / ATOM).read_bytes())
    assert root.tag == f"{ATOM_NS}feed"
    assert root.findtext(f"{ATOM_NS}updated") == "2026-03-06T12:00:00+00:00"
    assert root.findtext(f"{ATOM_NS}author/{ATOM_NS}name") == "Harbour Fact Desk"
    entries = root.findall(f"{ATOM_NS}entry")
    assert [e.findtext(f"{ATOM_NS}title") for e in entries][1:3] == [
        "False: محطة التحلية تنتج ضعف حاجة المدينة من المياه",
        "Misleading: Ferry line's first month beat the old line's whole year",
    ]
    for entry in entries:
        link = entry.find(f"{ATOM_NS}link").get("href")
        assert entry.findtext(f"{ATOM_NS}id") == link
        assert link.startswith("https://facts.example.org/checks/review/")
        assert entry.findtext(f"{ATOM_NS}published")
    corrected = entries[3]
    assert corrected.findtext(f"{ATOM_NS}updated") == "2026-02-22T09:00:00+00:00"


def test_rerunning_rewrites_only_what_changed(tmp_path: Path, settings, reviews) -> None:
    out = tmp_path / "site"
    first = write_site(reviews, out, settings)
    assert (len(first.written), len(first.unchanged)) == (7, 0)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
    again = write_site(reviews, out, settings)
    assert (len(again.written), len(again.unchanged)) == (0, 7)
    assert again.summary() == "4 published review(s): wrote 0 file(s), 7 unchanged"
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.html")} == stamps

    changed = [*reviews]
    changed[0] = dataclasses.replace(changed[0], explanation="A shorter explanation.")
    third = write_site(changed, out, settings)
    # The feeds carry the explanation; the index shows none of it, so it stays.
    assert third.written == [ATOM, DATAFEED, "review/a1b2c3d4e5f60718.html"]

    new = dataclasses.replace(reviews[0], claim_id="9999aaaa8888bbbb", published_at="2026-03-09T09:00:00Z")
    fourth = write_site([*changed, new], out, settings)
    assert sorted(fourth.written) == [ATOM, DATAFEED, INDEX, "review/9999aaaa8888bbbb.html"]
    assert not list(out.rglob("*.tmp"))


def test_unpublished_pages_are_reported_and_removed_only_when_asked(
    tmp_path: Path, settings, reviews
) -> None:
    write_site(reviews, tmp_path, settings)
    kept = write_site(reviews[1:], tmp_path, settings)
    assert kept.stale == ["review/a1b2c3d4e5f60718.html"]
    assert (tmp_path / "review/a1b2c3d4e5f60718.html").exists()
    pruned = write_site(reviews[1:], tmp_path, settings, prune=True)
    assert pruned.removed == ["review/a1b2c3d4e5f60718.html"]
    assert not (tmp_path / "review/a1b2c3d4e5f60718.html").exists()


def test_since_keeps_reviews_published_that_day_or_later(tmp_path: Path, settings, reviews) -> None:
    result = write_site(reviews, tmp_path, settings, since=date(2026, 3, 5))
    assert result.reviews == 2
    assert sorted(p.name for p in (tmp_path / "review").iterdir()) == [
        "0f1e2d3c4b5a6978.html",
        "ffff0000eeee1111.html",
    ]
    assert "since 2026-03-05" in read(tmp_path, INDEX)
    with pytest.raises(InputError, match="since"):
        write_site(reviews, tmp_path, settings, since=date(2026, 3, 5), prune=True)


def test_an_empty_site_is_still_valid_and_stable(tmp_path: Path, settings) -> None:
    write_site([], tmp_path, settings)
    assert "Nothing is published yet." in read(tmp_path, INDEX)
    assert ET.fromstring((tmp_path / ATOM).read_bytes()).findall(f"{ATOM_NS}entry") == []
    assert json.loads(read(tmp_path, DATAFEED))["dataFeedElement"] == []
    assert write_site([], tmp_path, settings).written == []


def test_a_bad_review_stops_the_run_before_anything_is_written(tmp_path: Path, settings, reviews) -> None:
    broken = [*reviews, dataclasses.replace(reviews[0], claim_id="bad0", published_at="soon")]
    with pytest.raises(InputError, match="published_at"):
        write_site(broken, tmp_path / "site", settings)
    assert not (tmp_path / "site").exists()
    with pytest.raises(InputError, match="listed twice"):
        render_site([reviews[0], reviews[0]], settings)


def test_the_output_must_be_a_folder(tmp_path: Path, settings, reviews) -> None:
    target = tmp_path / "file.html"
    target.write_text("x")
    with pytest.raises(InputError, match="is not a folder"):
        write_site(reviews, target, settings)
    with pytest.raises(InputError, match="does not exist"):
        write_site(reviews, tmp_path / "missing" / "site", settings)


def test_the_page_heading_keeps_the_whole_summary_while_the_markup_keeps_75(
    tmp_path, settings, reviews
) -> None:
    write_site(reviews, tmp_path, settings)
    page = read(tmp_path, "review/1234abcd5678ef90.html")
    whole = "Regional unemployment at its lowest since records began, and it has stayed low since then"
    assert f'<h1 dir="auto" lang="en">{whole}</h1>' in page
    assert len(embedded(page)["claimReviewed"]) <= 75
