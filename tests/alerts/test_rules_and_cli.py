"""Screening rules are data a board edits: mistakes are named with file and field; the goal is measured."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from voicecapture.alerts.normalise import normalise_text
from voicecapture.alerts.rules import ScreeningRulesError, load_rules
from voicecapture.alerts.screen import screen_texts

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"
EVALUATION = Path(__file__).resolve().parent / "evaluation.tsv"


@pytest.fixture
def surveys_copy(tmp_path):
    target = tmp_path / "surveys"
    shutil.copytree(SURVEYS, target)
    return target


@pytest.fixture
def cli(run, monkeypatch, model_cache):
    monkeypatch.setenv("MODEL_CACHE_DIR", str(model_cache))  # the classifier is trained once per run
    return run


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old,new,message", [
    ("threshold: 0.5", "threshold: 4", "text.threshold: must be a number above 0 and at most 1"),
    ("category: not_safe\n", "category: unsafe\n", "answers[0]: category 'unsafe' is not one of"),
    ("examples: screening/examples.tsv", "examples: screening/missing.tsv", "missing.tsv: file not found"),
    ("    categories: [sexual_abuse]", "    categories: [sexual]", "lines[3], categories: unknown ['sexual']"),
    ("kind: screening\n", "kind: survey\n", "must say 'kind: screening'"),
    ("threshold: 0.5\n", "threshold: 0.5\n  threshold: 0.4\n", "appears twice"),
])
def test_mistakes_in_screening_yaml_are_named(surveys_copy, old, new, message):
    _edit(surveys_copy / "screening.yaml", old, new)
    with pytest.raises(ScreeningRulesError, match=re.escape(message)):
        load_rules(surveys_copy)


def test_mistakes_in_a_language_file_are_named(surveys_copy):
    english = surveys_copy / "screening" / "en.yaml"
    english.write_text("kind: screening-language\nlanguage: en\npatterns:\n  current_harm:\n    - 'hits (me'\n")
    with pytest.raises(ScreeningRulesError, match=re.escape("en.yaml, patterns.current_harm[0]: pattern 'hits (me' "
                                                            "is not a valid regular expression")):
        load_rules(surveys_copy)
    english.write_text("kind: screening-language\nlanguage: en\npatterns:\n  current_harm:\n    - 'x*'\n")
    with pytest.raises(ScreeningRulesError, match="matches an empty text, so it would fire on everything"):
        load_rules(surveys_copy)
    english.write_text("kind: screening-language\nlanguage: pl\npatterns: {}\n")
    with pytest.raises(ScreeningRulesError, match="says language 'pl', but the file name says 'en'"):
        load_rules(surveys_copy)


def test_mistakes_in_the_examples_are_named(surveys_copy):
    examples = surveys_copy / "screening" / "examples.tsv"
    lines = examples.read_text(encoding="utf-8").splitlines()
    examples.write_text("\n".join(lines[:3] + ["yes\ten\tnone\tfine thanks"]) + "\n", encoding="utf-8")
    with pytest.raises(ScreeningRulesError, match="examples.tsv, line 4: label 'yes' must be 1"):
        load_rules(surveys_copy)
    examples.write_text("label,lang,category,text\n", encoding="utf-8")
    with pytest.raises(ScreeningRulesError, match="the first line must be the columns label lang category text"):
        load_rules(surveys_copy)


def test_texts_are_compared_without_accents_case_or_curly_apostrophes():
    assert normalise_text("Nie  CZUJĘ się BEZPIECZNIE") == "nie czuje sie bezpiecznie"
    assert normalise_text("I don’t feel safe") == "i don't feel safe"
    assert normalise_text("يَضْرِبُنِي") == "يضربني"


def test_a_safe_phrase_cancels_only_the_trigger_it_covers():
    rules = load_rules(SURVEYS)
    nobody, both = screen_texts(["nobody hurts me here", "nobody hurts me here but my son takes all my money"],
                                rules, None)
    assert not [f for f in nobody if f.source == "pattern"]
    assert [f for f in both if f.source == "pattern"], "the second half is still a disclosure"


def test_evaluate_prints_recall_precision_and_misses_and_meets_the_goal(cli):
    result = cli("alerts", "evaluate", "--tsv", str(EVALUATION))
    assert result.exit_code == 0, result.output
    recall = float(re.search(r"^recall\s+([\d.]+)", result.output, re.M).group(1))
    precision = float(re.search(r"^precision\s+([\d.]+)", result.output, re.M).group(1))
    assert "Misses (" in result.output and "False alarms (" in result.output
    assert recall >= 0.95 and precision >= 0.6, result.output


@pytest.mark.parametrize("content,message", [
    (None, "file not found"),
    ("label\ttext\n1\thelp\n", "must name the columns label, lang and text"),
    ("label\tlang\ttext\nmaybe\ten\the hits me\n", "line 2: label 'maybe' must be 1"),
    ("label\tlang\ttext\n1 en he hits me\n", "line 2: has 1 columns, not 3"),
    ("label\tlang\ttext\n", "has no rows to evaluate"),
])
def test_evaluate_explains_a_bad_file(cli, tmp_path, content, message):
    path = tmp_path / "set.tsv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = cli("alerts", "evaluate", "--tsv", str(path))
    assert result.exit_code == 1 and message in result.output, result.output


def test_check_lists_the_languages_and_their_review_state(cli):
    result = cli("alerts", "check")
    assert result.exit_code == 0 and "Screening rules are fine" in result.output
    assert "not reviewed" in result.output


def test_helplines_fit_the_survey_and_what_was_disclosed():
    rules = load_rules(SURVEYS)

    def keys(audience, categories):
        return [line.key for line in rules.lines_for(audience, categories)]
    assert keys("adult", ["not_safe"]) == ["domestic_abuse", "samaritans"]
    assert keys("adult", ["sexual_abuse"]) == ["rape_crisis", "samaritans"]
    assert keys("child", ["current_harm"]) == ["samaritans", "childline"]
    assert keys("child", ["exploitation"])[0] == "modern_slavery"
    assert "nspcc" in keys("parent", ["not_safe"])
