"""The wire's record of an answer not given is no claim; a statement beside it keeps the sentence."""

from __future__ import annotations

import pytest

from claimreview.extract.noise import noise_reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The agency could not independently confirm the account.",
        "A spokeswoman for the ministry declined to comment on the figures.",
        "The company did not immediately respond to an emailed request for comment.",
        "Officials were not available for comment on Sunday.",
        "She did not say whether the 300 workers would be paid.",
        "Lawyers for the defendant could not be reached.",
    ],
)
def test_an_answer_not_given_is_noise(sentence: str) -> None:
    assert noise_reason(sentence, alone=False, opening=False) == "no answer"


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister declined to say when the plant would reopen but said 40 jobs had gone.",
        "The insurer, which did not respond to a request for comment, said claims rose 12%.",
        "A police spokesman confirmed two arrests but declined to give details.",
        "The official, who declined to be named, said 14 people had died.",  # a source's anonymity
    ],
)
def test_a_statement_beside_it_keeps_the_sentence(sentence: str) -> None:
    assert noise_reason(sentence, alone=False, opening=False) is None
