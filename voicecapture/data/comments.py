"""Free-text answers and their analysis (language, de-identified text, themes, sentiment).

The raw text stays in Answer (until FREE_TEXT_RETENTION_DAYS clears it); the worker reads it here, analyses it
and writes a Comment row, which is what reports and analysts see. Writing is idempotent: one Comment per answer, whatever runs twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Optional

from sqlalchemy import func, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import col, select

from ..db import session, transactional
from ..models import Answer, Board, Comment, Response, utcnow
from . import audit
from .responses import TEXT_CODE


@dataclass(frozen=True)
class PendingText:
    """A free-text answer waiting for analysis."""
    answer_id: int
    response_id: int
    board_id: int
    submitted_at: datetime
    survey_id: str
    question_key: str
    text: str


def _pending_query():
    return (select(Answer.id, Answer.response_id, Response.board_id, Response.submitted_at, Response.survey_id,
                   Answer.question_key, Answer.text)
            .join(Response, Response.id == Answer.response_id)
            .outerjoin(Comment, Comment.answer_id == Answer.id)
            .where(Answer.code == TEXT_CODE, Answer.text != "", col(Comment.id).is_(None)))


def pending_texts(limit: int, *, response_ids: Optional[Iterable[int]] = None,
                  board_id: Optional[int] = None) -> list[PendingText]:
    """Free-text answers with no analysis yet, oldest first."""
    query = _pending_query()
    if response_ids is not None:
        query = query.where(col(Answer.response_id).in_(list(response_ids)))
    if board_id is not None:
        query = query.where(Response.board_id == board_id)
    return [PendingText(*row) for row in session().exec(query.order_by(Answer.id).limit(limit)).all()]


def _insert_ignoring_duplicates():
    """INSERT ... ON CONFLICT DO NOTHING on the answer, so two workers analysing one answer store one row."""
    dialect = session().get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(Comment).on_conflict_do_nothing(index_elements=["answer_id"])


@transactional
def store_analyses(rows: list[dict]) -> None:
    """Store analysed comments: dicts with PendingText's fields (but text) and language, redacted, themes,
    scores, sentiment and model_version."""
    if rows:
        # executemany: one prepared statement for the batch, rather than a new multi-row statement per batch
        session().execute(_insert_ignoring_duplicates(), rows)


def needing_reanalysis(model_version: str, limit: int, board_id: Optional[int] = None,
                       since: Optional[datetime] = None) -> list[tuple[int, str]]:
    """(comment id, raw text) of comments themed by an older model and not corrected by an analyst.

    Not those whose text was cleared at the end of its retention period: themed from nothing, they would lose
    the themes reports count."""
    query = (select(Comment.id, Answer.text).join(Answer, Answer.id == Comment.answer_id)
             .where(Comment.model_version != model_version, col(Comment.corrected_by).is_(None), Answer.text != ""))
    if board_id is not None:
        query = query.where(Comment.board_id == board_id)
    if since is not None:
        query = query.where(Comment.submitted_at >= since)
    return list(session().exec(query.order_by(Comment.id).limit(limit)).all())


@transactional
def update_analyses(updates: list[dict]) -> None:
    """Re-themed comments: dicts with id, themes, scores, sentiment, model_version. Analysts' corrections win."""
    for values in updates:
        session().execute(update(Comment).where(Comment.id == values["id"], col(Comment.corrected_by).is_(None))
                          .values(**{k: v for k, v in values.items() if k != "id"}, analysed_at=utcnow()))


def corrections() -> list[tuple[str, tuple[str, ...]]]:
    """(de-identified text, themes) of every comment an analyst corrected: training examples for the model."""
    rows = session().exec(select(Comment.redacted, Comment.themes).where(col(Comment.corrected_by).is_not(None))
                          .order_by(Comment.id)).all()
    return [(text, tuple(themes)) for text, themes in rows]


def corrections_fingerprint() -> str:
    """Changes whenever an analyst corrects a comment, so a cached model knows to retrain."""
    count, latest = session().exec(select(func.count(), func.max(Comment.corrected_at))
                                   .where(col(Comment.corrected_by).is_not(None))).one()
    return f"{count}:{latest.isoformat() if latest else ''}"


def board_comments(board: Board, start: datetime, end: datetime, *, theme: str = "", after_id: int = 0,
                   limit: int = 50) -> list[Comment]:
    """A page of a board's analysed comments in a period, keyset-paginated by id."""
    query = select(Comment).where(Comment.board_id == board.id, Comment.submitted_at >= start,
                                  Comment.submitted_at < end, Comment.id > after_id)
    rows = session().exec(query.order_by(Comment.id)).all() if theme else \
        session().exec(query.order_by(Comment.id).limit(limit)).all()
    if theme:  # themes are a JSON list: filtered here so the query is the same on SQLite and PostgreSQL
        rows = [row for row in rows if theme in row.themes][:limit]
    return list(rows)


def get_comment(board: Board, comment_id: int) -> Optional[Comment]:
    comment = session().get(Comment, comment_id)
    return comment if comment is not None and comment.board_id == board.id else None


@transactional
def correct_themes(comment: Comment, themes: list[str], sentiment: str, user_id: int) -> None:
    """An analyst's themes and sentiment for a comment; kept from now on and used to teach the model."""
    before = {"themes": list(comment.themes), "sentiment": comment.sentiment}
    session().execute(update(Comment).where(Comment.id == comment.id).values(
        themes=sorted(themes), sentiment=sentiment, corrected_by=user_id, corrected_at=utcnow()))
    audit.record("comment.correct", target=f"comment:{comment.id}", board_id=comment.board_id,
                 detail={"before": before, "after": {"themes": sorted(themes), "sentiment": sentiment}})
