"""Which claims an export takes: the filters every caller (command line, app, Python) builds once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from claimreview import consensus as rules
from claimreview.errors import InputError


@dataclass(frozen=True, slots=True)
class ExportFilters:
    """Which claims to export; all given filters must hold.

    ``status`` takes one consensus value or several (any of them). ``since``/``until`` (inclusive, UTC
    days) keep claims with an event of any kind on those days: what the team did in that period.
    ``published``: True keeps only claims whose review is published now, False only the others.
    """

    status: str | tuple[str, ...] | None = None  # consensus value(s)
    reviewer: str | None = None  # claims this reviewer has a current verdict on
    document: str | None = None  # document id, unique id prefix, or exact uri
    since: date | None = None
    until: date | None = None
    published: bool | None = None

    def __post_init__(self) -> None:
        # The export's one status check, for every caller (command line, app, Python): a filter that
        # exists holds known statuses, so nothing downstream checks them again.
        if isinstance(self.status, str):
            rules.parse_status(self.status)
        elif self.status is not None:
            values = tuple(dict.fromkeys(rules.parse_status(v) for v in self.status))
            object.__setattr__(self, "status", (values[0] if len(values) == 1 else values) or None)
        if self.since is not None and self.until is not None and self.until < self.since:
            raise InputError(f"{self.until} is before --since {self.since}", field="--until")

    @property
    def statuses(self) -> tuple[str, ...]:
        """The consensus values asked for; empty for all."""
        if self.status is None:
            return ()
        return (self.status,) if isinstance(self.status, str) else self.status

    def describe(self) -> list[str]:
        out = []
        if self.status is not None:
            out.append(f"consensus is {' or '.join(self.statuses)}")
        if self.reviewer is not None:
            out.append(f"reviewed by {self.reviewer}")
        if self.document is not None:
            out.append(f"document {self.document}")
        if self.since is not None or self.until is not None:
            span = f"{self.since or '…'} to {self.until or '…'}"
            out.append(f"events from {span}")
        if self.published is not None:
            out.append("published" if self.published else "not published")
        return out

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.status is not None:
            out["status"] = self.status if isinstance(self.status, str) else list(self.status)
        for key in ("reviewer", "document"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        for key in ("since", "until"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key).isoformat()
        if self.published is not None:
            out["published"] = self.published
        return out
