"""Thin views: check the link or draft, validate the form, call the data layer, redirect."""
from __future__ import annotations

from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext

from .. import analysis
from ..access import public
from ..alerts import raising
from ..alerts.service import help_lines
from ..data import alerts, boards, invitations, responses
from ..i18n import board_languages, choose_language, current_language, enabled_languages, use_language
from ..models import utcnow
from ..surveys import logic
from ..surveys.wording import question_text
from . import blueprint
from ..surveys.forms import answer_from, question_form
from .forms import StartForm, SubmitForm
from .components import render_component
from .presenters import question_params, spoken_text
from .recordings import recording_url

# Where a person is sent when the link itself is the problem, with the status code that fits.
PROBLEMS = {
    "unknown": 404,
    "expired": 410,
    "used": 410,
    "draft_expired": 410,
    "not_offered": 404,
}


def _catalogue():
    return current_app.extensions["surveys"]


def _settings():
    return current_app.config["SETTINGS"]


def _draft_languages(board) -> dict:
    """A draft's language was limited to its board's when it started: check the board only for a new one."""
    return board_languages(board) if request.args.get("lang") else enabled_languages()


def _problem(kind: str, board=None, languages: dict | None = None):
    use_language(choose_language(request.args.get("lang"), accept_languages=request.accept_languages,
                                 offered=languages or board_languages(board)))
    return render_template("respond/problem.html", kind=kind, board=board), PROBLEMS[kind]


def _start_page(board, survey, action: str, invitation=None, resume_draft=None):
    language = choose_language(request.args.get("lang"), invitation.language if invitation else None,
                               accept_languages=request.accept_languages, offered=board_languages(board))
    use_language(language)
    form = StartForm(data={"language": language.code})
    return render_template("respond/start.html", board=board, survey=survey, form=form, action=action,
                           resume_draft=resume_draft)


def _begin(board, survey, invitation=None):
    form = StartForm()
    if not form.validate_on_submit():
        abort(400)
    language = choose_language(form.language.data, invitation.language if invitation else None,
                               accept_languages=request.accept_languages, offered=board_languages(board))
    draft = responses.start_draft(survey, board, language.code, invitation=invitation,
                                  draft_days=_settings().draft_days)
    session.setdefault("drafts", {})[f"{board.slug}/{survey.id}"] = draft.token
    session.modified = True
    return redirect(_next_url(draft.token, survey, draft.answers))


def _invitation_or_problem(token: str):
    invitation = invitations.invitation_by_token(token)
    if invitation is None:
        return None, _problem("unknown")
    board = boards.get_board(invitation.board_id)
    problem = invitations.invitation_problem(invitation)
    if problem:
        return None, _problem(problem, board)
    survey = _catalogue().get(invitation.survey_id)
    if survey is None:
        return None, _problem("unknown", board)
    return (invitation, board, survey), None


@blueprint.get("/i/<token>")
@public
def invitation_start(token: str):
    found, problem = _invitation_or_problem(token)
    if problem:
        return problem
    invitation, board, survey = found
    resume = responses.open_draft_for_invitation(invitation) if invitation.max_uses == 1 else None
    return _start_page(board, survey, url_for(".invitation_begin", token=token), invitation, resume)


@blueprint.post("/i/<token>")
@public
def invitation_begin(token: str):
    found, problem = _invitation_or_problem(token)
    if problem:
        return problem
    invitation, board, survey = found
    return _begin(board, survey, invitation)


def _open_link(board_slug: str, survey_id: str):
    board = boards.board_by_slug(board_slug)
    survey = _catalogue().get(survey_id)
    if board is None or survey is None or not boards.offers_survey(board, survey_id):
        return None, _problem("not_offered", board)
    return (board, survey), None


@blueprint.get("/s/<board_slug>/<survey_id>")
@public
def open_start(board_slug: str, survey_id: str):
    found, problem = _open_link(board_slug, survey_id)
    if problem:
        return problem
    board, survey = found
    resume = responses.draft_by_token(session.get("drafts", {}).get(f"{board.slug}/{survey.id}", ""))
    if resume is not None and (resume.status != "open" or resume.expires_at <= utcnow()):
        resume = None
    return _start_page(board, survey, url_for(".open_begin", board_slug=board_slug, survey_id=survey_id),
                       resume_draft=resume)


@blueprint.post("/s/<board_slug>/<survey_id>")
@public
def open_begin(board_slug: str, survey_id: str):
    found, problem = _open_link(board_slug, survey_id)
    if problem:
        return problem
    return _begin(*found)


class DraftState:
    """What every page of a draft needs: the draft, its survey version, board and chosen language."""

    def __init__(self, draft, board):
        self.draft = draft
        self.survey = _catalogue().get(draft.survey_id, draft.survey_version)
        self.board = board
        requested = request.args.get("lang")
        language = choose_language(requested, draft.language, offered=_draft_languages(board))
        if requested and language.code == requested and requested != draft.language:
            responses.set_draft_language(draft, language.code)
        use_language(language)

    @property
    def answers(self) -> dict:
        return self.draft.answers

    @property
    def variant(self) -> str:
        return logic.variant_of(self.survey, self.answers)

    def transcript(self, before_key: str | None = None) -> list:
        """Earlier questions and answers, shown above the current question as a conversation."""
        turns = []
        for question in logic.visible_questions(self.survey, self.answers):
            if question.key == before_key:
                break
            if question.key in self.answers:
                turns.append((question, self.answers[question.key]))
        return turns


def _draft_or_problem(token: str, allow_submitted: bool = False):
    draft, board = responses.draft_and_board(token)
    if draft is None:
        return None, _problem("unknown")
    if draft.status == "submitted" and not allow_submitted:
        return None, redirect(url_for(".done", token=token))
    if draft.status == "open" and draft.expires_at <= utcnow():
        return None, _problem("draft_expired", board, _draft_languages(board))
    return DraftState(draft, board), None


def _next_url(token: str, survey, answers: dict) -> str:
    """The first question still to answer, or the check page when there is none."""
    question = logic.first_unanswered(survey, answers)
    if question is not None:
        return url_for(".question", token=token, key=question.key)
    return url_for(".check", token=token)


def _where_next(state: DraftState) -> str:
    return _next_url(state.draft.token, state.survey, state.answers)


@blueprint.get("/r/<token>")
@public
def resume(token: str):
    state, problem = _draft_or_problem(token)
    return problem or redirect(_where_next(state))


@blueprint.route("/r/<token>/q/<key>", methods=["GET", "POST"])
@public
def question(token: str, key: str):
    state, problem = _draft_or_problem(token)
    if problem:
        return problem
    survey, answers = state.survey, state.answers
    current = survey.question(key)
    reachable = current is not None and logic.is_visible(survey, current, answers) and (
        key in answers or logic.next_question(survey, answers) == current)
    if not reachable:
        return redirect(_where_next(state))

    from_check = request.args.get("from") == "check"
    form = question_form(current, state.variant, answers.get(key))
    if request.method == "POST" and "skip_section" in request.form and _section_skippable(state, current):
        return _skip_section(state, current)
    if form.validate_on_submit():
        answer = answer_from(form, current)
        responses.save_answers(state.draft, {key: answer})
        following = None if from_check else _following(state, key)
        if raising.on_answer(state.draft, state.board, current, answer):
            # Help at once, on the very next page; the survey carries on from there.
            return redirect(url_for(".help_page", token=token, next=following.key if following else "check"))
        if from_check:
            return redirect(_where_next(state))
        return redirect(url_for(".question", token=token, key=following.key) if following
                        else url_for(".check", token=token))

    previous = logic.previous_question(survey, answers, key)
    position, total = logic.progress(survey, answers, key)
    return render_template(
        "respond/question.html", state=state, question=current, form=form,
        spoken=spoken_text(current, state.variant),
        recording=recording_url(state.board.slug, survey.id, current_language().code, key),
        component=render_component(question_params(current, state.variant, form)), heading=question_text(current, state.variant),
        transcript=state.transcript(before_key=key), position=position, total=total, from_check=from_check,
        back_url=url_for(".check", token=token) if from_check else (
            url_for(".question", token=token, key=previous.key) if previous else None),
        can_skip_section=_section_skippable(state, current),
    ), (400 if form.errors else 200)


def _following(state: DraftState, key: str):
    visible = logic.visible_questions(state.survey, state.answers)
    keys = [q.key for q in visible]
    return visible[keys.index(key) + 1] if key in keys and keys.index(key) + 1 < len(keys) else None


def _section_questions(state: DraftState, current) -> list:
    return [q for q in logic.visible_questions(state.survey, state.answers) if q.section and q.section == current.section]


def _section_skippable(state: DraftState, current) -> bool:
    """An optional section (equality monitoring) can be skipped whole from its first question."""
    section = _section_questions(state, current)
    return bool(section) and section[0].key == current.key and all(not q.required for q in section)


def _skip_section(state: DraftState, current):
    form = SubmitForm()
    if not form.validate_on_submit():
        abort(400)
    blanks = {q.key: {"o": [], "t": ""} for q in _section_questions(state, current) if q.key not in state.answers}
    responses.save_answers(state.draft, blanks)
    return redirect(_where_next(state))


@blueprint.route("/r/<token>/check", methods=["GET", "POST"])
@public
def check(token: str):
    state, problem = _draft_or_problem(token)
    if problem:
        return problem
    missing = logic.first_unanswered(state.survey, state.answers)
    if missing is not None:
        return redirect(url_for(".question", token=token, key=missing.key))
    form = SubmitForm()
    if form.validate_on_submit():
        try:
            response, _alert = raising.submit(state.draft, state.board, state.survey)
        except responses.LinkUsedUp:
            return _problem("used", state.board, _draft_languages(state.board))
        analysis.queue_response(response.id)  # after the commit: the worker can always find what it is sent
        return redirect(url_for(".done", token=token))
    rows = [(q, state.answers.get(q.key)) for q in logic.visible_questions(state.survey, state.answers)]
    return render_template("respond/check.html", state=state, form=form, rows=rows)


@blueprint.get("/r/<token>/done")
@public
def done(token: str):
    state, problem = _draft_or_problem(token, allow_submitted=True)
    if problem:
        return problem
    response = responses.response_for_draft(state.draft)
    if response is None:
        return redirect(_where_next(state))
    alert = alerts.alert_for_response(response.id)
    lines = help_lines(state.survey.audience, alert.categories) if alert else help_lines(state.survey.audience, ())
    return render_template("respond/done.html", state=state, response=response, alert=alert, lines=lines,
                           asked_for_contact=bool(alert) and alerts.has_contact(alert))


@blueprint.app_context_processor
def _page_context():
    return {"page_title_suffix": gettext("VoiceCapture")}
