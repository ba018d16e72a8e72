"""Forms on an alert's page: move it on (with a note), or add a note."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ..surveys.forms import clean_text

STATUS_LABELS = {"new": "New", "acknowledged": "Acknowledged", "action_taken": "Action taken", "closed": "Closed"}


class AlertStatusForm(FlaskForm):
    status = RadioField("Move this alert to", choices=[], validate_choice=False,
                        validators=[InputRequired("Select what to move it to")])
    note = TextAreaField("Note (what you did or decided)", filters=[clean_text],
                         validators=[Length(max=4000, message="A note must be 4,000 characters or fewer")])


    def validate_status(self, field):
        if field.data not in [value for value, _label in field.choices]:
            raise ValidationError("Choose one of the statuses shown: the alert may have moved on since you opened it")


class AlertNoteForm(FlaskForm):
    text = TextAreaField("Add a note", filters=[clean_text], validators=[
        DataRequired("Enter a note"), Length(max=4000, message="A note must be 4,000 characters or fewer")])
