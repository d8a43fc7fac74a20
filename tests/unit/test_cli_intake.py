"""Getting articles in: --min-score, provenance options and metadata, local paths never as web addresses,
and finding the demo's database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimreview import consensus as rules
from claimreview.store import Store

# Our own text: figures, a named source and a date, so the extractor scores the sentences differently.
ARTICLE = """Lakeside clinic waits grow

The regional health board said on 4 February that 2,300 patients waited more than six weeks for a scan.
The weather was mild for the season.
Dr. Ines Moro, who runs the clinic, said staffing fell by 15% since 2023 according to board records.
Visitors can park behind the building.
"""

PAGE = """<!doctype html><html><head>
<title>Ferry fares doubled - Coastline Courier</title>
<meta property="og:title" content="Ferry fares doubled">
<meta property="og:site_name" content="Coastline Courier">
<meta property="og:url" content="https://courier.example.net/2025/ferry-fares">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Coastline Courier"},
  {"@type": "NewsArticle", "headline": "Ferry fares doubled", "datePublished": "2025-06-02T07:15:00+02:00",
   "publisher": {"@type": "Organization", "name": "Coastline Courier"}}]}
</script></head><body><article>
<p>The ferry operator said return fares rose from 12 to 24 euros on 1 June, a rise of 100%.</p>
<p>Passengers queued at the harbour.</p>
</article></body></html>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def claims_json(cli, db: Path) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    return [json.loads(line) for line in cli("claims", "--json", "--db", db).out.splitlines()]


def test_min_score_keeps_only_claims_at_or_above_it(cli, tmp_path: Path, db_file: Path) -> None:
    article = write(tmp_path, "clinic.txt", ARTICLE)
    every = tmp_path / "every.db"
    assert cli("extract", article, "--db", every).code == 0
    scores = sorted(float(c["score"]) for c in claims_json(cli, every))  # type: ignore[arg-type]
    assert len(scores) >= 2 and scores[0] < scores[-1]
    cut = (scores[0] + scores[-1]) / 2
    result = cli("extract", article, "--min-score", str(cut), "--db", db_file)
    assert result.code == 0 and f"scoring at least {cut:g}" in result.out
    kept = [float(c["score"]) for c in claims_json(cli, db_file)]  # type: ignore[arg-type]
    assert kept and all(s >= cut for s in kept) and len(kept) == sum(s >= cut for s in scores)


@pytest.mark.parametrize("value", ["1.5", "-0.1"])
def test_min_score_out_of_range_refused(cli, tmp_path: Path, db_file: Path, value: str) -> None:
    result = cli("extract", write(tmp_path, "a.txt", ARTICLE), "--min-score", value, "--db", db_file)
    assert result.code == 2 and "--min-score" in result.err and not db_file.exists()


def test_claims_order_by_score_or_position(cli, tmp_path: Path, db_file: Path) -> None:
    cli("extract", write(tmp_path, "clinic.txt", ARTICLE), "--db", db_file)
    by_position = claims_json(cli, db_file)
    assert [c["start"] for c in by_position] == sorted(c["start"] for c in by_position)  # type: ignore[type-var]
    out = cli("claims", "--json", "--order", "score", "--db", db_file).out
    by_score = [json.loads(line) for line in out.splitlines()]
    assert [c["score"] for c in by_score] == sorted((c["score"] for c in by_position), reverse=True)  # type: ignore[type-var]
    assert all(c["reasons"] for c in by_score)  # the extractor says why it picked each one


def test_provenance_options_apply_to_every_file(cli, tmp_path: Path, db_file: Path) -> None:
    files = [write(tmp_path, "clinic.txt", ARTICLE), write(tmp_path, "page.html", PAGE)]
    result = cli(
        "extract", *files, "--url", "https://board.example.org/news/1", "--publisher", "Health Board",
        "--date", "2025-02-04", "--db", db_file,
    )  # fmt: skip
    assert result.code == 0, result
    with Store.open(db_file) as store:
        docs = [doc for doc, _n, _r in store.list_documents()]
    assert {(d.url, d.publisher, d.published) for d in docs} == {
        ("https://board.example.org/news/1", "Health Board", "2025-02-04")
    }


def test_html_gives_its_own_metadata(cli, tmp_path: Path, db_file: Path) -> None:
    assert cli("extract", write(tmp_path, "page.html", PAGE), "--db", db_file).code == 0
    with Store.open(db_file) as store:
        (doc, _n, _r), *_ = store.list_documents()
    assert (doc.title, doc.publisher, doc.published) == (
        "Ferry fares doubled",
        "Coastline Courier",
        "2025-06-02",
    )
    assert doc.url == "https://courier.example.net/2025/ferry-fares"


@pytest.mark.parametrize(
    ("option", "value", "field"),
    [
        ("--date", "4 Feb 2025", "--date"),
        ("--date", "2025-02-30", "--date"),
        ("--url", "/home/ann/clinic.txt", "--url"),
        ("--url", "javascript:alert(1)", "--url"),
        ("--publisher", "  ", "--publisher"),
    ],
)
def test_bad_provenance_refused_before_anything_is_written(
    cli, tmp_path: Path, db_file: Path, option: str, value: str, field: str
) -> None:
    result = cli("extract", write(tmp_path, "clinic.txt", ARTICLE), option, value, "--db", db_file)
    assert result.code == 2 and f"field '{field}'" in result.err and not db_file.exists(), result


def test_a_local_path_is_never_a_web_address(cli, tmp_path: Path, db_file: Path) -> None:
    from claimreview.config import Settings
    from claimreview.publish.claimreview import claim_review
    from claimreview.publish.export import write_export
    from claimreview.publish.reviews import published_reviews
    from claimreview.publish.settings import publish_settings
    from claimreview.store.editorial import published_claims

    article = write(tmp_path, "clinic.txt", ARTICLE)
    cli("extract", article, "--db", db_file)
    with Store.open(db_file) as store:
        claim = store.list_claims()[0]
        assert store.get_document(claim.document_id).uri == str(article)  # type: ignore[union-attr]
        store.append_event(claim.id, "ann", rules.CONFIRMED)
        store.append_event(claim.id, "ed", rules.APPROVED, kind=rules.EDITORIAL)
        store.append_event(claim.id, "ed", rules.PUBLISHED, kind=rules.EDITORIAL, payload={"rating": "true"})
        settings = Settings(review_base_url="https://facts.example.org/r/")
        for fmt, name in (("md", "r.md"), ("html", "r.html")):
            write_export(store, fmt, tmp_path / name, settings=settings)
        scale = {"worst": 1, "best": 2, "ratings": {"true": {"label": "True", "value": 2}}}
        publishing = publish_settings(
            organization_name="Desk", review_base_url="https://facts.example.org/r/", rating_scale=scale
        )
        reviews = published_reviews(published_claims(store), publishing.rating_scale)
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert f"({article})" in md.replace("\\", "") and f"<{article}>" not in md
    assert f"<code>{article}</code>" in html and f'href="{article}"' not in html
    assert "file:" not in md + html
    (review,) = reviews.reviews
    markup = claim_review(review, publishing)
    assert "appearance" not in markup["itemReviewed"]
    assert str(article) not in json.dumps(markup)


# -- where the databases are ---------------------------------------------------------------------


def test_after_demo_the_default_database_points_to_it(cli, isolated_user_dirs: Path) -> None:
    from claimreview.cli.claims import ensure_demo_db

    demo = ensure_demo_db()
    for command in ("claims", "stats"):
        result = cli(command)
        assert result.code == 2 and "no such database" in result.err
        assert f"--db {demo}" in result.err and result.err.count("\n") == 1
    assert cli("claims", "--db", demo).code == 0


def test_review_refuses_a_missing_database_unless_asked_to_create(cli, tmp_path: Path) -> None:
    missing = tmp_path / "mistyped.db"
    result = cli("review", "--db", missing)
    assert result.code == 2 and "no such database" in result.err and "--create" in result.err
    assert not missing.exists()
