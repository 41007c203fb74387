"""The daily round of deadlines: tasks for what fell due, overdue work marked, and each
officer's one digest of their overdue tasks, safe to run twice the same day."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from registers.actors import SCHEDULER
from registers.models import (
    AttendanceOrderStep,
    OutboxMessage,
    Person,
    Task,
)
from registers.rules.codes import Regime
from registers.services.deadlines import deadlines_daily
from registers.services.outbox import outbox_sweep
from registers.services.update_requests import update_request_send
from tests.factories import StaffUserFactory, child_with_record, entry_asked_for_updates

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 10, 5)


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(datetime(2026, 10, 5, 7, tzinfo=LONDON), tick=False):
        yield


def case_of(officer, *, name: str):
    child = child_with_record(authority=officer.authority, first_name=name, last_name="Fenwick")
    entry = child.entries.get()
    entry.assigned_officer = officer
    entry.registered_on = date(2026, 6, 1)
    entry.save()
    return entry


def task_on(entry, kind, due_on, **fields):
    return Task.objects.create(
        authority=entry.authority, kind=kind, entry=entry, due_on=due_on, **fields
    )


def test_each_officer_gets_one_digest_of_their_own_overdue_tasks(devon, officer):
    colleague = StaffUserFactory(authority=devon, email="colleague@devon.example")
    mine = case_of(officer, name="Ada")
    theirs = case_of(colleague, name="Ben")
    task_on(mine, Task.Kind.CONSIDER_LIVING_SITUATION, TODAY - timedelta(days=3))
    task_on(mine, Task.Kind.SUPPORT_REQUEST, TODAY - timedelta(days=1))
    task_on(mine, Task.Kind.CONSENT_DECISION, TODAY)  # due today: not overdue yet
    task_on(theirs, Task.Kind.POSSIBLE_DUPLICATE, TODAY - timedelta(days=10))
    # Given to the officer by name though the case is the colleague's.
    task_on(theirs, Task.Kind.REVIEW_NOTIFICATION, TODAY - timedelta(days=2), assigned_to=officer)
    task_on(mine, Task.Kind.CHECK_ELIGIBILITY, TODAY - timedelta(days=5), status="done")

    first = deadlines_daily()
    second = deadlines_daily()
    outbox_sweep()

    assert (first.marked_overdue, first.digests) == (4, 2)
    assert second.marked_overdue == 0
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_recipient) == ["colleague@devon.example", "officer@devon.example"]
    assert len(mail.outbox) == 2
    body = by_recipient["officer@devon.example"].body
    assert "you have 3 overdue tasks" in body
    assert f"{mine.reference}: Consider where the child lives, due 2 October 2026" in body
    assert f"{mine.reference}: Respond to a request for support, due 4 October 2026" in body
    assert f"{theirs.reference}: Review a notification, due 3 October 2026" in body
    assert "Decide a consent request" not in body
    assert "Check eligibility" not in body
    assert "Check a possible duplicate" not in body
    # Cases are named by reference only: no child's name leaves in an email.
    assert "Ada" not in body
    assert "/staff/tasks/" in body
    colleague_body = by_recipient["colleague@devon.example"].body
    assert "you have 1 overdue task:" in colleague_body
    assert "Review a notification" not in colleague_body
    assert Task.objects.filter(overdue_since=TODAY).count() == 4


def test_a_digest_is_sent_again_the_next_day_and_not_to_an_officer_who_left(devon, officer):
    gone = StaffUserFactory(authority=devon, is_active=False)
    task_on(case_of(officer, name="Ada"), Task.Kind.SUPPORT_REQUEST, TODAY - timedelta(days=1))
    task_on(case_of(gone, name="Ben"), Task.Kind.SUPPORT_REQUEST, TODAY - timedelta(days=1))

    deadlines_daily()
    deadlines_daily(today=TODAY + timedelta(days=1))

    digests = OutboxMessage.objects.filter(dedupe_key__startswith="overdue-digest-")
    assert sorted(digests.values_list("dedupe_key", flat=True)) == [
        f"overdue-digest-{officer.pk}-2026-10-05",
        f"overdue-digest-{officer.pk}-2026-10-06",
    ]


def test_no_overdue_work_sends_no_digest(devon, officer):
    task_on(case_of(officer, name="Ada"), Task.Kind.SUPPORT_REQUEST, TODAY + timedelta(days=1))

    assert deadlines_daily().digests == 0
    assert not OutboxMessage.objects.exists()


def test_an_unanswered_update_request_becomes_one_task_until_answered(devon, officer):
    entry = entry_asked_for_updates(authority=devon, registered_on=date(2025, 10, 1))
    with time_machine.travel(datetime(2026, 9, 1, 9, tzinfo=LONDON), tick=False):
        request = update_request_send(entry=entry, actor=SCHEDULER)

    assert deadlines_daily().update_requests_overdue == 1
    assert deadlines_daily().update_requests_overdue == 0
    task = Task.objects.get(kind=Task.Kind.UPDATE_REQUEST_OVERDUE)
    assert task.entry == entry
    assert task.information_request == request
    assert "sent on 1 September 2026, due by 15 September 2026" in task.details


def test_a_notice_period_becomes_a_task_due_the_day_it_ends(devon):
    entry = child_with_record(authority=devon).entries.get()
    step = AttendanceOrderStep.objects.create(
        entry=entry,
        regime=Regime.EHE_2019,
        stage=AttendanceOrderStep.Stage.NOTICE_TO_SATISFY,
        served_on=date(2026, 10, 1),
        respond_by=date(2026, 10, 16),
    )

    assert deadlines_daily().notices_watched == 1
    assert deadlines_daily().notices_watched == 0
    task = Task.objects.get(kind=Task.Kind.NOTICE_PERIOD_ENDS)
    assert (task.entry, task.attendance_order_step, task.due_on) == (
        entry,
        step,
        date(2026, 10, 16),
    )
    assert "served on 1 October 2026 ends on 16 October 2026" in task.details


def test_a_child_due_an_update_request_whose_parents_have_no_email_is_an_officers_task(devon):
    entry = entry_asked_for_updates(authority=devon, registered_on=date(2025, 10, 16))
    Person.objects.filter(relationships__child=entry.child).update(email="")
    not_yet = child_with_record(authority=devon).entries.get()
    not_yet.registered_on = date(2026, 8, 1)
    not_yet.save()
    Person.objects.filter(relationships__child=not_yet.child).update(email="")

    assert deadlines_daily().update_requests_unsendable == 1
    assert deadlines_daily().update_requests_unsendable == 0
    task = Task.objects.get(kind=Task.Kind.SEND_UPDATE_REQUEST)
    assert task.entry == entry
    assert task.due_on == date(2026, 10, 16)  # 12 months after registration

    # Once a parent's email is known and a request goes, the task is done.
    Person.objects.filter(relationships__child=entry.child).update(email="mum@family.example")
    update_request_send(entry=entry, actor=SCHEDULER)
    task.refresh_from_db()
    assert task.status == Task.Status.DONE
