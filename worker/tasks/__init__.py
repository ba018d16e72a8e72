"""Celery tasks: thin wrappers with names, queues and retry policies around plain functions."""
