"""A report's content from hand-made inputs, checked cell by cell against hand-worked tables.

The inputs have the shape `inputs.gather` produces. The published tables are also attacked: a reader who
sets all the breakdowns side by side, with the responses table, must not be able to work out any [c].
"""
from __future__ import annotations

import copy

import pytest

from voicecapture import metrics
from voicecapture.quarters import parse
from voicecapture.reports import content
from voicecapture.reports.suppression import PublishedTable, Table, suppress

from .test_suppression import hidden_cells, other_value

THIS_YEAR = ["2026-27Q1", "2026-27Q2", "2026-27Q3", "2026-27Q4"]
LAST_YEAR = ["2025-26Q1", "2025-26Q2", "2025-26Q3", "2025-26Q4"]
Q1, Q2, Q3, _ = THIS_YEAR
LAST_Q1, LAST_Q2, _, _ = LAST_YEAR
QUARTERS = ("Q1", "Q2", "Q3", "Q4")
COUNT_COLUMNS = QUARTERS + ("Year to date", "Same period last year", "Change")
MINUS = "\u2212"


# Inputs.

def minimal_inputs(quarter: str = Q2) -> dict:
    """The smallest inputs gather() can produce: every metric defined, the survey breakdown every report has,
    and no responses, answers, comments, invitations or actions."""
    return {
        "format": 1,
        "board": {"slug": "northvale-sab", "name": "Northvale Safeguarding Adults Board", "kind": "adult"},
        "quarter": quarter,
        "quarters": list(THIS_YEAR),
        "last_year_quarters": list(LAST_YEAR),
        "cut_off_response_id": 120,
        "cover": {},
        "responses": {"survey_id": {}},
        "answers": {},
        "invitations": {},
        "invited_responses": {},
        "themes": {parse(quarter).previous().label: no_comments(), quarter: no_comments()},
        "quotes": {},
        "actions": [],
        "targets": {},
        "definitions": {
            "metrics": {metric.key: {"title": metric.title, "definition": metric.definition, "unit": metric.unit,
                                     "question_code": metric.question_code, "counted": list(metric.counted),
                                     "positive": list(metric.positive), "outcome": metric.outcome,
                                     "rationale": metric.rationale} for metric in metrics.METRICS},
            "dimensions": {"survey_id": {"title": "Survey", "source": "response.survey_id"}},
            "categories": {"survey_id": {"msp-adult": "Making Safeguarding Personal"}},
            "answer_labels": {"SG4A_ACHIEVED": {}, "ASCS_SAFETY": {}},
            "themes": {},
            "suppression": "Counts from 1 to 4 are shown as [c].",
            "surveys": ["msp-adult@3"],
        },
    }


def no_comments() -> dict:
    return {"comments": 0, "themes": {}, "models": {}}


def with_responses(inputs: dict, per_quarter: dict[str, int]) -> dict:
    """All responses in each quarter, every one to the same survey."""
    inputs["responses"]["survey_id"] = {quarter: {"msp-adult": count} for quarter, count in per_quarter.items()}
    return inputs


def with_response_breakdown(inputs: dict, key: str, title: str, categories: list[str], by_quarter: dict) -> dict:
    inputs["definitions"]["dimensions"][key] = {"title": title, "source": f"response.{key}"}
    inputs["definitions"]["categories"][key] = {category: category for category in categories}
    inputs["responses"][key] = by_quarter
    return inputs


def with_answer_breakdown(inputs: dict, key: str, title: str, code: str, labels: dict[str, str],
                          by_quarter: dict) -> dict:
    inputs["definitions"]["dimensions"][key] = {"title": title, "source": f"answers coded {code}"}
    inputs["definitions"]["categories"][key] = labels
    inputs["answers"][code] = by_quarter
    return inputs


def breakdown_inputs() -> dict:
    """A Q2 report: 32 responses in Q1 and 31 in Q2; 30 and 34 in the same quarters last year."""
    inputs = with_responses(minimal_inputs(), {Q1: 32, Q2: 31, LAST_Q1: 30, LAST_Q2: 34})
    with_response_breakdown(inputs, "agency", "Agency", ["Police", "Council", "Health", "Housing"], {
        Q1: {"Police": 3, "Council": 9, "Health": 20},
        Q2: {"Police": 10, "Council": 15, "Health": 6},
        LAST_Q1: {"Police": 5, "Council": 10, "Health": 12, "Housing": 3},
        LAST_Q2: {"Police": 7, "Council": 10, "Health": 13, "Housing": 4},
    })
    with_answer_breakdown(inputs, "ethnic_group", "Ethnic group", "EQ_ETHNIC_GROUP", {
        "WHITE_BRITISH": "White: British", "WHITE_IRISH": "White: Irish", "ASIAN_INDIAN": "Asian: Indian",
    }, {
        Q1: {"WHITE_BRITISH": 20, "ASIAN_INDIAN": 6, "PNTS": 2},  # PNTS: prefer not to say, not a category
        Q2: {"WHITE_BRITISH": 18, "ASIAN_INDIAN": 2},
        LAST_Q1: {"WHITE_BRITISH": 14, "ASIAN_INDIAN": 5},
        LAST_Q2: {"WHITE_BRITISH": 16, "ASIAN_INDIAN": 5},
    })
    return inputs


def table(built: content.Content, key: str) -> content.Table:
    return next(one for one in built.tables if one.key == key)


def rows(one: content.Table) -> list[tuple[str, list[str]]]:
    return [(label, list(cells)) for label, cells in one.rows]


# Count tables.

def test_a_small_count_in_q1_part_way_through_the_year_and_a_row_only_last_year():
    agency = table(content.build(breakdown_inputs()), "agency")
    assert agency.title == "Responses by agency" and agency.columns == COUNT_COLUMNS
    # Police/Q1 = 3 needs a rectangle inside the quarters: with Council 10+9+15 = 34, with Health 10+20+6 = 36;
    # through the years at least Police's 13 + Council/Q1 9 + Council's 24 = 46. The totals are public, so
    # never complements. Q3 and Q4 are still to come: blank.
    # Percentages of the shown counts and the [c] pooled: Q1 Health 20/32 = 62.5 and the pool 12/32 = 37.5
    # tie on .5, the larger count rounds up: 63 (+37 = 100). Q2 Health 6/31 = 19.4, pool 25/31 = 80.6: 19.
    # Year to date 13, 24, 26 of 63: 20.6, 38.1, 41.3 round down to 99; the largest remainder, 13's, gets 1.
    # Last year 5+7 = 12, 10+10 = 20, 12+13 = 25, Housing 3+4 = 7; Housing has nothing this year: 0 - 7.
    assert rows(agency) == [
        ("Police", ["[c]", "[c]", "", "", "13 (21%)", "12", "+1"]),
        ("Council", ["[c]", "[c]", "", "", "24 (38%)", "20", "+4"]),
        ("Health", ["20 (63%)", "6 (19%)", "", "", "26 (41%)", "25", "+1"]),
        ("Housing", ["0", "0", "", "", "0", "7", f"{MINUS}7"]),
        ("Total", ["32", "31", "", "", "63", "64", f"{MINUS}1"]),
    ]


def test_a_breakdown_from_answers_counts_the_rest_of_the_responses_as_not_known():
    ethnic = table(content.build(breakdown_inputs()), "ethnic_group")
    # Not known: Q1 32 - 20 - 6 = 6 (2 preferred not to say, 4 didn't answer), Q2 31 - 18 - 2 = 11; last year
    # 64 - 30 - 10 = 24. White: Irish has no answers in either year: left out.
    # Indian/Q2 = 2: the cheapest rectangle is with Not known 11 + 6 + 6 = 23 (White: British 18+20+6 = 44;
    # through the years 8 + 17 + 11 = 36).
    # Q1: White: British 20/32 and the pool 12/32: 63 (as for Health above). Q2 18/31 = 58.06 and the pool
    # 13/31 = 41.94: 58. Year: 38, 8, 17 of 63 = 60.3, 12.7, 27.0 round down to 98: 17 and 8 get 1 each.
    assert ethnic.title == "Responses by ethnic group"
    assert rows(ethnic) == [
        ("White: British", ["20 (63%)", "18 (58%)", "", "", "38 (60%)", "30", "+8"]),
        ("Asian: Indian", ["[c]", "[c]", "", "", "8 (13%)", "10", f"{MINUS}2"]),
        (content.NOT_KNOWN, ["[c]", "[c]", "", "", "17 (27%)", "24", f"{MINUS}7"]),
        ("Total", ["32", "31", "", "", "63", "64", f"{MINUS}1"]),
    ]


def test_every_breakdown_of_responses_has_the_totals_the_responses_table_shows():
    built = content.build(breakdown_inputs())
    assert [one.key for one in built.tables] == ["survey_id", "agency", "ethnic_group"]
    assert rows(table(built, "survey_id")) == [
        ("Making Safeguarding Personal", ["32 (100%)", "31 (100%)", "", "", "63 (100%)", "64", f"{MINUS}1"]),
        ("Total", ["32", "31", "", "", "63", "64", f"{MINUS}1"]),
    ]
    assert table(built, "survey_id").chart.startswith("<svg")
    responses = dict(rows(built.response_table))[content.ALL_RESPONSES]
    for one in built.tables:
        assert one.rows[-1][1][:5] == tuple(responses)


def test_with_nothing_hidden_each_column_of_percentages_adds_up_to_100():
    built = content.build(breakdown_inputs())
    checked = 0
    for one in built.tables:
        body = [cells for _, cells in one.rows[:-1]]
        for column in range(5):
            cells = [cells[column] for cells in body]
            if any(cell.startswith("[c]") for cell in cells) or not any(" (" in cell for cell in cells):
                continue
            assert sum(int(cell.split("(")[1].rstrip("%)")) for cell in cells if " (" in cell) == 100, one.title
            checked += 1
    assert checked == 5  # the survey's Q1, Q2 and year; the agencies' and the ethnic groups' years


def test_a_distribution_of_answers_is_suppressed_with_its_own_totals():
    inputs = minimal_inputs()
    inputs["definitions"]["answer_labels"]["SG4A_ACHIEVED"] = {
        "FULLY_ACHIEVED": "Yes, fully", "PARTIALLY_ACHIEVED": "Partly", "NOT_ACHIEVED": "No", "DK": "Don't know"}
    inputs["answers"]["SG4A_ACHIEVED"] = {Q1: {"FULLY_ACHIEVED": 6, "PARTIALLY_ACHIEVED": 5},
                                         Q2: {"FULLY_ACHIEVED": 9, "PARTIALLY_ACHIEVED": 3}}
    achieved = table(content.build(inputs), "sg4a_achieved")
    # Partly/Q2 = 3. Its totals are answers, published nowhere else, so they may be complements; still the
    # cheapest is the rectangle of the four quarter counts, 9 + 5 + 6 = 20 (Partly/Q1 and the Q1 and Q2
    # totals 5 + 11 + 12 = 28). Year: 15 and 8 of 23 = 65.2 and 34.8: the larger remainder, 8's, gets 1.
    assert achieved.title == "Desired outcomes achieved (SAC SG4a)" and achieved.chart.startswith("<svg")
    assert rows(achieved) == [
        ("Yes, fully", ["[c]", "[c]", "", "", "15 (65%)", "0", "+15"]),
        ("Partly", ["[c]", "[c]", "", "", "8 (35%)", "0", "+8"]),
        ("Total", ["11", "12", "", "", "23", "0", "+23"]),
    ]


# Differencing across tables.

def ones_inputs() -> dict:
    """Q1 has 5 responses, one in each of five areas; Q2 has 22."""
    inputs = with_responses(minimal_inputs(), {Q1: 5, Q2: 22})
    with_response_breakdown(inputs, "agency", "Agency", ["Police", "Council"], {
        Q1: {"Police": 3, "Council": 2}, Q2: {"Police": 12, "Council": 10}})
    with_response_breakdown(inputs, "area", "Area", ["North", "South", "East", "West", "Central"], {
        Q1: {"North": 1, "South": 1, "East": 1, "West": 1, "Central": 1}, Q2: {"North": 10, "South": 12}})
    return inputs


# The true counts of the quarters reached, as the attacker's target: {table key: (row labels, counts)}.
ONES_COUNTS = {
    "agency": (("Police", "Council"), ((3, 12), (2, 10))),
    "area": (("North", "South", "East", "West", "Central"), ((1, 10), (1, 12), (1, 0), (1, 0), (1, 0))),
    "survey_id": (("Making Safeguarding Personal",), ((5, 22),)),
}
BREAKDOWN_COUNTS = {
    "agency": (("Police", "Council", "Health", "Housing"), ((3, 10), (9, 15), (20, 6), (0, 0))),
    "ethnic_group": (("White: British", "Asian: Indian", content.NOT_KNOWN), ((20, 18), (6, 2), (6, 11))),
    "survey_id": (("Making Safeguarding Personal",), ((32, 31),)),
}


def test_a_quarter_of_ones_hides_its_total_in_every_table_and_the_responses_table():
    built = content.build(ones_inputs())
    # Area: Q1 is five 1s. Anyone who knows the Q1 total, 5, counts five [c] and knows each is 1, so the Q1
    # total is hidden, in every table alike, with the year total (27) it can rise with. Each 1 rises with
    # both and with its area's year: North's 11 and South's 13 are hidden too; the others are 1s already.
    # Q2's percentages: 10 and 12 of 22 = 45.5 and 54.5, the larger remainder 12's. The Q1 and year totals
    # are hidden, so are their percentages.
    assert rows(table(built, "area")) == [
        ("North", ["[c]", "10 (45%)", "", "", "[c]", "0", "[c]"]),
        ("South", ["[c]", "12 (55%)", "", "", "[c]", "0", "[c]"]),
        ("East", ["[c]", "0", "", "", "[c]", "0", "[c]"]),
        ("West", ["[c]", "0", "", "", "[c]", "0", "[c]"]),
        ("Central", ["[c]", "0", "", "", "[c]", "0", "[c]"]),
        ("Total", ["[c]", "22", "", "", "[c]", "0", "[c]"]),
    ]
    # Agency: Police/Q1 (3) rises with the hidden totals and Police's year (15), cheaper than the Q2 pair
    # (12 + 10 = 22); Council/Q1 (2) then needs Council's year (12).
    assert rows(table(built, "agency")) == [
        ("Police", ["[c]", "12 (55%)", "", "", "[c]", "0", "[c]"]),
        ("Council", ["[c]", "10 (45%)", "", "", "[c]", "0", "[c]"]),
        ("Total", ["[c]", "22", "", "", "[c]", "0", "[c]"]),
    ]
    # Survey: one row, the same as the total, so its Q1 and year go with them.
    assert rows(table(built, "survey_id"))[0] == ("Making Safeguarding Personal",
                                                  ["[c]", "22 (100%)", "", "", "[c]", "0", "[c]"])
    assert dict(rows(built.response_table))[content.ALL_RESPONSES] == ["[c]", "22", "", "", "[c]"]
    assert built.summary[0] == "Responses this quarter: 22 ([c] last quarter)."


def published(one: content.Table, labels: tuple[str, ...], counts: tuple[tuple[int, ...], ...]) -> PublishedTable:
    """A published count table as a reader has it: its quarters and year, and which cells are [c]."""
    full = suppress(Table(labels, QUARTERS, counts, columns_reached=len(counts[0])), threshold=1)
    cells = [cells[:len(QUARTERS) + 1] for _, cells in one.rows]
    return PublishedTable(full.row_labels, full.column_labels, full.counts,
                          tuple(tuple(cell.startswith("[c]") for cell in row) for row in cells))


def attacker_view(built: content.Content, true_counts: dict) -> list[PublishedTable]:
    """Every breakdown, and the responses in each quarter on their own, as the responses table shows them."""
    responses = dict(rows(built.response_table))[content.ALL_RESPONSES]
    alone = content.Table("all", "", "", (), (("All responses", tuple(responses)), ("Total", tuple(responses))))
    _, survey_counts = true_counts["survey_id"]
    return [published(table(built, key), labels, counts) for key, (labels, counts) in true_counts.items()] \
        + [published(alone, ("All responses",), survey_counts)]


@pytest.mark.parametrize("inputs, true_counts, hidden", [
    (ones_inputs(), ONES_COUNTS, 6 + 12 + 4 + 4),  # agency, area, survey, the responses on their own
    (breakdown_inputs(), BREAKDOWN_COUNTS, 4 + 4 + 0 + 0),  # agency, ethnic group: the totals are all shown
])
def test_no_hidden_count_can_be_worked_out_from_all_the_tables_together(inputs, true_counts, hidden):
    tables = attacker_view(content.build(inputs), true_counts)
    attacked = 0
    for index, one in enumerate(tables):
        for cell in hidden_cells(one):
            assert other_value(one, cell, *tables[:index], *tables[index + 1:]) is not None, (one.row_labels, cell)
            attacked += 1
    assert attacked == hidden


def test_suppressing_each_table_on_its_own_would_give_the_ones_away():
    # Without public totals the agency table shows the Q1 total, 5, whatever the area table hides.
    agency, area = (suppress(Table(labels, QUARTERS, counts, columns_reached=2))
                    for labels, counts in (ONES_COUNTS["agency"], ONES_COUNTS["area"]))
    assert agency.shown(2, 0) == "5" and area.shown(5, 0) == "[c]"
    assert other_value(area, (0, 0)) is not None  # on its own, the area table holds
    assert other_value(area, (0, 0), agency) is None  # beside the agency table, North/Q1 is 1


# Themes.

def theme_inputs() -> dict:
    inputs = minimal_inputs()
    inputs["definitions"]["themes"] = {key: {"label": label, "description": f"Comments about {label.lower()}."}
                                       for key, label in (("communication", "Communication"), ("access", "Access"),
                                                          ("safety", "Safety"), ("listened", "Being listened to"),
                                                          ("waiting", "Waiting"))}
    inputs["themes"] = {
        Q1: {"comments": 30, "themes": {"waiting": {"negative": 10}, "listened": {"positive": 2},
                                        "safety": {"negative": 5}}, "models": {"themes-v1": 30}},
        Q2: {"comments": 40, "themes": {"waiting": {"positive": 1, "neutral": 2, "negative": 9},
                                        "listened": {"positive": 6}, "access": {"neutral": 1},
                                        "safety": {"negative": 3}}, "models": {"themes-v1": 40}},
    }
    inputs["quotes"] = {key: [{"text": f"A comment about {key}.", "language": "en", "sentiment": "negative"}]
                        for key in ("waiting", "listened", "safety")}
    return inputs


def test_theme_rows_hide_small_counts_protect_sentiment_and_quote_only_themes_with_5_comments():
    built = content.build(theme_inputs())
    # Most mentioned first; the hidden counts (Access 1, Safety 3) rank together, in the themes' own order,
    # so the order gives nothing away. Shares of the 40 comments: 12 = 30%, 6 = 15%.
    # Waiting's sentiment, 1 + 2 + 9 = 12: 1 and 2 are [c], and with 12 and 9 shown they still add to 3 any
    # way round (1 + 2 or 2 + 1). Access and Safety: the count is [c], so its one sentiment is too.
    # Change on last quarter: [c] where either quarter is (Being listened to had 2 last quarter).
    assert [(theme.label, theme.count, theme.share, theme.previous, theme.change, theme.sentiment)
            for theme in built.themes] == [
        ("Waiting", "12", "30%", "10", "+2", ("[c]", "[c]", "9")),
        ("Being listened to", "6", "15%", "[c]", "[c]", ("6", "0", "0")),
        ("Access", "[c]", "[c]", "0", "[c]", ("0", "[c]", "0")),
        ("Safety", "[c]", "[c]", "5", "[c]", ("0", "0", "[c]")),
        ("Communication", "0", "0%", "0", "0", ("0", "0", "0")),
    ]
    # Safety has a quote, but only 3 comments: it isn't shown.
    assert [theme.quotes for theme in built.themes] == [
        ({"text": "A comment about waiting.", "language": "en", "sentiment": "negative"},),
        ({"text": "A comment about listened.", "language": "en", "sentiment": "negative"},), (), (), ()]
    assert built.comments == "40"
    assert built.built_from["theme_models"] == {"themes-v1": 40}
    # The chart says what the table says: last quarter Waiting was 10 of 30 = 33%; hidden shares are [c].
    assert "Waiting: This quarter 30%, Last quarter 33%" in built.theme_chart
    assert "Access: This quarter [c] (confidential), Last quarter 0%" in built.theme_chart
    assert "Being listened to: This quarter 15%, Last quarter [c] (confidential)" in built.theme_chart


# Metric cards.

def card_inputs() -> dict:
    inputs = minimal_inputs()
    inputs["answers"] = {
        "MSP_SAFER": {Q1: {"YES": 4, "NO": 1}, Q2: {"YES": 8, "NO": 3, "NOT_SURE": 1}},
        "CYP_LISTENED_ACTED": {Q2: {"7": 2, "8": 2, "9": 1}},
        "PARENT_FELT_HEARD": {Q2: {"HEARD_COMPLETELY": 2, "NOT_HEARD": 1}},
    }
    inputs["targets"] = {"feel_safer": 70.0, "parent_felt_heard": 75.0}
    return inputs


def test_metric_cards():
    cards = {card.key: card for card in content.build(card_inputs()).cards}
    # Only metrics with answers have a card; children's scores feed two metrics.
    assert list(cards) == ["feel_safer", "child_listened_median", "child_listened_7_plus", "parent_felt_heard"]
    safer = cards["feel_safer"]
    # Q2: 8 yes of 12 = 66.7%, shown 67%; 60 to 70 is amber. Q1: 4 of 5 = 80%. Year: 12 of 17 = 70.6%.
    assert (safer.value, safer.target, safer.rag, safer.rag_words, safer.answers) == \
        ("67%", "70%", "amber", "Amber: just below target", "12")
    assert safer.by_quarter == ("80%", "67%", "", "", "71%")
    median = cards["child_listened_median"]
    # Scores 7, 7, 8, 8, 9: the middle one is 8. No answers in Q1.
    assert (median.value, median.target, median.rag, median.rag_words, median.answers) == \
        ("8 out of 10", "No target set", None, "No rating: no target set", "5")
    assert median.by_quarter == ("too few answers to show", "8 out of 10", "", "", "8 out of 10")
    assert cards["child_listened_7_plus"].value == "100%"
    heard = cards["parent_felt_heard"]
    # 3 answers: fewer than 5, so no figure and no rating, though there is a target; the count is [c].
    assert (heard.value, heard.target, heard.rag, heard.rag_words, heard.answers) == \
        ("too few answers to show", "75%", None, "No rating: too few answers this quarter", "[c]")


def test_a_card_is_rated_on_the_figure_it_shows():
    inputs = minimal_inputs()
    inputs["answers"] = {"SG4A_ASKED": {Q2: {"ASKED_OUTCOMES_EXPRESSED": 39, "NOT_ASKED": 10}}}
    inputs["targets"] = {"asked_outcomes": 80.0}
    card = content.build(inputs).cards[0]
    # 39 of 49 = 79.6%, shown as 80%: it meets a target of 80, as a reader would expect.
    assert (card.value, card.rag) == ("80%", "green")


# Responses and response rates.

def test_the_response_table():
    inputs = with_responses(minimal_inputs(Q3), {Q1: 32, Q2: 31, Q3: 20})
    inputs["invitations"] = {Q1: 40, Q3: 25}
    inputs["invited_responses"] = {Q1: 12, Q3: 3}
    responses = content.build(inputs).response_table
    assert responses.columns == QUARTERS + ("Year to date",) and not responses.has_total
    # Responses through an invitation: Q3's 3 is [c], and Q1's 12 with it, or the year, 15, would give it
    # away (12 is the only other count, cheaper than the year). A rate with a hidden count is hidden too:
    # 12/40 would give the 12 away. Q2: no invitations, no rate. Year: 15 of 65 = 23.1%.
    assert rows(responses) == [
        ("Invitations sent", ["40", "0", "25", "", "65"]),
        ("Responses through an invitation", ["[c]", "0", "[c]", "", "15"]),
        (content.ALL_RESPONSES, ["32", "31", "20", "", "83"]),
        ("Response rate to invitations", ["[c]", "n/a", "[c]", "", "23%"]),
    ]


# The words.

def test_summary_plan_did_impact_and_cover():
    inputs = breakdown_inputs()
    inputs["answers"].update(card_inputs()["answers"])
    inputs["targets"] = card_inputs()["targets"]
    inputs["definitions"]["themes"] = theme_inputs()["definitions"]["themes"]
    inputs["themes"] = theme_inputs()["themes"]
    inputs["actions"] = [
        {"quarter": Q1, "theme": "waiting", "you_said": "Nobody rang back when they said they would.",
         "we_did": "The duty desk now rings back within two working days.", "status": "in_progress", "carried": True},
        {"quarter": Q2, "theme": "listened", "you_said": "I want to be told what happens next.",
         "we_did": "A leaflet now explains each step.", "status": "done", "carried": False},
        {"quarter": Q2, "theme": "", "you_said": "Meetings are hard to get to.", "we_did": "", "status": "planned",
         "carried": False},
    ]
    built = content.build(inputs)
    assert built.summary == (
        "Responses this quarter: 31 (32 last quarter).",
        "Feel safer: 67% against a target of 70% (Amber: just below target).",
        "Children: listened to and acted on (median): 8 out of 10 (no target set).",
        "Children: listened to and acted on, 7 or more: 100% (no target set).",
        "Parents and carers felt heard: too few answers this quarter to show.",
        "Raised most often in comments: Waiting (30% of comments); Being listened to (15% of comments).",
        "You said, we did: 1 action completed this quarter, 2 in progress or planned.",
    )
    assert built.plan_did_impact == {
        "We planned to": ["Act on what people told us: Meetings are hard to get to."],
        "We did": ["The duty desk now rings back within two working days.", "A leaflet now explains each step."],
        "The impact was": ["Feel safer: 67% this quarter, against a target of 70%.",
                           "Children: listened to and acted on (median): 8 out of 10 this quarter.",
                           "Children: listened to and acted on, 7 or more: 100% this quarter."],
        "Further work required": ["Feel safer is below target: 67% against 70%.",
                                  "Continue acting on: Nobody rang back when they said they would."],
    }
    assert built.cover["subject"] == \
        "Northvale Safeguarding Adults Board: what people told us, Quarter 2 (July to September) 2026-27"
    assert built.quarter_title == "Quarter 2 (July to September) 2026-27"


def test_an_empty_quarter_still_reads_well():
    built = content.build(minimal_inputs(Q1))
    assert built.summary == ("Responses this quarter: 0.",
                             "You said, we did: 0 actions completed this quarter, 0 in progress or planned.")
    assert built.plan_did_impact["The impact was"] == ["Too few answers this quarter to show the impact."]
    assert built.cards == () and built.themes == () and built.theme_chart == ""
    assert rows(table(built, "survey_id")) == [("Total", ["0", "", "", "", "0", "0", "0"])]


def test_the_same_inputs_give_equal_content():
    inputs = breakdown_inputs()
    inputs.update({key: value for key, value in theme_inputs().items() if key in ("themes", "quotes")})
    inputs["definitions"]["themes"] = theme_inputs()["definitions"]["themes"]
    inputs["answers"].update(card_inputs()["answers"])
    assert content.build(inputs) == content.build(copy.deepcopy(inputs))
    assert content.build(inputs) == content.build(inputs)
