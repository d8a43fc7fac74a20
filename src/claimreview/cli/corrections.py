"""`claimreview correct`: fix a claim's speaker or boundaries by an event; the extraction stays in history."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from claimreview import consensus as rules
from claimreview.cli.plumbing import DbOption, command, opened, stdout
from claimreview.errors import InputError
from claimreview.textsafe import one_line


def correct(
    claim_id: Annotated[str, typer.Argument(metavar="CLAIM", help="Claim id, or a prefix naming one claim.")],
    speaker: Annotated[str | None, typer.Option(metavar="NAME", help="Who said it.")] = None,
    no_speaker: Annotated[bool, typer.Option("--no-speaker", help="Nobody is named as saying it.")] = False,
    extend_next: Annotated[
        bool, typer.Option("--extend-next", help="Take in the rest of the sentence, or the next sentence.")
    ] = False,
    start: Annotated[
        int | None, typer.Option(metavar="N", help="New start: a character offset in the document.")
    ] = None,
    end: Annotated[int | None, typer.Option(metavar="N", help="New end (exclusive) in the document.")] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Withdraw your correction.")] = False,
    reviewer: Annotated[
        str | None, typer.Option(metavar="NAME", help="Your name (default: configured, then login).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Correct a claim's speaker or boundaries. Exports use the corrected claim; the extraction stays
    in the history, and `--clear` withdraws your correction. Offsets are those of `claims --json`."""
    from claimreview.config import load_settings
    from claimreview.corrections import Keep
    from claimreview.extract.revise import revise
    from claimreview.store.corrections import corrected_claim

    changes = speaker is not None or no_speaker or extend_next or start is not None or end is not None
    if clear and changes:
        raise InputError("--clear withdraws your correction; give it alone")
    if not clear and not changes:
        raise InputError("nothing to correct: give --speaker, --no-speaker, --extend-next, --start or --end")
    if speaker is not None and no_speaker:
        raise InputError("give --speaker or --no-speaker, not both")
    if speaker is not None and not speaker.strip():
        raise InputError("is empty (use --no-speaker)", field="--speaker")
    name = (reviewer or load_settings().reviewer_name()).strip()
    with opened(db, create=False) as store:
        full_id = store.resolve_claim_id(claim_id)
        if clear:
            mine = store.latest_event(full_id, name, kind=rules.CORRECTION)
            if mine is None or mine.label == rules.CLEARED:
                raise InputError(f"{name} has no correction on {full_id} to withdraw")
            store.record_event(full_id, name, rules.CLEARED, kind=rules.CORRECTION)
        else:
            claim = store.get_claim(full_id)
            assert claim is not None
            document = store.get_document(claim.document_id)
            assert document is not None
            now = corrected_claim(store, full_id)
            standing = (now.speaker, now.start, now.end) if now else (claim.speaker, claim.start, claim.end)
            who: str | Keep | None = None if no_speaker else Keep.SPEAKER if speaker is None else speaker
            payload = revise(
                document.text,
                standing,
                speaker=who,
                start=start,
                end=end,
                extend_next=extend_next,
            )
            store.record_event(
                full_id,
                name,
                rules.CORRECTED,
                kind=rules.CORRECTION,
                payload=payload,
            )
        result = corrected_claim(store, full_id)
    assert result is not None
    lead = f"{name}: withdrew the correction on {full_id}" if clear else f"{name}: corrected {full_id}"
    if result.by is None:
        stdout.print(Text(f"{lead}; the claim is as extracted"))
        return
    stdout.print(
        Text(
            f"{lead}; it stands as corrected by {result.by}: {result.start}..{result.end}, "
            f"speaker {one_line(result.speaker or '(none)')}: {one_line(result.text)}"
        )
    )


def register(app: typer.Typer) -> None:
    command(app)(correct)
