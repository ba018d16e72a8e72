"""Financial quarters (April-March): boundaries, labels, parsing."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from voicecapture.quarters import Quarter, has_ended, parse, quarter_of

UTC = timezone.utc


@pytest.mark.parametrize("moment, label", [
    (datetime(2027, 3, 31, 23, 59, 59, tzinfo=UTC), "2026-27Q4"),
    (datetime(2027, 4, 1, 0, 0, tzinfo=UTC), "2027-28Q1"),
    (datetime(2026, 4, 1, tzinfo=UTC), "2026-27Q1"),
    (datetime(2026, 6, 30, 23, 59, 59, 999999, tzinfo=UTC), "2026-27Q1"),
    (datetime(2026, 7, 1, tzinfo=UTC), "2026-27Q2"),
    (datetime(2026, 9, 30, 12, tzinfo=UTC), "2026-27Q2"),
    (datetime(2026, 10, 1, tzinfo=UTC), "2026-27Q3"),
    (datetime(2026, 12, 31, 23, 59, tzinfo=UTC), "2026-27Q3"),
    (datetime(2027, 1, 1, tzinfo=UTC), "2026-27Q4"),
    (datetime(1999, 5, 1, tzinfo=UTC), "1999-00Q1"),
])
def test_quarter_of_a_moment(moment, label):
    assert quarter_of(moment).label == label


def test_31_march_2359_is_q4_of_the_previous_financial_year_and_1_april_is_q1():
    assert quarter_of(datetime(2026, 3, 31, 23, 59, tzinfo=UTC)) == Quarter(2025, 4)
    assert quarter_of(datetime(2026, 4, 1, tzinfo=UTC)) == Quarter(2026, 1)


def test_times_in_other_zones_and_naive_times_are_read_as_utc():
    bst = timezone(timedelta(hours=1))
    # 00:30 on 1 April in British Summer Time is still 31 March in UTC.
    assert quarter_of(datetime(2026, 4, 1, 0, 30, tzinfo=bst)).label == "2025-26Q4"
    assert quarter_of(datetime(2026, 4, 1, 0, 30)).label == "2026-27Q1"


@pytest.mark.parametrize("quarter, start, end", [
    (Quarter(2026, 1), datetime(2026, 4, 1, tzinfo=UTC), datetime(2026, 7, 1, tzinfo=UTC)),
    (Quarter(2026, 2), datetime(2026, 7, 1, tzinfo=UTC), datetime(2026, 10, 1, tzinfo=UTC)),
    (Quarter(2026, 3), datetime(2026, 10, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)),
    (Quarter(2026, 4), datetime(2027, 1, 1, tzinfo=UTC), datetime(2027, 4, 1, tzinfo=UTC)),
])
def test_start_and_end(quarter, start, end):
    assert quarter.start == start and quarter.end == end
    assert quarter.start.tzinfo is not None
    assert quarter.contains(start) and not quarter.contains(end)
    assert quarter_of(start) == quarter and quarter_of(end - timedelta(microseconds=1)) == quarter


def test_next_and_ordering():
    assert Quarter(2026, 4).next() == Quarter(2027, 1)
    assert Quarter(2026, 2).next() == Quarter(2026, 3)
    assert Quarter(2027, 1).previous() == Quarter(2026, 4)
    assert Quarter(2026, 3).previous() == Quarter(2026, 2)
    assert Quarter(2026, 4) < Quarter(2027, 1) < Quarter(2027, 2)


def test_has_ended():
    q = Quarter(2026, 2)
    assert not has_ended(q, datetime(2026, 9, 30, 23, 59, tzinfo=UTC))
    assert has_ended(q, datetime(2026, 10, 1, tzinfo=UTC))


@pytest.mark.parametrize("label", ["2026-27Q1", "2026-27Q4", "1999-00Q3", " 2026-27q2 "])
def test_parse_round_trips(label):
    assert parse(label).label == label.strip().upper()


def test_labels():
    assert Quarter(2026, 1).label == "2026-27Q1" == str(Quarter(2026, 1))
    assert Quarter(2009, 3).label == "2009-10Q3"


@pytest.mark.parametrize("bad", ["", "2026Q1", "2026-27Q5", "2026-27Q0", "2026-28Q1", "26-27Q1", "2026-27",
                                 "2026/27Q1", "Q1 2026-27", "2026-27Q1x", None])
def test_parse_refuses_bad_labels_with_a_clear_message(bad):
    with pytest.raises(ValueError, match="2026-27Q|write it like"):
        parse(bad)


def test_parse_explains_a_wrong_second_year():
    with pytest.raises(ValueError, match="after 2026 comes 27"):
        parse("2026-28Q1")


def test_quarter_numbers_outside_1_to_4_are_refused():
    with pytest.raises(ValueError, match="1 to 4"):
        Quarter(2026, 5)
