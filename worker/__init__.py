"""Celery workers: theme free text, build quarterly reports, and sweep up anything a lost message left behind.

Each task is small and idempotent and calls plain functions in `voicecapture` that tests call directly.
"""
