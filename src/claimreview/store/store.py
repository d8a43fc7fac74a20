"""The Store class: one open local database, its reads and writes gathered from the package's mixins."""

from __future__ import annotations

from claimreview.store.articles import ArticleWrites
from claimreview.store.claims import ClaimReads


class Store(ArticleWrites, ClaimReads):
    """One open local database: ``Store.open(path)``. Reads and writes are its methods, or functions of
    ``claimreview.store.queue``/``sync_state``/``reports`` taking it."""
