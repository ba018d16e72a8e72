"""Administrators: a board's own recordings of its questions, which "Listen" plays instead of the device's voice."""
from __future__ import annotations

from typing import Optional

from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from ..access import requires
from ..data import boards, recordings
from ..i18n import board_languages, current_language, enabled_languages, use_language
from ..recordings import files, places
from ..security import allows_uploads_up_to
from ..surveys.model import pick
from ..surveys.wording import question_text
from . import blueprint, too_large
from .invitation_present import language_label
from .recording_forms import ChooseForm, RemoveForm, UploadForm

# The biggest recording allowed, with room for the rest of the form (CSRF token, multipart boundaries).
MAX_REQUEST = files.MAX_BYTES + 64 * 1024
KIND_NAMES = {kind.content_type: kind.name for kind in files.KINDS.values()}


def _choose_form(board, surveys: list, survey_id: Optional[str], language: Optional[str]) -> ChooseForm:
    """The survey and language shown: those asked for if the board offers them, else its first ones."""
    form = ChooseForm(formdata=None)
    form.survey.choices = [SelectChoice(s.id, f"{pick(s.title, '')} ({s.id})") for s in surveys]
    form.language.choices = [SelectChoice(code, language_label(code)) for code in board_languages(board)]
    for field, wanted in ((form.survey, survey_id), (form.language, language)):
        values = [choice.value for choice in field.choices]
        field.data = wanted if wanted in values else (values[0] if values else None)
    return form


def _wording(survey, code: str) -> tuple:
    """(language, {question key: its text as respondents read it in that language}): what each recording says."""
    language = enabled_languages()[code]
    staff_language = current_language()
    use_language(language)
    try:
        return language, {question.key: question_text(question, "") for question in survey.questions}
    finally:
        use_language(staff_language)


def _done(survey, what: str) -> Optional[str]:
    """The question a redirect says was just changed, if it is one of the survey's (the link can be edited)."""
    key = request.args.get(what)
    return key if survey and survey.question(key or "") else None


def _page(board, survey_id: Optional[str] = None, language: Optional[str] = None,
          problem: Optional[tuple[str, str]] = None, status: int = 200):
    """The page; `problem` is (question key, message) when an upload was refused."""
    surveys = places.surveys(board)
    form = _choose_form(board, surveys, survey_id, language)
    survey = next((s for s in surveys if s.id == form.survey.data), None)
    language = form.language.data
    recorded = recordings.list_for_board(board, survey.id, language) if survey else {}
    spoken_in, wording = _wording(survey, language) if survey and language else (None, {})
    return render_template("staff/recordings.html", board=board, form=form, survey=survey,
                           survey_title=pick(survey.title, "") if survey else "", language_code=language,
                           language_name=language_label(language), recorded=recorded, problem=problem,
                           kinds=KIND_NAMES, size_text=files.size_text, max_size=files.size_text(files.MAX_BYTES),
                           uploaded=_done(survey, "uploaded"), removed=_done(survey, "removed"),
                           spoken_in=spoken_in, wording=wording), status


def _place_or_404(board_slug: str, survey_id: str, language: str, key: str) -> places.Place:
    place, _why = places.find(board_slug, survey_id, language, key)
    if place is None:
        abort(404)
    return place


def _back_to(place: places.Place, **done) -> str:
    return url_for("staff.admin_recordings", board_slug=place.board.slug, survey=place.survey.id,
                   language=place.language.code, _anchor=f"q-{place.question.key}", **done)


@blueprint.get("/admin/boards/<board_slug>/recordings")
@requires("administrator", board_arg="board_slug")
def admin_recordings(board_slug: str):
    board = boards.board_by_slug(board_slug)
    if board is None:
        abort(404)
    return _page(board, request.args.get("survey"), request.args.get("language"))


@blueprint.post("/admin/boards/<board_slug>/recordings/<survey_id>/<language>/<key>")
@allows_uploads_up_to(MAX_REQUEST)
@requires("administrator", board_arg="board_slug")
def admin_recording_upload(board_slug: str, survey_id: str, language: str, key: str):
    place = _place_or_404(board_slug, survey_id, language, key)
    form = UploadForm()
    if not form.validate_on_submit():
        return _page(place.board, survey_id, language, problem=(key, form.file.errors[0]), status=400)
    recordings.save(place.board, survey_id, language, key, form.file.content_type, form.file.audio,
                    uploaded_by=current_user.id)
    return redirect(_back_to(place, uploaded=key))


@too_large.page_for("staff.admin_recording_upload")
def _upload_too_large(board_slug: str, survey_id: str, language: str, key: str):
    place, _why = places.find(board_slug, survey_id, language, key)
    if place is None:
        return None
    return _page(place.board, survey_id, language, problem=(key, files.too_big(request.content_length)), status=413)


@blueprint.post("/admin/boards/<board_slug>/recordings/<survey_id>/<language>/<key>/remove")
@requires("administrator", board_arg="board_slug")
def admin_recording_remove(board_slug: str, survey_id: str, language: str, key: str):
    place = _place_or_404(board_slug, survey_id, language, key)
    if not RemoveForm().validate_on_submit():
        abort(400)
    if not recordings.delete(place.board, survey_id, language, key):
        abort(404)
    return redirect(_back_to(place, removed=key))
