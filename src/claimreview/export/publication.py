"""What a report's claim card says about the review's editorial state: approved, published (and whether
the consensus changed since), withdrawn. A reader of the report sees which verdicts the public has seen.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimreview import consensus as rules
from claimreview import editorial
from claimreview.export.common import CONSENSUS_TITLES, clean, when

_EDITORIAL = rules.EDITORIAL


def publication_line(events: Sequence[rules.EventLike], consensus: str) -> str | None:
    """One line for the card, or None for a claim no editor has acted on (most of them: checked fast)."""
    # A plain loop, not any(genexpr): run for every claim of a report, it costs half as much.
    for event in events:
        if event.kind == _EDITORIAL:
            break
    else:
        return None
    state = editorial.editorial_state(events)
    if state.state == editorial.APPROVED:
        return "Approved for publication, not published yet"
    if state.state == editorial.DRAFT:
        withdrawn = any(e.kind == rules.EDITORIAL and e.label == rules.WITHDRAWN for e in events)
        return "Withdrawn: a draft again" if withdrawn else None
    line = f"Published {when(state.published_at)}"
    if state.modified_at:
        line += f", updated {when(state.modified_at)}"
    rating = _rating(state.publication)
    if rating:
        line += f" · rating {rating}"
    if editorial.withheld(state, consensus):
        line += " · ⚠ withheld: the claim is now judged not check-worthy"
    elif editorial.changed_since_publication(state, consensus):
        before = state.published_consensus or ""
        line += f" · ⚠ published as {CONSENSUS_TITLES.get(before, before)}; the consensus changed since"
    return line


def _rating(event: object) -> str:
    payload = getattr(event, "payload", None)
    value = payload.get("rating") if isinstance(payload, dict) else None
    # From an editor's event, maybe synced from another desk: untrusted like any note.
    return clean(value) if isinstance(value, str) else ""
