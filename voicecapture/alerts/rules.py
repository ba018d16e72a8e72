"""Screening rules as data: surveys/screening.yaml, one pattern file per language and a file of examples.

Every problem is reported with its file and field, so a board officer editing a rule can put it right.
"""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import strict_yaml
from .normalise import compile_pattern

AUDIENCES = ("adult", "parent", "child")
EXAMPLE_COLUMNS = ("label", "lang", "category", "text")


class ScreeningRulesError(ValueError):
    """The screening files cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Pattern:
    language: str
    category: str
    regex: re.Pattern


@dataclass(frozen=True)
class Line:
    key: str
    name: str
    number: str
    about: str
    audiences: tuple[str, ...]
    categories: tuple[str, ...] | None  # None: whatever the disclosure is about

    def fits(self, audience: str, categories) -> bool:
        return audience in self.audiences and (self.categories is None or bool(set(categories) & set(self.categories)))


@dataclass(frozen=True)
class Example:
    label: int
    language: str
    category: str
    text: str


@dataclass(frozen=True)
class ScreeningRules:
    answers: dict[str, dict[str, str]]  # question code -> {option code: category}
    categories: dict[str, str]  # key -> what a safeguarding lead reads
    threshold: float
    patterns: tuple[Pattern, ...]
    safe: tuple[Pattern, ...]
    lines: tuple[Line, ...]
    examples: tuple[Example, ...]
    languages: dict[str, dict] = field(default_factory=dict)  # code -> {"name", "review", "file"}
    # The classifier depends on the examples alone: editing a pattern or the threshold never retrains it.
    examples_fingerprint: str = ""

    def lines_for(self, audience: str, categories) -> list[Line]:
        """Helplines for this survey's audience and what was disclosed: the specific ones first, then those
        for anyone (a short list is easier to act on than every line there is)."""
        fitting = [line for line in self.lines if line.fits(audience, categories)]
        return sorted(fitting, key=lambda line: line.categories is None)


def _fail(where: str, message: str):
    raise ScreeningRulesError(f"{where}: {message}")


def _yaml(path: Path):
    try:
        return strict_yaml.load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        _fail(str(path), "file not found")
    except UnicodeDecodeError:
        _fail(str(path), "is not UTF-8 text")
    except Exception as error:  # yaml's errors carry the line and column  # noqa: BLE001
        _fail(str(path), f"is not valid YAML ({error})")


def _mapping(value, where: str) -> dict:
    if not isinstance(value, dict):
        _fail(where, "must be a mapping")
    return value


def _strings(value, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        _fail(where, "must be a list of non-empty texts")
    return value


def _answers(doc: dict, where: str, categories: dict) -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    for index, rule in enumerate(doc.get("answers") or []):
        at = f"{where}, answers[{index}]"
        rule = _mapping(rule, at)
        if not isinstance(rule.get("question"), str):
            _fail(at, "needs 'question': the question's reporting code, for example ASCS_SAFETY")
        category = rule.get("category")
        if category not in categories:
            _fail(at, f"category {category!r} is not one of: {', '.join(categories)}")
        for code in _strings(rule.get("codes"), f"{at}, codes"):
            rules.setdefault(rule["question"], {})[code] = category
    return rules


def _lines(doc: dict, where: str, categories: dict) -> tuple[Line, ...]:
    lines = []
    for index, line in enumerate(doc.get("lines") or []):
        at = f"{where}, lines[{index}]"
        line = _mapping(line, at)
        for name in ("key", "name", "number", "about"):
            if not isinstance(line.get(name), str) or not line[name].strip():
                _fail(at, f"needs '{name}' (text)")
        audiences = _strings(line.get("audiences"), f"{at}, audiences")
        if set(audiences) - set(AUDIENCES):
            _fail(f"{at}, audiences", f"must be among {', '.join(AUDIENCES)}")
        wanted = line.get("categories")
        if wanted != "all":
            wanted = _strings(wanted, f"{at}, categories ('all' or a list)")
            if set(wanted) - set(categories):
                _fail(f"{at}, categories", f"unknown {sorted(set(wanted) - set(categories))}")
        lines.append(Line(line["key"], line["name"], str(line["number"]), line["about"], tuple(audiences),
                          None if wanted == "all" else tuple(wanted)))
    return tuple(lines)


def _compiled(pattern: str, language: str, category: str, where: str) -> Pattern:
    try:
        regex = compile_pattern(pattern)
    except re.error as error:
        _fail(where, f"pattern {pattern!r} is not a valid regular expression ({error})")
    if regex.search(""):
        _fail(where, f"pattern {pattern!r} matches an empty text, so it would fire on everything")
    return Pattern(language, category, regex)


def _language_file(path: Path, categories: dict) -> tuple[dict, list[Pattern], list[Pattern]]:
    doc = _mapping(_yaml(path), str(path))
    where = path.name
    if doc.get("kind") != "screening-language":
        _fail(where, "must say 'kind: screening-language'")
    language = doc.get("language")
    if language != path.stem:
        _fail(where, f"says language {language!r}, but the file name says {path.stem!r}")
    patterns = []
    for category, items in _mapping(doc.get("patterns") or {}, f"{where}, patterns").items():
        if category not in categories:
            _fail(f"{where}, patterns", f"category {category!r} is not one of: {', '.join(categories)}")
        for index, item in enumerate(_strings(items, f"{where}, patterns.{category}")):
            patterns.append(_compiled(item, language, category, f"{where}, patterns.{category}[{index}]"))
    safe = [_compiled(item, language, "safe", f"{where}, safe[{index}]")
            for index, item in enumerate(_strings(doc.get("safe") or [], f"{where}, safe"))]
    info = {"name": str(doc.get("name") or language), "review": str(doc.get("review") or "not reviewed"),
            "file": where}
    return info, patterns, safe


def read_examples(path: Path, categories) -> tuple[Example, ...]:
    """The classifier's training examples: label, lang, category, text (tab-separated)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        _fail(str(path), "file not found")
    except UnicodeDecodeError:
        _fail(str(path), "is not UTF-8 text")
    rows = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(rows, None)
    if header is None or tuple(header) != EXAMPLE_COLUMNS:
        _fail(path.name, f"the first line must be the columns {' '.join(EXAMPLE_COLUMNS)} separated by tabs")
    examples = []
    for number, row in enumerate(rows, start=2):
        if not row:
            continue
        if len(row) != 4:
            _fail(f"{path.name}, line {number}", f"has {len(row)} columns, not 4 (label, lang, category, text)")
        label, language, category, example = row
        if label not in ("0", "1"):
            _fail(f"{path.name}, line {number}", f"label {label!r} must be 1 (should alert) or 0")
        if label == "1" and category not in categories:
            _fail(f"{path.name}, line {number}", f"category {category!r} is not one of: {', '.join(categories)}")
        if not example.strip():
            _fail(f"{path.name}, line {number}", "has no text")
        examples.append(Example(int(label), language, category, example.strip()))
    if len({example.label for example in examples}) < 2:
        _fail(path.name, "needs examples of both labels, 1 and 0")
    return tuple(examples)


def load_rules(surveys_dir: Path) -> ScreeningRules:
    """Read and check screening.yaml, screening/<language>.yaml and the examples it names."""
    path = Path(surveys_dir) / "screening.yaml"
    doc = _mapping(_yaml(path), str(path))
    where = path.name
    if doc.get("kind") != "screening":
        _fail(where, "must say 'kind: screening'")
    categories = {str(key): str(label) for key, label in _mapping(doc.get("categories"), f"{where}, categories").items()}
    text = _mapping(doc.get("text") or {}, f"{where}, text")
    threshold = text.get("threshold")
    if not isinstance(threshold, (int, float)) or isinstance(threshold, bool) or not 0 < threshold <= 1:
        _fail(f"{where}, text.threshold", "must be a number above 0 and at most 1 (for example 0.4)")
    if not isinstance(text.get("examples"), str):
        _fail(f"{where}, text.examples", "must name the examples file, for example screening/examples.tsv")
    examples_path = path.parent / text["examples"]

    languages, patterns, safe = {}, [], []
    language_files = sorted((path.parent / "screening").glob("*.yaml"))
    for language_path in language_files:
        info, found, safe_found = _language_file(language_path, categories)
        languages[language_path.stem] = info
        patterns += found
        safe += safe_found
    examples = read_examples(examples_path, categories)
    return ScreeningRules(
        answers=_answers(doc, where, categories), categories=categories, threshold=float(threshold),
        patterns=tuple(patterns), safe=tuple(safe), lines=_lines(doc, where, categories),
        examples=examples, languages=languages,
        examples_fingerprint=hashlib.sha256(examples_path.read_bytes()).hexdigest()[:16],
    )
