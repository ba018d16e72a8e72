"""Responses entered by advocates and workers on someone's behalf: store, list, read back and correct."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import delete
from sqlmodel import col, select

from ..db import session, transactional
from ..models import Answer, Board, Comment, Response, utcnow
from ..quarters import has_ended, quarter_of
from ..surveys.logic import variant_of
from ..surveys.model import Survey
from . import audit
from .responses import NOT_ANSWERED, TEXT_CODE, add_answers, new_reference

ENTRY_MODES = ("with_help", "on_behalf", "phone", "paper", "best_interests")


class EntryLocked(Exception):
    """The quarter the entry was submitted in has ended: its figures may already be in a board's report."""


class NotTheAuthor(Exception):
    """Only the person who entered a response may correct it."""


def is_locked(response: Response, now: Optional[datetime] = None) -> bool:
    return has_ended(quarter_of(response.submitted_at), now or utcnow())


def entries_by(user_id: int) -> list[tuple[Response, Board]]:
    """This person's entries, newest first, with their boards."""
    return list(session().exec(
        select(Response, Board).join(Board, Board.id == Response.board_id)
        .where(Response.entered_by == user_id)
        .order_by(col(Response.submitted_at).desc(), col(Response.id).desc())
    ).all())


def entry_and_board(response_id: int) -> tuple[Optional[Response], Optional[Board]]:
    """An entered response (never a self-completed one) and its board."""
    row = session().exec(
        select(Response, Board).join(Board, Board.id == Response.board_id)
        .where(Response.id == response_id, col(Response.entered_by).is_not(None))
    ).first()
    return row if row is not None else (None, None)


def responses_by_id(response_ids: list[int]) -> list[Response]:
    return list(session().exec(select(Response).where(Response.id.in_(response_ids)).order_by(Response.id)))


def stored_answers(response: Response) -> dict:
    """The Answer rows back as answers (key -> {"o": [...], "t": ...}), to pre-fill a correction."""
    answers: dict = {}
    rows = session().exec(select(Answer).where(Answer.response_id == response.id).order_by(Answer.id))
    for row in rows:
        answer = answers.setdefault(row.question_key, {"o": [], "t": ""})
        if row.code == TEXT_CODE:
            answer["t"] = row.text or ""
        elif row.code != NOT_ANSWERED and row.option_key:
            answer["o"].append(row.option_key)
    return answers


@transactional
def create_entry(*, survey: Survey, board: Board, mode: str, language: str, answers: dict, user_id: int,
                 then=None) -> Response:
    """One response and all its answers in one transaction. The audit detail never holds answer text."""
    if mode not in ENTRY_MODES:
        raise ValueError(f"unknown mode {mode!r}; modes are {ENTRY_MODES}")
    now = utcnow()
    response = Response(
        reference=new_reference(), survey_id=survey.id, survey_version=survey.version,
        variant=variant_of(survey, answers), language=language, mode=mode, board_id=board.id,
        started_at=now, submitted_at=now, entered_by=user_id,
    )
    session().add(response)
    session().flush()
    add_answers(response, survey, answers)
    if then is not None:  # a safeguarding alert, stored with the entry or not at all
        then(response)
    audit.record("response.create", target=f"response:{response.id}", board_id=board.id,
                 detail={"reference": response.reference, "survey": survey.ref, "mode": mode})
    return response


@transactional
def update_entry(response: Response, survey: Survey, answers: dict, *, user_id: int, then=None) -> Response:
    """Replace the answers of an entry, checked again inside the transaction: author only, until locked."""
    db = session()
    db.refresh(response)
    if response.entered_by != user_id:
        raise NotTheAuthor()
    if is_locked(response):
        raise EntryLocked()
    # Its comments were analysed from the old answers: the worker analyses the new ones.
    db.execute(delete(Comment).where(Comment.response_id == response.id))
    db.execute(delete(Answer).where(Answer.response_id == response.id))
    add_answers(response, survey, answers)
    response.variant = variant_of(survey, answers)
    response.updated_at = utcnow()
    db.add(response)
    if then is not None:
        then(response)
    audit.record("response.update", target=f"response:{response.id}", board_id=response.board_id,
                 detail={"reference": response.reference, "survey": survey.ref})
    return response
