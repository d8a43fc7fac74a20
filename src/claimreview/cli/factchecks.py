"""`factchecks import|list|stats|adopt` and `match`: published fact-checks in, and "checked before?".

``refresh_after_change`` is what extract, import, sync and the demo call once new claims or fact-checks
are in: it brings every claim's stored matches up to date (only what is out of date is recomputed).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from rich.progress import TaskID
from rich.table import Table
from rich.text import Text

from claimreview import consensus as rules
from claimreview.cli.plumbing import DbOption, command, db_path, opened, progress_bar, stdout
from claimreview.errors import InputError
from claimreview.textsafe import one_line

if TYPE_CHECKING:
    from claimreview.factchecks.matcher import Match, Matcher
    from claimreview.factchecks.parse import FactCheck
    from claimreview.models import MatchRow
    from claimreview.store import Store

factchecks_app = typer.Typer(
    help="Published fact-checks (schema.org ClaimReview): import, list, count, adopt as a verdict.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# -- JSON shapes ------------------------------------------------------------------------------------


def match_json(rank: int, score: float, check: Any, query_id: object = None) -> dict[str, object]:
    """One match as `match --json` and `claims --json` print it (``check``: FactCheck or MatchRow)."""
    out: dict[str, object] = {} if query_id is None else {"query_id": query_id}
    out.update(
        rank=rank,
        score=score,
        url=check.url,
        claim_reviewed=check.claim_reviewed,
        headline=check.headline,
        rating=check.rating,
        publisher=check.publisher,
        date=check.date_published,
    )
    return out


def stored_match_json(row: MatchRow) -> dict[str, object]:
    return match_json(row.rank, row.score, row)


# -- keeping matches current ------------------------------------------------------------------------


def refresh_after_change(store: Store) -> None:
    """Recompute the matches that new claims or fact-checks made stale; one summary line if any found."""
    from claimreview.factchecks.refresh import refresh_matches

    with progress_bar("matching claims against fact-checks") as bar:
        task = bar.add_task("match", total=None)
        done = refresh_matches(store, progress=lambda n, total: bar.update(task, completed=n, total=total))
    if done.claims and done.matches:
        stdout.print(Text(f"{done.matches} fact-check match(es) stored for {done.claims} claim(s)"))


# -- factchecks import | list | stats | adopt ---------------------------------------------------------


def parse_all(files: Sequence[Path]) -> list[FactCheck]:
    """Every fact-check of every file, parsed before anything is written: one bad record stops all."""
    from claimreview.factchecks.parse import parse_file

    out: dict[str, FactCheck] = {}
    with progress_bar("reading {task.description}") as bar:
        for path in files:
            task = bar.add_task(one_line(path.name), total=None)

            def advance(done: int, total: int, task: TaskID = task) -> None:
                bar.update(task, completed=done, total=total)

            checks = parse_file(path, progress=advance)
            for check in checks:  # a url in two files: the later file wins, as a re-import would
                out.pop(check.url, None)
                out[check.url] = check
    return list(out.values())


@command(factchecks_app, "import")
def import_factchecks(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE",
            help="ClaimReview as JSON-LD, an array, JSON Lines, a DataFeed, an @graph, HTML pages with "
            "ld+json blocks, or `claimreview export --format claimreview` output.",
        ),
    ],
    db: DbOption = None,
) -> None:
    """Import published fact-checks. All or nothing: one bad record imports nothing."""
    from claimreview.store import factchecks as stored

    checks = parse_all(files)
    with opened(db) as store:
        result = stored.import_factchecks(store, checks)
        stdout.print(
            Text(
                f"{len(files)} file(s) read: added {result.added} fact-check(s), updated {result.updated}"
                + (f", {result.unchanged} unchanged" if result.unchanged else "")
                + f" ({db_path(db)})"
            )
        )
        refresh_after_change(store)


@command(factchecks_app, "list")
def list_factchecks(
    db: DbOption = None,
    publisher: Annotated[str | None, typer.Option(metavar="NAME", help="Only this publisher's.")] = None,
    limit: Annotated[int | None, typer.Option(metavar="N", min=1, help="At most N.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List fact-checks, newest first."""
    from claimreview.store import factchecks as stored

    with opened(db, create=False) as store:
        rows = stored.list_factchecks(store, publisher=publisher, limit=limit)
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if not rows:
        stdout.print("no fact-checks; add some with: claimreview factchecks import FILE...")
        return
    table = Table(expand=True)
    table.add_column("date", no_wrap=True)
    table.add_column("publisher", ratio=1, no_wrap=True, overflow="ellipsis", max_width=24)
    table.add_column("rating", ratio=1, no_wrap=True, overflow="ellipsis", max_width=20)
    table.add_column("claim reviewed", ratio=4)
    table.add_column("url", ratio=2, overflow="fold")
    for row in rows:
        table.add_row(
            Text(row["date_published"] or ""),
            Text(one_line(row["publisher"] or "")),
            Text(one_line(row["rating"] or "")),
            Text(one_line(row["claim_reviewed"])),
            Text(one_line(row["url"])),
        )
    stdout.print(table)
    stdout.print(Text(f"{len(rows)} fact-check(s)"))


@command(factchecks_app, "stats")
def factcheck_stats(db: DbOption = None) -> None:
    """Fact-checks counted by publisher and by rating."""
    from claimreview.store import factchecks as stored

    with opened(db, create=False) as store:
        s = stored.factcheck_stats(store)
    stdout.print(Text(f"{s.total} fact-check(s); {s.matched_claims} claim(s) have a match"))
    for title, counts in (("by publisher", s.by_publisher), ("by rating", s.by_rating)):
        table = Table(title=title)
        table.add_column(title.removeprefix("by "))
        table.add_column("fact-checks", justify="right")
        for value, n in counts:
            table.add_row(Text(one_line(value) or "(none)"), str(n))
        stdout.print(table)


def _label(value: str) -> str:
    label = value.strip().lower()
    return rules.parse_label(rules.CLEARED if label == "clear" else label)


@command(factchecks_app, "adopt")
def adopt(
    claim_id: Annotated[str, typer.Argument(metavar="CLAIM", help="Claim id, or a prefix naming one claim.")],
    url: Annotated[str, typer.Argument(metavar="URL", help="The fact-check's review url.")],
    label: Annotated[
        str,
        typer.Option(
            "--label", metavar="LABEL", callback=_label, help="Your verdict: confirmed, denied or unverified."
        ),
    ],
    reviewer: Annotated[
        str | None, typer.Option(metavar="NAME", help="Your name (default: configured, then login).")
    ] = None,
    note: Annotated[str, typer.Option(metavar="TEXT", help="Why.")] = "",
    db: DbOption = None,
) -> None:
    """Record your verdict on a claim with a published fact-check attached as its evidence."""
    from claimreview.config import load_settings
    from claimreview.store import factchecks as stored

    name = reviewer or load_settings().reviewer_name()
    with opened(db, create=False) as store:
        full_id = store.resolve_claim_id(claim_id)
        done = stored.adopt_match(store, full_id, url.strip(), name, label, note=note)
    stdout.print(
        Text(
            f"{name}: {label} on {full_id} citing {url.strip()} (event {done.event.id}); consensus is now "
            f"{done.consensus}"
        )
    )


# -- match ---------------------------------------------------------------------------------------------


def _queries(source: Path) -> Iterator[tuple[object, str]]:
    """(id, text) of each line of a JSON Lines query file; ``-`` reads stdin."""
    name = "<stdin>" if str(source) == "-" else str(source)
    stream: TextIO
    if str(source) == "-":
        stream = sys.stdin
    else:
        try:
            stream = source.open(encoding="utf-8")
        except OSError as err:
            raise InputError(f"cannot read: {err.strerror or err}", path=name) from None
    try:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as err:
                raise InputError(f"not valid JSON: {err}", path=name, line=number) from None
            if not isinstance(row, dict):
                raise InputError('expected an object {"id": ..., "text": ...}', path=name, line=number)
            text = row.get("text")
            if not isinstance(text, str):
                raise InputError("missing or not text", path=name, line=number, field="text")
            query_id = row.get("id", number)
            if not isinstance(query_id, str | int) or isinstance(query_id, bool):
                raise InputError("expected a string or a number", path=name, line=number, field="id")
            yield query_id, text
    except UnicodeDecodeError as err:
        raise InputError(f"not UTF-8 text (byte {err.start})", path=name) from None
    finally:
        if stream is not sys.stdin:
            stream.close()


def _load_matcher(store: Store) -> Matcher:
    from claimreview.factchecks.refresh import load_matcher
    from claimreview.store import factchecks as stored

    if stored.count_factchecks(store) == 0:
        raise InputError("the database has no fact-checks; add some with: claimreview factchecks import FILE")
    return load_matcher(store)


def _print_matches(matches: list[Match], threshold: float) -> None:
    if not matches:
        stdout.print("no fact-check matches this text")
        return
    for rank, m in enumerate(matches, start=1):
        check = m.factcheck
        mark = "" if m.score >= threshold else "  (below the threshold)"
        stdout.print(
            Text(
                f"{rank}. {m.score:.2f} {one_line(check.publisher or '?')}: {one_line(check.rating or '?')}"
                f" ({check.date_published or 'undated'}){mark}"
            )
        )
        stdout.print(Text(f"   {one_line(check.claim_reviewed)}"))
        stdout.print(Text(f"   {one_line(check.url)}"))


def match(
    text: Annotated[str | None, typer.Argument(metavar="TEXT", help="The text to look up.")] = None,
    input_file: Annotated[
        Path | None,
        typer.Option(
            "--input", metavar="FILE", help='JSON Lines of {"id": ..., "text": ...} ("-" for stdin).'
        ),
    ] = None,
    top: Annotated[int, typer.Option("--top", metavar="K", min=1, max=100, help="Results per text.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per result.")] = False,
    db: DbOption = None,
) -> None:
    """Rank the stored fact-checks for a text: has it been checked before?"""
    if (text is None) == (input_file is None):
        raise InputError("give either TEXT or --input FILE")
    with opened(db, create=False) as store:
        matcher = _load_matcher(store)
    if text is not None:
        matches = matcher.match(text, top)
        if as_json:
            for rank, m in enumerate(matches, start=1):
                line = match_json(rank, m.score, m.factcheck)
                sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        else:
            _print_matches(matches, matcher.threshold)
        return
    assert input_file is not None
    # Every line is checked before the first result is written: a bad line prints nothing but its error.
    queries = list(_queries(input_file))
    out = sys.stdout
    with progress_bar("matching") as bar:
        task = bar.add_task("match", total=len(queries))
        for query_id, query in queries:
            for rank, m in enumerate(matcher.match(query, top), start=1):
                line = match_json(rank, m.score, m.factcheck, query_id)
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
            bar.advance(task)


def register(app: typer.Typer) -> None:
    app.add_typer(factchecks_app, name="factchecks")
    command(app)(match)
