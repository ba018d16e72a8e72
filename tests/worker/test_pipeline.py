"""The pipeline through real processes: a Redis server, Celery workers, and a report request from the web side.

What the respondent and the board officer do is done through the app; what the worker does, it does in its own
process, reading the same database, on messages carried by Redis.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlmodel import Session, select

from voicecapture import analysis, jobs
from voicecapture.data import boards, reports, responses
from voicecapture.demo import DEMO_BOARDS
from voicecapture.models import Comment, Report, ReportFile
from voicecapture.quarters import quarter_of
from voicecapture.reports import schedule

from ..waiting import wait_for


def _setup(app, count=60):
    """Demo boards and `count` feel-safer responses with free text in the last quarter, for northvale-sab."""
    with app.app_context():
        for spec in DEMO_BOARDS:
            boards.upsert_board(**spec)
        board = boards.board_by_slug("northvale-sab")
        survey = app.extensions["surveys"].get("feel-safer")
        last_quarter = quarter_of(datetime.now(timezone.utc)).previous()
        texts = ["They listened to me and I feel safer now.", "I waited a month for a call back.",
                 "Mój pracownik socjalny ciągle się zmieniał.", "مجھے ہر بات سمجھائی گئی۔"]
        items = [dict(survey=survey, board_id=board.id, language="en", agency="Police", area="North",
                      submitted_at=last_quarter.start + timedelta(days=1 + i % 80, hours=i % 20),
                      answers={"ascs_safety": {"o": ["as_safe_as_want"]}, "safer_than_before": {"o": ["safer"]},
                               "what_would_help": {"t": f"{texts[i % len(texts)]} ({i})"}}) for i in range(count)]
        responses.store_responses(items)
        return board.id, last_quarter


def _report(app, report_id):
    with Session(app.extensions["db_engine"]) as db:
        return db.get(Report, report_id)


def test_a_requested_report_is_built_by_a_worker_on_redis(deployment, start_worker):
    app = deployment.app()
    board_id, quarter = _setup(app)
    worker = start_worker()
    with app.app_context():
        report, created = reports.request_report(boards.get_board(board_id), quarter)
        assert created and jobs.enqueue("voicecapture.reports.build", report.id)
    done = wait_for(lambda: _report(app, report.id).status in ("stored", "failed") and _report(app, report.id),
                    what="the report to be stored")
    assert done.status == "stored", done.error + worker.output()
    assert done.attempts == 1
    with Session(app.extensions["db_engine"]) as db:
        kinds = sorted(row.kind for row in db.exec(select(ReportFile).where(ReportFile.report_id == report.id)))
        assert kinds == ["csv", "html", "pdf", "xlsx"]
        assert len(db.exec(select(Comment)).all()) == 60  # the worker analysed every comment first


def test_the_embedded_broker_needs_no_server(embedded_deployment, start_worker):
    app = embedded_deployment.app()
    assert app.extensions["celery"].conf.broker_url.startswith("sqla+sqlite:///")
    board_id, quarter = _setup(app, count=10)
    start_worker()
    with app.app_context():
        report, _ = reports.request_report(boards.get_board(board_id), quarter)
        assert jobs.enqueue("voicecapture.reports.build", report.id)
    done = wait_for(lambda: _report(app, report.id).status in ("stored", "failed") and _report(app, report.id),
                    what="the report to be stored")
    assert done.status == "stored", done.error


def test_the_schedule_asks_once_for_each_board_after_the_quarter_ends(deployment, start_worker):
    app = deployment.app()
    _board_id, quarter = _setup(app, count=10)
    start_worker()
    with app.app_context():
        first = schedule.request_due_reports()
        again = schedule.request_due_reports()  # the daily beat, next day: nothing new
    assert len(first) == len(DEMO_BOARDS) and again == []
    wait_for(lambda: all(_report(app, report_id).status == "stored" for report_id in first),
             what="every scheduled report")
    assert {_report(app, report_id).quarter for report_id in first} == {quarter.label}


def test_comments_of_a_new_response_are_analysed_by_the_worker(deployment, start_worker):
    app = deployment.app()
    _setup(app, count=3)
    start_worker()
    with app.app_context():
        ids = [row.response_id for row in analysis.comments.pending_texts(10)]
        for response_id in ids:
            analysis.queue_response(response_id)

    def analysed():
        with Session(app.extensions["db_engine"]) as db:
            return len(db.exec(select(Comment)).all()) == 3
    wait_for(analysed, what="three comments analysed")


def test_a_report_whose_worker_is_killed_is_retried_and_completes(deployment, start_worker):
    deployment.env["REPORT_STALE_SECONDS"] = "2"
    app = deployment.app()
    board_id, quarter = _setup(app, count=400)  # enough free text that the build takes a while
    first = start_worker("first")
    with app.app_context():
        report, _ = reports.request_report(boards.get_board(board_id), quarter)
        jobs.enqueue("voicecapture.reports.build", report.id)
    wait_for(lambda: _report(app, report.id).status == "in_progress", interval=0.01, what="the build to start")
    first.kill()
    assert _report(app, report.id).status == "in_progress"  # not lost, not finished: waiting for the sweep
    start_worker("second")

    def swept_and_stored():
        with app.app_context():
            schedule.sweep()
        return _report(app, report.id).status == "stored"
    wait_for(swept_and_stored, interval=1.0, what="the report to be retried and stored")
    final = _report(app, report.id)
    assert final.attempts >= 2 and final.error == ""
