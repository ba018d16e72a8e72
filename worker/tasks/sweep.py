"""The sweep: queue again whatever a lost message, a broker restart or a killed worker left behind."""
from __future__ import annotations

from celery import shared_task
from sqlalchemy.exc import OperationalError

from voicecapture.reports import schedule


@shared_task(name="voicecapture.sweep", autoretry_for=(OperationalError,), retry_backoff=5, max_retries=3)
def sweep() -> dict:
    return schedule.sweep()
