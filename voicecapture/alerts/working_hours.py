"""When an alert is due: a number of working hours after it was raised (weekdays, not bank holidays).

An alert raised at 16:00 on a Friday with four working hours to acknowledge it is due at 12:00 on Monday,
or on Tuesday when Monday is a bank holiday.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays


@lru_cache(maxsize=8)
def _bank_holidays(year: int):
    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_hours(start: datetime, hours: float, *, working_day: tuple[int, int] = (9, 17),
                      zone: str = "Europe/London") -> datetime:
    """The moment `hours` of working time after `start` (aware), as an aware UTC datetime."""
    tz = ZoneInfo(zone)
    local = start.astimezone(tz)
    remaining = timedelta(hours=hours)
    day = local.date()
    while True:
        opens = datetime.combine(day, time(working_day[0]), tz)
        closes = datetime.combine(day, time(0), tz) + timedelta(hours=working_day[1])
        if is_working_day(day) and local < closes:
            begin = max(local, opens)
            if begin + remaining <= closes:
                return (begin + remaining).astimezone(timezone.utc)
            remaining -= closes - begin
        day += timedelta(days=1)
        local = datetime.combine(day, time(0), tz)
