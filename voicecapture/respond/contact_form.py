"""The offer of contact on the help page: whether, how, and when it is safe. Nothing here is required
unless the person says yes, and then only a way to reach them."""
from __future__ import annotations

import re

from flask_babel import gettext, lazy_gettext
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, StringField, TextAreaField
from wtforms.validators import Email, Length, Optional, ValidationError

from ..surveys.forms import clean_text

WAYS = ("phone", "text", "email")
_TOO_LONG = lazy_gettext("This is too long: shorten it to at most %(max)d characters")
_YES_NO = [SelectChoice("yes", "yes"), SelectChoice("no", "no")]
_PHONE = re.compile(r"^\+?[0-9 ()-]{7,24}$")


class ContactForm(FlaskForm):
    # Checked by the validate_ methods below: a field's own Optional() would skip them when it is empty.
    wants = RadioField(choices=_YES_NO, validate_choice=False)
    how = RadioField(choices=[SelectChoice(way, way) for way in WAYS], validate_choice=False)
    phone = StringField(filters=[clean_text], validators=[Length(max=30, message=_TOO_LONG)])
    email = StringField(filters=[clean_text], validators=[Length(max=254, message=_TOO_LONG)])
    safe_times = TextAreaField(filters=[clean_text], validators=[Optional(), Length(max=500, message=_TOO_LONG)])
    message_ok = RadioField(choices=_YES_NO, validate_choice=False)
    name = StringField(filters=[clean_text], validators=[Optional(), Length(max=80, message=_TOO_LONG)])

    def validate_wants(self, field):
        if field.data not in (None, "", "yes", "no"):
            raise ValidationError(gettext("Select yes or no"))

    def validate_how(self, field):
        if self.wants.data == "yes" and field.data not in WAYS:
            raise ValidationError(gettext("Select how we should contact you"))

    def validate_phone(self, field):
        if self.wants.data == "yes" and self.how.data in ("phone", "text"):
            digits = re.sub(r"\D", "", field.data or "")
            if not field.data:
                raise ValidationError(gettext("Enter a phone number we can use"))
            if not _PHONE.match(field.data) or not 10 <= len(digits) <= 15:
                raise ValidationError(gettext("Enter a phone number, like 07700 900 982"))

    def validate_email(self, field):
        if self.wants.data == "yes" and self.how.data == "email":
            if not field.data:
                raise ValidationError(gettext("Enter an email address we can use"))
            Email(message=gettext("Enter an email address, like name@example.com"),
                  check_deliverability=False)(self, field)

    def validate_message_ok(self, field):
        if field.data not in (None, "", "yes", "no"):
            raise ValidationError(gettext("Select yes or no"))

    def details(self) -> dict:
        """What is kept, encrypted: only the way of contact the person chose."""
        how = self.how.data
        return {"how": how, "phone": self.phone.data if how in ("phone", "text") else "",
                "email": self.email.data if how == "email" else "", "safe_times": self.safe_times.data or "",
                "message_ok": self.message_ok.data or "", "name": self.name.data or ""}
