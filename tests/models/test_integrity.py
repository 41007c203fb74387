"""Rules the database itself keeps, whatever code writes to it."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from registers.models import (
    AuditEvent,
    EducationArrangement,
    Notification,
    RegisterEntry,
    StaffRole,
    StaffUser,
)
from registers.rules.codes import (
    CaseStatus,
    ClosureReason,
    NotificationKind,
    NotificationSource,
    PrimaryReason,
    Sex,
)
from tests.factories import ChildFactory, PersonFactory, RegisterEntryFactory

pytestmark = pytest.mark.django_db


def test_the_published_code_lists_have_their_published_labels():
    assert len(PrimaryReason.choices) == 19
    assert PrimaryReason.PHILOSOPHICAL.label == "Philosophical or preferential"
    assert PrimaryReason.DID_NOT_APPLY.label == (
        "Did not apply for school place at compulsory school age"
    )
    assert [label for _, label in Sex.choices] == ["Female", "Male", "Sex unknown"]


def test_a_notification_keeps_what_arrived(devon):
    notification = Notification.objects.create(
        authority=devon,
        kind=NotificationKind.NEW_REGISTRATION,
        source=NotificationSource.PARENT,
        idempotency_key="k-1",
        reference="HXK4-7QWT",
        payload={"child": {"first_name": "Amelia"}},
        received_at=timezone.now(),
    )

    notification.payload = {"child": {"first_name": "Someone else"}}
    with pytest.raises(ValueError, match="kept as it arrived"):
        notification.save()

    notification.refresh_from_db()
    notification.reviewed_at = timezone.now()
    notification.save(update_fields=["reviewed_at"])
    notification.refresh_from_db()
    assert notification.payload == {"child": {"first_name": "Amelia"}}
    assert notification.reviewed_at is not None


def test_the_same_submission_key_is_stored_once_per_la(devon):
    fields = dict(
        authority=devon,
        kind=NotificationKind.NEW_REGISTRATION,
        source=NotificationSource.PARENT,
        idempotency_key="same-key",
        reference="HXK4-7QWT",
        payload={},
        received_at=timezone.now(),
    )
    Notification.objects.create(**fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(**fields)


def test_national_analysts_belong_to_no_la_and_officers_to_one(devon):
    with pytest.raises(ValidationError):
        StaffUser.objects.create_user(
            "analyst@national.example",
            "pw-1234567890",
            full_name="A",
            role=StaffRole.NATIONAL_ANALYST,
            authority=devon,
        )
    with pytest.raises(ValidationError):
        StaffUser.objects.create_user(
            "officer@nowhere.example", "pw-1234567890", full_name="O", role=StaffRole.OFFICER
        )


def test_a_closed_entry_needs_a_date_and_a_reason(devon):
    entry = RegisterEntryFactory(child=ChildFactory(authority=devon))

    entry.status = CaseStatus.CLOSED
    with pytest.raises(IntegrityError), transaction.atomic():
        entry.save()

    entry.closed_on = date(2026, 11, 1)
    entry.closure_reason = ClosureReason.RETURNED_TO_SCHOOL
    entry.save()
    assert RegisterEntry.objects.get(pk=entry.pk).status == CaseStatus.CLOSED


def test_a_child_has_one_open_entry_at_a_time(devon):
    child = ChildFactory(authority=devon)
    RegisterEntryFactory(child=child)
    with pytest.raises(IntegrityError), transaction.atomic():
        RegisterEntryFactory(child=child)


@pytest.mark.parametrize(
    ("hours", "without_parent"),
    [(Decimal("169"), None), (Decimal("-1"), None), (Decimal("5"), Decimal("6"))],
)
def test_hours_must_fit_in_a_week_and_unsupervised_time_within_them(devon, hours, without_parent):
    child = ChildFactory(authority=devon)
    with pytest.raises(IntegrityError), transaction.atomic():
        EducationArrangement.objects.create(
            child=child,
            educator=PersonFactory(authority=devon),
            hours_per_week=hours,
            hours_without_parent=without_parent,
        )


def test_audit_rows_cannot_be_changed_or_deleted(postgres_only, devon):
    event = AuditEvent.objects.create(action=AuditEvent.Action.VIEW, outcome="allowed")

    for statement in (
        "UPDATE registers_auditevent SET outcome = 'denied' WHERE id = %s",
        "DELETE FROM registers_auditevent WHERE id = %s",
    ):
        with pytest.raises(Exception, match="append-only"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(statement, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).outcome == "allowed"


def test_the_audit_trail_cannot_be_emptied_even_by_the_owner(postgres_only, devon):
    AuditEvent.objects.create(action=AuditEvent.Action.VIEW, outcome="allowed")

    with pytest.raises(Exception, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {AuditEvent._meta.db_table}")
    assert AuditEvent.objects.count() == 1
