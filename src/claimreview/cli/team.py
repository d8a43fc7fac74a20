"""`assign`, `adjudicate`, `disputes`, and the team figures of `stats`: dividing and settling the work.

Assignments and adjudications are events like verdicts: recorded here, sent by the next `claimreview sync`,
and checked by the server against the sender's role. This database knows the role from the last sync; a
database that never met a server (a desk of one) may do everything.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from claimreview import consensus as rules
from claimreview.cli.plumbing import DbOption, command, opened, stderr, stdout
from claimreview.errors import InputError
from claimreview.textsafe import one_line

if TYPE_CHECKING:
    from claimreview.store import Store

ReviewerOption = Annotated[
    str | None, typer.Option(metavar="NAME", help="Your name (default: configured, then login).")
]


def _names(value: str | None) -> list[str]:
    if value is None:
        return []
    names = list(dict.fromkeys(n.strip() for n in value.split(",") if n.strip()))
    for name in names:
        if len(name) > 100 or any(ord(c) < 32 or c == "\x7f" for c in name):
            raise InputError(
                f"--to: '{one_line(name)[:40]}' is not a reviewer name (1-100 printable characters)"
            )
    return names


def _me(reviewer: str | None) -> str:
    from claimreview.config import load_settings

    return (reviewer or load_settings().reviewer_name()).strip()


def _check_role(store: Store, kind: str) -> None:
    """Refuse now what the server would refuse later; warn when nobody knows yet."""
    from claimreview.errors import ClaimreviewError
    from claimreview.sync import adjudication

    allowed = adjudication.may_record_here(store, kind)
    if allowed is False:
        raise ClaimreviewError(adjudication.refusal(store, kind))
    if allowed is None:
        stderr.print(
            Text(
                f"note: this database has not synced yet, so your role is not known; the server checks that "
                f"you may record {kind} events when the next sync sends them"
            )
        )


def assign(
    document: Annotated[
        list[str] | None,
        typer.Option(
            metavar="DOCUMENT", help="Every claim of this document (id, prefix or uri; repeatable)."
        ),
    ] = None,
    claim: Annotated[
        list[str] | None, typer.Option(metavar="CLAIM", help="This claim (id or prefix; repeatable).")
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            metavar="NAMES", help="Comma-separated reviewers. With --auto: the team to spread over."
        ),
    ] = None,
    auto: Annotated[
        bool, typer.Option("--auto", help="Spread unassigned claims evenly over the active reviewers.")
    ] = False,
    per_claim: Annotated[
        int, typer.Option(metavar="N", min=1, max=20, help="With --auto: reviewers per claim.")
    ] = 2,
    clear: Annotated[bool, typer.Option("--clear", help="Withdraw your assignment of these claims.")] = False,
    active_days: Annotated[
        int, typer.Option(metavar="DAYS", min=1, help="With --auto: who counts as active (see README).")
    ] = 30,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Assign claims to reviewers (admins and adjudicators); the next sync sends the assignments."""
    from claimreview import teamwork
    from claimreview.store import team

    names = _names(to)
    picked = bool(document or claim)
    if auto and clear:
        raise InputError("--auto and --clear do not go together")
    if not auto and not picked:
        raise InputError("say what to assign: --document D, --claim C, or --auto")
    if not auto and not clear and not names:
        raise InputError("say to whom: --to ana,ben (or --clear to withdraw your assignment)")
    if clear and names:
        raise InputError("--clear withdraws your assignment; it takes no --to")
    me = _me(reviewer)
    with opened(db, create=False) as store:
        _check_role(store, rules.ASSIGNMENT)
        doc_ids = [store.resolve_document(d) for d in document or []]
        claim_ids = [store.resolve_claim_id(c) for c in claim or []]
        for doc_id in doc_ids:
            claim_ids.extend(row.id for row in store.list_claims(document=doc_id))
        claim_ids = list(dict.fromkeys(claim_ids))
        plan: dict[str, list[str] | None]
        if auto:
            current = team.assignments(store)
            pool = claim_ids if picked else [row.id for row in store.list_claims()]
            unassigned = [cid for cid in pool if cid not in current]
            people = names or team.active_reviewers(store, days=active_days)
            if not people:
                raise InputError(
                    f"no active reviewers known in this database (nobody reviewed in the last {active_days} "
                    "days and nobody has work assigned); name them: --auto --to ana,ben,cy"
                )
            decided = {name: team.decided_by(store, name) for name in people}
            load = {
                name: sum(1 for cid, who in current.items() if name in who and cid not in decided[name])
                for name in people
            }
            try:
                spread = teamwork.spread(unassigned, people, per_claim, load)
            except ValueError as exc:
                raise InputError(f"--per-claim {per_claim}: {exc}; name more with --to") from None
            plan = dict(spread.items())
        else:
            plan = dict.fromkeys(claim_ids, None if clear else names)
        written = team.record_assignments(store, me, plan)
    what = "withdrew assignment of" if clear else "assigned"
    stdout.print(
        Text(
            f"{me}: {what} {len(plan)} claim(s) ({written} new event(s)"
            + (f"; {len(plan) - written} already so" if written < len(plan) else "")
            + ")"
            + (
                f" over {', '.join(sorted({n for v in plan.values() for n in v or ()}))}"
                if auto and plan
                else ""
            )
            + ("; run claimreview sync to send them" if written else "")
        )
    )


def adjudicate(
    claim_id: Annotated[str, typer.Argument(metavar="CLAIM", help="Claim id, or a prefix naming one claim.")],
    label: Annotated[
        str, typer.Argument(metavar="LABEL", help="confirmed, denied, unverified, not_checkworthy or cleared")
    ],
    note: Annotated[str, typer.Option(metavar="TEXT", help="Why (shown to the reviewers).")] = "",
    source: Annotated[
        list[str] | None, typer.Option("--source", metavar="URL", help="Evidence URL (repeatable).")
    ] = None,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Settle a claim (adjudicators and admins; offline is fine: the next sync sends it)."""
    from claimreview.evidence import make_source
    from claimreview.sync import adjudication

    value = label.strip().lower()
    parsed = rules.parse_label(rules.CLEARED if value == "clear" else value)
    sources = [make_source(url) for url in source or []]
    me = _me(reviewer)
    with opened(db, create=False) as store:
        full_id = store.resolve_claim_id(claim_id)
        before = store.get_claim(full_id)
        assert before is not None
        _check_role(store, rules.ADJUDICATION)
        event = adjudication.adjudicate(store, full_id, me, parsed, note=note, sources=sources)
        after = store.get_claim(full_id)
    assert after is not None
    stdout.print(
        Text(
            f"{me}: adjudicated {full_id} as {parsed} (event {event.id}); consensus was {before.consensus}, "
            f"is now {after.consensus}; run claimreview sync to send it"
        )
    )


def disputes(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    db: DbOption = None,
) -> None:
    """Disputed claims, oldest dispute first, with each side's verdict, note and sources."""
    from claimreview.store import team

    with opened(db, create=False) as store:
        found = team.disputes(store)
    if as_json:
        for d in found:
            record = {
                "id": d.claim.id,
                "document_id": d.claim.document_id,
                "document_title": d.claim.document_title,
                "text": d.claim.text,
                "speaker": d.claim.speaker,
                "disputed_since": d.since,
                "sides": [
                    {
                        "reviewer": e.reviewer,
                        "label": e.label,
                        "note": e.note,
                        "sources": e.sources,
                        "created_at": e.created_at,
                    }
                    for e in d.sides
                ],
            }
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    if not found:
        stdout.print("no disputed claims")
        return
    for d in found:
        stdout.print(Text(f"{d.claim.id[:10]}  since {d.since[:16]}  {one_line(d.claim.text)[:100]}"))
        for e in d.sides:
            line = f"    {one_line(e.reviewer)}: {e.label}"
            if e.note:
                line += f" — {one_line(e.note)[:120]}"
            stdout.print(Text(line))
            for s in e.sources:
                stdout.print(Text(f"        {one_line(str(s.get('url', '')))[:200]}"))
    stdout.print(
        Text(
            f"{len(found)} disputed claim(s); settle one with: claimreview adjudicate CLAIM LABEL --note ..."
        )
    )


def _pace(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}/h"


def figures_table(store: Store, name: str | None) -> Table:
    """`stats`' table of work for one reviewer (``name``) or, with None, the whole team."""
    from claimreview.store import team

    figures = team.team_figures(store, None if name is None else [name])
    table = Table(title="team" if name is None else f"your work ({one_line(name)})")
    for column in ("reviewer", "assigned", "done", "left", "decided", "pace"):
        table.add_column(column, justify="left" if column == "reviewer" else "right")
    for f in figures:
        table.add_row(
            Text(one_line(f.name)), str(f.assigned), str(f.done), str(f.left), str(f.decided), _pace(f.pace)
        )
    if not figures:
        table.add_row("(nobody has work or verdicts yet)", "", "", "", "", "")
    return table


def register(app: typer.Typer) -> None:
    command(app)(assign)
    command(app)(adjudicate)
    command(app)(disputes)
