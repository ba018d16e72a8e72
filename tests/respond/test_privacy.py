"""What is kept and for how long, in the person's language, and deleting your answers with your reference."""
from __future__ import annotations

import dataclasses

from sqlmodel import select

from tests.conftest import app_with_demo_boards
from tests.pages import RespondentClient
from voicecapture import analysis
from voicecapture.models import Alert, Answer, AuditEvent, Comment, Draft, Response

FEEL = "/s/eastmere-sab/feel-safer"
TYPED = "My neighbour Sam helps me with the shopping."


def send_feel_safer(client, text: str = TYPED, safety: str = "adequately_safe") -> str:
    """Send a pulse survey with a typed answer; returns the reference on the thank-you page."""
    url = client.start(FEEL)
    assert client.answer(url, safety).status == 302
    client.answer(url.replace("ascs_safety", "safer_than_before"), "safer")
    typed = client.answer(url.replace("ascs_safety", "what_would_help"), text)
    following = typed.response.location
    if "/help?" in following:
        following = following.split("/help?")[0] + "/q/" + following.split("next=")[1]
    page = client.get(following)
    skipped = client.post(following, {"csrf_token": page.csrf(), "skip_section": "1"})
    check = client.get(skipped.response.location)
    done = client.get(client.post(skipped.response.location, {"csrf_token": check.csrf()}).response.location)
    return done.soup.select_one(".vc-reference").get_text()


def test_the_privacy_page_says_what_is_kept_and_for_how_long(client):
    page = client.get("/privacy")
    text = page.text()
    assert page.status == 200 and page.h1 == "How we use your answers"
    for said in ("We delete what you typed after 2 years.", "We keep them for 7 days", "We delete it after 30 days.",
                 "until 1 year after they have finished", "We do not ask for your name."):
        assert said in text, said


def test_the_periods_follow_the_settings(settings):
    app = app_with_demo_boards(dataclasses.replace(settings, free_text_retention_days=90, contact_retention_days=1))
    text = RespondentClient(app).get("/privacy").text()
    assert "We delete what you typed after 90 days." in text and "We delete it after 1 day." in text


def test_the_privacy_page_is_in_the_persons_language_and_linked_from_every_page(client):
    start = client.get(FEEL + "?lang=ur")
    link = start.soup.select_one("footer a[href^='/privacy']")
    assert link is not None and "lang=ur" in link["href"]
    page = client.get(link["href"])
    assert page.status == 200 and page.soup.html["lang"] == "ur" and page.soup.html["dir"] == "rtl"
    assert page.h1 != "How we use your answers"


def test_a_person_deletes_their_answers_with_their_reference(app, client, db):
    reference = send_feel_safer(client)
    with app.app_context():
        analysis.analyse_pending()
    assert len(db.exec(select(Comment)).all()) == 1
    privacy = client.get("/privacy")
    typed_loosely = reference.lower().replace("-", " ")
    confirm = client.post("/privacy?lang=en", {"csrf_token": privacy.csrf(), "reference": typed_loosely})
    assert confirm.status == 200 and confirm.h1 == "Delete your answers?"
    assert "“Do you feel safe?”" in confirm.text() and TYPED not in confirm.text(), "the survey's name, never the answers"
    erased = client.post("/privacy/delete?lang=en", {"csrf_token": confirm.csrf(),
                                                     "reference": confirm.soup.select_one("input[name=reference]")["value"]})
    assert erased.status == 302
    assert client.get(erased.response.location).h1 == "Your answers have been deleted"
    for model in (Response, Answer, Comment, Draft):
        assert db.exec(select(model)).all() == [], model.__name__
    event = db.exec(select(AuditEvent).where(AuditEvent.action == "response.erased")).one()
    assert reference not in str(event.detail)

    again = client.post("/privacy/delete?lang=en", {"csrf_token": confirm.csrf(), "reference": reference})
    assert again.status == 302, "a second click says the same and changes nothing"


def test_the_thank_you_page_says_how_to_delete(client):
    url = client.start(FEEL)
    from tests.respond.test_flow import finish_feel_safer
    check_url = finish_feel_safer(client, url)
    check = client.get(check_url)
    done = client.get(client.post(check_url, {"csrf_token": check.csrf()}).response.location)
    assert done.soup.select_one("a[href*='/privacy'][href$='#delete']") is not None


def test_an_alert_stays_with_the_safeguarding_team_when_the_answers_go(client, db):
    reference = send_feel_safer(client, "He hits me when he has been drinking.")
    alert = db.exec(select(Alert)).one()
    assert alert.response_id is not None and alert.evidence
    privacy = client.get("/privacy")
    confirm = client.post("/privacy", {"csrf_token": privacy.csrf(), "reference": reference})
    client.post("/privacy/delete", {"csrf_token": confirm.csrf(), "reference": reference})
    db.expire_all()
    alert = db.exec(select(Alert)).one()
    assert alert.response_id is None and alert.draft_id is None and alert.evidence
    assert db.exec(select(Response)).all() == []


def test_a_wrong_or_missing_reference_is_explained(client):
    page = client.get("/privacy")
    empty = client.post("/privacy", {"csrf_token": page.csrf(), "reference": "  "})
    assert empty.status == 400 and "Enter your reference, for example 7KQ2-M9XD" in " ".join(empty.errors())
    wrong = client.post("/privacy", {"csrf_token": page.csrf(), "reference": "7KQ2-M9XD"})
    assert wrong.status == 400 and "We cannot find answers with that reference" in wrong.errors()[0]
    assert wrong.soup.select_one("input[name=reference]")["value"] == "7KQ2-M9XD", "what was typed is kept"


def test_references_cannot_be_tried_one_after_another(client):
    page = client.get("/privacy")
    statuses = [client.post("/privacy", {"csrf_token": page.csrf(), "reference": f"7KQ2-M9X{n}"}).status
                for n in range(11)]
    assert statuses[:10] == [400] * 10 and statuses[10] == 429
