"""A board's archive: one ZIP of everything it holds, never what must not leave, never another board's data."""
from __future__ import annotations

import csv
import io
import zipfile
from datetime import datetime, timezone

import pytest
from sqlmodel import select

from voicecapture import board_archive
from voicecapture.data import alerts, boards, comments, invitations, recordings, responses
from voicecapture.db import session, transaction
from voicecapture.models import Alert, AuditEvent, ContactRequest, Invitation, Report, ReportFile, User

from .conftest import signed_in

SENT = datetime(2026, 5, 4, 10, 0, tzinfo=timezone.utc)
TYPED = "Ring Priya on 07700 900123, she looks after me"
REDACTED = "Ring [name] on [phone], she looks after me"
SAID = "He said he would hurt me if I told anyone"
CONTACT = "07700 900999, after 6pm"
OTHER_BOARD = "EASTMERE-ONLY"
FILES = {"README.txt", "responses.csv", "free_text.csv", "comments.csv", "invitations.csv", "alerts.csv",
         "alert_history.csv", "you_said_we_did.csv", "reports.csv", "recordings.csv", "settings.csv", "staff.csv"}


def _respond(app, board, text, analysed=True):
    survey = app.extensions["surveys"].get("feel-safer")
    [response_id] = responses.store_responses([dict(
        survey=survey, board_id=board.id, language="en", submitted_at=SENT, agency="Police",
        answers={"ascs_safety": {"o": ["adequately_safe"]}, "what_would_help": {"o": [], "t": text}})])
    if analysed:
        [pending] = comments.pending_texts(10, response_ids=[response_id])
        comments.store_analyses([{"answer_id": pending.answer_id, "response_id": response_id, "board_id": board.id,
                                  "submitted_at": SENT, "survey_id": "feel-safer", "question_key": "what_would_help",
                                  "language": "en", "redacted": REDACTED if text == TYPED else text,
                                  "sentiment": "positive", "themes": ["being_listened_to", "feeling_safe"],
                                  "scores": {}, "model_version": "m1"}])
    return response_id


def _fill(app, board, marker=""):
    """Responses, an invitation, an alert with evidence and contact details, an action, a report and a recording."""
    ids = [_respond(app, board, marker or TYPED) for _ in range(3)] + [_respond(app, board, marker or TYPED, False)]
    invitation = invitations.create_invitation(board, "feel-safer", agency=f"Police{marker}", area="North")
    alert = alerts.record_now(board=board, survey_id="feel-safer", response_id=ids[0], language="en", mode="self",
                              findings=[{"category": "current_harm", "source": "pattern",
                                         "question_key": "what_would_help", "detail": "en"}],
                              evidence={"what_would_help": {"o": [], "t": marker or SAID}})
    alerts.save_contact(alert, {"how": "phone", "phone": marker or CONTACT})
    boards.save_action(board, {"quarter": "2026-27Q1", "theme": "", "you_said": f"Call back sooner{marker}",
                               "we_did": "A named worker calls within two days", "status": "done"}, None)
    with transaction():
        report = Report(board_id=board.id, quarter="2026-27Q1", status="stored", inputs={})
        session().add(report)
        session().flush()
        session().add(ReportFile(report_id=report.id, kind="pdf", content=b"%PDF-1.7 " + board.slug.encode(),
                                 sha256="x"))
    recordings.save(board, "feel-safer", "en", "ascs_safety", "audio/mpeg", b"ID3" + board.slug.encode())
    return ids, invitation, alert


@pytest.fixture
def filled(app, people):
    with app.app_context():
        other = boards.board_by_slug("eastmere-sab")
        _fill(app, other, marker=OTHER_BOARD)
        board = boards.board_by_slug("northvale-sab")
        ids, invitation, alert = _fill(app, board)
        return {"responses": ids, "invitation": invitation, "alert": alert}


def _unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def _csv(files, name) -> list[dict]:
    text = files[name].decode("utf-8")
    assert text.startswith("\ufeff"), f"{name}: spreadsheets need the byte-order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_the_archive_holds_every_file_and_the_right_rows(app, people, filled, db):
    download = signed_in(app, people, "board_officer").get("/staff/boards/northvale-sab/export/all.zip")
    assert download.status_code == 200 and download.content_type == "application/zip" and download.is_streamed
    assert download.headers["Content-Disposition"].startswith('attachment; filename="northvale-sab-all-data-')
    files = _unzip(download.get_data())
    assert FILES <= set(files)
    assert "recordings/feel-safer/en/ascs_safety.mp3" in files
    assert files["recordings/feel-safer/en/ascs_safety.mp3"] == b"ID3northvale-sab"
    pdfs = [name for name in files if name.startswith("reports/")]
    assert len(pdfs) == 1 and files[pdfs[0]] == b"%PDF-1.7 northvale-sab"

    readme = files["README.txt"].decode()
    assert "PERSONAL DATA" in readme and all(name in readme for name in FILES - {"README.txt"})

    response_rows = _csv(files, "responses.csv")
    assert len(response_rows) == 4
    free_text = _csv(files, "free_text.csv")
    # Times read the same from SQLite (no zone) and PostgreSQL (with one): UTC, to the second.
    assert {row["submitted_at"] for row in response_rows + free_text} == {"2026-05-04 10:00:00"}
    assert [row["text_deidentified"] for row in free_text] == [REDACTED] * 3 + [""]
    assert [row["analysed"] for row in free_text] == ["yes"] * 3 + ["no"]
    assert {row["typed_text_still_held"] for row in free_text} == {"yes"}
    comment_rows = _csv(files, "comments.csv")
    assert len(comment_rows) == 3 and comment_rows[0]["themes"] == "being_listened_to;feeling_safe"
    assert comment_rows[0]["sentiment"] == "positive" and comment_rows[0]["submitted_at"] == "2026-05-04 10:00:00"
    [invitation] = _csv(files, "invitations.csv")
    assert invitation["agency"] == "Police" and "token" not in invitation and "short_code" not in invitation
    [alert] = _csv(files, "alerts.csv")
    assert alert["status"] == "new" and alert["categories"] == "current_harm"
    assert alert["reasons"] == "current_harm (pattern on what_would_help)"
    history = [row["kind"] for row in _csv(files, "alert_history.csv")]
    assert history[0] == "raised" and "contact_requested" in history
    [action] = _csv(files, "you_said_we_did.csv")
    assert action["you_said"] == "Call back sooner" and action["status"] == "done"
    [report] = _csv(files, "reports.csv")
    assert report["files"] == pdfs[0]
    settings = {row["setting"]: row["value"] for row in _csv(files, "settings.csv")}
    assert settings["slug"] == "northvale-sab" and "feel-safer" in settings["surveys"]
    staff = _csv(files, "staff.csv")
    assert {row["email"] for row in staff} == {"administrator@example.org", "board_officer@example.org",
                                               "board_member@example.org", "safeguarding_lead@example.org",
                                               "practitioner@example.org", "advocate@example.org"}
    assert {row["on"] for row in staff if row["role"] == "administrator"} == {"every board"}

    event = db.exec(select(AuditEvent).where(AuditEvent.action == "board.export")).one()
    assert event.detail == {"what": "everything"} and event.actor == "board_officer@example.org"


def test_the_archive_never_holds_what_must_not_leave(app, people, filled, db):
    everything = b"".join(_unzip(signed_in(app, people, "administrator")
                                 .get("/staff/boards/northvale-sab/export/all.zip").get_data()).values())
    invitation = db.get(Invitation, filled["invitation"].id)
    secrets = [invitation.token, invitation.short_code, TYPED, SAID, CONTACT, "Priya", "07700"]
    secrets += db.exec(select(User.password_hash)).all()
    for secret in secrets:
        assert secret.encode() not in everything, f"{secret[:20]!r} is in the archive"
    sealed = [db.get(Alert, filled["alert"].id).evidence, *db.exec(select(ContactRequest.sealed)).all()]
    assert all(token and token not in everything for token in sealed)
    assert OTHER_BOARD.encode() not in everything and b"eastmere" not in everything.lower(), "another board's data"


def test_only_administrators_and_the_boards_own_officers_may_download_it(app, people):
    url = "/staff/boards/northvale-sab/export/all.zip"
    assert signed_in(app, people, "administrator").get(url).status_code == 200
    for role in ("other_board_officer", "board_member", "safeguarding_lead", "practitioner", "advocate"):
        assert signed_in(app, people, role).get(url).status_code in (403, 404), role
    assert signed_in(app, people, "administrator").get("/staff/boards/no-such-board/export/all.zip").status_code == 404
    page = signed_in(app, people, "board_officer").get("/staff/boards/northvale-sab").get_data(as_text=True)
    assert url in page


def test_the_archive_is_handed_out_as_it_is_written(app, monkeypatch):
    with app.app_context():
        board = boards.board_by_slug("northvale-sab")
        for _ in range(30):
            _respond(app, board, TYPED)
        staff_read = []
        monkeypatch.setattr(board_archive.rows, "staff", lambda board: staff_read.append(board) or [])
        monkeypatch.setattr(board_archive, "HAND_OUT_AT", 512)
        pieces = board_archive.archive(board, app.extensions["surveys"])
        first = next(pieces)
        assert first.startswith(b"PK\x03\x04") and staff_read == [], "the first files leave before the last is read"
        rest = list(pieces)
    assert staff_read and len(rest) > 3
    assert len(_csv(_unzip(first + b"".join(rest)), "responses.csv")) == 30


def test_the_command_writes_the_archive_and_refuses_a_path_it_cannot_write(run, tmp_path):
    run("demo-data", "--responses", "40", "--no-staff")
    target = tmp_path / "northvale.zip"
    written = run("export", "board", "--board", "northvale-sab", "--out", str(target))
    assert written.exit_code == 0 and "personal data" in written.output
    files = _unzip(target.read_bytes())
    assert FILES <= set(files) and len(_csv(files, "responses.csv")) > 0
    missing = run("export", "board", "--board", "northvale-sab", "--out", str(tmp_path / "no" / "such" / "x.zip"))
    assert missing.exit_code != 0 and "cannot write" in missing.output and "No such file" in missing.output
    unknown = run("export", "board", "--board", "nowhere", "--out", str(tmp_path / "x.zip"))
    assert unknown.exit_code != 0 and "no board 'nowhere'" in unknown.output
