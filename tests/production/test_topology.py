"""`make run-prod` runs the production topology: every process up, working together, and restarted if it dies."""
from __future__ import annotations

import os

from ..waiting import wait_for
from .respondent import Respondent

FEEL = "/s/eastmere-sab/feel-safer"
DISCLOSURE = {"ascs_safety": "adequately_safe", "safer_than_before": "same",
              "what_would_help": "My son takes my pension and hits me when I say no."}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def test_a_response_is_stored_analysed_and_its_alert_emailed(production):
    token = Respondent("127.0.0.1", production.port).complete(FEEL, DISCLOSURE)
    response_id = production.count(f"select r.id from response r join draft d on d.id = r.draft_id "
                                   f"where d.token = '{token}'")
    wait_for(lambda: production.count(f"select count(*) from comment where response_id = {response_id}") == 1, 120,
             "the worker to analyse the comment")
    mail = production.state / "instance" / "mail"
    wait_for(lambda: mail.is_dir() and any(mail.iterdir()), 120, "the alerts worker to email the lead")
    email = next(mail.iterdir()).read_text()
    assert "lead@eastmere.example" in email and "pension" not in email, "a link only, never what was said"


def test_production_headers_and_cookies(production):
    respondent = Respondent("127.0.0.1", production.port)
    respondent.connection.request("GET", FEEL)
    answer = respondent.connection.getresponse()
    answer.read()
    assert answer.status == 200
    assert answer.getheader("Strict-Transport-Security", "").startswith("max-age=")
    cookie = answer.getheader("Set-Cookie", "")
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie, cookie


def test_a_process_that_dies_is_started_again(production):
    for name in ("worker", "alerts-worker", "web"):
        killed = production.kill(name)
        wait_for(lambda name=name, killed=killed: production.pid(name) != killed and _alive(production.pid(name)), 60,
                 f"run-prod to start {name} again")
    wait_for(production.healthy, 60, "the web to answer")
    token = Respondent("127.0.0.1", production.port).complete(FEEL, {**DISCLOSURE, "what_would_help": "Nothing."})
    assert production.count(f"select count(*) from draft where token = '{token}' and status = 'submitted'") == 1
