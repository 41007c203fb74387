"""CNIS Register: the project package (settings, URLs, Celery app, WSGI)."""

from cnis.celery import app as celery_app

__all__ = ["celery_app"]
