"""Board pages: members, officers and safeguarding leads see their own boards' figures; officers set targets
and keep "you said, we did". Administrators see every board."""
from __future__ import annotations

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user

from .. import analysis, metrics
from ..access import requires
from ..data import audit, board_figures, boards
from ..models import utcnow
from ..quarters import quarter_of
from . import blueprint, nav
from .board_forms import STATUSES, ActionForm, target_values, targets_form, theme_choices

READERS = ("administrator", "board_officer", "board_member", "safeguarding_lead")
OFFICERS = ("administrator", "board_officer")

STATUS_LABELS = {choice.value: choice.label for choice in STATUSES}

nav.add("Boards", "staff.boards", READERS, "Each board's figures this quarter, targets, and 'you said, we did'.")


def _board_or_404(board_slug: str):
    board = boards.board_by_slug(board_slug)
    if board is None:
        abort(404)
    return board


@blueprint.get("/boards", endpoint="boards")
@requires(*READERS)
def boards_list():
    return render_template("staff/boards.html", boards=boards.boards_with_slugs(current_user.boards_for(*READERS)))


@blueprint.get("/boards/<board_slug>")
@requires(*READERS, board_arg="board_slug")
def board(board_slug: str):
    board = _board_or_404(board_slug)
    surveys = current_app.extensions["surveys"]
    quarters = board_figures.current_and_previous(utcnow())
    figures = [board_figures.quarter_figures(board, quarter, surveys) for quarter in quarters]
    targets = board_figures.targets(board)
    audit.record_read("board.read", target=f"board:{board.id}", board_id=board.id,
                      detail={"quarters": [q.label for q in quarters]})
    survey_ids = sorted(set(boards.offered_surveys(board)).union(*(f.responses for f in figures)))
    return render_template("staff/board.html", board=board, figures=figures, survey_ids=survey_ids,
                           catalogue=current_app.extensions["surveys"],
                           targets=targets, metrics=metrics, actions=boards.list_actions(board),
                           statuses=STATUS_LABELS, can_manage=current_user.holds(OFFICERS, board_slug=board.slug))


@blueprint.route("/boards/<board_slug>/targets", methods=["GET", "POST"])
@requires(*OFFICERS, board_arg="board_slug")
def board_targets(board_slug: str):
    board = _board_or_404(board_slug)
    form = targets_form(board_figures.targets(board))
    if form.validate_on_submit():
        boards.set_targets(board, target_values(form), current_user.id)
        return redirect(url_for("staff.board", board_slug=board.slug, _anchor="metrics"))
    return render_template("staff/board_targets.html", board=board, form=form, metrics=metrics), \
        (400 if any(field.errors for field in form) else 200)


@blueprint.route("/boards/<board_slug>/actions", methods=["GET", "POST"])
@requires(*OFFICERS, board_arg="board_slug")
def board_actions(board_slug: str):
    board = _board_or_404(board_slug)
    form = ActionForm()
    form.theme.choices = theme_choices(analysis.theme_definitions())
    if request.method == "GET":
        form.quarter.data = quarter_of(utcnow()).label
    if form.validate_on_submit():
        boards.save_action(board, _action_fields(form), current_user.id)
        return redirect(url_for("staff.board_actions", board_slug=board.slug, added=1))
    return render_template("staff/board_actions.html", board=board, form=form, actions=boards.list_actions(board),
                           statuses=STATUS_LABELS, added=request.args.get("added") == "1"), \
        (400 if any(field.errors for field in form) else 200)


@blueprint.route("/boards/<board_slug>/actions/<int:action_id>", methods=["GET", "POST"])
@requires(*OFFICERS, board_arg="board_slug")
def board_action(board_slug: str, action_id: int):
    board = _board_or_404(board_slug)
    action = boards.get_action(board, action_id)
    if action is None:
        abort(404)
    form = ActionForm(obj=action)
    form.theme.choices = theme_choices(analysis.theme_definitions())
    if form.validate_on_submit():
        boards.save_action(board, _action_fields(form), current_user.id, action_id=action.id)
        return redirect(url_for("staff.board_actions", board_slug=board.slug))
    return render_template("staff/board_action.html", board=board, form=form, action=action), \
        (400 if any(field.errors for field in form) else 200)


def _action_fields(form) -> dict:
    return {"quarter": form.quarter.data, "theme": form.theme.data or "", "you_said": form.you_said.data, "we_did": form.we_did.data or "",
            "status": form.status.data}
