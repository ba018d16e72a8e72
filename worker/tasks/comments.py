"""Free-text tasks: analyse a new response's comments, or whatever is still waiting."""
from __future__ import annotations

from celery import shared_task
from sqlalchemy.exc import OperationalError

from voicecapture import analysis

RETRY = dict(autoretry_for=(OperationalError,), retry_backoff=2, retry_backoff_max=120, retry_jitter=True,
             max_retries=8)


@shared_task(name="voicecapture.comments.analyse_response", **RETRY)
def analyse_response(response_id: int) -> int:
    return analysis.analyse_pending(response_ids=[response_id])


@shared_task(name="voicecapture.comments.analyse_pending", **RETRY)
def analyse_pending() -> int:
    """Everything not yet analysed, then comments themed by an older model (after an analyst's correction)."""
    return analysis.analyse_pending() + analysis.reanalyse_stale()
