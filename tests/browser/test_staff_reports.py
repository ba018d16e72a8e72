"""axe-core on the report pages: asking for a report, its progress, the report itself, and the comments an
analyst corrects. The report is built by `voicecapture report build`, which takes the request made in the page."""
from __future__ import annotations

import pytest

from voicecapture.models import utcnow
from voicecapture.quarters import quarter_of

from .helpers import AxeAudit, staff_sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def officer(make_staff, cli):
    cli("demo-data", "--responses", "300", "--no-staff")
    return make_staff("axe-reports@example.org", "board_officer", board="northvale-sab", name="Axe Reports")


def test_report_pages_have_no_axe_violations(new_context, base_url, officer, cli, tmp_path):
    page = new_context(viewport={"width": 1024, "height": 768}).new_page()
    audit = AxeAudit()
    staff_sign_in(page, base_url, officer)
    page.goto(f"{base_url}/staff/boards/northvale-sab/reports")
    audit.check(page, "reports")
    page.fill("#meeting_date", "next Tuesday")
    page.click("button >> text=Build the report")
    assert page.title().startswith("Error:")
    audit.check(page, "reports, error state")
    page.fill("#meeting_date", "2026-12-10")
    page.click("button >> text=Build the report")
    page.wait_for_selector("#report-progress")
    audit.check(page, "report waiting")

    quarter = quarter_of(utcnow()).previous().label
    cli("report", "build", "--board", "northvale-sab", "--quarter", quarter, "--out", str(tmp_path))
    page.wait_for_selector("article.vc-report", timeout=15000)  # the page's script shows it once it is ready
    audit.check(page, "report")
    assert page.locator("svg[role=img] title").count() >= 2
    assert page.locator("a[download]").count() == 4

    page.goto(f"{base_url}/staff/boards/northvale-sab/comments?quarter={quarter}")
    audit.check(page, "comments")
    page.locator("#comments a.govuk-link").first.click()
    audit.check(page, "correct a comment")
    audit.assert_clean()
