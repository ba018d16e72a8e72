"""Alert tasks: send an alert's emails at once, and sweep every minute for escalations and lost messages."""
from __future__ import annotations

from celery import shared_task
from sqlalchemy.exc import OperationalError

from voicecapture.alerts import notify


@shared_task(name=notify.SEND, autoretry_for=(notify.NotSent, OperationalError), retry_backoff=10,
             retry_backoff_max=600, max_retries=6)
def send(alert_id: int) -> int:
    return notify.send(alert_id)


@shared_task(name="voicecapture.alerts.sweep", autoretry_for=(OperationalError,), retry_backoff=5, max_retries=3)
def sweep() -> dict:
    return notify.sweep()
