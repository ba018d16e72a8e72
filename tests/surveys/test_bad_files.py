"""Every kind of bad survey file gives a message naming the file, the question, the field and the fault."""
from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner

from voicecapture.cli import main
from voicecapture.surveys.catalogue import load_catalogue, read_lock, write_lock
from voicecapture.surveys.errors import SurveyDefinitionError

GOOD = """\
kind: survey
id: tiny
version: 1
status: draft
audience: adult
title: A tiny survey
description: Two questions.
minutes: 1
questions:
  - key: safe
    code: SAFE
    type: yes_no_unsure
    text: Do you feel safe?
    easy_read: {text: "Are you safe?", picture: safe}
  - key: why
    code: WHY
    type: free_text
    required: false
    max_length: 200
    show_if: {question: safe, any_of: ["no"]}
    text: Why not?
    easy_read: {text: "Why not?", picture: ask}
"""


@pytest.fixture
def sdir(tmp_path):
    """A surveys/ folder of the test's own."""
    path = tmp_path / "surveys"
    path.mkdir()
    return path


def problems_for(tmp_path, text: str, name: str = "tiny.yaml") -> list[str]:
    (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(SurveyDefinitionError) as caught:
        load_catalogue(tmp_path, check_lock=False)
    return [str(problem) for problem in caught.value.problems]


def test_the_good_file_loads(sdir):
    (sdir / "tiny.yaml").write_text(GOOD)
    survey = load_catalogue(sdir, check_lock=False).get("tiny", 1)
    assert [q.key for q in survey.questions] == ["safe", "why"]
    assert [o.code for o in survey.question("safe").options] == ["YES", "NO", "NOT_SURE"]


@pytest.mark.parametrize("change, expected", [
    pytest.param(("type: yes_no_unsure", "type: radio"),
                 "surveys/tiny.yaml, question 'safe', field 'type': 'radio' is not one of: single_choice, "
                 "multiple_choice, scale_0_10, faces, yes_no_unsure, free_text", id="unknown question type"),
    pytest.param(("    text: Do you feel safe?\n", ""),
                 "question 'safe', field 'text': is missing: this field is required", id="missing text"),
    pytest.param(("    text: Do you feel safe?\n", "    text: Do you feel safe?\n    hnit: Be honest.\n"),
                 "question 'safe', field 'hnit': is not a field this schema knows", id="misspelt field"),
    pytest.param(("key: safe\n", "key: Safe Now\n"),
                 "question 'Safe Now', field 'key': 'Safe Now' is not valid: use lower-case letters, digits and underscores",
                 id="bad key"),
    pytest.param(("code: WHY", "code: SAFE"),
                 "question 'why', field 'code': reporting code 'SAFE' is already used by question 'safe'",
                 id="duplicate reporting code"),
    pytest.param(("key: why", "key: safe"),
                 "question 'safe', field 'key': this key is used by more than one question", id="duplicate key"),
    pytest.param(('any_of: ["no"]', 'any_of: ["nope"]'),
                 "question 'why', field 'show_if.any_of': ['nope'] not among the options of 'safe'",
                 id="show_if unknown option"),
    pytest.param(("show_if: {question: safe", "show_if: {question: mood"),
                 "question 'why', field 'show_if.question': 'mood' is not a question in this survey",
                 id="show_if unknown question"),
    pytest.param(("max_length: 200", "max_length: 0"),
                 "question 'why', field 'max_length': 0 is below the minimum of 1", id="length limit too small"),
    pytest.param(("    max_length: 200\n", ""),
                 "question 'why', field 'max_length': is missing: this field is required", id="free text without limit"),
    pytest.param(("type: yes_no_unsure\n", "type: single_choice\n"),
                 "question 'safe', field 'options': is missing: this field is required", id="choice without options"),
    pytest.param(("picture: safe}", "picture: no-such-picture}"),
                 "question 'safe', field 'easy_read.picture': picture 'no-such-picture' does not exist",
                 id="missing picture"),
    pytest.param(("text: Do you feel safe?", 'text: {self: "Do you feel safe?"}'),
                 "question 'safe', field 'text': gives wording per variant, but the survey declares no 'variants'",
                 id="undeclared variant"),
    pytest.param(("status: draft", "status: final"),
                 "surveys/tiny.yaml, field 'status': 'final' is not one of: draft, published", id="bad status"),
    pytest.param(("minutes: 1\n", "minutes: 1\ninclude: [nothing-here]\n"),
                 "surveys/tiny.yaml, field 'include': no block 'nothing-here' in surveys/blocks/", id="unknown block"),
])
def test_bad_field_is_named(sdir, change, expected):
    old, new = change
    assert old in GOOD
    found = problems_for(sdir, GOOD.replace(old, new, 1))
    assert any(expected in problem for problem in found), found


def test_show_if_may_not_look_forward(sdir):
    text = GOOD.replace("show_if: {question: safe, any_of: [\"no\"]}", "")
    text = text.replace("    easy_read: {text: \"Are you safe?\", picture: safe}",
                        "    easy_read: {text: \"Are you safe?\", picture: safe}\n    show_if: {question: why, answered: true}")
    found = problems_for(sdir, text)
    assert any("question 'safe', field 'show_if.question': 'why' comes later in the survey" in p for p in found), found


def test_yaml_syntax_error_gives_the_line(sdir):
    found = problems_for(sdir, GOOD.replace("minutes: 1", "minutes: [1"))
    assert found and found[0].startswith("surveys/tiny.yaml: is not valid YAML at line"), found


def test_a_key_given_twice_is_refused(sdir):
    found = problems_for(sdir, GOOD.replace("minutes: 1\n", "minutes: 1\nminutes: 2\n"))
    assert "the key 'minutes' appears twice" in found[0], found


def test_a_file_that_is_not_a_mapping(sdir):
    assert problems_for(sdir, "- just\n- a list\n") == [
        "surveys/tiny.yaml: must be a YAML mapping with 'kind', 'id' and 'questions'"]


def test_not_utf8(sdir):
    (sdir / "tiny.yaml").write_bytes("title: caf\xe9".encode("latin-1"))
    with pytest.raises(SurveyDefinitionError, match="is not UTF-8 text"):
        load_catalogue(sdir, check_lock=False)


def test_two_files_with_the_same_version(sdir):
    (sdir / "a.yaml").write_text(GOOD)
    found = problems_for(sdir, GOOD, name="b.yaml")
    assert any("survey 'tiny' version 1 is also defined in surveys/a.yaml" in p for p in found), found


def test_a_published_version_can_never_be_edited(sdir):
    published = GOOD.replace("status: draft", "status: published")
    (sdir / "tiny.yaml").write_text(published)
    write_lock(sdir, {"tiny@1": load_catalogue(sdir, check_lock=False).get("tiny", 1).fingerprint})
    assert load_catalogue(sdir).get("tiny").version == 1

    (sdir / "tiny.yaml").write_text(published.replace("Do you feel safe?", "Do you feel safer?"))
    with pytest.raises(SurveyDefinitionError, match="was published and has since been edited"):
        load_catalogue(sdir)
    assert list(read_lock(sdir)) == ["tiny@1"], "the lock itself is never rewritten by loading"


def test_a_published_version_may_change_a_picture_but_not_an_easy_read_word(sdir):
    """Pictures are decorative, so redrawing or choosing another needs no new version; easy-read words do."""
    published = GOOD.replace("status: draft", "status: published")
    (sdir / "tiny.yaml").write_text(published)
    write_lock(sdir, {"tiny@1": load_catalogue(sdir, check_lock=False).get("tiny", 1).fingerprint})

    (sdir / "tiny.yaml").write_text(published.replace("picture: safe}", "picture: tick}"))
    assert load_catalogue(sdir).get("tiny").question("safe").picture == "tick"
    (sdir / "tiny.yaml").write_text(published.replace('"Are you safe?"', '"Are you OK?"'))
    with pytest.raises(SurveyDefinitionError, match="was published and has since been edited"):
        load_catalogue(sdir)


CHOICE = """\
  - key: where
    code: WHERE
    type: single_choice
    text: Where do you live?
    options:
      - {key: home, code: HOME, label: At home, easy_read: {picture: home}}
      - {key: away, code: AWAY, label: Somewhere else%s}
    easy_read: {text: "Where do you live?", picture: home}
"""


@pytest.mark.parametrize("away, expected", [
    ("", "field 'options[1].easy_read': is missing: this field is required (easy read shows a picture beside every "
         "answer: add, for example, easy_read: {picture: tick}"),
    (", easy_read: {label: Away}", "field 'options[1].easy_read.picture': is missing: this field is required "
                                   "(name a picture in voicecapture/static/pictures/README.md"),
    (", easy_read: {picture: far-away}", "field 'options[1].easy_read.picture': picture 'far-away' does not exist"),
])
def test_every_answer_option_needs_an_easy_read_picture(sdir, away, expected):
    found = problems_for(sdir, GOOD + CHOICE % away)
    assert any(f"question 'where', {expected}" in problem for problem in found), found


def test_published_but_not_locked(sdir):
    (sdir / "tiny.yaml").write_text(GOOD.replace("status: draft", "status: published"))
    with pytest.raises(SurveyDefinitionError, match="published but not in surveys/published.lock"):
        load_catalogue(sdir)


def test_every_problem_in_a_file_is_reported_at_once(sdir):
    found = problems_for(sdir, GOOD.replace("type: yes_no_unsure", "type: radio").replace("minutes: 1", "minutes: 0"))
    assert len(found) == 2, found


def test_the_app_refuses_to_start_with_a_bad_file(sdir):
    from voicecapture import create_app
    from voicecapture.config import load_settings
    (sdir / "tiny.yaml").write_text(GOOD.replace("type: yes_no_unsure", "type: radio"))
    settings = load_settings(env={"SECRET_KEY": "x"}, instance_dir=sdir, surveys_dir=sdir,
                             database_url=f"sqlite:///{sdir / 'x.db'}")
    with pytest.raises(SurveyDefinitionError, match="'radio' is not one of"):
        create_app(settings)


def test_validate_command(sdir, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x")
    runner = CliRunner()
    result = runner.invoke(main, ["surveys", "validate"])
    assert result.exit_code == 0, result.output
    assert "ok  msp-adult version 1 (published" in result.output

    bad = sdir / "bad.yaml"
    bad.write_text(GOOD.replace("type: yes_no_unsure", "type: radio"))
    result = runner.invoke(main, ["surveys", "validate", str(bad)])
    assert result.exit_code == 1
    assert "question 'safe', field 'type': 'radio' is not one of" in result.output
    assert "nothing from these files would be served" in result.output

    result = runner.invoke(main, ["surveys", "validate", str(sdir / "missing.yaml")])
    assert result.exit_code == 1 and "no such file" in result.output
