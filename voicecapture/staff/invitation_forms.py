"""Forms for practitioners' invitations. Built per board: the agency and area lists are the board's own."""
from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from ..sac import RISK_LOCATION_LABELS, RISK_TYPE_LABELS, WORK_KIND_LABELS

MAX_USES = 500
NOT_GIVEN = SelectChoice("", "Not given")


def whole_number(low: int, high: int, what: str):
    """A whole number in range, with a message that says what to type (WTForms' own says 'Not a valid integer')."""
    def check(_form, field):
        text = (field.data or "").strip()
        if not text.isdigit() or not low <= int(text) <= high:
            raise ValidationError(f"Enter {what} as a whole number from {low} to {high}")
    return check


class ChooseBoardForm(FlaskForm):
    """A GET form: which board the new invitation is for (changes the lists below it)."""
    class Meta:
        csrf = False

    board = SelectField("Board", choices=[], validate_choice=False)


def _choice_or_text(label: str, names: list[str], hint_example: str):
    if names:
        return SelectField(label, choices=[NOT_GIVEN] + [SelectChoice(n, n) for n in names])
    return StringField(label, validators=[Length(max=120, message=f"{label} must be 120 characters or fewer")],
                       description=f"For example {hint_example}. Never a person's name.")


def invitation_form(surveys: list[SelectChoice], agencies: list[str], areas: list[str],
                    languages: list[SelectChoice], **kwargs) -> FlaskForm:
    """The form for one board. There is no field for a name, on purpose: invitations never name anyone."""
    class InvitationForm(FlaskForm):
        survey = SelectField("Survey", choices=surveys)
        agency = _choice_or_text("Agency", agencies, "Adult Social Care")
        area = _choice_or_text("Area", areas, "North")
        work_kind = SelectField("Kind of work", choices=[SelectChoice("", "Choose the kind of work")] + [
            SelectChoice(k, v) for k, v in WORK_KIND_LABELS.items()],
            validators=[DataRequired("Choose the kind of work")])
        risk_type = SelectField("Type of risk (SAC), if known", choices=[NOT_GIVEN] + [
            SelectChoice(k, v) for k, v in RISK_TYPE_LABELS.items()])
        risk_location = SelectField("Location of risk (SAC), if known", choices=[NOT_GIVEN] + [
            SelectChoice(k, v) for k, v in RISK_LOCATION_LABELS.items()])
        language = SelectField("The person's language", choices=languages)
        uses = StringField("How many times the link can be used", default="1",
                           validators=[whole_number(1, MAX_USES, "how many times the link can be used")])
        expires_days = StringField("Days until the link stops working", default="28",
                                   validators=[whole_number(1, 366, "the number of days")])

    return InvitationForm(**kwargs)


class UploadForm(FlaskForm):
    file = FileField("CSV file")


class StopForm(FlaskForm):
    """Only the CSRF token: stopping a link is a POST that the page's button confirms."""
