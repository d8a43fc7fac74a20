"""`extract`, `import`, `claims`, `verdict`, `stats`, `demo`: getting claims in, reading them, scripting."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from claimreview import consensus as rules
from claimreview.cli.factchecks import parse_all, refresh_after_change, stored_match_json
from claimreview.cli.plumbing import DbOption, command, db_path, opened, progress_bar, stdout
from claimreview.errors import InputError
from claimreview.paths import demo_db_path, samples_dir
from claimreview.textsafe import one_line

if TYPE_CHECKING:
    from claimreview.models import ClaimRow, MatchRow, NewClaim, NewDocument, Source


# -- getting claims in ----------------------------------------------------------------------------


def extract_files(
    files: Sequence[Path], file_format: str = "auto"
) -> list[tuple[NewDocument, list[NewClaim]]]:
    """Read and extract every file before anything is written, so one bad file writes nothing."""
    from claimreview.extract import EXTRACTOR_NAME, EXTRACTOR_VERSION, extract_claims, read_article
    from claimreview.models import NewClaim, NewDocument

    articles: list[tuple[NewDocument, list[NewClaim]]] = []
    with progress_bar("extracting") as bar:
        task = bar.add_task("extract", total=len(files))
        for path in files:
            article = read_article(path, format=file_format)
            claims = [
                NewClaim.from_attrs(c, extractor=EXTRACTOR_NAME, version=EXTRACTOR_VERSION)
                for c in extract_claims(article.text, article.kind, article.captions)
            ]
            articles.append((NewDocument.from_attrs(article), claims))
            bar.advance(task)
    return articles


class FileFormat(StrEnum):
    auto = "auto"
    article = "article"
    transcript = "transcript"


def extract(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE", help="Articles (.txt, .md, .html) or transcripts (.txt, .srt, .vtt)."),
    ],
    db: DbOption = None,
    file_format: Annotated[
        FileFormat,
        typer.Option("--format", help="auto: subtitles and 'SPEAKER: text' files are read as transcripts."),
    ] = FileFormat.auto,
) -> None:
    """Extract check-worthy claims from articles and transcripts into the database."""
    articles = extract_files(files, file_format.value)
    with opened(db) as store:
        result = store.add_articles(articles)
        if result.claims_added:
            refresh_after_change(store)
    already = result.claims_seen - result.claims_added
    stdout.print(
        Text(
            f"{len(files)} file(s) read: added {result.documents_added} document(s) and "
            f"{result.claims_added} claim(s)"
            + (f"; {already} claim(s) were already there" if already else "")
            + f" ({db_path(db)})"
        )
    )


def import_(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="JSONL or CSV of claims, or a claimreview JSONL export.")
    ],
    db: DbOption = None,
) -> None:
    """Import claims extracted elsewhere. All or nothing: one bad record imports nothing."""
    from claimreview.ingest import read_import_file

    batch = read_import_file(file)
    with opened(db) as store:
        result = store.add_articles(batch.articles, batch.events)
        if result.claims_added:
            refresh_after_change(store)
    stdout.print(
        Text(
            f"imported {result.documents_added} document(s), {result.claims_added} claim(s) and "
            f"{result.events_added} verdict event(s) from {file}"
            + (
                f"; {result.claims_seen - result.claims_added} claim(s) were already there"
                if result.claims_seen != result.claims_added
                else ""
            )
        )
    )


# -- reading and scripting ------------------------------------------------------------------------


def _status(value: str | None) -> str | None:
    return None if value is None else rules.parse_status(value)


def _label(value: str) -> str:
    # People type labels: any case, and "clear" for "cleared". Import files are held to the exact values.
    label = value.strip().lower()
    return rules.parse_label(rules.CLEARED if label == "clear" else label)


def claim_json(
    row: ClaimRow, verdicts: Mapping[str, object], matches: Sequence[MatchRow] = ()
) -> dict[str, object]:
    return {
        "id": row.id,
        "document_id": row.document_id,
        "document_uri": row.document_uri,
        "document_title": row.document_title,
        "text": row.text,
        "start": row.start,
        "end": row.end,
        "speaker": row.speaker,
        "score": row.score,
        "consensus": row.consensus,
        "verdicts": list(verdicts.values()),
        "matches": [stored_match_json(m) for m in matches],
    }


def claims(
    db: DbOption = None,
    status: Annotated[
        str | None,
        typer.Option(
            metavar="STATUS", callback=_status, help="unreviewed, confirmed, denied, unverified, disputed"
        ),
    ] = None,
    document: Annotated[
        str | None, typer.Option(metavar="DOCUMENT", help="Document id (or prefix) or exact uri.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List claims with their consensus."""
    with opened(db, create=False) as store:
        doc_id = store.resolve_document(document) if document else None
        rows = store.list_claims(status=status, document=doc_id)
        if as_json:
            from claimreview.store.factchecks import matches_for_claims

            out = sys.stdout
            for start in range(0, len(rows), 1000):
                chunk = rows[start : start + 1000]
                current = store.current_verdicts_for([r.id for r in chunk])
                matches = matches_for_claims(store, [r.id for r in chunk])
                for row in chunk:
                    verdicts = {
                        who: {
                            "reviewer": ev.reviewer,
                            "label": ev.label,
                            "note": ev.note,
                            "sources": ev.sources,
                            "created_at": ev.created_at,
                        }
                        for who, ev in sorted(current[row.id].items())
                    }
                    line = claim_json(row, verdicts, matches.get(row.id, ()))
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
            return
    if not rows:
        stdout.print("no claims match; add some with: claimreview extract ARTICLE...")
        return
    # The claim is what people read: it gets most of the width, the rest stay narrow.
    table = Table(show_lines=False, expand=True)
    for name, kwargs in (
        ("id", {"no_wrap": True}),
        ("status", {"no_wrap": True}),
        ("score", {"justify": "right", "no_wrap": True}),
        ("speaker", {"ratio": 1, "no_wrap": True, "overflow": "ellipsis", "max_width": 24}),
        ("claim", {"ratio": 4}),
        ("document", {"ratio": 1, "no_wrap": True, "overflow": "ellipsis", "max_width": 28}),
    ):
        table.add_column(name, **kwargs)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(
            Text(row.id[:10]),
            Text(f"{rules.GLYPHS.get(row.consensus, ' ')} {row.consensus}"),
            Text(f"{row.score:.2f}"),
            Text(one_line(row.speaker or "")),
            Text(one_line(row.text)),
            Text(one_line(row.document_title or row.document_uri)),
        )
    stdout.print(table)
    stdout.print(Text(f"{len(rows)} claim(s)"))


def verdict(
    claim_id: Annotated[str, typer.Argument(metavar="CLAIM", help="Claim id, or a prefix naming one claim.")],
    label: Annotated[
        str,
        typer.Argument(
            metavar="LABEL",
            callback=_label,
            help="confirmed, denied, unverified, not_checkworthy (triage) or cleared",
        ),
    ],
    reviewer: Annotated[
        str | None, typer.Option(metavar="NAME", help="Your name (default: configured, then login).")
    ] = None,
    note: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Why (replaces your note; default: keep it).")
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source", metavar="URL", help="Evidence URL (repeatable; replaces your sources; default: keep)."
        ),
    ] = None,
    source_title: Annotated[
        list[str] | None,
        typer.Option("--source-title", metavar="TITLE", help="Title of the matching --source."),
    ] = None,
    source_quote: Annotated[
        list[str] | None,
        typer.Option("--source-quote", metavar="QUOTE", help="Quote from the matching --source."),
    ] = None,
    clear_note: Annotated[bool, typer.Option("--clear-note", help="Drop your note.")] = False,
    clear_sources: Annotated[bool, typer.Option("--clear-sources", help="Drop your sources.")] = False,
    db: DbOption = None,
) -> None:
    """Record a verdict on a claim (the same event log the review app writes).

    Like the app, a new verdict keeps the note and sources you gave with your previous one unless
    --note/--source replace them or --clear-note/--clear-sources drop them; `cleared` withdraws it all.
    """
    from claimreview.config import load_settings
    from claimreview.evidence import make_source
    from claimreview.undo import VerdictState

    urls = source or []
    titles = source_title or []
    quotes = source_quote or []
    if len(titles) > len(urls) or len(quotes) > len(urls):
        raise InputError("each --source-title/--source-quote needs a --source URL before it")
    if clear_note and note is not None:
        raise InputError("give --note or --clear-note, not both")
    if clear_sources and urls:
        raise InputError("give --source or --clear-sources, not both")
    if label == rules.CLEARED and (note is not None or urls):
        raise InputError("'cleared' withdraws your verdict with its note and sources; drop --note/--source")
    sources: list[Source] = [
        make_source(url, titles[i] if i < len(titles) else "", quotes[i] if i < len(quotes) else "")
        for i, url in enumerate(urls)
    ]
    name = reviewer or load_settings().reviewer_name()
    with opened(db, create=False) as store:
        full_id = store.resolve_claim_id(claim_id)
        before = VerdictState.of(store.latest_event(full_id, name.strip()))
        after = before.after_verdict(
            label,
            note="" if clear_note else note,
            sources=() if clear_sources else (sources or None),
        )
        appended = store.record_event(full_id, name, after.label, note=after.note, sources=after.sources)
    kept = [
        what
        for what, was_kept in (
            ("note", note is None and not clear_note and bool(after.note)),
            ("sources", not urls and not clear_sources and bool(after.sources)),
        )
        if was_kept
    ]
    stdout.print(
        Text(
            f"{name}: {label} on {full_id} (event {appended.event.id}); consensus is now {appended.consensus}"
            + (f"; kept your {' and '.join(kept)}" if kept else "")
        )
    )


def stats(db: DbOption = None) -> None:
    """Counts by consensus, by document and by reviewer."""
    with opened(db, create=False) as store:
        s = store.stats()
    stdout.print(Text(f"{s.total} claim(s)"))
    by_status = Table(title="by consensus")
    by_status.add_column("consensus")
    by_status.add_column("claims", justify="right")
    for value in rules.CONSENSUS_VALUES:
        by_status.add_row(value, str(s.by_consensus.get(value, 0)))
    stdout.print(by_status)
    by_doc = Table(title="by document")
    for name in ("document", "title", "claims", "reviewed"):
        by_doc.add_column(name, justify="right" if name in ("claims", "reviewed") else "left")
    for doc_id, title, n, reviewed in s.by_document:
        by_doc.add_row(Text(doc_id[:10]), Text(one_line(title)), str(n), str(reviewed))
    stdout.print(by_doc)
    by_rev = Table(title="by reviewer (current verdicts)")
    by_rev.add_column("reviewer")
    by_rev.add_column("claims", justify="right")
    for who, n in sorted(s.by_reviewer.items()):
        by_rev.add_row(Text(one_line(who)), str(n))
    if not s.by_reviewer:
        by_rev.add_row("(no verdicts yet)", "")
    stdout.print(by_rev)


def sample_files() -> list[Path]:
    folder = samples_dir()
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".md", ".html", ".htm"))


def ensure_demo_db() -> Path:
    """Build the demo database from the bundled samples (articles and fact-checks) once; later runs
    reuse it."""
    from claimreview.store import factchecks as stored

    path = demo_db_path()
    with opened(path) as store:
        if store.count_claims() == 0:
            store.add_articles(extract_files(sample_files()))
        if stored.count_factchecks(store) == 0:
            stored.import_factchecks(store, parse_all(sample_factcheck_files()))
        refresh_after_change(store)
    return path


def sample_factcheck_files() -> list[Path]:
    return sorted(p for p in (samples_dir() / "factchecks").iterdir() if p.is_file())


def demo() -> None:
    """Open the review app on a demo database built from the bundled sample articles."""
    from claimreview.cli.review import run_app

    run_app(ensure_demo_db())


def register(app: typer.Typer) -> None:
    command(app)(extract)
    command(app, "import")(import_)
    command(app)(claims)
    command(app)(verdict)
    command(app)(stats)
    command(app)(demo)
