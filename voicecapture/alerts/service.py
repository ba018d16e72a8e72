"""Screening inside the app: the rules as the files say now, and the classifier trained from them.

The rules are read again when a screening file changes; the classifier is trained once per version of the
files and saved beside the theme models, so other processes load it instead of training it again.
"""
from __future__ import annotations

import functools
import threading
from pathlib import Path

from flask import current_app

from ..model_cache import load_or_build
from .classifier import DisclosureClassifier
from .rules import ScreeningRules, load_rules
from .screen import Finding, screen_answer, screen_response

_lock = threading.Lock()
_classifiers: dict[str, DisclosureClassifier] = {}


def _settings():
    return current_app.config["SETTINGS"]


def _files(surveys_dir: Path) -> tuple:
    paths = [surveys_dir / "screening.yaml", *sorted((surveys_dir / "screening").glob("*"))]
    return tuple((str(path), path.stat().st_mtime_ns) for path in paths if path.is_file())


def rules() -> ScreeningRules:
    surveys_dir = _settings().surveys_dir
    return _rules_at(surveys_dir, _files(surveys_dir))


@functools.lru_cache(maxsize=4)
def _rules_at(surveys_dir: Path, _files_seen: tuple) -> ScreeningRules:
    return load_rules(surveys_dir)


def classifier(current: ScreeningRules | None = None) -> DisclosureClassifier:
    current = current or rules()
    with _lock:
        if current.examples_fingerprint not in _classifiers:
            _classifiers.clear()
            _classifiers[current.examples_fingerprint] = _load_or_train(current)
        return _classifiers[current.examples_fingerprint]


def _load_or_train(current: ScreeningRules) -> DisclosureClassifier:
    return load_or_build(_settings().model_cache_dir / f"screening-{current.examples_fingerprint}",
                         DisclosureClassifier.load, lambda: DisclosureClassifier.train(current.examples),
                         DisclosureClassifier.save)


def _has_text(answers) -> bool:
    return any(isinstance(answer, dict) and (answer.get("t") or "").strip() for answer in answers)


def answer_findings(question, answer: dict) -> list[Finding]:
    current = rules()
    # Coded answers need only the rules: the classifier is loaded for the first text a process screens.
    return screen_answer(question, answer, current, classifier(current) if _has_text([answer]) else None)


def response_findings(survey, answers: dict) -> list[Finding]:
    current = rules()
    return screen_response(survey, answers, current, classifier(current) if _has_text(answers.values()) else None)


def help_lines(audience: str, categories) -> list:
    return rules().lines_for(audience, categories)
