"""Invitation links: unguessable, carry context without naming anyone, and fail in plain language."""
from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from voicecapture.data import boards, invitations
from voicecapture.models import Response, utcnow

from .test_flow import finish_feel_safer


def make(app, **kwargs):
    with app.app_context():
        board = boards.board_by_slug("eastmere-sab")
        return invitations.create_invitation(board, "feel-safer", **kwargs)


def send(client, link):
    url = client.start(link)
    check_url = finish_feel_safer(client, url)
    return client.post(check_url, {"csrf_token": client.get(check_url).csrf()})


def test_tokens_are_long_and_random(app):
    tokens = {make(app).token for _ in range(20)}
    assert len(tokens) == 20
    assert all(len(token) >= 43 for token in tokens), "32 random bytes: 256 bits"


def test_invitation_context_is_stored_with_the_response(client, app, db):
    invitation = make(app, agency="Adult Social Care", area="North", work_kind="s42_enquiry",
                      risk_type="financial", risk_location="care_home")
    assert send(client, f"/i/{invitation.token}").status == 302
    response = db.exec(select(Response)).one()
    assert (response.agency, response.area, response.work_kind, response.risk_type, response.risk_location) == (
        "Adult Social Care", "North", "s42_enquiry", "financial", "care_home")
    assert response.invitation_id == invitation.id


def test_single_use_link_cannot_be_used_twice(client, app):
    invitation = make(app)
    send(client, f"/i/{invitation.token}")
    page = client.get(f"/i/{invitation.token}")
    assert page.status == 410 and page.h1 == "This link has already been used"


def test_multi_use_link_counts_uses(client, app, db):
    invitation = make(app, max_uses=2)
    for _ in range(2):
        assert send(client, f"/i/{invitation.token}").status == 302
    assert client.get(f"/i/{invitation.token}").status == 410
    assert len(db.exec(select(Response)).all()) == 2


def test_expired_link(client, app):
    invitation = make(app)
    with app.app_context():
        from voicecapture.db import session
        stored = session().get(type(invitation), invitation.id)
        stored.expires_at = utcnow() - timedelta(minutes=1)
        session().add(stored)
        session().commit()
    page = client.get(f"/i/{invitation.token}")
    assert page.status == 410 and page.h1 == "This link has expired"


def test_unknown_link_is_a_plain_page(client):
    for bad in ("/i/not-a-real-token", "/i/" + "x" * 500, "/r/nope", "/r/nope/q/x", "/s/nowhere/msp-adult",
                "/s/northvale-sab/child-review"):
        page = client.get(bad)
        assert page.status == 404, bad
        assert page.h1 in ("This link does not work", "Page not found"), bad
        assert "Traceback" not in page.html


def test_same_link_resumes_within_seven_days(client, app):
    invitation = make(app, language="pl")
    url = client.start(f"/i/{invitation.token}")
    client.answer(url, "adequately_safe")

    other_browser = type(client)(app)
    page = other_browser.get(f"/i/{invitation.token}")
    assert page.soup.html["lang"] == "pl", "the invitation's language"
    resume = page.soup.find("a", string=lambda s: s and s.strip())  # the continue button
    continue_link = page.soup.select_one("a.govuk-button--start")["href"]
    follow = other_browser.http.get(continue_link)
    assert follow.status_code == 302 and follow.location.endswith("/q/safer_than_before")
    assert resume is not None


def test_expired_draft(client, app):
    url = client.start("/s/eastmere-sab/feel-safer")
    with app.app_context():
        from voicecapture.db import session
        from voicecapture.models import Draft
        draft = session().exec(select(Draft)).one()
        draft.expires_at = utcnow() - timedelta(seconds=1)
        session().add(draft)
        session().commit()
    page = client.get(url)
    assert page.status == 410 and page.h1 == "Your saved answers have expired"


def test_open_link_resumes_in_the_same_browser_session(client):
    url = client.start("/s/eastmere-sab/feel-safer")
    page = client.get("/s/eastmere-sab/feel-safer")
    assert page.soup.select_one("a.govuk-button--start")["href"].endswith(client.draft_token(url))
