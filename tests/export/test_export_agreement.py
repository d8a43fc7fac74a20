"""Krippendorff's alpha and percent agreement against published and hand-computed values."""

from __future__ import annotations

import pytest

from claimreview.export.agreement import agreement, krippendorff_alpha_nominal

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
# twelve units, values 1-5, missing values as None. The paper gives alpha (nominal) = 0.743.
_ = None
OBSERVERS = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    "C": [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
}


def canonical_units() -> list[list[int]]:
    columns = zip(*OBSERVERS.values(), strict=True)
    return [[v for v in column if v is not None] for column in columns]


def test_canonical_nominal_example_gives_0_743() -> None:
    assert krippendorff_alpha_nominal(canonical_units()) == pytest.approx(0.743, abs=5e-4)


def test_two_coder_binary_example_gives_0_095() -> None:
    # The same paper, section A: two observers, ten units, binary data; alpha = 0.095.
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha_nominal(zip(a, b, strict=True)) == pytest.approx(0.095, abs=5e-4)


def test_hand_computed_two_reviewers() -> None:
    # Units (C,C) (C,D) (D,D) (C,D): n = 8, n_C = n_D = 4, off-diagonal coincidences D_o = 4,
    # D_e = 8^2 - (4^2 + 4^2) = 32, so alpha = 1 - 7 * 4 / 32 = 0.125.
    units = [["C", "C"], ["C", "D"], ["D", "D"], ["C", "D"]]
    assert krippendorff_alpha_nominal(units) == pytest.approx(0.125)


def test_perfect_agreement_is_one_and_single_values_are_ignored() -> None:
    assert krippendorff_alpha_nominal([["x", "x"], ["y", "y", "y"], ["z"]]) == pytest.approx(1.0)


def test_alpha_is_undefined_without_variation_or_pairs() -> None:
    assert krippendorff_alpha_nominal([["x", "x"], ["x", "x"]]) is None
    assert krippendorff_alpha_nominal([["x"], ["y"]]) is None
    assert krippendorff_alpha_nominal([]) is None


def test_agreement_counts_pairs_units_and_per_pair_rates() -> None:
    claims = [
        {name: values[i] for name, values in OBSERVERS.items() if values[i] is not None} for i in range(12)
    ]
    result = agreement(claims)
    assert result.units == 11  # unit 12 has one value
    assert result.pairs == 3 + 8 * 6 + 3 + 1
    assert result.alpha == pytest.approx(0.743, abs=5e-4)
    assert result.unanimous == 8  # units 1, 3, 4, 5, 7, 9, 10, 11
    by_pair = {(p.first, p.second): (p.overlap, p.agreed) for p in result.by_pair}
    assert by_pair[("A", "B")] == (9, 8)
    assert by_pair[("C", "D")] == (10, 7)


def test_agreement_percent_for_two_reviewers() -> None:
    result = agreement(
        [
            {"alice": "confirmed", "bob": "confirmed"},
            {"alice": "confirmed", "bob": "denied"},
            {"bob": "denied", "alice": "denied"},
            {"alice": "confirmed", "bob": "denied"},
            {"alice": "confirmed"},  # one reviewer: not an overlap
        ]
    )
    assert (result.units, result.pairs, result.agreeing_pairs) == (4, 4, 2)
    assert result.percent == pytest.approx(50.0)
    assert result.alpha == pytest.approx(0.125)
    assert [(p.first, p.second, p.overlap) for p in result.by_pair] == [("alice", "bob", 4)]


def test_no_overlap_means_no_measure() -> None:
    result = agreement([{"alice": "confirmed"}, {"bob": "denied"}])
    assert result.units == 0
    assert result.percent is None
    assert result.alpha is None
