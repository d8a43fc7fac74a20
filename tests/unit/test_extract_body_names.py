"""A body's name without who owns it, a campaign named for what it asks, and a body's unnamed officer."""

from __future__ import annotations

import pytest

from claimreview.extract import extract_claims


def speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(text, "article")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("State-owned Vattenkraft, which runs the plant, said output fell 12% in June.", "Vattenkraft"),
        ("The Kremlin-backed Volga Credit Bank said deposits rose 8% in 2024.", "Volga Credit Bank"),
        ("State-run broadcaster NTV said 14 people were injured.", "NTV"),
        ("Government-funded Arctic Survey Institute said the ice shrank by 9%.", "Arctic Survey Institute"),
    ],
)
def test_who_owns_or_backs_a_body_is_not_part_of_its_name(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_a_campaign_named_for_what_it_asks_keeps_its_whole_name() -> None:
    text = (
        "Protect the Fens, a residents' group, said 2,300 people had signed its petition. "
        "Its newsletter said the pumping station had failed twice since 2021. "
        "The coalition Stop the Bypass said the road would cost 40 million pounds."
    )
    assert speakers(text) == ["Protect the Fens", "Protect the Fens", "Stop the Bypass"]


def test_an_unnamed_officer_of_a_body_named_before_speaks_for_it() -> None:
    text = (
        "The National Grain Board said exports fell 7% in the year to March. "
        "The board's chairman said prices had doubled since 2022."
    )
    assert speakers(text) == ["National Grain Board", "National Grain Board"]


def test_an_officer_named_before_is_the_person() -> None:
    text = (
        "Harlow Shipping said revenue rose 5% in the quarter. "
        "Chief executive Mina Osei told analysts that freight rates had fallen. "
        "The company's chief executive said 12 ships would be sold by 2026."
    )
    assert speakers(text)[-1] == "Mina Osei"


def test_an_officer_of_a_body_never_named_stays_as_written() -> None:
    text = "The ministry's spokesman said 40 people had died in the floods."
    assert speakers(text) == ["ministry's spokesman"]


def test_a_firm_joined_by_an_ampersand_is_one_name() -> None:
    text = "Hartley & Finch said billings rose 6% last year. The firm said it had hired 40 lawyers."
    assert speakers(text) == ["Hartley & Finch", "Hartley & Finch"]


def test_a_body_word_inside_a_hyphenated_name_makes_it_a_body() -> None:
    # Named as the lede's source, then called "the authority" in the middle of a sentence.
    text = (
        "Road deaths fell 11% last year, the Directorate-General of Traffic said on Monday. "
        "Most of those killed were motorcyclists, the authority said, and July was the worst month."
    )
    assert speakers(text) == ["Directorate-General of Traffic", "Directorate-General of Traffic"]


@pytest.mark.parametrize("title", ["Director-General", "Secretary-General", "Attorney-General"])
def test_a_hyphenated_title_is_not_part_of_the_name(title: str) -> None:
    text = f"{title} Ines Varga told reporters that 3,000 staff had left. She said most had retired."
    assert speakers(text) == ["Ines Varga", "Ines Varga"]


def test_not_speaking_to_reporters_is_no_claim() -> None:
    text = "Karsten Vohl, 61, did not speak to reporters as he left the court on Tuesday."
    assert speakers(text) == []


def test_a_body_named_with_of_keeps_it_when_it_acts_then_speaks() -> None:
    text = "The Central Bank of Malta held its key rate at 4.25% on Thursday and said inflation had eased."
    assert speakers(text) == ["Central Bank of Malta"]


def test_an_unsigned_statement_names_no_one() -> None:
    text = "The cartel will keep 2 million barrels a day off the market until June, according to a statement."
    assert speakers(text) == [None]


@pytest.mark.parametrize(
    ("source", "owner"),
    [
        ("the Open Prisons Project database", "Open Prisons Project"),
        ("the Nordic Fisheries Council report", "Nordic Fisheries Council"),
    ],
)
def test_a_named_owners_work_is_the_owners(source: str, owner: str) -> None:
    assert speakers(f"Escapes fell 18% in 2024, according to {source}.") == [owner]


def test_a_firm_that_speaks_of_itself_as_it_is_the_bank_after_it() -> None:
    text = (
        "Morrow Keane said in a note on Friday that it expected copper to average $9,800 a tonne. "
        "The bank said Chinese demand had risen 4% in the first half."
    )
    assert speakers(text) == ["Morrow Keane", "Morrow Keane"]


def test_a_body_in_apposition_is_the_operator_after_it() -> None:
    # Another body spoke first: "the operator" is the one the apposition made a company.
    text = (
        "The Lisbon Port Authority said 12 ships were delayed. "
        "Porto Linhas, the company that runs the ferry terminal, said 3,000 passengers were stranded. "
        "The operator said crossings would resume on Friday."
    )
    assert speakers(text) == ["Lisbon Port Authority", "Porto Linhas", "Porto Linhas"]


@pytest.mark.parametrize(
    "text",
    [
        "Engineers found rust in 14 girders before the roof fell, a copy of their report seen by AFP shows.",
        "The agency plans to close 9 offices by May, an internal memo obtained by Reuters showed.",
    ],
)
def test_who_saw_a_document_did_not_write_it(text: str) -> None:
    assert speakers(text) == [None]


def test_a_ledes_described_body_is_the_name_sharing_its_subject() -> None:
    text = (
        "HALIFAX, Nova Scotia, June 3 (Reuters) - Heavy rain flooded 600 homes on Monday, the "
        "province's flood forecasting agency said.\n\n"
        "Water levels on the Sackville river rose 2.4 metres in six hours, Nova Scotia Flood Watch "
        "said in a bulletin. It said more rain was expected on Tuesday."
    )
    assert speakers(text) == ["Nova Scotia Flood Watch"] * 3


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The BDL brewers' trade association said beer sales fell 6% last year.", "BDL"),
        ("The EU border agency said 4,000 people had crossed in May.", "EU border agency"),
    ],
)
def test_an_acronym_before_its_kind_is_the_name_unless_it_is_a_parent(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_a_company_described_by_its_city_is_the_one_named_before() -> None:
    text = (
        "Brightline Labs said in a statement that it would appeal the fine. "
        "The Los Angeles company said it had paid 3 million dollars in refunds since 2022."
    )
    assert speakers(text) == ["Brightline Labs", "Brightline Labs"]


def test_a_name_in_brackets_after_the_full_name_is_the_full_name() -> None:
    text = (
        "Prices rose 4.1% in March, the Hellenic Statistical Authority (ElStat) said on Monday. "
        "Month-on-month, food prices rose 6.2%, ElStat said."
    )
    assert speakers(text) == ["Hellenic Statistical Authority"] * 2


def test_a_description_known_by_a_name_gives_the_name_and_renames_the_lede() -> None:
    text = (
        "LIMA, May 2 (Reuters) - Peru's national fisheries agency said on Friday it would cut the "
        "anchovy quota by 12%.\n\n"
        "The agency, known as Pescamar, said the cut would start on Monday. "
        "It said stocks had fallen by a third since 2022."
    )
    assert speakers(text) == ["Pescamar"] * 3


def test_an_acronym_alias_is_left_to_the_full_name_given_before() -> None:
    text = (
        "Floods destroyed 900 homes, the National Emergency Institute said on Sunday. "
        "The institute, known as INEM, said 40 bridges had collapsed."
    )
    assert speakers(text) == ["National Emergency Institute"] * 2


def test_an_academy_is_a_body_and_keeps_its_of() -> None:
    text = "The Norwegian Academy of Sciences, which funds the survey, said 30 glaciers had split."
    assert speakers(text) == ["Norwegian Academy of Sciences"]


def test_a_name_opening_with_initials_keeps_them_and_a_list_of_cities_is_places() -> None:
    text = (
        "An outage at SK Fibre Networks, which serves 2 million homes, cut internet access in Busan, "
        "Daegu, Ulsan and Incheon for six hours, the company said on Monday."
    )
    assert speakers(text) == ["SK Fibre Networks"]


def test_a_body_named_after_the_operator_in_its_sentence_is_someone_else() -> None:
    text = (
        "Harbourline Terminals, which runs the port, said it had halted loading on Monday.\n\n"
        "The port operator said 20,000 containers were stuck and that it was working with the National "
        "Cyber Centre to restore its systems."
    )
    assert speakers(text) == ["Harbourline Terminals", "Harbourline Terminals"]


def test_a_coordinators_title_is_not_part_of_the_name() -> None:
    text = "National Flood Coordinator Ruth Mbeki said 40 towns had been warned. She said 3 dams were full."
    assert speakers(text) == ["Ruth Mbeki", "Ruth Mbeki"]


def test_attributing_a_cause_is_a_statement() -> None:
    text = "Li Ming, an economist with the bureau, attributed the rise to exports, which grew 7 percent."
    assert speakers(text) == ["Li Ming"]


def test_a_passive_attribution_names_no_one() -> None:
    assert speakers("The rise in cases was attributed to a variant that spread 30% faster.") == [None]


def test_initials_with_of_name_the_bank_named_in_passing() -> None:
    text = (
        "The krona fell after the Bank of Iceland kept rates at 9.25%. "
        "The BOI said it would keep selling foreign currency at 3 million dollars a day."
    )
    assert speakers(text)[-1] == "Bank of Iceland"


def test_the_name_before_which_said_speaks() -> None:
    text = "The cells were made by supplier Arlo Cells, which said in a filing that it would pay 40% of it."
    assert speakers(text) == ["Arlo Cells"]


def test_official_results_are_signed_by_no_one() -> None:
    text = "The governing party lost its majority for the first time since 1994, official results showed."
    assert speakers(text) == [None]
    assert speakers("An official familiar with the count told Reuters that 40 seats had changed hands.") == [
        "official familiar with the count"
    ]
