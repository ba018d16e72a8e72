"""`voicecapture themes` on small CSV files written here: training, evaluating, and messages for bad input."""
import csv

import pytest
from click.testing import CliRunner

from voicecapture.text.cli import themes

COMMENTS = {
    "Waiting": ["I waited {n} weeks for a call back.", "Nobody phoned me for {n} days.",
                "It took {n} months before anyone came.", "The visit was cancelled {n} times."],
    "Kindness": ["The worker was kind to me {n} times over.", "Staff were lovely and caring, {n} out of 10.",
                 "She was so friendly, I rate her {n}.", "Everyone was polite, {n} stars."],
    "Information": ["Nobody explained what happened, I asked {n} times.", "The letter was confusing, {n} pages.",
                    "They kept me updated every {n} days.", "I was told the outcome after {n} weeks."],
}


def write_csv(path, rows, header=("comment", "theme", "team")):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def labelled(tmp_path):
    rows = [(template.format(n=n), label, "North" if n % 2 else "South")
            for label, templates in COMMENTS.items() for template in templates for n in range(2, 6)]
    rows += [("", "Waiting", "North"), ("Fine", "", "South")]
    return write_csv(tmp_path / "labelled.csv", rows)


def run(*args):
    return CliRunner().invoke(themes, [str(a) for a in args])


def test_train_prints_counts_and_saves(labelled, tmp_path):
    result = run("train", "--csv", labelled, "--text-column", "comment", "--label-column", "theme",
                 "--out", tmp_path / "model")
    assert result.exit_code == 0, result.output
    assert "Skipped 1 row with no 'comment' text." in result.output
    assert "Skipped 1 row with no 'theme' label." in result.output
    assert "Training on 48 comments:" in result.output
    assert "    16  Information" in result.output
    assert f"Saved the model to {tmp_path / 'model'}" in result.output
    assert (tmp_path / "model" / "model.json").is_file() and (tmp_path / "model" / "arrays.npz").is_file()

    evaluated = run("evaluate", "--csv", labelled, "--text-column", "comment", "--label-column", "theme",
                    "--model", tmp_path / "model")
    assert evaluated.exit_code == 0, evaluated.output
    assert "saved model" in evaluated.output and "macro-F1" in evaluated.output


def test_evaluate_random_split_beside_the_baseline(labelled):
    result = run("evaluate", "--csv", labelled, "--text-column", "comment", "--label-column", "theme", "--seed", 3)
    assert result.exit_code == 0, result.output
    assert "random 80/20 split, seed 3: training on 38 comments, testing on 10" in result.output
    for expected in ("theme model", "TF-IDF + SVM", "accuracy", "macro-F1", "F1 by label (support)", "Waiting"):
        assert expected in result.output


def test_evaluate_holding_out_each_group(labelled):
    result = run("evaluate", "--csv", labelled, "--text-column", "comment", "--label-column", "theme",
                 "--group-column", "team")
    assert result.exit_code == 0, result.output
    assert "held out team = 'North': training on 24 comments, testing on 24" in result.output
    assert "held out team = 'South'" in result.output


def test_several_labels_in_one_cell(tmp_path):
    rows = [(template.format(n=n), label) for label, templates in COMMENTS.items() for template in templates
            for n in range(2, 5)]
    rows.append(("I waited weeks and nobody explained anything.", "Waiting; Information"))
    path = write_csv(tmp_path / "multi.csv", rows, header=("comment", "theme"))
    result = run("train", "--csv", path, "--text-column", "comment", "--label-column", "theme",
                 "--out", tmp_path / "model")
    assert result.exit_code == 0, result.output
    assert "    13  Waiting" in result.output and "up to 3 labels a comment" in result.output


@pytest.mark.parametrize("make, args, message", [
    (None, (), "missing.csv: no such file"),
    (lambda p: write_csv(p, [("hello", "A")], header=("text", "label")), (),
     "has no column --text-column 'comment', --label-column 'theme'; its columns are 'text', 'label'"),
    (lambda p: p.write_text("", encoding="utf-8"), (), "is empty; it needs a header row naming its columns"),
    (lambda p: p.write_bytes("comment,theme\ncaf\xe9,A\n".encode("latin-1")), (),
     "is not UTF-8 text (line 2 cannot be read); save it as UTF-8"),
    (lambda p: write_csv(p, [("a", "A"), ("b", "A"), ("c", "A"), ("d", "B")]), (),
     "too few rows for label 'B' (1 row); each label needs at least 3 rows"),
    (lambda p: write_csv(p, [("a", "A"), ("b", "A")]), (), "every row has the label 'A'"),
    (lambda p: write_csv(p, [("", "A")]), (), "has no rows with both a 'comment' text and a 'theme' label"),
])
def test_bad_input_gets_a_clear_message(tmp_path, make, args, message):
    path = tmp_path / "missing.csv"
    if make:
        make(path)
    result = run("evaluate", "--csv", path, "--text-column", "comment", "--label-column", "theme", *args)
    assert result.exit_code == 1
    assert message in result.output


def test_bad_options_get_a_clear_message(labelled, tmp_path):
    common = ("evaluate", "--csv", labelled, "--text-column", "comment", "--label-column", "theme")
    assert "no rows have 'team' = 'East'; the groups are 'North', 'South'" in run(
        *common, "--group-column", "team", "--holdout", "East").output
    assert "--holdout needs --group-column" in run(*common, "--holdout", "East").output
    missing = run(*common, "--model", tmp_path / "nothing-here")
    assert missing.exit_code == 1 and "no theme model here" in missing.output


def test_check_the_taxonomy_file(tmp_path):
    assert "12 themes" in run("check").output
    bad = tmp_path / "surveys" / "themes.yaml"
    bad.parent.mkdir()
    bad.write_text("kind: survey\n", encoding="utf-8")
    result = run("check", bad)
    assert result.exit_code == 1
    assert "surveys/themes.yaml, field 'kind': must be 'themes' (found 'survey')" in result.output
