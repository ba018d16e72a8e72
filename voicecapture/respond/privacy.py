"""What is kept, why and for how long, in plain words and the person's language; and deleting your answers
with the reference you were given."""
from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for
from flask_babel import format_date, gettext, ngettext
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField

from ..access import public
from ..data import erasure
from ..i18n import choose_language, use_language
from ..security import limiter
from . import blueprint

# References are short: slow down anyone trying them one after another.
LOOKUP_LIMIT = "10 per minute"


class ReferenceForm(FlaskForm):
    reference = StringField()


class EraseForm(FlaskForm):
    reference = HiddenField()


def _in_language() -> None:
    use_language(choose_language(request.args.get("lang"), accept_languages=request.accept_languages))


def duration(days: int) -> str:
    """'2 years', '30 days': how a person would say a retention period."""
    if days >= 365 and days % 365 == 0:
        return ngettext("%(num)s year", "%(num)s years", days // 365)
    return ngettext("%(num)s day", "%(num)s days", days)


def _periods() -> dict:
    settings = current_app.config["SETTINGS"]
    return {"free_text": duration(settings.free_text_retention_days),
            "contact": duration(settings.contact_retention_days),
            "evidence": duration(settings.alert_evidence_retention_days),
            "draft": duration(settings.draft_days)}


def _privacy_page(form: ReferenceForm, status: int = 200):
    return render_template("respond/privacy.html", periods=_periods(), form=form), status


@blueprint.get("/privacy")
@public
def privacy():
    _in_language()
    return _privacy_page(ReferenceForm())


@blueprint.post("/privacy")
@public
@limiter.limit(LOOKUP_LIMIT)
def find_answers():
    """The reference typed in: ask to confirm, naming the survey and the day only (never the answers)."""
    _in_language()
    form = ReferenceForm()
    if not form.validate_on_submit():
        return _privacy_page(form, 400)
    if not (form.reference.data or "").strip():
        form.reference.errors.append(gettext("Enter your reference, for example 7KQ2-M9XD"))
        return _privacy_page(form, 400)
    response = erasure.response_by_reference(form.reference.data)
    if response is None:
        form.reference.errors.append(gettext("We cannot find answers with that reference. Check it and try again."))
        return _privacy_page(form, 400)
    survey = current_app.extensions["surveys"].get(response.survey_id, response.survey_version)
    return render_template("respond/erase.html", form=EraseForm(reference=response.reference), survey=survey,
                           sent=format_date(response.submitted_at, "long"))


@blueprint.post("/privacy/delete")
@public
@limiter.limit(LOOKUP_LIMIT)
def erase_answers():
    _in_language()
    form = EraseForm()
    response = erasure.response_by_reference(form.reference.data or "") if form.validate_on_submit() else None
    if response is not None:
        erasure.erase(response.id)
    # Gone, or gone already (a second click): the same page either way, which tells nobody anything more.
    return redirect(url_for(".answers_erased", lang=request.args.get("lang")))


@blueprint.get("/privacy/deleted")
@public
def answers_erased():
    _in_language()
    return render_template("respond/erased.html")
