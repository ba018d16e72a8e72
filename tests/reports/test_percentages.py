"""Percentages that add up to 100, percentages of published columns, and change columns."""
from __future__ import annotations

import random
from decimal import Decimal

import pytest

from voicecapture.reports.percentages import (
    change_on_last_year, count_change, percent_change, percentage, point_change, rate, rounded_percentages, share,
    shown_percentages,
)
from voicecapture.reports.suppression import Table, suppress


def whole(*numbers):
    return [Decimal(number) for number in numbers]


@pytest.mark.parametrize("counts, expected", [
    ([1, 1, 1], whole(34, 33, 33)),  # 33.3 each; the one unit left goes to the first of equals
    ([1, 2], whole(33, 67)),  # 33.3 and 66.7: the larger remainder rounds up
    ([1, 3, 196], whole(0, 2, 98)),  # 0.5, 1.5, 98: equal remainders, the larger count rounds up
    ([1, 1], whole(50, 50)),
    ([0, 5, 0], whole(0, 100, 0)),
    ([7], whole(100)),
    ([0, 0, 0], [None, None, None]),
    ([], []),
])
def test_rounded_percentages(counts, expected):
    assert rounded_percentages(counts) == expected


def test_decimal_places():
    assert rounded_percentages([1, 1, 1], places=1) == [Decimal("33.4"), Decimal("33.3"), Decimal("33.3")]
    assert [str(value) for value in rounded_percentages([1, 7], places=2)] == ["12.50", "87.50"]


def test_random_counts_add_up_to_100_each_within_a_unit_of_the_exact_share_and_zeros_stay_0():
    rng = random.Random(42)
    for _ in range(2000):
        counts = [rng.choice((0, 1, 2, 3, rng.randint(0, 500))) for _ in range(rng.randint(1, 12))]
        places = rng.choice((0, 1))
        percentages = rounded_percentages(counts, places)
        if sum(counts) == 0:
            assert percentages == [None] * len(counts)
            continue
        assert sum(percentages) == 100
        unit = Decimal(1).scaleb(-places)
        for count, percentage in zip(counts, percentages):
            assert abs(percentage - Decimal(count * 100) / sum(counts)) < unit
            if count == 0:
                assert percentage == 0


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        rounded_percentages([3, -1])


def test_a_published_column_shows_c_for_hidden_counts_and_rounds_them_as_one_share():
    # Shown 10 and 12 of 34; hidden 3 + 9 = 12 pooled. 29.4, 35.3, 35.3: 29 + 35 + 35 = 99, and the unit left
    # goes to the largest remainder, 10's .4. Shown 30 + 35 with the hidden 35 make 100.
    assert shown_percentages([3, 10, 12, 9], [True, False, False, True]) == ["[c]", "30", "35", "[c]"]
    assert shown_percentages([5, 0, 15], [False, False, False]) == ["25", "0", "75"]
    assert shown_percentages([0, 0], [False, False]) == ["n/a", "n/a"]
    assert shown_percentages([3, 10], [True, False], total_suppressed=True) == ["[c]", "[c]"]


def test_shown_percentages_depend_only_on_public_figures_not_on_how_the_hidden_total_splits():
    rng = random.Random(8)
    for _ in range(300):
        shown = [rng.randint(0, 60) for _ in range(rng.randint(0, 5))]
        pooled = rng.randint(2, 40)
        splits = set()
        for _ in range(5):
            first = rng.randint(1, pooled - 1)
            counts = shown + [first, pooled - first]
            splits.add(tuple(shown_percentages(counts, [False] * len(shown) + [True, True])))
        assert len(splits) == 1


def test_percentage():
    assert percentage(1, 8) == Decimal(13)  # 12.5 rounds half away from zero
    assert percentage(1, 3, places=1) == Decimal("33.3")
    assert percentage(7, 7) == Decimal(100)
    assert percentage(0, 0) is None


def test_share_of_a_total_hides_small_counts():
    assert share(7, 20) == "35%"
    assert share(0, 20) == "0%"
    assert share(3, 20) == "[c]"  # with 20 shown, 15% would give away the 3
    assert share(5, 5) == "100%"
    assert share(0, 0) == "n/a"
    assert share(9, 40, places=1) == "22.5%"


def test_rate_hides_small_and_hidden_counts():
    assert rate(9, 40) == "23%"  # 22.5 rounds up
    assert rate(40, 40) == "100%"
    assert rate(0, 12) == "0%"
    assert rate(3, 40) == "[c]" and rate(9, 4) == "[c]"  # either count 1 to 4
    assert rate(9, 40, suppressed=True) == "[c]"  # a count hidden as a complement
    assert rate(0, 0) == "n/a"


def test_count_change():
    assert count_change(5, 8) == "+3"
    assert count_change(8, 6) == "\u22122"
    assert count_change(4, 4) == "0"
    assert count_change(4, 40, suppressed=True) == "[c]"


def test_percent_change():
    assert percent_change(8, 9) == "+13"  # 12.5 rounds half away from zero
    assert percent_change(8, 7) == "\u221213"
    assert percent_change(10, 10) == "0"
    assert percent_change(3, 4, places=1) == "+33.3"
    assert percent_change(0, 5) == "n/a"
    assert percent_change(8, 9, suppressed=True) == "[c]"


def test_point_change():
    assert point_change(Decimal(34), Decimal(31)) == "\u22123"
    assert point_change(Decimal("30.5"), Decimal("31.0"), places=1) == "+0.5"
    assert point_change(Decimal("30.5"), Decimal("30.5"), places=1) == "0.0"
    assert point_change(Decimal("30.2"), Decimal("30.0")) == "0"  # never "−0"
    assert point_change(None, Decimal(31)) == "n/a"
    assert point_change(Decimal(34), Decimal(31), suppressed=True) == "[c]"


def test_change_on_last_year_is_c_where_either_full_year_is_hidden():
    quarters = ("Q1", "Q2", "Q3", "Q4")
    last_year = suppress(Table(("A", "B", "C"), quarters, ((3, 10, 12, 9), (9, 15, 7, 11), (20, 6, 14, 9))))
    this_year = suppress(Table(("A", "B", "D"), quarters, ((1, 2, 0, 1), (10, 10, 10, 10), (8, 9, 10, 11))))
    # This year: A's Full year is 4, hidden. Last year: A 34, B 42, Total 125; this year B 40, Total 82.
    assert [this_year.shown(row, 4) for row in range(4)][:2] == ["[c]", "40"]
    assert change_on_last_year(this_year, last_year) == ("[c]", "\u22122", "n/a", "\u221243")
