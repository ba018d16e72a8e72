"""Everything a board holds, read for its archive: the big tables a page at a time by id (keyset), never OFFSET.

Only what may leave the service is read: never invitation tokens or short codes (they open the survey), password
hashes, an alert's sealed evidence or a person's contact details; free text only de-identified, since nobody who
may export a board's data may read what people typed (only the safeguarding team sees what raised an alert).
Each page is a list of plain tuples whose first value is the row's id.
"""
from __future__ import annotations

from typing import Iterator, Optional

from sqlalchemy import case, or_
from sqlmodel import col, select

from ..db import session
from ..models import (Agency, Alert, AlertEvent, Answer, Area, Board, BoardAction, Comment, Invitation, MetricTarget,
                      Recording, Report, ReportFile, Response, RoleGrant, User)
from .boards import offered_surveys
from .responses import TEXT_CODE

PAGE = 2000

INVITATION_COLUMNS = ("id", "survey_id", "agency", "area", "work_kind", "risk_type", "risk_location", "language",
                      "max_uses", "uses", "expires_at", "created_at", "created_by", "batch")
FREE_TEXT_COLUMNS = ("answer_id", "response_id", "reference", "survey_id", "question_key", "submitted_at",
                     "text_deidentified", "analysed", "typed_text_still_held")
COMMENT_COLUMNS = ("comment_id", "response_id", "survey_id", "question_key", "submitted_at", "language",
                   "text_deidentified", "themes", "sentiment", "model_version", "analysed_at", "corrected_by",
                   "corrected_at")
ALERT_COLUMNS = ("id", "survey_id", "response_reference", "language", "mode", "status", "categories", "reasons",
                 "raised_at", "due_at", "acknowledged_at", "acknowledged_by", "escalated_at", "closed_at")
ALERT_HISTORY_COLUMNS = ("event_id", "alert_id", "at", "kind", "status", "note", "by")
ACTION_COLUMNS = ("id", "quarter", "theme", "you_said", "we_did", "status", "created_by", "created_at", "updated_at")
REPORT_COLUMNS = ("id", "quarter", "status", "requested_at", "requested_by", "finished_at", "files")
RECORDING_COLUMNS = ("id", "survey_id", "language", "question_key", "content_type", "size", "sha256",
                     "uploaded_at", "uploaded_by")
STAFF_COLUMNS = ("user_id", "name", "email", "role", "on", "active", "created_at", "last_sign_in_at")


def _pages(query, id_column, page: int = PAGE) -> Iterator[list[tuple]]:
    after = 0
    while True:
        rows = [tuple(row) for row in session().execute(query.where(id_column > after).order_by(id_column).limit(page))]
        if not rows:
            return
        yield rows
        after = rows[-1][0]


def invitations(board: Board) -> Iterator[list[tuple]]:
    query = (select(Invitation.id, Invitation.survey_id, Invitation.agency, Invitation.area, Invitation.work_kind,
                    Invitation.risk_type, Invitation.risk_location, Invitation.language, Invitation.max_uses,
                    Invitation.uses, Invitation.expires_at, Invitation.created_at, User.email, Invitation.batch)
             .outerjoin(User, User.id == Invitation.created_by).where(Invitation.board_id == board.id))
    return _pages(query, Invitation.id)


def free_text(board: Board) -> Iterator[list[tuple]]:
    query = (select(Answer.id, Response.id, Response.reference, Response.survey_id, Answer.question_key,
                    Response.submitted_at, Comment.redacted, col(Comment.id).is_not(None),
                    case((Answer.text != "", True), else_=False))
             .join(Response, Response.id == Answer.response_id)
             .outerjoin(Comment, Comment.answer_id == Answer.id)
             .where(Response.board_id == board.id, Answer.code == TEXT_CODE))
    for rows in _pages(query, Answer.id):
        yield [(*row[:7], bool(row[7]), bool(row[8])) for row in rows]


def comments(board: Board) -> Iterator[list[tuple]]:
    query = (select(Comment.id, Comment.response_id, Comment.survey_id, Comment.question_key, Comment.submitted_at,
                    Comment.language, Comment.redacted, Comment.themes, Comment.sentiment, Comment.model_version,
                    Comment.analysed_at, User.email, Comment.corrected_at)
             .outerjoin(User, User.id == Comment.corrected_by).where(Comment.board_id == board.id))
    return _pages(query, Comment.id)


def _reasons(reasons: list) -> list[str]:
    """What raised the alert: category, how it was found and on which question (never what was said)."""
    return [f"{reason.get('category', '')} ({reason.get('source', '')} on "
            f"{reason.get('question_key') or 'the response'})" for reason in reasons]


def alerts(board: Board) -> Iterator[list[tuple]]:
    query = (select(Alert.id, Alert.survey_id, Response.reference, Alert.language, Alert.mode, Alert.status,
                    Alert.categories, Alert.reasons, Alert.raised_at, Alert.due_at, Alert.acknowledged_at,
                    User.email, Alert.escalated_at, Alert.closed_at)
             .outerjoin(Response, Response.id == Alert.response_id)
             .outerjoin(User, User.id == Alert.acknowledged_by).where(Alert.board_id == board.id))
    for rows in _pages(query, Alert.id):
        yield [(*row[:7], _reasons(row[7]), *row[8:]) for row in rows]


def alert_history(board: Board) -> Iterator[list[tuple]]:
    query = (select(AlertEvent.id, AlertEvent.alert_id, AlertEvent.at, AlertEvent.kind, AlertEvent.status,
                    AlertEvent.note, User.email)
             .join(Alert, Alert.id == AlertEvent.alert_id)
             .outerjoin(User, User.id == AlertEvent.user_id).where(Alert.board_id == board.id))
    return _pages(query, AlertEvent.id)


def actions(board: Board) -> Iterator[list[tuple]]:
    query = (select(BoardAction.id, BoardAction.quarter, BoardAction.theme, BoardAction.you_said, BoardAction.we_did,
                    BoardAction.status, User.email, BoardAction.created_at, BoardAction.updated_at)
             .outerjoin(User, User.id == BoardAction.created_by).where(BoardAction.board_id == board.id))
    return _pages(query, BoardAction.id)


def reports(board: Board) -> list[tuple]:
    """The board's reports (a few a year), each with the kinds of file stored for it."""
    files: dict[int, list[str]] = {}
    for report_id, kind in session().execute(select(ReportFile.report_id, ReportFile.kind)
                                             .join(Report, Report.id == ReportFile.report_id)
                                             .where(Report.board_id == board.id).order_by(ReportFile.kind)):
        files.setdefault(report_id, []).append(kind)
    rows = session().execute(select(Report.id, Report.quarter, Report.status, Report.requested_at, User.email,
                                    Report.finished_at)
                             .outerjoin(User, User.id == Report.requested_by)
                             .where(Report.board_id == board.id).order_by(Report.id))
    return [(*row, files.get(row[0], [])) for row in rows]


def report_file(report_id: int, kind: str) -> bytes:
    """One stored file's bytes, read on its own: a PDF can be megabytes."""
    return session().get(ReportFile, (report_id, kind)).content


def recordings(board: Board) -> list[tuple]:
    """The board's recordings, without their audio (read one at a time by recording_audio)."""
    query = (select(Recording.id, Recording.survey_id, Recording.language, Recording.question_key,
                    Recording.content_type, Recording.size, Recording.sha256, Recording.uploaded_at, User.email)
             .outerjoin(User, User.id == Recording.uploaded_by).where(Recording.board_id == board.id))
    return [tuple(row) for row in session().execute(query.order_by(Recording.id))]


def recording_audio(recording_id: int) -> bytes:
    return session().exec(select(Recording.data).where(Recording.id == recording_id)).one()


def settings(board: Board) -> list[tuple[str, object]]:
    """The board's settings as (setting, value): what administrators and officers set for it."""
    db = session()
    escalation_lead: Optional[User] = db.get(User, board.escalation_lead_id) if board.escalation_lead_id else None
    targets = db.exec(select(MetricTarget.metric, MetricTarget.target)
                      .where(MetricTarget.board_id == board.id).order_by(MetricTarget.metric)).all()
    places = {kind: list(db.exec(select(model.name).where(model.board_id == board.id).order_by(model.name)))
              for kind, model in (("agencies", Agency), ("areas", Area))}
    return [("slug", board.slug), ("name", board.name), ("kind", board.kind), ("help_phone", board.help_phone),
            ("help_text", board.help_text), ("quick_exit_url", board.quick_exit_url),
            ("brand_colour", board.brand_colour), ("logo", "logo.svg" if board.logo_svg else ""),
            ("languages", list(board.languages or []) or "every enabled language"),
            ("surveys", offered_surveys(board)), ("agencies", places["agencies"]), ("areas", places["areas"]),
            ("alert_ack_hours", board.alert_ack_hours),
            ("escalation_lead", escalation_lead.email if escalation_lead else ""),
            *((f"target.{metric}", target) for metric, target in targets),
            ("created_at", board.created_at)]


def staff(board: Board) -> list[tuple]:
    """Everyone who holds a role on the board, administrators (every board) included; never password hashes."""
    rows = session().execute(
        select(User.id, User.name, User.email, RoleGrant.role, RoleGrant.board_id, User.active, User.created_at,
               User.last_sign_in_at)
        .join(RoleGrant, RoleGrant.user_id == User.id)
        .where(or_(RoleGrant.board_id == board.id, col(RoleGrant.board_id).is_(None)))
        .order_by(User.email, RoleGrant.role))
    return [(*row[:4], "every board" if row[4] is None else "this board", *row[5:]) for row in rows]
