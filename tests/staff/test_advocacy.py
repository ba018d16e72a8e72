"""Advocates entering feedback on someone's behalf: the one-page form, its checks, and correcting entries."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlmodel import select

from voicecapture.data import boards, users
from voicecapture.models import Answer, AuditEvent, Response, utcnow
from voicecapture.quarters import quarter_of

from ..pages import Page
from .conftest import PASSWORD, csrf_of, sign_in

MSP_NEW = "/staff/entries/new/northvale-sab/msp-adult"

# A complete set of answers to msp-adult's required questions, as the one-page form posts them.
MSP_ANSWERS = {
    "answering_for-answer": "representative",
    "asked_outcomes-answer": "yes_expressed",
    "outcomes_achieved-answer": "partly",
    "consulted-answer": "yes",
    "listened_to-answer": "no",
    "contributed-answer": "not_sure",
    "feel_safer-answer": "yes",
    "ascs_safety-answer": "adequately_safe",
    "fft_overall-answer": "good",
    "what_good-answer": "She said the social worker came back when she promised.",
}


def _signed_in(app, email):
    http = app.test_client()
    assert sign_in(http, email).status_code == 302
    return http


def _post_entry(http, url, answers):
    page = http.get(url)
    assert page.status_code == 200, page.get_data(as_text=True)[:500]
    return http.post(url, data={"csrf_token": csrf_of(page.get_data(as_text=True)), **answers})


def _make_entry(app, email, mode="on_behalf", answers=MSP_ANSWERS):
    http = _signed_in(app, email)
    response = _post_entry(http, f"{MSP_NEW}?mode={mode}&language=en", answers)
    assert response.status_code == 302, response.get_data(as_text=True)
    return http, int(re.search(r"/staff/entries/(\d+)", response.location).group(1))


def _rows(db, response_id):
    return {(a.question_key, a.option_key, a.code, a.text)
            for a in db.exec(select(Answer).where(Answer.response_id == response_id))}


def _second_advocate(app):
    with app.app_context():
        board = boards.board_by_slug("northvale-sab")
        users.create_user("advocate2@example.org", "Second Advocate", PASSWORD, [("advocate", board.id)])
    return "advocate2@example.org"


def test_start_page_leads_to_the_one_page_form(app, people):
    http = _signed_in(app, people["advocate"])
    page = http.get("/staff/entries/new").get_data(as_text=True)
    assert "northvale-sab/msp-adult" in page and "northvale-scp/child-review" not in page, "only the advocate's board"
    answer = http.post("/staff/entries/new", data={"csrf_token": csrf_of(page), "survey": "northvale-sab/msp-adult",
                                                   "mode": "paper", "language": "pl"})
    assert answer.status_code == 302
    assert answer.location == f"{MSP_NEW}?mode=paper&language=pl"


def test_start_page_explains_what_is_missing(app, people):
    http = _signed_in(app, people["advocate"])
    page = http.get("/staff/entries/new").get_data(as_text=True)
    answer = http.post("/staff/entries/new", data={"csrf_token": csrf_of(page), "survey": "", "language": "en"})
    html = answer.get_data(as_text=True)
    assert answer.status_code == 400 and "<title>Error:" in html
    assert "Choose the board and survey" in html and "Select how the person&#39;s views were given" in html
    bad = http.post("/staff/entries/new", data={"csrf_token": csrf_of(page), "survey": "eastmere-sab/msp-adult",
                                                "mode": "telepathy", "language": "en"})
    html = bad.get_data(as_text=True)
    assert bad.status_code == 400
    assert "Choose one of the boards and surveys in the list" in html and "Select one of the ways shown" in html


def test_an_advocates_entry_is_stored_with_its_mode_author_and_coded_answers(app, people, db):
    _, response_id = _make_entry(app, people["advocate"], mode="best_interests")
    response = db.get(Response, response_id)
    advocate = db.exec(select(users.User).where(users.User.email == people["advocate"])).one()
    assert response.mode == "best_interests" and response.entered_by == advocate.id
    assert response.survey_id == "msp-adult" and response.variant == "representative" and response.language == "en"
    assert response.draft_id is None and response.started_at is not None
    rows = _rows(db, response_id)
    assert ("asked_outcomes", "yes_expressed", "ASKED_OUTCOMES_EXPRESSED", None) in rows
    assert ("outcomes_achieved", "partly", "PARTIALLY_ACHIEVED", None) in rows
    assert ("what_good", "", "TEXT", "She said the social worker came back when she promised.") in rows
    assert ("services_help_safe", "", "NOT_ANSWERED", None) in rows, "a shown question left blank"
    assert ("eq_age", "", "NOT_ANSWERED", None) in rows
    created = db.exec(select(AuditEvent).where(AuditEvent.action == "response.create")).one()
    assert created.target == f"response:{response_id}" and "social worker" not in str(created.detail)


def test_confirmation_shows_the_reference(app, people, db):
    http, response_id = _make_entry(app, people["advocate"])
    page = http.get(f"/staff/entries/{response_id}?created=1").get_data(as_text=True)
    assert "Answers saved" in page and db.get(Response, response_id).reference in page


def test_representative_wording_for_on_behalf_on_msp_adult(app, people):
    http = _signed_in(app, people["advocate"])
    page = http.get(f"{MSP_NEW}?mode=on_behalf&language=en").get_data(as_text=True)
    assert "Was the person asked what they wanted to happen as a result of the enquiry?" in page
    assert re.search(r'value="representative" checked', page), "who is answering is pre-set"
    assert "Use their words" in page or "in their words" in page
    own = http.get(f"{MSP_NEW}?mode=with_help&language=en").get_data(as_text=True)
    assert "Were you asked what you wanted to happen" in own and "Read each question aloud" in own


def test_best_interests_prompt(app, people):
    http = _signed_in(app, people["advocate"])
    page = http.get(f"{MSP_NEW}?mode=best_interests&language=en").get_data(as_text=True)
    assert "note who you consulted in the free text" in page


def test_a_conditional_question_says_when_it_applies(app, people):
    http = _signed_in(app, people["advocate"])
    page = http.get(f"{MSP_NEW}?mode=phone&language=en").get_data(as_text=True)
    assert ("Only if the answer to &#39;Were you asked what you wanted to happen as a result of the enquiry?&#39; "
            "was &#39;Yes, I was asked and I said what I wanted to happen&#39;.") in page


def test_a_missing_required_answer_is_an_error_and_keeps_the_other_answers(app, people, db):
    http = _signed_in(app, people["advocate"])
    answers = {k: v for k, v in MSP_ANSWERS.items() if k != "consulted-answer"}
    response = _post_entry(http, f"{MSP_NEW}?mode=phone&language=en", answers)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "<title>Error:" in html
    assert 'href="#consulted-answer"' in html and "Select an answer" in html
    assert "She said the social worker came back when she promised." in html
    assert re.search(r'value="adequately_safe" checked', html) and re.search(r'value="partly" checked', html)
    assert db.exec(select(Response)).all() == []


def test_an_answer_to_a_hidden_question_is_dropped(app, people, db):
    answers = {**MSP_ANSWERS, "asked_outcomes-answer": "no", "outcomes_achieved-answer": "fully"}
    _, response_id = _make_entry(app, people["advocate"], answers=answers)
    keys = {row[0] for row in _rows(db, response_id)}
    assert "asked_outcomes" in keys and "outcomes_achieved" not in keys


def test_a_hidden_required_question_is_not_required(app, people, db):
    answers = {k: v for k, v in MSP_ANSWERS.items() if k != "outcomes_achieved-answer"}
    answers["asked_outcomes-answer"] = "dont_know"
    _make_entry(app, people["advocate"], answers=answers)
    assert len(db.exec(select(Response)).all()) == 1


def test_bad_answers_get_the_respondents_messages(app, people, db):
    http = _signed_in(app, people["advocate"])
    answers = {**MSP_ANSWERS, "consulted-answer": "perhaps", "what_better-answer": "x" * 1001}
    response = _post_entry(http, f"{MSP_NEW}?mode=paper&language=en", answers)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "Select one of the answers shown" in html
    assert "Your answer must be 1,000 characters or fewer" in html
    assert db.exec(select(Response)).all() == []


def test_child_review_multiple_choice_and_scale(app, people, db):
    http = _signed_in(app, people["practitioner"])
    # The practitioner works for northvale-sab only: the children's partnership is not theirs.
    assert http.get("/staff/entries/new/northvale-scp/child-review?mode=with_help&language=en").status_code == 403
    with app.app_context():
        scp = boards.board_by_slug("northvale-scp")
        users.create_user("worker@example.org", "Worker", PASSWORD, [("practitioner", scp.id)])
    http = _signed_in(app, "worker@example.org")
    url = "/staff/entries/new/northvale-scp/child-review?mode=with_help&language=en"
    answers = {"age_group-answer": "younger", "meeting_kind-answer": "cla_review",
               "took_part-answer": ["came", "spoke"],
               "meeting_feeling-answer": "face_4", "listened_acted-answer": "8", "understand_next-answer": "face_3",
               "feel_safe-answer": "face_5", "house_dreams-answer": "A dog"}
    response = _post_entry(http, url, answers)
    assert response.status_code == 302, response.get_data(as_text=True)
    stored = db.exec(select(Response)).one()
    rows = _rows(db, stored.id)
    assert {r[1] for r in rows if r[0] == "took_part"} == {"came", "spoke"}
    assert ("house_dreams", "", "TEXT", "A dog") in rows and stored.variant == "younger"


def test_unknown_mode_in_the_link_goes_back_to_the_start(app, people):
    http = _signed_in(app, people["advocate"])
    response = http.get(f"{MSP_NEW}?mode=self&language=en")
    assert response.status_code == 302 and "/staff/entries/new?survey=northvale-sab/msp-adult" in response.location
    assert http.get("/staff/entries/new/northvale-sab/child-review?mode=phone").status_code == 404


def test_the_list_shows_only_your_own_entries(app, people, db):
    _, mine = _make_entry(app, people["advocate"])
    other_email = _second_advocate(app)
    other_http, theirs = _make_entry(app, other_email, mode="phone")
    references = {r.id: r.reference for r in db.exec(select(Response))}
    listing = other_http.get("/staff/entries").get_data(as_text=True)
    assert references[theirs] in listing and references[mine] not in listing
    assert "By phone" in listing and "Can be corrected" in listing
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "response.list")).first() is not None


def test_another_advocates_entry_cannot_be_opened_or_corrected(app, people, db):
    _, mine = _make_entry(app, people["advocate"])
    other = _signed_in(app, _second_advocate(app))
    assert other.get(f"/staff/entries/{mine}").status_code == 403
    assert other.get(f"/staff/entries/{mine}/edit").status_code == 403
    page = other.get("/staff/entries").get_data(as_text=True)
    refused = other.post(f"/staff/entries/{mine}/edit", data={"csrf_token": csrf_of(page), **MSP_ANSWERS,
                                                              "consulted-answer": "no"})
    assert refused.status_code == 403
    assert {r[1] for r in _rows(db, mine) if r[0] == "consulted"} == {"yes"}, "unchanged"


def test_administrators_may_read_an_entry_but_not_correct_it(app, people, db):
    _, mine = _make_entry(app, people["advocate"])
    admin = _signed_in(app, people["administrator"])
    page = admin.get(f"/staff/entries/{mine}")
    assert page.status_code == 200 and "Only the person who entered it can correct it" in page.get_data(as_text=True)
    assert admin.get(f"/staff/entries/{mine}/edit").status_code == 403
    read = db.exec(select(AuditEvent).where(AuditEvent.action == "response.read")).first()
    assert read is not None and read.target == f"response:{mine}" and read.actor == people["administrator"]


def test_correcting_an_entry_in_the_current_quarter(app, people, db):
    http, mine = _make_entry(app, people["advocate"])
    form = http.get(f"/staff/entries/{mine}/edit").get_data(as_text=True)
    assert re.search(r'value="partly" checked', form) and "came back when she promised" in form, "pre-filled"
    answers = {**MSP_ANSWERS, "consulted-answer": "no", "what_good-answer": ""}
    saved = http.post(f"/staff/entries/{mine}/edit", data={"csrf_token": csrf_of(form), **answers})
    assert saved.status_code == 302 and saved.location.endswith(f"/staff/entries/{mine}?updated=1")
    db.expire_all()
    rows = _rows(db, mine)
    assert {r[1] for r in rows if r[0] == "consulted"} == {"no"}
    assert ("what_good", "", "NOT_ANSWERED", None) in rows
    assert db.get(Response, mine).updated_at is not None
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "response.update")).one().target == f"response:{mine}"


def test_a_correction_with_an_error_changes_nothing(app, people, db):
    http, mine = _make_entry(app, people["advocate"])
    before = _rows(db, mine)
    form = http.get(f"/staff/entries/{mine}/edit").get_data(as_text=True)
    answers = {k: v for k, v in MSP_ANSWERS.items() if k != "fft_overall-answer"}
    refused = http.post(f"/staff/entries/{mine}/edit", data={"csrf_token": csrf_of(form), **answers})
    assert refused.status_code == 400 and 'href="#fft_overall-answer"' in refused.get_data(as_text=True)
    db.expire_all()
    assert _rows(db, mine) == before


def test_an_entry_from_an_earlier_quarter_is_locked(app, people, db):
    http, mine = _make_entry(app, people["advocate"])
    response = db.get(Response, mine)
    response.submitted_at = quarter_of(utcnow()).start - timedelta(minutes=1)
    db.add(response)
    db.commit()
    before = _rows(db, mine)
    page = http.get(f"/staff/entries/{mine}").get_data(as_text=True)
    assert "This entry is locked" in page and "Correct the answers" not in page
    assert "Locked" in http.get("/staff/entries").get_data(as_text=True)
    edit = http.get(f"/staff/entries/{mine}/edit")
    assert edit.status_code == 409 and "This entry is locked" in edit.get_data(as_text=True)
    refused = http.post(f"/staff/entries/{mine}/edit", data={"csrf_token": csrf_of(page), **MSP_ANSWERS,
                                                             "consulted-answer": "no"})
    assert refused.status_code == 409
    db.expire_all()
    assert _rows(db, mine) == before and db.get(Response, mine).updated_at is None


def test_self_completed_responses_are_not_entries(app, people, db):
    from voicecapture.data import responses
    with app.app_context():
        survey = app.extensions["surveys"].get("msp-adult")
        board = boards.board_by_slug("northvale-sab")
        responses.store_responses([{"survey": survey, "board_id": board.id, "answers": {}, "language": "en",
                                    "submitted_at": utcnow()}])
    stored = db.exec(select(Response)).one()
    admin = _signed_in(app, people["administrator"])
    assert admin.get(f"/staff/entries/{stored.id}").status_code == 404


def test_every_post_needs_a_csrf_token(app, people, db):
    http, mine = _make_entry(app, people["advocate"])
    for url in ("/staff/entries/new", f"{MSP_NEW}?mode=phone&language=en", f"/staff/entries/{mine}/edit"):
        assert http.post(url, data=MSP_ANSWERS).status_code == 400, url
    assert len(db.exec(select(Response)).all()) == 1


def test_every_page_has_one_h1_a_matching_title_unique_ids_and_labels(app, people, db):
    http, mine = _make_entry(app, people["advocate"])
    pages = [http.get(url) for url in ("/staff/entries", "/staff/entries/new", f"{MSP_NEW}?mode=on_behalf&language=en",
                                       f"/staff/entries/{mine}", f"/staff/entries/{mine}?created=1",
                                       f"/staff/entries/{mine}/edit")]
    form = pages[2].get_data(as_text=True)
    pages.append(http.post(f"{MSP_NEW}?mode=on_behalf&language=en", data={"csrf_token": csrf_of(form)}))
    pages.append(http.post("/staff/entries/new", data={"csrf_token": csrf_of(form)}))
    for response in pages:
        Page(response).check_structure()
    assert pages[-2].status_code == 400
