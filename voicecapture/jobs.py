"""Queue work for the Celery workers, by task name, after the data it needs is committed.

Sending never fails a request: if the broker is down the work waits in the database, and the sweep queues it.
"""
from __future__ import annotations

import logging

from flask import current_app

log = logging.getLogger(__name__)


def enqueue(task_name: str, *args) -> bool:
    try:
        current_app.extensions["celery"].send_task(task_name, args=args)
        return True
    except Exception as error:  # noqa: BLE001 - any broker fault: the sweep will queue it
        log.warning("could not queue %s%r (%s); the sweep will queue it", task_name, args, error)
        return False
