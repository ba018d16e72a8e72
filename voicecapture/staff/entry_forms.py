"""The forms for entering feedback on someone's behalf: the start form, and the whole survey on one page.

The one-page form is made of the survey engine's own question forms (one per question, each with its own
field name prefix), so staff entries are checked exactly as a respondent's answers are.
"""
from __future__ import annotations

from flask import request
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectField
from wtforms.validators import AnyOf, DataRequired, InputRequired

from ..respond.components import render_component
from ..respond.presenters import question_params
from ..surveys import logic
from ..surveys.forms import answer_from, question_form
from ..surveys.model import Survey
from ..surveys.wording import option_label, question_text

MODE_LABELS = {
    "with_help": "The person answered with my help",
    "on_behalf": "I am giving the person's views, in their words",
    "phone": "By phone",
    "paper": "From a paper form",
    "best_interests": "The person lacks capacity to give their views: this is a best-interests view",
}

# What the advocate should keep in mind, shown above the questions.
PROMPTS = {
    "with_help": "Read each question aloud and give the person time. Use their words where you can. "
                 "If they do not want to answer, leave it blank.",
    "on_behalf": "Give the person's views as they told them to you, in their words, not your own. "
                 "If they did not want to answer a question, leave it blank.",
    "phone": "Read each question and its answers aloud, and give the person time. Check you have understood "
             "before you move on. If they do not want to answer, leave it blank.",
    "paper": "Copy the answers exactly as they are on the paper form. Leave a question blank if it was not "
             "answered, or if more than one answer is ticked where only one is allowed.",
    "best_interests": "Record what you believe the person would say, based on what you know of them, "
                      "and note who you consulted in the free text.",
}

# Modes where someone else speaks for the person: the survey's representative wording fits them.
REPRESENTATIVE_MODES = ("on_behalf", "best_interests")
REPRESENTATIVE = "representative"


class StartEntryForm(FlaskForm):
    survey = SelectField("Board and survey", choices=[], validators=[DataRequired("Choose the board and survey")],
                         invalid_choice_message="Choose one of the boards and surveys in the list")
    # No choice check before InputRequired: a missing answer should get one message, the one that says what to do.
    mode = RadioField("How were the views given?", choices=[SelectChoice(k, v) for k, v in MODE_LABELS.items()],
                      validate_choice=False,
                      validators=[InputRequired("Select how the person's views were given"),
                                  AnyOf(list(MODE_LABELS), message="Select one of the ways shown")])
    language = SelectField("Language the person gave their views in", choices=[],
                           invalid_choice_message="Choose one of the languages in the list")


class EntryForm(FlaskForm):
    """Only the CSRF token: the questions are separate forms, one per question."""


def representative_answers(survey: Survey, mode: str) -> dict:
    """Pre-set the survey's "who is answering" question when someone speaks for the person."""
    variants = survey.variants
    if mode in REPRESENTATIVE_MODES and variants is not None and REPRESENTATIVE in variants.values:
        return {variants.question: {"o": [REPRESENTATIVE], "t": ""}}
    return {}


class OnePageSurvey:
    """Every question of a survey as one form: built from stored answers, or from what was submitted."""

    def __init__(self, survey: Survey, answers: dict | None = None, submitted: bool = False):
        self.survey = survey
        if submitted:
            # The variant decides the wording; read it from the submission before building the forms.
            self.variant = self._submitted_variant()
            self.forms = {q.key: self._form(q, None) for q in survey.questions}
            self.answers = {q.key: answer_from(self.forms[q.key], q) for q in survey.questions}
        else:
            self.answers = dict(answers or {})
            self.variant = logic.variant_of(survey, self.answers)
            self.forms = {q.key: self._form(q, self.answers.get(q.key)) for q in survey.questions}

    def _form(self, question, answer):
        return question_form(question, self.variant, answer, prefix=question.key, meta={"csrf": False})

    def _submitted_variant(self) -> str:
        variants = self.survey.variants
        if variants is None:
            return ""
        picked = request.form.getlist(f"{variants.question}-answer")
        return logic.variant_of(self.survey, {variants.question: {"o": picked}})

    def validate(self) -> bool:
        """Only questions shown for these answers are checked (and required); the rest are dropped."""
        results = [self.forms[q.key].validate() for q in logic.visible_questions(self.survey, self.answers)]
        return all(results)

    def kept(self) -> dict:
        """Every shown question, answered or blank (blank becomes NOT_ANSWERED); hidden ones dropped."""
        return logic.kept_answers(self.survey, self.answers)

    def errors(self) -> list[dict]:
        return [{"text": self.forms[q.key].answer.errors[0], "href": f"#{q.key}-answer"}
                for q in self.survey.questions if self.forms[q.key].answer.errors]

    def items(self) -> list[dict]:
        """For the template: each question drawn with the respondents' GOV.UK macros, and its section."""
        drawn = []
        for question in self.survey.questions:
            component = question_params(question, self.variant, self.forms[question.key],
                                        name=f"{question.key}-answer", page_heading=False)
            when = self.applies_when(question.show_if) if question.show_if else ""
            if when:
                hint = (component["params"].get("hint") or {}).get("text", "")
                component["params"]["hint"] = {"text": f"{when} {hint}".strip()}
            drawn.append({"question": question, "html": render_component(component),
                          "scale": question.type == "scale_0_10"})
        return drawn

    def applies_when(self, condition: dict) -> str:
        return f"Only if {self._condition(condition)}."

    def _condition(self, condition: dict) -> str:
        if "all" in condition:
            return " and ".join(self._condition(part) for part in condition["all"])
        if "any" in condition:
            return " or ".join(self._condition(part) for part in condition["any"])
        if "variant" in condition:
            if self.survey.variants is None:
                return "it applies"
            condition = {"question": self.survey.variants.question, "any_of": list(condition["variant"])}
        question = self.survey.question(condition["question"])
        heading = question_text(question, self.variant) if question else condition["question"]
        if "answered" in condition:
            return f"the question '{heading}' was {'answered' if condition['answered'] else 'left blank'}"
        keys = condition.get("any_of") or condition.get("none_of") or []
        labels = " or ".join(f"'{self._label(question, key)}'" for key in keys)
        verb = "was" if "any_of" in condition else "was not"
        return f"the answer to '{heading}' {verb} {labels}"

    def _label(self, question, key: str) -> str:
        option = question.option(key) if question else None
        return option_label(option, self.variant) if option else key
