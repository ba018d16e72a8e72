"""axe-core on the invitation pages (list, one invitation, upload with errors, slips), and slips fit on A6."""
from __future__ import annotations

import re

import pytest

from .helpers import AxeAudit, staff_sign_in

pytestmark = pytest.mark.browser

BAD_CSV = ("board,survey,agency,area,work_kind,risk_type,risk_location,language,uses,expires_days\n"
           "northvale-sab,msp-adult,,,s42_enquiry,phisical,,,1,28\n")


@pytest.fixture(scope="module")
def practitioner(make_staff):
    return make_staff("axe-practitioner@example.org", "practitioner", "northvale-sab", name="Axe Practitioner")


def pdf_pages(page) -> int:
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    sizes = {tuple(round(float(n)) for n in box) for box in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf)}
    assert sizes == {(298, 420)}, f"@page size A6 (105 x 148 mm) should set the paper, got {sizes}"
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_invitation_pages_have_no_axe_violations(new_context, base_url, practitioner):
    page = new_context(viewport={"width": 1024, "height": 768}).new_page()
    audit = AxeAudit()
    staff_sign_in(page, base_url, practitioner)

    page.goto(f"{base_url}/staff/invitations")
    audit.check(page, "invitations")
    page.fill("#uses", "none")
    page.click("button >> text=Create invitation")
    assert page.locator(".govuk-error-summary").is_visible()
    audit.check(page, "invitations, error state")

    slips = {}
    for language in ("ur", "en"):
        page.goto(f"{base_url}/staff/invitations")
        page.select_option("#work_kind", "s42_enquiry")
        page.select_option("#language", language if language != "en" else "")
        page.click("button >> text=Create invitation")
        page.wait_for_url(re.compile(r".*/staff/invitations/\d+\?created=1$"))
        audit.check(page, f"one invitation ({language})")
        assert page.locator("svg[role=img]").count() == 1
        page.click("a >> text=Print a slip")
        page.wait_for_url(re.compile(r".*/slip$"))
        slips[language] = page.url
        assert page.evaluate("document.documentElement.lang") == language
        audit.check(page, f"slip ({language})")

    page.goto(f"{base_url}/staff/invitations")
    audit.check(page, "invitations with two in the list")

    page.goto(f"{base_url}/staff/invitations/upload")
    audit.check(page, "upload")
    page.set_input_files("#file", files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": BAD_CSV.encode()}])
    page.click("button >> text=Upload and check")
    assert "Row 2, column risk_type" in page.locator(".govuk-error-summary").inner_text()
    audit.check(page, "upload, error state")
    audit.assert_clean()

    # Print: each slip is one A6 page, in Urdu (taller script) as in English.
    for language, url in slips.items():
        page.goto(url)
        page.emulate_media(media="print")
        assert pdf_pages(page) == 1, f"the {language} slip should print on one A6 page"


def test_upload_makes_a_batch_with_slips(new_context, base_url, practitioner):
    page = new_context(viewport={"width": 1024, "height": 768}).new_page()
    staff_sign_in(page, base_url, practitioner)
    rows = BAD_CSV.splitlines()[0] + "\n" + "northvale-sab,msp-adult,,,s42_enquiry,physical,,pl,1,28\n" * 3
    page.goto(f"{base_url}/staff/invitations/upload")
    page.set_input_files("#file", files=[{"name": "good.csv", "mimeType": "text/csv", "buffer": rows.encode()}])
    page.click("button >> text=Upload and check")
    page.wait_for_url(re.compile(r".*/staff/invitations/batch/[0-9a-f-]+$"))
    audit = AxeAudit()
    audit.check(page, "batch")
    page.click("a >> text=Print all slips")
    page.wait_for_url(re.compile(r".*/slips$"))
    assert page.locator("article.vc-slip[lang=pl]").count() == 3
    audit.check(page, "batch slips")
    audit.assert_clean()
    page.emulate_media(media="print")
    assert pdf_pages(page) == 3, "one slip per page"
