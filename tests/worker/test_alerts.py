"""A disclosure made through the app reaches a lead's inbox through Redis, a real Celery worker and a real SMTP
server; an alert nobody acknowledges is escalated by the worker's sweep."""
from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes

from sqlmodel import Session, select

from tests.alerts.conftest import Inbox
from tests.pages import RespondentClient
from voicecapture.data import boards, users
from voicecapture.demo import DEMO_BOARDS
from voicecapture.models import Alert, AlertNotice

from voicecapture.local_services import free_port

from ..waiting import wait_for


def _smtp():
    from aiosmtpd.controller import Controller
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    return inbox, controller


def test_a_disclosure_emails_the_boards_leads_through_the_worker(deployment, start_worker):
    inbox, controller = _smtp()
    try:
        deployment.env.update(SMTP_HOST="127.0.0.1", SMTP_PORT=str(controller.port), SMTP_TLS="none")
        app = deployment.app()
        with app.app_context():
            for spec in DEMO_BOARDS:
                boards.upsert_board(**spec)
            board = boards.board_by_slug("eastmere-sab")
            users.create_user("lead@example.org", "Lead", "correct horse battery staple",
                              [("safeguarding_lead", board.id)])
        start_worker()
        client = RespondentClient(app)
        url = client.start("/s/eastmere-sab/feel-safer", "en")
        assert client.answer(url, "adequately_safe").status == 302
        assert client.answer(url.replace("ascs_safety", "safer_than_before"), "same").status == 302
        page = client.answer(url.replace("ascs_safety", "what_would_help"), "I don't want to be alive any more")
        assert "/help?" in page.response.location, "help at once, on the next page"
        wait_for(lambda: inbox.messages, timeout=60, what="the alert email")
        message = message_from_bytes(inbox.messages[0].content)
        assert inbox.messages[0].rcpt_tos == ["lead@example.org"]
        assert "alive" not in message.get_payload(decode=True).decode()

        # Nobody acknowledges it: the worker's sweep escalates it once it is due (made due now for the test).
        with Session(app.extensions["db_engine"]) as db:
            alert = db.exec(select(Alert)).one()
            alert.due_at = alert.due_at - timedelta(days=30)
            db.add(alert)
            db.commit()
        with app.app_context():
            app.extensions["celery"].send_task("voicecapture.alerts.sweep")

        def escalated():
            with Session(app.extensions["db_engine"]) as db:
                notices = db.exec(select(AlertNotice).where(AlertNotice.kind == "escalation")).all()
                return notices and all(n.sent_at for n in notices)
        wait_for(escalated, timeout=60, what="the escalation email")
        assert "Escalated" in message_from_bytes(inbox.messages[-1].content)["Subject"]
    finally:
        controller.stop()
