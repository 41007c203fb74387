"""Celery tasks for bulk work asked for on a page: thin, they call the service."""

from celery import shared_task

from registers.services import bulk_jobs


@shared_task
def bulk_job_run(job_id: int) -> str:
    """Do one bulk job (queued by the outbox sweep); returns the status it ended in."""
    return bulk_jobs.bulk_job_run(job_id=job_id)
