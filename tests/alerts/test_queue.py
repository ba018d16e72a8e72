"""The alerts queue as safeguarding leads use it: what each role sees, moving alerts on, notes, contact details."""
from __future__ import annotations

from sqlmodel import select

from tests.staff.conftest import csrf_of, signed_in
from voicecapture.data import alerts, boards
from voicecapture.models import AlertEvent, AuditEvent

SAID = "my carer locks me in my room at night"


def _alert(app, slug="northvale-sab", contact=True):
    with app.app_context():
        board = boards.board_by_slug(slug)
        alert = alerts.record_now(board=board, survey_id="msp-adult", findings=[
            {"category": "close_abuse", "source": "pattern", "question_key": "what_better", "detail": "en"}],
            evidence={"what_better": {"o": [], "t": SAID}}, language="en", mode="self")
        if contact:
            alerts.save_contact(alert, {"how": "phone", "phone": "07700 900 321", "email": "",
                                        "safe_times": "after 2pm", "message_ok": "no", "name": "Sam"})
        return alert.id


def test_lead_sees_the_alert_what_was_said_and_the_contact_details_with_each_look_recorded(app, people, db):
    alert_id = _alert(app)
    lead = signed_in(app, people, "safeguarding_lead")
    queue = lead.get("/staff/alerts").get_data(as_text=True)
    assert f"/staff/alerts/{alert_id}" in queue and "Abuse or control by a partner" in queue
    page = lead.get(f"/staff/alerts/{alert_id}").get_data(as_text=True)
    assert SAID in page and "The person asked to be contacted" in page
    contact = lead.get(f"/staff/alerts/{alert_id}/contact").get_data(as_text=True)
    assert "07700 900 321" in contact and "after 2pm" in contact
    actions = [e.action for e in db.exec(select(AuditEvent))]
    assert "alert.evidence.view" in actions and "alert.contact.view" in actions
    assert "contact_viewed" in [e.kind for e in db.exec(select(AlertEvent))]


def test_administrator_sees_the_queue_but_not_what_was_said_or_the_contact_details(app, people):
    alert_id = _alert(app)
    admin = signed_in(app, people, "administrator")
    page = admin.get(f"/staff/alerts/{alert_id}").get_data(as_text=True)
    assert SAID not in page and "Only the board's safeguarding leads can read" in page
    assert admin.get(f"/staff/alerts/{alert_id}/contact").status_code == 403


def test_another_boards_alert_is_not_there_for_this_lead(app, people):
    alert_id = _alert(app, slug="eastmere-sab")
    lead = signed_in(app, people, "safeguarding_lead")
    assert lead.get(f"/staff/alerts/{alert_id}").status_code == 404
    assert f"/staff/alerts/{alert_id}" not in lead.get("/staff/alerts?status=all").get_data(as_text=True)


def test_acknowledge_take_action_and_close_with_who_and_when(app, people, db):
    alert_id = _alert(app, contact=False)
    lead = signed_in(app, people, "safeguarding_lead")
    url = f"/staff/alerts/{alert_id}"
    csrf = csrf_of(lead.get(url).get_data(as_text=True))
    assert lead.post(f"{url}/status", data={"csrf_token": csrf, "status": "acknowledged"}).status_code == 302
    refused = lead.post(f"{url}/status", data={"csrf_token": csrf, "status": "new"})
    assert refused.status_code == 400 and "Choose one of the statuses shown" in refused.get_data(as_text=True)
    note = lead.post(f"{url}/notes", data={"csrf_token": csrf, "text": "Rang the care agency manager."})
    assert note.status_code == 302
    empty = lead.post(f"{url}/notes", data={"csrf_token": csrf, "text": "  "})
    assert empty.status_code == 400 and "Enter a note" in empty.get_data(as_text=True)
    no_reason = lead.post(f"{url}/status", data={"csrf_token": csrf, "status": "closed", "note": ""})
    assert no_reason.status_code == 400 and "Say why the alert is closed" in no_reason.get_data(as_text=True)
    assert lead.post(f"{url}/status", data={"csrf_token": csrf, "status": "action_taken",
                                            "note": "Referred under section 42"}).status_code == 302
    assert lead.post(f"{url}/status", data={"csrf_token": csrf, "status": "closed",
                                            "note": "Enquiry opened; the person is safe"}).status_code == 302
    page = lead.get(url).get_data(as_text=True)
    for words in ("Rang the care agency manager.", "Referred under section 42", "Enquiry opened; the person is safe",
                  "Safeguarding Lead"):
        assert words in page
    kinds = [(e.kind, e.status) for e in db.exec(select(AlertEvent).order_by(AlertEvent.id))]
    assert kinds == [("raised", "new"), ("status", "acknowledged"), ("note", ""), ("status", "action_taken"),
                     ("status", "closed")]
    assert "Closed (1)" in lead.get("/staff/alerts").get_data(as_text=True)


def test_other_staff_cannot_open_the_queue(app, people):
    for role in ("board_officer", "board_member", "practitioner", "advocate"):
        assert signed_in(app, people, role).get("/staff/alerts").status_code == 403
