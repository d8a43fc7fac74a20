"""The HTML report in headless Chromium: at a phone's width nothing is wider than the screen and the
time section's tables fit without scrolling sideways; printed, the timeline, the settled disputes and
the evidence addresses are all on paper.

Skipped where Chromium (``apt-get install chromium``) or, for the print test, pdftotext (poppler-utils)
is not installed. The report forbids scripts, so it is measured from a page of our own that frames it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from claimreview import consensus as rules
from claimreview.publish.export import write_export

from .conftest import Fixture

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs chromium")

_MEASURE = """<!DOCTYPE html><html><head><title>waiting</title></head><body>
<iframe id="f" src="report.html" width="390" height="800"></iframe>
<script>
window.addEventListener("load", () => {
  const doc = document.getElementById("f").contentDocument;
  const root = doc.documentElement;
  const time = doc.getElementById("time");
  const boxes = [...doc.querySelectorAll(".scroll")].filter(b => b.scrollWidth > b.clientWidth + 1);
  const sizes = [...doc.querySelectorAll("#time *")].filter(e => e.textContent.trim())
    .map(e => parseFloat(getComputedStyle(e).fontSize));
  document.title = [root.scrollWidth, root.clientWidth, boxes.length, Math.min(...sizes)].join(" ");
});
</script></body></html>
"""


def chromium(*args: str) -> str:
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False).stdout


@pytest.fixture
def report(fx: Fixture, settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    # A dispute settled by an adjudicator with a long unbroken name, an Arabic note, a changed review.
    fx.store.append_event(fx.prices, "judge-" + "x" * 60, rules.DENIED, kind=rules.ADJUDICATION)
    fx.store.append_event(fx.army, "دانة", rules.CONFIRMED, note="بحسب تقرير الوزارة الأخير")
    fx.store.append_event(fx.drones, "carol", rules.DENIED)
    out = tmp_path / "report.html"
    write_export(fx.store, "html", out, settings=settings)
    return out


def test_the_report_fits_a_phone_and_no_table_scrolls_sideways(report: Path) -> None:
    wrapper = report.parent / "measure.html"
    wrapper.write_text(_MEASURE, encoding="utf-8")
    dom = chromium("--allow-file-access-from-files", "--dump-dom", wrapper.as_uri())
    title = re.search(r"<title>(.*?)</title>", dom)
    assert title and title.group(1) != "waiting", dom[-500:]
    scroll, client, boxes, font = title.group(1).split()
    assert int(scroll) <= int(client), f"the report is {scroll} px wide on a {client} px screen"
    assert boxes == "0", "a table scrolls sideways inside its box on a phone"
    assert float(font) >= 11


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_printed_the_timeline_and_evidence_addresses_are_on_paper(report: Path) -> None:
    pdf = report.parent / "report.pdf"
    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", report.as_uri())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Timeline of consensus changes" in flat and "Settled disputes" in flat
    assert "settled by adjudicator judge-" in flat
    assert "changed after publication" in flat
    assert "https://mod.example.gov/briefing" in flat  # evidence addresses print, not only titles
