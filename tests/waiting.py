"""Waiting for something another process does (a worker, a server), without sleeping longer than needed."""
from __future__ import annotations

import time


def wait_for(condition, timeout: float = 120, what: str = "condition", interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
