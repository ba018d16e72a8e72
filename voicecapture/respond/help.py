"""The help page shown straight after an answer that raises a safeguarding alert, with the offer of contact."""
from __future__ import annotations

from flask import redirect, render_template, request, url_for

from ..access import public
from ..alerts import notify
from ..alerts.rules import ScreeningRulesError
from ..alerts.service import help_lines, rules
from ..data import alerts
from . import blueprint
from .contact_form import ContactForm
from .views import _draft_or_problem, _settings


def _next_url(state, next_key: str) -> str:
    """Where "Continue" goes: a question of this survey, the check page, or the thank-you page. Nothing else."""
    if next_key == "done" or state.draft.status == "submitted":
        return url_for(".done", token=state.draft.token)
    if state.survey.question(next_key) is not None:
        return url_for(".question", token=state.draft.token, key=next_key)
    return url_for(".check", token=state.draft.token)


@blueprint.route("/r/<token>/help", methods=["GET", "POST"])
@public
def help_page(token: str):
    state, problem = _draft_or_problem(token, allow_submitted=True)
    if problem:
        return problem
    next_key = request.args.get("next", "check")[:60]
    continue_url = _next_url(state, next_key)
    alert = alerts.alert_for_draft(state.draft.id)
    if alert is None:
        return redirect(continue_url)
    form = ContactForm()
    if form.validate_on_submit():
        if form.wants.data != "yes":
            return redirect(continue_url)
        alerts.save_contact(alert, form.details())
        notify.queue_sending(alert.id)
        return redirect(url_for(".help_page", token=token, next=next_key, contact="saved"))
    return render_template(
        "respond/help.html", state=state, form=form, continue_url=continue_url,
        lines=help_lines(state.survey.audience, alert.categories), saved=request.args.get("contact") == "saved",
        asked_before=alerts.has_contact(alert), contact_days=_settings().contact_retention_days,
    ), (400 if form.errors else 200)


def _general_lines() -> list:
    """Pages outside a survey (errors, the home page) show the lines that are for anyone, whatever happened."""
    try:
        return [line for line in rules().lines if line.categories is None]
    except ScreeningRulesError:
        return []  # a broken rules file must not break an error page; `voicecapture alerts check` names it


@blueprint.app_context_processor
def _help_context():
    return {"general_help_lines": _general_lines}
