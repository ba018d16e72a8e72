"""The help page and the alerts queue in real Chromium: axe in every language at phone widths, keyboard only
right to left, and the lead's pages."""
from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import CONTINUE_BUTTON, STAFF_PASSWORD, AxeAudit, click_start, enabled_languages, start_survey, submit
from .test_journeys import Keyboard

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/vc-shots")
PHONES = [{"width": 375, "height": 667}, {"width": 320, "height": 640}]


def _to_help_page(page, base_url, lang):
    """feel-safer's first question answered "I don't feel at all safe": the help page comes next."""
    start_survey(page, base_url, "northvale-sab", "feel-safer", lang)
    click_start(page)
    page.check("main input[name=answer][value=not_at_all_safe]")
    response = submit(page, CONTINUE_BUTTON)
    assert response.status == 200 and "/help?" in page.url, f"expected the help page, got {page.url}"


@pytest.mark.parametrize("lang", enabled_languages())
def test_help_page_has_no_axe_violations_at_phone_widths(new_context, base_url, lang):
    audit = AxeAudit()
    for viewport in PHONES:
        page = new_context(viewport=viewport).new_page()
        where = f"[{lang} {viewport['width']}px]"
        _to_help_page(page, base_url, lang)
        audit.check(page, f"{where} help page")
        page.check("#wants")  # "Yes, please contact me" reveals how and when
        assert page.locator("#phone").is_visible()
        audit.check(page, f"{where} help page, contact offer open")
        page.check("#how")
        response = submit(page, "main form button.govuk-button")
        assert response.status == 400 and page.locator(".govuk-error-summary").is_visible()
        audit.check(page, f"{where} help page, error state")
        page.fill("#phone", "07700 900 123")
        response = submit(page, "main form button.govuk-button")
        assert response.status == 200 and "contact=saved" in page.url
        audit.check(page, f"{where} help page, contact saved")
    audit.assert_clean()


def test_keyboard_only_help_and_contact_offer_right_to_left(new_context, base_url):
    page = new_context(viewport=PHONES[0]).new_page()
    keys = Keyboard(page)
    _to_help_page(page, base_url, "ur")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    keys.tab_to("main input[name=wants][value=yes]")
    page.keyboard.press("Space")
    keys.tab_to("main input[name=how][value=phone]")
    page.keyboard.press("Space")
    keys.tab_to("#phone")
    page.keyboard.type("07700 900 123")
    keys.tab_to("#safe_times")
    page.keyboard.type("صبح دس بجے کے بعد")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "help-ur-keyboard.png"), full_page=True)
    keys.tab_to("main form button.govuk-button")
    assert keys.enter_and_wait().status == 200 and "contact=saved" in page.url
    keys.tab_to("main a.govuk-button")
    assert keys.enter_and_wait().status == 200
    assert "/q/safer_than_before" in page.url, f"Continue should carry on with the survey, got {page.url}"
    assert not keys.invisible, f"focus cannot be seen: {keys.invisible}"


def test_alert_pages_for_a_lead_have_no_axe_violations(new_context, base_url, make_staff):
    lead = make_staff("axe-lead@example.org", "safeguarding_lead", board="northvale-sab", name="Axe Lead")
    respondent = new_context(viewport=PHONES[0]).new_page()
    _to_help_page(respondent, base_url, "en")
    respondent.check("#wants")
    respondent.check("#how")
    respondent.fill("#phone", "07700 900 456")
    submit(respondent, "main form button.govuk-button")

    page = new_context(viewport={"width": 1024, "height": 768}).new_page()
    audit = AxeAudit()
    page.goto(f"{base_url}/staff/sign-in")
    page.fill("#email", lead)
    page.fill("#password", STAFF_PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{base_url}/staff/alerts")
    audit.check(page, "alerts queue")
    page.goto(f"{base_url}/staff/alerts?status=all")  # newest first: the one just raised
    page.locator("#alert-list a.govuk-link").first.click()
    page.wait_for_load_state()
    audit.check(page, "one alert")
    page.click("button >> text=Save")
    page.wait_for_load_state()
    audit.check(page, "one alert, error state")
    page.click("#contact-link")
    page.wait_for_load_state()
    assert "07700 900" in page.content()
    audit.check(page, "contact details")
    audit.assert_clean()
