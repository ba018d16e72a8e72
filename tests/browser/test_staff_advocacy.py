"""axe-core on the pages advocates use to enter someone's views: list, start, one-page form, stored entry."""
from __future__ import annotations

import pytest

from .helpers import AxeAudit, staff_sign_in, submit

pytestmark = pytest.mark.browser

SUBMIT = "main form button[type=submit]"


@pytest.fixture(scope="module")
def advocate(make_staff):
    return make_staff("axe-advocate@example.org", "advocate", "northvale-sab")


@pytest.fixture(scope="module")
def children_worker(make_staff):
    return make_staff("axe-worker@example.org", "practitioner", "northvale-scp")


def _check(page, answers: dict) -> None:
    for key, value in answers.items():
        page.check(f"input[name='{key}-answer'][value='{value}']")


def test_advocacy_pages_have_no_axe_violations(new_context, base_url, advocate, children_worker):
    page = new_context(viewport={"width": 1024, "height": 768}).new_page()
    audit = AxeAudit()
    staff_sign_in(page, base_url, advocate)
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
    staff_sign_in(worker, base_url, children_worker)
    worker.goto(f"{base_url}/staff/entries/new/northvale-scp/child-review?mode=with_help&language=en")
    audit.check(worker, "one-page form, child-review")
    assert submit(worker, SUBMIT).status == 400
    audit.check(worker, "one-page form, child-review, error state")
    audit.assert_clean()
