"""The daily retention run: personal data removed at the end of its period."""
from __future__ import annotations

from celery import shared_task
from sqlalchemy.exc import OperationalError

from voicecapture import retention


@shared_task(name=retention.TASK, autoretry_for=(OperationalError,), retry_backoff=30, max_retries=5)
def enforce() -> dict:
    return retention.enforce()
