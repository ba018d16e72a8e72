"""Loads survey files, checks them completely, and refuses to serve any file with a problem."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Optional

import yaml

from .. import strict_yaml
from . import builtin
from .errors import Problem, SurveyDefinitionError
from .model import ANY_VARIANT, Option, Question, Survey, Variants
from .schema import BLOCK, SURVEY
from .schema_messages import schema_problems

PICTURES_DIR = Path(__file__).resolve().parent.parent / "static" / "pictures"
LOCK_FILE = "published.lock"


def read_yaml(path: Path, label: str) -> dict:
    try:
        data = strict_yaml.load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise SurveyDefinitionError([Problem(label, "is not UTF-8 text; save it as UTF-8")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(error, "problem", None) or str(error)
        raise SurveyDefinitionError([Problem(label, f"is not valid YAML{where}: {reason}")]) from None
    if not isinstance(data, dict):
        raise SurveyDefinitionError([Problem(label, "must be a YAML mapping with 'kind', 'id' and 'questions'")])
    return data


def _text(value) -> dict:
    return {ANY_VARIANT: value} if isinstance(value, str) else dict(value)


def _options(raw: dict) -> tuple[Option, ...]:
    if raw["type"] in builtin.BUILTIN_OPTIONS:
        options = list(builtin.BUILTIN_OPTIONS[raw["type"]])
    else:
        options = [
            Option(
                key=o["key"], code=o["code"], label=_text(o["label"]), exclusive=o.get("exclusive", False),
                easy_label=(o.get("easy_read") or {}).get("label"),
                picture=(o.get("easy_read") or {}).get("picture"),
            )
            for o in raw.get("options", [])
        ]
    if raw.get("dont_know"):
        options.append(builtin.DONT_KNOW)
    if raw.get("prefer_not_to_say"):
        options.append(builtin.PREFER_NOT_TO_SAY)
    return tuple(options)


def _question(raw: dict) -> Question:
    scale = raw.get("scale") or {}
    return Question(
        key=raw["key"], code=raw["code"], type=raw["type"], text=_text(raw["text"]),
        easy_text=_text(raw["easy_read"]["text"]), picture=raw["easy_read"]["picture"],
        hint=_text(raw["hint"]) if "hint" in raw else None,
        required=raw.get("required", True), options=_options(raw), max_length=raw.get("max_length"),
        scale_low=_text(scale["low"]) if scale else None, scale_high=_text(scale["high"]) if scale else None,
        show_if=raw.get("show_if"), section=raw.get("section"),
    )


class _Checker:
    """Cross-reference checks that a schema cannot express."""

    def __init__(self, label: str, doc: dict, pictures_dir: Optional[Path]):
        self.label, self.doc, self.pictures_dir = label, doc, pictures_dir
        self.problems: list[Problem] = []
        variants = doc.get("variants") or {}
        self.variant_values = set(variants.get("values", []))

    def add(self, message: str, question: Optional[str] = None, field: Optional[str] = None) -> None:
        self.problems.append(Problem(self.label, message, question, field))

    def run(self, questions: list[dict]) -> list[Problem]:
        seen_keys: dict[str, dict] = {}
        seen_codes: dict[str, str] = {}
        for raw in questions:
            key = raw["key"]
            if key in seen_keys:
                self.add("this key is used by more than one question; keys must be unique", key, "key")
            if raw["code"] in seen_codes:
                self.add(f"reporting code {raw['code']!r} is already used by question '{seen_codes[raw['code']]}'", key, "code")
            seen_codes.setdefault(raw["code"], key)
            self._check_options(raw)
            self._check_texts(raw)
            self._check_pictures(raw)
            if "show_if" in raw:
                self._check_condition(raw["show_if"], key, seen_keys, "show_if")
            seen_keys[key] = raw
        self._check_variants(seen_keys)
        return self.problems

    def _check_options(self, raw: dict) -> None:
        key, options = raw["key"], _options(raw)
        for attr in ("key", "code"):
            values = [getattr(option, attr) for option in options]
            for value in sorted({v for v in values if values.count(v) > 1}):
                self.add(f"option {attr} {value!r} is used more than once in this question", key, f"options.{attr}")
        if raw["type"] != "multiple_choice" and any(o.get("exclusive") for o in raw.get("options", [])):
            self.add("'exclusive' only applies to multiple_choice questions", key, "options.exclusive")

    def _check_texts(self, raw: dict) -> None:
        fields = {"text": raw.get("text"), "hint": raw.get("hint"), "easy_read.text": raw["easy_read"]["text"]}
        fields.update({f"scale.{end}": (raw.get("scale") or {}).get(end) for end in ("low", "high")})
        fields.update({f"options[{i}].label": o["label"] for i, o in enumerate(raw.get("options", []))})
        for field, value in fields.items():
            if not isinstance(value, dict):
                continue
            if not self.variant_values:
                self.add("gives wording per variant, but the survey declares no 'variants'", raw["key"], field)
            elif set(value) != self.variant_values:
                self.add(f"must give wording for exactly the variants {sorted(self.variant_values)}, "
                         f"not {sorted(value)}", raw["key"], field)

    def _check_pictures(self, raw: dict) -> None:
        if self.pictures_dir is None:
            return
        pictures = [("easy_read.picture", raw["easy_read"]["picture"])]
        pictures += [(f"options[{i}].easy_read.picture", (o.get("easy_read") or {}).get("picture"))
                     for i, o in enumerate(raw.get("options", []))]
        for field, name in pictures:
            if name and not (self.pictures_dir / f"{name}.svg").exists():
                self.add(f"picture {name!r} does not exist (no {name}.svg in {self.pictures_dir.name}/)", raw["key"], field)

    def _check_condition(self, condition: dict, key: str, earlier: dict, field: str) -> None:
        for combinator in ("all", "any"):
            for i, part in enumerate(condition.get(combinator, [])):
                self._check_condition(part, key, earlier, f"{field}.{combinator}[{i}]")
        if "variant" in condition:
            unknown = sorted(set(condition["variant"]) - self.variant_values)
            if unknown:
                self.add(f"refers to unknown variant(s) {unknown}; declared: {sorted(self.variant_values)}", key, f"{field}.variant")
        if "question" not in condition:
            return
        target = condition["question"]
        if target == key:
            self.add("a question cannot depend on its own answer", key, f"{field}.question")
            return
        if target not in earlier:
            known = target in {q.get("key") for q in self.doc.get("questions", []) if isinstance(q, dict)}
            reason = "comes later in the survey; show_if may only refer to earlier questions" if known else "is not a question in this survey"
            self.add(f"'{target}' {reason}", key, f"{field}.question")
            return
        option_keys = {o.key for o in _options(earlier[target])}
        for listing in ("any_of", "none_of"):
            unknown = [v for v in condition.get(listing, []) if v not in option_keys]
            if unknown:
                self.add(f"{unknown} not among the options of '{target}' ({sorted(option_keys)})", key, f"{field}.{listing}")

    def _check_variants(self, questions: dict) -> None:
        variants = self.doc.get("variants")
        if not variants:
            return
        target = questions.get(variants["question"])
        if target is None:
            self.add(f"'{variants['question']}' is not a question in this survey", field="variants.question")
            return
        if target["type"] != "single_choice" or {o["key"] for o in target["options"]} != self.variant_values:
            self.add("the variant question must be single_choice with one option per variant value", variants["question"], "options")
        if variants["default"] not in self.variant_values:
            self.add(f"{variants['default']!r} is not one of the variant values", field="variants.default")


def _without_pictures(value):
    """The document minus its easy-read pictures: they are decorative (the words carry the meaning),
    so choosing or redrawing one changes nothing a respondent is asked and needs no new version."""
    if isinstance(value, dict):
        return {k: _without_pictures(v) for k, v in value.items()
                if not (k == "easy_read" and isinstance(v, dict) and set(v) == {"picture"}) and k != "picture"}
    if isinstance(value, list):
        return [_without_pictures(v) for v in value]
    return value


def fingerprint(doc: dict) -> str:
    canonical = json.dumps(_without_pictures(doc), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_blocks(surveys_dir: Path) -> dict[str, list[dict]]:
    blocks, problems = {}, []
    for path in sorted((surveys_dir / "blocks").glob("*.yaml")):
        label = _label(path, surveys_dir)
        try:
            doc = read_yaml(path, label)
        except SurveyDefinitionError as error:
            problems += error.problems
            continue
        found = schema_problems(BLOCK, doc, label)
        if found:
            problems += found
        else:
            blocks[doc["id"]] = doc["questions"]
    if problems:
        raise SurveyDefinitionError(problems)
    return blocks


def _label(path: Path, surveys_dir: Path) -> str:
    try:
        return str(Path(surveys_dir.name) / path.relative_to(surveys_dir))
    except ValueError:
        return str(path)


def parse_survey(doc: dict, label: str, blocks: dict, pictures_dir: Optional[Path] = PICTURES_DIR) -> Survey:
    problems = schema_problems(SURVEY, doc, label)
    if problems:
        raise SurveyDefinitionError(problems)
    questions = list(doc["questions"])
    for block_id in doc.get("include", []):
        if block_id not in blocks:
            raise SurveyDefinitionError([Problem(label, f"no block '{block_id}' in surveys/blocks/", field="include")])
        questions += blocks[block_id]
    problems = _Checker(label, doc, pictures_dir).run(questions)
    if problems:
        raise SurveyDefinitionError(problems)
    resolved = {**doc, "questions": questions}
    resolved.pop("include", None)
    variants = doc.get("variants")
    return Survey(
        id=doc["id"], version=doc["version"], status=doc["status"], audience=doc["audience"],
        title=_text(doc["title"]), description=_text(doc["description"]), minutes=doc["minutes"],
        questions=tuple(_question(q) for q in questions),
        variants=Variants(variants["question"], tuple(variants["values"]), variants["default"]) if variants else None,
        source=label, fingerprint=fingerprint(resolved),
    )


def survey_files(surveys_dir: Path) -> list[Path]:
    """Survey files are the top-level YAML files whose kind is 'survey'; other kinds live alongside."""
    return sorted(surveys_dir.glob("*.yaml"))
