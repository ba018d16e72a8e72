"""Everything a board's quarterly report counts, read from the database in a few queries.

The result is plain JSON (counts, quotes, actions), stored with the report: the report is then a pure function
of these inputs, so building it again from them gives the same files. Only responses up to a cut-off id are
read, so a later rebuild of the same report sees the same data even while new responses arrive.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Iterable

from sqlalchemy import String, and_, case, cast, func, literal
from sqlmodel import select

from ..db import session
from ..models import Answer, Board, BoardAction, Comment, Invitation, Response
from ..quarters import Quarter

# Columns of a response that reports break figures down by.
RESPONSE_DIMENSIONS = ("survey_id", "agency", "area", "work_kind", "risk_type", "risk_location", "mode")
QUOTES_PER_THEME = 3
QUOTE_LENGTH = (15, 280)  # characters: long enough to say something, short enough to quote
COUNT_EVERY = 10_000  # responses whose answers are split and counted together


def year_quarters(quarter: Quarter) -> list[Quarter]:
    """The four quarters of the quarter's financial year."""
    return [Quarter(quarter.year, number) for number in range(1, 5)]


def _buckets(quarters: list[Quarter]):
    """A SQL expression giving the index of the quarter a response was submitted in, for queries that keep to
    `_in_range` (so only each quarter's end needs comparing)."""
    return case(*[(Response.submitted_at < q.end, literal(index)) for index, q in enumerate(quarters)],
                else_=literal(-1))


# The one-pass counts read every response of a board's year: PostgreSQL sends them through a server-side cursor
# a batch at a time instead of all at once (SQLite's cursor already reads as it goes).
STREAM = {"stream_results": True, "yield_per": 10_000}


def cut_off(board: Board) -> int:
    """The highest response id now: the report reads nothing newer."""
    return session().exec(select(func.coalesce(func.max(Response.id), 0)).where(Response.board_id == board.id)).one()


def _in_range(board: Board, quarters: list[Quarter], last_id: int):
    return (Response.board_id == board.id, Response.submitted_at >= quarters[0].start,
            Response.submitted_at < quarters[-1].end, Response.id <= last_id)


def response_counts(board: Board, quarters: list[Quarter], last_id: int) -> dict[str, dict[str, dict[str, int]]]:
    """{dimension: {quarter label: {category: responses}}} for each column of RESPONSE_DIMENSIONS.

    One pass over the responses, counted here: SQLite groups by sorting every row, and a GROUP BY for each
    dimension took 12 s over a million responses, where this takes about 3 s."""
    columns = [getattr(Response, name) for name in RESPONSE_DIMENSIONS]
    rows = session().connection().execute(select(_buckets(quarters), *columns)
                                          .where(*_in_range(board, quarters, last_id)).execution_options(**STREAM))
    combinations = Counter(map(tuple, rows))  # plain tuples: a Row hashes several times slower
    tables: dict[str, dict[int, dict[str, int]]] = {name: defaultdict(dict) for name in RESPONSE_DIMENSIONS}
    for (index, *categories), count in combinations.items():
        if index < 0:
            continue
        for name, category in zip(RESPONSE_DIMENSIONS, categories):
            table = tables[name][index]
            table[category or ""] = table.get(category or "", 0) + count
    return {name: {quarters[index].label: dict(sorted(table.items())) for index, table in sorted(by_quarter.items())}
            for name, by_quarter in tables.items()}


def answer_counts(board: Board, quarters: list[Quarter], last_id: int,
                  questions: Iterable[tuple[str, str]]) -> dict[str, dict[str, dict[str, int]]]:
    """{"survey/question": {quarter label: {answer code: responses}}} for the given (survey, question) pairs.

    A row per response, its answers joined into one string ("question CODE,question CODE"), added up here:
    SQLite groups by sorting every row, and grouping the 13 million answer rows of a million responses took
    20 to 30 s, where this takes 6 to 9. Counting rows counts responses: the survey loader refuses a code used
    twice in one question.
    """
    wanted = set(questions)
    if not wanted:
        return {}
    answers = (select(func.aggregate_strings(Answer.question_key + " " + Answer.code, ","))
               .where(Answer.response_id == Response.id).scalar_subquery())
    rows = session().connection().execute(select(_buckets(quarters), Response.survey_id, answers)
                                          .where(*_in_range(board, quarters, last_id)).execution_options(**STREAM))
    counts: dict[tuple[int, str], Counter] = defaultdict(Counter)
    waiting: dict[tuple[int, str], list[str]] = defaultdict(list)
    for number, (index, survey_id, joined) in enumerate(rows, 1):
        if index >= 0 and joined:
            waiting[index, survey_id].append(joined)
        if number % COUNT_EVERY == 0:
            _count_answers(waiting, counts)
    _count_answers(waiting, counts)
    result: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for (index, survey_id), by_answer in sorted(counts.items()):
        for answer, count in sorted(by_answer.items()):
            key, code = answer.split(" ")
            if (survey_id, key) in wanted:
                result[f"{survey_id}/{key}"][quarters[index].label][code] = count
    return {question: dict(by_quarter) for question, by_quarter in result.items()}


def _count_answers(waiting: dict[tuple[int, str], list[str]], counts: dict[tuple[int, str], Counter]) -> None:
    """Add the waiting responses' answers to the counts, and empty `waiting`: one split and one count per
    quarter and survey, not one per response (the per-call cost was a tenth of the whole)."""
    for group, joined in waiting.items():
        counts[group].update(",".join(joined).split(","))
    waiting.clear()


def responses_through_invitations(board: Board, quarters: list[Quarter], last_id: int) -> dict[str, int]:
    """Responses that came through a personal invitation (not an open link), per quarter."""
    bucket = _buckets(quarters)
    rows = session().exec(select(bucket, func.count()).where(*_in_range(board, quarters, last_id),
                                                             Response.invitation_id.is_not(None)).group_by(bucket)).all()
    return {quarters[index].label: count for index, count in rows if index >= 0}


def invitations_sent(board: Board, quarters: list[Quarter]) -> dict[str, int]:
    """Invitations created in each quarter (open links, which anyone may use, are not counted)."""
    bucket = case(*[(and_(Invitation.created_at >= q.start, Invitation.created_at < q.end), literal(index))
                    for index, q in enumerate(quarters)], else_=literal(-1))
    rows = session().exec(select(bucket, func.count()).where(
        Invitation.board_id == board.id, Invitation.created_at >= quarters[0].start,
        Invitation.created_at < quarters[-1].end, Invitation.max_uses.is_not(None)).group_by(bucket)).all()
    return {quarters[index].label: count for index, count in rows if index >= 0}


def _in_quarter(board: Board, quarter: Quarter, last_id: int):
    return (Comment.board_id == board.id, Comment.submitted_at >= quarter.start, Comment.submitted_at < quarter.end,
            Comment.response_id <= last_id)


# JSON read as its text, to group by it: PostgreSQL cannot compare json values.
_THEMES = cast(Comment.themes, String)
_SCORES = cast(Comment.scores, String)


def theme_counts(board: Board, quarter: Quarter, last_id: int) -> dict:
    """Comments per theme with their sentiment, for one quarter, and the comment total.

    Grouped by their list of themes in SQL, so only the few distinct lists are decoded, not every comment's."""
    themes: dict[str, Counter] = defaultdict(Counter)
    total = 0
    models: Counter = Counter()
    rows = session().connection().execute(
        select(_THEMES, Comment.sentiment, Comment.model_version, func.count())
        .where(*_in_quarter(board, quarter, last_id)).group_by(_THEMES, Comment.sentiment, Comment.model_version))
    for comment_themes, sentiment, model_version, count in rows:
        total += count
        models[model_version] += count
        for theme in json.loads(comment_themes):
            themes[theme][sentiment] += count
    return {"comments": total, "themes": {theme: dict(counts) for theme, counts in sorted(themes.items())},
            "models": dict(sorted(models.items()))}


def quotes(board: Board, quarter: Quarter, last_id: int) -> dict[str, list[dict]]:
    """For each theme, the de-identified comments most typical of it (the model's highest scores), at most
    QUOTES_PER_THEME, each quoted once in the whole report.

    Identical comments (same text, analysis, language) are read once, as the earliest of them: that one sorts
    first, and once a text is quoted its copies are passed over, so the others could never be chosen."""
    candidates: dict[str, list[tuple[float, int, str, str, str]]] = defaultdict(list)
    rows = session().connection().execute(
        select(func.min(Comment.id), _THEMES, _SCORES, Comment.sentiment, Comment.redacted, Comment.language)
        .where(*_in_quarter(board, quarter, last_id))
        .group_by(_THEMES, _SCORES, Comment.sentiment, Comment.redacted, Comment.language))
    for comment_id, comment_themes, scores, sentiment, text, language in rows:
        if not QUOTE_LENGTH[0] <= len(text) <= QUOTE_LENGTH[1]:
            continue
        scores = json.loads(scores)
        for theme in json.loads(comment_themes):
            candidates[theme].append((-float(scores.get(theme, 0.0)), comment_id, text, language, sentiment))
    chosen: dict[str, list[dict]] = {}
    used_texts: set[str] = set()
    for theme in sorted(candidates):
        picked = []
        for _score, _id, text, language, sentiment in sorted(candidates[theme]):
            if text.casefold() in used_texts:
                continue
            used_texts.add(text.casefold())
            picked.append({"text": text, "language": language, "sentiment": sentiment})
            if len(picked) == QUOTES_PER_THEME:
                break
        chosen[theme] = picked
    return chosen


def actions_for_report(board: Board, quarter: Quarter) -> list[dict]:
    """"You said, we did": this quarter's actions, and earlier ones not yet done, which carry forward."""
    rows = session().exec(select(BoardAction).where(BoardAction.board_id == board.id)
                          .order_by(BoardAction.quarter, BoardAction.id)).all()
    return [{"quarter": row.quarter, "theme": row.theme, "you_said": row.you_said, "we_did": row.we_did,
             "status": row.status, "carried": row.quarter != quarter.label}
            for row in rows
            if row.quarter == quarter.label or (row.quarter < quarter.label and row.status != "done")]
