"""The small fixed forms of the respondent flow; question forms come from voicecapture.surveys.forms."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField


class StartForm(FlaskForm):
    """Starting a survey: just the CSRF token and the language the person chose."""
    language = HiddenField()


class SubmitForm(FlaskForm):
    pass
