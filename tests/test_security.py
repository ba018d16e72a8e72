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


def test_the_content_security_policy_allows_no_inline_script_or_style(client):
    policy = client.http.get(FEEL).headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe" not in policy and directives["frame-ancestors"] == "'none'"


def test_no_template_has_inline_script_or_style():
    """What the policy forbids must not be in any page, or it would silently not work. The report document is
    the exception: a file that stands alone (downloaded, never served as a page), so it carries its own style."""
    import re
    from pathlib import Path
    folders = [Path(__file__).resolve().parents[1] / name / "templates" for name in ("voicecapture", "worker")]
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)
    found = [f"{path.name}: {match.group(0)}" for folder in folders for path in folder.rglob("*.html")
             if path.parts[-2:] != ("report", "document.html")
             for match in inline.finditer(path.read_text(encoding="utf-8"))]
    assert found == []


def test_an_unexpected_error_shows_a_plain_page_and_no_traceback(app):
    def broken():
        raise RuntimeError("secret detail from deep inside")
    app.add_url_rule("/broken", "broken", broken)
    from voicecapture.access import public
    public(broken)
    answer = app.test_client().get("/broken")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 500 and "Sorry, there is a problem with the service" in page
    assert "secret detail" not in page and "Traceback" not in page


def test_a_request_that_is_too_big_is_refused_with_a_plain_page(client):
    answer = client.http.post(FEEL, data={"language": "x" * (70 * 1024)})
    assert answer.status_code == 413 and "That was too much to send at once" in answer.get_data(as_text=True)
