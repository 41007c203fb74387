"""Celery tasks for provider information requests (s.436E): thin, they call the service."""

from celery import shared_task

from registers.services import provider_requests


@shared_task
def provider_requests_mark_overdue() -> int:
    """Turn provider requests unanswered past their date into overdue tasks (run by beat)."""
    return provider_requests.provider_requests_mark_overdue()
