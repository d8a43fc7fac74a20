"""Inter-reviewer agreement: percent agreement and Krippendorff's alpha for nominal labels (pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations


class _Coincidences:
    """The two sums alpha needs from the coincidence matrix, accumulated unit by unit.

    Each unit with m values adds 1/(m-1) for every ordered pair of its values; ``disagreement`` is
    the off-diagonal total of that matrix and ``totals`` its row sums n_c.
    """

    __slots__ = ("disagreement", "totals")

    def __init__(self) -> None:
        self.disagreement = 0.0
        self.totals: dict[Hashable, int] = {}

    def add(self, values: Sequence[Hashable], times: int = 1) -> None:
        """Add a unit with ``values`` (``times`` such units)."""
        m = len(values)
        if m < 2:
            return  # a lone value has nothing to pair with
        totals = self.totals
        counts: dict[Hashable, int] = {}
        for v in values:
            counts[v] = counts.get(v, 0) + 1
        for v, n in counts.items():
            totals[v] = totals.get(v, 0) + n * times
        # ordered pairs of values from different categories: m^2 - sum(n_c^2)
        self.disagreement += times * (m * m - sum(n * n for n in counts.values())) / (m - 1)

    def alpha(self) -> float | None:
        n = sum(self.totals.values())
        if n < 2:
            return None
        expected = n * n - sum(c * c for c in self.totals.values())  # sum over c != k of n_c * n_k
        if expected == 0:
            return None
        return 1.0 - (n - 1) * self.disagreement / expected


def krippendorff_alpha_nominal(units: Iterable[Sequence[Hashable]]) -> float | None:
    """Krippendorff's alpha (nominal metric) from units of coded values.

    Each unit is the values the coders gave one item; missing values are simply absent. Units with
    fewer than two values carry no pairable information and are skipped. Returns None when alpha is
    undefined: no pairable values, or every pairable value the same (no expected disagreement).
    alpha = 1 - (n - 1) * D_o / D_e, with D_o the off-diagonal coincidences and D_e the sum over
    distinct categories c, k of n_c * n_k.
    """
    matrix = _Coincidences()
    for unit in units:
        matrix.add(unit)
    return matrix.alpha()


@dataclass(slots=True)
class PairAgreement:
    first: str
    second: str
    overlap: int = 0
    agreed: int = 0

    @property
    def percent(self) -> float | None:
        return 100.0 * self.agreed / self.overlap if self.overlap else None


@dataclass(slots=True)
class Agreement:
    """How far reviewers agree on the claims that two or more of them reviewed."""

    units: int = 0  # claims with two or more current verdicts
    unanimous: int = 0  # of those, claims where every reviewer gave the same label
    pairs: int = 0  # reviewer pairs over all units
    agreeing_pairs: int = 0
    alpha: float | None = None
    by_pair: list[PairAgreement] = field(default_factory=list)

    @property
    def percent(self) -> float | None:
        """Pairwise percent agreement: the share of reviewer pairs on a claim that gave the same label."""
        return 100.0 * self.agreeing_pairs / self.pairs if self.pairs else None

    @property
    def unanimous_percent(self) -> float | None:
        return 100.0 * self.unanimous / self.units if self.units else None


def agreement(labelled: Iterable[dict[str, str]]) -> Agreement:
    """Agreement over claims, each given as {reviewer: label} of its current verdicts."""
    return agreement_of_patterns(Counter(tuple(verdicts.items()) for verdicts in labelled))


def agreement_of_patterns(patterns: Mapping[tuple[tuple[str, str], ...], int]) -> Agreement:
    """``agreement`` from how many claims have each pattern of ((reviewer, label), ...) verdicts.

    A hundred thousand claims share a few dozen patterns, so each pattern is worked out once.
    """
    out = Agreement()
    matrix = _Coincidences()
    pairs: dict[tuple[str, str], list[int]] = {}  # (a, b) -> [overlap, agreed]
    for items, count in patterns.items():
        if len(items) < 2:
            continue
        verdicts = dict(items)
        if len(verdicts) < 2:
            continue
        out.units += count
        labels = list(verdicts.values())
        matrix.add(labels, count)
        out.unanimous += count * (len(set(labels)) == 1)
        for a, b in combinations(sorted(verdicts), 2):
            same = count * (verdicts[a] == verdicts[b])
            out.pairs += count
            out.agreeing_pairs += same
            stat = pairs.setdefault((a, b), [0, 0])
            stat[0] += count
            stat[1] += same
    out.alpha = matrix.alpha()
    out.by_pair = sorted(
        (PairAgreement(a, b, n, agreed) for (a, b), (n, agreed) in pairs.items()),
        key=lambda p: (p.first.casefold(), p.second.casefold(), p.first, p.second),
    )
    return out
