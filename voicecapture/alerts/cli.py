"""`voicecapture alerts ...`: check the screening rules, and measure them on a labelled set of texts."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import click
from flask.cli import with_appcontext

from . import service
from .evaluation import EvaluationFileError, evaluate, read_tsv
from .rules import ScreeningRulesError


@click.group("alerts")
def alerts_group():
    """Safeguarding screening and alerts."""


def _rules():
    try:
        return service.rules()
    except ScreeningRulesError as error:
        raise click.ClickException(f"The screening rules cannot be used: {error}") from None


@alerts_group.command("check")
@with_appcontext
def alerts_check():
    """Check surveys/screening.yaml, the language files and the examples, and train the classifier."""
    rules = _rules()
    service.classifier(rules)
    click.echo(f"Screening rules are fine: {len(rules.answers)} coded questions, {len(rules.patterns)} patterns and "
               f"{len(rules.safe)} safe phrases in {len(rules.languages)} languages, {len(rules.examples)} examples, "
               f"threshold {rules.threshold}.")
    for code, info in rules.languages.items():
        click.echo(f"  {code:<4} {info['name']:<12} {info['review']}")


@alerts_group.command("evaluate")
@click.option("--tsv", "tsv_path", required=True, type=click.Path(path_type=Path),
              help="Tab-separated file with columns label, lang, text (label 1: an alert should fire).")
@click.option("--threshold", type=click.FloatRange(0, 1, min_open=True), default=None,
              help="Try another classifier threshold than the one in surveys/screening.yaml.")
@click.option("--false-alarms/--no-false-alarms", default=True, show_default=True,
              help="Also list the texts that raised an alert but should not have.")
@with_appcontext
def alerts_evaluate(tsv_path: Path, threshold, false_alarms: bool):
    """Print recall, precision and the misses of screening on a labelled set of texts."""
    try:
        items = read_tsv(tsv_path)
    except EvaluationFileError as error:
        raise click.ClickException(str(error)) from None
    rules = _rules()
    if threshold is not None:
        rules = dataclasses.replace(rules, threshold=threshold)
    result = evaluate(items, rules, service.classifier(rules))
    positives = result.true_positives + result.false_negatives
    click.echo(f"{len(items)} texts, {positives} that should raise an alert; classifier threshold {rules.threshold}")
    click.echo(f"recall     {result.recall:.3f}  ({result.true_positives} of {positives} disclosures found)")
    click.echo(f"precision  {result.precision:.3f}  ({result.false_positives} false alarms among "
               f"{result.true_positives + result.false_positives} alerts)")
    click.echo("\nlanguage  texts  recall  precision")
    for language, part in result.by_language().items():
        click.echo(f"{language:<8}  {len(part.rows):>5}  {part.recall:>6.3f}  {part.precision:>9.3f}")
    click.echo(f"\nMisses ({len(result.misses)}):")
    for item in result.misses:
        click.echo(f"  [{item.language}] {item.text}")
    if false_alarms:
        click.echo(f"\nFalse alarms ({len(result.false_alarms)}):")
        for item, findings in result.false_alarms:
            why = ", ".join(f"{f.category} by {f.source}" + (f" {f.detail}" if f.detail else "") for f in findings)
            click.echo(f"  [{item.language}] {item.text}  <- {why}")
