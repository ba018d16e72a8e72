"""axe-core on the pages advocates use to enter someone's views: list, start, one-page form, stored entry."""
from __future__ import annotations

import os
import subprocess

import pytest

from .conftest import _tool
from .helpers import ROOT, AxeAudit, submit

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
SUBMIT = "main form button[type=submit]"


def _make_account(live_server, email: str, role: str, board: str) -> str:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{live_server.db_path}", "SECRET_KEY": "test-secret",
           "VOICECAPTURE_INSTANCE": str(live_server.instance_dir)}
    subprocess.run([_tool("voicecapture"), "user", "create", "--email", email, "--name", f"Axe {role}", "--role", role,
                    "--board", board, "--password-stdin"], input=PASSWORD + "\n",
                   env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    return email


@pytest.fixture(scope="module")
def advocate(live_server):
    return _make_account(live_server, "axe-advocate@example.org", "advocate", "northvale-sab")


@pytest.fixture(scope="module")
def children_worker(live_server):
    return _make_account(live_server, "axe-worker@example.org", "practitioner", "northvale-scp")


def _sign_in(page, base_url, email):
    page.goto(f"{base_url}/staff/sign-in")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/staff/")


def _check(page, answers: dict) -> None:
    for key, value in answers.items():
        page.check(f"input[name='{key}-answer'][value='{value}']")


def test_advocacy_pages_have_no_axe_violations(new_context, base_url, advocate, children_worker):
    page = new_context(viewport={"width": 1024, "height": 768}).new_page()
    audit = AxeAudit()
    _sign_in(page, base_url, advocate)
    page.goto(f"{base_url}/staff/entries")
    audit.check(page, "your entries, none yet")

    page.goto(f"{base_url}/staff/entries/new")
    audit.check(page, "start an entry")
    assert submit(page, SUBMIT).status == 400
    audit.check(page, "start an entry, error state")
    page.select_option("#survey", "northvale-sab/msp-adult")
    page.check("input[name=mode][value=on_behalf]")
    assert submit(page, SUBMIT).status == 200
    assert "/staff/entries/new/northvale-sab/msp-adult?mode=on_behalf" in page.url
    audit.check(page, "one-page form, msp-adult")

    page.fill("textarea[name='what_good-answer']", "The worker listened to her.")
    assert submit(page, SUBMIT).status == 400
    assert page.locator(".govuk-error-summary").count() == 1
    assert page.input_value("textarea[name='what_good-answer']") == "The worker listened to her."
    audit.check(page, "one-page form, msp-adult, error state")

    _check(page, {"asked_outcomes": "yes_expressed", "outcomes_achieved": "fully", "consulted": "yes",
                  "listened_to": "yes", "contributed": "no", "feel_safer": "not_sure",
                  "ascs_safety": "as_safe_as_want", "fft_overall": "very_good"})
    assert submit(page, SUBMIT).status == 200
    assert page.locator(".govuk-panel").count() == 1
    audit.check(page, "entry saved")
    page.goto(f"{base_url}/staff/entries")
    audit.check(page, "your entries, one")
    page.click("main table a.govuk-link")
    audit.check(page, "a stored entry")
    page.click("a >> text=Correct the answers")
    audit.check(page, "correcting an entry")

    worker = new_context(viewport={"width": 1024, "height": 768}).new_page()
    _sign_in(worker, base_url, children_worker)
    worker.goto(f"{base_url}/staff/entries/new/northvale-scp/child-review?mode=with_help&language=en")
    audit.check(worker, "one-page form, child-review")
    assert submit(worker, SUBMIT).status == 400
    audit.check(worker, "one-page form, child-review, error state")
    audit.assert_clean()
