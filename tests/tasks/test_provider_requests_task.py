"""The beat task that turns unanswered provider requests into overdue tasks (s.436E)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings

from cnis.celery import app
from registers.models import Task
from registers.services.provider_requests import provider_request_send
from registers.tasks.provider_requests import provider_requests_mark_overdue
from tests.factories import EducationArrangementFactory, ProviderFactory, staff_actor

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
