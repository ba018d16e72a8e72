"""Every route makes an access decision, and each role reaches exactly what the table says."""
from __future__ import annotations

import pytest

import importlib
from pathlib import Path

from voicecapture.access import decision_for

from .conftest import sign_in
from .roles import ADMIN, PUBLIC, STAFF

# Every route in the app and who may open it: (a URL to GET as the people in conftest, or None; who may).
# A new route fails test_every_route_is_in_the_table until it is listed, here or in a routes_<area>.py beside
# this file (each area of the staff pages keeps its own table).
ROUTES = {
    "pages.home": ("/", PUBLIC),
    "pages.healthz": ("/healthz", PUBLIC),
    "respond.invitation_start": ("/i/not-a-token", PUBLIC),
    "respond.invitation_begin": (None, PUBLIC),
    "respond.open_start": ("/s/northvale-sab/msp-adult", PUBLIC),
    "respond.open_begin": (None, PUBLIC),
    "respond.resume": ("/r/not-a-token", PUBLIC),
    "respond.question": ("/r/not-a-token/q/consulted", PUBLIC),
    "respond.check": ("/r/not-a-token/check", PUBLIC),
    "respond.done": ("/r/not-a-token/done", PUBLIC),
    "respond.help_page": ("/r/not-a-token/help", PUBLIC),
    "respond.recording": ("/audio/b/s/en/q", PUBLIC),
    "respond.privacy": ("/privacy", PUBLIC),
    "respond.find_answers": (None, PUBLIC),
    "respond.erase_answers": (None, PUBLIC),
    "respond.answers_erased": ("/privacy/deleted", PUBLIC),
    "staff.sign_in": ("/staff/sign-in", PUBLIC),
    "staff.set_password": ("/staff/password/not-a-token", PUBLIC),
    "staff.sign_out": (None, STAFF),
    "staff.home": ("/staff/", STAFF),
    "staff.admin_users": ("/staff/admin/users", ADMIN),
    "staff.admin_user": ("/staff/admin/users/1", ADMIN),
    "staff.admin_audit": ("/staff/admin/audit", ADMIN),
    "staff.admin_audit_csv": ("/staff/admin/audit.csv", ADMIN),
}
for _path in sorted(Path(__file__).parent.glob("routes_*.py")):
    ROUTES.update(importlib.import_module(f"{__package__}.{_path.stem}").ROUTES)
ROLES = sorted(STAFF)


def test_every_route_makes_an_access_decision(app):
    with app.test_request_context():
        undecided = [rule.endpoint for rule in app.url_map.iter_rules()
                     if rule.endpoint != "static" and decision_for(rule.endpoint) is None]
    assert undecided == [], f"routes without @public or @requires: {undecided}"


def test_every_route_is_in_the_table(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()} - {"static"}
    assert endpoints == set(ROUTES), f"add to ROUTES: {sorted(endpoints - set(ROUTES))}; " \
                                     f"remove: {sorted(set(ROUTES) - endpoints)}"


def test_table_matches_the_decorators(app):
    with app.test_request_context():
        for endpoint, (_, allowed) in ROUTES.items():
            decision = decision_for(endpoint)
            assert decision.public == (allowed == PUBLIC), endpoint
            if allowed != PUBLIC:
                assert set(decision.roles) == allowed, endpoint


def test_an_undecided_route_is_refused(app):
    app.add_url_rule("/forgotten", "forgotten", lambda: "secret")
    assert app.test_client().get("/forgotten").status_code == 403


GETTABLE = [(endpoint, url, allowed) for endpoint, (url, allowed) in ROUTES.items() if url and allowed != PUBLIC]


@pytest.mark.parametrize("role", ["signed_out"] + ROLES)
def test_each_role_against_each_route(app, people, role):
    http = app.test_client()
    if role != "signed_out":
        assert sign_in(http, people[role]).status_code == 302
    for endpoint, url, allowed in GETTABLE:
        status = http.get(url).status_code
        if role == "signed_out":
            assert status == 302, f"{endpoint}: signed out gets {status}"
        elif role in allowed:
            assert status in (200, 404), f"{endpoint}: {role} gets {status}"
        else:
            assert status == 403, f"{endpoint}: {role} gets {status}, should be refused"


def test_signed_out_is_sent_to_sign_in_and_back(app, people):
    http = app.test_client()
    response = http.get("/staff/admin/users")
    assert response.status_code == 302 and response.location.startswith("/staff/sign-in?next=/staff/admin/users")


def test_every_state_changing_route_needs_a_csrf_token(app, people):
    http = app.test_client()
    sign_in(http, people["administrator"])
    posts = [rule for rule in app.url_map.iter_rules() if "POST" in rule.methods]
    assert posts
    for rule in posts:
        url = rule.rule
        for name in rule.arguments:
            url = url.replace(f"<{name}>", "x").replace(f"<int:{name}>", "1")
        url = url.replace("<int:user_id>", "1")
        response = http.post(url, data={"anything": "1"})
        assert response.status_code == 400, f"{rule.endpoint} accepted a POST without a CSRF token"
