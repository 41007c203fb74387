"""Celery tasks for the outbox: thin, they call the service."""

from celery import shared_task

from registers.services import outbox


@shared_task
def outbox_sweep() -> int:
    """Deliver what requests left in the outbox (run by beat every few seconds)."""
    return outbox.outbox_sweep()
