"""Percentages and changes for published tables: whole percentages that add up to 100, [c] wherever a figure
would reveal a hidden count, and the "change on last quarter" and "change on last year" columns.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Optional, Sequence

from voicecapture.metrics import MIN_ANSWERS
from voicecapture.reports.suppression import CONFIDENTIAL, PublishedTable

NOT_APPLICABLE = "n/a"
MINUS = "\u2212"  # a true minus sign, the width of the plus sign, as published statistics use


def rounded_percentages(counts: Sequence[int], places: int = 0) -> list[Optional[Decimal]]:
    """Each count as a percentage of their sum, rounded to `places` decimals so that they add up to exactly 100.

    Largest remainder: every share is rounded down, then the units still missing go one each to the shares
    that lost most, ties to the larger count, then to the earlier one. A count of 0 stays 0. None for every
    count when they add up to 0, since there is nothing to take a percentage of.
    """
    if any(value < 0 for value in counts):
        raise ValueError("counts are 0 or more")
    total = sum(counts)
    if total == 0:
        return [None] * len(counts)
    units = 100 * 10 ** places
    shares = [Fraction(value * units, total) for value in counts]
    rounded = [int(share) for share in shares]
    by_remainder = sorted(range(len(counts)),
                          key=lambda index: (rounded[index] - shares[index], -counts[index], index))
    for index in by_remainder[:units - sum(rounded)]:
        rounded[index] += 1
    return [Decimal(amount).scaleb(-places) for amount in rounded]


def shown_percentages(counts: Sequence[int], suppressed: Sequence[bool], *, total_suppressed: bool = False,
                      places: int = 0) -> list[str]:
    """A column's percentages as published: [c] for a hidden count, since its percentage would give it away.

    The hidden counts are rounded as one pooled share, so the shown percentages and that share add up to 100,
    and each shown percentage is worked out from public figures only (its count, the total, and the total
    minus the shown counts): it tells a reader nothing the counts don't. Rounding every cell on its own would
    let the shown cells' rounding depend on the hidden ones. If the total is hidden, so is every percentage,
    as any one of them would let a reader estimate it.
    """
    if len(counts) != len(suppressed):
        raise ValueError(f"{len(counts)} counts but {len(suppressed)} suppression flags")
    if total_suppressed:
        return [CONFIDENTIAL] * len(counts)
    shown = [index for index, hidden in enumerate(suppressed) if not hidden]
    pooled = sum(value for value, hidden in zip(counts, suppressed) if hidden)
    percentages = rounded_percentages([counts[index] for index in shown] + [pooled], places)
    result = [CONFIDENTIAL] * len(counts)
    for index, percentage in zip(shown, percentages):
        result[index] = NOT_APPLICABLE if percentage is None else str(percentage)
    return result


def percentage(count: int, total: int, places: int = 0) -> Optional[Decimal]:
    """count as a percentage of total, rounded half away from zero; None when the total is 0."""
    if total == 0:
        return None
    return (Decimal(count) * 100 / total).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def share(count: int, total: int, *, places: int = 0) -> str:
    """A count as a share of a total that isn't split into such counts, e.g. a theme's share of all comments (a
    comment can raise several themes): "34%". [c] when the count is 1 to MIN_ANSWERS - 1, as the share and the
    total would give it away; n/a when the total is 0.
    """
    if _small(count):
        return CONFIDENTIAL
    value = percentage(count, total, places)
    return NOT_APPLICABLE if value is None else f"{value}%"


def rate(numerator: int, denominator: int, *, suppressed: bool = False) -> str:
    """A rate such as responses per invitation sent, as a whole percentage: "34%". [c] when either count is
    1 to MIN_ANSWERS - 1 or hidden (`suppressed`), as the rate and one count give the other away; n/a when
    the denominator is 0.
    """
    if suppressed or _small(numerator) or _small(denominator):
        return CONFIDENTIAL
    value = percentage(numerator, denominator)
    return NOT_APPLICABLE if value is None else f"{value}%"


def _small(count: int) -> bool:
    return 0 < count < MIN_ANSWERS


def count_change(old: int, new: int, *, suppressed: bool = False) -> str:
    """New minus old, signed: "+3", "−2", "0"; [c] if either count is hidden, as the change would reveal it."""
    return CONFIDENTIAL if suppressed else signed(new - old)


def percent_change(old: int, new: int, *, suppressed: bool = False, places: int = 0) -> str:
    """How much new is up or down on old, as a percentage of old; n/a when old is 0, [c] if either is hidden."""
    if suppressed:
        return CONFIDENTIAL
    if old == 0:
        return NOT_APPLICABLE
    return signed(Decimal(new - old) * 100 / old, places)


def point_change(old: Optional[Decimal], new: Optional[Decimal], *, suppressed: bool = False,
                 places: int = 0) -> str:
    """The change in percentage points between two percentages; n/a when either has none (nobody to count).

    Pass the percentages as published, so that the change is the one readers can check.
    """
    if suppressed:
        return CONFIDENTIAL
    if old is None or new is None:
        return NOT_APPLICABLE
    return signed(new - old, places)


def change_on_last_year(this_year: PublishedTable, last_year: PublishedTable) -> tuple[str, ...]:
    """The "change on last year" column: each row's Full year minus last year's, Total included.

    Rows are matched by label; a row last year's table doesn't have is n/a. [c] when either Full year is
    hidden: with the other year shown, the change would give it away. Compare like with like: while this
    year is part way through, pass last year's table cut at the same quarter.
    """
    last_rows = {label: row for row, label in enumerate(last_year.row_labels)}
    changes = []
    for row, label in enumerate(this_year.row_labels):
        last_row = last_rows.get(label)
        if last_row is None:
            changes.append(NOT_APPLICABLE)
            continue
        changes.append(count_change(last_year.counts[last_row][-1], this_year.counts[row][-1],
                                    suppressed=this_year.suppressed[row][-1] or last_year.suppressed[last_row][-1]))
    return tuple(changes)


def signed(value: int | Decimal, places: int = 0) -> str:
    """A change as published: "+3", "−2", "0", rounded half away from zero to `places` decimals."""
    value = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if value == 0:
        return str(abs(value))
    return f"+{value}" if value > 0 else f"{MINUS}{-value}"
