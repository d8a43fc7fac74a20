"""Import claims made elsewhere (JSONL or CSV) and claimreview's own JSONL exports, all-or-nothing.

Two JSONL shapes are accepted:
- flat claim records, one per line: ``document_uri``, ``text`` and optionally ``document_title``,
  ``document_text``, ``document_publisher``, ``document_published``, ``document_url``, ``start``, ``end``,
  ``speaker``, ``score``, ``reasons``, ``extractor``, ``extractor_version`` (CSV takes the same columns,
  ``reasons`` as one cell split at ``;``);
- claimreview's full export, where every line has ``type``: ``document``, ``claim`` or ``event``;
and claimreview's CSV export (report_csv).

Parsing never touches the database; the caller stores the result in one transaction.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimreview import consensus as rules
from claimreview.errors import BadValue, InputError
from claimreview.ids import claim_id, document_id, sha256_text
from claimreview.jsonlines import jsonl_values
from claimreview.models import EventBase, NewClaim, NewDocument

MAX_BYTES = 200 * 1024 * 1024
MAX_LINE = 5 * 1024 * 1024
IMPORT_EXTRACTOR = "import"

FLAT_FIELDS = (
    "document_uri",
    "document_title",
    "document_text",
    "document_publisher",
    "document_published",
    "document_url",
    "text",
    "start",
    "end",
    "speaker",
    "score",
    "reasons",
    "extractor",
    "extractor_version",
)
# Columns that `claimreview claims --json` prints and that carry nothing to import; accepted so
# that its output can be fed back in.
IGNORED_FIELDS = ("id", "document_id", "consensus", "verdicts", "matches", "extracted", "corrected_by")
REQUIRED_FLAT = ("document_uri", "text")


@dataclass(slots=True)
class ImportBatch:
    articles: list[tuple[NewDocument, list[NewClaim]]] = field(default_factory=list)
    events: list[EventBase] = field(default_factory=list)


@dataclass(slots=True)
class _DocDraft:
    uri: str
    title: str = ""
    text: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    first_line: int = 0
    claims: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


def read_import_file(path: Path) -> ImportBatch:
    """Parse ``path`` completely; raise InputError naming file, line and field on the first problem."""
    raw = _read_bytes(path)
    text = _decode(path, raw)
    stripped = text.lstrip()
    if not stripped:
        raise InputError("file is empty", path=path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _parse_csv(path, text)
    if suffix not in (".jsonl", ".ndjson", ".json"):
        raise InputError("unsupported file type; use .jsonl (JSON Lines) or .csv", path=path)
    if stripped.startswith("["):
        raise InputError(
            "this is a JSON array; import wants JSON Lines (one JSON object per line)", path=path, line=1
        )
    return _parse_jsonl(path, text)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError("no such file", path=path)
    if path.is_dir():
        raise InputError("is a directory, not a file", path=path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB", path=path)
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", path=path) from exc


def _decode(path: Path, raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise InputError("binary file (contains NUL bytes); expected UTF-8 text", path=path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(f"not UTF-8 text (bad byte at offset {exc.start})", path=path, line=line) from exc
    return text.replace("\r\n", "\n")


def _parse_jsonl(path: Path, text: str) -> ImportBatch:
    records: list[tuple[int, dict[str, Any]]] = []
    for number, value in jsonl_values(text, path, max_line=MAX_LINE):
        if not isinstance(value, dict):
            raise InputError(f"expected a JSON object, got {type(value).__name__}", path=path, line=number)
        records.append((number, value))
    if "type" in records[0][1]:
        return _parse_full(path, records)
    return _build_flat(path, records)


def _parse_csv(path: Path, text: str) -> ImportBatch:
    csv.field_size_limit(MAX_LINE)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    headers = reader.fieldnames or []
    clean = [h.strip() for h in headers]
    if clean[:1] == ["id"] and "claim" in clean:  # claimreview's own CSV export
        from claimreview.ingest.report_csv import read_report_csv

        return read_report_csv(path, clean, reader.reader)
    unknown = [h for h in clean if h not in FLAT_FIELDS and h not in IGNORED_FIELDS]
    if unknown:
        raise InputError(
            f"wrong CSV headers: unknown column '{unknown[0]}'; "
            f"expected columns from: {', '.join(FLAT_FIELDS)}",
            path=path,
            line=1,
        )
    missing = [h for h in REQUIRED_FLAT if h not in clean]
    if missing:
        raise InputError(f"wrong CSV headers: missing column '{missing[0]}'", path=path, line=1)
    records: list[tuple[int, dict[str, Any]]] = []
    try:
        for row in reader:
            number = reader.line_num
            if None in row:
                raise InputError("row has more cells than the header", path=path, line=number)
            record: dict[str, Any] = {}
            for key, value in row.items():
                assert key is not None
                if value is None or value == "":
                    continue
                record[key.strip()] = value
            for key in ("start", "end"):
                if key in record:
                    record[key] = _csv_int(path, number, key, record[key])
            if "score" in record:
                record["score"] = _csv_float(path, number, record["score"])
            records.append((number, record))
    except csv.Error as exc:
        raise InputError(f"malformed CSV ({exc})", path=path, line=reader.line_num) from exc
    if not records:
        raise InputError("no rows after the header", path=path)
    return _build_flat(path, records)


def _csv_int(path: Path, line: int, key: str, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise InputError(
            f"must be a whole number, got '{value[:40]}'", path=path, line=line, field=key
        ) from None


def _csv_float(path: Path, line: int, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise InputError(
            f"must be a number, got '{value[:40]}'", path=path, line=line, field="score"
        ) from None


def _opt_str(path: Path, line: int, record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"must be a string, got {type(value).__name__}", path=path, line=line, field=key)
    return value


def _req_str(path: Path, line: int, record: dict[str, Any], key: str) -> str:
    value = _opt_str(path, line, record, key)
    if value is None or not value.strip():
        raise InputError("is required and must not be empty", path=path, line=line, field=key)
    return value


def _opt_int(path: Path, line: int, record: dict[str, Any], key: str) -> int | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"must be a whole number, got {value!r:.40}", path=path, line=line, field=key)
    return value


def _score(path: Path, line: int, record: dict[str, Any]) -> float:
    value = record.get("score", 0.0)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"must be a number, got {value!r:.40}", path=path, line=line, field="score")
    if not 0.0 <= float(value) <= 1.0:
        raise InputError(f"must be between 0 and 1, got {value}", path=path, line=line, field="score")
    return float(value)


def _build_flat(path: Path, records: list[tuple[int, dict[str, Any]]]) -> ImportBatch:
    drafts: dict[str, _DocDraft] = {}
    for line, record in records:
        unknown = [k for k in record if k not in FLAT_FIELDS and k not in IGNORED_FIELDS]
        if unknown:
            raise InputError(
                f"unknown field; expected fields from: {', '.join(FLAT_FIELDS)}",
                path=path,
                line=line,
                field=unknown[0],
            )
        uri = _req_str(path, line, record, "document_uri")
        draft = drafts.setdefault(uri, _DocDraft(uri=uri, first_line=line))
        doc_text = _opt_str(path, line, record, "document_text")
        if doc_text is not None:
            if draft.text is not None and draft.text != doc_text:
                raise InputError(
                    f"document text differs from the one given on line {draft.first_line} for the same uri",
                    path=path,
                    line=line,
                    field="document_text",
                )
            draft.text = doc_text
        for key in ("title", "publisher", "published", "url"):
            value = _opt_str(path, line, record, f"document_{key}")
            if value is not None and not getattr(draft, key):
                setattr(draft, key, value)
        draft.claims.append((line, record))

    batch = ImportBatch()
    for draft in drafts.values():
        batch.articles.append(_draft_to_article(path, draft))
    return batch


def _draft_to_article(path: Path, draft: _DocDraft) -> tuple[NewDocument, list[NewClaim]]:
    claims: list[NewClaim] = []
    if draft.text is None:
        # Without the article text the document holds only its claims, one paragraph each, and
        # offsets point into that text: they stay honest even though the source was not given.
        pieces: list[str] = []
        cursor = 0
        for line, record in draft.claims:
            claim_text = _req_str(path, line, record, "text")
            claims.append(_new_claim(path, line, record, claim_text, cursor, cursor + len(claim_text)))
            pieces.append(claim_text)
            cursor += len(claim_text) + 2
        doc_text = "\n\n".join(pieces)
    else:
        doc_text = draft.text
        for line, record in draft.claims:
            claim_text = _req_str(path, line, record, "text")
            start = _opt_int(path, line, record, "start")
            end = _opt_int(path, line, record, "end")
            if start is None or end is None:
                found = doc_text.find(claim_text)
                if found < 0:
                    raise InputError(
                        "claim text is not in the document text (and no start/end given)",
                        path=path,
                        line=line,
                        field="text",
                    )
                start, end = found, found + len(claim_text)
            _check_offsets(path, line, doc_text, claim_text, start, end)
            claims.append(_new_claim(path, line, record, claim_text, start, end))
    title = draft.title or draft.uri
    document = NewDocument(
        uri=draft.uri,
        title=title,
        text=doc_text,
        publisher=draft.publisher,
        published=draft.published,
        url=draft.url,
    )
    return document, claims


def _check_offsets(path: Path, line: int, doc_text: str, claim_text: str, start: int, end: int) -> None:
    if start < 0 or end > len(doc_text):
        raise InputError(
            f"offsets {start}..{end} are outside the document text (length {len(doc_text)})",
            path=path,
            line=line,
            field="start" if start < 0 else "end",
        )
    if start >= end:
        raise InputError(f"start ({start}) must be before end ({end})", path=path, line=line, field="start")
    if doc_text[start:end] != claim_text:
        raise InputError(
            f"document text at {start}..{end} is not the claim text", path=path, line=line, field="text"
        )


def _reasons(path: Path, line: int, record: dict[str, Any]) -> list[str]:
    """The extractor's reason codes: a list of short strings (in CSV, one cell split at ';')."""
    value = record.get("reasons", [])
    if isinstance(value, str):
        value = [part.strip() for part in value.split(";") if part.strip()]
    if (
        not isinstance(value, list)
        or len(value) > 20
        or not all(isinstance(v, str) and 0 < len(v) <= 40 for v in value)
    ):
        raise InputError(
            "must be a list of at most 20 short reason codes", path=path, line=line, field="reasons"
        )
    return list(dict.fromkeys(value))


def _new_claim(path: Path, line: int, record: dict[str, Any], text: str, start: int, end: int) -> NewClaim:
    speaker = _opt_str(path, line, record, "speaker")
    return NewClaim(
        text=text,
        start=start,
        end=end,
        speaker=speaker.strip() if speaker and speaker.strip() else None,
        score=_score(path, line, record),
        reasons=_reasons(path, line, record),
        extractor=_opt_str(path, line, record, "extractor") or IMPORT_EXTRACTOR,
        extractor_version=_opt_str(path, line, record, "extractor_version") or "",
    )


# -- claimreview's own full export --------------------------------------------------------------


def _parse_full(path: Path, records: list[tuple[int, dict[str, Any]]]) -> ImportBatch:
    documents: dict[str, tuple[NewDocument, str, list[NewClaim]]] = {}
    claim_ids: set[str] = set()
    events: list[EventBase] = []
    pending_events: list[tuple[int, dict[str, Any]]] = []
    for line, record in records:
        kind = record.get("type")
        if kind == "meta":
            continue
        if kind == "document":
            text = record.get("text")
            if not isinstance(text, str) or not text:
                raise InputError(
                    "is required and must be a non-empty string", path=path, line=line, field="text"
                )
            sha = sha256_text(text)
            given = _opt_str(path, line, record, "id")
            if given is not None and given != document_id(sha):
                raise InputError(
                    "document id does not match its text (edited after export?)",
                    path=path,
                    line=line,
                    field="id",
                )
            doc = NewDocument(
                uri=_req_str(path, line, record, "uri"),
                title=_opt_str(path, line, record, "title") or "",
                text=text,
                publisher=_opt_str(path, line, record, "publisher"),
                published=_opt_str(path, line, record, "published"),
                url=_opt_str(path, line, record, "url"),
            )
            documents[document_id(sha)] = (doc, sha, [])
        elif kind == "claim":
            doc_id = _req_str(path, line, record, "document_id")
            if doc_id not in documents:
                raise InputError(
                    "claim refers to a document not given earlier in the file",
                    path=path,
                    line=line,
                    field="document_id",
                )
            doc, sha, claims = documents[doc_id]
            text = _req_str(path, line, record, "text")
            start = _opt_int(path, line, record, "start")
            end = _opt_int(path, line, record, "end")
            if start is None or end is None:
                raise InputError("start and end are required", path=path, line=line, field="start")
            _check_offsets(path, line, doc.text, text, start, end)
            cid = claim_id(sha, start, end)
            given = _opt_str(path, line, record, "id")
            if given is not None and given != cid:
                raise InputError("claim id does not match its offsets", path=path, line=line, field="id")
            claims.append(_new_claim(path, line, record, text, start, end))
            claim_ids.add(cid)
        elif kind == "event":
            pending_events.append((line, record))
        else:
            raise InputError("must be one of: document, claim, event", path=path, line=line, field="type")
    for line, record in pending_events:
        events.append(_event(path, line, record, claim_ids))
    return ImportBatch(articles=[(doc, claims) for doc, _sha, claims in documents.values()], events=events)


# What ids.now_iso writes: UTC, "Z". Event order (and so consensus) sorts on this text.
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")


def _timestamp(path: Path, line: int, record: dict[str, Any]) -> str:
    value = _req_str(path, line, record, "created_at")
    if not _TIMESTAMP.fullmatch(value):
        raise InputError(
            f"must be a UTC time like 2026-01-31T12:00:00.000000Z, got {value[:40]!r}",
            path=path,
            line=line,
            field="created_at",
        )
    return value


def _event(path: Path, line: int, record: dict[str, Any], claim_ids: set[str]) -> EventBase:
    cid = _req_str(path, line, record, "claim_id")
    if cid not in claim_ids:
        raise InputError("event refers to a claim not in the file", path=path, line=line, field="claim_id")
    label_text = _req_str(path, line, record, "label")
    try:
        kind = rules.parse_kind(record.get("kind", rules.REVIEW))
    except BadValue as err:
        raise err.at(path, line, "kind") from None
    try:
        label = rules.parse_event_label(kind, label_text)
    except BadValue as err:
        raise err.at(path, line, "label") from None
    sources = record.get("sources", [])
    if not isinstance(sources, list) or not all(
        isinstance(s, dict) and isinstance(s.get("url"), str) for s in sources
    ):
        raise InputError(
            "must be a list of {url, title, quote} objects", path=path, line=line, field="sources"
        )
    return EventBase.model_construct(  # every field checked here
        id=_req_str(path, line, record, "id"),
        claim_id=cid,
        reviewer=_req_str(path, line, record, "reviewer"),
        kind=kind,
        label=label,
        note=_opt_str(path, line, record, "note") or "",
        sources=[
            {"url": s["url"], "title": str(s.get("title") or ""), "quote": str(s.get("quote") or "")}
            for s in sources
        ],
        created_at=_timestamp(path, line, record),
        replaces=_opt_str(path, line, record, "replaces"),
        payload=_payload(path, line, record),
    )


def _payload(path: Path, line: int, record: dict[str, Any]) -> dict[str, Any]:
    """An event's payload, checked as the sync server checks it (a few short fields)."""
    value = record.get("payload", {})
    if value == {}:
        return {}
    from pydantic import TypeAdapter, ValidationError

    from claimreview.wire import Payload

    try:
        return dict(TypeAdapter(Payload).validate_python(value, strict=True))
    except ValidationError as exc:
        reason = exc.errors()[0]["msg"]
        raise InputError(
            f"must be an object of short fields ({reason})", path=path, line=line, field="payload"
        ) from None
