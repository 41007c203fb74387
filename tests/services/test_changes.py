"""Reports of a change and requests for support: saved for an officer, the register untouched."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.intake.changes import ChangeKind, ChangeReport
from registers.intake.support import NO_CONTACT, SupportRequestDetails
from registers.models import AuditEvent, ChildAddress, Notification, OutboxMessage, Task
from registers.rules.codes import CaseStatus, Door, NotificationKind, NotificationSource
from registers.services.changes import change_report_submit, support_request_submit
from registers.services.outbox import outbox_sweep
from registers.services.references import REFERENCE_ALPHABET
from tests.factories import child_with_record, public_actor
from tests.receipts import receipt_delivered

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
    # The report has a reference of its own; the one the parent gave is kept with the answers.
    assert notification.reference != "HXK4-7QWT"
    assert notification.payload["reference"] == "HXK4-7QWT"
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


# Receipts -----------------------------------------------------------------------------------


@pytest.fixture
def sweep_delivers(settings):
    # Production shape: nothing goes when the transaction commits; the outbox sweep sends it.
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = False


def send_report(authority, *, key="change-1", actor=None, **overrides) -> Notification:
    """A report of a move by a parent who gave an email address."""
    return change_report_submit(
        authority=authority,
        report=move(**({"email": "robin@family.example"} | overrides)),
        idempotency_key=key,
        actor=actor or public_actor(),
    )


def send_support(authority, *, actor=None, **overrides) -> Notification:
    return support_request_submit(
        authority=authority,
        details=support(**overrides),
        idempotency_key="support-1",
        actor=actor or public_actor(),
    )


def is_a_reference(text: str) -> bool:
    return len(text) == 9 and set(text.replace("-", "", 1)) <= set(REFERENCE_ALPHABET)


def test_a_change_report_gets_its_own_reference_and_a_receipt_email(devon, entry, sweep_delivers):
    notification = send_report(devon)

    assert is_a_reference(notification.reference)
    assert notification.reference != entry.reference
    sent = receipt_delivered(reference=notification.reference, to="robin@family.example")
    assert sent.subject == "Devon: we have received your report of a change"
    body = sent.body
    assert "Thank you for telling Devon about a change." in body
    # Nothing the parent typed comes back in an email anyone with the inbox can read.
    for personal in ("Quay Lane", "EX3", "Topsham", "HXK4-7QWT", "2015"):
        assert personal not in body


def test_the_receipt_never_says_whether_the_report_matched_a_child(devon, entry, sweep_delivers):
    matched = send_report(devon)
    unmatched = send_report(devon, key="change-2", reference="AAAA-AAAA")

    assert outbox_sweep() == 2
    matched_body, unmatched_body = (
        next(sent.body for sent in mail.outbox if notification.reference in sent.body)
        for notification in (matched, unmatched)
    )
    assert matched_body.replace(matched.reference, "REF") == unmatched_body.replace(
        unmatched.reference, "REF"
    )


def test_the_same_change_report_twice_has_one_reference_and_one_email(
    devon, entry, sweep_delivers
):
    first, second = send_report(devon), send_report(devon)

    assert first.reference == second.reference
    assert OutboxMessage.objects.count() == 1
    receipt_delivered(reference=first.reference, to="robin@family.example")


def test_a_change_report_without_an_email_sends_none(devon, entry):
    send_report(devon, email="")

    assert Notification.objects.count() == 1
    assert not OutboxMessage.objects.exists()


def test_an_email_given_with_a_change_report_is_checked(devon, entry):
    with pytest.raises(ApplicationError) as refused:
        send_report(devon, email="not-an-email")
    assert refused.value.errors == {
        "email": ["Enter an email address in the correct format, like name@example.com"]
    }
    assert not Notification.objects.exists()


def test_a_support_request_gets_a_receipt_email_with_its_reference(devon, sweep_delivers):
    notification = send_support(devon)

    assert is_a_reference(notification.reference)
    sent = receipt_delivered(reference=notification.reference, to="morwenna@family.example")
    assert sent.subject == "Devon: we have received your request for support"
    body = sent.body
    assert "Thank you for asking Devon for support." in body
    for personal in ("Morwenna", "Jory", "Pascoe", "GCSE"):
        assert personal not in body


def test_the_same_support_request_twice_has_one_reference_and_one_email(devon, sweep_delivers):
    first, second = send_support(devon), send_support(devon)

    assert first.reference == second.reference
    assert OutboxMessage.objects.count() == 1
    receipt_delivered(reference=first.reference, to="morwenna@family.example")


def test_a_receipt_says_how_to_contact_the_la(devon, sweep_delivers):
    devon.contact_email = "cnis@devon.example"
    devon.contact_phone = "01392 000000"
    devon.save()

    notification = send_support(devon)

    body = receipt_delivered(reference=notification.reference, to="morwenna@family.example").body
    assert "Contact Devon\nEmail: cnis@devon.example\nTelephone: 01392 000000" in body


def test_a_support_request_with_only_a_phone_number_sends_no_email(devon):
    send_support(devon, email="", phone="01632 960001")

    assert Notification.objects.count() == 1
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize("door", [Door.IMPORT, Door.COMMAND], ids=["imported", "demo data"])
def test_only_a_parent_who_asked_themselves_gets_a_receipt(devon, entry, door):
    send_report(devon, actor=Actor(door=door))
    send_support(devon, actor=Actor(door=door))

    assert Notification.objects.count() == 2
    assert not OutboxMessage.objects.exists()
