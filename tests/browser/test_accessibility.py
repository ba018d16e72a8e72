"""axe-core on every kind of page a respondent sees, in every enabled language, on a phone-sized screen."""
from __future__ import annotations

import pytest

from .helpers import (
    CONTINUE_BUTTON, AxeAudit, click_start, enabled_languages, question_type, send_answers, start_survey, submit,
    walk_to_check,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
# child-review has faces, scale_0_10, multiple_choice and free_text; msp-adult adds yes_no_unsure.
QUESTION_TYPES = {"single_choice", "multiple_choice", "scale_0_10", "faces", "yes_no_unsure", "free_text"}


@pytest.mark.parametrize("lang", enabled_languages())
def test_every_page_kind_has_no_axe_violations(new_context, base_url, lang):
    page = new_context(viewport=PHONE).new_page()
    audit = AxeAudit()
    seen_types: set[str] = set()

    response = page.goto(f"{base_url}/?lang={lang}")
    assert response.status == 200
    audit.check(page, f"[{lang}] home page")

    response = page.goto(f"{base_url}/i/not-a-real-token?lang={lang}")
    assert response.status == 404, f"a bad link should answer 404, got {response.status}"
    audit.check(page, f"[{lang}] bad link page (404)")

    # Journey 1: child-review, start to confirmation, with an error state on the first question.
    start_survey(page, base_url, "northvale-scp", "child-review", lang)
    assert page.evaluate("document.documentElement.lang") != ""
    audit.check(page, f"[{lang}] start page (child-review)")
    click_start(page)

    response = submit(page, CONTINUE_BUTTON)  # nothing chosen on a required question
    assert response.status == 400, f"an empty required answer should give HTTP 400, got {response.status}"
    assert page.locator(".govuk-error-summary").is_visible(), "the error summary is not shown"
    audit.check(page, f"[{lang}] error state (required question left empty)")

    def audit_new_types(survey_id):
        def on_question(page, key):
            kind = question_type(survey_id, key)
            if kind not in seen_types:
                seen_types.add(kind)
                audit.check(page, f"[{lang}] {kind} question ({survey_id}/{key})")
            if seen_types >= QUESTION_TYPES:
                return "stop"
        return on_question

    walk_to_check(page, audit_new_types("child-review"))
    audit.check(page, f"[{lang}] check your answers")
    send_answers(page)
    audit.check(page, f"[{lang}] confirmation page")

    # Journey 2: msp-adult, only as far as the question types not met yet (yes_no_unsure).
    start_survey(page, base_url, "northvale-sab", "msp-adult", lang)
    audit.check(page, f"[{lang}] start page (msp-adult)")
    click_start(page)
    walk_to_check(page, audit_new_types("msp-adult"))
    assert seen_types >= QUESTION_TYPES, f"question types never reached: {QUESTION_TYPES - seen_types}"

    audit.assert_clean()
