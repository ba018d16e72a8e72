"""Report tasks: build one report, and ask for each board's report once its quarter has ended."""
from __future__ import annotations

from celery import shared_task
from sqlalchemy.exc import OperationalError

from voicecapture.reports import pipeline, schedule

# A busy or restarting database is worth waiting for; anything else is recorded on the report as a failure.
RETRY = dict(autoretry_for=(OperationalError,), retry_backoff=5, retry_backoff_max=300, retry_jitter=True,
             max_retries=6)


@shared_task(name="voicecapture.reports.build", **RETRY)
def build_report(report_id: int) -> str:
    return pipeline.build(report_id)


@shared_task(name="voicecapture.reports.schedule_due", **RETRY)
def schedule_due() -> list[int]:
    return schedule.request_due_reports()
