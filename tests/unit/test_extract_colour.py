"""A reporter's picture of a crowd and a quoted feeling are colour; counts from a source stay claims."""

from __future__ import annotations

import pytest

from claimreview.extract import extract_claims


def kept(text: str, kind: str = "article") -> list[str]:
    return [c.text for c in extract_claims(text, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "Shoppers queued outside the bank's branches in Tallinn on Wednesday.",
        "Hundreds of fans gathered outside the stadium on Sunday night, chanting the coach's name.",
        "Outside the court, dozens of relatives waited in the rain.",
    ],
)
def test_a_crowd_the_reporter_saw_is_no_claim(text: str) -> None:
    assert kept(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "More than 250,000 people marched in Lisbon on Saturday, according to the police.",
        "Thousands of residents fled the valley after the dam burst, the governor said.",
    ],
)
def test_a_count_with_a_source_or_figures_stays_a_claim(text: str) -> None:
    assert kept(text) == [text]


def test_in_a_speech_a_crowd_is_the_speakers_claim() -> None:
    speech = (
        "SEN. LIA MORENO: Thank you all.\n"
        "SEN. LIA MORENO: Last winter thousands of families queued at food banks in this county.\n"
        "SEN. LIA MORENO: We can do better.\n"
    )
    claim = "Last winter thousands of families queued at food banks in this county."
    assert claim in kept(speech, "transcript")


@pytest.mark.parametrize("feeling", ["ashamed", "embarrassed", "saddened", "appalled"])
def test_a_quoted_feeling_ending_in_ed_is_no_past_event(feeling: str) -> None:
    assert kept(f'"We are {feeling}," the club\'s chairman Ivo Marin said on Friday.') == []


@pytest.mark.parametrize(
    "line",
    [
        "Associated Press writer Dana Holt contributed to this report.",
        "Reuters reporter Ana Lind in Oslo contributed additional reporting from Bergen.",
    ],
)
def test_the_contributors_line_is_no_claim(line: str) -> None:
    assert kept(f"The port handled 2.1 million containers last year, its operator said.\n\n{line}") == [
        "The port handled 2.1 million containers last year, its operator said."
    ]


def test_money_contributed_is_still_a_claim() -> None:
    text = "Donors contributed 40 million euros to the fund last year, the ministry said."
    assert kept(text) == [text]


@pytest.mark.parametrize("mood", ["hopeful but not complacent", "confident", "optimistic"])
def test_a_quoted_mood_is_no_claim(mood: str) -> None:
    assert kept(f'"We are {mood}," a health official in the capital told reporters.') == []


def test_a_figure_that_grew_is_no_life_story() -> None:
    text = (
        "Car exports grew 9.4 percent in the first half, said Wen Hao, a spokesperson for the ministry. "
        "He said trade with partner countries grew 6.1 percent."
    )
    assert kept(text) == [
        "Car exports grew 9.4 percent in the first half, said Wen Hao, a spokesperson for the ministry.",
        "He said trade with partner countries grew 6.1 percent.",
    ]


def test_growing_up_somewhere_is_still_a_life_story() -> None:
    speech = (
        "MAYOR ANA RUIZ: Thank you.\n"
        "MAYOR ANA RUIZ: I grew up on Dock Street in the 1980s with four brothers.\n"
        "MAYOR ANA RUIZ: Crime in this city fell 12% last year.\n"
    )
    assert kept(speech, "transcript") == ["Crime in this city fell 12% last year."]


def test_the_speakers_own_family_and_honour_are_no_claims_in_a_debate() -> None:
    debate = (
        "MODERATOR: Senator, your response?\n"
        "SEN. ROSA VEGA: My own brother lost his job at the mill.\n"
        "SEN. ROSA VEGA: It has been the honor of my life to serve this state.\n"
        "SEN. ROSA VEGA: The mill cut 400 jobs in 2022.\n"
    )
    assert kept(debate, "transcript") == ["The mill cut 400 jobs in 2022."]


def test_a_denial_stays_a_claim_even_bare() -> None:
    text = "The ministry denied that 40 prisoners had escaped from the jail in Tarsk."
    assert kept(text) == [text]
    # The main set marks a candidate's bare retort as a claim: the dispute itself is checkable.
    retort = "SEN. ROSA VEGA: That's simply not true.\nSEN. ROSA VEGA: Tax rose 4% in 2023.\n"
    assert kept(retort, "transcript")[0] == "That's simply not true."
