"""The whole report, built by the same plain function the worker calls: files, determinism, inert payloads."""
from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest

from voicecapture.data import reports
from voicecapture.models import Comment
from voicecapture.quarters import parse
from voicecapture.reports import pipeline, render

from .conftest import FORMULA, QUARTER, XSS


def _build(app, board, quarter=QUARTER, cover=None):
    with app.app_context():
        report, _ = reports.request_report(board, parse(quarter), cover=cover or {"author": "Test author"})
        assert pipeline.build(report.id) == pipeline.BuildOutcome.STORED
        stored = reports.get_report(report.id)
        files = {kind: reports.report_file(report.id, kind).content for kind in render.MEDIA_TYPES}
        return stored, files


def test_a_report_has_every_file_and_the_cover(app, report_board):
    report, files = _build(app, report_board)
    assert report.status == "stored" and report.attempts == 1 and len(report.fingerprint) == 64
    html = files["html"].decode()
    for words in ("Subject", "Meeting date", "Report author", "Test author", "Paper for", "Note",
                  "That the Board notes", "Equality and diversity", "Metric cards", "You said, we did",
                  "Responses and response rates", "Definitions and data used"):
        assert words in html, words
    assert files["pdf"].startswith(b"%PDF-")
    assert files["xlsx"][:2] == b"PK"
    rows = list(csv.reader(io.StringIO(files["csv"].decode("utf-8-sig"))))
    assert rows[0] == ["section", "table", "row", "column", "value"] and len(rows) > 50


def test_free_text_is_analysed_and_de_identified_before_the_report(app, report_board, db):
    _report, files = _build(app, report_board)
    comments = db.exec(Comment.__table__.select()).all()
    assert len(comments) == 40
    html = files["html"].decode()
    assert "07700 900123" not in html and "Priya" not in html
    assert "07700 900123" not in files["csv"].decode("utf-8-sig")


def test_building_twice_from_the_same_data_gives_identical_files(app, report_board):
    first, first_files = _build(app, report_board)
    with app.app_context():
        reports.release(first.id, "test")  # nothing: a stored report is never released
    second, second_files = _build(app, report_board)
    assert second.id != first.id
    assert second.fingerprint == first.fingerprint
    for kind in render.MEDIA_TYPES:
        assert first_files[kind] == second_files[kind], f"{kind} differs between two builds"
    with app.app_context():
        again = render.all_files(first.inputs)  # rendering the stored inputs again, as an auditor would
    assert again == first_files


def test_a_re_run_of_a_stored_report_changes_nothing(app, report_board):
    report, files = _build(app, report_board)
    with app.app_context():
        assert pipeline.build(report.id) == pipeline.BuildOutcome.SKIPPED
        after = reports.get_report(report.id)
        assert after.attempts == 1 and after.fingerprint == report.fingerprint
        assert reports.report_file(report.id, "pdf").content == files["pdf"]


def test_script_and_formula_payloads_are_inert_in_every_output(app, report_board):
    _report, files = _build(app, report_board)
    html = files["html"].decode()
    assert "&lt;script&gt;" in html  # the payload is there, as text
    assert not re.search(r"<script\b", html, re.I)
    assert not re.search(r"<img[^>]*onerror", html, re.I)
    cells = [cell for row in csv.reader(io.StringIO(files["csv"].decode("utf-8-sig"))) for cell in row]
    assert "'" + FORMULA in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@")) and not render.PLAIN_NUMBER.match(cell)]
    with zipfile.ZipFile(io.BytesIO(files["xlsx"])) as book:
        sheets = [name for name in book.namelist() if name.startswith("xl/worksheets/")]
        assert sheets
        for name in sheets:
            assert b"<f>" not in book.read(name), f"a formula cell in {name}"
    assert b"/JavaScript" not in files["pdf"] and b"/Launch" not in files["pdf"]


def test_inert_prefixes_formula_starts():
    assert render.inert(FORMULA) == "'" + FORMULA
    assert render.inert("-2+3") == "'-2+3" and render.inert("@SUM(A1)") == "'@SUM(A1)"
    assert render.inert("Fine") == "Fine" and render.inert(XSS) == XSS
    assert render.inert("+3") == "+3" and render.inert("-12%") == "-12%"
    assert render.inert("+3+cmd|' /C calc'!A0") == "'+3+cmd|' /C calc'!A0"


def test_an_unknown_quarter_in_stored_inputs_fails_the_report_with_a_message(app, report_board):
    with app.app_context():
        report, _ = reports.request_report(report_board, parse(QUARTER))
        from sqlalchemy import update
        from voicecapture.db import session
        from voicecapture.models import Report
        session().execute(update(Report).where(Report.id == report.id).values(quarter="2026-27Q9"))
        session().commit()
        assert pipeline.build(report.id) == pipeline.BuildOutcome.FAILED
        failed = reports.get_report(report.id)
        assert failed.status == "failed" and "Q9" in failed.error


@pytest.mark.parametrize("quarter", ["2026-27Q1", "2026-27Q4"])
def test_reports_for_other_quarters_build(app, report_board, quarter):
    report, files = _build(app, report_board, quarter=quarter)
    assert report.status == "stored" and files["pdf"].startswith(b"%PDF-")
