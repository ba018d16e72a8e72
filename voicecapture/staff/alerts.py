"""The safeguarding alerts queue: leads see their boards' alerts, acknowledge them, record what was done.

What the person said and how to contact them are shown only to the board's safeguarding leads, and every
look at them is recorded on the alert and in the audit log.
"""
from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user

from ..access import requires
from ..alerts.service import rules
from ..data import alert_notices, alerts, audit, boards
from ..models import ALERT_STATES, utcnow
from ..surveys.wording import answer_summary, question_text, translate
from . import blueprint, nav
from .alert_forms import STATUS_LABELS, AlertNoteForm, AlertStatusForm

ALERT_ROLES = ("safeguarding_lead", "administrator")
LEADS = ("safeguarding_lead",)

nav.add("Safeguarding alerts", "staff.alerts_queue", ALERT_ROLES,
        "Responses that disclose harm or say a person does not feel safe: acknowledge and record what was done.")


def _board_ids() -> set[int] | None:
    slugs = current_user.boards_for(*ALERT_ROLES)
    return None if slugs is None else {board.id for board in boards.boards_with_slugs(slugs)}


@blueprint.get("/alerts")
@requires(*ALERT_ROLES)
def alerts_queue():
    status = request.args.get("status", "open")
    if status not in ("open", "all", *ALERT_STATES):
        status = "open"
    board_ids = _board_ids()
    audit.record_read("alert.list", detail={"status": status})
    return render_template("staff/alerts.html", rows=alerts.queue(board_ids, status), status=status,
                           counts=alerts.counts(board_ids), labels=STATUS_LABELS, now=utcnow())


def _alert_or_404(alert_id: int):
    alert = alerts.alert_by_id(alert_id)
    board = boards.get_board(alert.board_id) if alert else None
    if alert is None or not current_user.holds(ALERT_ROLES, board_slug=board.slug):
        abort(404)  # another board's alert is not there, as far as this person is concerned
    return alert, board


def _status_form(alert) -> AlertStatusForm:
    """The status form, offering only the moves the alert's state allows."""
    form = AlertStatusForm()
    form.status.choices = [(move, STATUS_LABELS[move]) for move in alerts.MOVES[alert.status]]
    return form


def _page(alert, board, status_form=None, note_form=None, code=200):
    is_lead = current_user.holds(LEADS, board_slug=board.slug)
    said = []
    survey = current_app.extensions["surveys"].get(alert.survey_id)
    if is_lead and alert.evidence:
        audit.record_read("alert.evidence.view", target=f"alert:{alert.id}", board_id=board.id)
        for key, answer in alerts.evidence(alert).items():
            question = survey.question(key) if survey else None
            said.append((question_text(question, "") if question else key,
                         answer_summary(question, answer, "") if question else str(answer)))
    status_form = status_form or _status_form(alert)
    return render_template(
        "staff/alert.html", alert=alert, board=board, is_lead=is_lead,
        survey_title=translate(survey.title) if survey else alert.survey_id, said=said, context=alerts.context(alert),
        events=alerts.events(alert), notices=alert_notices.notices_of(alert.id), has_contact=alerts.has_contact(alert),
        status_form=status_form, note_form=note_form or AlertNoteForm(), labels=STATUS_LABELS, now=utcnow()), code


@blueprint.get("/alerts/<int:alert_id>")
@requires(*ALERT_ROLES)
def alert_page(alert_id: int):
    alert, board = _alert_or_404(alert_id)
    return _page(alert, board)


@blueprint.post("/alerts/<int:alert_id>/status")
@requires(*ALERT_ROLES)
def alert_status(alert_id: int):
    alert, board = _alert_or_404(alert_id)
    form = _status_form(alert)
    if form.validate_on_submit():
        try:
            alerts.move(alert, form.status.data, current_user, form.note.data or "")
        except alerts.BadMove as problem:
            form.status.errors = [str(problem)[0].upper() + str(problem)[1:]]
        else:
            return redirect(url_for("staff.alert_page", alert_id=alert.id))
    return _page(alert, board, status_form=form, code=400)


@blueprint.post("/alerts/<int:alert_id>/notes")
@requires(*ALERT_ROLES)
def alert_note(alert_id: int):
    alert, board = _alert_or_404(alert_id)
    form = AlertNoteForm()
    if form.validate_on_submit():
        alerts.add_note(alert, current_user, form.text.data)
        return redirect(url_for("staff.alert_page", alert_id=alert.id, _anchor="history"))
    return _page(alert, board, note_form=form, code=400)


@blueprint.get("/alerts/<int:alert_id>/contact")
@requires(*LEADS)
def alert_contact(alert_id: int):
    alert, board = _alert_or_404(alert_id)
    if not current_user.holds(LEADS, board_slug=board.slug):
        abort(403)
    contact = alerts.read_contact(alert, current_user)
    if contact is None:
        abort(404)
    return render_template("staff/alert_contact.html", alert=alert, board=board, contact=contact)


@blueprint.app_template_filter("local_time")
def _local_time(moment) -> str:
    """Alert times in the working time zone, where leads work (UTC elsewhere would mislead by an hour)."""
    if moment is None:
        return ""
    return moment.astimezone(ZoneInfo(current_app.config["SETTINGS"].working_timezone)).strftime("%d %b %Y %H:%M")


@blueprint.app_template_filter("alert_about")
def _alert_about(alert) -> str:
    """What an alert is about, in the words of surveys/screening.yaml."""
    labels = rules().categories
    return "; ".join(labels.get(category, category) for category in alert.categories)
