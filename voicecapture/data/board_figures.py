"""A board's figures for a quarter: responses by survey and each metric card, counted in SQL (GROUP BY)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

from sqlalchemy import func, or_, and_
from sqlmodel import select

from .. import metrics
from ..db import session
from ..models import Answer, Board, MetricTarget, Response
from ..quarters import Quarter, quarter_of


@dataclass
class QuarterFigures:
    quarter: Quarter
    responses: dict[str, int] = field(default_factory=dict)              # survey id -> responses
    figures: dict[str, metrics.Figure] = field(default_factory=dict)     # metric key -> figure

    @property
    def total(self) -> int:
        return sum(self.responses.values())


def current_and_previous(now: datetime) -> tuple[Quarter, Quarter]:
    current = quarter_of(now)
    return current, current.previous()


def _in_quarter(board: Board, quarter: Quarter):
    return (Response.board_id == board.id, Response.submitted_at >= quarter.start,
            Response.submitted_at < quarter.end)


def _responses_by_survey(board: Board, quarter: Quarter) -> dict[str, int]:
    rows = session().exec(select(Response.survey_id, func.count(Response.id))
                          .where(*_in_quarter(board, quarter)).group_by(Response.survey_id)).all()
    return {survey_id: count for survey_id, count in rows}


def _code_counts(board: Board, quarter: Quarter, keys: set[tuple[str, str]]) -> dict[tuple[str, str], dict[str, int]]:
    """How many answers had each option code, per (survey, question) carrying a metric's national code."""
    if not keys:
        return {}
    wanted = or_(*[and_(Response.survey_id == survey_id, Answer.question_key == key) for survey_id, key in keys])
    rows = session().exec(
        select(Response.survey_id, Answer.question_key, Answer.code, func.count(func.distinct(Answer.response_id)))
        .join(Response, Response.id == Answer.response_id)
        .where(*_in_quarter(board, quarter), wanted)
        .group_by(Response.survey_id, Answer.question_key, Answer.code)).all()
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for survey_id, key, code, count in rows:
        counts[(survey_id, key)][code] = count
    return counts


def quarter_figures(board: Board, quarter: Quarter, surveys) -> QuarterFigures:
    """Responses and every metric for one board and quarter. `surveys`: the survey catalogue."""
    surveys = list(surveys)
    keys_of = {metric.key: metrics.question_keys(metric, surveys) for metric in metrics.METRICS}
    counts = _code_counts(board, quarter, set().union(*keys_of.values()))
    result = QuarterFigures(quarter, responses=_responses_by_survey(board, quarter))
    for metric in metrics.METRICS:
        merged: dict[str, int] = defaultdict(int)
        for pair in keys_of[metric.key]:
            for code, count in counts.get(pair, {}).items():
                merged[code] += count
        result.figures[metric.key] = metrics.compute(metric, merged)
    return result


def targets(board: Board) -> dict[str, float]:
    return {row.metric: row.target for row in session().exec(select(MetricTarget).where(MetricTarget.board_id == board.id))}


def target_for(board: Board, metric_key: str) -> Optional[float]:
    return targets(board).get(metric_key)
