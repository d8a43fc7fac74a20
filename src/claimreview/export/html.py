"""The HTML report: one self-contained file (inline CSS and SVG; no scripts, fonts or network).

Templates render with autoescape on; a Content-Security-Policy meta tag forbids scripts and remote
loads as a second line of defence, and only http(s) URLs ever become links.
"""

from __future__ import annotations

from typing import TextIO

from claimreview.config import Settings
from claimreview.export.report import ProgressCallback, Report
from claimreview.export.writing import WriteResult, write_templated


def write_html(
    report: Report, stream: TextIO, settings: Settings, progress: ProgressCallback | None = None
) -> WriteResult:
    return write_templated(report, stream, settings, progress, kind="html")
