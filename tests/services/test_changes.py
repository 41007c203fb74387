"""Reports of a change and requests for support: saved for an officer, the register untouched."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from registers.errors import ApplicationError
from registers.intake.changes import ChangeKind, ChangeReport
from registers.intake.support import NO_CONTACT, SupportRequestDetails
from registers.models import AuditEvent, ChildAddress, Notification, Task
from registers.rules.codes import CaseStatus, NotificationKind, NotificationSource
from registers.services.changes import change_report_submit, support_request_submit
from tests.factories import child_with_record, public_actor

pytestmark = pytest.mark.django_db

TODAY = datetime(2026, 10, 5, 11, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def entry(devon):
    child = child_with_record(authority=devon, date_of_birth=date(2015, 4, 9))
    entry = child.entries.get()
    entry.reference = "HXK4-7QWT"
    entry.save()
    return entry


def move(**overrides) -> ChangeReport:
    fields = {
        "reference": "hxk4 7qwt",
        "date_of_birth": date(2015, 4, 9),
        "kind": ChangeKind.MOVING_IN_AREA,
        "address_line_1": "4 Quay Lane",
        "town": "Topsham",
        "postcode": "ex3 0jb",
        "moving_on": date(2026, 11, 1),
    }
    return ChangeReport(**(fields | overrides))


def test_a_matching_report_is_linked_to_the_child_for_review(devon, entry):
    addresses = list(ChildAddress.objects.values())

    notification = change_report_submit(
        authority=devon, report=move(), idempotency_key="change-1", actor=public_actor()
    )

    assert notification.kind == NotificationKind.CHANGE_OF_CIRCUMSTANCES
    assert notification.source == NotificationSource.PARENT
    assert (notification.child, notification.entry) == (entry.child, entry)
    assert notification.reference == "HXK4-7QWT"
    assert notification.payload["postcode"] == "EX3 0JB"
    assert notification.payload["moving_on"] == "2026-11-01"
    assert notification.payload["matched"] is True
    task = Task.objects.get()
    assert (task.kind, task.entry, task.notification, task.due_on) == (
        Task.Kind.REVIEW_NOTIFICATION,
        entry,
        notification,
        date(2026, 10, 19),
    )
    assert AuditEvent.objects.filter(object_id=str(notification.pk)).exists()
    # Nothing on the register changes until an officer has reviewed the report.
    assert list(ChildAddress.objects.values()) == addresses
    entry.refresh_from_db()
    assert entry.status == CaseStatus.REGISTERED


@pytest.mark.parametrize(
    "mismatch", [{"date_of_birth": date(2015, 4, 10)}, {"reference": "AAAA-AAAA"}]
)
def test_a_report_that_matches_nothing_is_saved_unlinked_for_an_officer(devon, entry, mismatch):
    notification = change_report_submit(
        authority=devon,
        report=move(**mismatch),
        idempotency_key="change-1",
        actor=public_actor(),
    )

    assert notification.child is None
    assert notification.entry is None
    assert notification.payload["matched"] is False
    task = Task.objects.get()
    assert task.entry is None
    assert task.notification == notification
    assert "match it by hand" in task.details


def test_another_las_reference_is_not_matched(cornwall, entry):
    notification = change_report_submit(
        authority=cornwall, report=move(), idempotency_key="change-1", actor=public_actor()
    )
    assert notification.entry is None


def test_the_same_report_sent_twice_is_saved_once(devon, entry):
    first = change_report_submit(
        authority=devon, report=move(), idempotency_key="change-1", actor=public_actor()
    )
    second = change_report_submit(
        authority=devon, report=move(), idempotency_key="change-1", actor=public_actor()
    )

    assert first == second
    assert Notification.objects.count() == 1
    assert Task.objects.count() == 1


@pytest.mark.parametrize(
    ("report", "field", "message"),
    [
        (move(postcode="EX3"), "postcode", "Enter a real postcode, like AA1 1AA"),
        (move(town=""), "town", "Enter town or city"),
        (move(moving_on=date(2027, 10, 6)), "moving_on", "on or before 5 October 2027"),
        (move(date_of_birth=date(2026, 10, 6)), "date_of_birth", "must be in the past"),
        (move(reference=""), "reference", "Enter your reference"),
        (
            move(kind=ChangeKind.RETURNING_TO_SCHOOL, school_from=date(2026, 11, 2)),
            "school_name",
            "Enter the name of the school",
        ),
        (move(kind=ChangeKind.OTHER, details=""), "details", "Enter what has changed"),
        (
            move(kind=ChangeKind.OTHER, details="x" * 2001),
            "details",
            "2000 characters or fewer",
        ),
    ],
)
def test_bad_reports_are_refused_and_nothing_is_saved(devon, entry, report, field, message):
    with pytest.raises(ApplicationError) as refused:
        change_report_submit(
            authority=devon, report=report, idempotency_key="change-1", actor=public_actor()
        )
    assert message in refused.value.errors[field][0]
    assert not Notification.objects.exists()
    assert not Task.objects.exists()


def test_only_the_answers_for_the_kind_of_change_are_kept(devon, entry):
    notification = change_report_submit(
        authority=devon,
        report=move(kind=ChangeKind.LEAVING_AREA, destination="Wales"),
        idempotency_key="change-1",
        actor=public_actor(),
    )
    assert "postcode" not in notification.payload
    assert notification.payload["destination"] == "Wales"
    assert notification.payload["kind"] == "leaving_area"


def support(**overrides) -> SupportRequestDetails:
    fields = {
        "name": "Morwenna Pascoe",
        "email": "morwenna@family.example",
        "child_name": "Jory Pascoe",
        "support_wanted": "Advice about GCSE exam centres",
    }
    return SupportRequestDetails(**(fields | overrides))


def test_a_support_request_becomes_a_task_due_in_15_days(devon):
    notification = support_request_submit(
        authority=devon, details=support(), idempotency_key="support-1", actor=public_actor()
    )

    assert notification.kind == NotificationKind.SUPPORT_REQUEST
    assert notification.payload["support_wanted"] == "Advice about GCSE exam centres"
    assert len(notification.reference) == 9
    task = Task.objects.get()
    assert (task.kind, task.notification, task.due_on) == (
        Task.Kind.SUPPORT_REQUEST,
        notification,
        date(2026, 10, 19),
    )
    assert AuditEvent.objects.filter(object_id=str(notification.pk)).exists()

    again = support_request_submit(
        authority=devon, details=support(), idempotency_key="support-1", actor=public_actor()
    )
    assert again == notification
    assert Task.objects.count() == 1


def test_a_support_request_needs_a_way_to_reply(devon):
    with pytest.raises(ApplicationError) as refused:
        support_request_submit(
            authority=devon,
            details=support(email="", phone=""),
            idempotency_key="support-1",
            actor=public_actor(),
        )
    assert refused.value.errors == {"email": [NO_CONTACT]}
    assert not Notification.objects.exists()
