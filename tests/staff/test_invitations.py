"""Practitioners' invitations: creating, listing (uses, never answers), who may see them, slips, codes, uploads."""
from __future__ import annotations

import io
import re

import pytest
from bs4 import BeautifulSoup
from sqlmodel import select

from voicecapture.data import invitations
from voicecapture.models import AuditEvent, Invitation

from ..pages import Page
from .conftest import PASSWORD, csrf_of, sign_in

SHORT_CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
HEADER = "board,survey,agency,area,work_kind,risk_type,risk_location,language,uses,expires_days\n"
GOOD_ROW = "northvale-sab,msp-adult,Adult Social Care,North,s42_enquiry,physical,care_home,ur,1,28\n"


def signed_in(app, email):
    http = app.test_client()
    assert sign_in(http, email).status_code == 302
    return http


def create(http, **fields):
    page = http.get("/staff/invitations?board=northvale-sab")
    data = {"csrf_token": csrf_of(page.get_data(as_text=True)), "survey": "feel-safer", "agency": "",
            "area": "", "work_kind": "s42_enquiry", "risk_type": "", "risk_location": "", "language": "",
            "uses": "1", "expires_days": "28", **fields}
    return http.post("/staff/invitations?board=northvale-sab", data=data)


def created_id(response) -> int:
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return int(re.search(r"/staff/invitations/(\d+)", response.location).group(1))


def a_practitioner(app, email, board_slug="northvale-sab"):
    from voicecapture.data import boards, users
    with app.app_context():
        users.create_user(email, "Another Practitioner", PASSWORD,
                          [("practitioner", boards.board_by_slug(board_slug).id)])
    return email


def test_create_an_invitation_with_context_and_a_short_code(app, people, db):
    http = signed_in(app, people["practitioner"])
    form = http.get("/staff/invitations").get_data(as_text=True)
    names = {tag.get("name") for tag in BeautifulSoup(form, "html.parser").select("form input, form select")}
    assert not {n for n in names if n and "name" in n.lower()}, f"no field may ask for a name: {names}"
    response = create(http, agency="Adult Social Care", area="North", risk_type="financial",
                      risk_location="own_home", language="ur", uses="2", expires_days="10")
    invitation = db.get(Invitation, created_id(response))
    assert (invitation.agency, invitation.area, invitation.work_kind, invitation.risk_type,
            invitation.risk_location, invitation.language, invitation.max_uses) == (
        "Adult Social Care", "North", "s42_enquiry", "financial", "own_home", "ur", 2)
    assert SHORT_CODE.match(invitation.short_code)
    assert invitation.created_by is not None
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "invitation.create")).one().target == \
        f"invitation:{invitation.id}"
    page = http.get(response.location).get_data(as_text=True)
    assert f"/i/{invitation.token}" in page and invitation.short_code in page
    assert f"/c/{invitation.short_code}" in page
    assert '<svg role="img" aria-label="QR code' in page, "the QR code is inline SVG with a name"


@pytest.mark.parametrize("fields, message", [
    ({"uses": "0"}, "from 1 to 500"), ({"expires_days": "400"}, "from 1 to 366"),
    ({"expires_days": "soon"}, "from 1 to 366"), ({"work_kind": ""}, "Choose the kind of work"),
    ({"agency": "x" * 121}, "120 characters or fewer"), ({"survey": "child-review"}, "Not a valid choice"),
])
def test_bad_input_is_explained_and_nothing_is_stored(app, people, db, fields, message):
    http = signed_in(app, people["practitioner"])
    response = create(http, **fields)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html and "<title>Error:" in html and "govuk-error-summary" in html
    assert db.exec(select(Invitation)).all() == []


def test_a_practitioner_cannot_use_another_board(app, people):
    http = signed_in(app, people["practitioner"])
    assert http.get("/staff/invitations?board=eastmere-sab").status_code == 403


def answer_feel_safer(client, link: str, text: str):
    url = client.start(link)
    assert client.answer(url, "adequately_safe").status == 302
    nxt = url.replace("ascs_safety", "safer_than_before")
    assert client.answer(nxt, "safer").status == 302
    skip = client.answer(nxt.replace("safer_than_before", "what_would_help"), text)
    first_equality = client.get(skip.response.location)
    done = client.post(skip.response.location, {"csrf_token": first_equality.csrf(), "skip_section": "1"})
    check_url = done.response.location
    assert client.post(check_url, {"csrf_token": client.get(check_url).csrf()}).status == 302


def test_the_listing_shows_use_but_never_answers(app, people, client, db):
    http = signed_in(app, people["practitioner"])
    invitation = db.get(Invitation, created_id(create(http)))
    assert "Not used yet" in http.get("/staff/invitations").get_data(as_text=True)
    answer_feel_safer(client, f"/i/{invitation.token}", "Purple elephant Biscuit wrote this")
    listing = Page(http.get("/staff/invitations"))
    assert "Used 1 of 1" in listing.text()
    for answer_text in ("Purple elephant", "adequately safe", "Safer"):
        assert answer_text not in listing.html
    detail = http.get(f"/staff/invitations/{invitation.id}").get_data(as_text=True)
    assert "Used 1 of 1" in detail and "Purple elephant" not in detail
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "invitation.list")).first() is not None


def test_who_may_open_an_invitation(app, people, db):
    invitation_id = created_id(create(signed_in(app, people["practitioner"])))
    other = signed_in(app, a_practitioner(app, "other.practitioner@example.org"))
    assert other.get(f"/staff/invitations/{invitation_id}").status_code == 403
    assert other.get(f"/staff/invitations/{invitation_id}/slip").status_code == 403
    assert str(invitation_id) not in re.findall(r"/staff/invitations/(\d+)",
                                                other.get("/staff/invitations").get_data(as_text=True))
    eastmere = signed_in(app, people["other_board_officer"])
    assert eastmere.get(f"/staff/invitations/{invitation_id}").status_code == 403
    officer = signed_in(app, people["board_officer"])
    assert officer.get(f"/staff/invitations/{invitation_id}").status_code == 200
    assert f"/staff/invitations/{invitation_id}" in officer.get("/staff/invitations").get_data(as_text=True)
    assert signed_in(app, people["administrator"]).get(f"/staff/invitations/{invitation_id}").status_code == 200
    page = other.get(f"/staff/invitations/{invitation_id}")
    assert page.status_code == 403
    stop = other.post(f"/staff/invitations/{invitation_id}/stop",
                      data={"csrf_token": csrf_of(other.get("/staff/invitations").get_data(as_text=True))})
    assert stop.status_code == 403 and db.get(Invitation, invitation_id).expires_at > invitations.utcnow()


def test_stop_a_link(app, people, client, db):
    http = signed_in(app, people["practitioner"])
    invitation_id = created_id(create(http))
    page = http.get(f"/staff/invitations/{invitation_id}").get_data(as_text=True)
    assert http.post(f"/staff/invitations/{invitation_id}/stop").status_code == 400, "CSRF is required"
    response = http.post(f"/staff/invitations/{invitation_id}/stop", data={"csrf_token": csrf_of(page)})
    assert response.status_code == 302
    invitation = db.get(Invitation, invitation_id)
    assert client.get(f"/i/{invitation.token}").status == 410
    assert "Expired" in http.get("/staff/invitations").get_data(as_text=True)
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "invitation.revoke")).one().target == \
        f"invitation:{invitation_id}"


def test_slip_in_urdu_and_in_english(app, people, db):
    http = signed_in(app, people["practitioner"])
    urdu = db.get(Invitation, created_id(create(http, language="ur")))
    page = BeautifulSoup(http.get(f"/staff/invitations/{urdu.id}/slip").get_data(as_text=True), "html.parser")
    assert page.html["lang"] == "ur" and page.html["dir"] == "rtl"
    assert "آپ اپنا نام نہیں بتاتے" in page.get_text()
    assert page.select_one("svg[role=img]")["aria-label"]
    assert f"/c/{urdu.short_code}" in page.get_text() and "999" in page.get_text()
    assert page.find("link", rel="stylesheet")["href"].endswith("build/slip.css")
    english = db.get(Invitation, created_id(create(http)))
    page = BeautifulSoup(http.get(f"/staff/invitations/{english.id}/slip").get_data(as_text=True), "html.parser")
    assert page.html["lang"] == "en" and page.html["dir"] == "ltr"
    assert "You do not give your name." in page.get_text() and "If you are in danger now, call 999." in page.get_text()


def test_short_codes_forgive_how_they_are_typed(app, people, client, db):
    invitation = db.get(Invitation, created_id(create(signed_in(app, people["practitioner"]))))
    code = invitation.short_code
    messy = [code, code.replace("-", ""), code.lower(), f"  {code[:4]} {code[5:]} ",
             code.replace("1", "l").replace("0", "O")]
    for typed in messy:
        response = client.http.get(f"/c/{typed}")
        assert response.status_code == 302 and response.location.endswith(f"/i/{invitation.token}"), typed
        response = client.http.get("/c", query_string={"code": typed})
        assert response.status_code == 302 and response.location.endswith(f"/i/{invitation.token}"), typed


def test_unknown_and_empty_codes(client):
    page = client.get("/c/ZZZZ-ZZZZ")
    assert page.status == 404 and page.h1 == "This link does not work"
    assert client.get("/c?code=not%20a%20code").status == 404
    page = client.get("/c?code=+")
    assert page.status == 400 and "Enter the code from your slip" in page.text()
    assert page.title.startswith("Error:")


def test_home_page_has_a_code_form(client):
    page = client.get("/?lang=ur")
    form = page.soup.select_one("form[action='/c']")
    assert form is not None and form.get("method") == "get"
    assert form.select_one("input[name=code]") and form.select_one("input[name=lang]")["value"] == "ur"


def upload(http, content: bytes, filename="invitations.csv"):
    page = http.get("/staff/invitations/upload").get_data(as_text=True)
    return http.post("/staff/invitations/upload", content_type="multipart/form-data",
                     data={"csrf_token": csrf_of(page), "file": (io.BytesIO(content), filename)})


def test_a_good_file_makes_every_invitation_in_one_batch(app, people, db):
    http = signed_in(app, people["practitioner"])
    rows = GOOD_ROW + "northvale-sab,feel-safer,,,s42_enquiry,,,,3,\nNORTHVALE-SAB,msp-adult,,,,,,,,\n"
    response = upload(http, ("\ufeff" + HEADER + rows).encode("utf-8"))
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    made = db.exec(select(Invitation)).all()
    assert len(made) == 3 and len({i.batch for i in made}) == 1 and made[0].batch
    assert [i.max_uses for i in made] == [1, 3, 1] and made[0].language == "ur"
    assert all(SHORT_CODE.match(i.short_code) for i in made)
    event = db.exec(select(AuditEvent).where(AuditEvent.action == "invitation.bulk_create")).one()
    assert event.detail["count"] == 3
    batch = http.get(response.location).get_data(as_text=True)
    assert all(i.short_code in batch for i in made) and "Print all slips" in batch
    exported = http.get(response.location + ".csv").get_data(as_text=True)
    assert all(i.short_code in exported for i in made)
    slips = http.get(response.location + "/slips").get_data(as_text=True)
    assert slips.count('class="vc-slip"') == 3 and 'lang="ur" dir="rtl"' in slips
    other = signed_in(app, a_practitioner(app, "other.practitioner@example.org"))
    assert other.get(response.location).status_code == 403


def test_one_bad_row_imports_nothing(app, people, db):
    http = signed_in(app, people["practitioner"])
    bad = "northvale-sab,msp-adult,,,s42_enquiry,phisical,,,1,28\n"
    response = upload(http, (HEADER + GOOD_ROW + GOOD_ROW + bad + GOOD_ROW).encode())
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Row 4, column risk_type: &#39;phisical&#39; is not one of: physical, sexual" in html
    assert "Nothing was imported" in html
    assert db.exec(select(Invitation)).all() == []


@pytest.mark.parametrize("content, filename, message", [
    ((HEADER.replace("uses", "times") + GOOD_ROW).encode(), "a.csv", "missing the column(s) uses"),
    ((HEADER.strip() + ",name\n" + GOOD_ROW.strip() + ",Jo\n").encode(), "a.csv", "does not know: name"),
    ((HEADER + "northvale-sab,msp-adult,Café,,,,,,,\n").encode("cp1252"), "a.csv", "not saved as UTF-8"),
    (b"", "a.csv", "The file is empty"),
    ((HEADER + GOOD_ROW).encode(), "invitations.xlsx", "must be a CSV file"),
    ((HEADER + GOOD_ROW * 501).encode(), "a.csv", "the most in one upload is 500"),
    (HEADER.encode(), "a.csv", "no invitations"),
    ((HEADER + "eastmere-sab,msp-adult,,,,,,,,\n").encode(), "a.csv", "not a board you can make invitations for"),
])
def test_files_that_cannot_be_used_are_explained(app, people, db, content, filename, message):
    response = upload(signed_in(app, people["practitioner"]), content, filename)
    assert response.status_code in (400, 413)
    assert message in response.get_data(as_text=True).replace("&#39;", "'")
    assert db.exec(select(Invitation)).all() == []


def test_a_file_over_the_limit_is_refused_on_the_page(app, people, db):
    response = upload(signed_in(app, people["practitioner"]), (HEADER + GOOD_ROW * 900).encode())
    assert response.status_code == 413 and "The file is too big" in response.get_data(as_text=True)
    assert db.exec(select(Invitation)).all() == []


def test_upload_needs_csrf(app, people, db):
    http = signed_in(app, people["practitioner"])
    response = http.post("/staff/invitations/upload", content_type="multipart/form-data",
                         data={"file": (io.BytesIO((HEADER + GOOD_ROW).encode()), "a.csv")})
    assert response.status_code == 400 and db.exec(select(Invitation)).all() == []


def test_the_template_uploads_as_it_is(app, people, db):
    http = signed_in(app, people["practitioner"])
    template = http.get("/staff/invitations/upload/template.csv")
    assert template.status_code == 200 and template.mimetype == "text/csv"
    assert template.get_data(as_text=True).startswith(HEADER.strip())
    assert upload(http, template.get_data()).status_code == 302
    assert len(db.exec(select(Invitation)).all()) == 1
