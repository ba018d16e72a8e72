"""Removing personal data at the end of its retention period, a batch at a time.

Each `clear_*` function handles at most `limit` rows, found by id after `after_id` (keyset, never OFFSET), in a
transaction of its own, so a run never holds a long lock on a big table. It returns (rows changed, the id to
carry on after, or None when there are no more). What it removes no longer matches its query, so running again
changes nothing more. The `due_*` functions count what the next run would remove.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import delete, func, update
from sqlmodel import col, select

from ..db import session, transactional
from ..models import Alert, AlertEvent, Answer, AuditEvent, ContactRequest, Draft, Response
from . import audit
from .responses import TEXT_CODE

RUN_ACTION = "retention.enforce"
Batch = tuple[int, Optional[int]]


def _next(ids: list[int], limit: int) -> Optional[int]:
    return ids[-1] if len(ids) == limit else None


def _free_text_query(cutoff: datetime):
    return (select(Answer.id).join(Response, Response.id == Answer.response_id)
            .where(Answer.code == TEXT_CODE, Answer.text != "", Response.submitted_at < cutoff))


@transactional
def clear_free_text(cutoff: datetime, after_id: int, limit: int) -> Batch:
    """What people typed in responses sent before `cutoff`, cleared to "" (their de-identified comments stay)."""
    ids = list(session().exec(_free_text_query(cutoff).where(Answer.id > after_id).order_by(Answer.id).limit(limit)))
    if ids:
        session().execute(update(Answer).where(col(Answer.id).in_(ids)).values(text=""))
    return len(ids), _next(ids, limit)


def due_free_text(cutoff: datetime) -> int:
    return session().exec(select(func.count()).select_from(_free_text_query(cutoff).subquery())).one()


def _expired_drafts_query(now: datetime):
    """Answers never sent, past the days they could be come back to: nobody can open them any more."""
    return select(Draft.id).where(Draft.status == "open", Draft.expires_at <= now)


@transactional
def delete_expired_drafts(now: datetime, after_id: int, limit: int) -> Batch:
    """Unsent drafts deleted once they expire; an alert raised in one stays, with its own record of what was said."""
    db = session()
    ids = list(db.exec(_expired_drafts_query(now).where(Draft.id > after_id).order_by(Draft.id).limit(limit)))
    if ids:
        db.execute(update(Alert).where(col(Alert.draft_id).in_(ids)).values(draft_id=None))
        db.execute(delete(Draft).where(col(Draft.id).in_(ids)))
    return len(ids), _next(ids, limit)


def due_expired_drafts(now: datetime) -> int:
    return session().exec(select(func.count()).select_from(_expired_drafts_query(now).subquery())).one()


def _closed_evidence_query(cutoff: datetime):
    """Closed alerts, closed before `cutoff`, still holding what the person said. Open alerts are never touched."""
    return select(Alert.id).where(Alert.status == "closed", Alert.closed_at < cutoff,
                                  func.length(Alert.evidence) > 0)


@transactional
def delete_alert_evidence(cutoff: datetime, after_id: int, limit: int) -> Batch:
    """Delete the sealed evidence of alerts closed before `cutoff`; the alert, its history and notes stay."""
    db = session()
    ids = list(db.exec(_closed_evidence_query(cutoff).where(Alert.id > after_id).order_by(Alert.id).limit(limit)))
    deleted = 0
    for alert_id in ids:
        # Checked again as it is changed: a lead may have reopened the alert since it was read.
        if db.execute(update(Alert).where(Alert.id == alert_id, Alert.status == "closed", Alert.closed_at < cutoff)
                      .values(evidence=b"")).rowcount:
            db.add(AlertEvent(alert_id=alert_id, kind="evidence_deleted",
                              note="What the person said was deleted at the end of its retention period."))
            deleted += 1
    return deleted, _next(ids, limit)


def due_alert_evidence(cutoff: datetime) -> int:
    return session().exec(select(func.count()).select_from(_closed_evidence_query(cutoff).subquery())).one()


@transactional
def delete_audit_events(cutoff: datetime, after_id: int, limit: int) -> Batch:
    """Audit events recorded before `cutoff`."""
    db = session()
    ids = list(db.exec(select(AuditEvent.id).where(AuditEvent.at < cutoff, AuditEvent.id > after_id)
                       .order_by(AuditEvent.id).limit(limit)))
    if ids:
        db.execute(delete(AuditEvent).where(col(AuditEvent.id).in_(ids)))
    return len(ids), _next(ids, limit)


def due_audit_events(cutoff: datetime) -> int:
    return session().exec(select(func.count()).where(AuditEvent.at < cutoff)).one()


def due_contacts(now: datetime) -> int:
    """Contact details past their period: the alerts sweep deletes them within a minute (alerts.purge_contacts)."""
    return session().exec(select(func.count()).where(ContactRequest.delete_after <= now)).one()


@transactional
def record_run(removed: dict[str, int], days: dict[str, int]) -> None:
    """One audit event per run: what was removed, under which periods. The retention page reads the last one."""
    audit.record(RUN_ACTION, detail={"removed": removed, "days": days}, user=False)


def last_run() -> Optional[AuditEvent]:
    found = audit.search(action=RUN_ACTION, limit=1)
    return found[0] if found else None
