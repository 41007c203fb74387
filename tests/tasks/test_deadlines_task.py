"""The daily beat job of deadlines: named in the schedule, and, run twice the same day through
Celery, one digest email per officer."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from cnis.celery import app
from registers.models import Task
from registers.services.outbox import outbox_sweep
from registers.tasks.deadlines import deadlines_daily
from tests.factories import StaffUserFactory, child_with_record

pytestmark = pytest.mark.django_db


def test_the_beat_schedule_runs_the_deadlines_once_a_day():
    scheduled = settings.CELERY_BEAT_SCHEDULE["deadlines-daily"]

    assert scheduled["task"] == deadlines_daily.name
    assert scheduled["task"] in app.tasks


def test_run_twice_the_same_day_each_officer_gets_one_digest(devon, officer):
    colleague = StaffUserFactory(authority=devon)
    for holder in (officer, officer, colleague):
        entry = child_with_record(authority=devon).entries.get()
        entry.assigned_officer = holder
        entry.save()
        Task.objects.create(
            authority=devon,
            kind=Task.Kind.CHECK_ELIGIBILITY,
            entry=entry,
            due_on=timezone.localdate() - timedelta(days=1),
        )

    first = deadlines_daily.delay().get()
    second = deadlines_daily.delay().get()
    outbox_sweep()

    assert (first["marked_overdue"], first["digests"]) == (3, 2)
    assert second["marked_overdue"] == 0
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [officer.email, colleague.email]
    )
    (mine,) = [message for message in mail.outbox if message.to == [officer.email]]
    assert mine.body.count("Check eligibility, due") == 2
