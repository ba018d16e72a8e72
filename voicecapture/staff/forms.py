from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from ..models import ROLES
from ..passwords import problem_with


class SignInForm(FlaskForm):
    email = EmailField("Email address", validators=[DataRequired("Enter your email address"), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired("Enter your password"), Length(max=200)])


def _acceptable_password(form, field):
    problem = problem_with(field.data or "", getattr(form, "email_for_check", ""))
    if problem:
        raise ValidationError(problem)


class NewPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired("Enter a new password"), _acceptable_password])
    confirm = PasswordField("Type the new password again",
                            validators=[DataRequired("Type the new password again"),
                                        EqualTo("password", "The two passwords are not the same")])


ROLE_LABELS = {
    "administrator": "Administrator (all boards)",
    "board_officer": "Board officer",
    "board_member": "Board member",
    "safeguarding_lead": "Safeguarding lead",
    "practitioner": "Practitioner",
    "advocate": "Advocate",
}


class NewUserForm(FlaskForm):
    name = StringField("Full name", validators=[DataRequired("Enter the person's name"), Length(max=120)])
    email = EmailField("Email address", validators=[DataRequired("Enter an email address"), Email("Enter an email address like name@example.org", check_deliverability=False), Length(max=254)])
    role = SelectField("Role", choices=[SelectChoice(r, ROLE_LABELS[r]) for r in ROLES])
    board = SelectField("Board", choices=[], validate_choice=True)


class GrantForm(FlaskForm):
    role = SelectField("Role", choices=[SelectChoice(r, ROLE_LABELS[r]) for r in ROLES])
    board = SelectField("Board", choices=[], validate_choice=True)
