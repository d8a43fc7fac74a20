"""The kind of statement a sentence makes: records of what happened rank above talk around them."""

from __future__ import annotations

import pytest

from claimreview.extract import candidates
from claimreview.extract.noise import WORD
from claimreview.extract.statement import Words, record_features, sentence_words, talk_features
from claimreview.extract.worthiness import KEEP_THRESHOLD, score

HUSTINGS = (
    "CHAIR: Good evening, and welcome to the hustings for the Kelmore seat.\n"
    "CHAIR: Each of you has two minutes, and there are 45 seconds for replies.\n"
    "ANNA BRECK: Thank you, and thank you all for coming out in the rain.\n"
    "ANNA BRECK: My opponent voted against the flood barrier for Kelmore.\n"
    "The county council never consulted the fishermen before it sold the harbour.\n"
    "I have three grandchildren at the village school, and I want them to stay here.\n"
    "On my first day I will ask for 20 more buses.\n"
    "TOM ASHBY: The harbour was sold by the previous administration, not by my party.\n"
    "According to the port authority, the harbour lost money every year.\n"
    "Remember to register before the 14th, and bring a friend.\n"
    "CHAIR: Anna, you have 30 seconds.\n"
)


def _scored(text: str) -> dict[str, tuple[float, tuple[str, ...]]]:
    return {text[c.start : c.end]: (c.score, c.reasons) for c in candidates(text, "transcript")}


def _words(sentence: str) -> Words:
    return sentence_words(sentence, WORD.findall(sentence))


def _speech(sentence: str) -> tuple[float, tuple[str, ...]]:
    return score(sentence, attributed=False, tokens=WORD.findall(sentence), spoken=True)


def test_qualitative_records_outrank_talk_with_figures() -> None:
    got = _scored(HUSTINGS)
    claims = [
        "My opponent voted against the flood barrier for Kelmore.",
        "The county council never consulted the fishermen before it sold the harbour.",
        "The harbour was sold by the previous administration, not by my party.",
        "According to the port authority, the harbour lost money every year.",
    ]
    talk = [
        "Each of you has two minutes, and there are 45 seconds for replies.",
        "I have three grandchildren at the village school, and I want them to stay here.",
        "On my first day I will ask for 20 more buses.",
        "Remember to register before the 14th, and bring a friend.",
        "Anna, you have 30 seconds.",
        "Thank you, and thank you all for coming out in the rain.",
    ]
    assert min(got[c][0] for c in claims) > max(got[t][0] for t in talk)
    assert all(got[c][0] >= KEEP_THRESHOLD for c in claims)
    assert all(got[t][0] < KEEP_THRESHOLD for t in talk)


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Our member of parliament has never visited the estate.", "negated"),
        ("The regulator did not publish the audit until after the election.", "negated"),
        ("The senator backed the pipeline and opposed the water bill.", "record"),
        ("The mill closed after the owners moved production to Poland.", "past_fact"),
        ("The contractor has missed every safety deadline in the deal.", "past_fact"),
        ("Most of the new flats are empty.", "proportion"),
        ("The ward, according to the hospital trust, treated fewer patients.", "source"),
    ],
)
def test_records_without_figures_carry_their_reason(sentence: str, reason: str) -> None:
    value, reasons = _speech(sentence)
    assert reason in reasons
    assert value >= KEEP_THRESHOLD


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("We will build 300 homes in the first year.", "promise"),
        ("I would scrap the fee on day one.", "promise"),
        ("My mother cleaned offices for 30 years.", "personal"),
        ("She told me she sleeps in her car four nights a week.", "personal"),
        ("Mrs Kaye, who is 91, walks to the shop every morning.", "personal"),
        ("You have 15 seconds left for your answer.", "procedure"),
        ("The details are on page 9 of our leaflet.", "procedure"),
        ("Text HELP to 5050 to find your nearest office.", "appeal"),
        ("Councillor, 20 seconds please.", "appeal"),
        ("We have about four minutes left before the vote.", "procedure"),
        ("It's 7:45 and the traffic is heavy on the ring road.", "procedure"),
        ("He is 52 and has driven a bus for half his life.", "personal"),
        ("I've met the families of the 12 miners twice this year.", "personal"),
        ("I've worked at the depot for 22 years.", "personal"),
    ],
)
def test_a_figure_in_talk_is_no_measurement(sentence: str, reason: str) -> None:
    value, reasons = _speech(sentence)
    assert reason in reasons
    assert "figure" not in reasons
    assert value < KEEP_THRESHOLD


def test_an_articles_briefing_is_no_procedure() -> None:
    sentence = '"Stocks will last the winter," the minister said at a briefing on Monday.'
    _, reasons = score(sentence, attributed=True, named=True)
    assert "procedure" not in reasons and "promise" not in reasons


def test_a_supposition_is_not_a_statement() -> None:
    value, reasons = _speech("If the tunnel had been finished, 400 lorries a day would use it.")
    assert "conditional" in reasons and value < _speech("The tunnel carries 400 lorries a day.")[0]


def test_a_past_inability_is_a_fact_but_unverified_stays_hedged() -> None:
    _, reasons = _speech("The hospital could not find enough nurses for the winter wards.")
    assert "negated" in reasons and "hedge" not in reasons
    _, reasons = score("The account could not be independently verified.", attributed=False)
    assert "hedge" in reasons and "negated" not in reasons


def test_a_bill_to_pay_is_not_law() -> None:
    assert "legal" not in _speech("Their heating bill has doubled since the spring.")[1]
    assert "legal" in _speech("The housing bill has doubled the fines for landlords.")[1]


def test_a_shortage_is_not_an_opinion() -> None:
    _, reasons = _speech("The clinic does not have enough midwives for the night shift.")
    assert "opinion" not in reasons and "negated" in reasons


def test_a_forecast_cited_is_a_source() -> None:
    _, reasons = _speech("The bank's latest forecast shows growth slowing next year.")
    assert "source" in reasons


def test_the_speakers_own_stance_is_not_a_negated_fact() -> None:
    for sentence in ("I don't want to guess at the cause.", "We do not comment on rumours."):
        assert "negated" not in record_features(_words(sentence), named=False)


def test_what_the_listener_did_is_a_claim_not_address() -> None:
    accused = "Your party raised the rail fares by a third when you took office."
    assert "address" not in talk_features(_words(accused), attributed=False, spoken=True)
    asked = "You know what a weekly shop costs."
    assert "address" in talk_features(_words(asked), attributed=False, spoken=True)


def test_a_name_before_a_comma_calls_on_someone_only_in_speech() -> None:
    sentence = "Senator Ruiz, who chairs the panel, has opposed the bill since 2019."
    assert "appeal" not in talk_features(_words(sentence), attributed=False, spoken=False)
    called = "Priya, over to you."
    assert "appeal" in talk_features(_words(called), attributed=False, spoken=True)
    assert "appeal" not in talk_features(_words(called), attributed=False, spoken=False)
    opener = "Meanwhile, over to you."
    assert "appeal" not in talk_features(_words(opener), attributed=False, spoken=True)
    # A claim put to someone present is still a claim.
    put = "Mr Okafor, your board closed the depot last winter without consulting anyone."
    assert "appeal" not in talk_features(_words(put), attributed=False, spoken=True)
    assert _speech(put)[0] >= KEEP_THRESHOLD


def test_a_parliaments_form_of_address_is_not_opinion() -> None:
    _, reasons = _speech("The honourable member's party voted against the ferry subsidy.")
    assert "opinion" not in reasons
    _, reasons = _speech("It was an honourable decision by the board.")
    assert "opinion" in reasons


def test_their_own_is_not_an_event() -> None:
    _, reasons = _speech("Parents know what they see in their own schools.")
    assert "event" not in reasons
    _, reasons = _speech("Three families own most of the land in the valley.")
    assert "event" in reasons


def test_scores_rarely_tie() -> None:
    values = [value for value, _ in _scored(HUSTINGS).values() if value > 0]
    assert len(set(values)) >= 0.9 * len(values)
