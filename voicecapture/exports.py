"""A board's responses as one CSV: a row per response, a column per question (answer codes; free text only
de-identified), streamed a page at a time so memory stays flat however many responses there are."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timezone
from typing import Iterable, Iterator

from .data import export
from .models import Board
from .reports.render import inert


def question_columns(surveys: Iterable) -> list[str]:
    """Every question key, in the order the surveys ask them; a key shared by surveys is one column."""
    columns: dict[str, None] = {}
    for survey in surveys:
        for question in survey.questions:
            columns.setdefault(question.key, None)
    return list(columns)


def responses_csv(board: Board, surveys: Iterable) -> Iterator[str]:
    """CSV text in chunks (one per page of responses), header first."""
    questions = question_columns(surveys)
    position = {key: index for index, key in enumerate(questions)}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(export.RESPONSE_COLUMNS + tuple(questions))
    yield "\ufeff" + buffer.getvalue()  # byte-order mark: spreadsheets then read every script as UTF-8
    for rows, answers, comments in export.response_pages(board):
        buffer.seek(0)
        buffer.truncate()
        safe = InertValues()
        answer = next(answers, None)
        for row in rows:
            cells = [""] * len(questions)
            while answer is not None and answer[0] == row[0]:  # the answers come in the same order as the rows
                _put(cells, position.get(answer[1]), answer[2])
                answer = next(answers, None)
            for key, text in comments.get(row[0], ()):
                _put(cells, position.get(key), text)
            writer.writerow(map(safe.__getitem__, (*row, *cells)))
        yield buffer.getvalue()


def table_csv(columns: Iterable[str], pages: Iterable[list[tuple]]) -> Iterator[str]:
    """Any table as CSV text in chunks (one per page of rows), header first, like responses_csv: dates as ISO 8601,
    yes/no for true/false, lists joined with ";", and every cell safe to open in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    yield "\ufeff" + buffer.getvalue()
    for rows in pages:
        buffer.seek(0)
        buffer.truncate()
        safe = InertValues()
        for row in rows:
            writer.writerow([safe[plain(value)] for value in row])  # plain first: True and 1 are one key
        yield buffer.getvalue()


def plain(value) -> str:
    """A value as a spreadsheet cell shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return utc_time(value)
    if isinstance(value, (list, tuple)):
        return ";".join(map(plain, value))
    return str(value)


def utc_time(moment: datetime) -> str:
    """'YYYY-MM-DD HH:MM:SS' in UTC, whichever database it came from (PostgreSQL gives times with their zone,
    SQLite without; both hold UTC)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.isoformat(sep=" ", timespec="seconds")


def _put(cells: list[str], index, value: str) -> None:
    """A value into its question's cell; a question with several answers gets them all, separated by ";"."""
    if index is not None:
        cells[index] = f"{cells[index]};{value}" if cells[index] else value


class InertValues(dict):
    """Each distinct value as its cell shows it (plain) and made safe (inert), worked out once: most cells of a
    page repeat a few dozen answer codes. Keys are compared by value, so give mixed booleans and numbers as
    plain() text."""

    def __missing__(self, value) -> str:
        self[value] = safe = inert(plain(value))
        return safe
