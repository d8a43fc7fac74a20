"""Matching claims to published fact-checks: quality on the team's eval set, and behaviour a user sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimreview.factchecks import evaluate
from claimreview.factchecks.matcher import Matcher
from claimreview.factchecks.normalize import normalize, numbers
from claimreview.factchecks.parse import FactCheck, parse_file

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "tests" / "eval" / "matching"


@pytest.fixture(scope="module")
def eval_matcher() -> Matcher:
    return Matcher(parse_file(EVAL / "factchecks.jsonl"))


def test_eval_set_is_big_enough_and_varied() -> None:
    checks = parse_file(EVAL / "factchecks.jsonl")
    queries = evaluate.load_queries(EVAL / "queries.jsonl")
    assert len(checks) >= 300
    assert sum(1 for q in queries if q.relevant) >= 100
    assert sum(1 for q in queries if not q.relevant) >= 30
    assert len({c.publisher for c in checks}) >= 8
    assert len({(c.language or "en")[:2] for c in checks}) >= 5


def test_quality_on_eval_set(eval_matcher: Matcher) -> None:
    scores = evaluate.run(eval_matcher, evaluate.load_queries(EVAL / "queries.jsonl"))
    assert scores.map_at_5 >= 0.85, scores
    assert scores.precision_at_1 >= 0.85, scores
    assert scores.false_match_rate <= 0.05, scores
    assert scores.matched_at_threshold >= 0.75, scores


def test_social_post_finds_the_fact_check_with_its_fields(eval_matcher: Matcher) -> None:
    (top, *_) = eval_matcher.above_threshold(
        "RT @x: #5G masts are spreading the corona virus!!! https://t.co/q pic.twitter.com/r"
    )
    assert top.factcheck.claim_reviewed == "5G mobile masts spread the coronavirus."
    assert top.factcheck.rating and top.factcheck.publisher and top.factcheck.date_published
    assert 0 < top.score <= 1


def test_unrelated_text_is_not_matched_above_threshold(eval_matcher: Matcher) -> None:
    assert eval_matcher.above_threshold("The orchestra will play Mahler at the town hall on Friday.") == []
    assert eval_matcher.match("") == [] and eval_matcher.match("the and of") == []


def test_language_aware_matching(eval_matcher: Matcher) -> None:
    (top, *_) = eval_matcher.match("Ab Januar gibt es kein Bargeld mehr, die Scheine werden abgeschafft.")
    assert top.factcheck.language == "de"
    (top, *_) = eval_matcher.match("Las vacunas de la gripe modifican el ADN.")
    assert top.factcheck.language == "es"


def test_another_figure_is_another_claim() -> None:
    checks = [
        FactCheck(url="https://c.example/1", claim_reviewed="Floods forced 50,000 people from their homes."),
        FactCheck(url="https://c.example/2", claim_reviewed="Floods forced 12,000 people from their homes."),
        FactCheck(
            url="https://c.example/3", claim_reviewed="The river peaked at its highest level since 1998."
        ),
    ]
    matcher = Matcher(checks)
    ranked = matcher.match(
        "About 12,000 people were forced out of their homes by the floods, officials said."
    )
    assert ranked[0].factcheck.url == "https://c.example/2"
    assert ranked[0].score > ranked[1].score + 0.2


def test_batch_equals_one_by_one(eval_matcher: Matcher) -> None:
    texts = ["Garlic cures covid", "Cash will be abolished", "nothing here at all"]
    assert eval_matcher.match_many(texts, top_k=3) == [eval_matcher.match(t, top_k=3) for t in texts]


def test_demo_articles_meet_the_sample_fact_checks() -> None:
    checks = [c for p in sorted((ROOT / "db" / "samples" / "factchecks").iterdir()) for c in parse_file(p)]
    matcher = Matcher(checks)
    sentences = {
        "Opposition leader Rafael Donn said the budget \"hides a 3 billion euro hole\" in pension funding.":
            "https://civiclens.example/checks/pension-gap-budget",
        "Floodwaters forced about 12,000 people from their homes along the Varna river on Thursday.":
            "https://verify.northwind.example/2024/varna-flood-evacuations",
        "Pharmacies and clinics gave 2.3 million flu vaccinations in October, up from 1.9 million.":
            "https://facts.harborhealth.example/2024/flu-shot-count",
    }  # fmt: skip
    for sentence, url in sentences.items():
        (top, *_) = matcher.above_threshold(sentence)
        assert top.factcheck.url == url
    assert matcher.above_threshold("The mood on the quay was tense but calm.") == []


def test_normalize_strips_social_and_wire_noise() -> None:
    assert normalize("RT @ab: BREAKING: #FluJabsKill https://t.co/x pic.twitter.com/y") == "Flu Jabs Kill"
    assert (
        normalize("KESSEL, Jan 22 (Northwind) - Rescuers reached “nine” miners")
        == "Rescuers reached nine miners"
    )
    assert (
        normalize("costs €35 million, up 2.1% from 12,000")
        == "costs 35 million euro, up 2.1 percent from 12000"
    )
    assert numbers(normalize("nine of 14 miners; €1.2bn")) == {9.0, 14.0, 1.2e9}
