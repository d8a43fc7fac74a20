"""Geometry of the verdicts-per-document bar chart, shared by the HTML (SVG) and Markdown writers (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimreview.export.common import CHART_ORDER, shorten
from claimreview.export.report import DocumentSummary

MAX_ROWS = 40
LABEL_WIDTH = 300
BAR_WIDTH = 520
COUNT_WIDTH = 70
ROW_HEIGHT = 26
BAR_HEIGHT = 16
TOP = 34  # room for the legend
LABEL_CHARS = 42
TEXT_BAR_CELLS = 20


@dataclass(slots=True)
class Segment:
    value: str
    count: int
    x: float
    width: float


@dataclass(slots=True)
class Row:
    label: str  # shortened title, to show
    title: str  # the whole title, for the tooltip
    document_id: str
    total: int
    y: int
    segments: list[Segment] = field(default_factory=list)
    bar_end: float = 0.0
    text_bar: str = ""


@dataclass(slots=True)
class Chart:
    rows: list[Row]
    hidden: int  # documents left out of the chart (only the largest MAX_ROWS are drawn)
    width: int
    height: int
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT
    legend: list[tuple[str, int]] = field(default_factory=list)  # (consensus, x) of each legend entry


TEXT_CELLS = {
    "confirmed": "🟩",
    "denied": "🟥",
    "unverified": "🟨",
    "not_checkworthy": "🟦",
    "disputed": "🟪",
    "unreviewed": "⬜",
}


def _text_bar(summary: DocumentSummary) -> str:
    """The document's claims as TEXT_BAR_CELLS coloured squares, split by consensus (largest remainder)."""
    if not summary.total:
        return ""
    exact = [(v, summary.by_consensus.get(v, 0) * TEXT_BAR_CELLS / summary.total) for v in CHART_ORDER]
    cells = {v: int(x) for v, x in exact}
    spare = TEXT_BAR_CELLS - sum(cells.values())
    for v, _ in sorted(exact, key=lambda item: item[1] - int(item[1]), reverse=True)[:spare]:
        cells[v] += 1
    return "".join(TEXT_CELLS[v] * cells[v] for v in CHART_ORDER)


def build_chart(documents: list[DocumentSummary]) -> Chart:
    shown = documents
    if len(documents) > MAX_ROWS:
        keep = sorted(range(len(documents)), key=lambda i: -documents[i].total)[:MAX_ROWS]
        shown = [documents[i] for i in sorted(keep)]
    largest = max((d.total for d in shown), default=0) or 1
    rows: list[Row] = []
    for index, summary in enumerate(shown):
        title = summary.document.label
        row = Row(
            label=shorten(title, LABEL_CHARS),
            title=title,
            document_id=summary.document.id,
            total=summary.total,
            y=TOP + index * ROW_HEIGHT,
            text_bar=_text_bar(summary),
        )
        x = float(LABEL_WIDTH)
        for value in CHART_ORDER:
            count = summary.by_consensus.get(value, 0)
            if not count:
                continue
            width = BAR_WIDTH * count / largest
            row.segments.append(Segment(value, count, round(x, 2), round(width, 2)))
            x += width
        row.bar_end = round(x, 2)
        rows.append(row)
    legend = []
    x = 10  # the whole width: from the label column on, six entries do not fit
    for value in CHART_ORDER:
        legend.append((value, x))
        x += 17 + 7 * len(value) + 22
    return Chart(
        legend=legend,
        rows=rows,
        hidden=len(documents) - len(shown),
        width=LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH,
        height=TOP + max(len(rows), 1) * ROW_HEIGHT + 4,
    )
