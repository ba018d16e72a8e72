"""Drafts (answers in progress) and the one-transaction submission that turns a draft into a response."""
from __future__ import annotations

from datetime import timedelta
from typing import Optional

from sqlalchemy import bindparam, func, insert, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from .. import codes
from ..db import session, transaction, transactional
from ..models import Answer, Board, Draft, Invitation, Response, utcnow
from ..surveys.logic import is_blank, kept_answers, variant_of
from ..surveys.model import Survey
from .invitations import new_token

NOT_ANSWERED = "NOT_ANSWERED"
TEXT_CODE = "TEXT"
# Where a response came from, copied from its invitation: what reports break figures down by.
CONTEXT_FIELDS = ("agency", "area", "work_kind", "risk_type", "risk_location")


class LinkUsedUp(Exception):
    """The invitation was used up by someone else between starting and sending."""


def new_reference() -> str:
    return codes.new_code()


def draft_by_token(token: str) -> Optional[Draft]:
    if not token or len(token) > 64:
        return None
    return session().exec(select(Draft).where(Draft.token == token)).first()


# Built once: composing a statement costs more than running it, and every respondent page runs this one.
_DRAFT_AND_BOARD = (select(Draft, Board).join(Board, Board.id == Draft.board_id)
                    .where(Draft.token == bindparam("token")))


def draft_and_board(token: str) -> tuple[Optional[Draft], Optional[Board]]:
    """Every page of a draft needs both: one query."""
    if not token or len(token) > 64:
        return None, None
    row = session().exec(_DRAFT_AND_BOARD, params={"token": token}).first()
    return row if row is not None else (None, None)


def open_draft_for_invitation(invitation: Invitation) -> Optional[Draft]:
    return session().exec(
        select(Draft).where(Draft.invitation_id == invitation.id, Draft.status == "open", Draft.expires_at > utcnow())
        .order_by(Draft.created_at.desc())
    ).first()


@transactional
def start_draft(survey: Survey, board: Board, language: str, *, invitation: Optional[Invitation] = None,
                mode: str = "self", draft_days: int = 7) -> Draft:
    """A new draft; a single-use link resumes its open draft instead, so the same link carries on."""
    if invitation is not None and invitation.max_uses == 1:
        existing = open_draft_for_invitation(invitation)
        if existing is not None:
            return existing
    now = utcnow()
    draft = Draft(token=new_token(), survey_id=survey.id, survey_version=survey.version, language=language,
                  mode=mode, board_id=board.id, invitation_id=invitation.id if invitation else None,
                  answers={}, created_at=now, updated_at=now, expires_at=now + timedelta(days=draft_days))
    session().add(draft)
    return draft


@transactional
def save_answers(draft: Draft, answers: dict) -> Draft:
    """Record one or more answers (question key -> answer) in one transaction."""
    draft.answers = {**draft.answers, **answers}  # a new dict, so the JSON column is written
    draft.updated_at = utcnow()
    session().add(draft)
    return draft


@transactional
def set_draft_language(draft: Draft, language: str) -> Draft:
    draft.language = language
    session().add(draft)
    return draft


def response_for_draft(draft: Draft) -> Optional[Response]:
    return session().exec(select(Response).where(Response.draft_id == draft.id)).first()


def answer_values(survey: Survey, answers: dict) -> list[dict]:
    """A response's answer rows as column values (all but response_id): one per question, or one per option."""
    rows = []
    for key, answer in kept_answers(survey, answers).items():
        question = survey.question(key)
        if is_blank(answer):
            rows.append({"question_key": key, "option_key": "", "code": NOT_ANSWERED, "text": None})
        elif question.is_text:
            rows.append({"question_key": key, "option_key": "", "code": TEXT_CODE, "text": answer["t"]})
        else:
            rows += [{"question_key": key, "option_key": o, "code": question.option(o).code, "text": None}
                     for o in answer["o"]]
    return rows


def answer_rows(survey: Survey, answers: dict) -> list[Answer]:
    return [Answer(**values) for values in answer_values(survey, answers)]


def add_answers(response: Response, survey: Survey, answers: dict) -> None:
    """Add a stored response's answer rows to the current transaction (the response must have its id)."""
    for row in answer_rows(survey, answers):
        row.response_id = response.id
        session().add(row)


def submit(draft: Draft, survey: Survey, then=None) -> Response:
    """Store the response and all its answers in one transaction, exactly once per draft.

    `then(response)` runs inside that transaction (raising a safeguarding alert with the response, so one is
    never stored without the other). A second submission of the same draft (double click, refresh, back button, two tabs) finds the
    draft already claimed and returns the response the first one stored.
    """
    try:
        with transaction() as db:
            claimed = db.execute(
                update(Draft).where(Draft.id == draft.id, Draft.status == "open").values(status="submitted")
            ).rowcount
            if not claimed:
                db.rollback()
                return _existing_response(draft)
            invitation = db.get(Invitation, draft.invitation_id) if draft.invitation_id else None
            if invitation is not None and not _take_a_use(db, invitation):
                raise LinkUsedUp()
            response = Response(
                reference=new_reference(), draft_id=draft.id, survey_id=survey.id, survey_version=survey.version,
                variant=variant_of(survey, draft.answers), language=draft.language, mode=draft.mode,
                board_id=draft.board_id, invitation_id=draft.invitation_id, started_at=draft.created_at,
                **_context(invitation),
            )
            db.add(response)
            db.flush()
            add_answers(response, survey, draft.answers)
            db.execute(update(Draft).where(Draft.id == draft.id).values(response_id=response.id, answers={}))
            if then is not None:
                then(response)
            return response
    except IntegrityError:
        # Another process stored this draft's response at the same moment: that one stands.
        return _existing_response(draft)


def _existing_response(draft: Draft) -> Response:
    session().expire_all()
    response = response_for_draft(draft)
    if response is None:
        raise RuntimeError(f"draft {draft.id} is marked submitted but has no response")
    return response


def _take_a_use(db, invitation: Invitation) -> bool:
    return bool(db.execute(
        update(Invitation)
        .where(Invitation.id == invitation.id, or_(Invitation.max_uses.is_(None), Invitation.uses < Invitation.max_uses))
        .values(uses=Invitation.uses + 1)
    ).rowcount)


def _context(invitation: Optional[Invitation]) -> dict:
    if invitation is None:
        return {}
    return {name: getattr(invitation, name) for name in CONTEXT_FIELDS}


def count_responses() -> int:
    return session().exec(select(func.count()).select_from(Response)).one()


def answers_of(response: Response) -> list[Answer]:
    return list(session().exec(select(Answer).where(Answer.response_id == response.id).order_by(Answer.id)))


_RESPONSES = Response.__table__
_ANSWERS = Answer.__table__


@transactional
def store_responses(items: list[dict]) -> list[int]:
    """Store complete synthetic responses given directly (demo data; staff entries use data.entries), and
    return their ids.

    Each item: survey, board_id, answers, language, mode, submitted_at, and optional context fields.
    Every row of the batch goes in through Core INSERTs: ORM objects would take an hour over a million.
    """
    if not items:
        return []
    db = session()
    references = _unused_references(len(items))
    ids = dict(db.execute(insert(_RESPONSES).returning(_RESPONSES.c.reference, _RESPONSES.c.id),
                          [_response_values(item, reference) for item, reference in zip(items, references)]).all())
    answers = [{**values, "response_id": ids[reference]} for item, reference in zip(items, references)
               for values in answer_values(item["survey"], item["answers"])]
    if answers:
        db.execute(insert(_ANSWERS), answers)
    return [ids[reference] for reference in references]


def _unused_references(count: int) -> list[str]:
    """`count` new references, unlike each other and every stored one: among a million responses two random
    codes are as likely as not to be the same."""
    references: set[str] = set()
    while len(references) < count:
        candidates = {new_reference() for _ in range(count - len(references))} - references
        taken = session().exec(select(Response.reference).where(Response.reference.in_(list(candidates)))).all()
        references |= candidates - set(taken)
    return list(references)


def _response_values(item: dict, reference: str) -> dict:
    survey = item["survey"]
    return {"reference": reference, "survey_id": survey.id, "survey_version": survey.version,
            "variant": variant_of(survey, item["answers"]), "language": item["language"],
            "mode": item.get("mode", "self"), "board_id": item["board_id"], "started_at": item["submitted_at"],
            "submitted_at": item["submitted_at"], **{name: item.get(name, "") for name in CONTEXT_FIELDS}}
