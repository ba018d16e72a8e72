""""Listen": every question page carries what to read, in its language, and a board's recording when it has one."""
from __future__ import annotations

import hashlib
from contextlib import contextmanager

from sqlalchemy import event

from voicecapture.data import boards, recordings

FEEL = "/s/eastmere-sab/feel-safer"
MP3 = b"ID3\x04\x00" + bytes(range(256)) * 4  # an ID3 header and made-up bytes: nothing here plays it


def _record(app, board_slug, language, key):
    with app.app_context():
        recordings.save(boards.board_by_slug(board_slug), "feel-safer", language, key, "audio/mpeg", MP3)


@contextmanager
def _queries_about_recordings(app):
    found = []

    def seen(_conn, _cursor, statement, *_args):
        if "recording" in statement:
            found.append(statement)
    engine = app.extensions["db_engine"]
    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield found
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def _listen(page):
    return page.soup.select_one("[data-listen]")


def test_question_page_carries_the_question_and_answers_to_read(client):
    url = client.start(FEEL, "en")
    box = _listen(client.get(url))
    assert box.has_attr("hidden"), "shown by the script only: without JavaScript it could not work"
    assert box["data-lang"] == "en" and box["data-audio"] == ""
    text = box["data-text"]
    assert text.startswith("Which of the following statements best describes how safe you feel?")
    assert "I feel as safe as I want" in text and "I don't feel at all safe" in text


def test_it_reads_in_the_pages_language(client):
    url = client.start(FEEL, "pl")
    box = _listen(client.get(url))
    assert box["data-lang"] == "pl" and "Which of the following" not in box["data-text"]
    assert box.select_one("button").get_text(strip=True) != "Listen"


def test_a_boards_recording_is_played_instead(app, client):
    _record(app, "eastmere-sab", "en", "ascs_safety")
    url = client.start(FEEL, "en")
    box = _listen(client.get(url))
    assert box["data-audio"] == "/audio/eastmere-sab/feel-safer/en/ascs_safety"
    audio = client.http.get(box["data-audio"])
    assert audio.status_code == 200 and audio.mimetype == "audio/mpeg" and audio.data == MP3
    other = client.get(url + "?lang=pl")
    assert _listen(other)["data-audio"] == "", "the English recording is not played for Polish"
    northvale = client.start("/s/northvale-sab/feel-safer", "en")
    assert _listen(client.get(northvale))["data-audio"] == "", "nor on another board's page"


def test_only_a_stored_recording_is_served(app, client):
    _record(app, "eastmere-sab", "en", "ascs_safety")
    for path in ("/audio/eastmere-sab/feel-safer/en/missing", "/audio/..%2F..%2F/x/en/secret",
                 "/audio/eastmere-sab/feel-safer/en/..", "/audio/Eastmere/feel-safer/en/ascs_safety",
                 "/audio/northvale-sab/feel-safer/en/ascs_safety", "/audio/eastmere-sab/feel-safer/pl/ascs_safety"):
        assert client.http.get(path).status_code == 404, path


def test_a_recording_answers_conditional_and_range_requests(app, client):
    _record(app, "eastmere-sab", "en", "ascs_safety")
    url = "/audio/eastmere-sab/feel-safer/en/ascs_safety"
    whole = client.http.get(url)
    assert whole.headers["ETag"] == f'"{hashlib.sha256(MP3).hexdigest()}"'
    assert whole.headers["Accept-Ranges"] == "bytes"
    assert whole.headers["Cache-Control"] == "no-store", "like every respondent page, nothing stays on the phone"

    unchanged = client.http.get(url, headers={"If-None-Match": whole.headers["ETag"]})
    assert unchanged.status_code == 304 and unchanged.data == b""

    part = client.http.get(url, headers={"Range": "bytes=4-9"})
    assert part.status_code == 206 and part.data == MP3[4:10]
    assert part.headers["Content-Range"] == f"bytes 4-9/{len(MP3)}" and part.headers["Content-Length"] == "6"
    assert client.http.get(url, headers={"Range": "bytes=-3"}).data == MP3[-3:]


def test_the_question_page_asks_the_database_once_whether_there_is_a_recording(app, client):
    _record(app, "eastmere-sab", "en", "ascs_safety")
    url = client.start(FEEL, "en")
    with _queries_about_recordings(app) as queries:
        client.get(url)
    assert len(queries) == 1, queries
