"""Bulk work: "send update requests to every child due this month", for managers, LA-scoped,
with a summary of what was sent and skipped, and safe to run twice (s.436D)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from registers.errors import ApplicationError
from registers.models import BulkJob, InformationRequest, OutboxMessage, Person, StaffRole
from registers.rules.codes import CaseStatus
from registers.services.bulk_jobs import NOT_A_MANAGER, bulk_job_run, bulk_job_start
from registers.services.outbox import CELERY_TASK
from registers.services.update_requests import NO_EMAIL
from tests.factories import StaffUserFactory, child_with_record, staff_actor

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(datetime(2026, 10, 5, 9, tzinfo=LONDON), tick=False):
        yield


@pytest.fixture
def manager(devon):
    return StaffUserFactory(authority=devon, role=StaffRole.MANAGER)


def registered(authority, on: date, *, email: bool = True, status=CaseStatus.REGISTERED):
    entry = child_with_record(authority=authority).entries.get()
    entry.registered_on = on
    entry.status = status
    entry.save()
    if not email:
        Person.objects.filter(relationships__child=entry.child).update(email="")
    return entry


def test_an_officer_cannot_start_bulk_work(officer):
    with pytest.raises(ApplicationError, match=NOT_A_MANAGER):
        bulk_job_start(
            actor=staff_actor(officer), kind=BulkJob.Kind.UPDATE_REQUESTS_DUE_THIS_MONTH
        )

    assert not BulkJob.objects.exists()


def test_starting_queues_one_job_through_the_outbox_however_often_it_is_pressed(manager):
    kind = BulkJob.Kind.UPDATE_REQUESTS_DUE_THIS_MONTH
    first = bulk_job_start(actor=staff_actor(manager), kind=kind)
    second = bulk_job_start(actor=staff_actor(manager), kind=kind)

    assert first == second
    assert (first.status, first.due_by) == (BulkJob.Status.QUEUED, date(2026, 10, 31))
    message = OutboxMessage.objects.get(topic=CELERY_TASK)
    assert message.payload == {
        "name": "registers.tasks.bulk_jobs.bulk_job_run",
        "kwargs": {"job_id": first.pk},
    }


def test_the_job_asks_every_child_due_this_month_and_says_why_it_skipped_others(
    manager, devon, cornwall
):
    due = registered(devon, date(2025, 10, 28))  # 12 months end on 28 October
    overdue = registered(devon, date(2025, 6, 1))
    unreachable = registered(devon, date(2025, 10, 20), email=False)
    next_month = registered(devon, date(2025, 11, 10))
    recent = registered(devon, date(2026, 8, 1))
    closed_early = registered(devon, date(2025, 6, 1), status=CaseStatus.ELIGIBILITY_CHECK)
    elsewhere = registered(cornwall, date(2025, 6, 1))
    kind = BulkJob.Kind.UPDATE_REQUESTS_DUE_THIS_MONTH

    job = bulk_job_start(actor=staff_actor(manager), kind=kind)
    assert bulk_job_run(job_id=job.pk) == BulkJob.Status.DONE

    job.refresh_from_db()
    assert (job.total, job.done, job.sent, job.skipped, job.failed) == (3, 3, 2, 1, 0)
    assert job.summary == {"skipped": {NO_EMAIL: 1}, "failed": {}}
    asked = set(InformationRequest.objects.values_list("entry_id", flat=True))
    assert asked == {due.pk, overdue.pk}
    for not_asked in (unreachable, next_month, recent, closed_early, elsewhere):
        assert not not_asked.information_requests.exists()
    assert job.started_at and job.finished_at

    # Run again: nothing already sent is sent again.
    again = bulk_job_start(actor=staff_actor(manager), kind=kind)
    assert again != job
    bulk_job_run(job_id=again.pk)
    again.refresh_from_db()
    assert (again.total, again.sent, again.skipped) == (1, 0, 1)
    assert InformationRequest.objects.count() == 2


def test_a_job_delivered_twice_is_done_once(manager, devon):
    registered(devon, date(2025, 10, 28))
    job = bulk_job_start(
        actor=staff_actor(manager), kind=BulkJob.Kind.UPDATE_REQUESTS_DUE_THIS_MONTH
    )

    bulk_job_run(job_id=job.pk)
    assert bulk_job_run(job_id=job.pk) == BulkJob.Status.DONE

    job.refresh_from_db()
    assert job.sent == 1
    assert InformationRequest.objects.count() == 1


def test_without_a_broker_the_job_runs_once_its_request_commits(
    manager, devon, settings, django_capture_on_commit_callbacks
):
    """The embedded demo (`make run`) has no broker: tasks run in the process, eagerly."""
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = True
    registered(devon, date(2025, 10, 28))

    with django_capture_on_commit_callbacks(execute=True):
        job = bulk_job_start(
            actor=staff_actor(manager), kind=BulkJob.Kind.UPDATE_REQUESTS_DUE_THIS_MONTH
        )

    job.refresh_from_db()
    assert (job.status, job.sent) == (BulkJob.Status.DONE, 1)
