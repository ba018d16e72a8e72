"""Administrators: boards (settings, branding, surveys offered, languages, agencies and areas).

Also the two public routes that brand respondent pages: a tiny stylesheet with the board's header colour
(the CSP forbids inline styles) and the board's logo, served under a CSP that lets it run nothing.
"""
from __future__ import annotations

from wtforms import SelectChoice
from flask import Response, abort, current_app, redirect, render_template, request, url_for

from ..access import public, requires
from ..branding import version_of
from ..data import alert_notices, boards
from ..i18n import enabled_languages
from ..surveys.model import pick
from . import blueprint, nav
from .board_forms import BoardForm, NewBoardForm, PlaceForm

nav.add("Boards: settings", "staff.admin_boards", ("administrator",),
        "Boards' names, branding, help contacts, surveys, languages, agencies and areas.")


def _choices(form, board=None) -> None:
    leads = alert_notices.board_leads(board.id) if board else []
    form.escalation_lead_id.choices = [SelectChoice(None, "None: escalate to every lead and the administrators")] + [
        SelectChoice(user.id, f"{user.name} <{user.email}>") for user in leads]
    form.surveys.choices = [SelectChoice(s.id, f"{pick(s.title, '')} ({s.id})") for s in _published()]
    form.languages.choices = [SelectChoice(code, language.name) for code, language in enabled_languages().items()]


def _published():
    catalogue = current_app.extensions["surveys"]
    return [catalogue.get(survey_id) for survey_id in catalogue.published_ids()]


def _settings(form) -> dict:
    numbers = {"alert_ack_hours": form.alert_ack_hours.data, "escalation_lead_id": form.escalation_lead_id.data}
    return {key: numbers[key] if key in numbers else (form[key].data or "") for key in boards.SETTINGS_FIELDS}


def _with_errors(form) -> int:
    return 400 if any(field.errors for field in form) else 200


def _place_form(kind: str, action) -> PlaceForm:
    form = PlaceForm(prefix=kind, formdata=request.form if action == f"add_{kind}" else None)
    form.name.label.text = "Agency name" if kind == "agency" else "Area name"
    return form


@blueprint.get("/admin/boards")
@requires("administrator")
def admin_boards():
    return render_template("staff/board_admin_list.html", boards=boards.list_boards())


@blueprint.route("/admin/boards/new", methods=["GET", "POST"])
@requires("administrator")
def admin_board_new():
    form = NewBoardForm()
    _choices(form)
    if form.validate_on_submit():
        if boards.board_by_slug(form.slug.data):
            form.slug.errors.append("There is already a board with this short name; choose another")
        else:
            board = boards.create_board(form.slug.data, _settings(form), form.surveys.data, form.languages.data)
            return redirect(url_for("staff.admin_board", board_slug=board.slug, saved=1))
    return render_template("staff/board_admin_edit.html", form=form, board=None), _with_errors(form)


@blueprint.route("/admin/boards/<board_slug>", methods=["GET", "POST"])
@requires("administrator")
def admin_board(board_slug: str):
    board = boards.board_by_slug(board_slug)
    if board is None:
        abort(404)
    action = request.form.get("action", "save") if request.method == "POST" else None
    form = BoardForm(formdata=request.form if action == "save" else None, obj=None if action == "save" else board)
    if action != "save":
        form.surveys.data, form.languages.data = boards.offered_surveys(board), list(board.languages or [])
    _choices(form, board)
    places = {kind: _place_form(kind, action) for kind in boards.PLACE_MODELS}
    if action == "save" and form.validate():
        boards.update_board(board, _settings(form), form.surveys.data, form.languages.data)
        return redirect(url_for("staff.admin_board", board_slug=board.slug, saved=1))
    for kind, place_form in places.items():
        if action == f"add_{kind}" and place_form.validate():
            problem = boards.add_place(board, kind, place_form.name.data)
            if problem is None:
                return redirect(url_for("staff.admin_board", board_slug=board.slug, _anchor=kind))
            place_form.name.errors.append(problem)
        if action == f"remove_{kind}":
            place_id = request.form.get("place_id", type=int)
            if place_id is None or not boards.remove_place(board, kind, place_id):
                abort(404)
            return redirect(url_for("staff.admin_board", board_slug=board.slug, _anchor=kind))
    status = max([_with_errors(form)] + [_with_errors(f) for f in places.values()])
    place_errors = [f.name for f in places.values() if f.name.errors]
    return render_template("staff/board_admin_edit.html", form=form, board=board, places=places,
                           place_errors=place_errors,
                           listed={kind: boards.list_places(board, kind) for kind in boards.PLACE_MODELS},
                           saved=request.args.get("saved") == "1"), status


# --- Public: branding for respondent pages ----------------------------------------------------------------

def _cached(body: str, mimetype: str, headers: dict | None = None) -> Response:
    response = Response(body, mimetype=mimetype, headers=headers or {})
    response.set_etag(version_of(body))
    response.cache_control.public = True
    response.cache_control.max_age = 31536000
    return response.make_conditional(request)


def brand_css(board_slug: str):
    board = boards.board_by_slug(board_slug)
    if board is None or not board.brand_colour:
        abort(404)
    # The colour was checked as #rrggbb with 4.5:1 contrast against white when it was saved.
    return _cached(f".vc-header{{background:{board.brand_colour}}}\n", "text/css")


def brand_logo(board_slug: str):
    board = boards.board_by_slug(board_slug)
    if board is None or not board.logo_svg:
        abort(404)
    return _cached(board.logo_svg, "image/svg+xml",
                   {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"})


@blueprint.record_once
def _register_public_routes(state) -> None:
    """Outside /staff: respondent pages link to these, so they live at /b/<board_slug>/..."""
    state.app.add_url_rule("/b/<board_slug>/brand.css", "brand_css", public(brand_css))
    state.app.add_url_rule("/b/<board_slug>/logo.svg", "brand_logo", public(brand_logo))
