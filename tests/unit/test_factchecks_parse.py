"""Reading ClaimReview in every published form, and refusing bad records with a precise location."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimreview.errors import InputError
from claimreview.export.jsonld import dumps_for_html
from claimreview.factchecks.parse import FactCheck, parse_file, parse_text
from claimreview.publish.claimreview import PublishedReview, claim_review
from claimreview.publish.settings import publish_settings

SAMPLES = Path(__file__).resolve().parents[2] / "db" / "samples" / "factchecks"


def review(n: int, **extra: object) -> dict[str, object]:
    doc: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checks.example/{n}",
        "claimReviewed": f"Claim number {n} is true",
        "author": {"@type": "Organization", "name": "Checks Desk", "url": "https://checks.example"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "False",
        },
    }
    doc.update(extra)
    return doc


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_single_object_keeps_every_field(tmp_path: Path) -> None:
    doc = review(
        1,
        headline="No, it is not",
        datePublished="2024-05-06T09:00:00Z",
        inLanguage={"@type": "Language", "name": "Portuguese", "alternateName": "pt-BR"},
        itemReviewed={
            "@type": "Claim",
            "author": {"@type": "Person", "name": "A Senator"},
            "datePublished": "2024-05-01",
            "appearance": [{"@type": "CreativeWork", "url": "https://social.example/p/1"}],
        },
    )
    (check,) = parse_file(write(tmp_path, "one.json", json.dumps(doc)))
    assert check == FactCheck(
        url="https://checks.example/1",
        claim_reviewed="Claim number 1 is true",
        headline="No, it is not",
        rating="False",
        rating_value=1.0,
        best_rating=5.0,
        worst_rating=1.0,
        publisher="Checks Desk",
        publisher_url="https://checks.example",
        date_published="2024-05-06",
        claim_author="A Senator",
        claim_date="2024-05-01",
        appearance_url="https://social.example/p/1",
        language="pt-br",
    )


def test_array_and_graph(tmp_path: Path) -> None:
    array = parse_file(write(tmp_path, "a.json", json.dumps([review(1), review(2)])))
    graph = parse_file(
        write(
            tmp_path,
            "g.json",
            json.dumps(
                {
                    "@context": "https://schema.org",
                    "@graph": [review(3), {"@type": "Organization", "name": "x"}],
                }
            ),
        )
    )
    assert [c.url for c in array] == ["https://checks.example/1", "https://checks.example/2"]
    assert [c.url for c in graph] == ["https://checks.example/3"]


def test_json_lines_with_or_without_extension(tmp_path: Path) -> None:
    text = "\n".join(json.dumps(review(n)) for n in range(3)) + "\n\n"
    assert len(parse_file(write(tmp_path, "f.jsonl", text))) == 3
    assert len(parse_file(write(tmp_path, "f.json", text))) == 3


def test_a_json_line_may_hold_a_raw_line_separator(tmp_path: Path) -> None:
    # JSON allows U+2028 / U+2029 unescaped inside strings; they do not end a JSON Lines record.
    said = "First line\u2028second line\u2029third"
    text = "\n".join(json.dumps(review(n, claimReviewed=said), ensure_ascii=False) for n in range(2))
    assert "\u2028" in text
    checks = parse_file(write(tmp_path, "f.jsonl", text))
    assert [c.url for c in checks] == ["https://checks.example/0", "https://checks.example/1"]


def test_datafeed_items_wrap_reviews_as_object_or_list(tmp_path: Path) -> None:
    feed = {
        "@type": "DataFeed",
        "dataFeedElement": [
            {"@type": "DataFeedItem", "item": [review(1)]},
            {"@type": "DataFeedItem", "item": review(2)},
            review(3),
        ],
    }
    checks = parse_file(write(tmp_path, "feed.json", json.dumps(feed)))
    assert [c.url for c in checks] == [f"https://checks.example/{n}" for n in (1, 2, 3)]


def test_html_page_with_several_blocks_and_other_markup(tmp_path: Path) -> None:
    page = f"""<!DOCTYPE html><html><head>
<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", "headline": "x"})}</script>
<script type="application/ld+json">{json.dumps({"@type": "WebPage", "mainEntity": review(1)})}</script>
<script>var x = {json.dumps(review(9))};</script>
</head><body><p>text &amp; more</p>
<script type="application/ld+json">
<!-- {json.dumps([review(2), review(3)])} -->
</script></body></html>"""
    checks = parse_file(write(tmp_path, "page.html", page))
    assert [c.url for c in checks] == [f"https://checks.example/{n}" for n in (1, 2, 3)]


def test_reads_claimreviews_own_export(tmp_path: Path) -> None:
    settings = publish_settings(organization_name="Our Desk", review_base_url="https://desk.example/reviews")
    review = PublishedReview(
        claim_id="c1", claim_text="The budget hides a hole", rating=settings.rating_scale.find("false"),
        summary="", explanation="", published_at="2025-03-02T10:00:00Z", approved_at="2025-03-02T09:00:00Z",
        speaker="Rafael Donn", document_title="Budget passes", document_url="https://news.example/budget",
        document_published="2025-03-01",
    )  # fmt: skip
    exported = dumps_for_html([claim_review(review, settings)]) + "\n"
    (check,) = parse_file(write(tmp_path, "export.json", exported))
    assert check.url == "https://desk.example/reviews/review/c1.html"
    assert (check.claim_reviewed, check.rating, check.publisher) == (
        "The budget hides a hole",
        "False",
        "Our Desk",
    )
    assert (check.claim_author, check.appearance_url) == ("Rafael Donn", "https://news.example/budget")


def test_empty_export_is_no_records_but_a_page_without_reviews_is_an_error(tmp_path: Path) -> None:
    assert parse_file(write(tmp_path, "empty.json", "[]\n")) == []
    with pytest.raises(InputError, match="no ClaimReview"):
        parse_file(write(tmp_path, "p.html", "<html><body><p>hello</p></body></html>"))


def test_a_repeated_url_keeps_the_later_record(tmp_path: Path) -> None:
    text = json.dumps([review(1), review(1, claimReviewed="Corrected wording")])
    (check,) = parse_file(write(tmp_path, "dup.json", text))
    assert check.claim_reviewed == "Corrected wording"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.jsonl", "\n".join([json.dumps(review(1)), json.dumps(review(2, url=None))]),
         "bad.jsonl:2: field '/url': missing"),
        ("bad.json",
         json.dumps({"dataFeedElement": [{"item": review(1)}, {"item": [review(2, claimReviewed="")]}]}),
         "bad.json: field '/dataFeedElement/1/item/0/claimReviewed': missing"),
        ("bad2.json", json.dumps([review(1, reviewRating={"ratingValue": "very"})]),
         "bad2.json: field '/0/reviewRating/ratingValue': expected a number"),
        ("bad3.json", json.dumps(review(1, datePublished="last Tuesday")),
         "bad3.json: field '/datePublished': not an ISO 8601 date"),
        ("bad4.json", json.dumps(review(1, url="javascript:alert(1)")),
         "bad4.json: field '/url': not an http(s) address"),
        ("bad5.json", json.dumps(review(1, claimReviewed={"text": "x"})),
         "bad5.json: field '/claimReviewed': expected text"),
        ("broken.json", '{"@type": "ClaimReview",\n "url": }', "broken.json:2: not valid JSON"),
        ("broken.html", '<html>\n<head>\n<script type="application/ld+json">{"a": }</script></head></html>',
         "broken.html:3: ld+json block is not valid JSON"),
        ("wrong.json", json.dumps({"@type": "NewsArticle"}), "wrong.json: no ClaimReview found"),
    ],
)  # fmt: skip
def test_bad_input_names_file_line_pointer_and_field(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_file(write(tmp_path, name, text))
    assert str(caught.value).startswith(str(tmp_path / name) + message.removeprefix(name))
    assert caught.value.exit_code == 2
    assert "\n" not in str(caught.value)


def test_one_bad_record_fails_the_whole_file() -> None:
    good = [review(n) for n in range(50)]
    with pytest.raises(InputError, match="/50/url"):
        parse_text(json.dumps([*good, review(50, url="")]), source="x.json")


def test_progress_is_reported_and_many_records_parse_fast() -> None:
    import time

    text = "\n".join(json.dumps(review(n, headline=f"Headline {n}")) for n in range(20_000))
    seen: list[tuple[int, int]] = []
    start = time.perf_counter()
    checks = parse_text(text, source="big.jsonl", progress=lambda done, total: seen.append((done, total)))
    took = time.perf_counter() - start
    assert len(checks) == 20_000
    assert seen[-1] == (20_000, 20_000) and len(seen) >= 20
    assert took < 5, f"20,000 records took {took:.1f} s"


def test_team_samples_parse_in_each_form() -> None:
    counts = {p.name: len(parse_file(p)) for p in sorted(SAMPLES.iterdir())}
    assert counts == {"civic-lens-feed.json": 4, "harbor-fact-desk.html": 4, "northwind-verify.jsonl": 7}


def test_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"claimReviewed": "caf\xe9"}')
    with pytest.raises(InputError, match="not UTF-8"):
        parse_file(path)
