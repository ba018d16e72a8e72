"""Forms for a board's recordings. Every message says what to do next."""
from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectField
from wtforms.validators import StopValidation

from ..recordings import files


class ChooseForm(FlaskForm):
    """A GET form: which survey and language the table below shows. Drawn only: the view picks the values, so
    an old link to a survey the board no longer offers shows its first one."""
    class Meta:
        csrf = False

    survey = SelectField("Survey", choices=[])
    language = SelectField("Language", choices=[])


def _recording(form, field):
    """Check the file and keep its audio and type on the field; nothing is stored unless it passes."""
    upload = field.data
    audio = upload.read() if upload else b""
    problem = files.problem(upload.filename if upload else "", len(audio), audio)
    if problem:
        raise StopValidation(problem)
    field.audio, field.content_type = audio, files.content_type(upload.filename)


class UploadForm(FlaskForm):
    file = FileField("Recording", validators=[_recording])


class RemoveForm(FlaskForm):
    """Only the CSRF token: removing is a POST that the row's button makes."""
