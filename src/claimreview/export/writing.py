"""What every format writer returns, and the loop that writes claims in chunks with progress (pure)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO, TypeVar

from markupsafe import Markup

from claimreview.export.chart import build_chart
from claimreview.export.common import environment
from claimreview.export.report import ClaimRecord, ProgressCallback, Report
from claimreview.export.timing import build_timing

if TYPE_CHECKING:
    from claimreview.config import Settings

CHUNK = 500

T = TypeVar("T")


@dataclass(slots=True)
class WriteResult:
    written: int = 0  # claims written
    left_out: dict[str, int] = field(default_factory=dict)  # reason -> claims not written
    warnings: list[str] = field(default_factory=list)


def in_chunks(
    stream: TextIO,
    items: Sequence[T],
    render: Callable[[Sequence[T], int], str],
    progress: ProgressCallback | None,
    total: int | None = None,
) -> None:
    """Write ``render(chunk, offset)`` for each chunk of ``items``, reporting progress after each."""
    total = len(items) if total is None else total
    for start in range(0, len(items), CHUNK):
        chunk = items[start : start + CHUNK]
        stream.write(render(chunk, start))
        if progress is not None:
            progress(min(start + CHUNK, len(items)), total)


def write_templated(
    report: Report,
    stream: TextIO,
    settings: Settings,
    progress: ProgressCallback | None,
    *,
    kind: str,
    claims: Callable[[dict[str, str]], Callable[[Sequence[ClaimRecord], int], str]] | None = None,
) -> WriteResult:
    """A report from the ``<kind>_head``, ``<kind>_source``, ``<kind>_claims`` and ``<kind>_foot`` templates.

    Claims are rendered in chunks (progress after each); the source line of each document is
    rendered once and reused by all its claims. ``claims``, given each document's source line, makes
    the renderer of a chunk that replaces the ``<kind>_claims`` template (same text, much faster).
    """
    html = kind == "html"
    env = environment(autoescape=html)
    chart = build_chart(report.summary.documents)
    timing = build_timing(report)
    head = env.get_template(f"{kind}_head.j2")
    stream.write(head.render(report=report, chart=chart, timing=timing, settings=settings))
    source = env.get_template(f"{kind}_source.j2")
    sources: dict[str, str] = {}
    for doc in report.documents:
        line = source.render(doc=doc).strip()
        # Rendered with autoescape already: mark it safe so the claims template does not escape it twice.
        sources[doc.id] = Markup(line) if html else line
    render: Callable[[Sequence[ClaimRecord], int], str]
    if claims is None:
        template = env.get_template(f"{kind}_claims.j2")

        def render_template(chunk: Sequence[ClaimRecord], offset: int) -> str:
            return template.render(numbered=enumerate(chunk, offset + 1), sources=sources)

        render = render_template
    else:
        render = claims(sources)
    in_chunks(stream, report.claims, render, progress)
    stream.write(env.get_template(f"{kind}_foot.j2").render(report=report, settings=settings))
    return WriteResult(written=len(report.claims))
