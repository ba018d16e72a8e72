"""Signing in, lockout that reveals nothing, rate limits, idle sessions, password links, and the audit log."""
from __future__ import annotations

import csv
import io
import re

from click.testing import CliRunner
from sqlmodel import select

from voicecapture.data import users
from voicecapture.models import AuditEvent

from .conftest import PASSWORD, csrf_of, sign_in

VAGUE = "The email address or password is not right, or the account is locked"


def test_sign_in_and_out(app, people):
    http = app.test_client()
    response = sign_in(http, people["practitioner"])
    assert response.status_code == 302 and response.location == "/staff/"
    home = http.get("/staff/").get_data(as_text=True)
    assert "Practitioner for northvale-sab" in home
    out = http.post("/staff/sign-out", data={"csrf_token": csrf_of(home)})
    assert out.status_code == 302 and http.get("/staff/").status_code == 302


def test_wrong_password_and_unknown_account_look_the_same(app, people):
    http = app.test_client()
    wrong = sign_in(http, people["advocate"], "not the password at all")
    unknown = sign_in(http, "nobody@example.org", "not the password at all")
    assert wrong.status_code == unknown.status_code == 400
    assert VAGUE in wrong.get_data(as_text=True) and VAGUE in unknown.get_data(as_text=True)


def test_five_failures_lock_the_account_even_against_the_right_password(app, people):
    http = app.test_client()
    for _ in range(5):
        assert sign_in(http, people["advocate"], "wrong password here").status_code == 400
    locked = sign_in(http, people["advocate"])
    assert locked.status_code == 400 and VAGUE in locked.get_data(as_text=True)
    with app.app_context():
        assert users.user_by_email(people["advocate"]).locked_until is not None


def test_sign_in_is_rate_limited(app, people):
    http = app.test_client()
    statuses = [sign_in(http, "someone@example.org", "guess number one").status_code for _ in range(11)]
    assert statuses[:10] == [400] * 10 and statuses[10] == 429


def test_idle_session_ends(app, people):
    http = app.test_client()
    sign_in(http, people["administrator"])
    with http.session_transaction() as session:
        session["staff_seen"] -= 31 * 60
    response = http.get("/staff/")
    assert response.status_code == 302 and "expired=1" in response.location
    assert http.get("/staff/").status_code == 302, "signed out"


def test_no_persistent_cookie_for_staff_either(app, people):
    http = app.test_client()
    response = sign_in(http, people["administrator"])
    for cookie in response.headers.getlist("Set-Cookie"):
        assert "expires=" not in cookie.lower() and "httponly" in cookie.lower()


def test_reset_link_sets_a_password_once(app, people):
    with app.app_context():
        token = users.reset_token(users.user_by_email(people["advocate"]))
    http = app.test_client()
    page = http.get(f"/staff/password/{token}")
    assert page.status_code == 200
    short = http.post(f"/staff/password/{token}", data={"csrf_token": csrf_of(page.get_data(as_text=True)),
                                                       "password": "short", "confirm": "short"})
    assert short.status_code == 400 and "Use at least 12 characters" in short.get_data(as_text=True)
    new = "a brand new long passphrase"
    done = http.post(f"/staff/password/{token}", data={"csrf_token": csrf_of(page.get_data(as_text=True)),
                                                      "password": new, "confirm": new})
    assert done.status_code == 302
    assert http.get(f"/staff/password/{token}").status_code == 410, "the link works once"
    assert sign_in(app.test_client(), people["advocate"], new).status_code == 302


def test_a_tampered_reset_link_does_not_work(app):
    assert app.test_client().get("/staff/password/eyJ1IjoxfQ.bad.sig").status_code == 410


def test_administrator_adds_a_person_who_sets_their_own_password(app, people):
    http = app.test_client()
    sign_in(http, people["administrator"])
    page = http.get("/staff/admin/users").get_data(as_text=True)
    added = http.post("/staff/admin/users", data={"csrf_token": csrf_of(page), "name": "Pat Practitioner",
                                                 "email": "Pat@Example.org", "role": "practitioner",
                                                 "board": "eastmere-sab"})
    html = added.get_data(as_text=True)
    assert added.status_code == 200 and "Account created" in html
    link = re.search(r'id="reset-link">([^<]+)<', html).group(1)
    assert "/staff/password/" in link
    again = http.post("/staff/admin/users", data={"csrf_token": csrf_of(page), "name": "Pat", "email": "pat@example.org",
                                                 "role": "advocate", "board": "eastmere-sab"})
    assert again.status_code == 400 and "already an account" in again.get_data(as_text=True)
    no_board = http.post("/staff/admin/users", data={"csrf_token": csrf_of(page), "name": "Sam", "email": "sam@example.org",
                                                    "role": "advocate", "board": ""})
    assert no_board.status_code == 400 and "Choose the board this role is for" in no_board.get_data(as_text=True)


def test_audit_log_records_and_exports(app, people, db):
    http = app.test_client()
    sign_in(http, "nobody@example.org", "some wrong password")
    sign_in(http, people["administrator"])
    page = http.get("/staff/admin/audit?action=staff.sign_in")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "staff.sign_in_failed" in html and people["administrator"] in html
    export = http.get("/staff/admin/audit.csv?action=staff.")
    rows = list(csv.DictReader(io.StringIO(export.get_data(as_text=True))))
    assert {row["action"] for row in rows} == {"staff.sign_in", "staff.sign_in_failed"}
    assert export.headers["Content-Disposition"].startswith("attachment;")
    actions = {event.action for event in db.exec(select(AuditEvent))}
    assert {"user.create", "staff.sign_in", "staff.sign_in_failed", "audit.search", "audit.export"} <= actions
    bad = http.get("/staff/admin/audit?since=yesterday")
    assert bad.status_code == 400 and "Enter a date like 2026-11-23" in bad.get_data(as_text=True)


def test_user_create_command(app, monkeypatch, tmp_path):
    from voicecapture.cli import main
    monkeypatch.setenv("VOICECAPTURE_INSTANCE", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("SECRET_KEY", "x")
    runner = CliRunner()
    made = runner.invoke(main, ["user", "create", "--email", "First@Example.org", "--name", "First Admin",
                                "--role", "administrator", "--password-stdin"], input=PASSWORD + "\n")
    assert made.exit_code == 0, made.output
    with app.app_context():
        assert users.user_by_email("first@example.org").name == "First Admin"
    weak = runner.invoke(main, ["user", "create", "--email", "b@example.org", "--name", "B", "--role", "advocate",
                                "--board", "northvale-sab", "--password-stdin"], input="short\n")
    assert weak.exit_code == 2 and "Use at least 12 characters" in weak.output
    link = runner.invoke(main, ["user", "reset-link", "--email", "first@example.org"])
    assert link.exit_code == 0 and "/staff/password/" in link.output


def test_roles_can_be_removed_and_accounts_deactivated(app, people, db):
    from voicecapture.models import RoleGrant
    http = app.test_client()
    sign_in(http, people["administrator"])
    with app.app_context():
        advocate = users.user_by_email(people["advocate"])
    page = http.get(f"/staff/admin/users/{advocate.id}").get_data(as_text=True)
    grant = db.exec(select(RoleGrant).where(RoleGrant.user_id == advocate.id)).one()
    removed = http.post(f"/staff/admin/users/{advocate.id}", data={"csrf_token": csrf_of(page), "action": "revoke",
                                                                  "grant": grant.id})
    assert removed.status_code == 302
    assert db.exec(select(RoleGrant).where(RoleGrant.user_id == advocate.id)).all() == []

    other = app.test_client()
    assert sign_in(other, people["advocate"]).status_code == 302
    http.post(f"/staff/admin/users/{advocate.id}", data={"csrf_token": csrf_of(page), "action": "deactivate"})
    assert other.get("/staff/").status_code == 302, "a deactivated account is signed out at once"
    assert sign_in(app.test_client(), people["advocate"]).status_code == 400
    actions = [e.action for e in db.exec(select(AuditEvent).where(AuditEvent.target == f"user:{advocate.id}"))]
    assert {"user.revoke", "user.deactivate", "user.read"} <= set(actions)


def test_an_administrator_cannot_deactivate_themselves(app, people):
    http = app.test_client()
    sign_in(http, people["administrator"])
    with app.app_context():
        me = users.user_by_email(people["administrator"])
    page = http.get(f"/staff/admin/users/{me.id}").get_data(as_text=True)
    assert "Deactivate this account" not in page
    assert http.post(f"/staff/admin/users/{me.id}", data={"csrf_token": csrf_of(page), "action": "deactivate"}).status_code == 400


def test_sign_in_never_sends_people_to_another_site(app, people):
    for target in ("//evil.example/", "/\\evil.example/", "https://evil.example/", "javascript:alert(1)"):
        http = app.test_client()
        page = http.get("/staff/sign-in").get_data(as_text=True)
        response = http.post(f"/staff/sign-in?next={target}", data={"csrf_token": csrf_of(page),
                                                                    "email": people["practitioner"], "password": PASSWORD})
        assert response.location == "/staff/", target
