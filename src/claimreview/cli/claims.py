"""`extract`, `import`, `claims`, `demo`: getting claims in and reading them."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from claimreview import consensus as rules
from claimreview.cli.factchecks import parse_all, refresh_after_change, stored_match_json
from claimreview.cli.plumbing import DbOption, command, db_path, opened, progress_bar, stderr, stdout
from claimreview.errors import InputError
from claimreview.paths import demo_db_path, samples_dir
from claimreview.textsafe import one_line

if TYPE_CHECKING:
    from claimreview.corrections import Effective
    from claimreview.models import ClaimRow, MatchRow, NewClaim, NewDocument


# -- getting claims in ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where the articles of one `extract` call come from; given values beat the files' own metadata."""

    url: str | None = None
    publisher: str | None = None
    published: str | None = None

    def apply(self, document: NewDocument) -> NewDocument:
        given = {
            k: v
            for k, v in (("url", self.url), ("publisher", self.publisher), ("published", self.published))
            if v
        }
        return document.model_copy(update=given) if given else document


def provenance(url: str | None, publisher: str | None, published: str | None) -> Provenance:
    """The --url/--publisher/--date options checked: an http(s) address, a name, an ISO 8601 date."""
    from datetime import date, datetime

    from claimreview.evidence import validate_url

    if url is not None:
        try:
            url = validate_url(url)
        except InputError as exc:
            raise InputError(exc.reason, field="--url") from None
    if publisher is not None:
        publisher = one_line(publisher).strip()
        if not publisher:
            raise InputError("is empty", field="--publisher")
    if published is not None:
        value = published.strip()
        try:
            published = date.fromisoformat(value).isoformat() if len(value) == 10 else None
            published = published or datetime.fromisoformat(value).isoformat()
        except ValueError:
            raise InputError(
                f"'{one_line(value)[:40]}' is not an ISO 8601 date such as 2025-03-14", field="--date"
            ) from None
    return Provenance(url, publisher, published)


def extract_files(
    files: Sequence[Path],
    file_format: str = "auto",
    *,
    given: Provenance | None = None,
    min_score: float = 0.0,
) -> list[tuple[NewDocument, list[NewClaim]]]:
    """Read and extract every file before anything is written, so one bad file writes nothing. Claims
    scoring below ``min_score`` are left out."""
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
                if c.score >= min_score
            ]
            document = NewDocument.from_attrs(article)
            articles.append((given.apply(document) if given else document, claims))
            bar.advance(task)
    return articles


class FileFormat(StrEnum):
    auto = "auto"
    article = "article"
    transcript = "transcript"


def _score(value: float | None) -> float | None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise InputError(f"must be between 0 and 1, got {value}", field="--min-score")
    return value


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
    url: Annotated[
        str | None, typer.Option(metavar="URL", help="Web address of the article (every FILE of this call).")
    ] = None,
    publisher: Annotated[str | None, typer.Option(metavar="NAME", help="Outlet that published it.")] = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="DATE", help="Publication date, ISO 8601 (2025-03-14).")
    ] = None,
    min_score: Annotated[
        float | None,
        typer.Option(metavar="S", callback=_score, help="Keep only claims scoring at least S (0 to 1)."),
    ] = None,
) -> None:
    """Extract check-worthy claims from articles and transcripts into the database. HTML pages give
    their address, outlet and date from their metadata; --url/--publisher/--date override it."""
    from claimreview.cli.limits import warn_oversized

    given = provenance(url, publisher, date)
    articles = extract_files(files, file_format.value, given=given, min_score=min_score or 0.0)
    with opened(db) as store:
        result = store.add_articles(articles)
        warn_oversized(store, articles)
        if result.claims_added:
            refresh_after_change(store)
    already = result.claims_seen - result.claims_added
    stdout.print(
        Text(
            f"{len(files)} file(s) read: added {result.documents_added} document(s) and "
            f"{result.claims_added} claim(s)"
            + (f" scoring at least {min_score:g}" if min_score else "")
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
    from claimreview.cli.limits import warn_oversized
    from claimreview.ingest import read_import_file

    batch = read_import_file(file)
    with opened(db) as store:
        result = store.add_articles(batch.articles, batch.events)
        warn_oversized(store, batch.articles)
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


def claim_json(
    row: ClaimRow,
    verdicts: Mapping[str, object],
    matches: Sequence[MatchRow] = (),
    *,
    reasons: Sequence[str] = (),
    corrected: Effective | None = None,
) -> dict[str, object]:
    """One line of `claims --json`: the claim as it stands (corrected, when a correction stands), with
    the extraction under ``extracted`` when it differs."""
    line: dict[str, object] = {
        "id": row.id,
        "document_id": row.document_id,
        "document_uri": row.document_uri,
        "document_title": row.document_title,
        "text": row.text,
        "start": row.start,
        "end": row.end,
        "speaker": row.speaker,
        "score": row.score,
        "reasons": list(reasons),
        "consensus": row.consensus,
        "verdicts": list(verdicts.values()),
        "matches": [stored_match_json(m) for m in matches],
    }
    if corrected is not None and corrected.by is not None:
        line["extracted"] = {"text": row.text, "start": row.start, "end": row.end, "speaker": row.speaker}
        line.update(text=corrected.text, start=corrected.start, end=corrected.end, speaker=corrected.speaker)
        line["corrected_by"] = corrected.by
    return line


class Order(StrEnum):
    position = "position"
    score = "score"


def claims(
    db: DbOption = None,
    status: Annotated[
        str | None,
        typer.Option(
            metavar="STATUS",
            callback=_status,
            help="unreviewed, confirmed, denied, unverified, not_checkworthy, disputed",
        ),
    ] = None,
    document: Annotated[
        str | None, typer.Option(metavar="DOCUMENT", help="Document id (or prefix) or exact uri.")
    ] = None,
    order: Annotated[
        Order, typer.Option("--order", help="position: reading order; score: most check-worthy first.")
    ] = Order.position,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    assigned_to: Annotated[
        str | None, typer.Option(metavar="NAME", help="Only claims assigned to NAME now.")
    ] = None,
    undecided_by: Annotated[
        str | None, typer.Option(metavar="NAME", help="Only claims NAME has not decided yet.")
    ] = None,
) -> None:
    """List claims with their consensus (as corrected, when a reviewer corrected them)."""
    from claimreview.store import team
    from claimreview.store.corrections import corrected_claims, corrected_rows

    with opened(db, create=False) as store:
        doc_id = store.resolve_document(document) if document else None
        rows = store.list_claims(status=status, document=doc_id, by_score=order is Order.score)
        if assigned_to is not None:
            wanted = team.assigned_to(store, assigned_to)
            rows = [r for r in rows if r.id in wanted]
        if undecided_by is not None:
            done = team.decided_by(store, undecided_by)
            rows = [r for r in rows if r.id not in done]
        if as_json:
            from claimreview.store.factchecks import matches_for_claims

            out = sys.stdout
            for start in range(0, len(rows), 1000):
                chunk = rows[start : start + 1000]
                chunk_ids = [r.id for r in chunk]
                current = store.current_verdicts_for(chunk_ids)
                matches = matches_for_claims(store, chunk_ids)
                reasons = store.reasons_for(chunk_ids)
                corrected = corrected_claims(store, chunk_ids)
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
                    line = claim_json(
                        row,
                        verdicts,
                        matches.get(row.id, ()),
                        reasons=reasons.get(row.id, ()),
                        corrected=corrected.get(row.id),
                    )
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
            return
        rows = corrected_rows(store, rows)
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
        table.add_column(name, **kwargs)
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


def sample_files() -> list[Path]:
    folder = samples_dir()
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".md", ".html", ".htm"))


def ensure_demo_db() -> Path:
    """Build the demo database from the bundled samples (articles and fact-checks) once; later runs
    reuse it. Says where it is, so the other commands can be pointed at it."""
    from claimreview.store import factchecks as stored

    path = demo_db_path()
    with opened(path) as store:
        if store.count_claims() == 0:
            stderr.print(Text(f"building the demo database at {path}"))
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

    path = ensure_demo_db()
    run_app(path)
    stderr.print(Text(f"the demo database is {path}; the other commands take it with --db {path}"))


def register(app: typer.Typer) -> None:
    command(app)(extract)
    command(app, "import")(import_)
    command(app)(claims)
    command(app)(demo)
