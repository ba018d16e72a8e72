"""Signing in and out, the staff home page, and setting a password from a time-limited link."""
from __future__ import annotations

import time

from flask import current_app, g, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from ..access import STAFF, public, requires
from ..data import users
from ..security import limiter
from . import blueprint
from .forms import NewPasswordForm, SignInForm

IDLE_SECONDS = 30 * 60
MAX_SESSION_SECONDS = 10 * 3600


@blueprint.before_request
def _staff_session():
    """Staff pages are in English; a staff session ends after 30 idle minutes or 10 hours."""
    g.language = current_app.extensions["languages"].get("en") or next(iter(current_app.extensions["languages"].values()))
    if not current_user.is_authenticated:
        return None
    now = int(time.time())
    seen, since = session.get("staff_seen", now), session.get("staff_since", now)
    if now - seen > IDLE_SECONDS or now - since > MAX_SESSION_SECONDS:
        logout_user()
        session.pop("staff_seen", None)
        session.pop("staff_since", None)
        return redirect(url_for("staff.sign_in", expired=1))
    session["staff_seen"], session["staff_since"] = now, since
    return None


def _safe_next(target: str | None) -> str:
    # Only paths inside this site, never another host (browsers read both "//host" and "/\\host" as another host).
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return url_for("staff.home")


@blueprint.route("/sign-in", methods=["GET", "POST"])
@public
@limiter.limit("10 per minute;50 per hour", methods=["POST"])
def sign_in():
    form = SignInForm()
    failed = False
    if form.validate_on_submit():
        staff = users.authenticate(form.email.data, form.password.data)
        if staff is not None:
            session.clear()  # a fresh session on sign-in: nothing carried over from before
            login_user(staff)
            session["staff_since"] = session["staff_seen"] = int(time.time())
            return redirect(_safe_next(request.args.get("next")))
        failed = True
    status = 400 if (failed or form.errors) else 200
    return render_template("staff/sign_in.html", form=form, failed=failed,
                           expired=request.args.get("expired") == "1"), status


@blueprint.post("/sign-out")
@requires(*STAFF)
def sign_out():
    logout_user()
    session.clear()
    return redirect(url_for("staff.sign_in"))


@blueprint.get("/")
@requires(*STAFF)
def home():
    return render_template("staff/home.html")


@blueprint.route("/password/<token>", methods=["GET", "POST"])
@public
@limiter.limit("20 per hour", methods=["POST"])
def set_password(token: str):
    user = users.user_for_reset_token(token)
    if user is None:
        return render_template("staff/reset_invalid.html"), 410
    form = NewPasswordForm()
    form.email_for_check = user.email
    if form.validate_on_submit():
        users.set_password(user, form.password.data)
        return redirect(url_for("staff.sign_in", reset=1))
    return render_template("staff/set_password.html", form=form, user=user), (400 if form.errors else 200)


def forbidden(_error):
    return render_template("staff/forbidden.html"), 403


# Staff sign-in's own page; respondents get theirs, in their language, from pages.error_page.
@blueprint.errorhandler(429)
def too_many(_error):
    return render_template("staff/too_many.html"), 429


def init_app(app) -> None:
    app.register_error_handler(403, forbidden)
