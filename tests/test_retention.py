"""Retention: each kind of personal data removed when its period ends, in batches, once, and recorded."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import update
from sqlmodel import select

from voicecapture import retention
from voicecapture.alerts.sealed import seal, unseal
from voicecapture.config import ConfigError, load_settings
from voicecapture.data import boards, comments, responses
from voicecapture.data import retention as retention_data
from voicecapture.data.report_inputs import theme_counts
from voicecapture.models import Alert, AlertEvent, Answer, AuditEvent, Comment, Draft, utcnow
from voicecapture.quarters import quarter_of
from worker.celery_app import ROUTES, beat_schedule

from .databases import query, scalar

SENT = datetime(2020, 5, 4, 10, 0, tzinfo=timezone.utc)  # well in the past, so every period can end before today
MINUTE = timedelta(minutes=1)
TYPED = "Ring Priya on 07700 900123, she looks after me"


def _send(app, submitted_at, text=TYPED, analysed=True) -> int:
    """A feel-safer response with free text, sent at `submitted_at`, and (if analysed) its comment."""
    survey = app.extensions["surveys"].get("feel-safer")
    board = boards.board_by_slug("northvale-sab")
    [response_id] = responses.store_responses([dict(
        survey=survey, board_id=board.id, language="en", submitted_at=submitted_at,
        answers={"ascs_safety": {"o": ["adequately_safe"]}, "what_would_help": {"o": [], "t": text}})])
    if analysed:
        [pending] = comments.pending_texts(10, response_ids=[response_id])
        comments.store_analyses([{"answer_id": pending.answer_id, "response_id": response_id, "board_id": board.id,
                                  "submitted_at": submitted_at, "survey_id": "feel-safer",
                                  "question_key": "what_would_help", "language": "en",
                                  "redacted": "Ring [name] on [phone], she looks after me", "sentiment": "positive",
                                  "themes": ["being_listened_to"], "scores": {"being_listened_to": 0.9},
                                  "model_version": "old-model"}])
    return response_id


def _typed(db, response_id):
    db.expire_all()
    return db.exec(select(Answer.text).where(Answer.response_id == response_id, Answer.code == "TEXT")).one()


def test_free_text_is_cleared_after_its_period_and_reports_still_count_it(app, db, settings):
    period = timedelta(days=settings.free_text_retention_days)
    with app.app_context():
        outside = _send(app, SENT)
        inside = _send(app, SENT + 2 * MINUTE)
        never_analysed = _send(app, SENT, analysed=False)
        board = boards.board_by_slug("northvale-sab")
        counted = theme_counts(board, quarter_of(SENT), last_id=10**9)
        removed = retention.enforce(now=SENT + period + MINUTE)
    assert removed["free_text"] == 2
    assert _typed(db, outside) == "" and _typed(db, never_analysed) == ""
    assert _typed(db, inside) == TYPED
    comment = db.exec(select(Comment).where(Comment.response_id == outside)).one()
    assert comment.redacted == "Ring [name] on [phone], she looks after me" and comment.themes == ["being_listened_to"]
    with app.app_context():
        assert theme_counts(board, quarter_of(SENT), last_id=10**9) == counted
        # Nothing is analysed, or themed again, from text that is no longer there.
        assert comments.pending_texts(10) == []
        assert [comment_id for comment_id, _ in comments.needing_reanalysis("new-model", 10)] == \
            [db.exec(select(Comment.id).where(Comment.response_id == inside)).one()]


def test_unsent_answers_are_deleted_once_they_expire_and_an_alert_raised_in_them_stays(app, db):
    now = SENT + timedelta(days=30)
    with app.app_context():
        survey = app.extensions["surveys"].get("feel-safer")
        board = boards.board_by_slug("northvale-sab")
        made = {}
        for name in ("expired", "still_open", "sent"):
            draft = responses.start_draft(survey, board, "en")
            responses.save_answers(draft, {"ascs_safety": {"o": ["adequately_safe"], "t": ""},
                                           "what_would_help": {"o": [], "t": TYPED}})
            made[name] = draft.id
        alert_id = _alert(board, "new")
    expiry = {"expired": now - MINUTE, "still_open": now + MINUTE, "sent": now - MINUTE}
    for name, expires in expiry.items():
        db.execute(update(Draft).where(Draft.id == made[name]).values(expires_at=expires))
    db.execute(update(Draft).where(Draft.id == made["sent"]).values(status="submitted"))
    db.execute(update(Alert).where(Alert.id == alert_id).values(draft_id=made["expired"]))
    db.commit()
    with app.app_context():
        assert retention.due(now)["expired_drafts"] == 1
        assert retention.enforce(now=now)["expired_drafts"] == 1
        assert retention.due(now)["expired_drafts"] == 0
    db.expire_all()
    assert db.get(Draft, made["expired"]) is None
    assert db.get(Draft, made["still_open"]) is not None, "a draft that can still be resumed is left alone"
    assert db.get(Draft, made["sent"]) is not None, "a sent draft links its thank-you page to the response"
    alert = db.get(Alert, alert_id)
    assert alert.draft_id is None and alert.evidence


def _alert(board, status, closed_at=None) -> int:
    from voicecapture.db import session, transaction
    with transaction():
        alert = Alert(board_id=board.id, survey_id="feel-safer", categories=["current_harm"],
                      reasons=[{"category": "current_harm", "source": "pattern", "question_key": "what_would_help"}],
                      evidence=seal({"what_would_help": {"o": [], "t": TYPED}}), status=status, raised_at=SENT,
                      due_at=SENT + timedelta(hours=4), closed_at=closed_at)
        session().add(alert)
    return alert.id


def test_alert_evidence_is_deleted_only_from_alerts_closed_long_enough_ago(app, db, settings):
    period = timedelta(days=settings.alert_evidence_retention_days)
    now = SENT + period + MINUTE
    with app.app_context():
        board = boards.board_by_slug("northvale-sab")
        outside = _alert(board, "closed", closed_at=SENT)
        inside = _alert(board, "closed", closed_at=SENT + 2 * MINUTE)
        still_open = [_alert(board, status) for status in ("new", "acknowledged", "action_taken")]
        assert retention.due(now)["alert_evidence"] == 1
        assert retention.enforce(now=now)["alert_evidence"] == 1
        db.expire_all()
        assert db.get(Alert, outside).evidence == b""
        for kept in (inside, *still_open):
            assert unseal(db.get(Alert, kept).evidence) == {"what_would_help": {"o": [], "t": TYPED}}
    kept_alert = db.get(Alert, outside)
    assert kept_alert.status == "closed" and kept_alert.categories == ["current_harm"], "the alert itself stays"
    events = db.exec(select(AlertEvent.kind).where(AlertEvent.alert_id == outside)).all()
    assert events == ["evidence_deleted"]


def test_audit_events_are_deleted_after_their_period_in_batches(app, db, settings):
    period = timedelta(days=settings.audit_retention_days)
    now = SENT + period + MINUTE
    db.add_all([AuditEvent(action="test.old", at=SENT) for _ in range(1005)])  # more than one batch of 1,000
    db.add(AuditEvent(action="test.recent", at=SENT + 2 * MINUTE))
    db.commit()
    with app.app_context():
        assert retention.enforce(now=now)["audit_events"] == 1005
    actions = set(db.exec(select(AuditEvent.action)).all())
    assert "test.old" not in actions and {"test.recent", "retention.enforce"} <= actions


def test_work_is_done_in_batches_found_by_id(app, monkeypatch, settings):
    now = SENT + timedelta(days=settings.free_text_retention_days) + MINUTE
    with app.app_context():
        for _ in range(25):
            _send(app, SENT)
        calls = []
        clear = retention_data.clear_free_text

        def spy(cutoff, after_id, limit):
            changed, next_after = clear(cutoff, after_id, limit)
            calls.append((after_id, changed))
            return changed, next_after
        monkeypatch.setattr(retention_data, "clear_free_text", spy)
        assert retention.enforce(now=now, batch=10)["free_text"] == 25
    assert [changed for _after, changed in calls] == [10, 10, 5]
    assert calls[0][0] == 0 and calls[1][0] < calls[2][0], "each batch starts after the last id of the one before"


def test_running_twice_removes_nothing_more_and_each_run_is_recorded(app, db, settings):
    now = SENT + timedelta(days=settings.audit_retention_days) + MINUTE
    with app.app_context():
        _send(app, SENT)
        _alert(boards.board_by_slug("northvale-sab"), "closed", closed_at=SENT)
        first = retention.enforce(now=now)
        assert first == {"free_text": 1, "expired_drafts": first["expired_drafts"], "alert_evidence": 1, "audit_events": first["audit_events"]}
        assert retention.enforce(now=now) == dict.fromkeys(retention.KINDS, 0)
        assert retention.due(now) == {**dict.fromkeys(retention.KINDS, 0), "contacts": 0}
        last = retention_data.last_run()
    runs = db.exec(select(AuditEvent).where(AuditEvent.action == "retention.enforce").order_by(AuditEvent.id)).all()
    assert [run.detail["removed"] for run in runs] == [first, dict.fromkeys(retention.KINDS, 0)]
    assert runs[0].detail["days"]["free_text"] == settings.free_text_retention_days
    assert last.id == runs[-1].id and runs[-1].user_id is None


@pytest.mark.parametrize("name", ["FREE_TEXT_RETENTION_DAYS", "ALERT_EVIDENCE_RETENTION_DAYS", "AUDIT_RETENTION_DAYS",
                                  "CONTACT_RETENTION_DAYS"])
def test_bad_retention_settings_are_refused(tmp_path, name):
    env = {"VOICECAPTURE_INSTANCE": str(tmp_path), "SECRET_KEY": "s"}
    with pytest.raises(ConfigError, match=f"{name} must be a whole number"):
        load_settings(env={**env, name: "two years"})
    for value in ("0", "-30"):
        with pytest.raises(ConfigError, match=f"{name} is the number of days to keep this data: set it to 1 or more"):
            load_settings(env={**env, name: value})
    assert getattr(load_settings(env={**env, name: "400"}), name.lower()) == 400


def test_retention_defaults(tmp_path):
    settings = load_settings(env={"VOICECAPTURE_INSTANCE": str(tmp_path), "SECRET_KEY": "s"})
    assert (settings.free_text_retention_days, settings.alert_evidence_retention_days,
            settings.audit_retention_days) == (730, 365, 2190)


def test_the_task_runs_nightly_on_the_maintenance_queue(app, db, settings):
    from worker.tasks.retention import enforce
    assert enforce.name == "voicecapture.retention.enforce"
    assert ROUTES[enforce.name] == {"queue": "maintenance"}
    schedule = beat_schedule(settings)["retention"]
    assert schedule["task"] == enforce.name and schedule["schedule"].hour == {3} and schedule["schedule"].minute == {30}
    db.add(AuditEvent(action="test.ancient", at=utcnow() - timedelta(days=settings.audit_retention_days, minutes=1)))
    db.commit()
    with app.app_context():
        assert app.extensions["celery"].tasks[enforce.name].apply().get()["audit_events"] == 1


def test_the_command_prints_what_it_removed(run):
    query(run.database_url, "insert into auditevent (at, actor, action, target, detail, ip) "
                            "values ('2001-01-01 00:00:00', '', 'test.ancient', '', '{}', '')")
    result = run("retention", "enforce")
    assert result.exit_code == 0
    assert "Audit events deleted: 1" in result.output and "Answers whose free text was cleared: 0" in result.output
    assert scalar(run.database_url, "select count(*) from auditevent where action = 'retention.enforce'") == 1
    assert run("retention", "enforce").output.count(": 0") == 4
