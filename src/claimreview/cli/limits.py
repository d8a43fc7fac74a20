"""Warnings at `extract` and `import` time about documents the team server would refuse to publish."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from claimreview.cli.plumbing import stderr

if TYPE_CHECKING:
    from claimreview.models import NewClaim, NewDocument
    from claimreview.store import Store


def warn_oversized(store: Store, articles: Sequence[tuple[NewDocument, Sequence[NewClaim]]]) -> int:
    """Warn (stderr, one line each) about documents over the limits of the server this database last
    synced with (the server defaults before any sync); returns how many. They stay usable locally."""
    from claimreview.ids import document_id, sha256_text
    from claimreview.sync.publish import over_limits, remembered_limits

    limits = remembered_limits(store)
    warned = 0
    for doc, claims in articles:
        reason = over_limits(doc, claims, limits)
        if reason is None:
            continue
        warned += 1
        doc_id = document_id(sha256_text(doc.text))
        stderr.print(
            Text(
                f"warning: {doc.uri} ({doc_id}): {reason}; the team server will refuse to publish it "
                f"(split it and extract the parts, or remove it: claimreview documents remove {doc_id})"
            )
        )
    return warned
