"""Alert emails through a real SMTP server; escalation after the board's working hours; contact deletion."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email import message_from_bytes

import pytest
from sqlmodel import select

from voicecapture.alerts import notify
from voicecapture.data import alerts, boards, users
from voicecapture.models import Alert, AlertEvent, AlertNotice, ContactRequest

SAID = "my stepdad hits me and says he will kill me if I tell"


def _people(board):
    leads = [users.create_user(f"lead{i}@example.org", f"Lead {i}", "correct horse battery staple",
                               [("safeguarding_lead", board.id)]) for i in (1, 2)]
    admin = users.create_user("admin@example.org", "Admin", "correct horse battery staple", [("administrator", None)])
    return leads, admin


def _raise(board, findings=None):
    return alerts.record_now(board=board, survey_id="feel-safer", findings=findings or [
        {"category": "current_harm", "source": "pattern", "question_key": "what_would_help", "detail": "en"}],
        evidence={"what_would_help": {"o": [], "t": SAID}}, language="en", mode="self")


def test_new_alert_emails_every_lead_a_link_and_nothing_they_said(smtp_app, smtp):
    with smtp_app.app_context():
        board = boards.board_by_slug("eastmere-sab")
        leads, _admin = _people(board)
        alert = _raise(board)
        assert notify.send(alert.id) == 2
        assert notify.send(alert.id) == 0, "a repeated task sends nothing twice"
    assert sorted(rcpt for m in smtp.messages for rcpt in m.rcpt_tos) == ["lead1@example.org", "lead2@example.org"]
    message = message_from_bytes(smtp.messages[0].content)
    body = message.get_payload(decode=True).decode()
    assert f"/staff/alerts/{alert.id}" in body and "Eastmere" in message["Subject"]
    for secret in ("stepdad", "kill", "hits", "current_harm", "Being hurt"):
        assert secret not in body and secret not in message["Subject"]


def test_escalation_lead_gets_the_alert_nobody_acknowledged(smtp_app, smtp):
    with smtp_app.app_context():
        board = boards.board_by_slug("eastmere-sab")
        leads, _ = _people(board)
        boards.update_board(board, {**{k: getattr(board, k) for k in boards.SETTINGS_FIELDS},
                                    "escalation_lead_id": leads[1].id, "alert_ack_hours": 4}, [], [])
        board = boards.board_by_slug("eastmere-sab")
        alert = _raise(board)
        notify.send(alert.id)
        assert [m.rcpt_tos for m in smtp.messages] == [["lead1@example.org"]], "the escalation lead is kept back"
        assert alerts.escalate_due(alert.due_at - timedelta(minutes=1)) == []
        assert alerts.escalate_due(alert.due_at + timedelta(minutes=1)) == [alert.id]
        assert alerts.escalate_due(alert.due_at + timedelta(hours=9)) == [], "escalated once"
        notify.send(alert.id)
        assert smtp.messages[-1].rcpt_tos == ["lead2@example.org"]
        assert "Escalated" in message_from_bytes(smtp.messages[-1].content)["Subject"]
        kinds = [e.kind for e in alerts.events(alerts.alert_by_id(alert.id)) for e in [e[0]]]
        assert kinds == ["raised", "escalated"]


def test_acknowledged_alert_never_escalates(smtp_app):
    with smtp_app.app_context():
        board = boards.board_by_slug("eastmere-sab")
        leads, _ = _people(board)
        alert = _raise(board)
        lead = users.load_user(str(leads[0].id))
        alerts.move(alert, "acknowledged", lead, "Called the practitioner")
        assert alerts.escalate_due(alert.due_at + timedelta(days=3)) == []


def test_due_time_counts_working_hours_only(smtp_app):
    friday_4pm = datetime(2026, 11, 27, 16, 0, tzinfo=timezone.utc)
    with smtp_app.app_context():
        board = boards.board_by_slug("eastmere-sab")
        assert alerts._due(board, friday_4pm) == datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


def test_smtp_down_keeps_the_email_to_send_again(smtp_app, smtp):
    with smtp_app.app_context():
        board = boards.board_by_slug("eastmere-sab")
        _people(board)
        alert = _raise(board)
        smtp_app.config["SETTINGS"].__dict__["smtp_port"] = 1  # nothing listens there
        with pytest.raises(notify.NotSent):
            notify.send(alert.id)
        smtp_app.config["SETTINGS"].__dict__["smtp_port"] = smtp.port
        notice = alerts.session().exec(select(AlertNotice)).first()
        assert notice.sent_at is None and notice.attempts == 1 and notice.error
        assert notify.send(alert.id) == 2
    assert len(smtp.messages) == 2


def test_sweep_sends_what_a_lost_message_left(smtp_app, smtp):
    with smtp_app.app_context():
        board = boards.board_by_slug("eastmere-sab")
        _people(board)
        alert = _raise(board)
        found = notify.sweep()
        assert found["resent"] == [], "just raised: its own message is on the way"
        db = alerts.session()
        for notice in db.exec(select(AlertNotice)):
            notice.created_at -= timedelta(minutes=5)
            db.add(notice)
        db.commit()
        assert notify.sweep()["resent"] == [alert.id]


def test_no_smtp_server_writes_emails_to_the_mail_folder(app, settings):
    with app.app_context():
        board = boards.board_by_slug("eastmere-sab")
        _people(board)
        alert = _raise(board)
        notify.send(alert.id)
    files = sorted(settings.mail_dir.glob("*.eml"))
    assert len(files) == 2
    assert f"/staff/alerts/{alert.id}" in files[0].read_text()


def test_no_leads_at_all_means_the_administrators_are_told(app):
    with app.app_context():
        users.create_user("admin@example.org", "Admin", "correct horse battery staple", [("administrator", None)])
        alert = _raise(boards.board_by_slug("eastmere-sab"))
        notices = alerts.session().exec(select(AlertNotice).where(AlertNotice.alert_id == alert.id)).all()
        assert len(notices) == 1


def test_contact_details_are_deleted_after_their_period(app, settings):
    with app.app_context():
        alert = _raise(boards.board_by_slug("eastmere-sab"))
        alerts.save_contact(alert, {"how": "phone", "phone": "07700 900 123"})
        assert alerts.purge_contacts() == 0
        later = datetime.now(timezone.utc) + timedelta(days=settings.contact_retention_days, minutes=1)
        assert alerts.purge_contacts(later) == 1
        assert alerts.session().exec(select(ContactRequest)).all() == []
        kinds = [e.kind for e in alerts.session().exec(select(AlertEvent).order_by(AlertEvent.id))]
        assert kinds[-1] == "contact_deleted"


def test_a_closed_alert_with_new_answers_opens_again(app):
    from flask import current_app
    from voicecapture.data import responses
    with app.app_context():
        board = boards.board_by_slug("eastmere-sab")
        leads, _ = _people(board)
        survey = current_app.extensions["surveys"].get("feel-safer")
        draft = responses.start_draft(survey, board, "en")
        first = {"category": "current_harm", "source": "pattern", "question_key": "what_would_help", "detail": "en"}
        alert = alerts.record_now(board=board, survey_id=survey.id, findings=[first], evidence={}, draft_id=draft.id)
        lead = users.load_user(str(leads[0].id))
        with pytest.raises(alerts.BadMove):
            alerts.move(alert, "closed", lead, "")
        alerts.move(alert, "closed", lead, "Spoke to the social worker; already known and safe")
        assert alerts.record_now(board=board, survey_id=survey.id, findings=[first], evidence={},
                                 draft_id=draft.id).status == "closed", "the same finding again changes nothing"
        later = {"category": "suicide_self_harm", "source": "classifier", "question_key": "what_would_help",
                 "detail": "0.91"}
        again = alerts.record_now(board=board, survey_id=survey.id, findings=[later], evidence={}, draft_id=draft.id)
        assert again.id == alert.id and again.status == "new" and again.categories == ["current_harm",
                                                                                         "suicide_self_harm"]
        kinds = [event.kind for event, _user in alerts.events(again)]
        assert kinds == ["raised", "status", "added", "reopened"]


def test_demo_data_raises_its_synthetic_alerts_through_the_same_screening(app):
    from voicecapture.demo import load_demo_alerts
    with app.app_context():
        assert load_demo_alerts().startswith("3 synthetic safeguarding alerts")
        raised = alerts.session().exec(select(Alert).order_by(Alert.id)).all()
        assert [set(a.categories) >= expected for a, expected in zip(raised, (
            {"close_abuse"}, {"not_safe", "current_harm"}, {"suicide_self_harm"}))] == [True, True, True]
        assert all(a.response_id for a in raised)
