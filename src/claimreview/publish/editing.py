"""Approving, publishing and withdrawing claims' reviews: the checks and the writes behind `claimreview
approve`, `publish` and `withdraw` and the app's editor screen, so that both refuse the same things with
the same words.

Every check runs before anything is recorded: a bad third id or an over-long summary records nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimreview import consensus as rules
from claimreview import editorial
from claimreview.errors import InputError
from claimreview.publish.claimreview import LANGUAGE, SUMMARY_LIMIT, line
from claimreview.publish.rating import RatingScale
from claimreview.textsafe import one_line

if TYPE_CHECKING:
    from claimreview.store import Store


@dataclass(frozen=True, slots=True)
class Recorded:
    """One editorial event written: the claim, the event id, and for a publication the rating's label."""

    claim_id: str
    event_id: str
    rating_label: str = ""


def check_summary(summary: str, *, field: str = "summary") -> None:
    length = len(line(summary))
    if length > SUMMARY_LIMIT:
        raise InputError(f"is {length} characters; keep it to {SUMMARY_LIMIT}", field=field)


def check_language(language: str, *, field: str = "language") -> None:
    if not LANGUAGE.fullmatch(language):
        raise InputError(f"'{one_line(language)}' is not a language tag such as en or pt-BR", field=field)


def editable_ids(store: Store, ids: Sequence[str]) -> list[str]:
    """Full ids of ``ids`` (unique prefixes allowed), each with a verdict consensus; raises otherwise."""
    resolved = list(dict.fromkeys(store.resolve_claim_id(i) for i in ids))
    for full in resolved:
        claim = store.get_claim(full)
        assert claim is not None
        why = editorial.editable(claim.consensus)
        if why is not None:
            raise InputError(f"claim {full} cannot be approved or published: {why}")
    return resolved


def choose_rating(scale: RatingScale, rating: str | None, consensus: str, claim_id: str) -> str:
    """The rating id to publish: the one given, else the scale's rating for the claim's verdict."""
    if rating is not None:
        return scale.find(rating).key
    found = scale.for_verdict(consensus)
    if found is None:
        known = ", ".join(r.key for r in scale.ratings)
        raise InputError(
            f"claim {claim_id} is {consensus} and the rating scale maps no rating to that; "
            f"pass --rating (one of: {known})",
            field="rating",
        )
    return found.key


def approve(store: Store, ids: Sequence[str], editor: str) -> list[Recorded]:
    """Approve the reviews of ``ids`` (draft -> approved) as ``editor``."""
    out: list[Recorded] = []
    for full in editable_ids(store, ids):
        appended = store.record_event(full, editor, rules.APPROVED, kind=rules.EDITORIAL)
        out.append(Recorded(full, appended.event.id))
    return out


def publish(
    store: Store,
    ids: Sequence[str],
    editor: str,
    scale: RatingScale,
    *,
    rating: str | None = None,
    summary: str = "",
    explanation: str = "",
    language: str = "en",
    summary_field: str = "summary",
    language_field: str = "language",
) -> list[Recorded]:
    """Publish approved reviews of ``ids`` (approved -> published; again: a correction) as ``editor``."""
    from claimreview.store.editorial import editorial_states

    check_summary(summary, field=summary_field)
    check_language(language, field=language_field)
    if rating is not None:
        scale.find(rating)  # an unknown rating fails before any claim is looked at
    resolved = editable_ids(store, ids)
    states = editorial_states(store, resolved)
    payloads = {}
    for full in resolved:
        if states[full].state == editorial.DRAFT:
            raise InputError(f"claim {full} is not approved; run `claimreview approve {full[:12]}` first")
        claim = store.get_claim(full)
        assert claim is not None
        payloads[full] = {
            "rating": choose_rating(scale, rating, claim.consensus, full),
            "summary": summary,
            "explanation": explanation,
            "language": language,
        }
    out: list[Recorded] = []
    for full in resolved:
        appended = store.record_event(
            full, editor, rules.PUBLISHED, kind=rules.EDITORIAL, payload=payloads[full]
        )
        out.append(Recorded(full, appended.event.id, scale.find(payloads[full]["rating"]).label))
    return out


def withdraw(store: Store, ids: Sequence[str], editor: str) -> list[Recorded]:
    """Take the reviews of ``ids`` down (approved or published -> draft) as ``editor``, whatever their
    consensus now; the site drops their pages on its next ``--prune`` run."""
    from claimreview.store.editorial import editorial_states

    resolved = list(dict.fromkeys(store.resolve_claim_id(i) for i in ids))
    states = editorial_states(store, resolved)
    for full in resolved:
        if states[full].state == editorial.DRAFT:
            raise InputError(f"claim {full} is neither approved nor published: nothing to withdraw")
    out: list[Recorded] = []
    for full in resolved:
        appended = store.record_event(full, editor, rules.WITHDRAWN, kind=rules.EDITORIAL)
        out.append(Recorded(full, appended.event.id))
    return out


def undo(store: Store, claim_id: str, editor: str, event_id: str) -> Recorded:
    """Take back ``editor``'s editorial decision ``event_id``: the decision they had before it stands
    again (written anew, since the log only grows: a publication keeps its words and rating), or none
    (``cleared``) when it was their first. Taking back a withdrawal lets every decision it cut stand
    again. Refused when the editor has decided on the claim since: that later decision is undone first."""
    mine = [
        e
        for e in sorted(store.events_for_claim(claim_id), key=rules.log_order)
        if e.kind == rules.EDITORIAL and e.reviewer == editor
    ]
    if not mine or mine[-1].id != event_id:
        raise InputError(f"claim {claim_id}: you have decided on it again since; undo that decision first")
    previous = mine[-2] if len(mine) > 1 else None
    label = previous.label if previous is not None else rules.CLEARED
    payload = dict(previous.payload) if previous is not None else None
    appended = store.record_event(claim_id, editor, label, kind=rules.EDITORIAL, payload=payload)
    return Recorded(claim_id, appended.event.id)
