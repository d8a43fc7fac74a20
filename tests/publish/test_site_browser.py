"""The pages in headless Chromium at a phone's width: nothing wider than the screen, no tiny text.

Skipped where Chromium is not installed (``apt-get install chromium``). The pages are framed at
390 px in a measuring page of our own: the pages themselves forbid scripts.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from claimreview.publish.site import write_site

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs chromium")

_MEASURE = """<!DOCTYPE html><html><head><title>waiting</title></head><body>
{frames}
<script>
// The window's load event comes after every frame has loaded.
window.addEventListener("load", () => {{
  const out = [];
  for (const frame of document.querySelectorAll("iframe")) {{
    const doc = frame.contentDocument;
    const sizes = [...doc.querySelectorAll("body *")].filter(e => e.textContent.trim())
      .map(e => parseFloat(getComputedStyle(e).fontSize));
    out.push(frame.dataset.page + "=" + doc.documentElement.scrollWidth + "/"
      + doc.documentElement.clientWidth + "/" + Math.min(...sizes));
  }}
  document.title = out.join(" ");
}});
</script></body></html>
"""


def measure(site: Path, pages: list[str], width: int) -> dict[str, tuple[int, int, float]]:
    frames = "\n".join(
        f'<iframe data-page="{p}" src="{p}" width="{width}" height="700"></iframe>' for p in pages
    )
    wrapper = site / "measure.html"
    wrapper.write_text(_MEASURE.format(frames=frames), encoding="utf-8")
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--allow-file-access-from-files",
        "--window-size=1280,900",
        "--dump-dom",
        wrapper.as_uri(),
    ]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False).stdout
    title = re.search(r"<title>(.*?)</title>", dom)
    assert title and title.group(1) != "waiting", dom[-500:]
    found = {}
    for item in title.group(1).split():
        page, numbers = item.split("=")
        scroll, client, font = numbers.split("/")
        found[page] = (int(scroll), int(client), float(font))
    return found


def test_no_page_is_wider_than_a_phone_and_no_text_is_tiny(tmp_path: Path, settings, reviews) -> None:
    # A word with no place to break (a pasted hash, a long URL as the title) must wrap too.
    unbroken = "x" * 160
    reviews = [
        *reviews,
        dataclasses.replace(
            reviews[0],
            claim_id="7777cccc6666dddd",
            claim_text=f"Checksum {unbroken}",
            speaker=unbroken,
            document_title=unbroken,
        ),
    ]
    write_site(reviews, tmp_path, settings)
    pages = ["index.html", *(f"review/{r.claim_id}.html" for r in reviews)]
    found = measure(tmp_path, pages, 390)
    assert set(found) == set(pages)
    for page, (scroll, client, font) in found.items():
        assert scroll <= client, f"{page} is {scroll} px wide in a {client} px screen"
        assert font >= 11, f"{page} has {font} px text"
