"""Survey wording in the current language: the catalogue's translation, or the easy-read text."""
from __future__ import annotations

from functools import lru_cache
from typing import Mapping, Optional

from flask_babel import gettext
from markupsafe import Markup

from ..i18n import current_language
from .loader import PICTURES_DIR
from .logic import is_blank
from .model import Option, Question, Text, pick


def translate(text: Optional[Text], variant: str = "") -> str:
    """Survey text is a message id in the catalogues; gettext with no placeholders needs no escaping of %."""
    value = pick(text, variant)
    return gettext(value.replace("%", "%%")) if value else ""


def question_text(question: Question, variant: str) -> str:
    if current_language().easy_read:
        return pick(question.easy_text, variant)
    return translate(question.text, variant)


def option_label(option: Option, variant: str) -> str:
    if current_language().easy_read and option.easy_label:
        return option.easy_label
    return translate(option.label, variant)


def answer_summary(question: Question, answer: Optional[Mapping], variant: str) -> str:
    if is_blank(answer):
        return gettext("Not answered")
    if question.is_text:
        # What a person typed keeps its own direction: English in an Arabic page, Urdu in an English one.
        return Markup('<bdi dir="auto">{}</bdi>').format(answer["t"])
    return ", ".join(option_label(question.option(key), variant) for key in answer["o"] if question.option(key))


@lru_cache(maxsize=None)
def _picture_markup(name: str) -> Markup:
    path = PICTURES_DIR / f"{name}.svg"
    return Markup(path.read_text(encoding="utf-8").strip()) if path.exists() else Markup("")


def picture(name: Optional[str], css_class: str = "vc-easy__picture") -> Markup:
    """A decorative picture inlined in the page: no extra request on a slow connection."""
    if not name:
        return Markup("")
    svg = str(_picture_markup(name))  # plain str: Markup.replace would escape the new attribute
    return Markup(svg.replace("<svg ", f'<svg class="{css_class}" ', 1))


def init_app(app) -> None:
    app.jinja_env.globals.update(
        translate=translate, question_text=question_text, option_label=option_label,
        answer_summary=answer_summary, picture=picture,
    )
