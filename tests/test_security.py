"""Limits and headers that keep a public service up and its pages safe."""
from __future__ import annotations

import dataclasses

from tests.conftest import app_with_demo_boards
from tests.pages import RespondentClient

FEEL = "/s/eastmere-sab/feel-safer"


def test_a_flood_from_one_address_is_slowed_with_a_clear_page(settings):
    app = app_with_demo_boards(dataclasses.replace(settings, public_rate_limit="5 per minute"))
    client = RespondentClient(app)
    statuses = [client.get(FEEL + "?lang=pl").status for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    page = client.get(FEEL + "?lang=pl")
    assert page.h1 == "Prosimy odczekać minutę i spróbować ponownie" and "999" in page.text()
    other = app.test_client().get(FEEL, environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert other.status_code == 200, "the limit is per address"


def test_respondents_can_answer_when_the_rate_limit_store_is_down(settings):
    """Redis holds the counts in production; with it down, people can still answer (counted in memory)."""
    app = app_with_demo_boards(dataclasses.replace(settings, ratelimit_storage_uri="redis://127.0.0.1:1/1"))
    client = RespondentClient(app)
    url = client.start(FEEL)
    assert client.answer(url, "as_safe_as_want").status == 302


def test_behind_a_proxy_the_limit_counts_the_real_client(settings):
    app = app_with_demo_boards(dataclasses.replace(settings, public_rate_limit="2 per minute", proxy_count=1))
    http = app.test_client()
    for _ in range(2):
        assert http.get(FEEL, headers={"X-Forwarded-For": "198.51.100.1"}).status_code == 200
    assert http.get(FEEL, headers={"X-Forwarded-For": "198.51.100.1"}).status_code == 429
    assert http.get(FEEL, headers={"X-Forwarded-For": "198.51.100.2"}).status_code == 200


def test_production_sends_hsts_and_secure_cookies(settings):
    app = app_with_demo_boards(dataclasses.replace(settings, environment="production"))
    answer = app.test_client().get(FEEL)
    assert answer.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    cookie = answer.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_development_sends_no_hsts(client):
    assert "Strict-Transport-Security" not in client.http.get(FEEL).headers
