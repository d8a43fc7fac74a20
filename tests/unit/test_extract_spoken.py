"""Talk only a transcript has (extract/spoken.py), and the statement kinds spoken sets showed."""

from __future__ import annotations

import pytest

from claimreview.extract import candidates
from claimreview.extract.noise import WORD
from claimreview.extract.spoken import spoken_features
from claimreview.extract.statement import record_features, sentence_words, talk_features
from claimreview.extract.worthiness import KEEP_THRESHOLD, score


def _spoken(sentence: str) -> dict[str, float]:
    return spoken_features(sentence_words(sentence, WORD.findall(sentence)))


@pytest.mark.parametrize(
    ("sentence", "feature"),
    [
        ("We have roughly fifteen minutes before the lights go off.", "procedure"),
        ("We've only got time for two more.", "procedure"),
        ("We need to be out of the hall by half past nine.", "procedure"),
        ("Registration opens on the 2nd of May for every voter.", "schedule"),
        ("The count begins at 10 in the sports centre.", "schedule"),
        ("I walked the length of the canal path with the volunteers last Sunday.", "personal"),
        ("Now, I have personally stood in that queue at the job centre twice.", "personal"),
        ("I live four streets from the quarry, so I hear the blasting.", "personal"),
        ("I remember sitting in the gym after the 2011 storm with no heating.", "personal"),
        ("I have three grown children who all left the island for work.", "personal"),
        ("My kids take the 7:15 bus to that school every morning.", "personal"),
        ("Scrap the toll on the bridge before winter.", "appeal"),
        ("Reopen the maternity unit at St Brigid's.", "appeal"),
    ],
)
def test_talk_of_the_room_the_speaker_and_the_stage(sentence: str, feature: str) -> None:
    assert feature in _spoken(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # Claims that look alike: a past opening, an act of office, a vote, a noun opening.
        "The count began at 10 and ran past midnight.",
        "I signed the order that cut the waiting list by a third.",
        "I never walked away from the pension fund talks.",
        "I voted against the toll in 2019.",
        "Tax receipts fell by 6% in the second quarter.",
        "Pay for nurses rose by less than prices last year.",
        "We have 14 more buses on the road than last year.",
        "Our children's reading scores rose for the third year in a row.",
    ],
)
def test_claims_are_not_taken_for_talk(sentence: str) -> None:
    assert not _spoken(sentence)


def test_in_a_transcript_the_talk_drops_its_figures() -> None:
    # The figure in "fifteen minutes" and "the 2nd" belongs to the event, not to a claim.
    for sentence in ("We have roughly fifteen minutes left for questions.", "Registration opens on the 2nd."):
        value, reasons = score(sentence, attributed=False, spoken=True)
        assert value < KEEP_THRESHOLD and "figure" not in reasons
    # An article has no room and no stage: the same words keep their figure.
    article = score("The count begins at 10 in the sports centre.", attributed=False)[1]
    assert "schedule" not in article and "figure" in article


def test_a_supposition_in_a_transcript_drops_its_figure() -> None:
    _, spoken = score(
        "If your rent has doubled, ask the tribunal to review it.", attributed=False, spoken=True
    )
    assert "conditional" in spoken and "figure" not in spoken


@pytest.mark.parametrize(
    "sentence",
    [
        "We won't close a single library while I'm in charge.",
        "I'm happy to sit down with the fishermen's union next week.",
        "I'd be glad to publish the 2023 figures in full.",
    ],
)
def test_a_promise_not_to_act_and_an_offer_are_promises(sentence: str) -> None:
    view = sentence_words(sentence, WORD.findall(sentence))
    assert "promise" in talk_features(view, attributed=False, spoken=True)


@pytest.mark.parametrize(
    ("sentence", "feature"),
    [
        ("The ferry service was withdrawn by the port company last spring.", "record"),
        ("The verdict was upheld by the appeal court in June.", "record"),
        ("The board has chosen not to publish the safety review.", "negated"),
        ("The tender documents have been handed to the anti-fraud office.", "record"),
        ("Both cases were referred to a judge in Tromsø in January.", "record"),
        ("The ministry decided not to renew the contract.", "negated"),
        ("The pension gap was caused by the 2008 crash, not by the fund's managers.", "correction"),
        ("Flooding at the station came from a burst main, not from the river.", "correction"),
    ],
)
def test_acts_in_the_passive_and_decisions_not_to_act_are_records(sentence: str, feature: str) -> None:
    view = sentence_words(sentence, WORD.findall(sentence))
    assert feature in record_features(view, named=False)


def test_an_infinitive_after_a_passive_is_no_recipient() -> None:
    sentence = "The clinic was forced to close its doors to new patients."
    view = sentence_words(sentence, WORD.findall(sentence))
    assert "record" not in record_features(view, named=False)


def test_a_guests_life_ranks_below_the_guests_claim() -> None:
    text = (
        "LENA VOSS: I walked through the flooded estate on Tuesday with 40 residents.\n"
        "LENA VOSS: The river defences were last raised in 1998, and the agency cut their budget since.\n"
    )
    found = {text[c.start : c.end]: c for c in candidates(text, "transcript")}
    walk = found["I walked through the flooded estate on Tuesday with 40 residents."]
    claim = found["The river defences were last raised in 1998, and the agency cut their budget since."]
    assert not walk.kept and "personal" in walk.reasons
    assert claim.kept and claim.score > walk.score
