"""Reviewer account names: one canonical spelling, no look-alikes of names already taken.

A name is NFKC-normalised (so full-width or ligature spellings become the plain one) and may hold only
letters, marks, digits, single spaces and ``. - ' _ @``: that leaves out control, format and bidi
characters (zero-width spaces, right-to-left overrides) and every markup character (``[bold]``, ``<b>``).
Two names whose confusable skeletons match ("аna" with a Cyrillic а, "ana") are one identity to a
reader; the second is refused. The skeleton uses the Unicode confusables table shipped by
``confusable-homoglyphs`` (maintained from UTS #39 data), not a hand-made list.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from confusable_homoglyphs import confusables

from claimreview.errors import ClaimreviewError

MAX_NAME = 100
_PUNCTUATION = frozenset(".-'_@ ")


class BadName(ClaimreviewError):
    """A reviewer name that cannot be an account name (the message says why)."""


def canonical_name(raw: str) -> str:
    """The account name for ``raw``, or BadName."""
    name = " ".join(unicodedata.normalize("NFKC", raw).split())
    if not name or len(name) > MAX_NAME:
        raise BadName(f"reviewer name must be 1-{MAX_NAME} characters")
    for char in name:
        category = unicodedata.category(char)
        if category[0] in "LMN" or char in _PUNCTUATION:
            continue
        code = f"U+{ord(char):04X}"
        if category[0] == "C":
            raise BadName(f"reviewer name contains an invisible or control character ({code}); retype it")
        raise BadName(
            f"reviewer name may hold letters, digits, spaces and . - ' _ @ only, not {char!r} ({code})"
        )
    return name


@cache
def _representative(char: str) -> str:
    # Every character of a confusable set maps to the same one: the lowest code point among them.
    glyphs = [h["c"] for h in confusables.confusables_data.get(char, ()) if len(h["c"]) == 1]
    return min([char, *glyphs])


def skeleton(name: str) -> str:
    """What a name looks like: case-folded, each character replaced by its confusable representative."""
    return "".join(_representative(c) for c in unicodedata.normalize("NFKC", name).casefold())


def look_alike(name: str, taken: list[str]) -> str | None:
    """An existing name (other than ``name`` itself) that reads the same as ``name``, if any."""
    mine = skeleton(name)
    for other in taken:
        if other != name and skeleton(other) == mine:
            return other
    return None
