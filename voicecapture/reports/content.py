"""What a quarterly report shows, worked out from its stored inputs (see `inputs.gather` for their shape).

Pure: no database, no Flask. The same inputs always give equal content. Every published count goes through
suppression. The breakdowns of all responses (by survey, agency, ethnic group...) share one Total row, the
responses in each quarter, which the responses table also shows: they are suppressed together with public
totals, so no table hides a figure that another shows. Percentages are worked out from shown figures only.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from .. import metrics
from ..quarters import parse
from . import charts, percentages, suppression
from .suppression import CONFIDENTIAL, PublishedTable

QUARTER_MONTHS = {1: "April to June", 2: "July to September", 3: "October to December", 4: "January to March"}
NOT_RECORDED = "Not recorded"
NOT_KNOWN = "Not known or prefer not to say"
ALL_RESPONSES = "All responses (invitations, open links and advocates)"
YEAR_TO_DATE = "Year to date"
SAME_PERIOD_LAST_YEAR = "Same period last year"
RISK_AREAS = ("Time", "Viability", "Finance", "Profile", "Equality and diversity")
DEFAULT_RISKS = {"Time": "L", "Viability": "L", "Finance": "L", "Profile": "M", "Equality and diversity": "M"}
RAG_WORDS = {"green": "Green: on or above target", "amber": "Amber: just below target", "red": "Red: below target"}
NO_TARGET_WORDS = "No rating: no target set"
TOO_FEW_WORDS = "No rating: too few answers this quarter"
NO_TARGET = "No target set"
SENTIMENTS = ("positive", "neutral", "negative")
# Coded questions whose answers the report shows in full, beside the metric cards: {code: table title}.
DISTRIBUTIONS = {"SG4A_ACHIEVED": "Desired outcomes achieved (SAC SG4a)",
                 "ASCS_SAFETY": "How safe people feel (Adult Social Care Survey)"}
NO_COMMENTS = {"comments": 0, "themes": {}, "models": {}}


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    definition: str
    columns: tuple[str, ...]              # after the row label column
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (label, cells); the last row is the total where there is one
    has_total: bool = True
    chart: str = ""                       # an SVG chart of the same numbers, or ""


@dataclass(frozen=True)
class MetricCard:
    key: str
    title: str
    target: str
    value: str
    rag: Optional[str]
    rag_words: str
    answers: str
    outcome: str
    rationale: str
    definition: str
    schedule: str
    by_quarter: tuple[str, ...]           # Q1..Q4 and the year to date


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    description: str
    count: str
    share: str
    previous: str
    change: str
    sentiment: tuple[str, str, str]       # positive, neutral, negative
    quotes: tuple[dict, ...]


@dataclass(frozen=True)
class Content:
    board: dict
    quarter: str
    quarter_title: str
    year: str
    cover: dict
    summary: tuple[str, ...]
    plan_did_impact: dict
    cards: tuple[MetricCard, ...]
    response_table: Table
    tables: tuple[Table, ...]
    themes: tuple[Theme, ...]
    theme_chart: str
    comments: str
    actions: tuple[dict, ...]
    definitions: dict
    built_from: dict


@dataclass(frozen=True)
class Breakdown:
    """One count table before suppression: a row per category, this year's quarters reached and last year's
    same period."""
    key: str
    title: str
    definition: str
    labels: tuple[str, ...]
    this_year: tuple[tuple[int, ...], ...]  # one row per label, the quarters reached
    last_year: tuple[int, ...]  # one per label
    chart: bool


def build(inputs: dict) -> Content:
    shared, distributions = shared_breakdowns(inputs), distribution_breakdowns(inputs)
    responses, *this_year = suppression.suppress_together(
        [responses_by_quarter(inputs)] + [this_year_table(inputs, breakdown) for breakdown in shared])
    last_year = suppression.suppress_together([last_year_table(breakdown) for breakdown in shared])
    tables = [count_table(inputs, breakdown, published, last) for breakdown, published, last
              in zip(shared, this_year, last_year)]
    tables += [count_table(inputs, breakdown, suppression.suppress(this_year_table(inputs, breakdown)),
                           suppression.suppress(last_year_table(breakdown))) for breakdown in distributions]
    cards = metric_cards(inputs)
    theme_rows, theme_chart, comment_count = themes(inputs)
    return Content(
        board=inputs["board"], quarter=inputs["quarter"], quarter_title=quarter_title(inputs["quarter"]),
        year=inputs["quarter"][:7], cover=cover(inputs), summary=summary(inputs, responses, cards, theme_rows),
        plan_did_impact=plan_did_impact(inputs, cards), cards=cards, response_table=response_table(inputs, responses),
        tables=tuple(tables), themes=theme_rows, theme_chart=theme_chart, comments=comment_count,
        actions=tuple(inputs["actions"]), definitions=inputs["definitions"],
        built_from={"cut_off_response_id": inputs["cut_off_response_id"], "surveys": inputs["definitions"]["surveys"],
                    "theme_models": inputs["themes"].get(inputs["quarter"], NO_COMMENTS).get("models", {})})


def quarter_title(label: str) -> str:
    quarter = parse(label)
    return f"Quarter {quarter.number} ({QUARTER_MONTHS[quarter.number]}) {quarter.year}-{(quarter.year + 1) % 100:02d}"


def _reached(inputs: dict) -> list[str]:
    """This year's quarters up to and including the reported one."""
    quarters = inputs["quarters"]
    return quarters[:quarters.index(inputs["quarter"]) + 1]


def _last_period(inputs: dict) -> list[str]:
    """Last year's quarters matching those reached this year, to compare like with like."""
    return inputs["last_year_quarters"][:len(_reached(inputs))]


def _short(label: str) -> str:
    return label[-2:]


def _responses(inputs: dict, quarter: str) -> int:
    """All responses in the quarter: every response has a survey, so the survey breakdown counts them all."""
    return sum(inputs["responses"].get("survey_id", {}).get(quarter, {}).values())


# Count tables.

def shared_breakdowns(inputs: dict) -> list[Breakdown]:
    """A breakdown of all responses for each dimension: read from the response itself (agency, area...) or
    from an answer (age band, ethnic group...), where responses without a known answer are counted as not
    known, so that every breakdown adds up to all responses."""
    breakdowns = []
    for key, spec in inputs["definitions"]["dimensions"].items():
        title = spec["title"][0].lower() + spec["title"][1:]
        categories = inputs["definitions"]["categories"].get(key, {})
        if spec["source"].startswith("response."):
            breakdowns.append(_breakdown(
                inputs, key, f"Responses by {title}", f"Responses submitted in each quarter, by {title}, as "
                "recorded with the response.", inputs["responses"].get(key, {}), categories,
                chart=key in ("survey_id", "mode")))
        else:
            code = spec["source"].rsplit(" ", 1)[-1]
            breakdowns.append(_with_not_known(inputs, _breakdown(
                inputs, key, f"Responses by {title}", f"Responses submitted in each quarter, by {title}, from "
                f"the answer to the question coded {code}. Responses to surveys that don't ask it, and people "
                "who didn't answer, don't know or preferred not to say, are counted as not known.",
                inputs["answers"].get(code, {}), categories, only_known=True, chart=False)))
    return breakdowns


def distribution_breakdowns(inputs: dict) -> list[Breakdown]:
    """The answers to the questions in DISTRIBUTIONS, where there are any: their totals are answers, not
    responses, so they are suppressed on their own."""
    labels = inputs["definitions"].get("answer_labels", {})
    return [_breakdown(inputs, code.lower(), title, f"Answers to the question coded {code}, each answer counted "
                       "once.", inputs["answers"][code], labels.get(code, {}), only_known=True, chart=True)
            for code, title in DISTRIBUTIONS.items() if any(inputs["answers"].get(code, {}).values())]


def _breakdown(inputs: dict, key: str, title: str, definition: str, by_quarter: dict, categories: dict[str, str],
               *, only_known: bool = False, chart: bool) -> Breakdown:
    """`only_known`: leave out answers that are not among the categories (don't know, prefer not to say)."""
    reached, last_period = _reached(inputs), _last_period(inputs)
    seen = {code for quarter in reached + last_period for code in by_quarter.get(quarter, {})}
    rows = _row_order(categories, seen & set(categories) if only_known else seen)
    this_year = [tuple(by_quarter.get(quarter, {}).get(code, 0) for quarter in reached) for code, _ in rows]
    last_year = [sum(by_quarter.get(quarter, {}).get(code, 0) for quarter in last_period) for code, _ in rows]
    # Categories with no count in either year are left out.
    kept = [index for index, row in enumerate(this_year) if any(row) or last_year[index]]
    return Breakdown(key, title, definition, tuple(rows[index][1] for index in kept),
                     tuple(this_year[index] for index in kept), tuple(last_year[index] for index in kept), chart)


def _row_order(categories: dict[str, str], seen: set[str]) -> list[tuple[str, str]]:
    """Known categories in their own order, then any others seen in the data, then 'Not recorded'."""
    rows = list(categories.items())
    rows += [(code, code) for code in sorted(seen - set(categories) - {""})]
    if "" in seen:
        rows.append(("", NOT_RECORDED))
    return rows


def _with_not_known(inputs: dict, breakdown: Breakdown) -> Breakdown:
    """The breakdown with a last row for the responses not in it, so that it adds up to all responses."""
    reached, last_period = _reached(inputs), _last_period(inputs)
    not_known = tuple(_responses(inputs, quarter) - sum(row[index] for row in breakdown.this_year)
                      for index, quarter in enumerate(reached))
    last_not_known = sum(_responses(inputs, quarter) for quarter in last_period) - sum(breakdown.last_year)
    if not any(not_known) and not last_not_known:  # left out, like any category with no count
        return breakdown
    return Breakdown(breakdown.key, breakdown.title, breakdown.definition, breakdown.labels + (NOT_KNOWN,),
                     breakdown.this_year + (not_known,), breakdown.last_year + (last_not_known,), breakdown.chart)


def responses_by_quarter(inputs: dict) -> suppression.Table:
    """All responses by quarter: the Total row every shared breakdown has, as a table of its own, so that it
    is suppressed with them."""
    return suppression.Table((ALL_RESPONSES,), tuple(_short(quarter) for quarter in inputs["quarters"]),
                             (tuple(_responses(inputs, quarter) for quarter in _reached(inputs)),),
                             columns_reached=len(_reached(inputs)))


def this_year_table(inputs: dict, breakdown: Breakdown) -> suppression.Table:
    return suppression.Table(breakdown.labels, tuple(_short(quarter) for quarter in inputs["quarters"]),
                             breakdown.this_year, columns_reached=len(_reached(inputs)))


def last_year_table(breakdown: Breakdown) -> suppression.Table:
    return suppression.Table(breakdown.labels, (SAME_PERIOD_LAST_YEAR,),
                             tuple((count,) for count in breakdown.last_year))


def count_table(inputs: dict, breakdown: Breakdown, this_year: PublishedTable, last_year: PublishedTable) -> Table:
    """Counts with column percentages by quarter, the year to date, the same period last year and the change.

    `last_year` is a one-column table of the same rows, suppressed as its Full year column repeats it.
    """
    year = len(this_year.column_labels) - 1  # the year-to-date column
    shares = [_column_shares(this_year, column) if this_year.counts[-1][column] is not None else None
              for column in range(year + 1)]
    rows = []
    for row, label in enumerate(this_year.row_labels):
        cells = [_count_with_share(this_year, row, column, shares[column]) for column in range(year + 1)]
        hidden = this_year.suppressed[row][year] or last_year.suppressed[row][0]
        change = percentages.count_change(last_year.counts[row][0], this_year.counts[row][year], suppressed=hidden)
        rows.append((label, tuple(cells) + (last_year.shown(row, 0), change)))
    columns = tuple(_short(quarter) for quarter in inputs["quarters"]) + (YEAR_TO_DATE, SAME_PERIOD_LAST_YEAR, "Change")
    return Table(breakdown.key, breakdown.title, breakdown.definition, columns, tuple(rows),
                 chart=_year_chart(breakdown, this_year) if breakdown.chart and breakdown.labels else "")


def _column_shares(published: PublishedTable, column: int) -> list[str]:
    """Each category's percentage of the column total, [c] where the count or the total is hidden."""
    body = range(len(published.row_labels) - 1)
    return percentages.shown_percentages([published.counts[row][column] for row in body],
                                         [published.suppressed[row][column] for row in body],
                                         total_suppressed=published.suppressed[-1][column])


def _count_with_share(published: PublishedTable, row: int, column: int, shares: Optional[list[str]]) -> str:
    """A cell as "12 (34%)"; the count alone in the Total row, for 0, and where the percentage is hidden."""
    shown = published.shown(row, column)
    in_total_row = row == len(published.row_labels) - 1
    if shares is None or in_total_row or not published.counts[row][column] or shares[row] == CONFIDENTIAL:
        return shown
    return f"{shown} ({shares[row]}%)"


def _year_chart(breakdown: Breakdown, published: PublishedTable) -> str:
    body = range(len(breakdown.labels))
    return charts.bar_chart(f"{breakdown.title}: {YEAR_TO_DATE.lower()}", breakdown.labels,
                            [published.counts[row][-1] for row in body], unit="",
                            suppressed=[published.suppressed[row][-1] for row in body])


# Responses and response rates.

def response_table(inputs: dict, responses: PublishedTable) -> Table:
    """Invitations sent, responses through them and the response rate, beside all responses (`responses`,
    as suppressed with the breakdowns)."""
    reached = _reached(inputs)
    sent = [inputs["invitations"].get(quarter, 0) for quarter in reached]
    invited = [inputs["invited_responses"].get(quarter, 0) for quarter in reached]
    sent_shown, invited_shown = suppression.suppress_list(sent), suppression.suppress_list(invited)
    to_come = [""] * (len(inputs["quarters"]) - len(reached))
    rates = [percentages.rate(invited[index], sent[index],
                              suppressed=invited_shown.suppressed[index] or sent_shown.suppressed[index])
             for index in range(len(reached))]
    year_rate = percentages.rate(sum(invited), sum(sent),
                                 suppressed=invited_shown.total_suppressed or sent_shown.total_suppressed)
    rows = (("Invitations sent", _list_cells(sent_shown, to_come)),
            ("Responses through an invitation", _list_cells(invited_shown, to_come)),
            (ALL_RESPONSES, responses.shown_grid()[-1]),
            ("Response rate to invitations", tuple(rates + to_come + [year_rate])))
    return Table("responses", "Responses and response rates",
                 "Invitations are personal links, QR codes and slips created in the quarter; the response rate is "
                 "responses through an invitation in the quarter per invitation created in it. Open links and "
                 "advocates' entries have no invitation.",
                 tuple(_short(quarter) for quarter in inputs["quarters"]) + (YEAR_TO_DATE,), rows, has_total=False)


def _list_cells(published: suppression.PublishedList, to_come: list[str]) -> tuple[str, ...]:
    return tuple([published.shown(index) for index in range(len(published.counts))] + to_come
                 + [published.shown_total()])


# Metric cards.

def metric_cards(inputs: dict) -> tuple[MetricCard, ...]:
    """A card for every metric the board's surveys have answers for this year or last."""
    reached = _reached(inputs)
    cards = []
    for key, definition in inputs["definitions"]["metrics"].items():
        metric = _metric_from_inputs(definition, key)
        answers = inputs["answers"].get(metric.question_code, {})
        if not any(answers.get(quarter) for quarter in inputs["quarters"] + inputs["last_year_quarters"]):
            continue
        figure = metrics.compute(metric, _metric_counts(answers, [inputs["quarter"]]))
        target = inputs["targets"].get(key)
        rating = metrics.rag(metric, _as_shown(metric, figure.value), target)
        by_quarter = [_shown_value(metric, answers, [quarter]) if quarter in reached else ""
                      for quarter in inputs["quarters"]]
        cards.append(MetricCard(
            key=key, title=metric.title,
            target=NO_TARGET if target is None else metrics.show_value(metric, target),
            value=metrics.show_value(metric, figure.value), rag=rating,
            rag_words=_rag_words(rating, figure), answers=suppression.shown_count(figure.answers),
            outcome=metric.outcome, rationale=metric.rationale, definition=metric.definition,
            schedule="Quarterly, from responses submitted in the quarter; the year to date at each quarter end.",
            by_quarter=tuple(by_quarter + [_shown_value(metric, answers, reached)])))
    return tuple(cards)


def _metric_from_inputs(definition: dict, key: str) -> metrics.Metric:
    """The metric as the report recorded it, so a rebuild uses the definitions of the time."""
    return metrics.Metric(key, definition["title"], definition["definition"], definition["unit"],
                          definition["question_code"], tuple(definition["counted"]), tuple(definition["positive"]),
                          definition.get("outcome", ""), definition.get("rationale", ""))


def _metric_counts(answers: dict, quarters: Sequence[str]) -> dict[str, int]:
    """{answer code: count} over the quarters."""
    merged: dict[str, int] = {}
    for quarter in quarters:
        for code, count in answers.get(quarter, {}).items():
            merged[code] = merged.get(code, 0) + count
    return merged


def _shown_value(metric: metrics.Metric, answers: dict, quarters: Sequence[str]) -> str:
    return metrics.show_value(metric, metrics.compute(metric, _metric_counts(answers, quarters)).value)


def _as_shown(metric: metrics.Metric, value: Optional[float]) -> Optional[float]:
    """The value as the card shows it, so that the rating agrees with the figure a reader sees (79.6% is shown
    as 80%, which meets a target of 80)."""
    if value is None or metric.unit != metrics.PERCENT:
        return value
    return float(metrics.show_value(metric, value).rstrip("%"))


def _rag_words(rating: Optional[str], figure: metrics.Figure) -> str:
    if rating is not None:
        return RAG_WORDS[rating]
    return TOO_FEW_WORDS if figure.too_few else NO_TARGET_WORDS


# Themes in comments.

def themes(inputs: dict) -> tuple[tuple[Theme, ...], str, str]:
    """The theme rows, most mentioned first, a chart of their shares this quarter and last, and the number
    of comments this quarter.

    Themes aren't a split of the comments (a comment can raise several, or none), so a small theme count is
    shown as [c] with no complement. Its sentiment split does add up to it, so that is protected as a list
    with the theme's count as its total. Hidden counts sort together, in the themes' own order, so the order
    gives nothing away.
    """
    this = inputs["themes"].get(inputs["quarter"], NO_COMMENTS)
    previous = inputs["themes"].get(parse(inputs["quarter"]).previous().label, NO_COMMENTS)
    counts = {key: _theme_count(this, key) for key in inputs["definitions"]["themes"]}
    keys = sorted(counts, key=lambda key: _rank(counts[key]))
    rows = tuple(_theme(inputs, key, this, previous) for key in keys)
    return rows, _theme_chart(inputs, keys, this, previous), suppression.shown_count(this["comments"])


def _theme(inputs: dict, key: str, this: dict, previous: dict) -> Theme:
    definition = inputs["definitions"]["themes"][key]
    sentiments = [this["themes"].get(key, {}).get(name, 0) for name in SENTIMENTS]
    split = suppression.suppress_list(sentiments, public_total=True)
    count, before = sum(sentiments), _theme_count(previous, key)
    return Theme(
        key=key, label=definition["label"], description=definition.get("description", ""),
        count=split.shown_total(), share=percentages.share(count, this["comments"]),
        previous=suppression.shown_count(before),
        change=percentages.count_change(before, count, suppressed=_small(count) or _small(before)),
        sentiment=tuple(split.shown(index) for index in range(len(SENTIMENTS))),
        quotes=tuple(inputs["quotes"].get(key, [])) if count >= metrics.MIN_ANSWERS else ())


def _theme_chart(inputs: dict, keys: list[str], this: dict, previous: dict) -> str:
    if not keys:
        return ""
    labels = [inputs["definitions"]["themes"][key]["label"] for key in keys]
    series = [charts.Series(name, [percentages.percentage(_theme_count(quarter, key), quarter["comments"])
                                   for key in keys],
                            [_small(_theme_count(quarter, key)) for key in keys])
              for name, quarter in (("This quarter", this), ("Last quarter", previous))]
    return charts.grouped_bar_chart("Share of comments by theme, this quarter and last", labels, series)


def _theme_count(quarter: dict, key: str) -> int:
    return sum(quarter["themes"].get(key, {}).values())


def _rank(count: int) -> int:
    """Most first; every hidden count ranks the same, between the shown ones and 0."""
    return -1 if _small(count) else -count


def _small(count: int) -> bool:
    return 0 < count < metrics.MIN_ANSWERS


# The words around the figures.

def summary(inputs: dict, responses: PublishedTable, cards: tuple[MetricCard, ...],
            theme_rows: tuple[Theme, ...]) -> tuple[str, ...]:
    points = [_responses_point(inputs, responses)]
    points += [_card_point(card) for card in cards]
    top = [theme for theme in theme_rows if theme.count not in ("0", CONFIDENTIAL)][:3]
    if top:
        points.append("Raised most often in comments: "
                      + "; ".join(f"{theme.label} ({theme.share} of comments)" for theme in top) + ".")
    points.append(_actions_point(inputs["actions"]))
    return tuple(points)


def _responses_point(inputs: dict, responses: PublishedTable) -> str:
    """Responses this quarter, and last quarter if it is in the same year, as the responses table shows them."""
    column = len(_reached(inputs)) - 1
    last = f" ({responses.shown(-1, column - 1)} last quarter)" if column else ""
    return f"Responses this quarter: {responses.shown(-1, column)}{last}."


def _card_point(card: MetricCard) -> str:
    if card.rag is not None:
        return f"{card.title}: {card.value} against a target of {card.target} ({card.rag_words})."
    if card.rag_words == TOO_FEW_WORDS:
        return f"{card.title}: too few answers this quarter to show."
    return f"{card.title}: {card.value} (no target set)."


def _actions_point(actions: list[dict]) -> str:
    done = sum(action["status"] == "done" for action in actions)
    return (f"You said, we did: {_plural(done, 'action')} completed this quarter, "
            f"{len(actions) - done} in progress or planned.")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def plan_did_impact(inputs: dict, cards: tuple[MetricCard, ...]) -> dict:
    """The board's usual sections: We planned to / We did / The impact was / Further work required."""
    actions = inputs["actions"]
    shown = [card for card in cards if card.rag_words != TOO_FEW_WORDS]
    return {
        "We planned to": [f"Act on what people told us: {action['you_said']}" for action in actions
                          if action["status"] == "planned"]
        or ["Hear from people after safeguarding work, in their own language, and report what they said."],
        "We did": [action["we_did"] for action in actions if action["we_did"]]
        or ["No work was recorded against the actions this quarter."],
        "The impact was": [f"{card.title}: {card.value} this quarter"
                           + (f", against a target of {card.target}." if card.target != NO_TARGET else ".")
                           for card in shown] or ["Too few answers this quarter to show the impact."],
        "Further work required": [f"{card.title} is below target: {card.value} against {card.target}."
                                  for card in shown if card.rag in ("red", "amber")]
        + [f"Continue acting on: {action['you_said']}" for action in actions if action["status"] == "in_progress"]
        or ["None identified."],
    }


def cover(inputs: dict) -> dict:
    given = inputs.get("cover", {})
    title = quarter_title(inputs["quarter"])
    return {
        "subject": f"{inputs['board']['name']}: what people told us, {title}",
        "meeting_date": given.get("meeting_date") or "To be confirmed",
        "author": given.get("author") or "VoiceCapture (produced automatically)",
        "presented_by": given.get("presented_by") or "Board business manager",
        "paper_for": "Note",
        "recommendations": [
            f"That the Board notes what people who used safeguarding services told it in {title}.",
            "That the Board notes the themes raised and the actions taken and carried forward ('You said, we did').",
        ],
        "risks": {area: given.get("risks", {}).get(area, DEFAULT_RISKS[area]) for area in RISK_AREAS},
    }
