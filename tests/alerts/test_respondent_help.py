"""A person who discloses harm sees help on the very next page, in their language, and can ask to be contacted."""
from __future__ import annotations

import dataclasses

import pytest
from sqlmodel import select

from tests.conftest import app_with_demo_boards
from tests.pages import RespondentClient
from voicecapture.models import Alert, AlertEvent, AlertNotice, Answer, ContactRequest, Response

FEEL = "/s/eastmere-sab/feel-safer"


def _to_text_question(client, language="en", safety="adequately_safe"):
    url = client.start(FEEL, language)
    first = client.answer(url, safety)
    return url, first


def test_not_feeling_safe_shows_help_next_and_raises_an_alert(client, db):
    url, page = _to_text_question(client, safety="not_at_all_safe")
    assert page.status == 302 and "/help?next=safer_than_before" in page.response.location
    help_page = client.get(page.response.location)
    assert help_page.status == 200
    text = help_page.text()
    assert "call 999" in text and "116 123" in text and "0808 2000 247" in text  # adults: Samaritans, NDAH
    assert "0800 1111" not in text, "Childline is for children's surveys"
    alert = db.exec(select(Alert)).one()
    assert alert.categories == ["not_safe"] and alert.response_id is None and alert.draft_id
    assert db.exec(select(AlertNotice)).all() == [], "no leads on the test board yet: the administrators get it"


def test_free_text_disclosure_is_screened_as_it_is_given(client, db):
    url, _ = _to_text_question(client)
    assert client.answer(url.replace("ascs_safety", "safer_than_before"), "same").status == 302
    page = client.answer(url.replace("ascs_safety", "what_would_help"), "my son still hits me when he is drunk")
    assert page.status == 302 and "/help?next=" in page.response.location
    alert = db.exec(select(Alert)).one()
    assert "current_harm" in alert.categories
    assert b"hits me" not in alert.evidence, "what the person said is stored encrypted"


def test_hard_negative_goes_straight_on(client, db):
    url, _ = _to_text_question(client)
    assert client.answer(url.replace("ascs_safety", "safer_than_before"), "safer").status == 302
    page = client.answer(url.replace("ascs_safety", "what_would_help"), "I feel much safer now he has moved out")
    assert "/help" not in page.response.location
    assert db.exec(select(Alert)).all() == []


def test_contact_request_is_encrypted_apart_from_the_answers(client, db):
    url, page = _to_text_question(client, safety="not_at_all_safe")
    help_url = page.response.location
    form = client.get(help_url)
    missing = client.post(help_url, {"csrf_token": form.csrf(), "wants": "yes", "how": "phone", "phone": ""})
    assert missing.status == 400 and "Enter a phone number we can use" in missing.text()
    bad = client.post(help_url, {"csrf_token": form.csrf(), "wants": "yes", "how": "phone", "phone": "call me"})
    assert bad.status == 400 and "Enter a phone number, like 07700 900 982" in bad.text()
    assert bad.soup.find("textarea", attrs={"name": "safe_times"}) is not None
    saved = client.post(help_url, {"csrf_token": form.csrf(), "wants": "yes", "how": "phone",
                                   "phone": "07700 900 123", "safe_times": "weekday mornings", "message_ok": "no"})
    assert saved.status == 302 and "contact=saved" in saved.response.location
    confirmed = client.get(saved.response.location)
    assert "We will contact you in the way you chose" in confirmed.text()
    contact = db.exec(select(ContactRequest)).one()
    assert b"07700" not in contact.sealed and b"weekday" not in contact.sealed
    assert all("07700" not in (a.text or "") for a in db.exec(select(Answer)))
    kinds = [e.kind for e in db.exec(select(AlertEvent).order_by(AlertEvent.id))]
    assert kinds == ["raised", "contact_requested"]


def test_saying_no_to_contact_carries_on_with_the_survey(client, db):
    url, page = _to_text_question(client, safety="less_than_adequately_safe")
    form = client.get(page.response.location)
    carry_on = client.post(page.response.location, {"csrf_token": form.csrf(), "wants": "no"})
    assert carry_on.response.location.endswith("/q/safer_than_before")
    assert db.exec(select(ContactRequest)).all() == []


def test_next_cannot_send_a_person_elsewhere(client):
    url, page = _to_text_question(client, safety="not_at_all_safe")
    token = client.draft_token(url)
    odd = client.get(f"/r/{token}/help?next=https://evil.example")
    link = odd.soup.find("a", string=lambda s: s and "Carry on" in s)
    assert link["href"] == f"/r/{token}/check"


def test_submitting_links_the_alert_to_the_response_and_thanks_with_help(client, db):
    from tests.respond.test_flow import finish_feel_safer
    url = client.start(FEEL, "en")
    check_url = finish_feel_safer(client, url)
    # change the safety answer from the check page: the alert is raised then, and kept at sending
    changed = client.answer(url + "?from=check", "not_at_all_safe")
    assert "/help?next=check" in changed.response.location
    page = client.get(check_url)
    sent = client.post(check_url, {"csrf_token": page.csrf()})
    done = client.get(sent.response.location)
    response = db.exec(select(Response)).one()
    alert = db.exec(select(Alert)).one()
    assert alert.response_id == response.id
    assert "we have told the safeguarding team" in done.text() and "Ask someone to contact you" in done.text()


def test_help_page_in_urdu_is_right_to_left_with_numbers_left_to_right(client):
    url = client.start(FEEL, "ur")
    page = client.answer(url, "not_at_all_safe")
    help_page = client.get(page.response.location)
    assert help_page.soup.html["dir"] == "rtl" and help_page.soup.html["lang"] == "ur"
    numbers = [a for a in help_page.soup.select("a.vc-reference")]
    assert numbers and all(a["dir"] == "ltr" for a in numbers)
    assert "999" in help_page.text()


@pytest.mark.parametrize("days, expected", [(1, "usuwane po 1 dniu."), (3, "usuwane po 3 dniach."),
                                            (30, "usuwane po 30 dniach.")])
def test_how_long_contact_details_are_kept_is_said_with_the_right_plural(settings, days, expected):
    app = app_with_demo_boards(dataclasses.replace(settings, contact_retention_days=days))
    client = RespondentClient(app)
    url = client.start(FEEL, "pl")
    help_page = client.get(client.answer(url, "not_at_all_safe").response.location)
    assert expected in help_page.text()
