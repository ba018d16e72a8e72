""""Listen": every question page carries what to read, in its language, and a board's recording when it has one."""
from __future__ import annotations

FEEL = "/s/eastmere-sab/feel-safer"


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


def test_a_boards_recording_is_played_instead(client, settings):
    folder = settings.recordings_dir / "eastmere-sab" / "feel-safer" / "en"
    folder.mkdir(parents=True)
    (folder / "ascs_safety.mp3").write_bytes(b"ID3fake-mp3")
    url = client.start(FEEL, "en")
    box = _listen(client.get(url))
    assert box["data-audio"] == "/audio/eastmere-sab/feel-safer/en/ascs_safety"
    audio = client.http.get(box["data-audio"])
    assert audio.status_code == 200 and audio.mimetype == "audio/mpeg" and audio.data == b"ID3fake-mp3"
    other = client.get(url + "?lang=pl")
    assert _listen(other)["data-audio"] == "", "the English recording is not played for Polish"


def test_recordings_are_only_served_from_their_folder(client, settings):
    settings.recordings_dir.mkdir(parents=True, exist_ok=True)
    (settings.instance_dir / "secret.mp3").write_bytes(b"no")
    for path in ("/audio/eastmere-sab/feel-safer/en/missing", "/audio/..%2F..%2F/x/en/secret",
                 "/audio/eastmere-sab/feel-safer/en/..", "/audio/Eastmere/feel-safer/en/ascs_safety"):
        assert client.http.get(path).status_code == 404, path
