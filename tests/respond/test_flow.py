"""How the respondent flow behaves: errors, going back, resuming, sending once, leaving no trace."""
from __future__ import annotations

import threading

from sqlalchemy import func
from sqlmodel import select

from voicecapture.data import responses
from voicecapture.models import Answer, Draft, Response

FEEL = "/s/eastmere-sab/feel-safer"


def finish_feel_safer(client, url):
    """Answer the pulse survey's two required questions and skip the rest; returns the check URL."""
    assert client.answer(url, "adequately_safe").status == 302
    nxt = url.replace("ascs_safety", "safer_than_before")
    assert client.answer(nxt, "safer").status == 302
    page = client.get(nxt.replace("safer_than_before", "what_would_help"))
    skip = client.post(nxt.replace("safer_than_before", "what_would_help"), {"csrf_token": page.csrf()})
    assert skip.status == 302
    first_equality = client.get(skip.response.location)
    assert "Skip these questions" in first_equality.text()
    done = client.post(skip.response.location, {"csrf_token": first_equality.csrf(), "skip_section": "1"})
    assert done.response.location.endswith("/check")
    return done.response.location


def count(db, model):
    return db.exec(select(func.count()).select_from(model)).one()


def test_required_question_left_blank_shows_error_summary(client):
    url = client.start(FEEL, "en")
    page = client.answer(url, None)
    assert page.status == 400
    assert page.title.startswith("Error: ")
    summary = page.soup.select_one(".govuk-error-summary")
    assert summary.find("a")["href"] == "#answer" and "Select an answer" in summary.text
    assert page.errors() == ["Error: Select an answer"]


def test_an_answer_that_is_too_long_is_kept_for_editing(client, app):
    url = client.start(FEEL, "en")
    finish_feel_safer(client, url)
    text_url = url.replace("ascs_safety", "what_would_help")
    long_text = "I would feel safer if " + "x" * 700
    page = client.answer(text_url, long_text)
    assert page.status == 400
    assert page.errors() == ["Error: Your answer must be 600 characters or fewer"]
    assert page.soup.find("textarea").text == long_text, "nothing the person typed is lost"


def test_an_option_that_does_not_exist_is_refused(client):
    url = client.start(FEEL, "en")
    page = client.answer(url, "totally_safe")
    assert page.status == 400 and page.errors() == ["Error: Select one of the answers shown"]


def test_exclusive_option_cannot_be_combined(client):
    url = client.start("/s/northvale-scp/child-review", "en")
    client.answer(url, "older")
    client.answer(url.replace("age_group", "meeting_kind"), "cp_conference")
    page = client.answer(url.replace("age_group", "took_part"), ["came", "did_not"])
    assert page.status == 400
    assert page.errors() == ['Error: Select "I did not take part" on its own, or untick it']


def test_free_text_is_cleaned_but_not_truncated(client, db):
    url = client.start(FEEL, "en")
    finish_feel_safer(client, url)
    client.answer(url.replace("ascs_safety", "what_would_help"), "  More\r\nvisits\x00 please  ")
    draft = db.exec(select(Draft)).one()
    assert draft.answers["what_would_help"] == {"o": [], "t": "More\nvisits please"}


def test_sending_twice_stores_one_response(client, db):
    url = client.start(FEEL, "en")
    check_url = finish_feel_safer(client, url)
    token = client.get(check_url).csrf()
    first = client.post(check_url, {"csrf_token": token}).response
    again = client.post(check_url, {"csrf_token": token}).response
    assert first.location == again.location and first.location.endswith("/done")
    assert count(db, Response) == 1
    # The back button after sending leads to the confirmation, not to an editable question.
    back = client.http.get(url)
    assert back.status_code == 302 and back.location.endswith("/done")


def test_two_simultaneous_submissions_store_one_response(client, app, db):
    url = client.start(FEEL, "en")
    finish_feel_safer(client, url)
    token = client.draft_token(url)
    survey = app.extensions["surveys"].get("feel-safer")
    results, barrier = [], threading.Barrier(4)

    def send():
        with app.app_context():
            draft = responses.draft_by_token(token)
            barrier.wait()
            results.append(responses.submit(draft, survey).reference)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == 4 and len(set(results)) == 1
    assert count(db, Response) == 1


def test_a_failed_submission_stores_nothing_and_can_be_sent_again(client, app, db, monkeypatch, caplog):
    url = client.start(FEEL, "en")
    check_url = finish_feel_safer(client, url)
    real_rows = responses.answer_rows

    def broken_rows(survey, answers):
        rows = real_rows(survey, answers)
        rows.append(Answer(question_key=None, code="X"))  # violates NOT NULL half-way through
        return rows

    monkeypatch.setattr(responses, "answer_rows", broken_rows)
    page = client.get(check_url)
    failed = client.post(check_url, {"csrf_token": page.csrf()})
    assert failed.status == 500 and "Sorry, there is a problem with the service" in failed.text()
    assert "Traceback" not in failed.html
    assert "Unhandled error on POST" in caplog.text, "the error is logged for whoever runs the service"
    assert count(db, Response) == 0 and count(db, Answer) == 0
    assert db.exec(select(Draft)).one().status == "open"

    monkeypatch.setattr(responses, "answer_rows", real_rows)
    sent = client.post(check_url, {"csrf_token": client.get(check_url).csrf()})
    assert sent.status == 302 and count(db, Response) == 1


def test_changing_an_answer_from_check_returns_to_check_and_drops_hidden_answers(client, db):
    url = client.start("/s/northvale-sab/msp-adult", "en")
    client.answer(url, "self")
    client.answer(url.replace("answering_for", "asked_outcomes"), "yes_expressed")
    client.answer(url.replace("answering_for", "outcomes_achieved"), "fully")
    change = client.get(url.replace("answering_for", "asked_outcomes") + "?from=check")
    moved = client.post(url.replace("answering_for", "asked_outcomes") + "?from=check",
                        {"csrf_token": change.csrf(), "answer": "no"})
    # Not everything is answered yet, so it goes on to the first unanswered question.
    assert moved.response.location.endswith("/q/consulted")
    kept = responses.answer_rows(
        client.app.extensions["surveys"].get("msp-adult"), db.exec(select(Draft)).one().answers)
    assert "outcomes_achieved" not in {row.question_key for row in kept}


def test_questions_cannot_be_skipped_by_editing_the_address(client):
    url = client.start(FEEL, "en")
    jump = client.http.get(url.replace("ascs_safety", "eq_carer"))
    assert jump.status_code == 302 and jump.location.endswith("/q/ascs_safety")
    assert client.http.get(url.replace("ascs_safety", "no_such_question")).status_code == 302


def test_transcript_shows_earlier_answers_with_change_links(client):
    url = client.start("/s/northvale-sab/msp-adult", "en")
    client.answer(url, "self")
    page = client.get(url.replace("answering_for", "asked_outcomes"))
    bubbles = [b.get_text(" ", strip=True) for b in page.soup.select(".vc-bubble")]
    assert bubbles[0] == "Who is answering these questions?"
    assert bubbles[1].startswith("I am answering about my own safeguarding enquiry Change")
    assert page.soup.select_one(".vc-bubble__change")["href"].endswith("/q/answering_for")


def test_respondent_pages_leave_no_trace(client):
    start = client.http.get(FEEL)
    assert start.headers["Cache-Control"] == "no-store"
    assert start.headers["Referrer-Policy"] == "no-referrer"
    assert "default-src 'self'" in start.headers["Content-Security-Policy"]
    for cookie in start.headers.getlist("Set-Cookie"):
        lowered = cookie.lower()
        assert "expires=" not in lowered and "max-age=" not in lowered, "no persistent cookies"
        assert "httponly" in lowered
    page = client.get(FEEL)
    exit_link = page.soup.select_one("[data-quick-exit]")
    assert exit_link["href"] == "https://www.bbc.co.uk/weather" and exit_link["rel"] == ["noreferrer"]


def test_every_respondent_page_has_quick_exit_and_language_switcher(client):
    url = client.start(FEEL, "en")
    for page in (client.get(FEEL), client.get(url), client.get("/i/not-a-token")):
        assert page.soup.select_one("[data-quick-exit]") is not None
        names = [a.get_text(strip=True) for a in page.soup.select(".vc-languages a, .vc-languages [aria-current]")]
        assert names == ["English", "Easy read", "اردو", "ગુજરાતી", "ਪੰਜਾਬੀ", "Polski", "Română", "العربية",
                         "Soomaali", "বাংলা", "Português"]


def test_language_switch_mid_survey_is_kept(client, db):
    url = client.start(FEEL, "en")
    page = client.get(url + "?lang=ur")
    assert page.soup.html["dir"] == "rtl" and page.soup.html["lang"] == "ur"
    assert db.exec(select(Draft)).one().language == "ur"
    assert client.get(url).soup.html["lang"] == "ur", "the draft remembers the language"


def test_language_from_the_browser(client):
    page = client.get(FEEL, headers={"Accept-Language": "pl-PL,pl;q=0.9,en;q=0.5"})
    assert page.soup.html["lang"] == "pl"
    page = client.get(FEEL, headers={"Accept-Language": "fr"})
    assert page.soup.html["lang"] == "en"


def test_easy_read_shows_easy_words_and_pictures(client):
    url = client.start(FEEL, "en-easy")
    page = client.get(url)
    assert page.h1 == "How safe do you feel?"
    assert page.soup.select_one(".vc-easy svg.vc-easy__picture") is not None
    assert "I feel safe most of the time." in page.text()


def test_typed_text_keeps_its_own_direction_in_a_right_to_left_page(client):
    url = client.start(FEEL, "en")
    check_url = finish_feel_safer(client, url)
    client.answer(url.replace("ascs_safety", "what_would_help") + "?from=check", "It was fine, thank you.")
    check = client.get(check_url + "?lang=ar")
    typed = [b for b in check.soup.select("bdi[dir=auto]") if b.get_text() == "It was fine, thank you."]
    assert check.soup.html["dir"] == "rtl" and typed, "free text is isolated so its full stop stays at its end"
