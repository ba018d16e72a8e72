"""The Celery app, bound to a Flask app so every task runs inside its app context (database, settings)."""
from __future__ import annotations

from celery import Celery, Task
from celery.schedules import crontab
from flask import Flask

# Explicit queues, so reports (slow) never hold up free-text analysis (quick), and the sweeps have their own.
# Safeguarding alerts have a queue (and in bin/serve a worker) of their own: nothing else may delay them.
QUEUES = ("alerts", "comments", "reports", "maintenance")
ROUTES = {
    "voicecapture.alerts.*": {"queue": "alerts"},
    "voicecapture.comments.*": {"queue": "comments"},
    "voicecapture.reports.build": {"queue": "reports"},
    "voicecapture.reports.schedule_due": {"queue": "maintenance"},
    "voicecapture.sweep": {"queue": "maintenance"},
    "voicecapture.retention.enforce": {"queue": "maintenance"},
}


def beat_schedule(settings) -> dict:
    return {
        # Every day at 06:00: a report for each board whose last quarter has ended and has none yet. Daily, not
        # only on the 1st of April, July, October and January, so a day the scheduler was down loses nothing.
        "quarterly-reports": {"task": "voicecapture.reports.schedule_due", "schedule": crontab(hour=6, minute=0)},
        # Queue again whatever a lost message or a killed worker left behind.
        "sweep": {"task": "voicecapture.sweep", "schedule": float(settings.sweep_seconds)},
        # Alerts past their time to acknowledge go to the escalation lead; unsent alert emails are sent again.
        "alerts": {"task": "voicecapture.alerts.sweep", "schedule": 60.0},
        # Every night at 03:30, when nobody is answering: personal data past its retention period is removed.
        # Daily, and idempotent, so a night the scheduler was down only delays it a day.
        "retention": {"task": "voicecapture.retention.enforce", "schedule": crontab(hour=3, minute=30)},
    }


def _transport_options(settings) -> dict:
    """Redis: sending must not hang a web request when Redis is down (the sweep queues it later), and a message
    a dead worker held goes back on the queue after twice the report stale time. The SQLite transport passes
    its options to SQLAlchemy's create_engine, which takes none of these."""
    if not settings.broker_url.startswith(("redis://", "rediss://")):
        return {}
    return {"max_retries": 1, "interval_start": 0, "interval_step": 0.2,
            "visibility_timeout": settings.report_stale_seconds * 2}


def create_celery(flask_app: Flask) -> Celery:
    settings = flask_app.config["SETTINGS"]

    class FlaskTask(Task):
        def __call__(self, *args, **kwargs):
            with flask_app.app_context():
                return self.run(*args, **kwargs)

    celery = Celery("voicecapture", task_cls=FlaskTask, broker=settings.broker_url)
    celery.conf.update(
        imports=("worker.tasks.alerts", "worker.tasks.comments", "worker.tasks.reports", "worker.tasks.retention",
                 "worker.tasks.sweep"),
        task_routes=ROUTES,
        task_default_queue="maintenance",
        task_ignore_result=True,  # progress lives in the database, where the staff pages read it
        # A task is acknowledged after it finishes: a killed worker's task goes back on the queue (Redis).
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        broker_connection_retry_on_startup=True,
        broker_transport_options=_transport_options(settings),
        task_publish_retry_policy={"max_retries": 1, "interval_start": 0, "interval_step": 0.2},
        beat_schedule=beat_schedule(settings),
        beat_schedule_filename=str(settings.instance_dir / "celerybeat-schedule"),
        timezone="Europe/London",
        worker_hijack_root_logger=False,
    )
    celery.flask_app = flask_app
    return celery
