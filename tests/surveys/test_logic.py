"""Skip logic and the route through a survey, on the real question sets."""
from __future__ import annotations

import pytest

from voicecapture.config import PROJECT_ROOT
from voicecapture.surveys import logic
from voicecapture.surveys.catalogue import load_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(PROJECT_ROOT / "surveys")


def a(*keys, text=""):
    return {"o": list(keys), "t": text}


def test_outcomes_question_only_when_outcomes_were_expressed(catalogue):
    msp = catalogue.get("msp-adult")
    achieved = msp.question("outcomes_achieved")
    assert logic.is_visible(msp, achieved, {"asked_outcomes": a("yes_expressed")})
    for other in ("yes_not_expressed", "no", "dont_know"):
        assert not logic.is_visible(msp, achieved, {"asked_outcomes": a(other)})


def test_variant_comes_from_the_answer(catalogue):
    msp = catalogue.get("msp-adult")
    assert logic.variant_of(msp, {}) == "self"
    assert logic.variant_of(msp, {"answering_for": a("representative")}) == "representative"
    child = catalogue.get("child-review")
    assert logic.variant_of(child, {"age_group": a("younger")}) == "younger"
    assert logic.variant_of(catalogue.get("feel-safer"), {}) == ""


def test_route_skips_hidden_questions(catalogue):
    msp = catalogue.get("msp-adult")
    answers = {"answering_for": a("self"), "asked_outcomes": a("no")}
    assert logic.next_question(msp, answers, after="asked_outcomes").key == "consulted"
    answers["asked_outcomes"] = a("yes_expressed")
    assert logic.next_question(msp, answers, after="asked_outcomes").key == "outcomes_achieved"


def test_changing_an_answer_drops_answers_to_questions_now_hidden(catalogue):
    msp = catalogue.get("msp-adult")
    answers = {"answering_for": a("self"), "asked_outcomes": a("yes_expressed"), "outcomes_achieved": a("fully")}
    assert "outcomes_achieved" in logic.kept_answers(msp, answers)
    answers["asked_outcomes"] = a("no")
    assert "outcomes_achieved" not in logic.kept_answers(msp, answers)


def test_required_blank_blocks_submission_but_optional_blank_does_not(catalogue):
    feel = catalogue.get("feel-safer")
    answers = {q.key: a() for q in feel.questions}
    assert logic.first_unanswered(feel, answers).key == "ascs_safety"
    answers["ascs_safety"] = a("as_safe_as_want")
    assert logic.first_unanswered(feel, answers).key == "safer_than_before"
    answers["safer_than_before"] = a("safer")
    assert logic.first_unanswered(feel, answers) is None


@pytest.mark.parametrize("condition, answers, variant, expected", [
    ({"question": "q", "any_of": ["x"]}, {"q": a("x", "y")}, "", True),
    ({"question": "q", "any_of": ["x"]}, {"q": a("y")}, "", False),
    ({"question": "q", "none_of": ["x"]}, {"q": a("y")}, "", True),
    ({"question": "q", "none_of": ["x"]}, {}, "", True),
    ({"question": "q", "answered": True}, {"q": a(text="hello")}, "", True),
    ({"question": "q", "answered": True}, {"q": a()}, "", False),
    ({"question": "q", "answered": False}, {}, "", True),
    ({"variant": ["older"]}, {}, "older", True),
    ({"variant": ["older"]}, {}, "younger", False),
    ({"all": [{"variant": ["older"]}, {"question": "q", "any_of": ["x"]}]}, {"q": a("x")}, "older", True),
    ({"all": [{"variant": ["older"]}, {"question": "q", "any_of": ["x"]}]}, {"q": a("x")}, "younger", False),
    ({"any": [{"variant": ["older"]}, {"question": "q", "any_of": ["x"]}]}, {"q": a("x")}, "younger", True),
])
def test_conditions(condition, answers, variant, expected):
    assert logic.condition_holds(condition, answers, variant) is expected


def test_progress_counts_only_questions_shown(catalogue):
    msp = catalogue.get("msp-adult")
    shown_no = logic.progress(msp, {"asked_outcomes": a("no")}, "consulted")
    shown_yes = logic.progress(msp, {"asked_outcomes": a("yes_expressed")}, "consulted")
    assert shown_yes == (shown_no[0] + 1, shown_no[1] + 1)


def test_every_survey_ends_with_optional_equality_monitoring(catalogue):
    for survey in catalogue:
        equality = [q for q in survey.questions if q.section == "equality"]
        assert [q.key for q in equality][-5:] == ["eq_gender", "eq_ethnicity", "eq_disability", "eq_language", "eq_carer"]
        assert survey.questions[-len(equality):] == tuple(equality), "equality questions come last"
        for q in equality:
            assert not q.required and q.options[-1].code == "PNTS", q.key


def test_national_codes(catalogue):
    msp = catalogue.get("msp-adult")
    assert [o.code for o in msp.question("outcomes_achieved").options] == [
        "FULLY_ACHIEVED", "PARTIALLY_ACHIEVED", "NOT_ACHIEVED", "DK"]
    assert [o.code for o in msp.question("fft_overall").options][:5] == [
        "FFT_VERY_GOOD", "FFT_GOOD", "FFT_NEITHER", "FFT_POOR", "FFT_VERY_POOR"]
    assert len(msp.question("eq_ethnicity").options) == 19 + 1  # 2021 Census categories and "prefer not to say"
    child = catalogue.get("child-review")
    assert [o.key for o in child.question("listened_acted").options] == [str(n) for n in range(11)]
