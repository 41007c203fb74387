"""A bulk job through the real broker and a real worker: the page's request writes the job
and its outbox row; the sweep hands it to Redis; the worker does it and keeps its summary."""

from datetime import timedelta

import pytest
from django.utils import timezone

from registers.models import BulkJob, InformationRequest, StaffRole
from registers.rules.deadlines import add_months
from registers.services.bulk_jobs import bulk_job_start
from registers.services.outbox import outbox_sweep
from registers.tasks.bulk_jobs import bulk_job_run
from tests.factories import StaffUserFactory, child_with_record, staff_actor

WORKER_WAIT_SECONDS = 60


def registered_due(authority) -> None:
    """A child whose 12 months since registration ran out yesterday: due now."""
    entry = child_with_record(authority=authority).entries.get()
    entry.registered_on = add_months(timezone.localdate(), -12) - timedelta(days=1)
    entry.save()


@pytest.mark.django_db(transaction=True)
def test_a_bulk_job_runs_on_the_worker_to_its_summary(celery_worker, finished_tasks, devon):
    manager = StaffUserFactory(authority=devon, role=StaffRole.MANAGER)
    for _ in range(3):
        registered_due(devon)
    job = bulk_job_start(
        actor=staff_actor(manager), kind=BulkJob.Kind.UPDATE_REQUESTS_DUE_THIS_MONTH
    )
    assert job.status == BulkJob.Status.QUEUED

    assert outbox_sweep() == 1  # as beat runs it: the job goes to the broker

    assert finished_tasks.get(timeout=WORKER_WAIT_SECONDS) == (
        bulk_job_run.name,
        "SUCCESS",
        BulkJob.Status.DONE,
    )
    job.refresh_from_db()
    assert (job.status, job.total, job.sent, job.skipped, job.failed) == ("done", 3, 3, 0, 0)
    assert InformationRequest.objects.count() == 3
