"""Statistical disclosure control for published count tables: counts of 1 to 4 are shown as [c], and enough
other cells are hidden with them that no [c] can be worked back out from the totals.

A published table is the counts plus a Total row and a Full year column (the year to date while quarters are
still to come). Every row and every column of that grid, totals included, is an additive line: its cells add
up to its last one. A reader can difference those lines, and knows a [c] is never 0, because 0 is shown as 0.

When a [c] can be worked out, and when it can't: take the rows and the columns of the grid as points and each
[c] as a link between its row and its column. Moving the hidden counts round a closed loop of links,
alternately up and down by one, keeps every line adding up (a total moves with its parts), so the reader can't
tell the two tables apart; and any two tables that agree on every shown cell differ by such loops. So a [c] is
protected exactly when it lies on a loop that can move by one without any [c] falling to 0, i.e. every [c] the
move lowers is at least 2. Otherwise it is disclosed: by plain differencing (it is on no loop: the Total minus
the rest), or because every alternative needs a 0 (two [c] in a row that must add up to 2 are both 1).

Primary suppression hides every count from 1 to threshold - 1, totals included. Secondary suppression takes the
first disclosed [c] in reading order, hides the cheapest set of further cells that closes a protecting loop
through it, and repeats until no [c] is disclosed. Cheapest means the smallest sum of newly hidden counts, then
the fewest cells, so small counts are hidden rather than large ones, and cells already hidden are reused for
free; ties go to the loop found first, searching in reading order. For a lone small cell the cheapest loop is
usually the textbook rectangle: one more cell in its row, one in its column, and the cell where those two meet,
so neither its row total nor its column total gives it away. Hiding more never unprotects a cell, so this ends.

Zeros are never hidden. A [c] is read as 1 or more, so a hidden 0 would mislead, and a hidden count can move
down only if it is at least 2, so a 0 couldn't protect anything anyway. A non-zero complement always exists:
a cell, its row total, its column total and the grand total form a loop that can move up together.

Public totals. A report has several breakdowns of the same responses (by agency, by area, by ethnic group...):
every one has the same Total row, and that row is also published on its own, as the responses in each quarter.
A total hidden as a complement in one table would be shown by the next, so it would protect nothing. With
public totals, the Total row hides only the totals from 1 to threshold - 1, the same in every table, and the
year total with them if there are any; complements are found among the other cells, as though the reader knew
every shown total, which they do. With every total shown, the usual case, the tables are then independent.

A hidden total links the tables: each must let it move the same way, or a reader setting them side by side
pins it down (one table can only raise it, another only lower it). So a hidden public total may only go up,
with the year total: the one move every table can make, by raising a count of that column and its row's
year, as a count can always go up. A table protected with that rule stays protected beside the others.

A [c] can't be protected without one more total only when every count it could be traded against is 1, as a
count moves down only from 2: typically a quarter whose non-zero counts are all 1 (five ethnic groups with one
response each), where the column total is just the number of [c]. Hiding that total in one table alone would be
no use, as the others show it; so suppress_together hides it, and the year total, in every table alike, and
protects them all again until they agree. That is safe by the rule above, at the cost of two public figures.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from itertools import count
from typing import Iterator, Optional, Sequence

from voicecapture.metrics import MIN_ANSWERS

CONFIDENTIAL = "[c]"
TOTAL = "Total"
FULL_YEAR = "Full year"

Cell = tuple[int, int]  # (row, column) in the published grid, totals included
_Node = tuple[str, int]  # ("row", index) or ("column", index)
_Cost = tuple[int, int]  # (sum of newly hidden counts, number of newly hidden cells)


@dataclass(frozen=True)
class Table:
    """Counts to publish: one row per category, one column per quarter (or any other additive split)."""
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]  # every column of the year, e.g. ("Q1", "Q2", "Q3", "Q4")
    counts: tuple[tuple[int, ...], ...]  # one row per label, holding only the columns reached
    columns_reached: Optional[int] = None  # columns come in order; the later ones haven't happened. None: all

    def __post_init__(self):
        if not 0 <= self.reached <= len(self.column_labels):
            raise ValueError(f"columns_reached must be 0 to {len(self.column_labels)}, not {self.columns_reached}")
        if len(self.counts) != len(self.row_labels):
            raise ValueError(f"{len(self.row_labels)} row labels but {len(self.counts)} rows of counts")
        for label, row in zip(self.row_labels, self.counts):
            if len(row) != self.reached:
                raise ValueError(f"row {label!r} has {len(row)} counts; {self.reached} columns have been reached")
            if any(not isinstance(value, int) or value < 0 for value in row):
                raise ValueError(f"row {label!r}: counts are whole numbers, 0 or more")

    @property
    def reached(self) -> int:
        return len(self.column_labels) if self.columns_reached is None else self.columns_reached


@dataclass(frozen=True)
class PublishedTable:
    """The grid as published. `counts` holds the true values, totals included, for checking: render with shown()."""
    row_labels: tuple[str, ...]  # the table's rows, then TOTAL
    column_labels: tuple[str, ...]  # the table's columns, then FULL_YEAR
    counts: tuple[tuple[Optional[int], ...], ...]  # None in columns not reached yet
    suppressed: tuple[tuple[bool, ...], ...]

    def __post_init__(self):
        shape = (len(self.row_labels), len(self.column_labels))
        for name, grid in (("counts", self.counts), ("suppressed", self.suppressed)):
            if len(grid) != shape[0] or any(len(row) != shape[1] for row in grid):
                raise ValueError(f"{name} must be {shape[0]} rows of {shape[1]} cells, totals included")
        if any(len({value is None for value in column}) > 1 for column in zip(*self.counts)):
            raise ValueError("a column not reached yet is None all the way down")
        for row, column in ((row, column) for row in range(shape[0]) for column in range(shape[1])):
            if self.suppressed[row][column] and not self.counts[row][column]:
                raise ValueError(f"cell {row, column}: [c] stands for 1 or more, never for 0 or a column to come")
        if any(sum(values[:-1]) != values[-1] for values in _lines(self)):
            raise ValueError("every row and column must add up to its total")

    def shown(self, row: int, column: int) -> str:
        """The cell as readers see it: [c], the count, or "" in a column not reached yet."""
        value = self.counts[row][column]
        return "" if value is None else _shown(value, self.suppressed[row][column])

    def shown_grid(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(self.shown(row, column) for column in range(len(self.column_labels)))
                     for row in range(len(self.row_labels)))


@dataclass(frozen=True)
class PublishedList:
    """A list of counts and its total as published. `counts` holds the true values: render with shown()."""
    counts: tuple[int, ...]
    suppressed: tuple[bool, ...]  # one for each count
    total_suppressed: bool

    def shown(self, index: int) -> str:
        return _shown(self.counts[index], self.suppressed[index])

    def shown_total(self) -> str:
        return _shown(sum(self.counts), self.total_suppressed)


def suppress(table: Table, threshold: int = MIN_ANSWERS, *, public_totals: bool = False) -> PublishedTable:
    """The table with its totals, counts from 1 to threshold - 1 hidden, and the complements that protect them.

    `public_totals`: the Total row is published elsewhere too (see the module notes), so it hides only its small
    totals and, with them, the year total, unless a [c] can't be protected otherwise. Publish the row elsewhere
    only as this table hides it; for several tables sharing it, use suppress_together.
    """
    if public_totals:
        return suppress_together((table,), threshold)[0]
    grid = _unprotected(table, threshold)
    return _published(grid, _protect(grid, _small_cells(grid, threshold)))


def suppress_together(tables: Sequence[Table], threshold: int = MIN_ANSWERS) -> tuple[PublishedTable, ...]:
    """Tables sharing one Total row, published side by side and beside that row on its own, each with public
    totals (see the module notes): the same totals are hidden in all of them.

    A total one table can't do without is hidden in all of them, and they are all protected again, until they
    agree. Each round hides at least one more total, so this ends.
    """
    grids = [_unprotected(table, threshold) for table in tables]
    if len({grid.counts[-1] for grid in grids}) > 1:
        raise ValueError("tables suppressed together must have the same Total row")
    hidden_totals = _hidden_totals(grids[0], threshold, frozenset()) if grids else frozenset()
    while True:
        hidden = [_protect_with_public_totals(grid, threshold, hidden_totals) for grid in grids]
        needed = frozenset(column for grid, cells in zip(grids, hidden) for row, column in cells
                           if row == len(grid.counts) - 1)
        if needed == hidden_totals:
            return tuple(_published(grid, cells) for grid, cells in zip(grids, hidden))
        hidden_totals = _hidden_totals(grids[0], threshold, needed)


def suppress_list(counts: Sequence[int], threshold: int = MIN_ANSWERS, *,
                  public_total: bool = False) -> PublishedList:
    """A list of counts and its total, e.g. one column of categories, with small counts and their complements hidden.

    A list is a one-column table whose Full year column repeats it, so the table rule applies unchanged.
    `public_total`: the total is published elsewhere too, so it is hidden only if it is small, or if every
    count is 1 (see the module notes).
    """
    published = suppress(_list_table(counts), threshold, public_totals=public_total)
    flags = tuple(row[0] for row in published.suppressed)
    return PublishedList(tuple(counts), flags[:-1], flags[-1])


def shown_count(count: int, threshold: int = MIN_ANSWERS) -> str:
    """A count published on its own, in no line with others (e.g. a theme's comments): [c] if it is small."""
    return _shown(count, 0 < count < threshold)


def disclosed_cells(published: PublishedTable, *, public_totals: bool = False) -> list[Cell]:
    """The [c] cells a reader could work out exactly from the shown cells, the totals and "a [c] is not 0".

    `public_totals`: a hidden total may only go up, with the year total, so that the table stays protected
    beside others sharing its Total row (see the module notes).
    """
    hidden = {cell for cell in _cells(published) if published.suppressed[cell[0]][cell[1]]}
    return _disclosed(published, hidden, _total_row(published) if public_totals else frozenset())


def is_protected(published: PublishedTable, *, public_totals: bool = False) -> bool:
    return not disclosed_cells(published, public_totals=public_totals)


def _unprotected(table: Table, threshold: int) -> PublishedTable:
    """The published grid, totals added, with nothing hidden yet."""
    if threshold < 1:
        raise ValueError(f"the threshold is a count, 1 or more, not {threshold}")
    width = len(table.column_labels)
    rows = [list(row) + [None] * (width - table.reached) + [sum(row)] for row in table.counts]
    totals = [None if table.reached <= index < width else sum(row[index] for row in rows)
              for index in range(width + 1)]
    counts = tuple(tuple(row) for row in rows + [totals])
    return PublishedTable(table.row_labels + (TOTAL,), table.column_labels + (FULL_YEAR,), counts,
                          tuple(tuple(False for _ in row) for row in counts))


def _published(grid: PublishedTable, hidden: set[Cell]) -> PublishedTable:
    return PublishedTable(grid.row_labels, grid.column_labels, grid.counts,
                          tuple(tuple((row, column) in hidden for column in range(len(values)))
                                for row, values in enumerate(grid.counts)))


def _list_table(counts: Sequence[int]) -> Table:
    return Table(tuple(str(index) for index in range(len(counts))), ("Count",), tuple((value,) for value in counts))


def _small_cells(grid: PublishedTable, threshold: int) -> set[Cell]:
    return {cell for cell in _cells(grid) if 0 < _value(grid, cell) < threshold}


def _protect(grid: PublishedTable, hidden: set[Cell], public: frozenset[Cell] = frozenset()) -> set[Cell]:
    """`hidden` and the complements that protect it. `public` cells are hidden only where nothing else will do,
    and only ever move up."""
    hidden = set(hidden)
    while exposed := _disclosed(grid, hidden, public):
        hidden |= _cheapest_loop(grid, hidden, exposed[0], public)
    return hidden


def _protect_with_public_totals(grid: PublishedTable, threshold: int, totals: frozenset[int]) -> set[Cell]:
    """The cells to hide when the Total row is public: in it, the columns `totals`; elsewhere, the small counts
    and their complements."""
    total_row = _total_row(grid)
    hidden = {cell for cell in _small_cells(grid, threshold) if cell not in total_row}
    return _protect(grid, hidden | {(len(grid.counts) - 1, column) for column in totals}, total_row)


def _hidden_totals(grid: PublishedTable, threshold: int, needed: frozenset[int]) -> frozenset[int]:
    """The columns whose public total is hidden: the small ones and those `needed`, then the year's with them,
    so that each can move up with it."""
    small = {column for row, column in _small_cells(grid, threshold) if row == len(grid.counts) - 1}
    columns = small | needed
    return frozenset(columns | {len(grid.column_labels) - 1}) if columns else frozenset()


def _total_row(grid: PublishedTable) -> frozenset[Cell]:
    return frozenset(cell for cell in _cells(grid) if cell[0] == len(grid.counts) - 1)


def _shown(value: int, hidden: bool) -> str:
    return CONFIDENTIAL if hidden else f"{value:,}"


def _cells(published: PublishedTable) -> Iterator[Cell]:
    """Every cell of the columns reached, totals included, in reading order."""
    for row, values in enumerate(published.counts):
        for column, value in enumerate(values):
            if value is not None:
                yield row, column


def _value(published: PublishedTable, cell: Cell) -> int:
    return published.counts[cell[0]][cell[1]]


def _lines(published: PublishedTable) -> Iterator[list[int]]:
    """Each row and each column of the columns reached, its total last."""
    for values in published.counts:
        yield [value for value in values if value is not None]
    for values in zip(*published.counts):
        if values[0] is not None:
            yield list(values)


def _moves(published: PublishedTable, cell: Cell, public: frozenset[Cell]) -> list[tuple[_Node, _Node]]:
    """The ways a hidden cell can be crossed on a loop, as (from, to) points.

    Crossing from its row to its column raises a cell, the other way lowers it; a total of one line (but not
    the grand total, a total of both) the other way round, because it moves with its parts. Lowering is only
    possible from 2 up, since a [c] is at least 1, and never for a public total (see the module notes).
    """
    row, column = cell
    last_row, last_column = len(published.row_labels) - 1, len(published.column_labels) - 1
    raised_going_to_column = (row == last_row) == (column == last_column)
    can_lower = _value(published, cell) >= 2 and cell not in public
    row_node, column_node = ("row", row), ("column", column)
    moves = []
    if raised_going_to_column or can_lower:
        moves.append((row_node, column_node))
    if not raised_going_to_column or can_lower:
        moves.append((column_node, row_node))
    return moves


def _disclosed(published: PublishedTable, hidden: set[Cell], public: frozenset[Cell]) -> list[Cell]:
    return [cell for cell in sorted(hidden) if not _on_protecting_loop(published, hidden, cell, public)]


def _on_protecting_loop(published: PublishedTable, hidden: set[Cell], cell: Cell, public: frozenset[Cell]) -> bool:
    links: dict[_Node, list[_Node]] = {}
    for other in hidden - {cell}:
        for start, end in _moves(published, other, public):
            links.setdefault(start, []).append(end)
    for start, end in _moves(published, cell, public):
        seen, waiting = {end}, [end]
        while waiting:
            node = waiting.pop()
            if node == start:
                return True
            for following in links.get(node, ()):
                if following not in seen:
                    seen.add(following)
                    waiting.append(following)
    return False


def _cheapest_loop(published: PublishedTable, hidden: set[Cell], exposed: Cell, public: frozenset[Cell]) -> set[Cell]:
    """The cells to hide so that `exposed` lies on a protecting loop, at the least cost (see the module notes),
    through `public` cells not yet hidden only if there is no other loop. A loop through them always exists."""
    loop = _cheapest_loop_without(published, hidden, exposed, public, public - hidden)
    if loop is None:
        loop = _cheapest_loop_without(published, hidden, exposed, public, frozenset())
    return loop - hidden


def _cheapest_loop_without(published: PublishedTable, hidden: set[Cell], exposed: Cell, public: frozenset[Cell],
                           excluded: frozenset[Cell]) -> Optional[set[Cell]]:
    links: dict[_Node, list[tuple[_Node, Cell, _Cost]]] = {}
    for cell in _cells(published):
        value = _value(published, cell)
        if cell != exposed and value > 0 and cell not in excluded:
            cost = (0, 0) if cell in hidden else (value, 1)
            for start, end in _moves(published, cell, public):
                links.setdefault(start, []).append((end, cell, cost))
    paths = [path for start, end in _moves(published, exposed, public)
             if (path := _cheapest_path(links, end, start)) is not None]
    return min(paths, key=lambda path: path[0])[1] if paths else None


def _cheapest_path(links: dict[_Node, list[tuple[_Node, Cell, _Cost]]], source: _Node,
                   target: _Node) -> Optional[tuple[_Cost, set[Cell]]]:
    """Dijkstra's shortest path; the arrival order breaks ties, so the path found first wins."""
    best: dict[_Node, _Cost] = {source: (0, 0)}
    came_by: dict[_Node, tuple[_Node, Cell]] = {}
    order = count()
    waiting = [((0, 0), next(order), source)]
    while waiting:
        cost, _, node = heapq.heappop(waiting)
        if node == target:
            cells = set()
            while node != source:
                node, cell = came_by[node]
                cells.add(cell)
            return cost, cells
        if cost > best[node]:
            continue
        for following, cell, step in links.get(node, ()):
            arrival = (cost[0] + step[0], cost[1] + step[1])
            if following not in best or arrival < best[following]:
                best[following] = arrival
                came_by[following] = (node, cell)
                heapq.heappush(waiting, (arrival, next(order), following))
    return None
