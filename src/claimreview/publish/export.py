"""``write_export``: the one entry point of every export (the command line, the app, scripts), and the
writer of its ClaimReview format.

The formats themselves are written by ``claimreview.export`` (reports, CSV, JSONL); ClaimReview is
written here because publishing is its gate: the export lists only reviews published now (``claimreview
publish``), each built exactly as on the site (``publish.claimreview.claim_review``: ``url`` from
review_base_url, the organisation as author, http(s) appearances only, the editor's rating on the
organisation's scale). Every other selected claim is counted by why it was left out (unreviewed,
disputed, not_checkworthy, unpublished) and the counts come back as one warning, as do the markup's
omissions. A published review whose consensus changed since is still written as last published, with a
warning counting them by their consensus now (publish/reviews.py); one now not check-worthy is left out
(no rating stands).
"""

from __future__ import annotations

import io
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from claimreview import consensus as rules
from claimreview.export import (
    ExportFilters,
    ExportSummary,
    ProgressCallback,
    check_format,
    write_report,
    writing,
)
from claimreview.export.atomic import atomic_text_file, check_target
from claimreview.export.jsonld import dumps_for_html
from claimreview.export.report import Report, build_report, paused_gc
from claimreview.export.writing import WriteResult
from claimreview.publish.claimreview import claim_review, omissions
from claimreview.publish.reviews import published_reviews
from claimreview.publish.settings import from_settings
from claimreview.store.editorial import editorial_claims

if TYPE_CHECKING:
    from claimreview.config import Settings
    from claimreview.store import Store

UNPUBLISHED = "unpublished"
# SQLite's limit on parameters is 32,766; past a few hundred ids, reading every claim is as quick.
_IDS_IN_SQL = 900


def left_out_message(left_out: dict[str, int]) -> str:
    parts = ", ".join(f"{n} {why}" for why, n in left_out.items())
    return f"left out {sum(left_out.values())} claim(s) that are not published reviews: {parts}"


def claimreview_writer(
    store: Store, config_path: str | Path | None = None
) -> Callable[[Report, TextIO, Any, ProgressCallback | None], WriteResult]:
    """The writer ``export.write_report`` runs for the claimreview format, reading the editorial log
    of the report's claims from ``store``."""

    def write(
        report: Report, stream: TextIO, settings: Any, progress: ProgressCallback | None
    ) -> WriteResult:
        publishing = from_settings(settings, path=config_path)  # before anything is written
        ids = [c.id for c in report.claims]
        # Only claims with an editorial event can be published: a big database has few of those.
        if len(ids) <= _IDS_IN_SQL:
            logs = editorial_claims(store, ids, edited=True)
        else:
            wanted = set(ids)
            logs = [c for c in editorial_claims(store, edited=True) if c.id in wanted]
        published = [c for c in logs if c.state.state == rules.PUBLISHED]
        found = published_reviews(published, publishing.rating_scale)
        by_id = {r.claim_id: r for r in found.reviews}
        out: list[dict[str, Any]] = []
        reasons: Counter[str] = Counter()
        missing: Counter[str] = Counter()
        total = len(report.claims)
        for index, claim in enumerate(report.claims, start=1):
            # Withheld (now not check-worthy) reviews are not in by_id: counted below as not_checkworthy.
            review = by_id.get(claim.id)
            if review is not None:
                out.append(claim_review(review, publishing))
                missing.update(omissions(review))
            elif claim.consensus in (rules.UNREVIEWED, rules.DISPUTED, rules.NOT_CHECKWORTHY):
                reasons[claim.consensus] += 1
            else:
                reasons[UNPUBLISHED] += 1
            if progress is not None and (index % writing.CHUNK == 0 or index == total):
                progress(index, total)
        stream.write(dumps_for_html(out) + "\n")
        result = WriteResult(written=len(out))
        order = (UNPUBLISHED, rules.UNREVIEWED, rules.DISPUTED, rules.NOT_CHECKWORTHY)
        result.left_out = {why: reasons[why] for why in order if reasons[why]}
        if result.left_out:
            result.warnings.append(left_out_message(result.left_out))
        result.warnings += [f"left out {problem}" for problem in found.problems]
        changed = found.changed_warning()
        if changed is not None:
            result.warnings.append(changed)
        result.warnings += [f"{n} review(s): {what}" for what, n in sorted(missing.items())]
        return result

    return write


def write_export(
    store: Store,
    fmt: str,
    out_path: Path | None,
    filters: ExportFilters | None = None,
    settings: Settings | None = None,
    progress: ProgressCallback | None = None,
    *,
    stream: TextIO | None = None,
    config_path: str | Path | None = None,
) -> ExportSummary:
    """Export the claims ``filters`` select, in format ``fmt`` (any of ``export.FORMATS``), to
    ``out_path`` (atomically).

    With ``out_path`` None the export goes to ``stream`` (default: stdout). Bad arguments raise
    InputError before anything is read or written; if writing fails (or ``progress`` raises, e.g.
    to cancel) the target is left as it was and no temporary file remains. ``config_path``: the settings
    file the ClaimReview format names in its errors.
    """
    started = time.perf_counter()
    fmt = check_format(fmt)
    filters = filters or ExportFilters()
    if settings is None:
        from claimreview.config import Settings

        settings = Settings()
    if out_path is not None:
        out_path = check_target(Path(out_path))
    with paused_gc():  # see paused_gc: the report and its writing allocate millions of objects
        return _export(store, fmt, out_path, filters, settings, progress, stream, started, config_path)


def _export(
    store: Store,
    fmt: str,
    out_path: Path | None,
    filters: ExportFilters,
    settings: Settings,
    progress: ProgressCallback | None,
    stream: TextIO | None,
    started: float,
    config_path: str | Path | None,
) -> ExportSummary:
    report = build_report(store, filters)
    writer = claimreview_writer(store, config_path)
    if out_path is not None:
        with atomic_text_file(out_path) as out:
            result = write_report(report, fmt, out, settings, progress, to_file=True, claimreview=writer)
    elif stream is not None:
        result = write_report(report, fmt, stream, settings, progress, to_file=False, claimreview=writer)
    else:
        with _stdout_stream() as out:
            result = write_report(report, fmt, out, settings, progress, to_file=False, claimreview=writer)
    warnings = list(result.warnings)
    if report.empty:
        warnings.insert(0, report.empty_message())
    return ExportSummary(
        format=fmt,
        path=out_path,
        claims=len(report.claims),
        written=result.written,
        documents=len(report.documents),
        events=report.event_count,
        seconds=time.perf_counter() - started,
        empty=report.empty,
        left_out=result.left_out,
        warnings=warnings,
    )


@contextmanager
def _stdout_stream() -> Iterator[TextIO]:
    """UTF-8 on stdout whatever the locale says, newlines untranslated."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # an in-memory stdout (some test runners)
        yield sys.stdout
        return
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=False)
    try:
        yield wrapper
    finally:
        wrapper.flush()
        wrapper.detach()  # leave sys.stdout's buffer open
