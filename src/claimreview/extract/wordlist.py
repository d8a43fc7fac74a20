"""Word lists are written as whitespace-separated text so a reviewer can read and edit them."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())
