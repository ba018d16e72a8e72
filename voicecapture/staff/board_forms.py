"""Forms for board settings, targets and "you said, we did". Every message says what to do next."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import request
from flask_wtf import FlaskForm
from wtforms import IntegerField, RadioField, SelectChoice, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional as Blank, ValidationError

from .. import metrics, quarters
from ..branding import colour_problem, logo_problem

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
KINDS = [SelectChoice("adults", "Adults (Safeguarding Adults Board)"),
         SelectChoice("children", "Children (Safeguarding Children Partnership)")]
STATUSES = [SelectChoice("planned", "Planned"), SelectChoice("in_progress", "In progress"), SelectChoice("done", "Done")]


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _slug(form, field):
    if not SLUG.match(field.data or ""):
        raise ValidationError("Use only lower-case letters, digits and single hyphens, like northvale-sab")


def _https_elsewhere(form, field):
    if not field.data:
        return
    parts = urlsplit(field.data)
    if parts.scheme != "https" or not parts.hostname:
        raise ValidationError("Enter a full address starting with https://, like https://www.bbc.co.uk/weather")
    if parts.hostname == (request.host or "").split(":")[0]:
        raise ValidationError("The quick exit must go to another website, not this one")


def _colour(form, field):
    if field.data:
        field.data = field.data.lower()
        problem = colour_problem(field.data)
        if problem:
            raise ValidationError(problem)


def _logo(form, field):
    if field.data:
        problem = logo_problem(field.data)
        if problem:
            raise ValidationError(problem)


class WholeNumberField(IntegerField):
    """An IntegerField whose message for "four" or "4.5" says what to type instead."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError("Enter a whole number, like 4") from None


def _lead_id(value):
    return int(value) if value not in (None, "", "None") else None


class BoardForm(FlaskForm):
    name = StringField("Board name", filters=[_strip],
                       validators=[DataRequired("Enter the board's name"), Length(max=200, message="Board name must be 200 characters or fewer")])
    kind = RadioField("Who the board is for", choices=KINDS, default="adults",
                      validators=[DataRequired("Choose who the board is for")])
    help_phone = StringField("Help phone number", filters=[_strip],
                             validators=[Length(max=40, message="Help phone number must be 40 characters or fewer")])
    help_text = TextAreaField("When the help line is open", filters=[_strip],
                              validators=[Length(max=500, message="Help text must be 500 characters or fewer")])
    quick_exit_url = StringField("Quick exit address", filters=[_strip],
                                 validators=[Length(max=500, message="The address must be 500 characters or fewer"),
                                             _https_elsewhere])
    brand_colour = StringField("Header colour", filters=[_strip], validators=[_colour])
    logo_svg = TextAreaField("Logo (SVG)", validators=[_logo])  # stored exactly as given
    surveys = SelectMultipleField("Surveys this board offers", choices=[], validate_choice=True)
    languages = SelectMultipleField("Languages respondents may choose", choices=[], validate_choice=True)
    alert_ack_hours = WholeNumberField(
        "Working hours to acknowledge a safeguarding alert", default=4,
        validators=[InputRequired("Enter how many working hours a lead has to acknowledge an alert, like 4"),
                    NumberRange(min=1, max=40, message="Enter a whole number of working hours from 1 to 40")])
    escalation_lead_id = SelectField("Escalation lead", choices=[], coerce=_lead_id, validate_choice=True)


class NewBoardForm(BoardForm):
    slug = StringField("Short name for links", filters=[_strip],
                       validators=[DataRequired("Enter a short name for the board's links, like northvale-sab"),
                                   Length(max=60, message="The short name must be 60 characters or fewer"), _slug])


class PlaceForm(FlaskForm):
    name = StringField("Name", filters=[_strip],
                       validators=[DataRequired("Enter a name"), Length(max=120, message="The name must be 120 characters or fewer")])


def targets_form(current: dict[str, float], formdata=None):
    """One text box per metric: a number in the metric's range, or blank to clear its target."""
    class TargetsForm(FlaskForm):
        pass

    for metric in metrics.METRICS:
        setattr(TargetsForm, metric.key, StringField(metric.title, filters=[_strip], validators=[_target(metric)]))
    form = TargetsForm(formdata=formdata) if formdata is not None else TargetsForm()
    if request.method != "POST":
        for metric in metrics.METRICS:
            value = current.get(metric.key)
            form[metric.key].data = "" if value is None else f"{value:g}"
    return form


def _target(metric: metrics.Metric):
    what = "a percentage from 0 to 100" if metric.unit == metrics.PERCENT else "a score from 0 to 10"

    def check(form, field):
        if not field.data:
            field.number = None
            return
        try:
            value = float(field.data.rstrip("%").strip())
        except ValueError:
            raise ValidationError(f"Enter {what} for {metric.title.lower()}, or leave it blank") from None
        if not 0 <= value <= metric.upper or value != value:
            raise ValidationError(f"The target for {metric.title.lower()} must be {what}; {field.data} is not")
        field.number = value
    return check


def target_values(form) -> dict:
    return {metric.key: form[metric.key].number for metric in metrics.METRICS}


def _quarter(form, field):
    try:
        field.data = quarters.parse(field.data or "").label
    except ValueError as error:
        raise ValidationError(str(error)) from None


def theme_choices(definitions: dict) -> list[SelectChoice]:
    return [SelectChoice("", "No theme in particular")] + [SelectChoice(key, value["label"])
                                                           for key, value in definitions.items()]


class ActionForm(FlaskForm):
    quarter = StringField("Quarter", filters=[_strip], validators=[DataRequired("Enter the quarter, like 2026-27Q2"), _quarter])
    theme = SelectField("Theme", choices=[], default="", validate_choice=True)
    you_said = TextAreaField("You said", filters=[_strip],
                             validators=[DataRequired("Enter what people told the board"),
                                         Length(max=1000, message="'You said' must be 1000 characters or fewer")])
    we_did = TextAreaField("We did", filters=[_strip], validators=[
        Blank(), Length(max=2000, message="'We did' must be 2000 characters or fewer")])
    status = RadioField("Status", choices=STATUSES, default="planned", validators=[DataRequired("Choose a status")])
