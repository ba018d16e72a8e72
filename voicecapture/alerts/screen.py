"""Screening: does an answer say a person is not safe, or disclose harm? Plain functions, no database.

A free-text answer raises an alert when a pattern in any language matches it (unless a "safe" phrase such as
"nobody hurts me" covers that match), or when the classifier thinks it likely enough to be a disclosure. Both
are checked, always: each catches what the other misses, and a false alarm costs far less than a miss.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Optional, Sequence

from ..surveys.model import Question, Survey
from .classifier import DisclosureClassifier
from .normalise import normalise_text
from .rules import ScreeningRules


@dataclass(frozen=True)
class Finding:
    category: str
    source: str  # answer | pattern | classifier
    question_key: str = ""
    detail: str = ""  # the option code, the pattern's language, or the classifier's score

    def as_dict(self) -> dict:
        return asdict(self)


def _pattern_findings(text: str, rules: ScreeningRules) -> list[Finding]:
    normalised = normalise_text(text)
    if not normalised:
        return []
    safe = [match.span() for pattern in rules.safe for match in pattern.regex.finditer(normalised)]
    found: dict[str, Finding] = {}
    for pattern in rules.patterns:
        if pattern.category in found:
            continue
        for match in pattern.regex.finditer(normalised):
            if not any(start <= match.start() and match.end() <= end for start, end in safe):
                found[pattern.category] = Finding(pattern.category, "pattern", detail=pattern.language)
                break
    return list(found.values())


def screen_texts(texts: Sequence[str], rules: ScreeningRules,
                 classifier: Optional[DisclosureClassifier]) -> list[list[Finding]]:
    """The findings for each text (empty: no alert)."""
    results = [_pattern_findings(text, rules) for text in texts]
    if classifier is not None and texts:
        for findings, (score, category) in zip(results, classifier.scores(texts)):
            if score >= rules.threshold:
                findings.append(Finding(category, "classifier", detail=f"{score:.2f}"))
    return results


def screen_answer(question: Question, answer: dict, rules: ScreeningRules,
                  classifier: Optional[DisclosureClassifier]) -> list[Finding]:
    """One answer as the page gives it: {"o": [option keys], "t": text}."""
    if not answer:
        return []
    if question.is_text:
        text = (answer.get("t") or "").strip()
        findings = screen_texts([text], rules, classifier)[0] if text else []
        return [Finding(f.category, f.source, question.key, f.detail) for f in findings]
    coded = rules.answers.get(question.code, {})
    findings = []
    for option_key in answer.get("o") or []:
        option = question.option(option_key)
        if option is not None and option.code in coded:
            findings.append(Finding(coded[option.code], "answer", question.key, option.code))
    return findings


def screen_response(survey: Survey, answers: dict, rules: ScreeningRules,
                    classifier: Optional[DisclosureClassifier]) -> list[Finding]:
    """Every answer of a whole response."""
    findings = []
    for key, answer in answers.items():
        question = survey.question(key)
        if question is not None and isinstance(answer, dict):
            findings += screen_answer(question, answer, rules, classifier)
    return findings
