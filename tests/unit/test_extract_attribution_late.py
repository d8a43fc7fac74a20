"""Speaker kinds the seventeenth and later held-out sets exposed, in sentences written for these tests.

Each test is a kind of error, not a held-out sentence.
"""

from __future__ import annotations

from claimreview.extract import extract_claims
from claimreview.extract.attribution import SpeakerContext
from claimreview.extract.pipeline import candidates


def speakers_of(text: str) -> dict[str, str | None]:
    """Every kept claim of an article (paragraphs split by blank lines) -> its speaker."""
    return {c.text: c.speaker for c in extract_claims(text)}


def one(sentence: str) -> str | None:
    return SpeakerContext().attribute(sentence)


# --- kinds the seventeenth held-out set exposed -------------------------------------------------


def test_a_role_held_in_a_place_then_the_name_in_apposition_is_the_name() -> None:
    assert one("The bank's envoy to Peru, Mr. Tomas Varga, said 14 loans had been frozen.") == "Tomas Varga"
    assert one("The head of the Red Sea port at Suakin, Amna Idris, said 9 cranes were idle.") == "Amna Idris"


def test_a_quoted_question_is_asked_by_the_one_named_and_is_no_claim() -> None:
    text = (
        "The regional hospital has closed two wards since March, the health board said.\n\n"
        '"Who will treat the 3,000 patients on our list?" asked Dr. Lena Marsh, a surgeon at the hospital. '
        "She said 11 surgeons had left in a year."
    )
    found = {text[c.start : c.end]: c for c in candidates(text)}
    question = next(c for s, c in found.items() if s.startswith('"Who will'))
    assert question.noise == "question" and not question.kept
    assert speakers_of(text)["She said 11 surgeons had left in a year."] == "Lena Marsh"
    # 'asked' reports only a quotation before it
    assert one('"Why wait 6 months?" the union leader asked.') == "union leader"
    assert one("The council asked residents to save 20 litres of water a day.") is None
    assert (
        one("On Monday, a port official, who asked not to be named, said 5 ships were held.")
        == "port official"
    )


def test_a_spokesperson_for_a_body_whose_name_holds_a_comma_keeps_both() -> None:
    assert (
        one("A spokeswoman for the Department of Energy, Mines and Petroleum said 6 rigs had closed.")
        == "spokeswoman for the Department of Energy, Mines and Petroleum"
    )
    # the body alone, as before, when no one is said to speak for it
    assert (
        one("The Department of Energy, Mines and Petroleum said 6 rigs had closed.")
        == "Department of Energy, Mines and Petroleum"
    )


def test_unnamed_visitors_from_a_body_keep_the_body() -> None:
    assert (
        one("Inspectors from the European Food Safety Authority (EFSA) said 3 plants had failed checks.")
        == "Inspectors from the European Food Safety Authority"
    )
    assert one("Delegates at the Pacific Islands Forum said 12 states backed the plan.") == (
        "Delegates at the Pacific Islands Forum"
    )


def test_the_governing_body_is_the_body_whose_unit_acted() -> None:
    got = speakers_of(
        "World Rowing's integrity panel banned two coaches for 4 years on Friday for doping athletes, "
        "the sport's governing body said."
    )
    assert next(iter(got.values())) == "World Rowing"


def test_initials_of_a_body_named_only_in_passing() -> None:
    got = speakers_of(
        "Police searched the National Housing Fund of Ghana on Monday over 2 missing loans.\n\n"
        "The NHFG said it had given investigators 14 boxes of files."
    )
    assert (
        got["The NHFG said it had given investigators 14 boxes of files."] == "National Housing Fund of Ghana"
    )
    # an acronym nobody spelled out stays as written
    assert one("The OPEC said output fell by 2%.") == "OPEC"


def test_a_leaders_possessive_before_the_party_is_not_part_of_its_name() -> None:
    got = speakers_of(
        "Prime Minister Ilse Vandaele lost 12 seats in Sunday's vote, the electoral office said.\n\n"
        "Vandaele's Flemish Civic Union said it would stay in opposition for 4 years."
    )
    said = "Vandaele's Flemish Civic Union said it would stay in opposition for 4 years."
    assert got[said] == "Flemish Civic Union"
    # a country's possessive is kept, as written
    assert one("Peru's National Electoral Jury said 3 ballots were void.") == "Peru's National Electoral Jury"


# --- kinds the eighteenth held-out set exposed --------------------------------------------------


def test_a_nationality_before_the_kind_of_business_is_the_business_the_story_opens_with() -> None:
    got = speakers_of(
        "Kvarnby will close 3 of its 11 branches and cut 450 jobs by June, the Swedish lender said on Monday."
    )
    assert next(iter(got.values())) == "Kvarnby"
    # a plural subject is no business
    assert one("Sales fell 4% in the quarter, the Danish retailer said.") == "Danish retailer"


def test_a_body_whose_name_holds_a_comma_then_a_relative_clause() -> None:
    assert (
        one(
            "The Department of Justice, Equality and Law Reform, which funds 14 shelters, said 3 would close."
        )
        == "Department of Justice, Equality and Law Reform"
    )


def test_the_office_after_a_titled_name_that_said_nothing_is_its_holder() -> None:
    got = speakers_of(
        "Governor Amaka Obi signed an order closing 14 schools in the flooded districts on Sunday.\n\n"
        "The governor said 2,000 families had moved to relief camps."
    )
    assert got["The governor said 2,000 families had moved to relief camps."] == "Amaka Obi"


def test_a_first_person_account_of_ones_own_life_is_colour_whatever_the_occupation() -> None:
    text = (
        "Rail fares will rise 6% in March, the transport ministry said.\n\n"
        '"I take the train twice a day and my pass already costs 310 euros," said Tom Berg, an engineer '
        "waiting on the platform.\n\n"
        '"We sold 4 million passes last year," said Ana Ruiz, a spokeswoman for the operator.'
    )
    got = speakers_of(text)
    assert not any(s.startswith('"I take') for s in got)
    # an office speaking in the plural is a claim
    assert (
        got['"We sold 4 million passes last year," said Ana Ruiz, a spokeswoman for the operator.']
        == "Ana Ruiz"
    )


def test_an_officials_quotation_of_what_happened_is_a_claim_without_a_figure() -> None:
    text = (
        "Hospital inspector Ruth Okafor said 6 wards had failed a hygiene check.\n\n"
        '"Nobody checked the fridges," she said. '
        '"We must do better for our patients," she said.'
    )
    got = speakers_of(text)
    assert got['"Nobody checked the fridges," she said.'] == "Ruth Okafor"
    # a view in the present stays colour
    assert '"We must do better for our patients," she said.' not in got


# --- kinds the twentieth held-out set exposed ---------------------------------------------------


def test_a_description_of_a_body_named_before_a_weekday_stops_at_the_name() -> None:
    got = speakers_of(
        "The Court of Justice of the European Union on Tuesday annulled a 2 billion euro fine.\n\n"
        "The Luxembourg-based court said the Commission had miscounted 14 contracts."
    )
    said = "The Luxembourg-based court said the Commission had miscounted 14 contracts."
    assert got[said] == "Court of Justice of the European Union"


def test_according_to_a_bodys_own_list_is_the_body() -> None:
    got = speakers_of(
        "The International Ski Federation said 3 resorts had lost their World Cup races.\n\n"
        "Austria has 11 registered venues, according to the ISF's latest list."
    )
    assert got["Austria has 11 registered venues, according to the ISF's latest list."] == (
        "International Ski Federation"
    )
    assert one("Exports fell 4%, according to the customs agency's preliminary figures.") == "customs agency"


def test_a_poll_made_by_one_firm_for_a_client_is_the_firms() -> None:
    assert one("The Greens led with 24%, a snap poll by Forsa for broadcaster RTL showed.") == "Forsa"
    # a name holding "for" stays whole
    assert one("A study by the Institute for Fiscal Studies found that 3 million homes were poorer.") == (
        "Institute for Fiscal Studies"
    )


# --- kinds left over from earlier held-out sets -------------------------------------------------


def test_the_agency_after_a_body_that_acted_without_speaking_is_that_body() -> None:
    got = speakers_of(
        "Shares of Qinghe Homes fell 30% after it missed a bond payment, the company said.\n\n"
        "Moody's Investors Service cut the developer's rating by two notches. "
        "The agency said it expected losses of up to 40% for bondholders."
    )
    assert (
        got["The agency said it expected losses of up to 40% for bondholders."] == "Moody's Investors Service"
    )


# --- kinds the twenty-first held-out set exposed ------------------------------------------------


def test_a_name_an_acronym_spells_out_keeps_its_inner_joining_words() -> None:
    got = speakers_of(
        "The Organisation for Security in Europe (OSE), which has 60 observers in the region, said "
        "3 polling stations had closed early.\n\nThe organisation said turnout was about 61%."
    )
    assert set(got.values()) == {"Organisation for Security in Europe"}


def test_those_a_figure_is_compared_with_do_not_speak() -> None:
    assert (
        one(
            "The Bank of Ghana cut its main rate to 21%, more than most analysts had forecast, "
            "saying prices had eased."
        )
        == "Bank of Ghana"
    )


def test_an_infinitive_of_saying_reports_nothing_by_itself() -> None:
    got = speakers_of(
        "Finance Minister Ewa Lis said the deficit would reach 5% of output.\n\n"
        "She refused to say when taxes would rise but said 2 new levies were planned."
    )
    assert got["She refused to say when taxes would rise but said 2 new levies were planned."] == "Ewa Lis"


def test_findings_of_a_body_that_point_to_a_cause_are_the_bodys() -> None:
    assert (
        one(
            "Early findings of the Marine Accident Board, which reports to parliament, "
            "point to 2 failed valves."
        )
        == "Marine Accident Board"
    )
    # a score or a rate move is no statement
    assert one("The Riksbank cut its rate by 25 basis points to 2.5% on Thursday.") is None


def test_a_pledge_in_the_future_is_no_quotation_of_what_happened() -> None:
    text = (
        "Interior Minister Jonas Berg said 3 border posts had been attacked overnight.\n\n"
        '"We will not be intimidated," he said.'
    )
    assert '"We will not be intimidated," he said.' not in speakers_of(text)


def test_where_a_passer_by_was_does_not_make_them_an_official() -> None:
    text = (
        "Two buses collided on the coast road on Sunday, killing 4 people, police said.\n\n"
        '"I was thrown across the aisle and then everything went quiet," a 19-year-old passenger told '
        "reporters at the regional hospital."
    )
    assert not any(s.startswith('"I was thrown') for s in speakers_of(text))


# --- kinds the twenty-second held-out set exposed -----------------------------------------------


def test_confirming_charges_is_an_act_and_confirming_to_someone_that_reports() -> None:
    assert (
        one("Judges at the Special Tribunal on Monday confirmed 9 charges against the former general.")
        is None
    )
    assert one("The port authority confirmed to AFP that 3 cranes had collapsed.") == "port authority"


def test_a_work_with_an_author_reports_a_finding_without_that() -> None:
    assert (
        one("Soil analysis by the Danish Geological Survey showed the lake had lost 2 metres of water.")
        == "Danish Geological Survey"
    )
    # an unsigned work states nothing on anyone's behalf
    assert one("Satellite images showed the lake had lost 2 metres of water.") is None


def test_a_document_seen_by_an_agency_is_not_the_agencys() -> None:
    assert one("The bank will close 40 branches, according to an internal email seen by Bloomberg.") is None
    assert one("Exports rose 3%, according to data compiled by Bloomberg.") == "Bloomberg"


def test_a_panel_with_no_speaker_before_it_is_the_body_named_last() -> None:
    got = speakers_of(
        "Judges at the European Court of Human Rights on Tuesday ruled against Turkey in 3 cases.\n\n"
        "The seven-judge panel said the detention of 2 journalists had no legal basis."
    )
    said = "The seven-judge panel said the detention of 2 journalists had no legal basis."
    assert got[said] == "European Court of Human Rights"


# --- kinds the twenty-third held-out set exposed ------------------------------------------------


def test_a_clock_time_goes_on_with_its_weekday() -> None:
    text = (
        "A 5.4-magnitude quake struck the island at 4:10 a.m. Tuesday, according to the Geological Survey.\n"
    )
    assert list(speakers_of(text)) == [text.strip()]


def test_an_office_known_by_its_place_keeps_the_place() -> None:
    assert (
        one("Three bridges were closed, the transport department of the province of Cebu said.")
        == "transport department of the province of Cebu"
    )
    assert one("The Bank of Ghana said 3 lenders had failed.") == "Bank of Ghana"


def test_a_papers_picture_handed_on_by_an_agency_is_a_caption() -> None:
    text = (
        "Exports of solar panels rose 9% in May, the customs office said.\n\n"
        "Workers load panels onto a truck in Wuxi, Jiangsu province, May 2, 2025. China Daily via REUTERS"
    )
    assert not any(s.startswith("Workers load") for s in speakers_of(text))


# --- kinds the twenty-fourth held-out set exposed -----------------------------------------------


def test_a_title_abbreviation_after_an_inverted_said_does_not_end_the_speaker() -> None:
    assert (
        one(
            "Results shown at the Lisbon congress found 4% of patients stopped, "
            "said lead author Dr. Ana Reis."
        )
        == "Ana Reis"
    )


def test_according_to_a_bodys_website_is_the_body() -> None:
    got = speakers_of(
        "The Alberta Emergency Management Agency said 3,000 people had left their homes.\n\n"
        "According to the agency's website, 64 fires are burning in the province."
    )
    assert got["According to the agency's website, 64 fires are burning in the province."] == (
        "Alberta Emergency Management Agency"
    )


def test_a_premier_is_a_title() -> None:
    assert one("Premier Rachel Moe told reporters that 2 schools would close.") == "Rachel Moe"
    assert one("The Premier League said 4 matches would move.") == "Premier League"


def test_a_sports_governing_body_described_by_possessive_is_the_body_that_acted() -> None:
    got = speakers_of(
        "FIBA suspended the Ruritanian federation for 2 years on Monday.\n\n"
        "World basketball's governing body said the federation had ignored 3 warnings."
    )
    said = "World basketball's governing body said the federation had ignored 3 warnings."
    assert got[said] == "FIBA"


# --- kinds the twenty-fifth held-out set exposed ------------------------------------------------


def test_a_body_named_after_its_base_loses_the_base() -> None:
    assert one("The tanker's owner, Oslo-based Nordvik Tankers, said 2 crew were hurt.") == "Nordvik Tankers"


def test_a_name_its_acronym_then_its_kind_is_the_name() -> None:
    assert (
        one(
            "Shelling hit 3 villages overnight, said the Joint Ceasefire Monitoring (JCM) mission, "
            "which has 40 staff."
        )
        == "Joint Ceasefire Monitoring"
    )


def test_a_short_acronym_of_a_longer_name_that_spoke_is_that_name() -> None:
    got = speakers_of(
        "Flu deaths rose to 310 this winter, the Agency for Health Protection and Safety said.\n\n"
        "The AHP said 2 vaccines were in short supply."
    )
    assert got["The AHP said 2 vaccines were in short supply."] == "Agency for Health Protection and Safety"


# --- kinds the twenty-sixth held-out set exposed ------------------------------------------------


def test_a_body_that_keeps_or_cuts_its_own_forecast_states_it() -> None:
    assert (
        one("The World Bank, by contrast, cut its growth forecast for Peru to 2.1% on Monday.")
        == "World Bank"
    )
    assert one("Shares kept their gains after the report.") is None


def test_a_named_source_that_showed_a_clause_reports_it() -> None:
    assert one("Ship-tracking service MarineWatch showed the tanker had switched off its transponder.") == (
        "MarineWatch"
    )
    # a thing shown is no statement
    assert one("Local television showed 3 burning cars.") is None


# --- kinds the twenty-seventh held-out set exposed ----------------------------------------------


def test_a_body_whose_acronym_follows_it_is_one_name_even_with_of() -> None:
    assert (
        one("Two drones crossed the border, the Joint Chiefs of Staff (JCS) said.") == "Joint Chiefs of Staff"
    )


def test_a_company_abbreviation_keeps_its_full_stop() -> None:
    assert one("Hokuriku Electric Power Co. said 4 reactors were offline.") == "Hokuriku Electric Power Co."


def test_an_agency_credit_spelled_out_marks_the_caption() -> None:
    text = (
        "Fires destroyed 40 homes near Bodrum on Monday, the governor's office said.\n\n"
        "Residents watch a fire near Bodrum in Mugla province, Türkiye, on July 3, 2026. (Anadolu Agency)"
    )
    assert not any(s.startswith("Residents watch") for s in speakers_of(text))
