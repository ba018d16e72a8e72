"""When reports are asked for without a person: after each quarter ends, and by the sweep."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional

from flask import current_app

from .. import jobs
from ..data import boards, comments, reports
from ..models import utcnow
from ..quarters import quarter_of

BUILD = "voicecapture.reports.build"
ANALYSE = "voicecapture.comments.analyse_pending"
PENDING_GRACE = timedelta(minutes=2)  # a pending report older than this has probably lost its message


def request_due_reports(now: Optional[datetime] = None) -> list[int]:
    """For each board, the report for the quarter that has just ended, if none is stored or on its way."""
    quarter = quarter_of(now or utcnow()).previous()
    queued = []
    for board in boards.list_boards():
        if reports.has_report(board, quarter):
            continue
        report, created = reports.request_report(board, quarter)
        if created:
            jobs.enqueue(BUILD, report.id)
            queued.append(report.id)
    return queued


def sweep(now: Optional[datetime] = None) -> dict:
    """Queue reports that are waiting with no message or whose worker died, and any unanalysed free text."""
    now = now or utcnow()
    stale = now - timedelta(seconds=current_app.config["SETTINGS"].report_stale_seconds)
    report_ids = reports.to_queue(stale_before=stale, pending_before=now - PENDING_GRACE)
    for report_id in report_ids:
        jobs.enqueue(BUILD, report_id)
    waiting = bool(comments.pending_texts(1))
    if waiting:
        jobs.enqueue(ANALYSE)
    return {"reports": report_ids, "comments_waiting": waiting}
