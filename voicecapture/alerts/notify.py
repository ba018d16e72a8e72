"""Sending an alert's emails and the periodic sweep: plain functions the Celery tasks and tests call."""
from __future__ import annotations

import logging
import smtplib
from datetime import timedelta
from typing import Optional

from flask import current_app

from .. import jobs
from ..data import alert_notices, alerts
from ..data.boards import get_board
from ..models import utcnow
from .mail import compose, deliver

log = logging.getLogger(__name__)
SEND = "voicecapture.alerts.send"
RESEND_AFTER = timedelta(minutes=2)  # an email still unsent this long after it was asked for is queued again


class NotSent(Exception):
    """Some emails could not be sent this time; the task retries and the sweep tries again."""


def queue_sending(alert_id: Optional[int]) -> None:
    """After the alert is committed: ask a worker to send its emails."""
    if alert_id is not None:
        jobs.enqueue(SEND, alert_id)


def send(alert_id: int) -> int:
    """Send every email about this alert not sent yet. Returns how many were sent; raises NotSent if any failed."""
    settings = current_app.config["SETTINGS"]
    alert = alerts.alert_by_id(alert_id)
    if alert is None:
        return 0
    board = get_board(alert.board_id)
    sent, failed = 0, []
    for notice, user in alert_notices.unsent(alert_id):
        message = compose(kind=notice.kind, alert=alert, board_name=board.name, recipient=user.email,
                          link=f"{settings.base_url}/staff/alerts/{alert.id}", sender=settings.mail_from,
                          zone=settings.working_timezone)
        try:
            deliver(message, settings)
        except (OSError, smtplib.SMTPException) as error:
            alert_notices.mark_failed(notice.id, f"{type(error).__name__}: {error}")
            failed.append(notice.id)
            continue
        alert_notices.mark_sent(notice.id)
        sent += 1
    if failed:
        raise NotSent(f"alert {alert_id}: {len(failed)} email(s) not sent; they will be tried again")
    return sent


def sweep() -> dict:
    """Escalate alerts past their time, queue emails a lost message left unsent, delete expired contact details."""
    escalated = alerts.escalate_due()
    waiting = alert_notices.alerts_with_unsent(utcnow() - RESEND_AFTER)
    for alert_id in dict.fromkeys(escalated + waiting):
        queue_sending(alert_id)
    return {"escalated": escalated, "resent": waiting, "contacts_deleted": alerts.purge_contacts()}
