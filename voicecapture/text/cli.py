"""`voicecapture themes`: check the theme taxonomy file, and train and measure theme models.

Needs no app context: it reads only the files it is given.
"""
from __future__ import annotations

from pathlib import Path

import click

from ..config import PROJECT_ROOT, load_settings
from .evaluation import Baseline, Scores, group_splits, random_split, scores
from .labelled_csv import LABEL_SEPARATOR, MIN_ROWS_PER_LABEL, LabelledData, LabelledDataError, read_labelled_csv
from .taxonomy import ExampleFileError, load_taxonomy
from .themes import ThemeModel

DEFAULT_MODEL_NAME = "theme-model"
TAXONOMY_FILE = PROJECT_ROOT / "surveys" / "themes.yaml"

_csv_option = click.option("--csv", "csv_path", required=True, type=click.Path(path_type=Path),
                           help="UTF-8 CSV file with a header row.")
_text_option = click.option("--text-column", required=True, help="Column holding the comment.")
_label_option = click.option("--label-column", required=True,
                             help=f"Column holding the label; several labels separated by '{LABEL_SEPARATOR}'.")
_seed_option = click.option("--seed", default=0, show_default=True, type=int, help="Seed for random splits.")


@click.group()
def themes():
    """Theme tagging of free-text comments: check the taxonomy file, train and evaluate models."""


def _read(path: Path, text_column: str, label_column: str, group_column: str | None = None) -> LabelledData:
    try:
        data = read_labelled_csv(path, text_column, label_column, group_column)
    except LabelledDataError as error:
        raise click.ClickException(str(error)) from None
    for count, what in ((data.skipped_no_text, f"no {text_column!r} text"),
                        (data.skipped_no_label, f"no {label_column!r} label")):
        if count:
            click.echo(f"Skipped {count} row{'s' if count != 1 else ''} with {what}.")
    return data


def _subset(data: LabelledData, rows) -> tuple[list[str], list[tuple[str, ...]]]:
    return [data.texts[i] for i in rows], [data.label_sets[i] for i in rows]


@themes.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def check(paths):
    """Check theme files (default: surveys/themes.yaml). Exits 1 and lists every problem if any."""
    problems = []
    for path in paths or [TAXONOMY_FILE]:
        try:
            taxonomy = load_taxonomy(path)
        except ExampleFileError as error:
            problems += error.problems
            continue
        click.echo(f"{path}: {len(taxonomy.themes)} themes, {len(taxonomy.examples())} theme examples, "
                   f"{len(taxonomy.sentiment_examples)} sentiment examples: all fine.")
    if problems:
        raise click.ClickException("\n".join(problems))


@themes.command("train")
@_csv_option
@_text_option
@_label_option
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Folder to save the model in (default: theme-model in the instance folder).")
@_seed_option
def train(csv_path, text_column, label_column, out, seed):
    """Train a theme model on a labelled CSV and save it."""
    data = _read(csv_path, text_column, label_column)
    click.echo(f"Training on {len(data.texts)} comments:")
    for label, count in sorted(data.label_counts().items()):
        click.echo(f"  {count:6d}  {label}")
    model = ThemeModel.fit(data.texts, data.label_sets, seed=seed)
    out = out or load_settings().instance_dir / DEFAULT_MODEL_NAME
    model.save(out)
    click.echo(f"Saved the model to {out} (n-gram weight {model.settings['ngram_weight']}, "
               f"up to {model.max_themes} label{'s' if model.max_themes > 1 else ''} a comment).")


@themes.command("evaluate")
@_csv_option
@_text_option
@_label_option
@click.option("--model", "model_dir", type=click.Path(path_type=Path),
              help="Evaluate this saved model on the whole CSV.")
@click.option("--group-column", help="Train on all other groups and test on each group in turn (e.g. organization).")
@click.option("--holdout", help="With --group-column: test on this group only.")
@_seed_option
def evaluate(csv_path, text_column, label_column, model_dir, group_column, holdout, seed):
    """Accuracy and macro-F1 of a theme model, beside a TF-IDF + linear SVM baseline on the same split.

    Without --model or --group-column: a random, stratified 80/20 split."""
    if holdout and not group_column:
        raise click.UsageError("--holdout needs --group-column")
    if model_dir and group_column:
        raise click.UsageError("give --model or --group-column, not both: a saved model is evaluated on the whole CSV")
    data = _read(csv_path, text_column, label_column, group_column)
    if model_dir:
        try:
            model = ThemeModel.load(model_dir)
        except (FileNotFoundError, ValueError) as error:
            raise click.ClickException(str(error)) from None
        _report("saved model", scores(data.label_sets, model.predict(data.texts)), None)
        return
    if group_column:
        if holdout is not None and holdout not in set(data.groups):
            names = ", ".join(repr(g) for g in sorted(set(data.groups)))
            raise click.ClickException(f"no rows have {group_column!r} = {holdout!r}; the groups are {names}")
        if len(set(data.groups)) < 2:
            raise click.ClickException(f"every row has the same {group_column!r}; holding out a group needs "
                                       "two or more")
        splits = [(f"held out {group_column} = {name!r}", train_rows, test_rows)
                  for name, train_rows, test_rows in group_splits(data.groups, holdout)]
    else:
        try:
            train_rows, test_rows = random_split(data.label_sets, seed)
        except ValueError as error:
            raise click.ClickException(f"cannot split the rows 80/20 by label ({error}); each label needs at "
                                       f"least {MIN_ROWS_PER_LABEL} rows") from None
        splits = [(f"random 80/20 split, seed {seed}", train_rows, test_rows)]
    for title, train_rows, test_rows in splits:
        texts, label_sets = _subset(data, train_rows)
        test_texts, truth = _subset(data, test_rows)
        click.echo(f"\n{title}: training on {len(texts)} comments, testing on {len(test_texts)}")
        model = ThemeModel.fit(texts, label_sets, seed=seed)
        baseline = Baseline().fit(texts, label_sets)
        _report("theme model", scores(truth, model.predict(test_texts)), scores(truth, baseline.predict(test_texts)))


def _report(name: str, ours: Scores, baseline: Scores | None) -> None:
    columns = [name] + (["TF-IDF + SVM"] if baseline else [])
    results = [ours] + ([baseline] if baseline else [])
    click.echo(f"{'':32}" + "".join(f"{c:>16}" for c in columns))
    click.echo(f"{'n':32}" + "".join(f"{r.n:>16d}" for r in results))
    click.echo(f"{'accuracy':32}" + "".join(f"{r.accuracy:>16.3f}" for r in results))
    click.echo(f"{'macro-F1':32}" + "".join(f"{r.macro_f1:>16.3f}" for r in results))
    click.echo("F1 by label (support)")
    for label, (f1, support) in sorted(ours.per_label.items()):
        row = f"  {label[:24]:24}{support:>6d}  " + f"{f1:>16.3f}"
        if baseline:
            row += f"{baseline.per_label.get(label, (0.0, 0))[0]:>16.3f}"
        click.echo(row)
