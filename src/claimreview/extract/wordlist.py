"""Word lists are written as whitespace-separated text so a reviewer can read and edit them."""

from __future__ import annotations

import re

_END = ""
# A node of the trie: next character -> node; the key _END marks the end of a word.
Trie = dict[str, "Trie"]


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def alternation(vocabulary: frozenset[str]) -> str:
    """A regex matching exactly the words of ``vocabulary``, written as a trie ("sa(?:id|ys)")
    rather than a flat list: the regex engine tries a flat alternation word by word at every
    position, and on the hot path that cost several times more."""
    tree: Trie = {}
    for word in vocabulary:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}

    def emit(node: Trie) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch != _END]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{group})?" if _END in node else group

    return emit(tree)
