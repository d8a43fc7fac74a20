"""Words whose sense the feature vocabularies get wrong in one common use.

Each function answers for a sentence whose words already hit a vocabulary: is this the other
sense? "bill" is a law and a sum to pay, "honourable" a judgement and a parliament's form of
address, "could" a hedge and, negated before an active verb, a past inability.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from claimreview.extract.wordlist import words

BILLS = words("bill bills")
# "her electricity bill", "my bills", "energy bills"; "opposed the water bill" is a law.
BILL_TO_PAY = re.compile(
    r"\b(?:my|your|his|her|our|their)\s+(?:(?:electricity|energy|gas|water|phone|heating|power"
    r"|grocery|food|medical|hospital|utility|fuel|household|monthly)\s+bills?|bills)\b"
    r"|\b(?:electricity|energy|gas|heating|utility|fuel|grocery)\s+bills\b",
    re.IGNORECASE,
)
HONORIFIC_WORDS = words("honourable honorable")
HONORIFIC = re.compile(r"\bhonou?rable (?:lady|gentleman|member|friend|colleague)")
PAST_MODALS = words("could would")
PAST_MODAL = re.compile(r"\b(?:could|would)\b")


def bill_to_pay(sentence: str, legal_words: AbstractSet[str]) -> bool:
    """The only legal words are "bill(s)" and it is one to pay ("her electricity bill has tripled")."""
    return legal_words <= BILLS and BILL_TO_PAY.search(sentence) is not None


def form_of_address(sentence: str, opinion_words: AbstractSet[str]) -> bool:
    """The only opinion word is a parliament's "honourable" ("the honourable lady's party voted")."""
    return opinion_words <= HONORIFIC_WORDS and HONORIFIC.search(sentence) is not None


def past_inability(sentence: str, hedge_words: AbstractSet[str]) -> bool:
    """The only hedges are "could"/"would", each followed by "not" and an active verb.

    "The authority could not recruit enough doctors" says what happened; "It could not be
    independently verified" stays a hedge: nobody is said to have failed.
    """
    return hedge_words <= PAST_MODALS and all(
        sentence.startswith(" not", m.end()) and not sentence.startswith(" not be ", m.end())
        for m in PAST_MODAL.finditer(sentence)
    )
