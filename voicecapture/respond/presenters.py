"""Parameters for the GOV.UK Frontend macros that draw one question, in the current language."""
from __future__ import annotations

from flask_babel import format_number, gettext
from markupsafe import Markup, escape

from ..i18n import current_language
from ..surveys.model import Question
from ..surveys.wording import option_label, picture, question_text, translate

# "Don't know" and "Prefer not to say" sit apart from the real answers, after a divider.
_SET_APART = {"dont_know", "prefer_not_to_say"}


def _error(form):
    errors = form.answer.errors
    return {"text": errors[0], "visuallyHiddenText": gettext("Error")} if errors else None


def _item_html(label: str, picture_name: str | None, css_class: str) -> Markup:
    return Markup('<span class="{}">{}<span>{}</span></span>').format(
        css_class, picture(picture_name, "vc-option__picture"), escape(label))


def _items(question: Question, variant: str, selected: list) -> list[dict]:
    easy = current_language().easy_read
    items, divided = [], False
    for option in question.options:
        if option.key in _SET_APART and not divided and items:
            items.append({"divider": gettext("or")})
            divided = True
        label = option_label(option, variant)
        item = {"value": option.key, "checked": option.key in selected}
        # Faces are pictures in every language; easy read adds a picture to every other answer too.
        if question.type == "faces" or easy:
            item["html"] = _item_html(label, option.picture, "vc-face")
        else:
            item["text"] = label
        if option.exclusive and question.is_multiple:
            item["behaviour"] = "exclusive"
        items.append(item)
    return items


def _hint(question: Question, variant: str) -> dict | None:
    parts = [translate(question.hint, variant)] if question.hint else []
    if question.is_text:
        parts.append(gettext("You can write up to %(count)s characters.", count=format_number(question.max_length)))
    if question.type == "scale_0_10":
        parts.append(gettext("0 means “%(low)s”. 10 means “%(high)s”.", low=translate(question.scale_low, variant),
                             high=translate(question.scale_high, variant)))
    return {"text": " ".join(parts)} if parts else None


def question_params(question: Question, variant: str, form, *, name: str = "answer",
                    page_heading: bool = True) -> dict:
    """(macro name, parameters) for the question's GOV.UK component.

    `name` is the field's name and id (staff entry puts every question on one page, so each needs its own);
    `page_heading=False` draws the question as a medium legend or label instead of the page's h1.
    """
    heading = question_text(question, variant)
    size = "l" if page_heading else "m"
    common = {"name": name, "hint": _hint(question, variant), "errorMessage": _error(form)}
    if question.is_text:
        return {"macro": "textarea", "params": {
            **common, "id": name, "rows": 6, "value": form.answer.data or "",
            "label": {"text": heading, "isPageHeading": page_heading, "classes": f"govuk-label--{size}"},
        }}
    selected = form.answer.data if isinstance(form.answer.data, list) else [form.answer.data]
    params = {
        **common, "idPrefix": name,
        "fieldset": {"legend": {"text": heading, "isPageHeading": page_heading,
                                "classes": f"govuk-fieldset__legend--{size}"}},
        "items": _items(question, variant, selected),
    }
    if question.type == "scale_0_10":
        params["classes"] = "govuk-radios--small"
    return {"macro": "checkboxes" if question.is_multiple else "radios", "params": params}


def spoken_text(question: Question, variant: str) -> str:
    """What "Listen" reads: the question, its hint and its answers, in the page's language."""
    parts = [question_text(question, variant)]
    hint = _hint(question, variant)
    if hint:
        parts.append(hint["text"])
    parts += [option_label(option, variant) for option in question.options]
    return ". ".join(part.rstrip(".?!:;") + ("?" if part.rstrip().endswith("?") else "") for part in parts if part)
