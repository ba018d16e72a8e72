"""Where a board may have a recording: a question of a published survey it offers, in a language it offers."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from flask import current_app

from ..data import boards
from ..i18n import Language, board_languages
from ..models import Board
from ..surveys.model import Question, Survey


@dataclass(frozen=True)
class Place:
    board: Board
    survey: Survey
    language: Language
    question: Question


def surveys(board: Board) -> list[Survey]:
    """The newest published version of each survey the board offers: recordings are per question key."""
    catalogue = current_app.extensions["surveys"]
    return [survey for survey in map(catalogue.get, boards.offered_surveys(board)) if survey is not None]


def find(board_slug: str, survey_id: str, language: str, key: str) -> tuple[Optional[Place], str]:
    """The place, or None and why there is none."""
    board = boards.board_by_slug(board_slug)
    if board is None:
        return None, f"there is no board “{board_slug}”"
    survey = next((s for s in surveys(board) if s.id == survey_id), None)
    if survey is None:
        return None, (f"{board.slug} does not offer a survey “{survey_id}”; it offers "
                      f"{', '.join(s.id for s in surveys(board)) or 'none'}")
    offered = board_languages(board)
    if language not in offered:
        return None, f"{board.slug} does not offer the language “{language}”; it offers {', '.join(offered)}"
    question = survey.question(key)
    if question is None:
        keys = ", ".join(q.key for q in survey.questions)
        return None, f"{survey.id} has no question “{key}”; its questions are {keys}"
    return Place(board, survey, offered[language], question), ""
