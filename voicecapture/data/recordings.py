"""Boards' recordings for "Listen": one row per board, survey, language and question, the audio included."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from ..db import session, transactional
from ..models import Board, Recording, utcnow
from . import audit


@dataclass(frozen=True)
class RecordingInfo:
    """A recording as the staff page lists it: everything but the audio, which is never loaded for a list."""
    question_key: str
    content_type: str
    size: int
    uploaded_at: datetime


def _by_slug(board_slug: str, survey_id: str, language: str):
    return (Board.slug == board_slug, Recording.survey_id == survey_id, Recording.language == language)


def get(board_slug: str, survey_id: str, language: str, key: str) -> Optional[Recording]:
    """The recording with its audio, for serving."""
    return session().exec(select(Recording).join(Board, Board.id == Recording.board_id)
                          .where(*_by_slug(board_slug, survey_id, language), Recording.question_key == key)).first()


def recorded_keys(board_slug: str, survey_id: str, language: str) -> set[str]:
    """The questions the board has a recording of in this language: one query, however many questions."""
    return set(session().exec(select(Recording.question_key).join(Board, Board.id == Recording.board_id)
                              .where(*_by_slug(board_slug, survey_id, language))))


def list_for_board(board: Board, survey_id: str, language: str) -> dict[str, RecordingInfo]:
    """The board's recordings of one survey in one language, by question key."""
    rows = session().exec(
        select(Recording.question_key, Recording.content_type, Recording.size, Recording.uploaded_at)
        .where(Recording.board_id == board.id, Recording.survey_id == survey_id, Recording.language == language))
    return {row[0]: RecordingInfo(*row) for row in rows}


def _row(board: Board, survey_id: str, language: str, key: str) -> Optional[Recording]:
    return session().exec(select(Recording).where(
        Recording.board_id == board.id, Recording.survey_id == survey_id, Recording.language == language,
        Recording.question_key == key)).first()


def _what(survey_id: str, language: str, key: str) -> dict:
    return {"survey": survey_id, "language": language, "question": key}


def save(board: Board, survey_id: str, language: str, key: str, content_type: str, data: bytes,
         uploaded_by: Optional[int] = None) -> Recording:
    """Store a recording, replacing the one the board had for this question and language."""
    try:
        return _store(board, survey_id, language, key, content_type, data, uploaded_by)
    except IntegrityError:
        # Someone stored the first recording of this question at the same moment: replace theirs.
        return _store(board, survey_id, language, key, content_type, data, uploaded_by)


@transactional
def _store(board: Board, survey_id: str, language: str, key: str, content_type: str, data: bytes,
           uploaded_by: Optional[int]) -> Recording:
    recording = _row(board, survey_id, language, key)
    replacing = recording is not None
    recording = recording or Recording(board_id=board.id, survey_id=survey_id, language=language, question_key=key)
    recording.content_type, recording.data, recording.size = content_type, data, len(data)
    recording.sha256 = hashlib.sha256(data).hexdigest()
    recording.uploaded_by, recording.uploaded_at = uploaded_by, utcnow()
    session().add(recording)
    session().flush()
    audit.record("recording.replace" if replacing else "recording.add", target=f"recording:{recording.id}",
                 board_id=board.id, detail={**_what(survey_id, language, key), "size": recording.size,
                                            "sha256": recording.sha256})
    return recording


@transactional
def delete(board: Board, survey_id: str, language: str, key: str) -> bool:
    recording = _row(board, survey_id, language, key)
    if recording is None:
        return False
    session().delete(recording)
    audit.record("recording.remove", target=f"recording:{recording.id}", board_id=board.id,
                 detail=_what(survey_id, language, key))
    return True
