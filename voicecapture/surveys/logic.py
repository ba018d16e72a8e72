"""Skip logic and the route through a survey. Pure functions over a survey and its answers.

Answers are a mapping of question key to {"o": [option keys], "t": "free text"}; a question the person
has seen and left blank is present with both empty.
"""
from __future__ import annotations

from typing import Mapping, Optional

from .model import Question, Survey

Answers = Mapping[str, Mapping]


def chosen(answers: Answers, key: str) -> list[str]:
    return list((answers.get(key) or {}).get("o") or [])


def is_blank(answer: Optional[Mapping]) -> bool:
    return not answer or (not answer.get("o") and not (answer.get("t") or "").strip())


def variant_of(survey: Survey, answers: Answers) -> str:
    if survey.variants is None:
        return ""
    picked = chosen(answers, survey.variants.question)
    return picked[0] if picked and picked[0] in survey.variants.values else survey.variants.default


def condition_holds(condition: Mapping, answers: Answers, variant: str) -> bool:
    if "all" in condition:
        return all(condition_holds(part, answers, variant) for part in condition["all"])
    if "any" in condition:
        return any(condition_holds(part, answers, variant) for part in condition["any"])
    if "variant" in condition:
        return variant in condition["variant"]
    picked = set(chosen(answers, condition["question"]))
    if "any_of" in condition:
        return bool(picked & set(condition["any_of"]))
    if "none_of" in condition:
        return not (picked & set(condition["none_of"]))
    return (not is_blank(answers.get(condition["question"]))) == condition["answered"]


def visible_questions(survey: Survey, answers: Answers) -> list[Question]:
    variant = variant_of(survey, answers)
    return [q for q in survey.questions if q.show_if is None or condition_holds(q.show_if, answers, variant)]


def is_visible(survey: Survey, question: Question, answers: Answers) -> bool:
    return question.show_if is None or condition_holds(question.show_if, answers, variant_of(survey, answers))


def next_question(survey: Survey, answers: Answers, after: Optional[str] = None) -> Optional[Question]:
    """The first visible question after `after` (or the first of all) that has not been answered yet."""
    visible = visible_questions(survey, answers)
    keys = [q.key for q in visible]
    start = keys.index(after) + 1 if after in keys else 0
    for question in visible[start:]:
        if question.key not in answers:
            return question
    return None


def first_unanswered(survey: Survey, answers: Answers) -> Optional[Question]:
    """A visible question never reached, or a required one left blank: what stops a submission."""
    for question in visible_questions(survey, answers):
        answer = answers.get(question.key)
        if question.key not in answers or (question.required and is_blank(answer)):
            return question
    return None


def previous_question(survey: Survey, answers: Answers, key: str) -> Optional[Question]:
    visible = [q.key for q in visible_questions(survey, answers)]
    if key not in visible or visible.index(key) == 0:
        return None
    return survey.question(visible[visible.index(key) - 1])


def kept_answers(survey: Survey, answers: Answers) -> dict:
    """Only answers to questions that are still shown: changing an answer can hide later questions."""
    return {q.key: answers[q.key] for q in visible_questions(survey, answers) if q.key in answers}


def progress(survey: Survey, answers: Answers, key: str) -> tuple[int, int]:
    visible = [q.key for q in visible_questions(survey, answers)]
    return (visible.index(key) + 1 if key in visible else len(visible)), len(visible)
