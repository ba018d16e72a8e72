"""Suppression of published count tables: hand-worked tables, and differencing attacks that must fail.

The attacks are checked by brute force, independently of the module's reasoning: for each [c], search for
another whole-number value it could take with every shown cell and every row and column sum still holding,
and every [c] at least 1 (0 is published as 0, so a reader knows a [c] isn't 0).
"""
from __future__ import annotations

import random
from typing import Optional

import pytest

from voicecapture.reports.suppression import (
    FULL_YEAR, TOTAL, PublishedTable, Table, disclosed_cells, is_protected, suppress, suppress_list, suppress_together,
)

QUARTERS = ("Q1", "Q2", "Q3", "Q4")


def grid(published: PublishedTable) -> list[list[str]]:
    return [list(row) for row in published.shown_grid()]


# Hand-worked tables: the expected grid is written out, with the arithmetic that chooses the complements.

def test_a_lone_small_count_is_protected_by_a_rectangle_in_its_row_and_its_column():
    published = suppress(Table(("A", "B", "C"), QUARTERS, (
        (3, 10, 12, 9),
        (9, 15, 7, 11),
        (20, 6, 14, 9),
    )))
    # A/Q1 = 3 is hidden. Row A alone: 34 - 10 - 12 - 9 = 3, so another cell of row A must go, and likewise of
    # column Q1 (32 - 9 - 20 = 3), and the cell where those two meet, or row B would give its partner away.
    # Cost of each rectangle (A's cell + the Q1 cell + where they meet):
    #   B,Q2 10+9+15=34  B,Q3 12+9+7=28  B,Q4 9+9+11=29  C,Q2 10+20+6=36  C,Q3 12+20+14=46  C,Q4 9+20+9=38
    # Any loop through a total costs at least A's Full year, 34. Cheapest: B,Q3.
    assert grid(published) == [
        ["[c]", "10", "[c]", "9", "34"],
        ["[c]", "15", "[c]", "11", "42"],
        ["20", "6", "14", "9", "49"],
        ["32", "31", "33", "29", "125"],
    ]
    assert published.row_labels == ("A", "B", "C", TOTAL)
    assert published.column_labels == QUARTERS + (FULL_YEAR,)
    assert is_protected(published)


def test_a_small_total_hides_its_column_and_is_protected_along_the_total_row():
    published = suppress(Table(("A", "B", "C"), QUARTERS, (
        (10, 0, 7, 12),
        (8, 2, 11, 6),
        (15, 0, 9, 20),
    )))
    # Q2's total is 2 (0 + 2 + 0), so B/Q2 and Total/Q2 are both hidden, and column Q2 says they are equal.
    # Each needs a partner: B's in row B and the Total's in the Total row, in the same column c so the loop
    # closes. Cost B/c + Total/c: Q1 8+33=41, Q3 11+27=38, Q4 6+38=44; through the Full year, B's 27 + the
    # grand total 100. Cheapest: Q3. A reader gets B/Q2 + B/Q3 = 13 and Total/Q2 + Total/Q3 = 29: B/Q2 could be
    # anything from 1 to 12.
    assert grid(published) == [
        ["10", "0", "7", "12", "29"],
        ["8", "[c]", "[c]", "6", "27"],
        ["15", "0", "9", "20", "44"],
        ["33", "[c]", "[c]", "38", "100"],
    ]


def test_a_row_of_zeros_but_one_small_count_hides_the_row_total_and_another_row_with_it():
    published = suppress(Table(("A", "B", "C"), QUARTERS, (
        (12, 9, 15, 10),
        (0, 0, 3, 0),
        (8, 14, 6, 11),
    )))
    # B/Q3 = 3 and B's Full year = 3 are both hidden (both small). Row B has no other non-zero cell, so the loop
    # leaves row B through its Full year and comes back down column Q3 through another row r, hiding r's Full
    # year and r/Q3: A 46+15=61, C 39+6=45, Total 88+24=112. Cheapest: C. Zeros stay shown: a [c] is never 0.
    assert grid(published) == [
        ["12", "9", "15", "10", "46"],
        ["0", "0", "[c]", "0", "[c]"],
        ["8", "14", "[c]", "11", "[c]"],
        ["20", "23", "24", "21", "88"],
    ]


def test_when_everything_is_small_only_a_total_of_5_or_more_is_shown():
    published = suppress(Table(("A", "B"), ("Q1", "Q2"), (
        (1, 2),
        (2, 1),
    )))
    # Every count and every total but the grand total (6) is 1 to 4. A/Q1 = 1 can still move: raise A/Q1 and
    # B/Q2, lower B/Q1 and A/Q2 (both 2). Nothing more needs hiding.
    assert grid(published) == [
        ["[c]", "[c]", "[c]"],
        ["[c]", "[c]", "[c]"],
        ["[c]", "[c]", "6"],
    ]
    assert is_protected(published)


def test_a_table_with_no_small_counts_hides_nothing():
    published = suppress(Table(("A", "B"), QUARTERS, (
        (5, 0, 12, 40),
        (7, 9, 0, 1205),
    )))
    assert grid(published) == [
        ["5", "0", "12", "40", "57"],
        ["7", "9", "0", "1,205", "1,221"],
        ["12", "9", "12", "1,245", "1,278"],
    ]


def test_quarters_not_reached_are_blank_and_the_full_year_is_the_year_to_date():
    published = suppress(Table(("A", "B", "C"), QUARTERS, (
        (3, 10),
        (9, 15),
        (20, 6),
    ), columns_reached=2))
    # Year to date: A 3+10=13, B 24, C 26, Total 63. For A/Q1 = 3, rectangles with Q2 cost
    # B 10+9+15=34, C 10+20+6=36; through A's year to date at least 13+9+24=46. Cheapest: B.
    assert grid(published) == [
        ["[c]", "[c]", "", "", "13"],
        ["[c]", "[c]", "", "", "24"],
        ["20", "6", "", "", "26"],
        ["32", "31", "", "", "63"],
    ]
    assert published.counts[0][2] is None and not published.suppressed[0][2]
    assert is_protected(published)


def test_the_threshold_can_be_raised():
    published = suppress(Table(("A", "B"), ("Q1", "Q2"), ((6, 30), (12, 40))), threshold=10)
    # 6 is under 10; the only rectangle is the whole table: 30 + 12 + 40 = 82, cheaper than any loop through
    # the totals (A's 36 + B's 52 + B/Q1 12 = 100).
    assert grid(published) == [
        ["[c]", "[c]", "36"],
        ["[c]", "[c]", "52"],
        ["18", "70", "88"],
    ]


@pytest.mark.parametrize("counts, expected", [
    ([3, 10, 12, 9], ["[c]", "10", "12", "[c]", "34"]),  # 34 - 10 - 12 - 9 = 3: the smallest other count goes
    ([3, 8, 8], ["[c]", "[c]", "8", "19"]),  # a tie goes to the earlier
    ([0, 3, 0], ["0", "[c]", "0", "[c]"]),  # no other non-zero count: the total goes
    ([1, 1, 20, 30], ["[c]", "[c]", "[c]", "30", "52"]),  # two [c] making 2 would both be 1: 20 goes too
    ([5, 0, 7], ["5", "0", "7", "12"]),
    ([], ["0"]),
])
def test_a_list_with_a_total(counts, expected):
    published = suppress_list(counts)
    assert [published.shown(index) for index in range(len(counts))] + [published.shown_total()] == expected


# Public totals: the Total row is shown in every breakdown and on its own, so it is no place for complements.

def test_with_public_totals_the_complements_stay_out_of_the_total_row():
    table = Table(("A", "B"), ("Q1", "Q2"), ((10, 0), (2, 9)))
    # B/Q1 = 2. Its row partner is B/Q2 (9) or B's year (11); its column partner A/Q1 (10) or the Q1 total (12).
    # A/Q2 is 0, so A can't close a rectangle inside the quarters. Loops: B/Q2 + the Q1 and Q2 totals
    # 9+12+9 = 30; B's year + A/Q1 + A's year 11+10+10 = 31. Without public totals the totals win, by 1 ...
    assert grid(suppress(table)) == [
        ["10", "0", "10"],
        ["[c]", "[c]", "11"],
        ["[c]", "[c]", "21"],
    ]
    # ... but the next table shows them: with public totals the loop goes through A instead.
    published = suppress(table, public_totals=True)
    assert grid(published) == [
        ["[c]", "0", "[c]"],
        ["[c]", "9", "[c]"],
        ["12", "9", "21"],
    ]
    assert is_protected(published, public_totals=True)


def test_a_small_public_total_is_hidden_with_the_year_total_which_it_can_only_rise_with():
    published = suppress(Table(("A", "B", "C"), QUARTERS, (
        (10, 0, 7, 12),
        (8, 2, 11, 6),
        (15, 0, 9, 20),
    )), public_totals=True)
    # Q2's total is 2, so it is hidden in every table, with the year total (100): on its own the Total row
    # would give it away (100 - 33 - 27 - 38). A hidden public total may only go up, with the year: B/Q2 can't
    # be traded against a cell of Q2 (A and C have 0), so it rises with the Q2 total, the year total and B's
    # year (27), the one cell to add. (Without public totals: B/Q3 and the Q3 total, 11 + 27.)
    assert grid(published) == [
        ["10", "0", "7", "12", "29"],
        ["8", "[c]", "11", "6", "[c]"],
        ["15", "0", "9", "20", "44"],
        ["33", "[c]", "27", "38", "[c]"],
    ]
    assert is_protected(published, public_totals=True)


def by_group_table() -> Table:
    """Q1 is five 1s, A/Q2 = 6 and E/Q2 = 8."""
    return Table(("A", "B", "C", "D", "E"), ("Q1", "Q2"), ((1, 6), (1, 0), (1, 0), (1, 0), (1, 8)))


def test_a_quarter_of_ones_gives_itself_away_under_a_public_total_so_that_total_is_hidden():
    published = suppress(by_group_table(), public_totals=True)
    # Q1 is five 1s: a reader who knows its total (5) counts five [c] and knows each is 1, whatever else is
    # hidden. So the Q1 total goes, and the year total with it. Each 1 then rises with both and with its row's
    # year: B, C and D's years are 1, hidden already; A's (7) and E's (9) are added.
    assert grid(published) == [
        ["[c]", "6", "[c]"],
        ["[c]", "0", "[c]"],
        ["[c]", "0", "[c]"],
        ["[c]", "0", "[c]"],
        ["[c]", "8", "[c]"],
        ["[c]", "14", "[c]"],
    ]
    assert is_protected(published, public_totals=True)


def test_tables_suppressed_together_hide_the_same_totals():
    by_agency_table = Table(("Police", "Council"), ("Q1", "Q2"), ((3, 9), (2, 5)))
    by_group, by_agency = suppress_together([by_group_table(), by_agency_table])
    # The first table needs the Q1 total and the year total hidden (the test above), so the second hides them
    # too. There Police/Q1 (3) rises with them and Police's year (12), cheaper than trading against Q2
    # (9 + 5 = 14); then Council/Q1 (2) needs one more cell, Council's year (7). Alone, the second table would
    # have shown its totals and hidden the Q2 counts, 9 and 5.
    assert grid(by_group) == grid(suppress(by_group_table(), public_totals=True))
    assert grid(by_agency) == [
        ["[c]", "9", "[c]"],
        ["[c]", "5", "[c]"],
        ["[c]", "14", "[c]"],
    ]
    assert by_group.suppressed[-1] == by_agency.suppressed[-1] == (True, False, True)
    assert is_protected(by_agency, public_totals=True)
    assert grid(suppress(by_agency_table, public_totals=True)) == [
        ["[c]", "[c]", "12"],
        ["[c]", "[c]", "7"],
        ["5", "14", "19"],
    ]


def test_tables_suppressed_together_must_share_their_totals():
    with pytest.raises(ValueError, match="same Total row"):
        suppress_together([Table(("A",), ("Q1",), ((5,),)), Table(("B",), ("Q1",), ((6,),))])
    assert suppress_together([]) == ()


@pytest.mark.parametrize("counts, expected", [
    ([3, 10, 12, 9], ["[c]", "10", "12", "[c]", "34"]),  # as without: the smallest other count goes
    ([0, 3, 0], ["0", "[c]", "0", "[c]"]),  # a small total is hidden anyway
    ([1, 1, 1, 1, 1], ["[c]"] * 6),  # five 1s make 5: the 1s are given away unless the total goes
    ([2, 2, 2], ["[c]", "[c]", "[c]", "6"]),
])
def test_a_list_with_a_public_total(counts, expected):
    published = suppress_list(counts, public_total=True)
    assert [published.shown(index) for index in range(len(counts))] + [published.shown_total()] == expected


def test_bad_tables_are_refused():
    with pytest.raises(ValueError, match="2 counts"):
        Table(("A",), QUARTERS, ((1, 2),), columns_reached=3)
    with pytest.raises(ValueError, match="0 or more"):
        Table(("A",), ("Q1",), ((-1,),))
    with pytest.raises(ValueError, match="never for 0"):
        PublishedTable(("A", TOTAL), ("Q1", FULL_YEAR), ((0, 0), (0, 0)), ((True, False), (False, False)))
    with pytest.raises(ValueError, match="add up"):
        PublishedTable(("A", TOTAL), ("Q1", FULL_YEAR), ((1, 2), (1, 2)), ((False,) * 2,) * 2)


# The attacks.

def key(published: PublishedTable, cell: tuple[int, int], table: int) -> tuple:
    """A cell as a reader names it across tables: a Total row cell is the same figure in every table."""
    row, column = cell
    return ("total", column) if row == len(published.row_labels) - 1 else (table, row, column)


def lines(published: PublishedTable, table: int = 0):
    """Each row and each column of the columns reached, as (parts, total): the sums a reader knows."""
    columns = [column for column in range(len(published.column_labels)) if published.counts[0][column] is not None]
    cells = [[key(published, (row, column), table) for column in columns] for row in range(len(published.row_labels))]
    for line in cells + [list(column) for column in zip(*cells)]:
        yield line[:-1], line[-1]


def other_value(published: PublishedTable, target: tuple[int, int], *beside: PublishedTable) -> Optional[int]:
    """Another value the hidden `target` could take, everything published still holding; None if none.

    `beside`: tables published with the same Total row, which a reader sets beside this one. Searches whole
    numbers from 1 to the grand total + 1 for every [c] (wide enough for the true table and any table one
    step from it), trying values near the true ones first, and filling in any [c] that is the last unknown of
    a line.
    """
    tables = (published,) + beside
    values = {key(table, (row, column), index): value
              for index, table in enumerate(tables) for row, counts in enumerate(table.counts)
              for column, value in enumerate(counts) if value is not None}
    shown_keys = {key(table, (row, column), index)
                  for index, table in enumerate(tables) for row, flags in enumerate(table.suppressed)
                  for column, flag in enumerate(flags) if not flag and table.counts[row][column] is not None}
    hidden_keys = set(values) - shown_keys  # a total hidden in one table but shown in another is known
    target = key(published, target, 0)
    if target not in hidden_keys:
        return None
    known = {cell: value for cell, value in values.items() if cell not in hidden_keys}
    hidden = [target] + sorted(hidden_keys - {target}, key=str)
    all_lines = [line for index, table in enumerate(tables) for line in lines(table, index)]
    cap = published.counts[-1][-1] + 1
    true = {cell: values[cell] for cell in hidden}

    def settle(values: dict) -> Optional[dict]:
        values = dict(values)
        changed = True
        while changed:
            changed = False
            for parts, total in all_lines:
                unknown = [cell for cell in parts + [total] if cell not in values]
                if not unknown:
                    if sum(values[part] for part in parts) != values[total]:
                        return None
                elif len(unknown) == 1:
                    cell = unknown[0]
                    rest = sum(values[part] for part in parts if part != cell)
                    values[cell] = rest if cell == total else values[total] - rest
                    if not 1 <= values[cell] <= cap or values.get(target) == true[target]:
                        return None
                    changed = True
                elif total in values and sum(values.get(part, 1) for part in parts) > values[total]:
                    return None
        return values

    def search(values: dict) -> Optional[int]:
        values = settle(values)
        if values is None:
            return None
        free = [cell for cell in hidden if cell not in values]
        if not free:
            return values[target]
        cell = free[0]
        choices = sorted(range(1, cap + 1), key=lambda value: abs(value - true[cell]))
        for value in choices:
            if cell == target and value == true[cell]:
                continue
            if (found := search({**values, cell: value})) is not None:
                return found
        return None

    return search(known)


def random_table(rng: random.Random, max_rows: int, max_reached: int) -> Table:
    """A table with many small counts and zeros, the cases suppression is for."""
    rows, reached = rng.randint(1, max_rows), rng.randint(1, max_reached)
    counts = tuple(tuple(rng.choice((0, 0, 1, 2, 3, 4, 1, 2, rng.randint(5, 15), rng.randint(5, 40)))
                         for _ in range(reached)) for _ in range(rows))
    return Table(tuple(f"Row {index}" for index in range(rows)), QUARTERS, counts, columns_reached=reached)


def hidden_cells(published: PublishedTable) -> list[tuple[int, int]]:
    return [(row, column) for row, flags in enumerate(published.suppressed) for column, flag in enumerate(flags)
            if flag]


def test_no_hidden_count_in_500_random_small_tables_can_be_worked_out():
    rng = random.Random(20260701)
    for _ in range(500):
        published = suppress(random_table(rng, max_rows=4, max_reached=4))
        assert is_protected(published)
        for cell in hidden_cells(published):
            assert other_value(published, cell) is not None, (published.shown_grid(), cell)


def test_bigger_random_tables_are_protected_and_hide_every_small_count_and_no_zero():
    rng = random.Random(7)
    for _ in range(300):
        published = suppress(random_table(rng, max_rows=10, max_reached=4))
        assert is_protected(published)
        for row, values in enumerate(published.counts):
            for column, value in enumerate(values):
                if value is not None and value < 5:
                    assert published.suppressed[row][column] == (value > 0)


def random_group(rng: random.Random, tables: int, max_rows: int) -> list[Table]:
    """Tables breaking down the same quarter totals, with small totals, zeros and quarters of 1s."""
    reached = rng.randint(1, 4)
    totals = [rng.choice((0, 1, 2, 3, 4, 5, 5, 6, 7, 9, 14)) for _ in range(reached)]
    group = []
    for table in range(tables):
        rows = rng.randint(1, max_rows)
        columns = [split(rng, total, rows) for total in totals]
        group.append(Table(tuple(f"Row {table}.{row}" for row in range(rows)), QUARTERS,
                           tuple(tuple(column[row] for column in columns) for row in range(rows)), reached))
    return group


def split(rng: random.Random, total: int, parts: int) -> list[int]:
    if total <= parts and rng.random() < 0.3:
        ones = [1] * total + [0] * (parts - total)
        rng.shuffle(ones)
        return ones
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [high - low for low, high in zip([0] + cuts, cuts + [total])]


def test_with_public_totals_the_total_row_hides_only_small_totals_and_the_year_unless_a_quarter_is_all_ones():
    rng = random.Random(13)
    for _ in range(300):
        table = random_table(rng, max_rows=6, max_reached=4)
        published = suppress(table, public_totals=True)
        assert is_protected(published, public_totals=True)
        totals, hidden = published.counts[-1], published.suppressed[-1]
        small = {column for column, value in enumerate(totals) if value is not None and 0 < value < 5}
        assert small <= {column for column, flag in enumerate(hidden) if flag}
        if any(hidden):
            assert hidden[-1]
            assert small or any(set(column) - {0} == {1} for column in zip(*table.counts)), published.shown_grid()


def test_no_hidden_count_in_tables_sharing_public_totals_can_be_worked_out_from_them_all():
    rng = random.Random(17)
    for _ in range(120):
        group = suppress_together(random_group(rng, tables=rng.randint(2, 3), max_rows=4))
        assert len({published.suppressed[-1] for published in group}) == 1
        for index, published in enumerate(group):
            beside = group[:index] + group[index + 1:]
            for cell in hidden_cells(published):
                assert other_value(published, cell, *beside) is not None, ([one.shown_grid() for one in group], cell)


def test_lists_are_protected():
    rng = random.Random(11)
    for _ in range(300):
        counts = [rng.choice((0, 1, 2, 3, 4, 6, 9, 20)) for _ in range(rng.randint(1, 6))]
        listed = suppress_list(counts)
        flags = listed.suppressed + (listed.total_suppressed,)
        published = PublishedTable(tuple(map(str, range(len(counts)))) + (TOTAL,), ("Count", FULL_YEAR),
                                   tuple((value, value) for value in counts + [sum(counts)]),
                                   tuple((flag, flag) for flag in flags))
        for cell in hidden_cells(published):
            assert other_value(published, cell) is not None, (counts, flags)


def naive(table: Table) -> PublishedTable:
    """Only the counts of 1 to 4 hidden: what suppression without complements would publish."""
    full = suppress(table, threshold=1)
    return PublishedTable(full.row_labels, full.column_labels, full.counts,
                          tuple(tuple(value is not None and 0 < value < 5 for value in row) for row in full.counts))


def test_without_complements_a_lone_small_count_is_given_away_by_its_row_total():
    published = naive(Table(("A", "B", "C"), QUARTERS, ((3, 10, 12, 9), (9, 15, 7, 11), (20, 6, 14, 9))))
    assert grid(published)[0] == ["[c]", "10", "12", "9", "34"]
    # The attack: the row total minus the cells shown.
    shown = [int(text) for text in grid(published)[0][1:4]]
    assert int(grid(published)[0][4]) - sum(shown) == 3 == published.counts[0][0]
    assert other_value(published, (0, 0)) is None
    assert disclosed_cells(published) == [(0, 0)] and not is_protected(published)


def test_without_complements_two_hidden_ones_in_a_row_are_given_away_by_the_rule_that_a_c_is_not_0():
    published = naive(Table(("A", "B"), ("Q1", "Q2", "Q3"), ((1, 1, 20), (9, 8, 30))))
    # Row A: 22 - 20 = 2 = A/Q1 + A/Q2, and neither can be 0, so both are 1.
    assert other_value(published, (0, 0)) is None and other_value(published, (0, 1)) is None
    assert set(disclosed_cells(published)) >= {(0, 0), (0, 1)}


def test_a_loop_joined_to_another_by_one_cell_gives_that_cell_away_though_every_line_has_two_c():
    # Rows A, B and columns Q1, Q2 form one loop of [c]; rows C, D and Q3, Q4 another; B/Q3 joins them. Every
    # row and column has 0 or at least 2 [c], the usual rule of thumb, yet rows A and B minus columns Q1 and
    # Q2 leave exactly B/Q3.
    counts = ((6, 7, 20, 30), (8, 9, 10, 40), (50, 60, 11, 12), (70, 80, 13, 14))
    hidden = {(0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 2), (2, 3), (3, 2), (3, 3)}
    full = suppress(Table(("A", "B", "C", "D"), QUARTERS, counts), threshold=1)
    published = PublishedTable(full.row_labels, full.column_labels, full.counts,
                               tuple(tuple((row, column) in hidden for column in range(5)) for row in range(5)))
    assert disclosed_cells(published) == [(1, 2)]
    assert other_value(published, (1, 2)) is None
    assert all(other_value(published, cell) is not None for cell in hidden - {(1, 2)})


def test_naive_suppression_of_random_tables_is_usually_attackable_and_the_checker_sees_every_attack():
    rng = random.Random(3)
    with_c = attacked = 0
    for _ in range(300):
        published = naive(random_table(rng, max_rows=3, max_reached=4))
        disclosed = set(disclosed_cells(published))
        for cell in hidden_cells(published):
            assert (other_value(published, cell) is None) == (cell in disclosed), (published.shown_grid(), cell)
        with_c += bool(hidden_cells(published))
        attacked += bool(disclosed)
    assert attacked > with_c / 3


def test_the_checker_agrees_with_brute_force_on_random_hiding_patterns():
    rng = random.Random(5)
    for _ in range(500):
        full = suppress(random_table(rng, max_rows=3, max_reached=4), threshold=1)
        published = PublishedTable(full.row_labels, full.column_labels, full.counts,
                                   tuple(tuple(bool(value) and rng.random() < 0.5 for value in row)
                                         for row in full.counts))
        disclosed = set(disclosed_cells(published))
        for cell in hidden_cells(published):
            assert (other_value(published, cell) is None) == (cell in disclosed), (published.shown_grid(), cell)
