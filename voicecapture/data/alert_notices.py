"""Who is emailed about an alert, and which of those emails are still to send."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import update
from sqlmodel import select

from ..db import session, transactional
from ..models import Alert, AlertNotice, Board, RoleGrant, User, utcnow

MAX_ATTEMPTS = 8  # then the queue page shows the email as failed; the alert itself is in the queue regardless


def _users(query) -> list[User]:
    return list(session().exec(query.where(User.active.is_(True)).distinct().order_by(User.id)))


def board_leads(board_id: int) -> list[User]:
    return _users(select(User).join(RoleGrant, RoleGrant.user_id == User.id)
                  .where(RoleGrant.role == "safeguarding_lead", RoleGrant.board_id == board_id))


def administrators() -> list[User]:
    return _users(select(User).join(RoleGrant, RoleGrant.user_id == User.id)
                  .where(RoleGrant.role == "administrator", RoleGrant.board_id.is_(None)))


def first_recipients(board: Board) -> list[User]:
    """The board's safeguarding leads, keeping its escalation lead for escalations when there are others; with
    no lead at all, the administrators, so an alert always reaches a person."""
    leads = board_leads(board.id)
    others = [user for user in leads if user.id != board.escalation_lead_id]
    return others or leads or administrators()


def escalation_recipients(board: Board) -> list[User]:
    """The board's escalation lead; with none set, every lead and the administrators."""
    leads = board_leads(board.id)
    chosen = [user for user in leads if user.id == board.escalation_lead_id]
    return chosen or (leads + [user for user in administrators() if user not in leads])


def add_notices(alert: Alert, kind: str, recipients: list[User]) -> None:
    """Emails to send, in the caller's transaction; one per alert, kind and person however often it is asked."""
    db = session()
    existing = set(db.exec(select(AlertNotice.user_id).where(AlertNotice.alert_id == alert.id,
                                                              AlertNotice.kind == kind)))
    for user in recipients:
        if user.id not in existing:
            db.add(AlertNotice(alert_id=alert.id, kind=kind, user_id=user.id))


def unsent(alert_id: int) -> list[tuple[AlertNotice, User]]:
    return list(session().exec(
        select(AlertNotice, User).join(User, User.id == AlertNotice.user_id)
        .where(AlertNotice.alert_id == alert_id, AlertNotice.sent_at.is_(None),
               AlertNotice.attempts < MAX_ATTEMPTS).order_by(AlertNotice.id)))


def alerts_with_unsent(created_before: datetime) -> list[int]:
    """Alerts with an email not sent yet, queued a while ago (the sweep sends them again)."""
    return list(session().exec(
        select(AlertNotice.alert_id).where(AlertNotice.sent_at.is_(None), AlertNotice.attempts < MAX_ATTEMPTS,
                                           AlertNotice.created_at <= created_before).distinct()))


@transactional
def mark_sent(notice_id: int) -> bool:
    """True if this call marked it (a duplicate message finds it already sent)."""
    return bool(session().execute(update(AlertNotice).where(AlertNotice.id == notice_id, AlertNotice.sent_at.is_(None))
                                  .values(sent_at=utcnow())).rowcount)


@transactional
def mark_failed(notice_id: int, error: str) -> None:
    session().execute(update(AlertNotice).where(AlertNotice.id == notice_id)
                      .values(attempts=AlertNotice.attempts + 1, error=error[:500]))


def notices_of(alert_id: int) -> list[tuple[AlertNotice, Optional[User]]]:
    return list(session().exec(select(AlertNotice, User).join(User, User.id == AlertNotice.user_id, isouter=True)
                               .where(AlertNotice.alert_id == alert_id).order_by(AlertNotice.id)))
