"""Publication dates, normalised to the ISO day ("YYYY-MM-DD") the rest of claimreview stores."""

from __future__ import annotations

import re
from datetime import date

# A date alone or the date part of an ISO timestamp; "2025-03-14T09:30:00Z" -> "2025-03-14".
ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|[T ])")


def parse_iso_date(value: str) -> str | None:
    """'2025-03-14' from '2025-03-14' or '2025-03-14T09:30:00Z'; None if not a real date."""
    m = ISO_DATE.match(value.strip())
    if not m:
        return None
    try:
        return date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None
