"""Financial quarters, April to March, as boards report them: Q1 is April-June, Q4 is January-March.

A quarter is labelled by its financial year and number, e.g. "2026-27Q2" (July-September 2026).
Pure: no Flask, no database. Times are compared in UTC; a naive datetime is taken to be UTC.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

_LABEL = re.compile(r"^(\d{4})-(\d{2})Q([1-4])$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int  # the calendar year the financial year starts in: 2026 for 2026-27
    number: int  # 1 to 4

    def __post_init__(self):
        if not 1 <= self.number <= 4:
            raise ValueError(f"a quarter number is 1 to 4, not {self.number}")
        if not 1 <= self.year <= 9998:
            raise ValueError(f"the financial year must start between 0001 and 9998, not {self.year}")

    @property
    def label(self) -> str:
        return f"{self.year}-{(self.year + 1) % 100:02d}Q{self.number}"

    @property
    def start(self) -> datetime:
        """The first moment of the quarter (inclusive), UTC."""
        month = 4 + 3 * (self.number - 1)  # April, July, October, January (month 13)
        year = self.year + (month - 1) // 12
        return datetime(year, (month - 1) % 12 + 1, 1, tzinfo=timezone.utc)

    @property
    def end(self) -> datetime:
        """The first moment after the quarter (exclusive), UTC: the start of the next quarter."""
        return self.next().start

    def next(self) -> "Quarter":
        return Quarter(self.year, self.number + 1) if self.number < 4 else Quarter(self.year + 1, 1)

    def previous(self) -> "Quarter":
        return Quarter(self.year, self.number - 1) if self.number > 1 else Quarter(self.year - 1, 4)

    def contains(self, moment: datetime) -> bool:
        return self.start <= _utc(moment) < self.end

    def __str__(self) -> str:
        return self.label


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def quarter_of(moment: datetime) -> Quarter:
    """The financial quarter a moment falls in (31 March 23:59 UTC is Q4; 1 April 00:00 is Q1)."""
    moment = _utc(moment)
    if moment.month >= 4:
        return Quarter(moment.year, (moment.month - 4) // 3 + 1)
    return Quarter(moment.year - 1, 4)


def has_ended(quarter: Quarter, now: datetime) -> bool:
    return _utc(now) >= quarter.end


def parse(label: str) -> Quarter:
    """A quarter from a label like "2026-27Q2"; ValueError with a message a person can act on."""
    text = (label or "").strip().upper()
    match = _LABEL.match(text)
    if not match:
        raise ValueError(f"{label!r} is not a quarter: write it like 2026-27Q2 (financial year, then Q1 to Q4)")
    year, short_next, number = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if (year + 1) % 100 != short_next:
        raise ValueError(f"{label!r} is not a financial year: after {year} comes {(year + 1) % 100:02d}, "
                         f"so write it like {year}-{(year + 1) % 100:02d}Q{number}")
    return Quarter(year, number)
