"""The inputs of one board's quarterly report: every count, quote, action and definition it shows.

Plain JSON, stored with the report, so the report can always be rendered again to the same files and a reader
can see exactly what it was built from. `gather` reads the database through the data layer; nothing here
decides how figures are shown (that is `content`).
"""
from __future__ import annotations

from .. import metrics
from ..data import board_figures, boards, report_inputs
from ..models import Board
from ..quarters import Quarter
from ..sac import RISK_LOCATION_LABELS, RISK_TYPE_LABELS, WORK_KIND_LABELS
from ..surveys.model import pick

FORMAT = 1

MODE_LABELS = {
    "self": "By the person",
    "with_help": "By the person, with help",
    "on_behalf": "By an advocate or worker, in the person's words",
    "phone": "By phone",
    "paper": "From a paper form",
    "best_interests": "A best-interests view",
}

# Breakdowns read from answers, by the national or equality code of the question that asks them.
ANSWER_DIMENSIONS = {
    "age_band": ("EQ_AGE_BAND", "Age band"),
    "gender": ("EQ_GENDER", "Gender"),
    "ethnic_group": ("EQ_ETHNIC_GROUP", "Ethnic group"),
    "disability": ("EQ_DISABILITY", "Disability or long-term condition"),
}
RESPONSE_DIMENSION_TITLES = {
    "survey_id": "Survey",
    "agency": "Agency",
    "area": "Area",
    "work_kind": "Kind of work",
    "risk_type": "Type of risk (SAC)",
    "risk_location": "Location of risk (SAC)",
    "mode": "How the response was given",
}
# Coded questions whose whole distribution of answers the report shows, beside the metric cards.
DISTRIBUTIONS = ("SG4A_ACHIEVED", "ASCS_SAFETY")


def report_quarters(quarter: Quarter) -> tuple[list[Quarter], list[Quarter]]:
    """This financial year's quarters and last year's, for the year-on-year comparison."""
    this_year = report_inputs.year_quarters(quarter)
    return report_inputs.year_quarters(Quarter(quarter.year - 1, 1)), this_year


def _category_labels(board: Board, catalogue) -> dict[str, dict[str, str]]:
    """For each breakdown, its categories in the order tables list them: {code: label}."""
    labels = {
        "survey_id": {survey.id: pick(survey.title, "") for survey in catalogue},
        "agency": {place.name: place.name for place in boards.list_places(board, "agency")},
        "area": {place.name: place.name for place in boards.list_places(board, "area")},
        "work_kind": dict(WORK_KIND_LABELS),
        "risk_type": dict(RISK_TYPE_LABELS),
        "risk_location": dict(RISK_LOCATION_LABELS),
        "mode": dict(MODE_LABELS),
    }
    for key, (code, _title) in ANSWER_DIMENSIONS.items():
        labels[key] = _option_labels(catalogue, code, builtin=False)
    return labels


def _option_labels(catalogue, code: str, builtin: bool = True) -> dict[str, str]:
    """{answer code: label} for the options of every question with this code, in the order asked.
    `builtin=False` leaves out "Don't know" and "Prefer not to say" (counted as not known)."""
    labels: dict[str, str] = {}
    for survey in catalogue:
        for question in survey.questions:
            if question.code == code:
                for option in question.options:
                    if builtin or not option.builtin:
                        labels.setdefault(option.code, pick(option.label, ""))
    return labels


def _questions_with_code(catalogue, codes: set[str]) -> dict[tuple[str, str], str]:
    return {(survey.id, question.key): question.code
            for survey in catalogue for question in survey.questions if question.code in codes}


def _merge_by_code(answers: dict, questions: dict[tuple[str, str], str]) -> dict[str, dict[str, dict[str, int]]]:
    """{question code: {quarter: {answer code: n}}}, adding up every survey that asks the same coded question."""
    merged: dict[str, dict[str, dict[str, int]]] = {}
    for (survey_id, key), code in sorted(questions.items()):
        for quarter, counts in answers.get(f"{survey_id}/{key}", {}).items():
            target = merged.setdefault(code, {}).setdefault(quarter, {})
            for answer_code, count in counts.items():
                target[answer_code] = target.get(answer_code, 0) + count
    return merged


def gather(board: Board, quarter: Quarter, catalogue, cover: dict, theme_definitions: dict) -> dict:
    """Read everything the report needs. `cover`: meeting date, author, presented by and the risk ratings;
    `theme_definitions`: {theme key: {"label", "description"}} from surveys/themes.yaml."""
    last_year, this_year = report_quarters(quarter)
    quarters = last_year + this_year
    last_id = report_inputs.cut_off(board)
    surveys = list(catalogue)
    metric_codes = {metric.question_code for metric in metrics.METRICS}
    dimension_codes = {code for code, _title in ANSWER_DIMENSIONS.values()}
    questions = _questions_with_code(surveys, metric_codes | dimension_codes | set(DISTRIBUTIONS))
    answers = _merge_by_code(report_inputs.answer_counts(board, quarters, last_id, questions), questions)
    responses = report_inputs.response_counts(board, quarters, last_id)
    return {
        "format": FORMAT,
        "board": {"slug": board.slug, "name": board.name, "kind": board.kind},
        "quarter": quarter.label,
        "quarters": [q.label for q in this_year],
        "last_year_quarters": [q.label for q in last_year],
        "cut_off_response_id": last_id,
        "cover": cover,
        "responses": responses,
        "answers": answers,
        "invitations": report_inputs.invitations_sent(board, this_year),
        "invited_responses": report_inputs.responses_through_invitations(board, this_year, last_id),
        "themes": {q.label: report_inputs.theme_counts(board, q, last_id) for q in (quarter.previous(), quarter)},
        "quotes": report_inputs.quotes(board, quarter, last_id),
        "actions": report_inputs.actions_for_report(board, quarter),
        "targets": board_figures.targets(board),
        "definitions": {
            "metrics": {m.key: {"title": m.title, "definition": m.definition, "unit": m.unit,
                                "question_code": m.question_code, "counted": list(m.counted),
                                "positive": list(m.positive), "outcome": m.outcome, "rationale": m.rationale}
                        for m in metrics.METRICS},
            "dimensions": {**{key: {"title": title, "source": f"response.{key}"}
                              for key, title in RESPONSE_DIMENSION_TITLES.items()},
                           **{key: {"title": title, "source": f"answers coded {code}"}
                              for key, (code, title) in ANSWER_DIMENSIONS.items()}},
            "categories": _category_labels(board, surveys),
            "answer_labels": {code: _option_labels(surveys, code) for code in DISTRIBUTIONS},
            "themes": theme_definitions,
            "suppression": f"Counts from 1 to {metrics.MIN_ANSWERS - 1} are shown as [c], with further cells "
                           "hidden where needed so that none can be worked out from totals.",
            "surveys": sorted(survey.ref for survey in surveys),
        },
    }
