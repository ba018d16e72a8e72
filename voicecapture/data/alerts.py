"""Safeguarding alerts: raised by screening, worked by safeguarding leads, escalated when nobody answers.

An alert belongs to a draft while the person is still answering and carries on to their response, so a
disclosure reaches a lead even if the person never presses "Send". Every change is an AlertEvent (who, what,
when) and an audit event; what the person said is kept encrypted in `evidence`.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterable, Optional

from flask import current_app
from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from ..alerts.sealed import seal, unseal
from ..alerts.working_hours import add_working_hours
from ..db import session, transactional
from ..models import ALERT_STATES, Alert, AlertEvent, Board, ContactRequest, Invitation, Response, User, utcnow
from . import alert_notices, audit

OPEN_STATES = ("new", "acknowledged", "action_taken")
# Where a lead can move an alert from each state. Closing needs a note saying why.
MOVES = {
    "new": ("acknowledged", "action_taken", "closed"),
    "acknowledged": ("action_taken", "closed"),
    "action_taken": ("acknowledged", "closed"),
    "closed": ("acknowledged",),
}


class BadMove(ValueError):
    """A status change the alert's current state does not allow (it may have changed meanwhile)."""


def _due(board: Board, start: datetime) -> datetime:
    settings = current_app.config["SETTINGS"]
    return add_working_hours(start, board.alert_ack_hours, working_day=settings.working_day,
                             zone=settings.working_timezone)


def _event(alert: Alert, kind: str, *, note: str = "", status: str = "", user_id: Optional[int] = None) -> None:
    session().add(AlertEvent(alert_id=alert.id, kind=kind, note=note, status=status, user_id=user_id))


def _merged(old: list, new: Iterable) -> list:
    merged = list(old)
    for item in new:
        if item not in merged:
            merged.append(item)
    return merged


def record(*, board: Board, survey_id: str, findings: list, evidence: dict, language: str = "", mode: str = "self",
           draft_id: Optional[int] = None, response_id: Optional[int] = None,
           invitation_id: Optional[int] = None) -> Optional[Alert]:
    """Raise an alert, or add to the one this draft or response has, in the caller's transaction.

    With no findings it only links a draft's alert to its response. Returns the alert, or None if there is none.
    """
    db = session()
    alert = _existing(draft_id, response_id)
    if alert is None and not findings:
        return None
    if alert is None:
        now = utcnow()
        alert = Alert(board_id=board.id, survey_id=survey_id, draft_id=draft_id, response_id=response_id,
                      invitation_id=invitation_id, language=language, mode=mode, raised_at=now, updated_at=now,
                      due_at=_due(board, now))
        try:
            with db.begin_nested():  # another request for the same draft may have raised it a moment ago
                db.add(alert)
                db.flush()
        except IntegrityError:
            alert = _existing(draft_id, response_id)
        else:
            _event(alert, "raised", status="new")
            alert_notices.add_notices(alert, "new", alert_notices.first_recipients(board))
            audit.record("alert.raise", target=f"alert:{alert.id}", board_id=board.id,
                         detail={"categories": sorted({f["category"] for f in findings})}, user=False)
    _add_findings(alert, board, findings, evidence)
    if response_id is not None and alert.response_id is None:
        alert.response_id = response_id
    alert.updated_at = utcnow()
    db.add(alert)
    return alert


def _existing(draft_id: Optional[int], response_id: Optional[int]) -> Optional[Alert]:
    conditions = []
    if draft_id is not None:
        conditions.append(Alert.draft_id == draft_id)
    if response_id is not None:
        conditions.append(Alert.response_id == response_id)
    for condition in conditions:
        found = session().exec(select(Alert).where(condition)).first()
        if found is not None:
            return found
    return None


def _add_findings(alert: Alert, board: Board, findings: list, evidence: dict) -> None:
    reasons = _merged(alert.reasons, findings)
    if reasons == alert.reasons:
        return
    added = [f["category"] for f in reasons[len(alert.reasons):]]
    if alert.reasons:
        _event(alert, "added", note=", ".join(sorted(set(added))))
    alert.reasons = reasons
    alert.categories = _merged(alert.categories, [f["category"] for f in findings])
    if evidence:
        alert.evidence = seal({**unseal(alert.evidence), **evidence})
    if alert.status == "closed":  # something new on a closed alert: a person must look again
        alert.status, alert.closed_at, alert.escalated_at = "new", None, None
        alert.due_at = _due(board, utcnow())
        _event(alert, "reopened", status="new", note="New answers raised this alert again.")
        alert_notices.add_notices(alert, "reopened", alert_notices.first_recipients(board))


@transactional
def record_now(**kwargs) -> Optional[Alert]:
    """record() in a transaction of its own (an answer given on a survey page)."""
    return record(**kwargs)


def alert_by_id(alert_id: int) -> Optional[Alert]:
    return session().get(Alert, alert_id)


def alert_for_draft(draft_id: int) -> Optional[Alert]:
    return _existing(draft_id, None)


def alert_for_response(response_id: int) -> Optional[Alert]:
    return _existing(None, response_id)


def queue(board_ids: Optional[set[int]], status: str = "open", limit: int = 200) -> list[tuple[Alert, Board]]:
    """Alerts for these boards (None: every board): open ones oldest due first, else newest first."""
    query = select(Alert, Board).join(Board, Board.id == Alert.board_id)
    if board_ids is not None:
        query = query.where(col(Alert.board_id).in_(board_ids))
    if status == "open":
        query = query.where(col(Alert.status).in_(OPEN_STATES)).order_by(Alert.due_at, Alert.id)
    else:
        if status in ALERT_STATES:
            query = query.where(Alert.status == status)
        query = query.order_by(col(Alert.raised_at).desc(), col(Alert.id).desc())
    return list(session().exec(query.limit(limit)))


def counts(board_ids: Optional[set[int]]) -> dict[str, int]:
    query = select(Alert.status, func.count()).group_by(Alert.status)
    if board_ids is not None:
        query = query.where(col(Alert.board_id).in_(board_ids))
    found = dict(session().exec(query).all())
    return {state: found.get(state, 0) for state in ALERT_STATES}


def context(alert: Alert) -> dict:
    """What a lead needs to find the person's case: the response reference and the invitation's context."""
    response = session().get(Response, alert.response_id) if alert.response_id else None
    invitation = session().get(Invitation, alert.invitation_id) if alert.invitation_id else None
    practitioner = session().get(User, invitation.created_by) if invitation and invitation.created_by else None
    return {"response": response, "invitation": invitation, "practitioner": practitioner,
            "entered_by": session().get(User, response.entered_by) if response and response.entered_by else None}


def events(alert: Alert) -> list[tuple[AlertEvent, Optional[User]]]:
    return list(session().exec(select(AlertEvent, User).join(User, User.id == AlertEvent.user_id, isouter=True)
                               .where(AlertEvent.alert_id == alert.id).order_by(AlertEvent.id)))


def evidence(alert: Alert) -> dict:
    """What the person said (leads only; the caller audits the read)."""
    return unseal(alert.evidence)


@transactional
def move(alert: Alert, status: str, user, note: str = "") -> Alert:
    """Change an alert's status, if its state (checked again in the transaction) allows it."""
    db = session()
    db.refresh(alert)
    if status not in MOVES.get(alert.status, ()):
        raise BadMove(f"an alert that is {alert.status.replace('_', ' ')} cannot be moved to {status.replace('_', ' ')}")
    if status == "closed" and not note.strip():
        raise BadMove("say why the alert is closed")
    now = utcnow()
    values = {"status": status, "updated_at": now}
    if alert.acknowledged_at is None and status != "closed":
        values.update(acknowledged_at=now, acknowledged_by=user.id)
    if status == "closed":
        values["closed_at"] = now
    if alert.status == "closed":
        values["closed_at"] = None
    changed = db.execute(update(Alert).where(Alert.id == alert.id, Alert.status == alert.status).values(**values))
    if not changed.rowcount:
        raise BadMove("someone else changed this alert a moment ago; look again")
    _event(alert, "status", status=status, note=note.strip(), user_id=user.id)
    audit.record("alert.status", target=f"alert:{alert.id}", board_id=alert.board_id, detail={"status": status})
    db.refresh(alert)
    return alert


@transactional
def add_note(alert: Alert, user, note: str) -> None:
    _event(alert, "note", note=note.strip(), user_id=user.id)
    audit.record("alert.note", target=f"alert:{alert.id}", board_id=alert.board_id)


@transactional
def escalate_due(now: Optional[datetime] = None) -> list[int]:
    """Alerts nobody acknowledged in time go to the escalation lead, once. Returns their ids."""
    now = now or utcnow()
    db = session()
    escalated = []
    due = db.exec(select(Alert, Board).join(Board, Board.id == Alert.board_id)
                  .where(Alert.status == "new", Alert.escalated_at.is_(None), Alert.due_at <= now)).all()
    for alert, board in due:
        claimed = db.execute(update(Alert).where(Alert.id == alert.id, Alert.escalated_at.is_(None))
                             .values(escalated_at=now)).rowcount
        if claimed:
            _event(alert, "escalated", note=f"Not acknowledged within {board.alert_ack_hours} working hours.")
            alert_notices.add_notices(alert, "escalation", alert_notices.escalation_recipients(board))
            escalated.append(alert.id)
    return escalated


@transactional
def save_contact(alert: Alert, details: dict) -> None:
    """A person's request to be contacted, encrypted, replacing any earlier one; deleted after the set period."""
    db = session()
    days = current_app.config["SETTINGS"].contact_retention_days
    existing = db.exec(select(ContactRequest).where(ContactRequest.alert_id == alert.id)).first()
    now = utcnow()
    if existing is None:
        existing = ContactRequest(alert_id=alert.id, sealed=b"", delete_after=now)
    existing.sealed, existing.created_at, existing.delete_after = seal(details), now, now + timedelta(days=days)
    db.add(existing)
    _event(alert, "contact_requested", note="The person asked to be contacted.")
    board = db.get(Board, alert.board_id)
    alert_notices.add_notices(alert, "contact", alert_notices.first_recipients(board))


def has_contact(alert: Alert) -> bool:
    return session().exec(select(ContactRequest.id).where(ContactRequest.alert_id == alert.id)).first() is not None


@transactional
def read_contact(alert: Alert, user) -> Optional[dict]:
    """The contact details, decrypted for a lead; the read is recorded on the alert and in the audit log."""
    found = session().exec(select(ContactRequest).where(ContactRequest.alert_id == alert.id)).first()
    if found is None:
        return None
    _event(alert, "contact_viewed", user_id=user.id)
    audit.record("alert.contact.view", target=f"alert:{alert.id}", board_id=alert.board_id)
    return {**unseal(found.sealed), "delete_after": found.delete_after}


@transactional
def purge_contacts(now: Optional[datetime] = None) -> int:
    """Delete contact details past their period. Returns how many."""
    db = session()
    expired = db.exec(select(ContactRequest).where(ContactRequest.delete_after <= (now or utcnow()))).all()
    for contact in expired:
        alert = db.get(Alert, contact.alert_id)
        _event(alert, "contact_deleted", note="Contact details deleted at the end of their retention period.")
        db.delete(contact)
    return len(expired)
