"""Easy read: a picture beside every question and every answer, in every survey, and faces never by colour alone."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from flask import g

from voicecapture.i18n import enabled_languages
from voicecapture.respond.presenters import question_params
from voicecapture.surveys.loader import PICTURES_DIR
from voicecapture.surveys.wording import picture

from .test_flow import FEEL


def every_question(app):
    for survey in app.extensions["surveys"]:
        for question in survey.questions:
            yield survey, question


class Blank:
    """Just enough of a question form for the presenter: nothing chosen, no errors."""
    class answer:
        data, errors = None, []


@pytest.fixture
def easy_read(app):
    with app.test_request_context("/"):
        g.language = enabled_languages()["en-easy"]
        yield


def test_every_picture_named_by_a_survey_or_a_builtin_answer_exists(app):
    for survey, question in every_question(app):
        for name in [question.picture] + [option.picture for option in question.options]:
            assert name and (PICTURES_DIR / f"{name}.svg").exists(), (survey.ref, question.key, name)


def test_every_easy_read_answer_is_drawn_with_its_picture(app, easy_read):
    checked = 0
    for survey, question in every_question(app):
        if question.is_text:
            continue
        items = [item for item in question_params(question, "*", Blank)["params"]["items"] if "value" in item]
        assert len(items) == len(question.options)
        for item, option in zip(items, question.options):
            html = BeautifulSoup(item.get("html", ""), "html.parser")
            drawn = html.select_one("svg.vc-option__picture")
            assert drawn is not None, f"{survey.ref} {question.key}: answer {option.key!r} has no picture"
            assert str(drawn) == str(BeautifulSoup(picture(option.picture, "vc-option__picture"), "html.parser").svg)
            assert drawn["aria-hidden"] == "true", "the words carry the meaning; the picture is decoration"
            assert html.get_text(strip=True), f"{survey.ref} {question.key}: {option.key!r} has a picture but no words"
            checked += 1
    assert checked > 150


def test_faces_have_words_beside_them_in_every_language(app):
    survey = app.extensions["surveys"].get("child-review")
    faces = next(q for q in survey.questions if q.type == "faces")
    with app.app_context():
        languages = enabled_languages()
    for code, language in languages.items():
        with app.test_request_context("/"):
            g.language = language
            items = question_params(faces, "*", Blank)["params"]["items"]
        for item in items:
            html = BeautifulSoup(item["html"], "html.parser")
            assert html.select_one("svg") is not None and html.get_text(strip=True), (code, item["value"])


def test_plain_english_keeps_answers_as_words_only(client):
    """Pictures are for easy read; a plain page stays short on a phone (faces excepted)."""
    url = client.start(FEEL, "en")
    assert client.get(url).soup.select(".vc-option__picture") == []


def test_easy_read_page_shows_yes_no_pictures(client):
    url = client.start("/s/northvale-sab/msp-adult", "en-easy")
    page = client.get(url)
    while "consulted" not in url:
        form = page.soup.select_one("input[name=answer]")
        response = client.post(url, {"csrf_token": page.csrf(), "answer": form["value"]}).response
        url = response.location
        page = client.get(url)
    labels = page.soup.select(".govuk-radios__label")
    assert [label.get_text(" ", strip=True) for label in labels] == ["Yes", "No", "I am not sure"]
    assert all(label.select_one("svg.vc-option__picture") for label in labels)


def test_every_picture_follows_the_house_rules():
    """The rules in voicecapture/static/pictures/README.md: decorative, self-contained, small, listed."""
    readme = (PICTURES_DIR / "README.md").read_text(encoding="utf-8")
    for path in sorted(PICTURES_DIR.glob("*.svg")):
        svg = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").svg
        assert svg["viewbox"] == "0 0 80 80" and svg["aria-hidden"] == "true" and svg["focusable"] == "false", path.name
        assert not svg.find(["text", "script", "image", "foreignobject", "style", "title"]), path.name
        assert "href" not in path.read_text(encoding="utf-8"), path.name
        assert path.stat().st_size < 1500, path.name
        listed = path.stem if not path.stem.startswith("scale-") or path.stem == "scale-0" else "scale-1 ... scale-10"
        assert f"| {listed} |" in readme, f"{path.name} is not described in the pictures README"
