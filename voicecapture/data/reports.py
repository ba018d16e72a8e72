"""Report requests and their progress: pending -> in_progress -> stored | failed, each step a conditional UPDATE
so two workers, a retry or a re-run can never both build one report or overwrite a stored one."""
from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Optional

from sqlalchemy import and_, delete, func, or_, update
from sqlmodel import col, select

from ..db import session, transactional
from ..models import Board, Report, ReportFile, utcnow
from ..quarters import Quarter
from . import audit

UNFINISHED = ("pending", "in_progress")


@transactional
def request_report(board: Board, quarter: Quarter, *, user=None, cover: Optional[dict] = None) -> tuple[Report, bool]:
    """A new report request, or the unfinished one already asked for this board and quarter.
    Returns (report, created)."""
    existing = session().exec(select(Report).where(Report.board_id == board.id, Report.quarter == quarter.label,
                                                   col(Report.status).in_(UNFINISHED))).first()
    if existing is not None:
        return existing, False
    report = Report(board_id=board.id, quarter=quarter.label, requested_by=getattr(user, "id", None),
                    inputs={"cover": cover or {}}, progress="Waiting for a worker")
    session().add(report)
    session().flush()
    audit.record("report.request", target=f"report:{report.id}", board_id=board.id, user=user,
                 detail={"quarter": quarter.label, "by": "schedule" if user is None else "request"})
    return report, True


def get_report(report_id: int) -> Optional[Report]:
    return session().get(Report, report_id)


def board_report(board: Board, report_id: int) -> Optional[Report]:
    report = session().get(Report, report_id)
    return report if report is not None and report.board_id == board.id else None


def list_reports(board: Board, limit: int = 40) -> list[Report]:
    return list(session().exec(select(Report).where(Report.board_id == board.id)
                               .order_by(col(Report.id).desc()).limit(limit)))


def has_report(board: Board, quarter: Quarter) -> bool:
    """Whether a report for the quarter is stored or on its way (the schedule asks once per quarter)."""
    return session().exec(select(Report.id).where(
        Report.board_id == board.id, Report.quarter == quarter.label,
        col(Report.status).in_(UNFINISHED + ("stored",)))).first() is not None


@transactional
def claim(report_id: int, stale_before: datetime) -> Optional[Report]:
    """Take a report to build: pending, or in progress since before `stale_before` (its worker died).
    None if it is stored, failed, or being built by a live worker."""
    now = utcnow()
    taken = session().execute(
        update(Report).where(Report.id == report_id, or_(
            Report.status == "pending",
            and_(Report.status == "in_progress", Report.started_at < stale_before)))
        .values(status="in_progress", started_at=now, attempts=Report.attempts + 1, error="",
                progress="Started")).rowcount
    if not taken:
        return None
    session().expire_all()
    return session().get(Report, report_id)


@transactional
def set_progress(report_id: int, progress: str) -> None:
    """Also a heartbeat: a report that reports progress is not taken to have lost its worker."""
    session().execute(update(Report).where(Report.id == report_id, Report.status == "in_progress")
                      .values(progress=progress[:200], started_at=utcnow()))


@transactional
def store(report_id: int, inputs: dict, fingerprint: str, files: dict[str, bytes]) -> bool:
    """Keep the built report. Only an in-progress report can be stored, so a re-run changes nothing."""
    stored = session().execute(update(Report).where(Report.id == report_id, Report.status == "in_progress")
                               .values(status="stored", inputs=inputs, fingerprint=fingerprint,
                                       finished_at=utcnow(), progress="Ready")).rowcount
    if not stored:
        return False
    session().execute(delete(ReportFile).where(ReportFile.report_id == report_id))
    for kind, content in sorted(files.items()):
        session().add(ReportFile(report_id=report_id, kind=kind, content=content,
                                 sha256=hashlib.sha256(content).hexdigest()))
    return True


@transactional
def fail(report_id: int, error: str) -> None:
    session().execute(update(Report).where(Report.id == report_id, col(Report.status).in_(UNFINISHED))
                      .values(status="failed", error=error[:2000], finished_at=utcnow(), progress="Failed"))


@transactional
def release(report_id: int, reason: str) -> None:
    """Back to pending after a passing fault (the database was busy), for the retry to take."""
    session().execute(update(Report).where(Report.id == report_id, Report.status == "in_progress")
                      .values(status="pending", progress=f"Waiting to retry: {reason}"[:200]))


def to_queue(stale_before: datetime, pending_before: datetime) -> list[int]:
    """Reports the sweep should queue again: pending for a while (the message may be lost) or in progress with
    a silent worker."""
    return list(session().exec(select(Report.id).where(or_(
        and_(Report.status == "pending", Report.requested_at < pending_before),
        and_(Report.status == "in_progress", Report.started_at < stale_before))).order_by(Report.id)))


def report_file(report_id: int, kind: str) -> Optional[ReportFile]:
    return session().get(ReportFile, (report_id, kind))


def file_sizes(report_id: int) -> dict[str, int]:
    rows = session().exec(select(ReportFile.kind, func.length(ReportFile.content))
                          .where(ReportFile.report_id == report_id)).all()
    return dict(rows)
