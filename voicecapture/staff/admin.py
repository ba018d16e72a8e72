"""Administrators: users and their roles, reset links, and the audit log."""
from __future__ import annotations

import csv
import io
import secrets
from datetime import datetime, timezone

from flask import Response, abort, redirect, render_template, request, stream_with_context, url_for
from flask_login import current_user

from wtforms import SelectChoice

from ..access import requires
from ..data import audit, boards, users
from . import blueprint, nav
from .forms import GrantForm, NewUserForm

nav.add("Users", "staff.admin_users", ("administrator",), "Accounts, roles on boards, and password links.")
nav.add("Audit log", "staff.admin_audit", ("administrator",), "Who read or changed what, and when. Search and export.")

ALL_BOARDS = ""


def _board_choices(include_all: bool = True) -> list[SelectChoice]:
    choices = [SelectChoice(ALL_BOARDS, "All boards")] if include_all else []
    return choices + [SelectChoice(b.slug, b.name) for b in boards.list_boards()]


def _board_id(role: str, slug: str):
    """Administrators hold their role on every board; every other role needs a board."""
    if role == "administrator":
        return None, None
    if not slug:
        return None, "Choose the board this role is for"
    board = boards.board_by_slug(slug)
    return (board.id, None) if board else (None, "Choose one of the boards in the list")


@blueprint.route("/admin/users", methods=["GET", "POST"])
@requires("administrator")
def admin_users():
    form = NewUserForm()
    form.board.choices = _board_choices()
    reset_link = None
    if form.validate_on_submit():
        board_id, problem = _board_id(form.role.data, form.board.data)
        if users.user_by_email(form.email.data):
            form.email.errors.append("There is already an account with this email address")
        elif problem:
            form.board.errors.append(problem)
        else:
            # No password is chosen for someone else: the new user sets their own from a 24-hour link.
            user = users.create_user(form.email.data, form.name.data, secrets.token_urlsafe(32),
                                     [(form.role.data, board_id)])
            reset_link = url_for("staff.set_password", token=users.reset_token(user), _external=True)
            users.record_reset_link(user)
            form = NewUserForm(formdata=None)
            form.board.choices = _board_choices()
    errors = bool(form.errors) or any(f.errors for f in form)
    audit.record_read("user.list")
    return render_template("staff/admin_users.html", form=form, people=users.list_users(),
                           reset_link=reset_link), (400 if errors else 200)


@blueprint.route("/admin/users/<int:user_id>", methods=["GET", "POST"])
@requires("administrator")
def admin_user(user_id: int):
    user = users.get_account(user_id)
    if user is None:
        abort(404)
    form = GrantForm()
    form.board.choices = _board_choices()
    reset_link = None
    action = request.form.get("action") if request.method == "POST" else None
    # CSRF is checked for every POST by CSRFProtect before this view runs.
    if action == "reset":
        reset_link = url_for("staff.set_password", token=users.reset_token(user), _external=True)
        users.record_reset_link(user)
    elif action == "revoke":
        if not users.revoke_role(user, request.form.get("grant", type=int) or 0):
            abort(400)
        return redirect(url_for("staff.admin_user", user_id=user.id))
    elif action in ("deactivate", "activate"):
        if user.id == current_user.id:
            abort(400)  # an administrator cannot lock themselves out
        users.set_active(user, action == "activate")
        return redirect(url_for("staff.admin_user", user_id=user.id))
    elif form.validate_on_submit():
        board_id, problem = _board_id(form.role.data, form.board.data)
        if problem:
            form.board.errors.append(problem)
        else:
            users.grant_role(user, form.role.data, board_id)
    audit.record_read("user.read", target=f"user:{user.id}")
    return render_template("staff/admin_user.html", account=user, grants=users.grants_of(user), form=form,
                           reset_link=reset_link), (400 if any(f.errors for f in form) else 200)


def _parse_day(value: str):
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=timezone.utc) if value else None
    except ValueError:
        return "bad"


def _audit_filters():
    filters = {key: request.args.get(key, "").strip()[:120] for key in ("action", "actor", "target")}
    problems = {}
    for key in ("since", "until"):
        day = _parse_day(request.args.get(key, "").strip())
        if day == "bad":
            problems[key] = "Enter a date like 2026-11-23"
        else:
            filters[key] = day
    return filters, problems


@blueprint.get("/admin/audit")
@requires("administrator")
def admin_audit():
    filters, problems = _audit_filters()
    before_id = request.args.get("before", type=int)
    events = [] if problems else audit.search(before_id=before_id, **filters)
    audit.record_read("audit.search", detail={k: str(v) for k, v in filters.items() if v})
    shown = {key: value for key, value in request.args.items() if key != "before"}
    return render_template("staff/admin_audit.html", events=events, filters=shown, problems=problems,
                           more=len(events) == audit.PAGE_SIZE), (400 if problems else 200)


@blueprint.get("/admin/audit.csv")
@requires("administrator")
def admin_audit_csv():
    filters, problems = _audit_filters()
    if problems:
        abort(400)
    audit.record_read("audit.export", detail={k: str(v) for k, v in filters.items() if v})

    def rows():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["id", "at", "actor", "action", "target", "board_id", "ip", "detail"])
        for event in audit.iter_all(**filters):
            writer.writerow([event.id, event.at.isoformat(), event.actor, event.action, event.target,
                             event.board_id or "", event.ip, event.detail])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()

    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M")
    return Response(stream_with_context(rows()), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="voicecapture-audit-{stamp}.csv"'})
