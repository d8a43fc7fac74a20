"""`factchecks import|list|stats|adopt`, `match` and the matches beside claims, as a user meets them.

The fact-checks and articles here are written for these tests (a town with a bridge, a ferry and a
school board), not copied from any publisher.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from claimreview.factchecks.parse import FactCheck
from claimreview.store import Store
from claimreview.store import factchecks as stored

ARTICLE = (
    "Mayor Ellen Roos said the Tarn river bridge will close for repairs for nine months from May.\n\n"
    "The school board voted to hire 40 new teachers this autumn, a spokesman said.\n\n"
    "The choir gave a concert in the chapel on Sunday evening and sang for two hours."
)


def review(url: str, claim: str, rating: str, *, headline: str = "", publisher: str = "Tarn Check") -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "headline": headline or claim,
        "datePublished": "2025-04-02",
        "author": {"@type": "Organization", "name": publisher, "url": "https://tarncheck.example"},
        "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
                         "alternateName": rating},
    }  # fmt: skip


BRIDGE = review(
    "https://tarncheck.example/bridge-closure",
    "The Tarn bridge is being shut for nine months of repair work starting in May.",
    "Mostly true",
    headline="Yes, the Tarn bridge closes for nine months",
)
FERRY = review(
    "https://tarncheck.example/ferry-fares",
    "Ferry fares across the Tarn will double next year.",
    "False",
    publisher="Riverside Facts",
)
TEACHERS = review(
    "https://riverside.example/teachers",
    "The school board is hiring forty more teachers for the autumn term.",
    "True",
    publisher="Riverside Facts",
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "tarn.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def claims_json(cli, db: Path) -> list[dict]:
    result = cli("claims", "--json", "--db", db)
    assert result.code == 0, result
    return [json.loads(line) for line in result.out.splitlines()]


def test_import_then_reimport_updates_in_place(cli, tmp_path: Path, db_file: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [BRIDGE, FERRY])
    result = cli("factchecks", "import", first, "--db", db_file)
    assert result.code == 0, result
    assert "added 2 fact-check(s)" in result.out
    changed = dict(FERRY, reviewRating=dict(FERRY["reviewRating"], alternateName="Mostly false"))
    second = write_jsonl(tmp_path / "b.json", [BRIDGE, changed, TEACHERS])
    result = cli("factchecks", "import", second, "--db", db_file)
    assert result.code == 0, result
    assert "added 1 fact-check(s), updated 1, 1 unchanged" in result.out
    listed = [
        json.loads(line) for line in cli("factchecks", "list", "--json", "--db", db_file).out.splitlines()
    ]
    assert sorted(r["url"] for r in listed) == sorted(r["url"] for r in (BRIDGE, FERRY, TEACHERS))
    assert {r["url"]: r["rating"] for r in listed}[FERRY["url"]] == "Mostly false"
    stats = cli("factchecks", "stats", "--db", db_file).out
    assert "3 fact-check(s)" in stats
    assert "Riverside Facts" in stats and "│           2 │" in stats


def test_one_bad_record_in_any_file_imports_nothing(cli, tmp_path: Path, db_file: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [BRIDGE])
    no_claim = {k: v for k, v in FERRY.items() if k != "claimReviewed"}
    bad = write_jsonl(tmp_path / "bad.jsonl", [TEACHERS, no_claim])
    result = cli("factchecks", "import", good, bad, "--db", db_file)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1
    assert "bad.jsonl:2" in lines[0] and "claimReviewed" in lines[0]
    if db_file.exists():
        with Store.open(db_file) as store:
            assert stored.count_factchecks(store) == 0


def test_matches_are_stored_after_extract_and_when_fact_checks_arrive(
    cli, tmp_path: Path, db_file: Path, article: Path
) -> None:
    assert (
        cli("factchecks", "import", write_jsonl(tmp_path / "a.jsonl", [BRIDGE, FERRY]), "--db", db_file).code
        == 0
    )
    assert cli("extract", article, "--db", db_file).code == 0
    by_text = {c["text"]: c["matches"] for c in claims_json(cli, db_file)}
    bridge = next(m for t, m in by_text.items() if "bridge" in t)
    teachers = next(m for t, m in by_text.items() if "teachers" in t)
    assert [m["url"] for m in bridge] == [BRIDGE["url"]]
    top = bridge[0]
    assert top["rank"] == 1 and 0 < top["score"] <= 1
    assert top["rating"] == "Mostly true" and top["publisher"] == "Tarn Check" and top["date"] == "2025-04-02"
    assert top["claim_reviewed"] == BRIDGE["claimReviewed"]
    assert teachers == []
    # A new fact-check arrives: the claim it answers gains a match without re-extracting anything.
    assert (
        cli("factchecks", "import", write_jsonl(tmp_path / "b.jsonl", [TEACHERS]), "--db", db_file).code == 0
    )
    by_text = {c["text"]: c["matches"] for c in claims_json(cli, db_file)}
    teachers = next(m for t, m in by_text.items() if "teachers" in t)
    assert [m["url"] for m in teachers] == [TEACHERS["url"]]
    assert all(not m for t, m in by_text.items() if "choir" in t)


def test_match_one_text_and_many(cli, tmp_path: Path, db_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cli("factchecks", "import", write_jsonl(tmp_path / "a.jsonl", [BRIDGE, FERRY, TEACHERS]), "--db", db_file)
    result = cli(
        "match", "Is it true they're closing the Tarn bridge for 9 months?", "--json", "--db", db_file
    )
    assert result.code == 0, result
    first = json.loads(result.out.splitlines()[0])
    assert first["url"] == BRIDGE["url"] and first["rank"] == 1
    assert set(first) >= {"rank", "score", "url", "claim_reviewed", "rating", "publisher", "date"}
    human = cli("match", "ferry fares will double", "--top", "1", "--db", db_file)
    assert "Riverside Facts: False" in human.out and FERRY["url"] in human.out

    queries = tmp_path / "q.jsonl"
    queries.write_text(
        json.dumps({"id": "q1", "text": "forty extra teachers hired by the school board"})
        + "\n\n"
        + json.dumps({"id": 7, "text": "the choir sang in the chapel"})
        + "\n",
        encoding="utf-8",
    )
    result = cli("match", "--input", queries, "--top", "2", "--db", db_file)
    assert result.code == 0, result
    rows = [json.loads(line) for line in result.out.splitlines()]
    assert rows[0]["query_id"] == "q1" and rows[0]["url"] == TEACHERS["url"] and rows[0]["rank"] == 1
    assert all(r["query_id"] in ("q1", 7) for r in rows)

    import io

    monkeypatch.setattr(
        "sys.stdin", io.StringIO(json.dumps({"id": "s", "text": "ferry fares double"}) + "\n")
    )
    result = cli("match", "--input", "-", "--db", db_file)
    assert json.loads(result.out.splitlines()[0])["url"] == FERRY["url"]


def test_match_input_with_a_bad_line_prints_only_the_error(cli, tmp_path: Path, db_file: Path) -> None:
    cli("factchecks", "import", write_jsonl(tmp_path / "a.jsonl", [BRIDGE]), "--db", db_file)
    queries = tmp_path / "q.jsonl"
    queries.write_text(
        json.dumps({"id": "ok", "text": "Tarn bridge closes for nine months"})
        + "\n"
        + json.dumps({"id": "bad", "body": "no text field"})
        + "\n",
        encoding="utf-8",
    )
    result = cli("match", "--input", queries, "--db", db_file)
    assert result.code == 2
    assert result.out == ""
    assert "q.jsonl:2" in result.err and "'text'" in result.err
    assert cli("match", "--db", db_file).code == 2  # neither TEXT nor --input


def test_adopting_a_match_records_a_verdict_citing_it(
    cli, tmp_path: Path, db_file: Path, article: Path
) -> None:
    cli("factchecks", "import", write_jsonl(tmp_path / "a.jsonl", [BRIDGE]), "--db", db_file)
    cli("extract", article, "--db", db_file)
    claim = next(c for c in claims_json(cli, db_file) if "bridge" in c["text"])
    result = cli(
        "factchecks",
        "adopt",
        claim["id"][:8],
        BRIDGE["url"],
        "--label",
        "Confirmed",
        "--reviewer",
        "ana",
        "--db",
        db_file,
    )
    assert result.code == 0, result
    after = next(c for c in claims_json(cli, db_file) if c["id"] == claim["id"])
    assert after["consensus"] == "confirmed"
    (verdict,) = after["verdicts"]
    assert verdict["sources"] == [{"url": BRIDGE["url"], "title": BRIDGE["headline"], "quote": "Mostly true"}]
    unknown = cli("factchecks", "adopt", claim["id"], "https://nowhere.example/x", "--label", "denied",
                  "--reviewer", "ana", "--db", db_file)  # fmt: skip
    assert unknown.code == 2 and "no fact-check" in unknown.err


def test_the_app_reads_top_matches_and_shares_one_matcher_across_threads(
    cli, tmp_path: Path, db_file: Path, article: Path
) -> None:
    from claimreview.factchecks.refresh import MatcherCache

    cli("factchecks", "import", write_jsonl(tmp_path / "a.jsonl", [BRIDGE, FERRY]), "--db", db_file)
    cli("extract", article, "--db", db_file)
    with Store.open(db_file) as store:
        claim = next(c for c in store.list_claims() if "bridge" in c.text)
        (top,) = stored.top_matches(store, claim.id)
        assert (top.publisher, top.rating, top.date_published, top.headline, top.url) == (
            "Tarn Check", "Mostly true", "2025-04-02", BRIDGE["headline"], BRIDGE["url"],
        )  # fmt: skip
        cache = MatcherCache()
        seen: list[object] = []
        threads = [threading.Thread(target=lambda: seen.append(cache.get(store))) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len({id(m) for m in seen}) == 1
        stored.import_factchecks(
            store, [FactCheck(url="https://x.example/1", claim_reviewed="Choir concerts last two hours.")]
        )
        rebuilt = cache.get(store)
        assert rebuilt is not seen[0] and len(rebuilt) == 3


def test_matches_survive_as_rows_a_report_can_read(cli, tmp_path: Path, db_file: Path, article: Path) -> None:
    cli("factchecks", "import", write_jsonl(tmp_path / "a.jsonl", [BRIDGE]), "--db", db_file)
    cli("extract", article, "--db", db_file)
    conn = sqlite3.connect(db_file)
    rows = conn.execute("SELECT rank, factcheck_url, matcher_version FROM claim_match").fetchall()
    conn.close()
    assert rows and rows[0][:2] == (1, BRIDGE["url"]) and rows[0][2].startswith("lexical-")


def test_demo_database_shows_matches(cli, isolated_user_dirs: Path) -> None:
    from claimreview.cli.claims import ensure_demo_db

    path = ensure_demo_db()
    with Store.open(path) as store:
        assert stored.count_factchecks(store) >= 10
        assert stored.factcheck_stats(store).matched_claims >= 3
