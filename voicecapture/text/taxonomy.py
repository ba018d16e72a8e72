"""The theme taxonomy (surveys/themes.yaml): themes and sentiment examples, read and checked.

Boards edit this file, so every problem is reported at once, each naming the file, the theme (or sentiment)
and the field, worded so that the person editing can fix it.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import strict_yaml
from .language import LANGUAGES

MIN_ENGLISH_EXAMPLES = 6
MIN_OTHER_EXAMPLES = 3
SENTIMENTS = ("positive", "neutral", "negative")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_THEME_FIELDS = ("key", "label", "description", "examples")
_TOP_FIELDS = ("kind", "themes", "sentiment")


class ExampleFileError(ValueError):
    """A theme file has problems; `problems` lists each one as a sentence."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    description: str
    examples: Mapping[str, tuple[str, ...]]  # language code -> example comments


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[Theme, ...]
    sentiment_examples: tuple[tuple[str, str], ...]  # (example comment, "positive" | "neutral" | "negative")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(theme.key for theme in self.themes)

    def examples(self) -> list[tuple[str, str]]:
        """(example comment, theme key) for every theme example in every language."""
        return [(text, theme.key) for theme in self.themes for texts in theme.examples.values() for text in texts]

    @property
    def fingerprint(self) -> str:
        """Changes when any theme or example changes (not when only comments or layout do): a model built
        from an older taxonomy is out of date."""
        content = {"themes": [[t.key, t.label, t.description, {k: list(v) for k, v in t.examples.items()}]
                              for t in self.themes], "sentiment": [list(pair) for pair in self.sentiment_examples]}
        return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _label(path: Path) -> str:
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def _read(path: Path, kind: str, body: str) -> dict:
    label = _label(path)
    if not path.is_file():
        raise ExampleFileError([f"{label}: no such file"])
    try:
        data = strict_yaml.load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ExampleFileError([f"{label}: is not UTF-8 text; save it as UTF-8"]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(error, "problem", None) or str(error)
        raise ExampleFileError([f"{label}: is not valid YAML{where}: {reason}"]) from None
    if not isinstance(data, dict):
        raise ExampleFileError([f"{label}: must be a YAML mapping with 'kind: {kind}' and {body}"])
    if data.get("kind") != kind:
        raise ExampleFileError([f"{label}, field 'kind': must be '{kind}' (found {data.get('kind')!r})"])
    return data


def _examples_problems(where: str, examples, field: str) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    """Problems with one mapping from language to example comments (at `field`), and the examples that are fine."""
    whole = f"{where}, field '{field}'" if field else where
    if not isinstance(examples, dict):
        return [f"{whole}: must be a mapping from language code ({', '.join(LANGUAGES)}) to a list of example "
                "comments"], {}
    problems, found = [], {}
    for language in examples:
        if language not in LANGUAGES:
            problems.append(f"{whole}: unknown language {language!r}; the languages are {', '.join(LANGUAGES)}")
    for language in LANGUAGES:
        at = f"{where}, field '{field}.{language}'" if field else f"{where}, field '{language}'"
        texts = examples.get(language)
        needed = MIN_ENGLISH_EXAMPLES if language == "en" else MIN_OTHER_EXAMPLES
        if texts is None:
            problems.append(f"{at}: is missing; give at least {needed} example comments in this language")
            continue
        if not isinstance(texts, list):
            problems.append(f"{at}: must be a list of example comments, one per line starting with '- '")
            continue
        bad = [i + 1 for i, text in enumerate(texts) if not isinstance(text, str) or not text.strip()]
        if bad:
            problems.append(f"{at}: example {', '.join(map(str, bad))} is empty or not text")
        good = tuple(dict.fromkeys(text.strip() for text in texts if isinstance(text, str) and text.strip()))
        if len(good) < len(texts) - len(bad):
            problems.append(f"{at}: the same example is given twice")
        if len(good) < needed:
            problems.append(f"{at}: needs at least {needed} different examples; it has {len(good)}")
        found[language] = good
    return problems, found


def _repeated_examples(label: str, groups: list[tuple[str, dict[str, tuple[str, ...]]]], noun: str,
                       field: str) -> list[str]:
    """An example given under two themes (or sentiments) would teach the model both."""
    first_seen: dict[str, str] = {}
    problems = []
    for name, examples in groups:
        for language, texts in examples.items():
            for text in texts:
                other = first_seen.setdefault(text.casefold(), name)
                if other != name:
                    problems.append(f"{label}, {noun} '{name}', field '{field}{language}': {text!r} is also an "
                                    f"example of {noun} '{other}'; an example belongs to one {noun} only")
    return problems


def load_taxonomy(path: Path) -> Taxonomy:
    """Themes and sentiment examples from a themes file; raises ExampleFileError listing every problem."""
    path = Path(path)
    label = _label(path)
    data = _read(path, "themes", "a list of 'themes' and 'sentiment' examples")
    problems = [f"{label}: unknown field {field!r}; the file has {', '.join(_TOP_FIELDS)}"
                for field in data if field not in _TOP_FIELDS]
    theme_problems, themes = _themes(label, data.get("themes"))
    sentiment_problems, sentiment_examples = _sentiment(label, data.get("sentiment"))
    problems += theme_problems + sentiment_problems
    if problems:
        raise ExampleFileError(problems)
    return Taxonomy(tuple(themes), tuple(sentiment_examples))


def _themes(label: str, raw_themes) -> tuple[list[str], list[Theme]]:
    if not isinstance(raw_themes, list) or not raw_themes:
        return [f"{label}, field 'themes': must be a list of themes, each with {', '.join(_THEME_FIELDS)}"], []
    problems: list[str] = []
    themes: list[Theme] = []
    seen_keys: set[str] = set()
    for number, raw in enumerate(raw_themes, start=1):
        if not isinstance(raw, dict):
            problems.append(f"{label}, theme {number}: must be a mapping with {', '.join(_THEME_FIELDS)}")
            continue
        key = raw.get("key")
        where = f"{label}, theme '{key}'" if isinstance(key, str) and key else f"{label}, theme {number}"
        for field in raw:
            if field not in _THEME_FIELDS:
                problems.append(f"{where}: unknown field {field!r}; a theme has {', '.join(_THEME_FIELDS)}")
        if key is None:
            problems.append(f"{where}, field 'key': is missing")
        elif not isinstance(key, str) or not _KEY.match(key):
            problems.append(f"{where}, field 'key': must be lower-case letters, digits and _ (like 'kept_informed')")
        elif key in seen_keys:
            problems.append(f"{where}, field 'key': is used by more than one theme; keys must be unique")
        seen_keys.add(key if isinstance(key, str) else "")
        for field in ("label", "description"):
            if not isinstance(raw.get(field), str) or not raw[field].strip():
                problems.append(f"{where}, field '{field}': is missing or empty; give a short text")
        example_problems, examples = _examples_problems(where, raw.get("examples"), "examples")
        problems += example_problems
        themes.append(Theme(str(key), str(raw.get("label", "")).strip(), str(raw.get("description", "")).strip(),
                            examples))
    problems += _repeated_examples(label, [(theme.key, dict(theme.examples)) for theme in themes], "theme",
                                   "examples.")
    return problems, themes


def _sentiment(label: str, raw) -> tuple[list[str], list[tuple[str, str]]]:
    if not isinstance(raw, dict):
        return [f"{label}, field 'sentiment': must be a mapping with {', '.join(SENTIMENTS)}, each giving "
                "example comments by language"], []
    problems = [f"{label}, field 'sentiment': unknown sentiment {name!r}; the sentiments are {', '.join(SENTIMENTS)}"
                for name in raw if name not in SENTIMENTS]
    groups = []
    for sentiment in SENTIMENTS:
        if sentiment not in raw:
            problems.append(f"{label}, sentiment '{sentiment}': is missing; give examples in every language")
            continue
        example_problems, examples = _examples_problems(f"{label}, sentiment '{sentiment}'", raw[sentiment], "")
        problems += example_problems
        groups.append((sentiment, examples))
    problems += _repeated_examples(label, groups, "sentiment", "")
    return problems, [(text, sentiment) for sentiment, examples in groups for texts in examples.values()
                      for text in texts]
