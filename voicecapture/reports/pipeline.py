"""Build one requested report: claim it, theme any free text not yet analysed, gather, render, store.

A plain function: the Celery task, the `voicecapture report build` command and the tests all call `build`.
Re-running it is harmless: a stored report is left as it is, and a report whose worker died is claimed again
once it has been silent for REPORT_STALE_SECONDS.
"""
from __future__ import annotations

import hashlib
import json
import logging
from datetime import timedelta

from flask import current_app
from sqlalchemy.exc import OperationalError

from .. import analysis
from ..data import boards, reports
from ..models import utcnow
from ..quarters import parse
from . import render
from .inputs import gather

log = logging.getLogger(__name__)


class BuildOutcome:
    STORED = "stored"
    SKIPPED = "skipped"   # stored already, or another worker has it
    FAILED = "failed"


def fingerprint(inputs: dict) -> str:
    return hashlib.sha256(canonical_json(inputs)).hexdigest()


def canonical_json(inputs: dict) -> bytes:
    return json.dumps(inputs, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def build(report_id: int) -> str:
    settings = current_app.config["SETTINGS"]
    report = reports.claim(report_id, stale_before=utcnow() - timedelta(seconds=settings.report_stale_seconds))
    if report is None:
        return BuildOutcome.SKIPPED
    try:
        board = boards.get_board(report.board_id)
        quarter = parse(report.quarter)
        reports.set_progress(report.id, "Reading and theming free-text answers")
        analysis.analyse_pending(board_id=board.id, progress=lambda done: reports.set_progress(
            report.id, f"Theming free-text answers: {done} done"))
        # Analysts' corrections since the last run teach the model: this quarter and last are themed again.
        while analysis.reanalyse_stale(board_id=board.id, since=quarter.previous().start):
            pass
        reports.set_progress(report.id, "Counting responses")
        inputs = gather(board, quarter, current_app.extensions["surveys"], report.inputs.get("cover", {}),
                        analysis.theme_definitions())
        reports.set_progress(report.id, "Drawing the report (HTML, PDF, CSV, XLSX)")
        files = render.all_files(inputs)
        reports.store(report.id, inputs, fingerprint(inputs), files)
        return BuildOutcome.STORED
    except OperationalError as error:
        # The database was busy or restarting: let the task's retry policy try again.
        reports.release(report.id, type(error).__name__)
        raise
    except Exception as error:
        log.exception("report %s failed", report.id)
        reports.fail(report.id, f"{type(error).__name__}: {error}")
        return BuildOutcome.FAILED
