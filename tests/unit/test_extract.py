"""extract_claims on the bundled samples, the Douma seed article and hostile text."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from claimreview.extract import (
    EXTRACTOR_NAME,
    EXTRACTOR_VERSION,
    Article,
    ExtractedClaim,
    extract_claims,
    read_article,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SAMPLES = PROJECT_ROOT / "db" / "samples"
DOUMA = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "douma-2018.txt"


def assert_offsets_exact(text: str, claims: list[ExtractedClaim]) -> None:
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text, claim
        assert claim.text == claim.text.strip() and claim.text, claim
        assert 0.0 <= claim.score <= 1.0
    starts = [c.start for c in claims]
    assert starts == sorted(starts)
    # no two claims overlap
    assert all(a.end <= b.start for a, b in itertools.pairwise(claims))


def claim_with(claims: list[ExtractedClaim], fragment: str) -> ExtractedClaim:
    found = [c for c in claims if fragment in c.text]
    assert len(found) == 1, f"{fragment!r} in {len(found)} claims: {[c.text for c in claims]}"
    return found[0]


def assert_not_extracted(claims: list[ExtractedClaim], fragment: str) -> None:
    assert not [c.text for c in claims if fragment in c.text], fragment


@dataclass
class Expected:
    speakers: dict[str, str | None]
    kept: list[str]
    dropped: list[str]
    caption: str
    # page furniture the reader must leave out of the text altogether
    absent: list[str] = field(default_factory=list)


EXPECTED: dict[str, Expected] = {
    "harbour-strike.md": Expected(
        speakers={
            "according to the Halvard Port Authority": "Halvard Port Authority",  # according to X
            "The union says 4,800": "union",  # X says (unnamed source kept as written)
            "We will stay out": "Marta Kovac",  # "...," role X said
            "She added that wages": "Marta Kovac",  # She added -> last speaker
            "it had offered a 4 percent": "Halvard Terminals Ltd",  # role, X, said
            "That offer remains open": "Piet Laane",  # "...," said X, role
            "The chamber of commerce said": "chamber of commerce",
        },
        kept=["212 cargo ships", "4,800 of its 5,300", "1.2 percent", "€35 million"],
        dropped=[
            "Dockworkers extend strike",  # the headline
            "By Jane Doe",
            "Photo: Reuters",
            "Is the strike costing",
            "Comments are posted",
            "The mood on the quay",  # colour, nothing to check
        ],
        caption="Container cranes stand idle at the north terminal",
    ),
    "river-flood.txt": Expected(
        speakers={
            "according to the regional civil protection agency": "regional civil protection agency",
            "(SHI) says": "State Hydrological Institute",  # ..., the ORG (ACRONYM) says
            "told Reuters that 37 people": "Ivo Petrak",  # X told Reuters, title dropped
            "We have never seen the water": "Ivo Petrak",  # he said
            "Petrak said the town": "Ivo Petrak",  # surname -> full name
            "He also said schools": "Ivo Petrak",
            "The national weather service warned": "national weather service",
        },
        kept=["12,000 people", "180 millimetres", "6.4 metres", "2,500 people", "60 to 90 millimetres"],
        dropped=[
            "Floods force 12,000",
            "By Tomas Reyes",
            "AFP",
            "Who pays for the damage",
            "Read more",
            "Route 9",
        ],
        caption="Rescue boats move through a flooded street",
    ),
    "budget-vote.md": Expected(
        speakers={
            "the parliament's press office said": "parliament's press office",
            "quoted Jensen as saying": "Clara Jensen",  # quoted X as saying, full name from before
            "Opposition leader Rafael Donn said": "Rafael Donn",
            "Every family will pay": "Rafael Donn",  # "...," X, role, told reporters
            "It said pension reserves": "finance ministry",  # It said -> last organisation
            "Health spending: up 6 percent": None,
        },
        kept=["48.2 billion euro", "151 votes to 139", "2.1 percent", "12.4 billion euros", "15 days"],
        dropped=[
            "Parliament passes 2026 budget",
            "By Lena Ortiz",
            "Photo: Parliament press office",
            "Read more about the budget",
            "Share this article",
            "What happens next",
        ],
        caption="",
    ),
    "mine-collapse.txt": Expected(
        speakers={
            "the state news agency Rudna reported": "Rudna",
            "Nine men are alive": "Anton Varga",  # it cited X, an official with ..., as saying
            "(NSS) says": "National Seismic Service",
            "suspended work at its two other shafts": "Kessel Copper",  # X, the mine's operator, said
            "spokesman Darius Holt said": "Darius Holt",  # the company's spokesman Y said
        },
        kept=["420 metres", "3:40 a.m.", "magnitude 3.1", "1,100 workers", "23 serious accidents"],
        dropped=[
            "Rescuers reach 9 of 14",
            "By John Okafor",
            "Reuters/Piotr Nowak",
            "Did the operator ignore",
            "Share",
            "Subscribe",
            "Comments are posted",
        ],
        caption="Miners' families wait outside the Kessel copper mine",
    ),
    "vaccine-rollout.html": Expected(
        speakers={
            "the health ministry said on Monday": "health ministry",
            "It said uptake": "health ministry",
            "We are ahead of last year": "Omar Saleh",  # curly quotes, "Deputy Health Minister" dropped
            "staff shortages had closed 14": "Ines Park",
            "She added that 300 nurses": "Ines Park",
        },
        kept=["2.3 million flu vaccinations", "61 percent", "14 vaccination sites", "300 nurses"],
        dropped=[
            "By Samira Haddad",
            "Photo: Harbor Health News",
            "Should you get a booster",
        ],
        caption="People queue for flu shots outside a pharmacy",
        absent=[
            "Related: Five myths",  # <aside>
            "Sign up for our newsletter",  # <form>
            "Comments are posted",  # <footer>
            "trackPageView",  # <script>
            "World",  # <nav> inside <header>
            "color: #666",  # <style>
        ],
    ),
    "transit-fares.html": Expected(
        speakers={
            "(MTA) says": "Metropolitan Transit Authority",
            "The authority said the increase": "Metropolitan Transit Authority",  # description -> named org
            "Nobody likes paying more": "Hanna Voss",
            "Riders' group Fair Fares said": "Fair Fares",
        },
        kept=["€2.70", "€41 million", "22 percent", "€79"],
        dropped=[
            "Metro fares to rise 8% in April",
            "By Priya Nair",
            "AFP",
            "Is there a cheaper option",
        ],
        caption="",
        absent=["Advertisement", "Subscribe for", "Comments are posted", "Transport", "NewsArticle"],
    ),
}


def test_every_sample_has_expectations() -> None:
    names = sorted(p.name for p in SAMPLES.iterdir() if p.is_file())
    assert names == sorted(EXPECTED)


@pytest.fixture(scope="module")
def extracted() -> dict[str, tuple[Article, list[ExtractedClaim]]]:
    out = {}
    for name in EXPECTED:
        article = read_article(SAMPLES / name)
        out[name] = (article, extract_claims(article.text))
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_offsets_exact(name: str, extracted: dict[str, tuple[Article, list[ExtractedClaim]]]) -> None:
    article, claims = extracted[name]
    assert len(claims) >= 4
    assert_offsets_exact(article.text, claims)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_speakers(name: str, extracted: dict[str, tuple[Article, list[ExtractedClaim]]]) -> None:
    _, claims = extracted[name]
    for fragment, speaker in EXPECTED[name].speakers.items():
        assert claim_with(claims, fragment).speaker == speaker, fragment


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_numbers_kept(name: str, extracted: dict[str, tuple[Article, list[ExtractedClaim]]]) -> None:
    _, claims = extracted[name]
    for fragment in EXPECTED[name].kept:
        claim_with(claims, fragment)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_noise_not_extracted(
    name: str, extracted: dict[str, tuple[Article, list[ExtractedClaim]]]
) -> None:
    article, claims = extracted[name]
    for fragment in EXPECTED[name].dropped:
        # the line is really in the text, so leaving it out was the extractor's decision
        assert fragment in article.text, fragment
        assert_not_extracted(claims, fragment)
    for fragment in EXPECTED[name].absent:
        assert fragment not in article.text, fragment


@pytest.mark.parametrize("name", [n for n, e in sorted(EXPECTED.items()) if e.caption])
def test_repeated_caption_never_extracted(
    name: str, extracted: dict[str, tuple[Article, list[ExtractedClaim]]]
) -> None:
    # The page prints the caption twice, once with a credit under it and once without: both
    # copies are the picture's caption, whatever the score of a dated scene would be.
    article, claims = extracted[name]
    caption = EXPECTED[name].caption
    assert article.text.count(caption) == 2
    assert_not_extracted(claims, caption)


def test_unattributed_sentences_have_no_speaker(
    extracted: dict[str, tuple[Article, list[ExtractedClaim]]],
) -> None:
    _, claims = extracted["river-flood.txt"]
    assert claim_with(claims, "Insurers have not yet published estimates").speaker is None


def test_scores_rank_figures_and_sources_above_bare_assertions() -> None:
    text = (
        "Douma is surrounded by government forces.\n\n"
        "The ministry said 1,600 civilians were killed in March 2018."
    )
    bare, rich = extract_claims(text)
    assert rich.score > bare.score


def test_extract_package_is_pure_logic() -> None:
    # The CLI imports it for every file; UI, network and database stacks must not come along.
    code = (
        "import sys, claimreview.extract as e; "
        "print(sorted(m for m in ('textual', 'httpx', 'fastapi', 'sqlmodel', 'sqlalchemy', 'lxml') "
        "if m in sys.modules))"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(PROJECT_ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "[]"


def test_constants() -> None:
    assert EXTRACTOR_NAME == "claimreview-rules"
    assert EXTRACTOR_VERSION.isdigit()


# --- the real article ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def douma() -> tuple[str, list[ExtractedClaim]]:
    if not DOUMA.is_file():
        pytest.skip(f"seed article not found at {DOUMA}")
    text = read_article(DOUMA).text
    return text, extract_claims(text)


def test_douma_offsets_exact(douma: tuple[str, list[ExtractedClaim]]) -> None:
    text, claims = douma
    assert len(claims) >= 15
    assert_offsets_exact(text, claims)


def test_douma_speakers(douma: tuple[str, list[ExtractedClaim]]) -> None:
    _, claims = douma
    assert "Rudskoy" in str(claim_with(claims, "Agreement was reached today").speaker)
    assert "Rudskoy" in str(claim_with(claims, "Rudskoy said over 143,000 people").speaker)
    assert "Rudskoy" in str(claim_with(claims, "He also said 40,000 people").speaker)
    assert claim_with(claims, "Our position is still clear").speaker == "Hamza Birqdar"
    assert (
        claim_with(claims, "Mohammad Alloush, the group's political official").speaker == "Mohammad Alloush"
    )
    assert claim_with(claims, "more than 1,600 civilians").speaker == "Syrian Observatory for Human Rights"
    assert claim_with(claims, "Douma is surrounded by Syrian regime forces.").speaker is None


def test_douma_numbers_kept(douma: tuple[str, list[ExtractedClaim]]) -> None:
    _, claims = douma
    claim_with(claims, "144,000 people")
    for number in ("143,000", "13,793", "23,544", "40,000", "400,000"):
        claim_with(claims, number)
    assert claim_with(claims, "Douma is surrounded").text == "Douma is surrounded by Syrian regime forces."


def test_douma_noise_dropped(douma: tuple[str, list[ExtractedClaim]]) -> None:
    text, claims = douma
    caption = "Syrian civilians walk along a destroyed street"
    assert text.count(caption) == 2
    assert_not_extracted(claims, caption)
    assert not [c for c in claims if c.text in ("AFP", "Route 6")]
    assert_not_extracted(claims, "Route 6")
    headline = text.split("\n", 1)[0]
    assert headline == "Syria opposition group upbeat on Douma talks but denies deal"
    assert_not_extracted(claims, headline)


# --- hostile text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('x')</script> The army said 5 people died. [red]Warning[/red] 12 were killed.",
        "[bold red]Police[/] arrested 30 people in Lyon on Monday. [link=https://x.example]more[/link]",
        "\x1b[31mThe army said 40 people died.\x1b[0m Officials said 12 were hurt in 2023.",
        "قال المتحدث باسم الجيش إن 40 شخصا قتلوا في 2024. وأضاف أن الوضع صعب جدا في المدينة.",
        "\u202eThe army said 40 people died.\u202c \u200bOfficials\u200b said 12 were hurt.",
        "政府表示，已有1200人撤离。官员说情况稳定，但仍有300人失踪。\n\n東京で3万人が参加した。",
        "Price: 5\u00a0000 €. \t\t He said    \u00a0 40 people came.\r\nThey left at 5 p.m. on Jan. 3.",
        '"""" “” said said said " 12 said «5» “unclosed 40 people said',
        "",
        " \n\n\t ",
        "a. " * 5000,
        "x" * 100_000,
    ],
)
def test_hostile_text_offsets_exact(text: str) -> None:
    assert_offsets_exact(text, extract_claims(text))


def test_markup_never_ends_up_in_a_speaker() -> None:
    claims = extract_claims("<b>x</b> The army said 5 people died. \x1b[1mMajor Tom\x1b[0m said 4 left.")
    assert [c.speaker for c in claims] == ["army", "Major Tom"]


def test_cjk_sentences_split_at_ideographic_full_stop() -> None:
    text = "政府表示，已有1200人撤离。官员说情况稳定，但仍有300人失踪。"
    claims = extract_claims(text)
    assert [c.text for c in claims] == ["政府表示，已有1200人撤离。", "官员说情况稳定，但仍有300人失踪。"]


def test_ten_thousand_character_sentence() -> None:
    sentence = "The council said " + "very " * 2000 + "many, 40 houses burned."
    assert len(sentence) > 10_000
    text = f"Intro line with 3 figures here.\n\n{sentence}\n\nThe mayor said 12 people were hurt."
    started = time.perf_counter()
    claims = extract_claims(text)
    assert time.perf_counter() - started < 2.0
    assert_offsets_exact(text, claims)
    long_claim = claim_with(claims, "very very")
    assert long_claim.text == sentence
    assert long_claim.speaker == "council"


def test_long_run_of_tiny_sentences_is_fast() -> None:
    # pysbd is quadratic on this; the extractor must not be.
    text = "No. 5 a. b. c. " * 20_000
    started = time.perf_counter()
    assert_offsets_exact(text, extract_claims(text))
    assert time.perf_counter() - started < 5.0


def test_sentence_never_crosses_a_blank_line() -> None:
    text = "The army said 40 people died\n\nin the city of Homs on Monday, 12 more were hurt."
    claims = extract_claims(text)
    assert_offsets_exact(text, claims)
    assert all("\n\n" not in c.text for c in claims)


def test_hard_wrapped_lines_are_one_sentence() -> None:
    text = (
        "The regional health authority said on Tuesday that 1,250 patients had been\n"
        "moved to hospitals in neighbouring districts since the start of March.\n"
    )
    [claim] = extract_claims(text)
    assert claim.text == text.strip()
    assert claim.speaker == "regional health authority"


def test_reported_warnings_and_findings_are_claims_but_calls_for_action_are_not() -> None:
    text = (
        "Central bank governor Ruth Adeyemi said prices rose 4 percent in May.\n\n"
        "She warned that higher fuel costs might push prices up again.\n\n"
        "The new survey supports the view that the lake is warming faster than the sea.\n\n"
        "The survey adds weight to calls for a new monitoring station."
    )
    claims = {c.text: c for c in extract_claims(text)}
    warning = claims["She warned that higher fuel costs might push prices up again."]
    assert warning.speaker == "Ruth Adeyemi"
    assert (
        "evidence"
        in claims["The new survey supports the view that the lake is warming faster than the sea."].reasons
    )
    assert "The survey adds weight to calls for a new monitoring station." not in claims
