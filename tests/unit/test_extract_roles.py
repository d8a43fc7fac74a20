"""Speaker roles in transcripts: a moderator's premises and the floor's stories are not claims."""

from __future__ import annotations

import pytest

from claimreview.extract import candidates, extract_claims
from claimreview.extract.roles import FLOOR, MODERATOR, label_role, speaker_roles


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Moderator", MODERATOR),
        ("Host Kim Sato", MODERATOR),
        ("Co-Host", MODERATOR),
        ("Interviewer", MODERATOR),
        ("Anchor", MODERATOR),
        ("Announcer", MODERATOR),
        ("Audience Member", FLOOR),
        ("Caller Joan", FLOOR),
        ("Question", FLOOR),
        ("Q", FLOOR),
        ("Reporter", FLOOR),
        ("Member Of The Public", FLOOR),
        ("Public Prosecutor", None),
        ("Lena Hartmann", None),
        ("Chair", None),
        (None, None),
    ],
)
def test_a_label_names_a_role(label: str | None, role: str | None) -> None:
    assert label_role(label) == role


INTERVIEW = (
    "MODERATOR: Welcome back. Unemployment in the valley rose to 11% in June, the highest in the region. "
    "Mayor, what went wrong?\n"
    "MAYOR LENA HARTMANN: The glass works closed in May and took 800 jobs with it.\n"
    "AUDIENCE MEMBER: My son lost his job at the glass works in the spring. What will you do for him?\n"
    "LENA HARTMANN: The county cut the retraining budget by half last year.\n"
)


def test_a_moderators_premise_and_a_story_from_the_floor_are_not_kept() -> None:
    claims = extract_claims(INTERVIEW, "transcript")
    assert [(c.text, c.speaker) for c in claims] == [
        ("The glass works closed in May and took 800 jobs with it.", "Lena Hartmann"),
        ("The county cut the retraining budget by half last year.", "Lena Hartmann"),
    ]


def test_the_role_is_the_reason_recorded() -> None:
    found = {INTERVIEW[c.start : c.end]: c for c in candidates(INTERVIEW, "transcript")}
    premise = found["Unemployment in the valley rose to 11% in June, the highest in the region."]
    assert premise.reasons[0] == "moderator" and "figure" not in premise.reasons
    story = found["My son lost his job at the glass works in the spring."]
    assert story.reasons[0] == "floor"
    # Ranked below every claim of the guest's, not only under the threshold.
    guest = found["The county cut the retraining budget by half last year."]
    assert premise.score < guest.score and story.score < guest.score


PANEL = (
    "ODILE MARCHAND: Good evening. The port handled a record tonnage last year, yet wages fell. "
    "Mr Brandt, why?\n"
    "TOMAS BRANDT: Wages fell because the port authority froze pay for three years in a row, "
    "and the dockers' contract expired in March without a new one being signed.\n"
    "ODILE MARCHAND: Ms Ruiz?\n"
    "ELENA RUIZ: The freeze ended in January, and every docker received a back payment in February "
    "that covered the whole three years.\n"
    "ODILE MARCHAND: The union says the back payment was taxed twice. Is that so?\n"
    "TOMAS BRANDT: It was taxed once, at the normal rate, like any other wage.\n"
)


def test_a_host_labelled_by_name_is_found_by_how_she_talks() -> None:
    lines = [(line.split(":")[0].title(), line.split(":", 1)[1]) for line in PANEL.splitlines()]
    assert speaker_roles(lines) == {"Odile Marchand": MODERATOR}
    kept = {c.text for c in extract_claims(PANEL, "transcript")}
    assert "The port handled a record tonnage last year, yet wages fell." not in kept
    assert "The union says the back payment was taxed twice." not in kept
    assert any(text.startswith("The freeze ended in January") for text in kept)


def test_politicians_putting_questions_keep_their_claims() -> None:
    # Each member asks once; the witness takes the most turns and asks nothing: nobody is a host.
    hearing = [
        ("Chair", "The committee will come to order. Ms Ode, you may begin."),
        ("Sara Ode", "Our agency inspected every dam in the state last year, and four failed."),
        ("Chair", "Thank you. Mr Lund."),
        ("Jon Lund", "Your agency missed its own inspection deadline twice. Why should we trust it?"),
        ("Sara Ode", "Both deadlines were missed during the floods, when inspectors were redeployed."),
        ("Chair", "Ms Park."),
        ("Mia Park", "Two of the four failed dams are upstream of towns. Who was told?"),
        ("Sara Ode", "Every mayor downstream was told within a day."),
    ]
    assert speaker_roles(hearing) == {}


def test_a_speech_has_no_host() -> None:
    assert (
        speaker_roles([("Rosa Lind", "We built the bridge in two years."), (None, "It carries 9,000 cars.")])
        == {}
    )


def test_a_host_who_opens_and_closes_the_show_needs_fewer_questions() -> None:
    # Two questions in five turns: a host who links ("Let's talk money. You sold the farm.") as
    # much as she asks, found because she welcomes and signs off and speaks less than her guest.
    show = [
        ("Ida Berg", "Welcome to Field Notes. My guest is the farmer Ole Dahl. Ole, welcome."),
        ("Ole Dahl", "Thanks, Ida. It is good to be back on the show after all these years."),
        ("Ida Berg", "Your valley lost half its dairy farms in a decade. Why?"),
        (
            "Ole Dahl",
            "Milk prices fell below the cost of feed in six of those ten years, and the co-op closed.",
        ),
        ("Ida Berg", "Let's talk money. You sold the upper farm last spring."),
        (
            "Ole Dahl",
            "We sold it to a neighbour, who still runs cattle there, and we kept the lower one going.",
        ),
        ("Ida Berg", "Will you stay?"),
        ("Ole Dahl", "As long as the herd pays for itself and my knees hold out, I will stay right here."),
        ("Ida Berg", "Ole Dahl, thank you. Field Notes is back next week."),
    ]
    assert speaker_roles(show) == {"Ida Berg": MODERATOR}


def test_a_speaker_heckled_is_no_host() -> None:
    # She opens and closes and asks, but she speaks at length and the heckler briefly.
    rally = [
        (
            "Nora Quist",
            "Friends, the mill closed in March and three hundred families lost their wages. Who listened?",
        ),
        ("Heckler", "Nobody!"),
        (
            "Nora Quist",
            "Nobody. The county sold the mill's land to a developer for less than it paid in 2010.",
        ),
        ("Heckler", "Shame!"),
        (
            "Nora Quist",
            "They promised a hundred homes on that land, and not one of them has been built. Why not?",
        ),
        ("Heckler", "Tell them!"),
        ("Nora Quist", "So on Thursday, vote for the people who will reopen the mill and build those homes."),
    ]
    assert speaker_roles(rally) == {}


def test_a_questioner_the_operator_names_is_from_the_floor() -> None:
    call = (
        "OPERATOR: Welcome to the Arden Foods call. Our first question comes from Mia Holt at Kestrel Bank.\n"
        "MIA HOLT: Thanks. Sugar prices doubled this year. How much of that have you hedged?\n"
        "TOM BRANDT: We are hedged for about 70% of next year's sugar needs.\n"
        "OPERATOR: The next question is from Ravi Iyer with Dunmore Capital.\n"
        "RAVI IYER: Your rival cut prices in Spain last month. Will you follow?\n"
        "TOM BRANDT: Our market share in Spain was unchanged in the quarter.\n"
    )
    kept = [c.text for c in extract_claims(call, "transcript")]
    assert kept == [
        "We are hedged for about 70% of next year's sugar needs.",
        "Our market share in Spain was unchanged in the quarter.",
    ]
