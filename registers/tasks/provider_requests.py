"""Celery tasks (being written)."""
