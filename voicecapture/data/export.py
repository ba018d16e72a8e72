"""A board's responses read for export, a page at a time by id (keyset), never by OFFSET.

An OFFSET query reads and throws away every earlier row, so paging through N rows costs O(N^2); a keyset
page starts from the last id seen, so the whole export is one pass over the index.
"""
from __future__ import annotations

from typing import Iterator

from sqlalchemy import DateTime, text

from ..db import session
from ..models import Board

PAGE = 5000

RESPONSE_COLUMNS = ("id", "reference", "survey_id", "survey_version", "variant", "language", "mode", "agency", "area",
                    "work_kind", "risk_type", "risk_location", "started_at", "submitted_at")

# Typed, so that SQLite's text comes back as datetimes, as PostgreSQL's values do.
TIME_COLUMNS = {"started_at": DateTime, "submitted_at": DateTime}

# Plain SQL: this is the hot loop of a 100,000-row export, and the ORM's per-row objects would dominate it.
_RESPONSES = text(f"SELECT {', '.join(RESPONSE_COLUMNS)} FROM response "
                  "WHERE board_id = :board AND id > :after ORDER BY id LIMIT :page").columns(**TIME_COLUMNS)
# Ordered by the response's id, then the answer's: SQLite then reads answers through ix_answer_response_id in
# the order it wants them, with no sort.
_ANSWERS = text("SELECT a.response_id, a.question_key, a.code FROM response r JOIN answer a ON a.response_id = r.id "
                "WHERE r.board_id = :board AND r.id BETWEEN :first AND :last AND a.code != 'TEXT' "
                "ORDER BY r.id, a.id")
_COMMENTS = text("SELECT response_id, question_key, redacted FROM comment "
                 "WHERE board_id = :board AND response_id BETWEEN :first AND :last")


def response_pages(board: Board, page: int = PAGE) -> Iterator[tuple[list[tuple], Iterator[tuple], dict]]:
    """Pages of (responses, their answers, their free text) as `answers_of` gives them."""
    connection = session().connection()
    after = 0
    while True:
        # Plain tuples: quicker to build, and to read 50 cells from, than Rows.
        rows = [tuple(row) for row in connection.execute(_RESPONSES, {"board": board.id, "after": after, "page": page})]
        if not rows:
            return
        yield rows, *answers_of(connection, board, rows)
        after = rows[-1][0]


def answers_of(connection, board: Board, rows: list[tuple]) -> tuple[Iterator[tuple], dict[int, list[tuple]]]:
    """For a page of responses (in id order): their coded answers as (response id, question key, code), in the
    same order and, within a response, in the order given; and their free text, de-identified only, as
    {response id: [(question key, text)]}. The answers stream: a page has some 65,000 of them."""
    bounds = {"board": board.id, "first": rows[0][0], "last": rows[-1][0]}
    comments: dict[int, list[tuple]] = {}
    for response_id, key, redacted in connection.execute(_COMMENTS, bounds):
        comments.setdefault(response_id, []).append((key, redacted))
    return iter(connection.execute(_ANSWERS, bounds)), comments
