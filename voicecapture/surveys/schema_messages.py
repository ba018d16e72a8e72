"""Turns jsonschema errors into a question key, a field and a plain sentence."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .errors import Problem

PATTERN_HINTS = {
    "^[a-z][a-z0-9_]{0,59}$": "use lower-case letters, digits and underscores, starting with a letter",
    "^[A-Z0-9][A-Z0-9_]{0,59}$": "use capital letters, digits and underscores (a reporting code such as SG4A_ASKED)",
    "^[a-z][a-z0-9-]{1,59}$": "use lower-case letters, digits and hyphens, starting with a letter",
    "^[a-z0-9-]{1,40}$": "use the name of a picture in voicecapture/static/pictures, without '.svg'",
}

# What to write when a field is missing, where "this field is required" alone would leave a person stuck.
REQUIRED_HINTS = {
    "easy_read": " (easy read shows a picture beside every answer: add, for example, easy_read: {picture: tick}"
                 " with a picture named in voicecapture/static/pictures/README.md)",
    "picture": " (name a picture in voicecapture/static/pictures/README.md, without '.svg')",
}


def _field_path(path: Iterable) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _locate(doc: dict, path: list) -> tuple[Optional[str], str]:
    """(question key, field path inside the question) for an error path."""
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        questions = doc.get("questions") or []
        item = questions[path[1]] if path[1] < len(questions) else None
        key = item.get("key") if isinstance(item, dict) else None
        return (str(key) if key else f"#{path[1] + 1}"), _field_path(path[2:])
    return None, _field_path(path)


def _sentence(error: ValidationError) -> tuple[str, Optional[str]]:
    """(message, extra field name) for one error."""
    kind, value, instance = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        field = missing.group(1) if missing else None
        return "is missing: this field is required" + REQUIRED_HINTS.get(field, ""), field
    if kind == "additionalProperties":
        # YAML keys need not be text ("?" alone is a mapping with a null key): name them as written.
        extra = sorted(key if isinstance(key, str) else repr(key)
                       for key in set(instance) - set(error.schema.get("properties", {})))
        return f"is not a field this schema knows (check the spelling; allowed: {', '.join(error.schema.get('properties', {}))})", ", ".join(extra)
    if kind == "enum":
        return f"{instance!r} is not one of: {', '.join(map(str, value))}", None
    if kind == "const":
        return f"must be {value!r}", None
    if kind == "type":
        return f"must be {'an' if value[0] in 'aeiou' else 'a'} {value}, not {type(instance).__name__} {instance!r}", None
    if kind == "pattern":
        return f"{instance!r} is not valid: {PATTERN_HINTS.get(value, 'it must match ' + value)}", None
    if kind in ("minimum", "maximum"):
        return f"{instance} is {'below the minimum' if kind == 'minimum' else 'above the maximum'} of {value}", None
    if kind == "minItems":
        return f"needs at least {value} item{'s' if value != 1 else ''}", None
    if kind == "maxItems":
        return f"has more than {value} items", None
    if kind in ("minLength", "maxLength"):
        return f"must be {'at least' if kind == 'minLength' else 'at most'} {value} characters long", None
    if kind == "uniqueItems":
        return "has the same item twice", None
    if kind == "not":
        return "is not allowed for this question type", _not_allowed_field(error)
    if kind == "oneOf" and "minProperties" not in str(value) and "variant" not in str(value):
        return "must be text, or a mapping from variant to text", None
    if kind == "oneOf":
        return ("is not a valid condition: use {question, any_of}, {question, none_of}, "
                "{question, answered}, {variant: [...]}, {all: [...]} or {any: [...]}"), None
    return error.message, None


def _not_allowed_field(error: ValidationError) -> Optional[str]:
    required = error.validator_value.get("required") if isinstance(error.validator_value, dict) else None
    return required[0] if required else None


def schema_problems(schema: dict, doc: dict, file: str) -> list[Problem]:
    validator = Draft202012Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path]):
        path = list(error.absolute_path)
        question, field = _locate(doc, path)
        message, extra = _sentence(error)
        if extra:
            field = f"{field}.{extra}" if field else extra
        problems.append(Problem(file=file, question=question, field=field or None, message=message))
    return problems
