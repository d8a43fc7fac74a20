"""Photo captions written as prose are not claims; present-tense claims still are."""

from __future__ import annotations

import pytest

from claimreview.extract import extract_claims

LEDE = (
    "GDANSK, June 5 (Baltic Wire) - Shipyard workers voted on Thursday to accept a 6 percent pay rise, "
    "ending a 19-day stoppage, the Solidarity trade union said."
)
LATER = "The yard's owner said it would restart work on two ferries worth 310 million euros next week."


def article(*paragraphs: str) -> str:
    return "\n\n".join((LEDE, *paragraphs, LATER))


def texts(text: str) -> list[str]:
    return [c.text for c in extract_claims(text)]


@pytest.mark.parametrize(
    "caption",
    [
        # a plain scene and full date, no credit at all
        "Welders stand on a half-finished ferry hull at the Gdansk shipyard on June 4, 2025.",
        # AP style: weekday, abbreviated month
        "A worker walks past idle cranes in Gdansk, Poland, Wednesday, Jun. 4, 2025.",
        # Reuters style: place and date, no "on"
        "Union members gather outside the shipyard gates in Gdansk, Poland June 3, 2025.",
        # day before month, present progressive
        "Riot police are watching the picket line near the dry dock on 3 June 2025.",
        # present passive
        "A banner reading 'Fair pay now' is seen on a crane at the yard on 2nd June 2025.",
        # a long caption whose closing clause is in the past tense
        "Striking welders sit on the quay on June 1, 2025, two days after talks with the owner broke down.",
    ],
)
def test_dated_scene_paragraph_is_a_caption(caption: str) -> None:
    kept = texts(article(caption))
    assert caption not in kept
    assert LEDE in kept and LATER in kept


@pytest.mark.parametrize("credit", ["Photo: Baltic Wire/Ewa Nowak", "EPA-EFE/Adam Lis", "AFP", "Reuters"])
def test_caption_with_credit_line_and_its_repeat_are_dropped(credit: str) -> None:
    # No date and an uncommon verb: only the credit line gives the first copy away, and the
    # copy printed again at the end of the page is the same caption.
    caption = "Flags of the trade union flutter over the main gate of the yard."
    text = article(f"{caption}\n{credit}", "The yard employs about 3,000 people.") + f"\n\n{caption}"
    kept = texts(text)
    assert caption not in " ".join(kept)
    assert "The yard employs about 3,000 people." in kept


def test_paragraph_printed_twice_with_scene_verb_is_a_caption() -> None:
    # No date and no credit: being printed twice, word for word, gives it away.
    caption = "Dock workers wave flags as the first ferry leaves the slipway."
    kept = texts(article(caption, "The yard built 14 ships last year.", caption))
    assert caption not in kept
    assert "The yard built 14 ships last year." in kept


def test_claim_printed_twice_is_kept_once() -> None:
    # A repeated paragraph that is no picture (a pull quote, a reporter's past-tense fact) stays.
    fact = "The owner cut 400 jobs at the yard in 2023."
    kept = texts(article(fact, "The yard built 14 ships last year.", fact))
    assert kept.count(fact) == 1


@pytest.mark.parametrize(
    "claim",
    [
        # a source in the present tense with figures
        "The union says 2,700 of its 3,100 members at the yard have joined the strike.",
        # a reporter's present-tense fact with a figure
        "Wages at the yard stand at about 1,900 euros a month, below the national average.",
        "Prices for steel plate stand at 640 euros a tonne, up from 590 euros in January.",
        # past tense with a full date: the news itself, not a picture
        "The stoppage began on May 16, 2025, after the owner froze wages.",
        "Talks broke down on 29 May 2025.",
        # a dated future event is news
        "The new wage agreement takes effect on July 1, 2025.",
        "The union will hold a ballot on the offer on June 12, 2025.",
        # a timeline line opens with its date
        "May 16, 2025: shipyard workers walk out over a wage freeze.",
    ],
)
def test_present_tense_and_dated_claims_still_come_through(claim: str) -> None:
    assert claim in texts(article(claim))


def test_quoted_scene_with_date_is_a_claim() -> None:
    # Someone's words, even about a scene, are attributed and stay.
    quote = "Workers stand idle at the yard on June 4, 2025, the owner said in a statement."
    assert quote in texts(article(quote))


# --- kinds the nineteenth held-out set exposed ---------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        # a credit with several slashes on the caption's own line
        "The shipyard's logo is seen on a hard hat in this picture taken May 2, 2025. "
        "REUTERS/Anna Nowak/Illustration/File Photo",
        # the same credit on the line under the caption
        "The shipyard's logo is seen on a hard hat in this picture taken May 2, 2025.\n"
        "REUTERS/Anna Nowak/Illustration",
    ],
)
def test_a_credit_with_several_slashes_marks_the_caption(caption: str) -> None:
    assert not any("logo" in t for t in texts(article(caption)))


def test_the_desks_initials_closing_a_story_are_no_photo_credit() -> None:
    last = "The port authority ordered 12 cranes to stay idle until Friday."
    assert last in texts(LEDE + "\n\n" + last + "\n\nPTI KSR JMV\n")
