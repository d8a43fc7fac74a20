"""Speaker kinds the second held-out set exposed, with sentences written for these tests."""

from __future__ import annotations

import pytest

from claimreview.extract import extract_claims
from claimreview.extract.attribution import SpeakerContext
from claimreview.extract.furniture import line_reason
from claimreview.extract.mentions import strip_dateline
from claimreview.extract.worthiness import KEEP_THRESHOLD, score


def speakers(*sentences: str, paragraph: int = -1) -> list[str | None]:
    context = SpeakerContext()
    out = []
    for s in sentences:
        found = context.attribute_full(s, paragraph=paragraph)
        out.append(found.speaker if found else None)
    return out


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        ("OSLO, March 3 (Nordwire) - Police said 4 died.", "Police said 4 died."),
        ("LAGOS (Agency) – The army said 4 died.", "The army said 4 died."),
        ("PRAGUE: The mayor said 4 died.", "The mayor said 4 died."),
        ("PORTO ALEGRE, Brazil, Jan. 9 - Rain fell.", "Rain fell."),
        # an acronym source with a colon is not a dateline
        ("WHO: 12 countries report cases.", "WHO: 12 countries report cases."),
    ],
)
def test_datelines_are_stripped(sentence: str, rest: str) -> None:
    assert strip_dateline(sentence) == rest


def test_dateline_is_never_the_speaker() -> None:
    assert speakers("RIGA, May 4 (Balticwire) - Two ferries collided, the coast guard said.") == [
        "coast guard"
    ]


def test_the_company_is_the_business_named_not_the_sentence_opening_noun() -> None:
    assert speakers(
        "Dividends at BrightPath fell 4% in the quarter, the company said.",
        "Profits at Kestrel Foods rose 9% last year, the firm said.",
    ) == ["BrightPath", "Kestrel Foods"]


def test_the_company_falls_back_to_the_last_organisation_named() -> None:
    got = speakers(
        "Vantor Logistics said it would hire 300 drivers.",
        "Orders rose 12% in June, the company said.",
    )
    assert got == ["Vantor Logistics", "Vantor Logistics"]


def test_affiliation_trimmed_without_an_organisation_word() -> None:
    assert speakers("Strategist Pia Holm of Kessler Partners said rates would fall to 2%.") == ["Pia Holm"]


def test_people_named_without_a_reporting_verb_take_later_pronouns() -> None:
    got = speakers(
        "Reformist Jana Kral beat veteran Petr Dvorak in the vote on Saturday.",
        "The count ended at midnight, the electoral office said.",
        "Dvorak took 41% of the vote.",
        "He said he would appeal.",
        "Kral, 38, has promised to cut the city's debt by half.",
        "Debt stands at 900 million crowns, she said.",
    )
    assert got == [None, "electoral office", None, "Petr Dvorak", "Jana Kral", "Jana Kral"]


def test_she_prefers_the_woman_when_two_people_are_named() -> None:
    got = speakers("Mr Tomas Berg met Ms Alma Reyes in Quito.", "She said 30 people were hurt.")
    assert got[1] == "Alma Reyes"


def test_a_personal_pronoun_never_becomes_an_organisation() -> None:
    assert speakers("The Red Cross said 40 died.", "He said 9 were missing.") == ["Red Cross", None]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The union vowed to strike for 10 days.", "union"),
        ("The ministry forecast growth of 2% next year.", "ministry"),
        ("Mayor Lina Ost stressed that 80 homes were empty.", "Lina Ost"),
        # not a statement: a measurement and a plural common noun
        ("Temperatures recorded at the airport hit 41C.", None),
        ("The highest rainfall was recorded in the north.", None),
    ],
)
def test_more_verbs_of_stating_with_the_guard(sentence: str, speaker: str | None) -> None:
    assert speakers(sentence) == [speaker]


def test_a_reporting_verb_closing_the_sentence_wins_over_a_reported_pledge() -> None:
    got = speakers(
        "The owner, investor Carl Moss, has pledged 5 million euros, finance chief Ida Lund told staff."
    )
    assert got == ["Ida Lund"]


def test_the_agency_takes_the_full_name_of_a_described_subject() -> None:
    got = speakers(
        "The national weather agency issued 14 flood warnings on Sunday.",
        "The agency said 3 rivers had burst their banks.",
    )
    assert got == [None, "national weather agency"]


def test_participle_phrases_are_not_speakers() -> None:
    assert speakers(
        "The comet, named after its finder, is 5 km wide, said chief astronomer Rui Sato of Vela Observatory."
    ) == ["Rui Sato"]
    assert speakers(
        "The review, based on 40 trials, said the drug cut deaths by 9%.",
    ) == ["review"]


def test_according_to_a_report_by_x_published_later() -> None:
    assert speakers("Sales rose 4%, according to a study by Mintel released on Monday.") == ["Mintel"]
    assert speakers("Deaths fell 8%, according to data published in The Lancet.") == ["Lancet"]


def test_caption_with_an_agency_after_its_full_stop() -> None:
    assert line_reason("Rescuers search the rubble in Hatay on Monday. AFP") == "caption"
    assert line_reason("Protesters march to the parliament on May 1. Reuters") == "caption"
    assert line_reason("The army said 4 soldiers died on Monday.") is None


def test_publication_of_findings_is_check_worthy() -> None:
    value, reasons = score("The results were published in the journal Cell Reports.", attributed=False)
    assert value >= KEEP_THRESHOLD and "evidence" in reasons
    assert [c.text for c in extract_claims("The study was published in The BMJ on Friday.\n")] != []
