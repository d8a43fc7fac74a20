"""The words a mention can be pointed back with: "the governor", "the agency" find an earlier
speaker whose mention holds that word, and a mention introduced as a person is no body's voice."""

from __future__ import annotations

from functools import lru_cache

from claimreview.extract.names import PERSON_HEADS, POSSESSIVE, TITLES, is_role, singular


@lru_cache(maxsize=4096)
def heads(words_: str) -> frozenset[str]:
    """The words of a mention that a description can point back with ("governor", "agency")."""
    return frozenset(singular(POSSESSIVE.sub("", w.lower().strip(",."))) for w in words_.split())


def described_person(words_: str) -> bool:
    """The mention was introduced as a person ("A Commission spokesperson, Eva Lindqvist")."""
    return any(w in PERSON_HEADS or w in TITLES or is_role(w) for w in heads(words_))
