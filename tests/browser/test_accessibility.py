"""axe-core on every kind of page a respondent sees, in every enabled language, at two phone sizes.

375x667 is a common phone; 320x640 is the narrowest in use (and what 400% zoom on a laptop gives).
Every page is also checked for sideways scrolling, which axe does not look for."""
from __future__ import annotations

import pytest

from .helpers import (
    CONTINUE_BUTTON, AxeAudit, click_start, enabled_languages, horizontal_overflow, question_type, send_answers,
    start_survey, submit, walk_to_check,
)

pytestmark = pytest.mark.browser

SCREENS = {"375x667": {"width": 375, "height": 667}, "320x640": {"width": 320, "height": 640}}
# child-review has faces, scale_0_10, multiple_choice and free_text; msp-adult adds yes_no_unsure.
QUESTION_TYPES = {"single_choice", "multiple_choice", "scale_0_10", "faces", "yes_no_unsure", "free_text"}


class PhoneAudit(AxeAudit):
    """axe, plus: the page must fit the screen's width."""

    def check(self, page, label: str) -> None:
        super().check(page, label)
        overflow = horizontal_overflow(page)
        if overflow:
            self.reports.append(f"{label} ({page.url}) scrolls sideways: {overflow}")


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lang", enabled_languages())
def test_every_respondent_page_has_no_axe_violations(new_context, base_url, lang, screen):
    page = new_context(viewport=SCREENS[screen]).new_page()
    audit = PhoneAudit()
    seen_types: set[str] = set()
    where = f"[{lang} {screen}]"

    response = page.goto(f"{base_url}/?lang={lang}")
    assert response.status == 200
    audit.check(page, f"{where} home page")

    response = page.goto(f"{base_url}/c?code=&lang={lang}")
    assert response.status == 400 and page.locator(".govuk-error-message").count()
    audit.check(page, f"{where} home page, code left empty")

    response = page.goto(f"{base_url}/c/ZZZZ-ZZZZ?lang={lang}")
    assert response.status == 404
    audit.check(page, f"{where} code not recognised")

    response = page.goto(f"{base_url}/i/not-a-real-token?lang={lang}")
    assert response.status == 404, f"a bad link should answer 404, got {response.status}"
    audit.check(page, f"{where} bad link page (404)")

    # Journey 1: child-review, start to confirmation, with an error state on the first question.
    start_survey(page, base_url, "northvale-scp", "child-review", lang)
    assert page.evaluate("document.documentElement.lang") != ""
    audit.check(page, f"{where} start page (child-review)")
    click_start(page)

    response = submit(page, CONTINUE_BUTTON)  # nothing chosen on a required question
    assert response.status == 400, f"an empty required answer should give HTTP 400, got {response.status}"
    assert page.locator(".govuk-error-summary").is_visible(), "the error summary is not shown"
    audit.check(page, f"{where} error state (required question left empty)")

    def audit_new_types(survey_id):
        def on_question(page, key):
            kind = question_type(survey_id, key)
            if kind not in seen_types:
                seen_types.add(kind)
                audit.check(page, f"{where} {kind} question ({survey_id}/{key})")
            if seen_types >= QUESTION_TYPES:
                return "stop"
        return on_question

    walk_to_check(page, audit_new_types("child-review"))
    audit.check(page, f"{where} check your answers")
    reference = send_answers(page)
    audit.check(page, f"{where} confirmation page")

    # How we use your answers, and deleting them with the reference: empty, then found, then gone.
    page.goto(f"{base_url}/privacy?lang={lang}")
    audit.check(page, f"{where} how we use your answers")
    assert submit(page, "main form button").status == 400
    audit.check(page, f"{where} how we use your answers, reference left empty")
    page.fill("#reference", reference)
    assert submit(page, "main form button").status == 200
    audit.check(page, f"{where} delete your answers?")
    assert submit(page, "main form button").status == 200
    audit.check(page, f"{where} your answers have been deleted")

    # Journey 2: msp-adult, as far as the question types not met yet (yes_no_unsure), then back to its
    # start page, which now offers to carry on with the saved answers.
    start_survey(page, base_url, "northvale-sab", "msp-adult", lang)
    audit.check(page, f"{where} start page (msp-adult)")
    click_start(page)
    walk_to_check(page, audit_new_types("msp-adult"))
    assert seen_types >= QUESTION_TYPES, f"question types never reached: {QUESTION_TYPES - seen_types}"
    start_survey(page, base_url, "northvale-sab", "msp-adult", lang)
    assert page.locator("main a[href*='/r/']").count() == 1, "the start page should offer the saved answers"
    audit.check(page, f"{where} start page offering to carry on")

    audit.assert_clean()
