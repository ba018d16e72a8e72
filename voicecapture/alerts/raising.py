"""Screening wired to the places answers arrive: a survey page, the final "Send", and an advocate's entry.

Each screens first (no database), then stores the alert in the same transaction as the answers it is about,
then, once committed, asks a worker to email the leads.
"""
from __future__ import annotations

from typing import Optional

from flask import current_app

from ..data import alerts, entries, responses
from ..data.boards import get_board
from ..models import Alert, Board, Draft, Response
from . import notify, service


def _evidence(findings, answers: dict) -> dict:
    """The answers that raised the alert, as given (free text as typed): kept encrypted, shown only to leads."""
    return {f.question_key: answers[f.question_key] for f in findings if f.question_key in answers}


def _record(record, *, board: Board, survey_id: str, findings, answers: dict, language: str, mode: str,
            **ids) -> Optional[Alert]:
    """record() or record_now() with the findings and what was said in the form the data layer keeps."""
    return record(board=board, survey_id=survey_id, findings=[f.as_dict() for f in findings],
                  evidence=_evidence(findings, answers), language=language, mode=mode, **ids)


def on_answer(draft: Draft, board: Board, question, answer: dict) -> Optional[Alert]:
    """Screen one answer as it is given; an alert is raised for the draft at once."""
    findings = service.answer_findings(question, answer)
    if not findings:
        return None
    alert = _record(alerts.record_now, board=board, survey_id=draft.survey_id, findings=findings,
                    answers={question.key: answer}, language=draft.language, mode=draft.mode, draft_id=draft.id,
                    invitation_id=draft.invitation_id)
    notify.queue_sending(alert.id)
    return alert


def submit(draft: Draft, board: Board, survey) -> tuple[Response, Optional[Alert]]:
    """Store a draft as a response, screened as a whole, with its alert in the same transaction."""
    answers = dict(draft.answers)
    findings = service.response_findings(survey, answers)
    raised: list[Optional[Alert]] = [None]

    def with_alert(response: Response) -> None:
        raised[0] = _record(alerts.record, board=board, survey_id=survey.id, findings=findings, answers=answers,
                            language=draft.language, mode=draft.mode, draft_id=draft.id, response_id=response.id,
                            invitation_id=draft.invitation_id)

    response = responses.submit(draft, survey, then=with_alert)
    alert = raised[0] or alerts.alert_for_response(response.id)
    notify.queue_sending(alert.id if alert else None)
    return response, alert


def _entry_hook(board: Board, survey, answers: dict, language: str, mode: str, raised: list):
    findings = service.response_findings(survey, answers)

    def with_alert(response: Response) -> None:
        raised[0] = _record(alerts.record, board=board, survey_id=survey.id, findings=findings, answers=answers,
                            language=language, mode=mode, response_id=response.id)
    return with_alert


def create_entry(*, survey, board: Board, mode: str, language: str, answers: dict, user_id: int):
    """An advocate's entry, screened like a respondent's. Returns (response, alert or None)."""
    raised: list[Optional[Alert]] = [None]
    response = entries.create_entry(survey=survey, board=board, mode=mode, language=language, answers=answers,
                                    user_id=user_id, then=_entry_hook(board, survey, answers, language, mode, raised))
    notify.queue_sending(raised[0].id if raised[0] else None)
    return response, raised[0]


def update_entry(response: Response, survey, answers: dict, *, user_id: int, board: Board):
    raised: list[Optional[Alert]] = [None]
    entries.update_entry(response, survey, answers, user_id=user_id,
                         then=_entry_hook(board, survey, answers, response.language, response.mode, raised))
    notify.queue_sending(raised[0].id if raised[0] else None)
    return raised[0]


def screen_stored(response_ids: list[int]) -> list[int]:
    """Screen responses already stored by other means (demo data, imports); returns the alerts raised."""
    raised = []
    catalogue = current_app.extensions["surveys"]
    for response in entries.responses_by_id(response_ids):
        survey = catalogue.get(response.survey_id, response.survey_version)
        answers = entries.stored_answers(response)
        findings = service.response_findings(survey, answers)
        if findings:
            alert = _record(alerts.record_now, board=get_board(response.board_id), survey_id=survey.id,
                            findings=findings, answers=answers, language=response.language, mode=response.mode,
                            response_id=response.id, invitation_id=response.invitation_id)
            notify.queue_sending(alert.id)
            raised.append(alert.id)
    return raised
