"""Read an article file into an :class:`Article`, refusing anything we cannot read honestly."""

from __future__ import annotations

import re
from pathlib import Path

from claimreview.errors import InputError
from claimreview.extract.dates import parse_iso_date
from claimreview.extract.markdown import markdown_to_text
from claimreview.extract.records import Article
from claimreview.extract.transcript import is_turn, looks_like_transcript, subtitles_to_text

MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SUBTITLE_SUFFIXES = (".srt", ".vtt")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + SUBTITLE_SUFFIXES
FORMATS = ("auto", "article", "transcript")
TITLE_MAX_CHARS = 200
FRONT_MATTER_KEYS = frozenset({"title", "publisher", "date", "url"})

# Terminal escape sequences and other control characters would reach the TUI verbatim; text
# offsets refer to the cleaned text, so removing them here keeps offsets honest.
# Written to open with the class of control characters (an escape is one) and go on only after
# an escape: the regex engine then skips ahead to the next control character.
CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"
    r"(?:(?<=\x1b)\[[0-?]*[ -/]*[@-~]|(?<=\x1b)\][^\x07\x1b]*(?:\x07|\x1b\\)?)?"
)


def read_transcript(path: Path) -> Article:
    """Read a ``SPEAKER: text`` transcript (.txt/.md) or subtitles (.srt/.vtt)."""
    return read_article(path, format="transcript")


def read_article(path: Path, format: str = "auto") -> Article:
    """Read an article or transcript file; InputError for anything unusable.

    ``format``: "article", "transcript", or "auto" (subtitles are transcripts; a .txt whose lines
    mostly start with ``SPEAKER:`` is one too).
    """
    path = Path(path)
    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}", path=path)
    raw = _read_text(path)
    suffix = path.suffix.lower()
    if suffix in SUBTITLE_SUFFIXES:
        if format == "article":
            raise InputError("subtitle files can only be read as transcripts", path=path)
        return _subtitles(path, raw, vtt=suffix == ".vtt")
    if suffix in HTML_SUFFIXES and format == "transcript":
        raise InputError("HTML pages cannot be read as transcripts", path=path)
    if suffix in HTML_SUFFIXES:
        # lxml takes a moment to import; only HTML needs it.
        from claimreview.extract.htmltext import parse_html

        page = parse_html(raw)
        text, captions = page.text, page.captions
        meta = {"title": page.title, "publisher": page.publisher, "date": page.published, "url": page.url}
    else:
        meta, body = _split_front_matter(raw, path)
        heading = None
        captions = ()
        if suffix in MARKDOWN_SUFFIXES:
            text, heading, captions = markdown_to_text(body)
        else:
            text = body.strip()
        meta.setdefault("title", heading)
    if not text.strip():
        raise InputError("no article text found", path=path)
    kind = "article"
    if format == "transcript" or (
        format == "auto" and suffix in TEXT_SUFFIXES and looks_like_transcript(text)
    ):
        kind = "transcript"
    title = meta.get("title")
    if not title:
        first = _first_line(text)
        # A transcript that opens with a turn has no title line: its file names it, as subtitles' do.
        title = path.stem if kind == "transcript" and is_turn(first) else first
    return Article(
        uri=str(path),
        title=_shorten(" ".join(title.split())),
        publisher=meta.get("publisher") or None,
        published=meta.get("date") or None,
        url=meta.get("url") or None,
        text=text,
        kind=kind,
        captions=captions if kind == "article" else (),
    )


def _subtitles(path: Path, raw: str, *, vtt: bool) -> Article:
    text = subtitles_to_text(raw, vtt=vtt)
    if not text.strip():
        raise InputError("no timed cues with text found", path=path)
    return Article(
        uri=str(path), title=path.stem, publisher=None, published=None, url=None, text=text, kind="transcript"
    )


def _read_text(path: Path) -> str:
    if not path.exists():
        raise InputError("no such file", path=path)
    if path.is_dir():
        raise InputError("is a directory, expected an article file", path=path)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        shown = path.suffix or "no suffix"
        raise InputError(
            f"unsupported file type ({shown}); supported: {', '.join(SUPPORTED_SUFFIXES)}", path=path
        )
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"file too large ({size:,} bytes; the limit is 5 MB)", path=path)
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}", path=path) from err
    if len(data) > MAX_BYTES:
        raise InputError("file too large (over the 5 MB limit)", path=path)
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(f"binary file: NUL byte at byte offset {nul}", path=path, line=line)
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as err:
        offset = bom + err.start
        line = data.count(b"\n", 0, offset) + 1
        raise InputError(
            f"not UTF-8 text: invalid byte 0x{data[offset]:02x} at byte offset {offset}", path=path, line=line
        ) from err
    text = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise InputError("empty file", path=path)
    return text


def _split_front_matter(raw: str, path: Path) -> tuple[dict[str, str | None], str]:
    """Metadata from an optional leading '---' block of 'key: value' lines, and the rest."""
    lines = raw.split("\n")
    if lines[0].strip() != "---":
        return {}, raw
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise InputError("front matter opened with '---' is never closed", path=path, line=1)
    meta: dict[str, str | None] = {}
    for number, line in enumerate(lines[1:end], start=2):
        # Blank lines, comments and YAML continuations ("  - tag") carry nothing we read.
        if not line.strip() or line.lstrip().startswith("#") or line[0].isspace() or line.startswith("- "):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or not key:
            raise InputError("front matter line is not 'key: value'", path=path, line=number)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1].strip()
        if key not in FRONT_MATTER_KEYS or not value:
            continue
        if key == "date":
            value = _check_date(value, path, number)
        elif key == "url" and not value.startswith(("http://", "https://")):
            raise InputError(f"{value!r} is not an http(s) URL", path=path, line=number, field="url")
        meta[key] = value
    return meta, "\n".join(lines[end + 1 :])


def _check_date(value: str, path: Path, line: int) -> str:
    found = parse_iso_date(value)
    if found is None:
        raise InputError(f"{value!r} is not an ISO date (YYYY-MM-DD)", path=path, line=line, field="date")
    return found


def _first_line(text: str) -> str:
    return next(line for line in text.split("\n") if line.strip())


def _shorten(title: str) -> str:
    if len(title) <= TITLE_MAX_CHARS:
        return title
    cut = title.rfind(" ", 0, TITLE_MAX_CHARS)
    return title[: cut if cut > 0 else TITLE_MAX_CHARS].rstrip() + "…"
