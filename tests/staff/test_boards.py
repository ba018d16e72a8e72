"""Boards: who sees which board, the quarter's figures, targets, 'you said, we did', and board settings."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from voicecapture import metrics
from voicecapture.branding import contrast_with_white, logo_problem
from voicecapture.models import Answer, AuditEvent, Board, BoardAction, BoardSurvey, MetricTarget, Response, utcnow
from voicecapture.quarters import quarter_of

from .conftest import csrf_of, signed_in

SAFE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#123"/></svg>'


def _post(http, url, data):
    data = {"csrf_token": csrf_of(http.get(url).get_data(as_text=True)), **data}
    return http.post(url, data=data)


def _row(html: str, row_id: str) -> list[str]:
    """The text of each cell in the table row with this id."""
    row = re.search(rf'<tr class="govuk-table__row" id="{row_id}">(.*?)</tr>', html, re.S).group(1)
    return [re.sub(r"<[^>]+>", " ", cell).split() for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]


def _add_responses(db, slug, survey_id, answers_each, when=None):
    """Store one response per item of answers_each: a list of (question_key, code) pairs."""
    board = db.exec(select(Board).where(Board.slug == slug)).one()
    when = when or utcnow()
    for answers in answers_each:
        response = Response(reference=f"T{len(list(db.exec(select(Response.id)))) + 1:07d}", survey_id=survey_id,
                            survey_version=1, language="en", board_id=board.id, started_at=when, submitted_at=when)
        db.add(response)
        db.flush()
        for key, code in answers:
            db.add(Answer(response_id=response.id, question_key=key, option_key=code.lower(), code=code))
    db.commit()


# --- who sees what ----------------------------------------------------------------------------------------

def test_a_board_member_sees_only_their_own_board(app, people):
    http = signed_in(app, people, "board_member")
    listing = http.get("/staff/boards").get_data(as_text=True)
    assert "Northvale Safeguarding Adults Board" in listing
    assert "Eastmere" not in listing and "Children Partnership" not in listing
    assert http.get("/staff/boards/northvale-sab").status_code == 200
    for url in ("/staff/boards/eastmere-sab", "/staff/boards/eastmere-sab/targets", "/staff/boards/eastmere-sab/actions",
                "/staff/boards/northvale-scp"):
        assert http.get(url).status_code == 403, url


def test_a_board_member_cannot_open_their_own_boards_targets_or_actions(app, people):
    http = signed_in(app, people, "board_member")
    assert http.get("/staff/boards/northvale-sab/targets").status_code == 403
    assert http.get("/staff/boards/northvale-sab/actions").status_code == 403


def test_another_boards_officer_cannot_change_northvale_targets(app, people, db):
    http = signed_in(app, people, "other_board_officer")
    token = csrf_of(http.get("/staff/boards/eastmere-sab/targets").get_data(as_text=True))
    response = http.post("/staff/boards/northvale-sab/targets", data={"csrf_token": token, "feel_safer": "80"})
    assert response.status_code == 403
    assert db.exec(select(MetricTarget)).all() == []


def test_an_administrator_sees_every_board(app, people):
    http = signed_in(app, people, "administrator")
    listing = http.get("/staff/boards").get_data(as_text=True)
    assert all(name in listing for name in ("Northvale Safeguarding Adults", "Northvale Safeguarding Children", "Eastmere"))
    assert http.get("/staff/boards/eastmere-sab").status_code == 200
    assert http.get("/staff/boards/no-such-board").status_code == 404


# --- figures ----------------------------------------------------------------------------------------------

def test_a_metric_matches_an_independent_count_on_demo_data(app, people, db):
    from voicecapture.demo import load_demo
    with app.app_context():
        load_demo(600)
    previous_start = quarter_of(utcnow()).start - timedelta(days=1)
    quarter = quarter_of(previous_start)
    board = db.exec(select(Board).where(Board.slug == "northvale-sab")).one()
    codes = []
    for response in db.exec(select(Response).where(Response.board_id == board.id)):
        if quarter.contains(response.submitted_at):
            codes += [a.code for a in db.exec(select(Answer).where(Answer.response_id == response.id,
                                                                   Answer.question_key == "asked_outcomes"))]
    counted = [c for c in codes if c in ("ASKED_OUTCOMES_EXPRESSED", "ASKED_NO_OUTCOMES_EXPRESSED", "NOT_ASKED")]
    asked = [c for c in counted if c != "NOT_ASKED"]
    expected = f"{100 * len(asked) / len(counted):.0f}%" if len(counted) >= 5 else "too few answers to show"

    html = signed_in(app, people, "board_member").get("/staff/boards/northvale-sab").get_data(as_text=True)
    assert quarter.label in html
    previous_cell = " ".join(_row(html, "metric-asked_outcomes")[1])
    assert len(counted) >= 5  # enough demo answers that a real percentage is compared
    assert previous_cell.startswith(expected), (previous_cell, expected, len(counted))
    assert f"{metrics.show_count(len(counted))} answers" in previous_cell


def test_small_counts_are_suppressed_and_too_few_answers_give_no_figure(app, people, db):
    _add_responses(db, "northvale-scp", "child-review", [[("listened_acted", "9")]] * 3)
    heard = ["HEARD_COMPLETELY"] * 4 + ["HEARD_PARTLY", "NOT_HEARD"]
    _add_responses(db, "northvale-scp", "parent-conference", [[("felt_heard", code)] for code in heard])
    http = signed_in(app, people, "administrator")
    html = http.get("/staff/boards/northvale-scp").get_data(as_text=True)
    child_responses = re.search(r'<th scope="row" class="govuk-table__header">Your meeting</th>(.*?)</tr>', html, re.S).group(1)
    assert "[c]" in child_responses and ">3<" not in child_responses
    assert "too few answers to show" in " ".join(_row(html, "metric-child_listened_median")[2])
    heard_now = " ".join(_row(html, "metric-parent_felt_heard")[2])
    assert heard_now.startswith("83%") and "6 answers" in heard_now
    assert "No rating" in " ".join(_row(html, "metric-parent_felt_heard")[4])

    _post(http, "/staff/boards/northvale-scp/targets", {"parent_felt_heard": "90", "child_listened_median": "7"})
    html = http.get("/staff/boards/northvale-scp").get_data(as_text=True)
    assert "Amber" in " ".join(_row(html, "metric-parent_felt_heard")[4])  # 83 is within 10 points of 90
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "board.read")).first() is not None


def test_rag_ratings():
    metric = metrics.BY_KEY["feel_safer"]
    assert metrics.rag(metric, 80, 80) == "green"
    assert metrics.rag(metric, 70, 80) == "amber"
    assert metrics.rag(metric, 69.9, 80) == "red"
    assert metrics.rag(metric, 50, None) is None and metrics.rag(metric, None, 50) is None
    median = metrics.BY_KEY["child_listened_median"]
    assert metrics.rag(median, 6.5, 7) == "amber" and metrics.rag(median, 5.5, 7) == "red"
    assert metrics.compute(median, {"3": 2, "8": 3}).value == 8
    assert metrics.compute(median, {"8": 4}).value is None


# --- targets ----------------------------------------------------------------------------------------------

def test_targets_are_checked_saved_cleared_and_audited(app, people, db):
    http = signed_in(app, people, "board_officer")
    response = _post(http, "/staff/boards/northvale-sab/targets", {"feel_safer": "120", "child_listened_median": "11"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "<title>Error:" in page
    assert "The target for feel safer must be a percentage from 0 to 100; 120 is not" in page
    assert "must be a score from 0 to 10; 11 is not" in page
    assert "Enter a percentage from 0 to 100 for feel safer" in \
        _post(http, "/staff/boards/northvale-sab/targets", {"feel_safer": "lots"}).get_data(as_text=True)
    assert db.exec(select(MetricTarget)).all() == []

    assert _post(http, "/staff/boards/northvale-sab/targets", {"feel_safer": "75", "fft_positive": "90%"}).status_code == 302
    assert {t.metric: t.target for t in db.exec(select(MetricTarget))} == {"feel_safer": 75, "fft_positive": 90}
    assert 'value="75"' in http.get("/staff/boards/northvale-sab/targets").get_data(as_text=True)
    _post(http, "/staff/boards/northvale-sab/targets", {"feel_safer": "", "fft_positive": "90"})
    db.expire_all()
    assert [t.metric for t in db.exec(select(MetricTarget))] == ["fft_positive"]
    assert len(db.exec(select(AuditEvent).where(AuditEvent.action == "board.targets")).all()) == 2


# --- you said, we did -------------------------------------------------------------------------------------

def test_actions_can_be_added_changed_and_are_read_only_for_members(app, people, db):
    http = signed_in(app, people, "board_officer")
    url = "/staff/boards/northvale-sab/actions"
    bad = _post(http, url, {"quarter": "2026-28Q2", "you_said": "", "status": "planned"})
    page = bad.get_data(as_text=True)
    assert bad.status_code == 400 and "Enter what people told the board" in page and "is not a financial year" in page
    assert "2000 characters or fewer" in _post(http, url, {"quarter": "2026-27Q2", "you_said": "x",
                                                           "we_did": "y" * 2001, "status": "done"}).get_data(as_text=True)
    assert db.exec(select(BoardAction)).all() == []

    assert _post(http, url, {"quarter": "2026-27q2", "you_said": "Reports came too late to read.",
                             "we_did": "", "status": "planned"}).status_code == 302
    action = db.exec(select(BoardAction)).one()
    assert (action.quarter, action.status) == ("2026-27Q2", "planned")
    edit = f"{url}/{action.id}"
    assert "Reports came too late" in http.get(edit).get_data(as_text=True)
    assert _post(http, edit, {"quarter": "2026-27Q2", "you_said": "Reports came too late to read.",
                              "we_did": "Reports now go out five working days before.", "status": "done"}).status_code == 302
    db.expire_all()
    action = db.exec(select(BoardAction)).one()
    assert (action.status, action.we_did) == ("done", "Reports now go out five working days before.")
    assert {e.action for e in db.exec(select(AuditEvent))} >= {"board.action_add", "board.action_update"}
    assert signed_in(app, people, "other_board_officer").get(edit).status_code == 403
    assert http.get("/staff/boards/northvale-sab/actions/9999").status_code == 404

    member = signed_in(app, people, "board_member")
    board_page = member.get("/staff/boards/northvale-sab").get_data(as_text=True)
    assert "Reports now go out five working days before." in board_page and "Set targets" not in board_page


# --- administrators: board settings -------------------------------------------------------------------------

def _settings(**changes):
    data = {"action": "save", "name": "Northvale Safeguarding Adults Board", "kind": "adults",
            "help_phone": "0300 555 0101", "help_text": "Monday to Friday.", "quick_exit_url": "",
            "brand_colour": "", "logo_svg": "", "surveys": ["msp-adult", "feel-safer"], "languages": [],
            "alert_ack_hours": "4", "escalation_lead_id": "None"}
    data.update(changes)
    return data


def test_low_contrast_colours_unsafe_logos_and_plain_http_quick_exits_are_refused(app, people, db):
    http = signed_in(app, people, "administrator")
    url = "/staff/admin/boards/northvale-sab"
    response = _post(http, url, _settings(brand_colour="#FFDD00"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "<title>Error:" in page
    assert f"{contrast_with_white('#ffdd00'):.2f}:1" in page and "at least 4.5:1" in page
    for svg in ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
                '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>',
                '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
                '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>hi</p></foreignObject></svg>',
                '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/x.png"/></svg>',
                "not svg at all"):
        assert logo_problem(svg), svg
        assert _post(http, url, _settings(logo_svg=svg)).status_code == 400, svg
    assert "must not contain event-handler attributes" in _post(http, url, _settings(
        logo_svg='<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')).get_data(as_text=True)
    assert "starting with https://" in _post(http, url, _settings(quick_exit_url="http://example.com/")).get_data(as_text=True)
    assert "another website" in _post(http, url, _settings(quick_exit_url="https://localhost/x")).get_data(as_text=True)
    board = db.exec(select(Board).where(Board.slug == "northvale-sab")).one()
    assert (board.brand_colour, board.logo_svg, board.quick_exit_url) == ("", "", "")


def test_branding_reaches_the_respondent_pages(app, people, db):
    http = signed_in(app, people, "administrator")
    response = _post(http, "/staff/admin/boards/northvale-sab", _settings(
        brand_colour="#1D3557", logo_svg=SAFE_SVG, quick_exit_url="https://www.bbc.co.uk/news"))
    assert response.status_code == 302
    board = db.exec(select(Board).where(Board.slug == "northvale-sab")).one()
    assert (board.brand_colour, board.logo_svg) == ("#1d3557", SAFE_SVG)
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "board.update")).first().detail["changed"]

    public = app.test_client()
    start = public.get("/s/northvale-sab/msp-adult").get_data(as_text=True)
    css_href = re.search(r'<link rel="stylesheet" href="(/b/northvale-sab/brand\.css\?v=\w+)">', start).group(1)
    logo_src = re.search(r'<img src="(/b/northvale-sab/logo\.svg\?v=\w+)" alt="Northvale Safeguarding Adults Board"', start).group(1)
    assert "https://www.bbc.co.uk/news" in start
    css = public.get(css_href)
    assert css.status_code == 200 and css.mimetype == "text/css" and "#1d3557" in css.get_data(as_text=True)
    assert css.headers["Cache-Control"].startswith("public") and "max-age=31536000" in css.headers["Cache-Control"]
    assert public.get(css_href, headers={"If-None-Match": css.headers["ETag"]}).status_code == 304
    logo = public.get(logo_src)
    assert logo.status_code == 200 and logo.mimetype == "image/svg+xml" and logo.get_data(as_text=True) == SAFE_SVG
    assert logo.headers["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"
    assert public.get("/b/eastmere-sab/brand.css").status_code == 404  # no colour set
    assert public.get("/b/nowhere/logo.svg").status_code == 404
    staff_page = http.get("/staff/boards/northvale-sab").get_data(as_text=True)
    assert "brand.css" not in staff_page  # staff pages keep the service's own header


def test_surveys_offered_decide_what_the_open_link_serves(app, people, db):
    http = signed_in(app, people, "administrator")
    assert app.test_client().get("/s/northvale-sab/feel-safer").status_code == 200
    assert _post(http, "/staff/admin/boards/northvale-sab", _settings(surveys=["msp-adult"])).status_code == 302
    assert app.test_client().get("/s/northvale-sab/feel-safer").status_code == 404
    assert app.test_client().get("/s/northvale-sab/msp-adult").status_code == 200
    assert [row.survey_id for row in db.exec(select(BoardSurvey).join(Board).where(Board.slug == "northvale-sab"))] == ["msp-adult"]
    assert _post(http, "/staff/admin/boards/northvale-sab", _settings(surveys=["no-such-survey"])).status_code == 400


def test_languages_limit_the_respondent_switcher(app, people):
    http = signed_in(app, people, "administrator")
    before = app.test_client().get("/s/northvale-sab/msp-adult").get_data(as_text=True)
    assert 'hreflang="pl"' in before
    assert _post(http, "/staff/admin/boards/northvale-sab", _settings(languages=["en", "ur"])).status_code == 302
    public = app.test_client()
    page = public.get("/s/northvale-sab/msp-adult").get_data(as_text=True)
    assert 'hreflang="ur"' in page and 'hreflang="pl"' not in page and 'hreflang="gu"' not in page
    assert '<html lang="en"' in public.get("/s/northvale-sab/msp-adult?lang=pl").get_data(as_text=True)
    assert '<html lang="ur"' in public.get("/s/northvale-sab/msp-adult?lang=ur").get_data(as_text=True)
    polish_browser = public.get("/s/northvale-sab/msp-adult", headers={"Accept-Language": "pl"}).get_data(as_text=True)
    assert '<html lang="en"' in polish_browser
    # Pages of a draft offer the same languages, and refuse an unlisted one.
    start = public.get("/s/northvale-sab/msp-adult").get_data(as_text=True)
    question = public.post("/s/northvale-sab/msp-adult", data={"csrf_token": csrf_of(start), "language": "pl"}).location
    page = public.get(question).get_data(as_text=True)
    assert '<html lang="en"' in page and 'hreflang="ur"' in page and 'hreflang="pl"' not in page
    assert '<html lang="en"' in public.get(question + "?lang=gu").get_data(as_text=True)
    assert '<html lang="ur"' in public.get(question + "?lang=ur").get_data(as_text=True)
    # Another board is unaffected.
    assert 'hreflang="pl"' in public.get("/s/eastmere-sab/msp-adult").get_data(as_text=True)


def test_boards_are_created_with_a_checked_slug_and_places_added_and_removed(app, people, db):
    http = signed_in(app, people, "administrator")
    new = "/staff/admin/boards/new"
    bad = _post(http, new, _settings(slug="Bad Slug!", name="Southdale SAB"))
    assert bad.status_code == 400 and "lower-case letters, digits and single hyphens" in bad.get_data(as_text=True)
    taken = _post(http, new, _settings(slug="northvale-sab", name="Again"))
    assert "already a board with this short name" in taken.get_data(as_text=True)
    assert _post(http, new, _settings(slug="southdale-sab", name="Southdale SAB", languages=["en"])).status_code == 302
    assert "Southdale SAB" in http.get("/staff/admin/boards").get_data(as_text=True)
    board = db.exec(select(Board).where(Board.slug == "southdale-sab")).one()
    assert board.languages == ["en"]

    url = "/staff/admin/boards/southdale-sab"
    assert _post(http, url, {"action": "add_agency", "agency-name": "Police"}).status_code == 302
    duplicate = _post(http, url, {"action": "add_agency", "agency-name": "police"})
    assert duplicate.status_code == 400 and "already has an agency called police" in duplicate.get_data(as_text=True)
    assert "Enter a name" in _post(http, url, {"action": "add_area", "area-name": " "}).get_data(as_text=True)
    assert _post(http, url, {"action": "add_area", "area-name": "Rural"}).status_code == 302
    page = http.get(url).get_data(as_text=True)
    assert "Police" in page and "Rural" in page
    place_id = re.search(r'name="action" value="remove_agency">\s*<input type="hidden" name="place_id" value="(\d+)"', page).group(1)
    assert _post(http, url, {"action": "remove_agency", "place_id": place_id}).status_code == 302
    assert "Police" not in http.get(url).get_data(as_text=True)
    actions = {e.action for e in db.exec(select(AuditEvent))}
    assert {"board.create", "agency.add", "area.add", "agency.remove"} <= actions


@pytest.mark.parametrize("colour, ok", [("#2a5d67", True), ("#767676", True), ("#777777", False), ("#ffffff", False),
                                        ("2a5d67", False), ("#2a5d6", False)])
def test_colour_rule(colour, ok):
    from voicecapture.branding import colour_problem
    assert (colour_problem(colour) is None) == ok


def test_alert_settings_take_working_hours_and_one_of_the_boards_leads(app, people, db):
    from voicecapture.models import Board, User
    http = signed_in(app, people, "administrator")
    url = "/staff/admin/boards/northvale-sab"
    page = http.get(url).get_data(as_text=True)
    assert "Safeguarding Lead &lt;safeguarding_lead@example.org&gt;" in page
    for bad, message in (("0", "from 1 to 40"), ("", "Enter how many working hours"), ("four", "Enter a whole number, like 4")):
        response = _post(http, url, _settings(alert_ack_hours=bad))
        assert response.status_code == 400 and message in response.get_data(as_text=True), bad
    outsider = db.exec(select(User).where(User.email == "board_officer@example.org")).one()
    response = _post(http, url, _settings(escalation_lead_id=str(outsider.id)))
    assert response.status_code == 400, "only the board's own safeguarding leads can be the escalation lead"
    lead = db.exec(select(User).where(User.email == "safeguarding_lead@example.org")).one()
    response = _post(http, url, _settings(alert_ack_hours="2", escalation_lead_id=str(lead.id)))
    assert response.status_code == 302
    db.expire_all()
    board = db.exec(select(Board).where(Board.slug == "northvale-sab")).one()
    assert (board.alert_ack_hours, board.escalation_lead_id) == (2, lead.id)
