"""Celery tasks: thin, they load ids and call services. One module per area."""

from registers.tasks import bulk_jobs, deadlines, outbox, provider_requests, update_requests

__all__ = ["bulk_jobs", "deadlines", "outbox", "provider_requests", "update_requests"]
