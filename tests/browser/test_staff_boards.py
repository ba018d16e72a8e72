"""axe-core on the board pages, the administrators' board settings, and a branded respondent start page."""
from __future__ import annotations

import pytest

from .helpers import AxeAudit, staff_sign_in

pytestmark = pytest.mark.browser

LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="40" height="40">'
        '<circle cx="20" cy="20" r="18" fill="#ffffff"/><rect x="12" y="12" width="16" height="16" fill="#1d3557"/></svg>')


@pytest.fixture(scope="module")
def administrator(make_staff):
    return make_staff("axe-boards@example.org", "administrator", name="Axe Boards")


def test_board_pages_have_no_axe_violations(new_context, base_url, administrator):
    page = new_context(viewport={"width": 1024, "height": 768}).new_page()
    audit = AxeAudit()
    staff_sign_in(page, base_url, administrator)

    page.goto(f"{base_url}/staff/boards")
    audit.check(page, "boards list")
    page.click("a.govuk-link >> text=Northvale Safeguarding Adults Board")
    audit.check(page, "board page")
    page.goto(f"{base_url}/staff/boards/northvale-sab/targets")
    audit.check(page, "targets")
    page.fill("#feel_safer", "120")
    page.click("button >> text=Save targets")
    assert page.title().startswith("Error:")
    audit.check(page, "targets, error state")
    page.goto(f"{base_url}/staff/boards/northvale-sab/actions")
    audit.check(page, "you said, we did")
    page.fill("#quarter", "2026-28Q1")
    page.click("button >> text=Add action")
    assert page.title().startswith("Error:")
    audit.check(page, "you said, we did, error state")
    audit.assert_clean()


def test_board_settings_and_a_branded_start_page_have_no_axe_violations(new_context, base_url, administrator):
    page = new_context(viewport={"width": 1024, "height": 768}).new_page()
    audit = AxeAudit()
    staff_sign_in(page, base_url, administrator)

    page.goto(f"{base_url}/staff/admin/boards")
    audit.check(page, "admin boards")
    page.goto(f"{base_url}/staff/admin/boards/northvale-sab")
    audit.check(page, "admin board edit")
    page.goto(f"{base_url}/staff/admin/boards/new")
    audit.check(page, "admin new board")
    page.fill("#name", "Axe Branded Board")
    page.fill("#slug", "axe-branded")
    page.fill("#brand_colour", "#ffdd00")
    page.fill("#logo_svg", LOGO)
    page.check("input[name=surveys][value=msp-adult]")
    page.click("button >> text=Add board")
    assert page.title().startswith("Error:")
    audit.check(page, "admin new board, error state")
    page.fill("#brand_colour", "#1d3557")
    page.click("button >> text=Add board")
    page.wait_for_url(f"{base_url}/staff/admin/boards/axe-branded?saved=1")
    audit.check(page, "admin board edit, saved")
    page.fill("#agency-name", "")
    page.click("button >> text=Add agency")
    assert page.title().startswith("Error:")
    audit.check(page, "admin board edit, error state")

    respondent = new_context(viewport={"width": 375, "height": 667}).new_page()
    respondent.goto(f"{base_url}/s/axe-branded/msp-adult")
    background = respondent.eval_on_selector(".vc-header", "e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(29, 53, 87)"
    assert respondent.eval_on_selector("img.vc-header__logo", "e => e.complete && e.naturalWidth > 0")
    assert respondent.get_attribute("img.vc-header__logo", "alt") == "Axe Branded Board"
    audit.check(respondent, "branded respondent start page")
    audit.assert_clean()


def test_the_recordings_page_has_no_axe_violations(new_context, base_url, administrator):
    page = new_context(viewport={"width": 1024, "height": 768}).new_page()
    audit = AxeAudit()
    staff_sign_in(page, base_url, administrator)

    page.goto(f"{base_url}/staff/admin/boards/northvale-sab")
    page.click("a >> text=Recordings for Listen")
    page.select_option("#survey", "msp-adult")
    page.select_option("#language", "pl")
    page.click("button >> text=Show questions")
    assert "survey=msp-adult&language=pl" in page.url
    audit.check(page, "recordings")
    first = page.locator("tbody tr").first
    first.locator("input[type=file]").set_input_files(
        {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"not a recording"})
    first.locator("button >> text=Upload").click()
    assert page.title().startswith("Error:")
    audit.check(page, "recordings, error state")
    first = page.locator("tbody tr").first
    first.locator("input[type=file]").set_input_files(
        {"name": "question.mp3", "mimeType": "audio/mpeg", "buffer": b"ID3" + bytes(64)})
    first.locator("button >> text=Upload").click()
    assert page.locator("tbody tr").first.locator("audio").count() == 1
    audit.check(page, "recordings, with a recording")
    page.locator("tbody tr").first.locator("button >> text=Remove").click()
    assert page.locator("tbody tr").first.locator("audio").count() == 0
    audit.assert_clean()
