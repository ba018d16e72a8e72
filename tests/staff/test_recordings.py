"""Recordings for "Listen": administrators upload, replace and remove a board's recordings, which the question
page then plays. Every refused upload says why and stores nothing."""
from __future__ import annotations

import io

import pytest
from sqlmodel import select

from voicecapture.models import AuditEvent, Board, Recording, User
from voicecapture.recordings import files

from ..pages import Page, RespondentClient
from .conftest import csrf_of, signed_in

PAGE = "/staff/admin/boards/northvale-sab/recordings"
CHOSEN = PAGE + "?survey=feel-safer&language=gu"
UPLOAD = "/staff/admin/boards/northvale-sab/recordings/feel-safer/gu/ascs_safety"
AUDIO = "/audio/northvale-sab/feel-safer/gu/ascs_safety"
# Tiny synthetic files: the leading bytes each format starts with, then made-up bytes. Nothing here plays them.
MP3 = b"ID3\x04\x00\x00" + bytes(range(200))
OGG = b"OggS\x00\x02" + bytes(range(150))
MB = files.MB


def _page(http, url=CHOSEN) -> Page:
    page = Page(http.get(url))
    assert page.status == 200, page.text()[:300]
    page.check_structure()
    return page


def _token(http) -> str:
    return csrf_of(http.get("/staff/").get_data(as_text=True))  # every signed-in page has one, for signing out


def _upload(http, filename, content, url=UPLOAD):
    """Post a file as the page's form does; filename None leaves the file out altogether."""
    data = {"csrf_token": _token(http)}
    if filename is not None:
        data["file"] = (io.BytesIO(content), filename)
    return http.post(url, data=data, content_type="multipart/form-data")


def _remove(http, url=UPLOAD + "/remove"):
    return http.post(url, data={"csrf_token": _token(http)})


def _row(page: Page, key: str):
    return page.soup.select_one(f"tr#q-{key}")


def _stored(db) -> list[Recording]:
    db.expire_all()
    return db.exec(select(Recording)).all()


def _audit(db, prefix="recording.") -> list[AuditEvent]:
    return [e for e in db.exec(select(AuditEvent).order_by(AuditEvent.id)) if e.action.startswith(prefix)]


def _listen_audio(app, language="gu") -> str:
    respondent = RespondentClient(app)
    url = respondent.start("/s/northvale-sab/feel-safer", language)
    return respondent.get(url).soup.select_one("[data-listen]")["data-audio"]


def _question_as_read(app, language: str) -> str:
    """The first question's heading on the respondent's page in that language."""
    respondent = RespondentClient(app)
    return respondent.get(respondent.start("/s/northvale-sab/feel-safer", language)).soup.select_one(
        "h1, legend h1, .govuk-fieldset__heading").get_text(" ", strip=True)


# --- the page ------------------------------------------------------------------------------------------------

def test_the_page_lists_every_question_of_the_chosen_survey_and_language(app, people):
    http = signed_in(app, people, "administrator")
    page = _page(http)
    assert page.h1 == "Recordings for Listen: Northvale Safeguarding Adults Board"
    assert page.soup.select_one("#survey option[selected]")["value"] == "feel-safer"
    assert page.soup.select_one("#language option[selected]")["value"] == "gu"
    rows = page.soup.select("tbody tr")
    assert [row["id"] for row in rows][:3] == ["q-ascs_safety", "q-safer_than_before", "q-what_would_help"]
    assert "q-eq_carer" in [row["id"] for row in rows], "shared blocks' questions too"
    first = rows[0].get_text(" ", strip=True)
    assert "Which of the following statements best describes how safe you feel?" in first and "None" in first
    # What to record is the question as a Gujarati respondent reads it, marked as Gujarati for screen readers.
    spoken = rows[0].select_one('[lang="gu"]')
    assert spoken["dir"] == "ltr" and spoken.get_text(strip=True) == _question_as_read(app, "gu")
    assert "In English: Which of the following" in first
    assert rows[0].select_one("input[type=file]#file-ascs_safety")
    assert not rows[0].select("audio"), "no player without a recording"
    assert f"0 of {len(rows)} questions recorded" in page.text()


def test_right_to_left_wording_is_marked_so(app, people):
    page = _page(signed_in(app, people, "administrator"), PAGE + "?survey=feel-safer&language=ur")
    spoken = _row(page, "ascs_safety").select_one('[lang="ur"]')
    assert spoken["dir"] == "rtl" and spoken.get_text(strip=True) == _question_as_read(app, "ur")


def test_in_english_the_wording_is_shown_once(app, people):
    page = _page(signed_in(app, people, "administrator"), PAGE + "?survey=feel-safer&language=en")
    row = _row(page, "ascs_safety").get_text(" ", strip=True)
    assert row.count("Which of the following statements best describes how safe you feel?") == 1
    assert "In English" not in row


def test_the_page_shows_the_boards_first_survey_and_language_unless_asked(app, people):
    http = signed_in(app, people, "administrator")
    page = _page(http, PAGE)
    assert page.soup.select_one("#survey option[selected]")["value"] == "feel-safer"
    assert page.soup.select_one("#language option[selected]")["value"] == "en"
    offered = [option["value"] for option in page.soup.select("#survey option")]
    assert offered == ["feel-safer", "msp-adult"], "only the surveys this board offers"
    stale = _page(http, PAGE + "?survey=child-review&language=xx")
    assert stale.soup.select_one("#survey option[selected]")["value"] == "feel-safer"


def test_the_boards_settings_page_links_to_its_recordings(app, people):
    http = signed_in(app, people, "administrator")
    settings_page = _page(http, "/staff/admin/boards/northvale-sab")
    assert settings_page.soup.select_one(f'a[href="{PAGE}"]').get_text(strip=True) == "Recordings for Listen"


# --- upload, replace, remove ---------------------------------------------------------------------------------

def test_an_uploaded_recording_is_what_listen_plays(app, people, db):
    http = signed_in(app, people, "administrator")
    response = _upload(http, "question one.mp3", MP3)
    assert response.status_code == 302
    assert response.location == CHOSEN + "&uploaded=ascs_safety#q-ascs_safety"

    page = _page(http, response.location)
    assert "Saved the recording of ascs_safety" in page.text()
    row = _row(page, "ascs_safety")
    assert "Recorded" in row.get_text() and "MP3" in row.get_text()
    assert row.select_one("audio[controls]")["src"] == AUDIO
    assert f"1 of {len(page.soup.select('tbody tr'))} questions recorded" in page.text()

    assert _listen_audio(app) == AUDIO
    audio = app.test_client().get(AUDIO)
    assert audio.status_code == 200 and audio.mimetype == "audio/mpeg" and audio.data == MP3
    assert _listen_audio(app, "en") == "", "only in the language it was uploaded for"

    [stored] = _stored(db)
    admin = db.exec(select(User).where(User.email == people["administrator"])).one()
    assert (stored.survey_id, stored.language, stored.question_key) == ("feel-safer", "gu", "ascs_safety")
    assert stored.size == len(MP3) and stored.content_type == "audio/mpeg"
    assert stored.uploaded_by == admin.id
    [event] = _audit(db)
    assert event.action == "recording.add" and event.actor == people["administrator"]
    assert event.detail == {"survey": "feel-safer", "language": "gu", "question": "ascs_safety", "size": len(MP3),
                            "sha256": stored.sha256}


def test_uploading_again_replaces_the_recording(app, people, db):
    http = signed_in(app, people, "administrator")
    assert _upload(http, "first.mp3", MP3).status_code == 302
    page = _page(http)
    assert _row(page, "ascs_safety").select_one("button").get_text(" ", strip=True).startswith("Replace")
    assert _upload(http, "better.ogg", OGG).status_code == 302
    [stored] = _stored(db)
    assert stored.content_type == "audio/ogg" and stored.data == OGG
    audio = app.test_client().get(AUDIO)
    assert audio.mimetype == "audio/ogg" and audio.data == OGG
    assert [e.action for e in _audit(db)] == ["recording.add", "recording.replace"]


def test_removing_a_recording_brings_back_the_devices_voice(app, people, db):
    http = signed_in(app, people, "administrator")
    _upload(http, "first.mp3", MP3)
    response = _remove(http)
    assert response.status_code == 302 and response.location == CHOSEN + "&removed=ascs_safety#q-ascs_safety"
    page = _page(http, response.location)
    assert "Removed the recording of ascs_safety" in page.text()
    assert not _row(page, "ascs_safety").select("audio")
    assert _stored(db) == []
    assert app.test_client().get(AUDIO).status_code == 404
    assert _listen_audio(app) == ""
    assert [e.action for e in _audit(db)] == ["recording.add", "recording.remove"]
    assert _remove(http).status_code == 404, "nothing left to remove"


# --- refused uploads -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("filename, content, message", [
    (None, b"", "Choose a recording to upload: an MP3, OGG, M4A or WAV file"),
    ("", b"", "Choose a recording to upload: an MP3, OGG, M4A or WAV file"),
    ("notes.txt", b"ID3 but a text file", "“notes.txt” is not a recording the service can play. "
                                          "Choose an MP3, OGG, M4A or WAV file"),
    ("report.mp3", b"%PDF-1.7 a renamed document", "“report.mp3” is not really an MP3 file, although its name ends "
                                                   "in .mp3. Save or export it again as MP3, or choose another file"),
    ("voice.ogg", MP3, "“voice.ogg” is not really an OGG file"),
    ("silence.wav", b"", "“silence.wav” is empty. Choose the recording again, or record it again"),
    ("long.mp3", b"ID3" + bytes(5 * MB - 2), "The file must be 5 MB or smaller; this one is just over 5 MB. "
                                             "Record a shorter clip, or save it again at a lower quality"),
])
def test_a_refused_upload_says_why_and_stores_nothing(app, people, db, filename, content, message):
    http = signed_in(app, people, "administrator")
    response = _upload(http, filename, content)
    page = Page(response)
    assert response.status_code == 400
    page.check_structure()
    assert page.title.startswith("Error:")
    summary = page.soup.select_one(".govuk-error-summary")
    assert message in summary.get_text(" ", strip=True) and "Nothing was saved" in summary.get_text()
    assert summary.select_one("a")["href"] == "#file-ascs_safety"
    assert message in _row(page, "ascs_safety").select_one(".govuk-error-message").get_text(" ", strip=True)
    assert _stored(db) == [] and _audit(db) == []


def test_a_refused_upload_keeps_the_recording_there_was(app, people, db):
    http = signed_in(app, people, "administrator")
    _upload(http, "first.mp3", MP3)
    assert _upload(http, "report.mp3", b"%PDF-1.7").status_code == 400
    assert [r.data for r in _stored(db)] == [MP3]


def test_a_file_far_over_the_limit_is_refused_with_the_limit_and_its_size(app, people, db):
    http = signed_in(app, people, "administrator")
    response = _upload(http, "interview.mp3", b"ID3" + bytes(int(7.2 * MB)))
    assert response.status_code == 413
    page = Page(response)
    page.check_structure()
    assert page.h1 == "Recordings for Listen: Northvale Safeguarding Adults Board"
    assert "The file must be 5 MB or smaller; this one is 7.2 MB" in page.soup.select_one(
        ".govuk-error-summary").get_text(" ", strip=True)
    assert _row(page, "ascs_safety").select_one(".govuk-error-message")
    assert _stored(db) == []


def test_only_this_upload_takes_more_than_the_apps_64_kb(app, people):
    http = signed_in(app, people, "administrator")
    token = csrf_of(http.get("/staff/admin/boards/northvale-sab").get_data(as_text=True))
    response = http.post("/staff/admin/boards/northvale-sab", data={"csrf_token": token, "name": "x" * 100_000})
    assert response.status_code == 413


def test_a_too_big_upload_shows_no_board_page_to_someone_who_may_not_see_it(app, people):
    http = signed_in(app, people, "board_officer")
    response = _upload(http, "interview.mp3", b"ID3" + bytes(6 * MB))
    assert response.status_code == 413
    assert "Recordings for Listen" not in response.get_data(as_text=True)


# --- who may, and where ------------------------------------------------------------------------------------------

def test_only_administrators_manage_recordings(app, people, db):
    administrator = signed_in(app, people, "administrator")
    _upload(administrator, "first.mp3", MP3)
    for role in ("board_officer", "board_member", "safeguarding_lead", "practitioner", "advocate"):
        http = signed_in(app, people, role)
        assert http.get(CHOSEN).status_code == 403, role
        assert _upload(http, "x.ogg", OGG).status_code == 403, role
        assert _remove(http).status_code == 403, role
    assert [r.data for r in _stored(db)] == [MP3]


@pytest.mark.parametrize("url", [
    "/staff/admin/boards/nowhere/recordings/feel-safer/gu/ascs_safety",
    "/staff/admin/boards/northvale-sab/recordings/child-review/gu/ascs_safety",  # not offered by this board
    "/staff/admin/boards/northvale-sab/recordings/no-such-survey/gu/ascs_safety",
    "/staff/admin/boards/northvale-sab/recordings/feel-safer/fr/ascs_safety",  # not an enabled language
    "/staff/admin/boards/northvale-sab/recordings/feel-safer/gu/no_such_question",
])
def test_a_recording_goes_only_where_the_board_asks_the_question(app, people, db, url):
    http = signed_in(app, people, "administrator")
    assert _upload(http, "first.mp3", MP3, url=url).status_code == 404
    assert _stored(db) == []


def test_a_language_the_board_does_not_offer_is_neither_listed_nor_taken(app, people, db):
    board = db.exec(select(Board).where(Board.slug == "northvale-sab")).one()
    board.languages = ["en", "ur"]
    db.add(board)
    db.commit()
    http = signed_in(app, people, "administrator")
    page = _page(http, PAGE)
    assert [option["value"] for option in page.soup.select("#language option")] == ["en", "ur"]
    assert _upload(http, "first.mp3", MP3).status_code == 404
    assert http.get("/staff/admin/boards/nowhere/recordings").status_code == 404


# --- what counts as a recording ----------------------------------------------------------------------------------

@pytest.mark.parametrize("filename, head, content_type", [
    ("tagged.mp3", b"ID3\x03\x00\x00\x00\x00\x00\x00\x00\x00", "audio/mpeg"),
    ("frames.MP3", b"\xff\xfb\x90\x64" + bytes(8), "audio/mpeg"),
    ("mpeg2.mp3", b"\xff\xf3\x90\x64" + bytes(8), "audio/mpeg"),
    ("voice.ogg", b"OggS\x00\x02" + bytes(6), "audio/ogg"),
    ("phone.m4a", b"\x00\x00\x00\x20ftypM4A ", "audio/mp4"),
    ("studio.wav", b"RIFF\x24\x08\x00\x00WAVE", "audio/wav"),
])
def test_each_kind_of_recording_is_known_by_its_first_bytes(filename, head, content_type):
    assert files.problem(filename, len(head), head) is None
    assert files.content_type(filename) == content_type


@pytest.mark.parametrize("filename, head", [
    ("frames.mp3", b"\xff\x1b" + bytes(10)),  # 0xFF without the frame sync bits
    ("phone.m4a", b"\x00\x00\x00\x20moov" + bytes(4)),
    ("studio.wav", b"RIFF\x24\x08\x00\x00AVI "),
    ("no-extension", b"ID3" + bytes(9)),
])
def test_a_file_is_not_a_recording_by_its_name_alone(filename, head):
    assert files.problem(filename, len(head), head)


def test_the_upload_page_has_one_labelled_file_input_per_question(app, people):
    page = _page(signed_in(app, people, "administrator"))
    inputs = page.soup.select("input[type=file]")
    assert len(inputs) == len(page.soup.select("tbody tr"))
    for field in inputs:
        label = page.soup.find("label", attrs={"for": field["id"]}).get_text(" ", strip=True)
        assert label.startswith("Recording of "), label
        form = field.find_parent("form")
        assert form["enctype"] == "multipart/form-data" and form.select_one("input[name=csrf_token]")
