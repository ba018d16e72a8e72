"""WTForms for one question, built from its definition: the respondent flow and staff entry share them."""
from __future__ import annotations

import re
import unicodedata

from flask_babel import format_number, gettext
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectMultipleField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, StopValidation, ValidationError

from .model import Question
from .wording import option_label

# Control characters other than newline and tab are never part of an answer (and PostgreSQL rejects NUL).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value):
    if value is None:
        return None
    value = unicodedata.normalize("NFC", _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")))
    return value.strip()


def _one_of(keys: set[str]):
    def check(form, field):
        values = field.data if isinstance(field.data, list) else [field.data]
        if any(value not in keys for value in values if value not in (None, "")):
            raise StopValidation(gettext("Select one of the answers shown"))
    return check


def _exclusive(question: Question, variant: str):
    exclusive = {o.key: o for o in question.options if o.exclusive}

    def check(form, field):
        chosen = field.data or []
        alone = [key for key in chosen if key in exclusive]
        if alone and len(chosen) > 1:
            raise ValidationError(gettext('Select "%(answer)s" on its own, or untick it',
                                          answer=option_label(exclusive[alone[0]], variant)))
    return check


def question_form(question: Question, variant: str, answer: dict | None = None, **kwargs) -> FlaskForm:
    """A form whose one field, `answer`, takes this question's answer."""
    # Options are drawn by the GOV.UK macros and checked by _one_of, so WTForms needs no choices.
    keys = {o.key for o in question.options}
    answer = answer or {}

    def presence(message: str):
        return InputRequired(message=message) if question.required else Optional()

    if question.is_text:
        limit = question.max_length
        field = TextAreaField(filters=[clean_text], validators=[
            presence(gettext("Enter your answer")),
            Length(max=limit, message=gettext("Your answer must be %(count)s characters or fewer",
                                              count=format_number(limit))),
        ])
        data = {"answer": answer.get("t", "")}
    elif question.is_multiple:
        field = SelectMultipleField(validate_choice=False, validators=[
            presence(gettext("Select at least one answer")),
            _one_of(keys), _exclusive(question, variant),
        ])
        data = {"answer": answer.get("o", [])}
    else:
        field = RadioField(validate_choice=False, validators=[
            presence(gettext("Select an answer")), _one_of(keys),
        ])
        data = {"answer": (answer.get("o") or [None])[0]}

    form_class = type("QuestionForm", (FlaskForm,), {"answer": field})
    return form_class(data=data, **kwargs)


def answer_from(form: FlaskForm, question: Question) -> dict:
    data = form.answer.data
    if question.is_text:
        return {"o": [], "t": data or ""}
    if question.is_multiple:
        ordered = [o.key for o in question.options if o.key in (data or [])]
        return {"o": ordered, "t": ""}
    return {"o": [data] if data else [], "t": ""}

