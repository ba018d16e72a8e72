"""The append-only audit log. Events are written in the same transaction as the change they record."""
from __future__ import annotations

from datetime import datetime
from typing import Iterator, Optional

from flask import has_request_context, request
from flask_login import current_user
from sqlmodel import col, select

from ..db import session
from ..models import AuditEvent

PAGE_SIZE = 100


def record(action: str, *, target: str = "", board_id: Optional[int] = None, detail: Optional[dict] = None,
           user=None) -> AuditEvent:
    """Add an event to the current transaction (the caller's data-layer function commits it)."""
    user = user if user is not None else (current_user if has_request_context() else None)
    signed_in = user is not None and getattr(user, "is_authenticated", False)
    event = AuditEvent(
        action=action, target=target, board_id=board_id, detail=detail or {},
        user_id=user.id if signed_in else None, actor=user.email if signed_in else "",
        ip=(request.remote_addr or "") if has_request_context() else "cli",
    )
    session().add(event)
    return event


def search(*, action: str = "", actor: str = "", target: str = "", since: Optional[datetime] = None,
           until: Optional[datetime] = None, before_id: Optional[int] = None,
           limit: Optional[int] = PAGE_SIZE) -> list[AuditEvent]:
    """Newest first; page with before_id (keyset), never OFFSET."""
    query = select(AuditEvent)
    if action:
        query = query.where(col(AuditEvent.action).startswith(action))
    if actor:
        query = query.where(col(AuditEvent.actor).contains(actor.lower()))
    if target:
        query = query.where(col(AuditEvent.target).startswith(target))
    if since:
        query = query.where(AuditEvent.at >= since)
    if until:
        query = query.where(AuditEvent.at < until)
    if before_id:
        query = query.where(AuditEvent.id < before_id)
    query = query.order_by(col(AuditEvent.id).desc())
    if limit:
        query = query.limit(limit)
    return list(session().exec(query))


def iter_all(**filters) -> Iterator[AuditEvent]:
    """Every matching event, newest first, in pages, for the CSV export."""
    before_id = None
    while True:
        page = search(before_id=before_id, limit=1000, **filters)
        yield from page
        if len(page) < 1000:
            return
        before_id = page[-1].id


def record_read(action: str, **kwargs) -> None:
    """Reading is audited too (who looked at responses, reports, the log itself): its own transaction."""
    from ..db import transaction
    with transaction():
        record(action, **kwargs)
