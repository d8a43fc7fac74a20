"""Keeping every claim's stored matches current: after extract, import and sync, and when fact-checks arrive.

``refresh_matches`` compares what the stored matches were computed against (fact-check generation,
matcher version, the last claim matched) with the database now, and recomputes only what is out of date:
the new claims, or every claim when the fact-checks or the matcher changed (any new fact-check can
outrank a claim's stored matches, and BM25's weights move with the collection).

``MatcherCache`` hands out one Matcher per database and fact-check generation, built once and shared by
threads (a Matcher is read-only after construction): the review app matches on a worker, never on the UI
thread, and reuses the index between claims.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from claimreview.factchecks.matcher import VERSION, Matcher
from claimreview.factchecks.parse import FactCheck
from claimreview.store import factchecks as stored

if TYPE_CHECKING:
    from claimreview.store import Store

TOP_K = 5  # matches kept per claim
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Refreshed:
    claims: int  # claims (re)matched
    matches: int  # matches stored for them
    everything: bool  # every claim was recomputed (fact-checks or matcher changed)


def load_matcher(store: Store) -> Matcher:
    """A Matcher over every fact-check in the store."""
    return Matcher([FactCheck(**row) for row in stored.all_factchecks(store)])


def refresh_matches(
    store: Store, *, matcher: Matcher | None = None, progress: ProgressCallback | None = None
) -> Refreshed:
    """Compute and store the matches above the threshold of every claim whose matches are out of date.

    ``matcher`` must index the store's current fact-checks (as ``MatcherCache.get`` gives); one is built
    when needed otherwise. Cheap when nothing changed: two small reads.
    """
    state = stored.match_state(store)
    everything = state.matched_generation != state.generation or state.matched_version != VERSION
    after = 0 if everything else state.matched_through
    claims = stored.claims_after(store, after)
    if not claims and not everything:
        return Refreshed(0, 0, False)
    through = claims[-1][0] if claims else after
    found: dict[str, list[tuple[str, float]]] = {claim_id: [] for _, claim_id, _ in claims}
    if state.factchecks and claims:
        index = matcher if matcher is not None else load_matcher(store)
        results = index.match_many(
            [text for _, _, text in claims], TOP_K, min_score=index.threshold, progress=progress
        )
        for (_, claim_id, _), matches in zip(claims, results, strict=True):
            found[claim_id] = [(m.factcheck.url, m.score) for m in matches]
    stored_count = stored.replace_matches(
        store, found, everything=everything, generation=state.generation, version=VERSION, through=through
    )
    return Refreshed(len(claims), stored_count, everything)


class MatcherCache:
    """One Matcher per (database, fact-check generation), built on first use and shared across threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._built: dict[Path, tuple[int, Matcher]] = {}

    def get(self, store: Store) -> Matcher:
        generation = stored.match_state(store).generation
        with self._lock:  # one build at a time; others wait for it rather than build their own
            cached = self._built.get(store.path)
            if cached is not None and cached[0] == generation:
                return cached[1]
            matcher = load_matcher(store)
            self._built[store.path] = (generation, matcher)
            return matcher
