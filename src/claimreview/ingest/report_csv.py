"""Read back claimreview's own CSV export (``claimreview export --format csv``), recognised by its header.

What comes back: documents (uri, title), claims (text, speaker, score to four significant digits) and
each reviewer's current verdict and the adjudication (label, note, sources, time) as events. What the
CSV does not hold cannot come back: the document text (documents hold only their claims, one paragraph
each, as in the flat format, so claim ids and offsets differ from the original), verdicts that were
replaced, corrections and editorial events, and control characters (written as visible symbols).

Event ids are derived from the exported claim id, reviewer and kind, so importing the same file twice
adds nothing the second time.
"""

from __future__ import annotations

import csv
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from claimreview import consensus as rules
from claimreview.errors import BadValue, InputError
from claimreview.ids import claim_id, sha256_text
from claimreview.models import EventBase, NewClaim, NewDocument

if TYPE_CHECKING:
    from claimreview.ingest import ImportBatch

BASE_COLUMNS = ("id", "document", "uri", "claim", "speaker", "score", "consensus")
GROUP = ("label", "note", "sources", "at")
ADJUDICATION = "adjudication"
# What the CSV writer puts a quote in front of (a spreadsheet formula), and the quote itself, which it
# doubles so that the quote it adds is always the one to take off.
_QUOTED_START = ("=", "+", "-", "@", "\t", "\r", "'")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")
# One source per line, as csv_writer.sources_cell writes it: "title <url> “quote”", title and quote optional.
_SOURCE = re.compile(r"(?:(?P<title>.*?) <(?P<url>[^<>\s]+)>|(?P<bare>[^\s“]+))(?: “(?P<quote>.*)”)?")
_NAMESPACE = uuid.UUID("0b6c6f36-3c1e-4c0e-9d7c-6e3f1c1a2b10")


def is_report_csv(headers: list[str]) -> bool:
    """True when the header is the one the CSV export writes."""
    return tuple(headers[: len(BASE_COLUMNS)]) == BASE_COLUMNS


def unquote(cell: str) -> str:
    """Undo the CSV writer's formula neutralising (a leading ' before =, +, -, @, tab, CR or ')."""
    if cell.startswith("'") and cell[1:].startswith(_QUOTED_START):
        return cell[1:]
    return cell


def _groups(path: Path, headers: list[str]) -> list[tuple[str, int]]:
    """(reviewer, index of its first column) for each reviewer group; ("", i) for the adjudication."""
    groups: list[tuple[str, int]] = []
    i = len(BASE_COLUMNS)
    while i < len(headers):
        if headers[i] == f"{ADJUDICATION} by":
            expected = [f"{ADJUDICATION} {part}" for part in GROUP]
            if headers[i + 1 : i + 5] != expected or i + 5 != len(headers):
                raise InputError(
                    f"wrong CSV headers: column {i + 2} should start the adjudication group",
                    path=path,
                    line=1,
                )
            groups.append(("", i + 1))
            break
        name = headers[i].removesuffix(" label")
        if headers[i : i + 4] != [f"{name} {part}" for part in GROUP] or name == headers[i]:
            raise InputError(
                f"wrong CSV headers: column {i + 1} ('{headers[i][:40]}') should start a reviewer's "
                "label, note, sources, at group",
                path=path,
                line=1,
            )
        groups.append((name, i))
        i += 4
    return groups


def _sources(path: Path, line: int, field: str, cell: str) -> list[dict[str, str]]:
    sources = []
    for part in cell.split("\n"):
        if not part.strip():
            continue
        found = _SOURCE.fullmatch(part)
        if found is None:
            raise InputError("a source line must be 'title <url> “quote”'", path=path, line=line, field=field)
        sources.append(
            {
                "url": found["url"] or found["bare"],
                "title": found["title"] or "",
                "quote": found["quote"] or "",
            }
        )
    return sources


def _event(
    path: Path, line: int, row: list[str], first: int, who: str, kind: str, exported_id: str, cid: str
) -> EventBase:
    prefix = who if kind == rules.REVIEW else ADJUDICATION
    label_cell, note, sources_cell, at = row[first : first + 4]
    try:
        label = rules.parse_event_label(kind, label_cell)
    except BadValue as err:
        raise err.at(path, line, f"{prefix} label") from None
    if not _TIMESTAMP.fullmatch(at):
        raise InputError(
            f"must be a UTC time like 2026-01-31T12:00:00.000000Z, got {at[:40]!r}",
            path=path,
            line=line,
            field=f"{prefix} at",
        )
    return EventBase.model_construct(  # every field checked above
        id=str(uuid.uuid5(_NAMESPACE, f"{exported_id}\n{who}\n{kind}")),
        claim_id=cid,
        reviewer=who,
        kind=kind,
        label=label,
        note=note,
        sources=_sources(path, line, f"{prefix} sources", sources_cell),
        created_at=at,
        replaces=None,
        payload={},
    )


def parse_report_csv(
    path: Path, headers: list[str], rows: list[tuple[int, list[str]]]
) -> tuple[list[tuple[NewDocument, list[NewClaim]]], list[EventBase]]:
    """Articles and events from the rows (line number, cells) of a CSV export."""
    from claimreview.ingest import IMPORT_EXTRACTOR, _score

    groups = _groups(path, headers)
    documents: dict[str, tuple[str, list[tuple[int, list[str]]]]] = {}
    for line, raw in rows:
        if len(raw) != len(headers):
            raise InputError(f"row has {len(raw)} cells, the header {len(headers)}", path=path, line=line)
        row = [unquote(cell) for cell in raw]
        for index, name in ((0, "id"), (2, "uri"), (3, "claim")):
            if not row[index].strip():
                raise InputError("is required and must not be empty", path=path, line=line, field=name)
        documents.setdefault(row[2], (row[1], []))[1].append((line, row))

    articles: list[tuple[NewDocument, list[NewClaim]]] = []
    events: list[EventBase] = []
    for uri, (title, doc_rows) in documents.items():
        # As in the flat format: without the article, the document is its claims, one paragraph each.
        text = "\n\n".join(row[3] for _line, row in doc_rows)
        sha = sha256_text(text)
        claims: list[NewClaim] = []
        cursor = 0
        for line, row in doc_rows:
            try:
                score: object = float(row[5] or 0)
            except ValueError:
                score = row[5]
            start, end = cursor, cursor + len(row[3])
            cursor = end + 2
            claims.append(
                NewClaim(
                    text=row[3],
                    start=start,
                    end=end,
                    speaker=row[4].strip() or None,
                    score=_score(path, line, {"score": score}),
                    reasons=[],
                    extractor=IMPORT_EXTRACTOR,
                    extractor_version="",
                )
            )
            cid = claim_id(sha, start, end)
            for who, first in groups:
                if who == "":
                    by = row[first - 1].strip()
                    if by:
                        events.append(_event(path, line, row, first, by, rules.ADJUDICATION, row[0], cid))
                elif row[first]:
                    events.append(_event(path, line, row, first, who, rules.REVIEW, row[0], cid))
        articles.append((NewDocument(uri=uri, title=title or uri, text=text), claims))
    return articles, events


def read_report_csv(path: Path, headers: list[str], reader: Iterator[list[str]]) -> ImportBatch:
    """The rest of a CSV export whose header row has been read."""
    from claimreview.ingest import ImportBatch

    if not is_report_csv(headers):
        raise InputError(
            f"wrong CSV headers: a claimreview CSV export starts with {', '.join(BASE_COLUMNS)}",
            path=path,
            line=1,
        )
    rows: list[tuple[int, list[str]]] = []
    try:
        for raw in reader:
            if raw:
                rows.append((getattr(reader, "line_num", 0), raw))
    except csv.Error as exc:
        raise InputError(f"malformed CSV ({exc})", path=path, line=getattr(reader, "line_num", 0)) from exc
    if not rows:
        raise InputError("no rows after the header", path=path)
    articles, events = parse_report_csv(path, headers, rows)
    return ImportBatch(articles=articles, events=events)
