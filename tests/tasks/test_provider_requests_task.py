"""The beat task that turns unanswered provider requests into overdue tasks (s.436E)."""

import queue
import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.db import connection, transaction

from cnis.celery import app
from registers.models import InformationRequest, Task
from registers.services.provider_requests import provider_request_send
from registers.services.provider_requests import (
    provider_requests_mark_overdue as mark_overdue,
)
from registers.tasks.provider_requests import provider_requests_mark_overdue
from tests.factories import EducationArrangementFactory, ProviderFactory, staff_actor
from tests.statements import statements_run

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def test_the_beat_schedule_names_the_task():
    scheduled = settings.CELERY_BEAT_SCHEDULE["provider-requests-mark-overdue"]["task"]

    assert scheduled == provider_requests_mark_overdue.name
    assert scheduled in app.tasks


def test_the_task_marks_overdue_requests_once_and_says_how_many(devon, officer):
    provider = ProviderFactory(authority=devon, email="hello@oakwood.example")
    EducationArrangementFactory(child__authority=devon, provider=provider)
    sent_at = datetime(2026, 3, 2, 9, 0, tzinfo=LONDON)
    with time_machine.travel(sent_at, tick=False):
        provider_request_send(provider=provider, actor=staff_actor(officer))

    with time_machine.travel(sent_at + timedelta(days=15), tick=False):
        first = provider_requests_mark_overdue.delay().get()
        second = provider_requests_mark_overdue.delay().get()

    assert (first, second) == (1, 0)
    task = Task.objects.get(kind=Task.Kind.PROVIDER_RESPONSE_OVERDUE)
    assert str(task.due_on) == "2026-03-17"


def unanswered_requests(authority, provider, count: int, *, sent_at: datetime) -> None:
    InformationRequest.objects.bulk_create(
        InformationRequest(
            authority=authority,
            kind=InformationRequest.Kind.PROVIDER,
            provider=provider,
            sent_at=sent_at,
            respond_by=sent_at.date() + timedelta(days=14),
            expires_at=sent_at + timedelta(days=28),
            token_digest=f"{provider.pk}-{number}",
        )
        for number in range(count)
    )


def test_marking_overdue_runs_the_same_statements_for_3_requests_as_for_30(devon, cornwall):
    """Set-based: the statements do not grow with the number of requests."""
    sent_at = datetime(2026, 3, 2, 9, 0, tzinfo=LONDON)
    unanswered_requests(devon, ProviderFactory(authority=devon), 3, sent_at=sent_at)
    today = (sent_at + timedelta(days=15)).date()
    few = statements_run(lambda: mark_overdue(today=today))
    unanswered_requests(cornwall, ProviderFactory(authority=cornwall), 30, sent_at=sent_at)
    many = statements_run(lambda: mark_overdue(today=today))
    again = statements_run(lambda: mark_overdue(today=today))

    assert Task.objects.filter(kind=Task.Kind.PROVIDER_RESPONSE_OVERDUE).count() == 33
    assert len(few) == len(many) <= 3
    assert len(again) <= len(few)


@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_take_turns_and_mark_each_request_once(devon, postgres_only):
    sent_at = datetime(2026, 3, 2, 9, 0, tzinfo=LONDON)
    unanswered_requests(devon, ProviderFactory(authority=devon), 3, sent_at=sent_at)
    today = (sent_at + timedelta(days=15)).date()
    backend, second = queue.Queue(), []

    def run_alongside() -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                backend.put(cursor.fetchone()[0])
            second.append(mark_overdue(today=today))
        except Exception as error:  # shown by the assertion below
            second.append(error)
        finally:
            connection.close()

    with transaction.atomic():
        first = mark_overdue(today=today)
        alongside = threading.Thread(target=run_alongside)
        alongside.start()
        other = backend.get(timeout=10)
        # Hold this run's locks until the other run is waiting for them.
        with connection.cursor() as cursor:
            while not blocked(cursor, other):
                alongside.join(timeout=0.05)
    alongside.join()

    assert (first, second) == (3, [0])
    assert Task.objects.filter(kind=Task.Kind.PROVIDER_RESPONSE_OVERDUE).count() == 3


def blocked(cursor, backend: int) -> bool:
    cursor.execute("SELECT cardinality(pg_blocking_pids(%s)) > 0", [backend])
    return cursor.fetchone()[0]
