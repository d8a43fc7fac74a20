"""Rank published fact-checks for a text: "has this been checked before?".

Two stages. BM25 (bm25s) over each fact-check's claimReviewed plus headline, stemmed in the fact-check's
own language, picks candidates fast. A re-ranker then scores each candidate with a confidence in
[0, 1] that does not depend on the query's length or the index's size, so one threshold serves every
query: IDF-weighted term overlap leaning on how much of the *fact-check* the text covers (a news
sentence wraps a claim in attribution and context; a fact-check states just the claim), and agreement
of the numbers both state (the same words with another figure are another claim). ``THRESHOLD`` and the
weights were chosen on tests/eval/matching (see bench/matching.py); shared word pairs were tried as a
feature and dropped, as they lowered MAP@5 (0.924 -> 0.916) and precision@1 there.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import bm25s
import numpy as np

from claimreview.factchecks import analysis
from claimreview.factchecks.normalize import normalize, numbers
from claimreview.factchecks.parse import FactCheck

# Chosen on tests/eval/matching with bench/matching.py --sweep (0.05 grid): the confidence that
# maximises (answerable queries matched first and above it) - (no-match queries matched above it):
# 0.826 - 0.000 at 0.40, against 0.840 - 0.075 at 0.35 and 0.785 - 0.000 at 0.45.
THRESHOLD = 0.40
# Stored with every computed match: a claim's matches are recomputed when this changes. Bump it with
# any change to normalisation, analysis, scoring or the threshold.
VERSION = f"lexical-1/t{THRESHOLD:.2f}"
CANDIDATES = 50  # BM25 candidates re-ranked; the true match sits in BM25's top 50 for all eval queries
DOC_COVERAGE_BETA = 2.0  # doc coverage counts this many times as much as query coverage (F-beta)
NUMBER_BONUS = 0.1
NUMBER_CONFLICT = 0.25

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Match:
    factcheck: FactCheck
    score: float  # confidence in [0, 1]; compare with Matcher.threshold


class Matcher:
    """An in-memory index of fact-checks. Build once (about 10 s per 100,000), then query from any thread."""

    def __init__(
        self,
        factchecks: Sequence[FactCheck],
        *,
        threshold: float = THRESHOLD,
        progress: ProgressCallback | None = None,
    ) -> None:
        self.threshold = threshold
        self._checks = list(factchecks)
        vocab: dict[str, int] = {}
        docs: list[list[int]] = []
        split: list[int] = []  # where each doc's headline terms start
        langs: set[str] = set()
        numbers_of: dict[int, frozenset[float]] = {}
        total = len(self._checks)
        for index, check in enumerate(self._checks):
            lang = analysis.primary(check.language)
            langs.add(lang)
            normal = normalize(check.claim_reviewed)
            stated = numbers(normal)
            if stated:
                numbers_of[index] = stated
            claim_terms = analysis.terms_of_words(analysis.words_of_normal(normal), lang)
            ids = [vocab.setdefault(t, len(vocab)) for t in claim_terms]
            split.append(len(ids))
            if check.headline and check.headline != check.claim_reviewed:
                ids += [vocab.setdefault(t, len(vocab)) for t in analysis.terms(check.headline, lang)]
            docs.append(ids)
            if progress is not None and ((index + 1) % 5000 == 0 or index + 1 == total):
                progress(index + 1, total)
        self._languages = frozenset(langs) or frozenset({analysis.DEFAULT_LANGUAGE})
        self._vocab = vocab
        self._numbers = numbers_of
        lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
        self._offsets = np.zeros(len(docs) + 1, dtype=np.int64)
        np.cumsum(lengths, out=self._offsets[1:])
        self._flat = np.fromiter((t for d in docs for t in d), dtype=np.int32, count=int(self._offsets[-1]))
        df = np.zeros(len(vocab), dtype=np.float64)
        for ids in docs:
            df[list(set(ids))] += 1
        n = max(len(docs), 1)
        self._idf = np.log1p((n - df + 0.5) / (df + 0.5))
        self._unknown_idf = math.log1p((n + 0.5) / 0.5)
        self._split = np.array(split, dtype=np.int32)
        self._claim_mass = np.array([self._mass(d[:k]) for d, k in zip(docs, split, strict=True)])
        self._headline_mass = np.array([self._mass(d[k:]) for d, k in zip(docs, split, strict=True)])
        self._bm25 = bm25s.BM25()
        if docs:
            self._bm25.index((docs, vocab), create_empty_token=False, show_progress=False)

    def __len__(self) -> int:
        return len(self._checks)

    def match(self, text: str, top_k: int = 5, *, min_score: float = 0.0) -> list[Match]:
        """The best ``top_k`` fact-checks for ``text`` whose confidence is at least ``min_score``."""
        if not self._checks or top_k <= 0:
            return []
        normal = normalize(text)
        tokens = analysis.words_of_normal(normal)
        lang = analysis.guess_language(tokens, self._languages)
        query = analysis.terms_of_words(tokens, lang)
        known = {self._vocab[t] for t in query if t in self._vocab}
        if not known:
            return []
        scores = self._bm25.get_scores_from_ids(sorted(known))
        count = min(CANDIDATES, len(scores))
        top = np.argpartition(-scores, count - 1)[:count] if count < len(scores) else np.arange(len(scores))
        top = top[scores[top] > 0]
        q_mass = float(sum(self._idf[t] if t >= 0 else self._unknown_idf for t in self._query_ids(query)))
        q_numbers = numbers(normal)
        ranked = []
        for doc in top.tolist():
            confidence = self._confidence(doc, known, q_mass, q_numbers)
            if confidence > 0 and confidence >= min_score:
                ranked.append((confidence, float(scores[doc]), doc))
        ranked.sort(reverse=True)
        return [Match(self._checks[doc], round(float(conf), 4)) for conf, _, doc in ranked[:top_k]]

    def match_many(
        self,
        texts: Iterable[str],
        top_k: int = 5,
        *,
        min_score: float = 0.0,
        progress: ProgressCallback | None = None,
    ) -> list[list[Match]]:
        """``match`` for each text, in order (one process, one index)."""
        items = list(texts)
        out = []
        for index, text in enumerate(items, start=1):
            out.append(self.match(text, top_k, min_score=min_score))
            if progress is not None and (index % 500 == 0 or index == len(items)):
                progress(index, len(items))
        return out

    def above_threshold(self, text: str, top_k: int = 5) -> list[Match]:
        """The matches worth showing beside a claim."""
        return self.match(text, top_k, min_score=self.threshold)

    # ----------------------------------------------------------------------- scoring

    def _mass(self, ids: list[int]) -> float:
        return float(self._idf[list(set(ids))].sum()) if ids else 0.0

    def _query_ids(self, query: list[str]) -> set[int]:
        # Unknown terms each count once (negative placeholders) so they weigh in the query's mass.
        return {self._vocab.get(t, -1 - i) for i, t in enumerate(dict.fromkeys(query))}

    def _confidence(
        self,
        doc: int,
        known: set[int],
        q_mass: float,
        q_numbers: frozenset[float],
    ) -> float:
        start, end = int(self._offsets[doc]), int(self._offsets[doc + 1])
        cut = start + int(self._split[doc])
        # Scored against the claim and against the headline, whichever the text resembles more: a
        # headline often restates the claim with the verdict's own words.
        best = 0.0
        for ids, d_mass in (
            (self._flat[start:cut].tolist(), float(self._claim_mass[doc])),
            (self._flat[cut:end].tolist(), float(self._headline_mass[doc])),
        ):
            shared = known.intersection(ids)
            if not shared or d_mass <= 0 or q_mass <= 0:
                continue
            mass = float(self._idf[list(shared)].sum())
            cover_q, cover_d = mass / q_mass, mass / d_mass
            beta2 = DOC_COVERAGE_BETA**2
            best = max(best, (1 + beta2) * cover_q * cover_d / (beta2 * cover_q + cover_d))
        if best <= 0:
            return 0.0
        score = best
        stated = self._numbers.get(doc)
        if stated and q_numbers:
            agreed = len(stated & q_numbers) / len(stated)
            score += NUMBER_BONUS * agreed if agreed else -NUMBER_CONFLICT
        return min(max(score, 0.0), 1.0)
