"""A board's responses read for export, a page at a time by id (keyset), never by OFFSET.

An OFFSET query reads and throws away every earlier row, so paging through N rows costs O(N^2); a keyset
page starts from the last id seen, so the whole export is one pass over the index.
"""
from __future__ import annotations

from typing import Iterator

from sqlalchemy import text

from ..db import session
from ..models import Board

PAGE = 5000

RESPONSE_COLUMNS = ("id", "reference", "survey_id", "survey_version", "variant", "language", "mode", "agency", "area",
                    "work_kind", "risk_type", "risk_location", "started_at", "submitted_at")

# Plain SQL: this is the hot loop of a 100,000-row export, and the ORM's per-row objects would dominate it.
_RESPONSES = text(f"SELECT {', '.join(RESPONSE_COLUMNS)} FROM response "
                  "WHERE board_id = :board AND id > :after ORDER BY id LIMIT :page")
_ANSWERS = text("SELECT a.response_id, a.question_key, a.option_key, a.code FROM answer a "
                "JOIN response r ON r.id = a.response_id WHERE r.board_id = :board "
                "AND a.response_id BETWEEN :first AND :last AND a.code != 'TEXT' ORDER BY a.response_id, a.id")
_COMMENTS = text("SELECT response_id, question_key, redacted FROM comment "
                 "WHERE board_id = :board AND response_id BETWEEN :first AND :last")


def response_pages(board: Board, page: int = PAGE) -> Iterator[tuple[list[tuple], dict[int, list[tuple]]]]:
    """Pages of (responses, {response id: [(question key, option key, code) ...]}), with free text only in its
    de-identified form: [(question key, "", text)]."""
    connection = session().connection()
    after = 0
    while True:
        rows = connection.execute(_RESPONSES, {"board": board.id, "after": after, "page": page}).all()
        if not rows:
            return
        bounds = {"board": board.id, "first": rows[0][0], "last": rows[-1][0]}
        answers: dict[int, list[tuple]] = {}
        for response_id, key, option, code in connection.execute(_ANSWERS, bounds):
            answers.setdefault(response_id, []).append((key, option, code))
        for response_id, key, redacted in connection.execute(_COMMENTS, bounds):
            answers.setdefault(response_id, []).append((key, "", redacted))
        yield rows, answers
        after = bounds["last"]
