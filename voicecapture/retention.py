"""Retention: each kind of personal data is removed when its period ends, by a daily run.

`enforce()` is the plain function the Celery task (daily, from beat) and `voicecapture retention enforce` call.
It works in batches of BATCH rows, each its own short transaction, and is idempotent: what it removed no longer
matches, so running it again removes nothing more. Contact details have their own, shorter clock and are
deleted by the alerts sweep every minute (data.alerts.purge_contacts); they are only counted here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, Optional

from flask import current_app

from .data import retention
from .models import utcnow

TASK = "voicecapture.retention.enforce"
BATCH = 1000
# What a run removes, in the order it reports them.
KINDS = {"free_text": "Answers whose free text was cleared",
         "expired_drafts": "Unsent answers deleted when they expired",
         "alert_evidence": "Closed alerts whose evidence was deleted",
         "audit_events": "Audit events deleted"}


@dataclass(frozen=True)
class Cutoffs:
    """Anything older than these (per kind of data) is past its retention period."""
    free_text: datetime
    alert_evidence: datetime
    audit_events: datetime


def periods(settings) -> dict[str, int]:
    """The retention period in days of each kind of data a run removes."""
    return {"free_text": settings.free_text_retention_days, "expired_drafts": settings.draft_days,
            "alert_evidence": settings.alert_evidence_retention_days, "audit_events": settings.audit_retention_days}


def cutoffs(settings, now: datetime) -> Cutoffs:
    return Cutoffs(free_text=now - timedelta(days=settings.free_text_retention_days),
                   alert_evidence=now - timedelta(days=settings.alert_evidence_retention_days),
                   audit_events=now - timedelta(days=settings.audit_retention_days))


def _in_batches(clear: Callable[[int, int], tuple[int, Optional[int]]], batch: int) -> int:
    """Call clear(after_id, batch) until it says there is no more; the total it changed."""
    total, after_id = 0, 0
    while after_id is not None:
        changed, after_id = clear(after_id, batch)
        total += changed
    return total


def enforce(now: Optional[datetime] = None, batch: int = BATCH) -> dict[str, int]:
    """Remove everything past its period; returns how many rows of each kind, and records the run."""
    now = now or utcnow()
    settings = current_app.config["SETTINGS"]
    cut = cutoffs(settings, now)
    removed = {
        "free_text": _in_batches(lambda after, n: retention.clear_free_text(cut.free_text, after, n), batch),
        "expired_drafts": _in_batches(lambda after, n: retention.delete_expired_drafts(now, after, n), batch),
        "alert_evidence": _in_batches(
            lambda after, n: retention.delete_alert_evidence(cut.alert_evidence, after, n), batch),
        "audit_events": _in_batches(lambda after, n: retention.delete_audit_events(cut.audit_events, after, n), batch),
    }
    retention.record_run(removed, periods(settings))
    return removed


def due(now: Optional[datetime] = None) -> dict[str, int]:
    """How many rows of each kind the next run would remove (and contact details the sweep will delete)."""
    now = now or utcnow()
    cut = cutoffs(current_app.config["SETTINGS"], now)
    return {"free_text": retention.due_free_text(cut.free_text),
            "expired_drafts": retention.due_expired_drafts(now),
            "alert_evidence": retention.due_alert_evidence(cut.alert_evidence),
            "audit_events": retention.due_audit_events(cut.audit_events),
            "contacts": retention.due_contacts(now)}
