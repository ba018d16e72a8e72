from __future__ import annotations

from typing import Optional

from sqlmodel import select

from ..db import session, transactional
from ..models import Board, BoardSurvey


def get_board(board_id: int) -> Optional[Board]:
    return session().get(Board, board_id)


def board_by_slug(slug: str) -> Optional[Board]:
    return session().exec(select(Board).where(Board.slug == slug)).first()


def list_boards() -> list[Board]:
    return list(session().exec(select(Board).order_by(Board.slug)))


def offers_survey(board: Board, survey_id: str) -> bool:
    return session().get(BoardSurvey, (board.id, survey_id)) is not None


@transactional
def upsert_board(slug: str, name: str, kind: str = "adults", help_phone: str = "", help_text: str = "",
                 surveys: tuple[str, ...] = ()) -> Board:
    db = session()
    board = board_by_slug(slug) or Board(slug=slug, name=name)
    board.name, board.kind, board.help_phone, board.help_text = name, kind, help_phone, help_text
    db.add(board)
    db.flush()
    for survey_id in surveys:
        if db.get(BoardSurvey, (board.id, survey_id)) is None:
            db.add(BoardSurvey(board_id=board.id, survey_id=survey_id))
    return board
