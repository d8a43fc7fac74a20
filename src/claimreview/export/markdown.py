"""The Markdown report: summary, a text chart of verdicts per document, then every claim.

All untrusted text goes through the ``md`` filter (one line, markup characters backslash-escaped),
so it cannot break tables, headings or lists, nor inject links or HTML.
"""

from __future__ import annotations

from typing import TextIO

from claimreview.config import Settings
from claimreview.export.report import ProgressCallback, Report
from claimreview.export.writing import WriteResult, write_templated


def write_markdown(
    report: Report, stream: TextIO, settings: Settings, progress: ProgressCallback | None = None
) -> WriteResult:
    return write_templated(report, stream, settings, progress, kind="md")
