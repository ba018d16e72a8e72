"""A respondent's answers deleted at their request, found by the reference they were given when they sent them.

Everything that came from the response goes: its answers, what they typed, the comment made from it, and the
draft it was written in. A safeguarding alert it raised stays with the safeguarding team (its own encrypted
record of what was said, under its own retention period), no longer linked to any answers.
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import delete, update
from sqlmodel import select

from .. import codes
from ..db import session, transactional
from ..models import Alert, Answer, Comment, Draft, Response
from . import audit


def response_by_reference(text: str) -> Optional[Response]:
    reference = codes.normalise(text)
    if reference is None:
        return None
    return session().exec(select(Response).where(Response.reference == reference)).first()


@transactional
def erase(response_id: int) -> bool:
    """Delete the response and all that came from it; False if it was already gone (a second click)."""
    db = session()
    response = db.get(Response, response_id)
    if response is None:
        return False
    db.execute(delete(Comment).where(Comment.response_id == response.id))
    db.execute(delete(Answer).where(Answer.response_id == response.id))
    db.execute(update(Alert).where(Alert.response_id == response.id).values(response_id=None))
    if response.draft_id is not None:
        db.execute(update(Alert).where(Alert.draft_id == response.draft_id).values(draft_id=None))
        db.execute(delete(Draft).where(Draft.id == response.draft_id))
    db.delete(response)
    audit.record("response.erased", target=f"response:{response.id}", board_id=response.board_id,
                 detail={"survey": response.survey_id, "at_the_request_of": "respondent"})
    return True
