"""Babel extractor: survey wording in surveys/*.yaml becomes messages in the catalogues.

Easy-read wording is not extracted: it is itself the easy-read language's text, kept with each question.
"""
from __future__ import annotations

from typing import Iterator

import yaml


def _texts(value, context: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield value, context
    elif isinstance(value, dict):
        for variant, text in value.items():
            if isinstance(text, str):
                yield text, f"{context} ({variant})"


def survey_messages(doc: dict) -> Iterator[tuple[str, str]]:
    """(message, translator comment) for every piece of survey wording a respondent sees."""
    name = f"{doc.get('kind', 'survey')} {doc.get('id', '?')}"
    for field in ("title", "description"):
        yield from _texts(doc.get(field), f"{name}: {field}")
    for question in doc.get("questions") or []:
        if not isinstance(question, dict):
            continue
        where = f"{name}, question {question.get('key', '?')}"
        yield from _texts(question.get("text"), f"{where}: question")
        yield from _texts(question.get("hint"), f"{where}: hint")
        scale = question.get("scale") or {}
        yield from _texts(scale.get("low"), f"{where}: meaning of 0")
        yield from _texts(scale.get("high"), f"{where}: meaning of 10")
        for option in question.get("options") or []:
            if isinstance(option, dict):
                yield from _texts(option.get("label"), f"{where}: answer {option.get('key', '?')}")


def screening_messages(doc: dict) -> Iterator[tuple[str, str]]:
    """What the help page says about each helpline (the names and numbers stay as they are)."""
    for line in doc.get("lines") or []:
        if isinstance(line, dict) and isinstance(line.get("about"), str):
            yield line["about"], f"screening: what the helpline {line.get('name', '?')} is for"


def extract_surveys(fileobj, keywords, comment_tags, options):
    """Babel extraction method: yields (lineno, funcname, message, comments)."""
    doc = yaml.safe_load(fileobj.read().decode("utf-8")) or {}
    if not isinstance(doc, dict):
        return
    if doc.get("kind") == "screening":
        messages = screening_messages(doc)
    elif doc.get("kind") in ("survey", "block"):
        messages = survey_messages(doc)
    else:
        return
    for message, comment in messages:
        yield 0, None, message, [comment]
