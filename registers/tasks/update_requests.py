"""Celery tasks for update requests: thin, they call the service."""

from celery import shared_task

from registers.services import update_requests


@shared_task
def update_requests_send_due() -> int:
    """Keep every child inside the update request window (run by beat every few hours)."""
    return update_requests.update_requests_send_due()
