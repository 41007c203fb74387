"""The scheduled job that keeps every child inside the update request window (s.436D)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from registers.actors import SCHEDULER
from registers.models import InformationRequest, OutboxMessage, Person
from registers.rules.codes import CaseStatus
from registers.services.update_requests import update_request_send, update_requests_send_due
from registers.tasks import update_requests as tasks
from tests.factories import LocalAuthorityFactory, child_with_record

pytestmark = pytest.mark.django_db

TODAY = date(2026, 10, 5)


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(
        datetime(2026, 10, 5, 7, tzinfo=ZoneInfo("Europe/London")), tick=False
    ):
        yield


def registered(authority, on: date, **fields):
    child = child_with_record(authority=authority, **fields)
    entry = child.entries.get()
    entry.registered_on = on
    entry.save()
    return entry


def test_sends_for_a_child_near_twelve_months_and_not_for_one_at_two(devon):
    near_limit = registered(devon, date(2025, 10, 16))  # about 11.7 months ago
    recent = registered(devon, date(2026, 8, 5))  # 2 months ago

    # Through Celery (eager in tests), as beat runs it.
    assert tasks.update_requests_send_due.delay().get() == 1

    assert InformationRequest.objects.get().entry == near_limit
    assert not recent.information_requests.exists()
    assert OutboxMessage.objects.count() == 1


def test_skips_entries_without_a_parent_email_closed_or_already_asked(devon):
    no_email = registered(devon, date(2025, 10, 1))
    Person.objects.filter(relationships__child=no_email.child).update(email="")
    not_open = registered(devon, date(2025, 10, 1))
    not_open.status = CaseStatus.ELIGIBILITY_CHECK
    not_open.save()
    waiting = registered(devon, date(2025, 7, 1))
    with time_machine.travel(datetime(2026, 9, 20, 9, tzinfo=ZoneInfo("Europe/London"))):
        update_request_send(entry=waiting, actor=SCHEDULER)

    assert update_requests_send_due() == 0
    assert InformationRequest.objects.count() == 1


def test_overdue_entries_are_sent_and_not_sent_twice(devon):
    overdue = registered(devon, date(2024, 1, 10))

    assert update_requests_send_due() == 1
    assert update_requests_send_due() == 0
    assert overdue.information_requests.count() == 1


def test_only_hosted_authorities_are_asked(devon):
    elsewhere = LocalAuthorityFactory(hosted=False)
    registered(elsewhere, date(2025, 10, 1))

    assert update_requests_send_due() == 0


def test_the_anchor_is_the_last_request_not_registration(devon):
    entry = registered(devon, date(2024, 10, 1))
    with time_machine.travel(datetime(2026, 2, 1, 9, tzinfo=ZoneInfo("Europe/London"))):
        row = update_request_send(entry=entry, actor=SCHEDULER)
    InformationRequest.objects.filter(pk=row.pk).update(used_at=row.sent_at)

    # Asked on 1 February 2026: the 12 months run to 1 February 2027, not yet near.
    assert update_requests_send_due() == 0
    assert update_requests_send_due(today=date(2027, 1, 18)) == 1
