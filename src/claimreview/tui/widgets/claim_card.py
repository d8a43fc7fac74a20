"""The claim card: who said the claim, why it was picked, where it appeared, whether it was checked before.

Every value is shown whole (the card wraps); the details dialog (``i``) and the matches list (``m``)
show the same values with room to spare. All text is untrusted and appended literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.widgets import Static

from claimreview.models import ClaimRow, Document, MatchRow
from claimreview.textsafe import one_line

# The extractor's reason codes (extract/worthiness.py) in words a reviewer reads; a minus lowered the score.
REASON_WORDS: dict[str, str] = {
    "figure": "a figure",
    "statistic": "a measure (%, money, units)",
    "date": "a date",
    "reporting": "a reporting verb",
    "denial": "a denial",
    "quoted_opinion": "quoted opinion (−)",
    "quoted_fact": "a quotation of what happened",
    "named_source": "a named source",
    "event": "an event verb",
    "comparative": "a comparison",
    "causal": "a cause",
    "evidence": "a finding",
    "legal": "legal terms",
    "entity": "named people or places",
    "hedge": "hedged (−)",
    "opinion": "opinion (−)",
    "chitchat": "small talk (−)",
    "first_person_view": "first-person view (−)",
    "assertion": "a named place or body described",
    "past_fact": "something done or found",
    "record": "a public record (votes, positions)",
    "source": "a cited source",
    "negated": "a negated fact",
    "correction": "who did it, set against who is blamed",
    "proportion": "a share in words",
    "promise": "a promise (−)",
    "future": "a plan (−)",
    "address": "addressed to the listener (−)",
    "appeal": "a call to the audience (−)",
    "procedure": "the event's procedure (−)",
    "personal": "a personal story (−)",
    "speaker_act": "the speaker's own act or mind (−)",
    "conditional": "a supposition (−)",
    "schedule": "the event's calendar (−)",
    "moderator": "the moderator's or host's framing, not a claim (−)",
    "floor": "a question or story from the floor (−)",
    "scene": "the reporter's picture of a crowd (−)",
}


def describe_reasons(reasons: Sequence[str]) -> str:
    """The reasons in words, most weighty first as the extractor stored them; unknown codes as they are."""
    if not reasons:
        return "no reasons recorded"
    return ", ".join(REASON_WORDS.get(code, one_line(code)) for code in reasons)


def describe_match(match: MatchRow, *, headline: bool = True) -> str:
    """publisher · rating · date — headline (what "checked before" lists)."""
    parts = (match.publisher, match.rating, match.date_published)
    head = " · ".join(one_line(part) for part in parts if part) or "unknown publisher"
    if not headline:
        return head
    return f"{head} — {one_line(match.headline or match.claim_reviewed)}"


@dataclass(frozen=True, slots=True)
class Corrected:
    """A claim's values after the reviewers' corrections (None: as extracted)."""

    speaker: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class CardView:
    claim: ClaimRow
    document: Document | None
    matches: Sequence[MatchRow] | None  # None: still being read
    corrected: Corrected = Corrected()


def render_card(view: CardView, *, top: int = 2, compact: bool = False) -> Text:
    """The card's lines. ``compact`` (a narrow column): the top match without its headline, so that the
    source line still fits; ``i`` and ``m`` show everything whole."""
    claim, document = view.claim, view.document
    out = Text()
    speaker = view.corrected.speaker if view.corrected.speaker is not None else claim.speaker
    out.append("Speaker ", style="bold")
    out.append(one_line(speaker) if speaker else "not attributed")
    if view.corrected.speaker is not None:
        out.append(f"  (corrected; extracted: {one_line(claim.speaker or '—')})", style="italic")
    out.append("\nScore ", style="bold")
    out.append(f"{claim.score:.2f}  ")
    out.append(describe_reasons(claim.reasons))
    out.append("\nChecked before ", style="bold")
    if view.matches is None:
        out.append("looking…", style="dim")
    elif not view.matches:
        out.append("none found", style="dim")
    else:
        out.append(describe_match(view.matches[0], headline=not compact))
        for match in view.matches[1 : 1 if compact else top]:
            out.append("\n • " + describe_match(match))
        more = len(view.matches) - min(top, len(view.matches))
        out.append(f"  (m: {'all ' + str(len(view.matches)) if more else 'list, adopt'})", style="dim")
    if document is not None:
        out.append("\nSource ", style="bold")
        where = [one_line(part) for part in (document.publisher, document.published) if part]
        out.append(" · ".join(where) if where else "outlet and date unknown")
        out.append("  ")
        out.append(one_line(document.url) if document.url else f"file {one_line(document.uri)}")
    return out


# Content width under which the card drops the match's headline (80 columns leave it about 34).
COMPACT_BELOW = 50


class ClaimCard(Static):
    """Wraps every value: nothing on the card is cut."""

    DEFAULT_CLASSES = "claim-card"
    COMPONENT_CLASSES: ClassVar[set[str]] = set()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: CardView | None = None

    def show(self, view: CardView | None) -> None:
        self.view = view
        compact = 0 < self.content_region.width < COMPACT_BELOW
        self.update(render_card(view, compact=compact) if view is not None else Text("no claim selected"))

    def on_resize(self) -> None:
        self.show(self.view)

    def set_matches(self, claim_id: str, matches: Sequence[MatchRow]) -> None:
        if self.view is not None and self.view.claim.id == claim_id:
            self.show(CardView(self.view.claim, self.view.document, list(matches), self.view.corrected))
