"""Celery tasks: thin, they load ids and call services. One module per area."""

from registers.tasks import outbox, provider_requests, update_requests

__all__ = ["outbox", "provider_requests", "update_requests"]
