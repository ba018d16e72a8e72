"""Advocates and workers enter feedback on someone's behalf, and key in paper returns.

An entry belongs to the person who entered it: only they see it in their list, and only they may correct
it, until the financial quarter it was submitted in ends (after that it may be in a board's report, so it
is locked). Administrators may open any entry to read it, for audit, but never change one: a correction
is the advocate's account of what the person said, not anyone else's.
"""
from __future__ import annotations

from babel import Locale
from flask import abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from .. import analysis
from ..access import requires
from ..alerts import raising
from ..alerts.service import help_lines
from ..data import alerts as alert_records
from ..data import audit, boards, entries
from ..i18n import enabled_languages
from ..quarters import quarter_of
from ..surveys.wording import translate
from . import blueprint, nav
from .entry_forms import MODE_LABELS, PROMPTS, EntryForm, OnePageSurvey, StartEntryForm, representative_answers

# People who sit with someone and give their views; administrators may enter too.
ENTRY_ROLES = ("administrator", "advocate", "practitioner", "safeguarding_lead")
AUTHOR_ROLES = ("advocate", "practitioner", "safeguarding_lead")  # who may correct (their own) entries

nav.add("Your entries", "staff.entries_list", ENTRY_ROLES,
        "Give someone's views for them, or key in a paper form, and correct what you entered.")


def _catalogue():
    return current_app.extensions["surveys"]


def _language_choices() -> list[SelectChoice]:
    choices = []
    for code, language in enabled_languages().items():
        name = Locale.parse(language.html_lang, sep="-").get_display_name("en") or code
        choices.append(SelectChoice(code, f"{name} (easy read)" if language.easy_read else name))
    return choices


def _language_name(code: str) -> str:
    return next((choice.label for choice in _language_choices() if choice.value == code), code)


def _survey_choices() -> list[SelectChoice]:
    """Each board the person may enter for, with each survey that board offers: "board-slug/survey-id"."""
    choices = [SelectChoice("", "Choose a board and survey")]
    for board in boards.boards_with_slugs(current_user.boards_for(*ENTRY_ROLES)):
        offered = set(boards.offered_surveys(board))
        for survey_id in _catalogue().published_ids():
            if survey_id in offered:
                title = translate(_catalogue().get(survey_id).title)
                choices.append(SelectChoice(f"{board.slug}/{survey_id}", f"{board.name}: {title}"))
    return choices


@blueprint.get("/entries")
@requires(*ENTRY_ROLES)
def entries_list():
    rows = entries.entries_by(current_user.id)
    audit.record_read("response.list", detail={"entered_by": current_user.id, "count": len(rows)})
    shown = [{"response": r, "board": b, "survey": _catalogue().get(r.survey_id, r.survey_version),
              "locked": entries.is_locked(r)} for r, b in rows]
    return render_template("staff/entry_list.html", rows=shown, modes=MODE_LABELS)


@blueprint.route("/entries/new", methods=["GET", "POST"])
@requires(*ENTRY_ROLES)
def entry_start():
    form = StartEntryForm(data={"survey": request.args.get("survey", ""), "language": "en"})
    form.survey.choices = _survey_choices()
    form.language.choices = _language_choices()
    if form.validate_on_submit():
        board_slug, survey_id = form.survey.data.split("/", 1)
        return redirect(url_for("staff.entry_new", board_slug=board_slug, survey_id=survey_id,
                                mode=form.mode.data, language=form.language.data))
    return render_template("staff/entry_start.html", form=form, modes=MODE_LABELS), (400 if form.errors else 200)


@blueprint.route("/entries/new/<board_slug>/<survey_id>", methods=["GET", "POST"])
@requires(*ENTRY_ROLES, board_arg="board_slug")
def entry_new(board_slug: str, survey_id: str):
    board = boards.board_by_slug(board_slug)
    survey = _catalogue().get(survey_id)
    if board is None or survey is None or not boards.offers_survey(board, survey_id):
        abort(404)
    mode, language = request.args.get("mode", ""), request.args.get("language", "en")
    if mode not in entries.ENTRY_MODES or language not in enabled_languages():
        # Only a changed link gets here: start again with the survey chosen, and say how the views were given.
        return redirect(url_for("staff.entry_start", survey=f"{board_slug}/{survey_id}"))
    outer = EntryForm()
    page = OnePageSurvey(survey, representative_answers(survey, mode), submitted=request.method == "POST")
    if request.method == "POST" and outer.validate_on_submit() and page.validate():
        response, _alert = raising.create_entry(survey=survey, board=board, mode=mode, language=language,
                                                answers=page.kept(), user_id=current_user.id)
        analysis.queue_response(response.id)
        return redirect(url_for("staff.entry", response_id=response.id, created=1))
    return _form_page(outer, page, board=board, mode=mode, language=language,
                      change_url=url_for("staff.entry_start", survey=f"{board_slug}/{survey_id}"))


def _form_page(outer, page, **context):
    errors = page.errors()
    return render_template("staff/entry_form.html", form=outer, page=page, errors=errors, modes=MODE_LABELS,
                           prompt=PROMPTS[context["mode"]], language_name=_language_name(context["language"]),
                           **context), (400 if errors else 200)


def _own_entry(response_id: int, may_read_for_audit: bool):
    """The entry and its board, if this person may see it: 404 if there is none, 403 if it is not theirs."""
    response, board = entries.entry_and_board(response_id)
    if response is None:
        abort(404)
    is_author = response.entered_by == current_user.id
    if not is_author and not (may_read_for_audit and current_user.holds(("administrator",))):
        abort(403)
    survey = _catalogue().get(response.survey_id, response.survey_version)
    if survey is None:
        abort(404)
    return response, board, survey, is_author


@blueprint.get("/entries/<int:response_id>")
@requires(*ENTRY_ROLES)
def entry(response_id: int):
    response, board, survey, is_author = _own_entry(response_id, may_read_for_audit=True)
    answers = entries.stored_answers(response)
    audit.record_read("response.read", target=f"response:{response.id}", board_id=board.id)
    page = OnePageSurvey(survey, answers)
    rows = [(q, answers.get(q.key)) for q in page.survey.questions if q.key in page.kept()]
    alert = alert_records.alert_for_response(response.id)
    return render_template("staff/entry.html", response=response, board=board, survey=survey, rows=rows,
                           alert=alert, help_lines=help_lines(survey.audience, alert.categories) if alert else [],
                           variant=page.variant, modes=MODE_LABELS, is_author=is_author,
                           language_name=_language_name(response.language),
                           locked=entries.is_locked(response), quarter=quarter_of(response.submitted_at),
                           created=request.args.get("created") == "1", updated=request.args.get("updated") == "1")


@blueprint.route("/entries/<int:response_id>/edit", methods=["GET", "POST"])
@requires(*AUTHOR_ROLES)
def entry_edit(response_id: int):
    response, board, survey, _ = _own_entry(response_id, may_read_for_audit=False)
    if entries.is_locked(response):
        return _locked(response, board)
    outer = EntryForm()
    if request.method == "POST":
        page = OnePageSurvey(survey, submitted=True)
    else:
        audit.record_read("response.read", target=f"response:{response.id}", board_id=board.id,
                          detail={"for": "correction"})
        page = OnePageSurvey(survey, entries.stored_answers(response))
    if request.method == "POST" and outer.validate_on_submit() and page.validate():
        try:
            raising.update_entry(response, survey, page.kept(), user_id=current_user.id, board=board)
            analysis.queue_response(response.id)
        except entries.EntryLocked:
            return _locked(response, board)  # the quarter ended while the form was open
        except entries.NotTheAuthor:
            abort(403)
        return redirect(url_for("staff.entry", response_id=response.id, updated=1))
    return _form_page(outer, page, board=board, mode=response.mode, language=response.language, response=response)


def _locked(response, board):
    return render_template("staff/entry_locked.html", response=response, board=board,
                           quarter=quarter_of(response.submitted_at)), 409
