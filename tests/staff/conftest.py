from __future__ import annotations

import re

import pytest

from voicecapture.data import boards, users

PASSWORD = "correct horse battery staple"


@pytest.fixture
def people(app):
    """One account per role, each on northvale-sab (administrator on every board)."""
    with app.app_context():
        board = boards.board_by_slug("northvale-sab")
        made = {}
        for role in ("administrator", "board_officer", "board_member", "safeguarding_lead", "practitioner", "advocate"):
            made[role] = users.create_user(f"{role}@example.org", role.replace("_", " ").title(), PASSWORD,
                                           [(role, None if role == "administrator" else board.id)]).email
        other = boards.board_by_slug("eastmere-sab")
        made["other_board_officer"] = users.create_user("officer@eastmere.example.org", "Other Officer", PASSWORD,
                                                        [("board_officer", other.id)]).email
        return made


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html).group(1)


def sign_in(http, email: str, password: str = PASSWORD):
    page = http.get("/staff/sign-in").get_data(as_text=True)
    return http.post("/staff/sign-in", data={"csrf_token": csrf_of(page), "email": email, "password": password})


def signed_in(app, people, role):
    """A test client signed in as the person holding `role`."""
    http = app.test_client()
    assert sign_in(http, people[role]).status_code == 302
    return http
