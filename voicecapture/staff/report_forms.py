"""Forms for asking for a report and correcting a comment's themes. Every message says what to do next."""
from __future__ import annotations

from datetime import date

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, Optional as Blank, ValidationError

from ..quarters import Quarter
from ..reports.content import DEFAULT_RISKS, RISK_AREAS

RATINGS = [SelectChoice("L", "Low"), SelectChoice("M", "Medium"), SelectChoice("H", "High")]
SENTIMENTS = [SelectChoice("positive", "Positive"), SelectChoice("neutral", "Neutral"),
              SelectChoice("negative", "Negative")]


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _meeting_date(form, field):
    if not field.data:
        return
    try:
        date.fromisoformat(field.data)
    except ValueError:
        raise ValidationError("Enter the meeting date like 2026-12-10 (year, month, day), or leave it blank") from None


def risk_field_name(area: str) -> str:
    return "risk_" + area.lower().replace(" ", "_")


class ReportRequestForm(FlaskForm):
    quarter = SelectField("Quarter", choices=[], validators=[DataRequired("Choose the quarter to report on")])
    meeting_date = StringField("Meeting date", filters=[_strip], validators=[_meeting_date])
    author = StringField("Report author", filters=[_strip], validators=[
        DataRequired("Enter the report author's name or role"),
        Length(max=120, message="The author must be 120 characters or fewer")])
    presented_by = StringField("Presented by", filters=[_strip], validators=[
        Blank(), Length(max=120, message="'Presented by' must be 120 characters or fewer")])


for _area in RISK_AREAS:
    setattr(ReportRequestForm, risk_field_name(_area),
            RadioField(f"Risk: {_area.lower()}", choices=RATINGS, default=DEFAULT_RISKS[_area],
                       validators=[DataRequired(f"Choose low, medium or high for {_area.lower()}")]))


def quarter_choices(current: Quarter, count: int = 6) -> list[SelectChoice]:
    """The quarter so far and the ones before it, newest first."""
    choices, quarter = [], current
    for index in range(count):
        label = f"{quarter.label}{' (so far)' if index == 0 else ''}"
        choices.append(SelectChoice(quarter.label, label))
        quarter = quarter.previous()
    return choices


def cover_from(form: ReportRequestForm) -> dict:
    return {"meeting_date": form.meeting_date.data or "", "author": form.author.data,
            "presented_by": form.presented_by.data or "",
            "risks": {area: form[risk_field_name(area)].data for area in RISK_AREAS}}


class CommentThemesForm(FlaskForm):
    themes = SelectMultipleField("Themes", choices=[], validate_choice=True)
    sentiment = RadioField("Sentiment", choices=SENTIMENTS, validators=[DataRequired("Choose a sentiment")])

    def validate_themes(self, field):
        if len(field.data or []) > 4:
            raise ValidationError("Choose at most 4 themes: the ones the comment is mainly about")
