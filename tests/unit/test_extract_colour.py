"""Passers-by's feelings are colour even with a number in them; end-of-story marks and agency
photo tags are furniture. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimreview.extract import extract_claims

LEDE = "The Lakeside Water Company cut supply to 12,000 homes on Monday, the company said."


def kept(text: str) -> list[str]:
    return [c.text for c in extract_claims(text)]


@pytest.mark.parametrize(
    "quote",
    [
        # what the speaker did after the quotation is not an office
        '"We felt so helpless when the taps ran dry," said nurse Ada Ross, who has worked at the '
        "hospital for 20 years.",
        # an age inside the quotation
        '"I am 74 and I have never seen this," said Piet Mol, a retired baker.',
        # counts in someone's own life, written as words
        '"I fill two buckets and make them last three days," said Nora Kis, a cleaner in the old town.',
        # a feeling, told by an unnamed source
        '"We were all in tears when the water came back," one engineer said, asking not to be named.',
    ],
)
def test_feelings_with_numbers_are_colour(quote: str) -> None:
    got = kept(f"{LEDE}\n\n{quote}")
    assert LEDE in got
    assert quote not in got


def test_an_experts_words_with_a_figure_stay_a_claim() -> None:
    quote = '"Demand rose 30% in a week," said hydrologist Ines Berg, who advises the company.'
    assert quote in kept(f"{LEDE}\n\n{quote}")


@pytest.mark.parametrize("marker", ["(END)", "-- ENDS", "-30-", "###"])
def test_an_end_of_story_mark_is_no_photo_credit(marker: str) -> None:
    last = "Households use about 140 litres of water a day on average."
    assert last in kept(f"{LEDE}\n\n{last}\n\n{marker}")


def test_an_agency_photo_tag_closes_a_caption() -> None:
    caption = "A technician repairs a burst main near the river, May 21, 2025. – Lakeside photo"
    got = kept(f"{LEDE}\n\n{caption}")
    assert not [c for c in got if "burst main" in c]


@pytest.mark.parametrize("credit", ["NAN photo", "IC Photo", "ST PHOTO: Jane Ong", "VNA Photo"])
def test_agency_photo_credits_on_the_caption_line(credit: str) -> None:
    caption = f"Volunteers fill sandbags by the river in Lakeside, March 3, 2025. {credit}"
    got = kept(f"{LEDE}\n\n{caption}")
    assert not [c for c in got if "sandbags" in c]


def test_a_first_person_quotation_with_counts_in_words_is_colour() -> None:
    quote = '"My three children drank from the well all week," said Rosa Lima, whose house is by the lake.'
    assert quote not in kept(f"{LEDE}\n\n{quote}")


def test_a_photograph_credit_closes_a_caption() -> None:
    caption = "Smoke rises over the old mill in Lakeside on Tuesday. Photograph: Jane Ong/Lakeside Wire"
    assert not [c for c in kept(f"{LEDE}\n\n{caption}") if "old mill" in c]


def test_a_passers_by_waiting_is_colour_whoever_they_are() -> None:
    quote = (
        '"We have waited here since six in the morning with our children," said Ana Ruiz, who lives nearby.'
    )
    assert quote not in kept(f"{LEDE}\n\n{quote}")


@pytest.mark.parametrize("initials", ["TNA", "RSS", "BNS"])
def test_agency_initials_alone_after_a_caption(initials: str) -> None:
    caption = f"Volunteers clear mud from a school after the flood in Lakeside, June 8, 2025. {initials}"
    assert not [c for c in kept(f"{LEDE}\n\n{caption}") if "clear mud" in c]


def test_a_bracketed_agency_photo_credit_closes_a_caption() -> None:
    caption = "A customer pays at a bakery in the old town. (LKW Photo)"
    assert not [c for c in kept(f"{LEDE}\n\n{caption}") if "bakery" in c]


def test_a_passers_by_feeling_with_a_figure_is_colour() -> None:
    quote = '"I have lived here for 60 years. I cannot believe it is gone," said baker Olga Lind, 71.'
    assert quote not in kept(f"{LEDE}\n\n{quote}")


def test_an_unnamed_passer_by_with_a_relative_clause_is_still_the_speaker() -> None:
    quote = (
        '"It looked fine, but it was not what I paid for," said a buyer in Oslo who asked not to be named.'
    )
    got = {c.text: c.speaker for c in extract_claims(f"{LEDE}\n\n{quote}")}
    assert quote not in got
    sentence = "Exports rose 12% last year, said a trader in Oslo who asked not to be named."
    assert {c.text: c.speaker for c in extract_claims(sentence)}[sentence] == "trader in Oslo"


def test_a_feeling_told_by_a_chief_or_a_museum_volunteer_is_colour() -> None:
    for quote in (
        '"It feels as if our grandparents are coming home," said Ade Bello, a chief from Ibadan.',
        '"We feel as if someone robbed our family," said Jan Holm, a volunteer at the museum.',
    ):
        assert quote not in kept(f"{LEDE}\n\n{quote}")
