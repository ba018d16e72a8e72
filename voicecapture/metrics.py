"""The metric cards boards set targets for: one place that says what each figure is and how it is counted.

Each metric reads one nationally coded question (its `code` in surveys/*.yaml) wherever it appears, and
counts the option codes stored in Answer rows. Pure: the data layer does the counting, this says what.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Iterable, Optional

PERCENT = "%"
MEDIAN = "median 0-10"
SCALE = tuple(str(n) for n in range(11))
MIN_ANSWERS = 5  # fewer answers than this: no figure is shown (published figures must not identify anyone)


@dataclass(frozen=True)
class Metric:
    key: str
    title: str
    definition: str
    unit: str                   # PERCENT or MEDIAN
    question_code: str          # the national code of the question it is computed from
    counted: tuple[str, ...]    # option codes that make up the denominator (Don't know and blanks are left out)
    positive: tuple[str, ...] = ()  # option codes counted as the numerator (percentages)
    outcome: str = ""    # the outcome sought, as the metric card states it
    rationale: str = ""  # why the board measures it

    @property
    def upper(self) -> float:
        return 100.0 if self.unit == PERCENT else 10.0

    @property
    def amber_band(self) -> float:
        """How far below target still counts as amber: 10 points on a percentage, 1 point on a 0-10 median."""
        return 10.0 if self.unit == PERCENT else 1.0


METRICS: tuple[Metric, ...] = (
    Metric("asked_outcomes", "Asked about desired outcomes",
           "Adults (or their representatives) who say they were asked what they wanted to happen, of those who "
           "answered yes or no (SAC SG4a).", PERCENT, "SG4A_ASKED",
           counted=("ASKED_OUTCOMES_EXPRESSED", "ASKED_NO_OUTCOMES_EXPRESSED", "NOT_ASKED"),
           positive=("ASKED_OUTCOMES_EXPRESSED", "ASKED_NO_OUTCOMES_EXPRESSED"),
           outcome='People are at the centre of their enquiry: asked what they want to happen.',
           rationale='Making Safeguarding Personal; the national SAC return (SG4a) counts the same from case records, so the two can be compared.'),
    Metric("outcomes_fully_achieved", "Desired outcomes fully achieved",
           "Of adults who expressed outcomes and said whether they happened, those who say they were fully "
           "achieved (SAC SG4a).", PERCENT, "SG4A_ACHIEVED",
           counted=("FULLY_ACHIEVED", "PARTIALLY_ACHIEVED", "NOT_ACHIEVED"), positive=("FULLY_ACHIEVED",),
           outcome='The outcomes people asked for are achieved.',
           rationale="The SAC return records outcomes from the worker's view; this is the person's own."),
    Metric("feel_safer", "Feel safer",
           "Adults who answer yes to 'Do you feel safer?' (Making Safeguarding Personal), of those who answered "
           "yes, no or not sure.", PERCENT, "MSP_SAFER", counted=("YES", "NO", "NOT_SURE"), positive=("YES",),
           outcome='People feel safer after safeguarding support.',
           rationale='One of the four Making Safeguarding Personal questions the board adopted for every review.'),
    Metric("safe_as_want", "Feel as safe as they want",
           "Adults who choose 'I feel as safe as I want' (Adult Social Care Survey), of those who chose any of the "
           "four statements.", PERCENT, "ASCS_SAFETY",
           counted=("ASCS_SAFE_AS_WANT", "ASCS_ADEQUATELY_SAFE", "ASCS_LESS_THAN_ADEQUATELY_SAFE",
                    "ASCS_NOT_AT_ALL_SAFE"), positive=("ASCS_SAFE_AS_WANT",),
           outcome='People feel as safe as they want to.',
           rationale='The same question as the national Adult Social Care Survey, so figures can be set beside it.'),
    Metric("child_listened_median", "Children: listened to and acted on (median)",
           "The middle score children and young people give, from 0 to 10, for how much the people working with "
           "them listened to and acted on what they said.", MEDIAN, "CYP_LISTENED_ACTED", counted=SCALE,
           outcome='Children and young people feel listened to, and that what they say is acted on.',
           rationale="The middle score shows the typical child's view; the partnership also reports the share at 7 or more."),
    Metric("child_listened_7_plus", "Children: listened to and acted on, 7 or more",
           "Children and young people who score 7 or more out of 10 for being listened to and acted on, of those "
           "who gave a score.", PERCENT, "CYP_LISTENED_ACTED", counted=SCALE, positive=("7", "8", "9", "10"),
           outcome='Children and young people feel listened to, and that what they say is acted on.',
           rationale='The partnership reports how many children score 7 or more out of 10.'),
    Metric("parent_felt_heard", "Parents and carers felt heard",
           "Parents and carers who felt heard completely or partly at the conference, of those who answered.",
           PERCENT, "PARENT_FELT_HEARD", counted=("HEARD_COMPLETELY", "HEARD_PARTLY", "NOT_HEARD"),
           positive=("HEARD_COMPLETELY", "HEARD_PARTLY"),
           outcome='Parents and carers feel heard at child protection conferences.',
           rationale='Parents who feel heard are better able to work with the plan for their child.'),
    Metric("fft_positive", "Friends and Family Test: positive",
           "People who rate their overall experience very good or good (NHS Friends and Family Test), of those who "
           "chose a rating.", PERCENT, "FFT_OVERALL",
           counted=("FFT_VERY_GOOD", "FFT_GOOD", "FFT_NEITHER", "FFT_POOR", "FFT_VERY_POOR"),
           positive=("FFT_VERY_GOOD", "FFT_GOOD"),
           outcome='People have a good experience of the service.',
           rationale='The NHS Friends and Family Test question, used across health and care.'),
)
BY_KEY = {metric.key: metric for metric in METRICS}


def question_keys(metric: Metric, surveys: Iterable) -> set[tuple[str, str]]:
    """(survey id, question key) of every question carrying the metric's national code."""
    return {(survey.id, question.key) for survey in surveys for question in survey.questions
            if question.code == metric.question_code}


@dataclass(frozen=True)
class Figure:
    """One metric for one quarter: the value, or why there is none."""
    answers: int
    value: Optional[float]

    @property
    def too_few(self) -> bool:
        return self.value is None


def compute(metric: Metric, code_counts: dict[str, int]) -> Figure:
    """The metric from how many answers had each option code; None when fewer than MIN_ANSWERS count."""
    answers = sum(code_counts.get(code, 0) for code in metric.counted)
    if answers < MIN_ANSWERS:
        return Figure(answers, None)
    if metric.unit == MEDIAN:
        scores = [int(code) for code in metric.counted for _ in range(code_counts.get(code, 0))]
        return Figure(answers, float(median(scores)))
    positive = sum(code_counts.get(code, 0) for code in metric.positive)
    return Figure(answers, 100.0 * positive / answers)


def rag(metric: Metric, value: Optional[float], target: Optional[float]) -> Optional[str]:
    """green at or above target, amber within the metric's band below it, red below that; None without both."""
    if value is None or target is None:
        return None
    if value >= target:
        return "green"
    return "amber" if value >= target - metric.amber_band else "red"


def show_count(count: int) -> str:
    """Counts of 1 to 4 are suppressed as [c], as national statistics do."""
    return "[c]" if 0 < count < MIN_ANSWERS else str(count)


def show_value(metric: Metric, value: Optional[float]) -> str:
    if value is None:
        return "too few answers to show"
    return f"{value:.0f}%" if metric.unit == PERCENT else f"{value:g} out of 10"
