"""Every survey completed end to end in every enabled language, checking what was stored."""
from __future__ import annotations

import pytest
from sqlmodel import select

from voicecapture.config import DEFAULT_LANGUAGES
from voicecapture.models import Answer, Draft, Response

LANGUAGES = DEFAULT_LANGUAGES.split(",")
OPEN_LINKS = {
    "msp-adult": "/s/northvale-sab/msp-adult",
    "feel-safer": "/s/eastmere-sab/feel-safer",
    "child-review": "/s/northvale-scp/child-review",
    "parent-conference": "/s/northvale-scp/parent-conference",
}
SAMPLE_TEXT = {"en": "They listened.", "en-easy": "Good.", "ur": "انہوں نے میری بات سنی۔",
               "gu": "તેમણે મારી વાત સાંભળી.", "pl": "Wysłuchano mnie.", "pa": "ਉਨ੍ਹਾਂ ਨੇ ਮੇਰੀ ਗੱਲ ਸੁਣੀ।",
               "ro": "M-au ascultat.", "ar": "لقد استمعوا إليّ.", "so": "Way i dhageysteen.",
               "bn": "তারা আমার কথা শুনেছে।", "pt": "Escutaram-me com atenção."}


def choose(question, turn: int, variant_choice: str | None) -> list[str] | str:
    """A deterministic answer that differs from question to question."""
    if question.is_text:
        return None
    if variant_choice and question.option(variant_choice):
        return [variant_choice]
    keys = [o.key for o in question.options if not o.exclusive or not question.is_multiple]
    if question.is_multiple:
        return keys[:2]
    return [keys[turn % len(keys)]]


def carry_on_past_help(client, url: str) -> str:
    """An answer that says the person is not safe brings the help page first; carry on from it."""
    if "/help?" not in url:
        return url
    page = client.get(url)
    assert page.status == 200 and "999" in page.text()
    return page.soup.select("form + p a.govuk-link")[-1]["href"]


def complete(client, app, survey_id: str, language: str, variant_choice: str | None = None):
    """Walk the survey as a respondent; return (draft token, expected answer rows)."""
    survey = app.extensions["surveys"].get(survey_id)
    url = client.start(OPEN_LINKS[survey_id], language)
    expected, turn = set(), 0
    while "/q/" in url:
        key = url.rsplit("/q/", 1)[1]
        question = survey.question(key)
        page = client.get(url)
        assert page.status == 200
        assert page.soup.html["lang"] == ("en" if language == "en-easy" else language)
        choice = choose(question, turn, variant_choice)
        if choice is None:
            text = SAMPLE_TEXT[language]
            response = client.post(url, {"csrf_token": page.csrf(), "answer": text}).response
            expected.add((key, "", "TEXT", text))
        else:
            response = client.post(url, {"csrf_token": page.csrf(), "answer": choice}).response
            expected |= {(key, k, question.option(k).code, None) for k in choice}
        assert response.status_code == 302, f"{key}: {response.status_code} {response.get_data(as_text=True)[:500]}"
        url, turn = carry_on_past_help(client, response.location), turn + 1
    assert url.endswith("/check")
    check = client.get(url)
    assert check.status == 200
    done = client.post(url, {"csrf_token": check.csrf()}).response
    assert done.status_code == 302 and done.location.endswith("/done")
    page = client.get(done.location)
    assert page.status == 200
    return client.draft_token(url), expected, page


def stored(db, token):
    draft = db.exec(select(Draft).where(Draft.token == token)).one()
    response = db.exec(select(Response).where(Response.draft_id == draft.id)).one()
    rows = db.exec(select(Answer).where(Answer.response_id == response.id)).all()
    return response, {(r.question_key, r.option_key, r.code, r.text) for r in rows}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("survey_id", list(OPEN_LINKS))
def test_complete_every_survey_in_every_language(client, app, db, survey_id, language):
    token, expected, page = complete(client, app, survey_id, language)
    response, rows = stored(db, token)
    assert rows == expected
    assert (response.survey_id, response.survey_version, response.language, response.mode) == (
        survey_id, 1, language, "self")
    assert page.soup.select_one(".govuk-panel strong.vc-reference").text == response.reference
    assert "&lt;" not in page.html, "no escaped markup shown to the person"


def test_representative_wording_and_variant_are_recorded(client, app, db):
    token, expected, _ = complete(client, app, "msp-adult", "en", variant_choice="representative")
    response, rows = stored(db, token)
    assert response.variant == "representative"
    assert ("answering_for", "representative", "REPRESENTATIVE", None) in rows


def test_younger_children_see_younger_wording(client, app):
    url = client.start(OPEN_LINKS["child-review"], "en")
    client.answer(url, "younger")
    page = client.get(url.replace("/q/age_group", "/q/meeting_kind"))
    assert page.h1 == "What was your meeting?"


def test_national_codes_are_stored_for_msp(client, app, db):
    """The SAC SG4a codes, as the national return expects them."""
    url = client.start(OPEN_LINKS["msp-adult"], "en")
    for key, value in [("answering_for", "self"), ("asked_outcomes", "yes_expressed"),
                       ("outcomes_achieved", "partly")]:
        assert client.answer(url.replace("/q/answering_for", f"/q/{key}"), value).status == 302
    draft = db.exec(select(Draft)).one()
    assert draft.answers["outcomes_achieved"] == {"o": ["partly"], "t": ""}
