"""Reports on the board pages: asking for one, its progress, reading and downloading it; analysts' theme
corrections; and the board's CSV export. The worker's part is the plain function it calls (pipeline.build)."""
from __future__ import annotations

import csv
import io

from sqlmodel import select

from voicecapture import analysis
from voicecapture.models import AuditEvent, Comment, Report
from voicecapture.reports import pipeline

from ..reports.conftest import report_board  # noqa: F401 - the fixture, shared with the report tests
from .conftest import csrf_of, signed_in

REPORTS = "/staff/boards/northvale-sab/reports"


def _request(http, **fields):
    page = http.get(REPORTS).get_data(as_text=True)
    data = {"csrf_token": csrf_of(page), "quarter": "2026-27Q2", "meeting_date": "2026-12-10",
            "author": "Bola Officer", "presented_by": "", "risk_time": "L", "risk_viability": "L",
            "risk_finance": "L", "risk_profile": "M", "risk_equality_and_diversity": "H", **fields}
    return http.post(REPORTS, data=data)


def _build_pending(app):
    """What the worker does with the message the request sent."""
    with app.app_context():
        from voicecapture.db import session
        for report in session().exec(select(Report).where(Report.status == "pending")).all():
            assert pipeline.build(report.id) == pipeline.BuildOutcome.STORED


def test_an_officer_asks_for_a_report_watches_it_and_reads_it(app, people, report_board):  # noqa: F811
    http = signed_in(app, people, "board_officer")
    response = _request(http)
    assert response.status_code == 302
    progress_url = response.headers["Location"]
    waiting = http.get(progress_url).get_data(as_text=True)
    assert "Waiting" in waiting and 'role="status"' in waiting
    assert http.get(progress_url + "/progress").get_json()["status"] == "pending"
    assert _request(http).headers["Location"] == progress_url  # asking again while it waits: the same report

    _build_pending(app)
    page = http.get(progress_url).get_data(as_text=True)
    for words in ("Meeting date", "2026-12-10", "Bola Officer", "Paper for", "That the Board notes",
                  "Metric cards", "What people said: themes", "You said, we did", "Responses by agency"):
        assert words in page, words
    assert http.get(progress_url + "/progress").get_json()["status"] == "stored"
    for kind, media, start in (("pdf", "application/pdf", b"%PDF-"), ("xlsx", "application/vnd.openxml", b"PK"),
                               ("csv", "text/csv", b"\xef\xbb\xbfsection"), ("html", "text/html", b"<!DOCTYPE")):
        download = http.get(f"{progress_url}/{kind}")
        assert download.status_code == 200 and download.content_type.startswith(media)
        assert download.data.startswith(start) and "attachment" in download.headers["Content-Disposition"]
    assert http.get(f"{progress_url}/docx").status_code == 404


def test_members_read_reports_but_cannot_ask_for_one(app, people, report_board):  # noqa: F811
    officer = signed_in(app, people, "board_officer")
    _request(officer)
    _build_pending(app)
    member = signed_in(app, people, "board_member")
    listing = member.get(REPORTS).get_data(as_text=True)
    assert "Ready" in listing and "Build the report" not in listing
    assert member.post(REPORTS, data={"csrf_token": csrf_of(listing), "quarter": "2026-27Q2"}).status_code == 403
    other = signed_in(app, people, "other_board_officer")
    assert other.get(REPORTS).status_code in (403, 404)


def test_bad_report_requests_say_what_to_fix(app, people, report_board, db):  # noqa: F811
    http = signed_in(app, people, "board_officer")
    response = _request(http, meeting_date="10/12/2026", author="", quarter="2026-27Q9")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter the meeting date like 2026-12-10" in page and "Enter the report author" in page
    assert db.exec(select(Report)).all() == []


def test_an_analyst_corrects_themes_and_the_model_learns_from_it(app, people, report_board, db):  # noqa: F811
    with app.app_context():
        analysis.analyse_pending()
        version_before = analysis.current_model().version
    comment = db.exec(select(Comment).order_by(Comment.id)).first()
    http = signed_in(app, people, "board_officer")
    listing = http.get("/staff/boards/northvale-sab/comments?quarter=2026-27Q1")
    assert listing.status_code == 200
    url = f"/staff/boards/northvale-sab/comments/{comment.id}"
    form = http.get(url).get_data(as_text=True)
    bad = http.post(url, data={"csrf_token": csrf_of(form), "themes": ["no_such_theme"], "sentiment": "positive"})
    assert bad.status_code == 400
    saved = http.post(url, data={"csrf_token": csrf_of(form), "themes": ["timeliness_and_continuity"], "sentiment": "negative"})
    assert saved.status_code == 302
    db.expire_all()
    corrected = db.get(Comment, comment.id)
    assert corrected.themes == ["timeliness_and_continuity"] and corrected.sentiment == "negative" and corrected.corrected_by
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "comment.correct")).one()
    with app.app_context():
        assert analysis.comments.corrections() == [(corrected.redacted, ("timeliness_and_continuity",))]
        assert analysis.current_model().version != version_before  # the next run trains with the correction


def test_the_board_export_is_every_response_as_csv(app, people, report_board, db):  # noqa: F811
    http = signed_in(app, people, "board_officer")
    download = http.get("/staff/boards/northvale-sab/export/responses.csv")
    assert download.status_code == 200 and download.content_type.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(download.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][:3] == ["id", "reference", "survey_id"] and "ascs_safety" in rows[0]
    assert len(rows) == 41
    assert all(not cell.startswith("=") for row in rows for cell in row)
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "board.export")).one()
    assert signed_in(app, people, "board_member").get("/staff/boards/northvale-sab/export/responses.csv").status_code == 403
