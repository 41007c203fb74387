"""Update requests (s.436D): when one may be sent, and what a parent's answer records."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from registers.actors import SCHEDULER
from registers.errors import ApplicationError
from registers.intake.updates import UpdateAnswers
from registers.models import (
    AuditEvent,
    ChildAddress,
    EducationArrangement,
    InformationRequest,
    Notification,
    OutboxMessage,
    Task,
)
from registers.rules.codes import CaseStatus, NotificationKind, NotificationSource
from registers.selectors.links import LinkNotUsable, link_digest
from registers.services.update_requests import NO_EMAIL, update_request_answer, update_request_send
from tests.factories import child_with_record, public_actor
from tests.links import link_sent

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


@pytest.fixture
def entry(devon):
    child = child_with_record(authority=devon, first_name="Isla", last_name="Moorcroft")
    entry = child.entries.get()
    entry.registered_on = date(2026, 6, 1)
    entry.notified_on = date(2026, 5, 20)
    entry.save()
    return entry


def test_sending_creates_the_request_its_email_and_an_audit_event(entry):
    with time_machine.travel(at(date(2026, 10, 3)), tick=False):
        row = update_request_send(entry=entry, actor=SCHEDULER)

    assert row.kind == InformationRequest.Kind.PARENT_UPDATE
    assert row.entry == entry
    assert row.respond_by == date(2026, 10, 17)  # 15 days beginning with 3 October
    assert row.expires_at - row.sent_at == timedelta(days=28)
    email = OutboxMessage.objects.get(dedupe_key=f"update-request-{row.pk}")
    assert row.email == email
    parent = entry.child.relationships.get().person
    assert email.payload["to"] == parent.email
    assert "17 October 2026" in email.payload["body"]
    # The link is made when the email goes, and only its digest is kept.
    assert row.token_digest is None
    with time_machine.travel(at(date(2026, 10, 3)), tick=False):
        token = link_sent(row)
    assert mail.outbox[0].to == [parent.email]
    assert f"/update/{token}/" in mail.outbox[0].body
    assert "17 October 2026" in mail.outbox[0].body
    assert InformationRequest.objects.get().token_digest == link_digest(token)
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CREATE,
        object_type="information_request",
        object_id=str(row.pk),
        authority=entry.authority,
    ).exists()


def test_a_second_request_within_three_months_is_refused_with_the_dates(entry):
    with time_machine.travel(at(date(2026, 10, 3)), tick=False):
        update_request_send(entry=entry, actor=SCHEDULER)

    with time_machine.travel(at(date(2027, 1, 2)), tick=False):
        with pytest.raises(ApplicationError) as refused:
            update_request_send(entry=entry, actor=SCHEDULER)
    assert str(refused.value) == (
        "An update request was sent on 3 October 2026. The next one can be sent from "
        "3 January 2027"
    )
    assert InformationRequest.objects.count() == 1

    with time_machine.travel(at(date(2027, 1, 3)), tick=False):
        update_request_send(entry=entry, actor=SCHEDULER)
    assert InformationRequest.objects.count() == 2


def test_the_first_request_waits_three_months_from_registration(entry):
    with time_machine.travel(at(date(2026, 8, 31)), tick=False):
        with pytest.raises(ApplicationError) as refused:
            update_request_send(entry=entry, actor=SCHEDULER)
    assert str(refused.value) == (
        "The child was entered on the register on 1 June 2026. The first update request can "
        "be sent from 1 September 2026"
    )


def test_no_parent_email_is_refused_and_nothing_is_saved(entry):
    entry.child.relationships.get().person.__class__.objects.update(email="")

    with time_machine.travel(at(date(2026, 10, 3)), tick=False):
        with pytest.raises(ApplicationError) as refused:
            update_request_send(entry=entry, actor=SCHEDULER)
    assert str(refused.value) == NO_EMAIL
    assert not InformationRequest.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_closed_entry_gets_no_request(entry):
    entry.status = CaseStatus.ELIGIBILITY_CHECK
    entry.save()
    with time_machine.travel(at(date(2026, 10, 3)), tick=False):
        with pytest.raises(ApplicationError):
            update_request_send(entry=entry, actor=SCHEDULER)


def test_a_new_link_is_allowed_early_only_when_the_last_one_expired_unanswered(entry):
    with time_machine.travel(at(date(2026, 10, 3)), tick=False):
        update_request_send(entry=entry, actor=SCHEDULER)
    # Still within its 28 days: the parent can use the link they have.
    with time_machine.travel(at(date(2026, 10, 20)), tick=False):
        with pytest.raises(ApplicationError):
            update_request_send(entry=entry, actor=SCHEDULER, replacing_expired=True)
    with time_machine.travel(at(date(2026, 11, 5)), tick=False):
        with pytest.raises(ApplicationError):
            update_request_send(entry=entry, actor=SCHEDULER)
        row = update_request_send(entry=entry, actor=SCHEDULER, replacing_expired=True)
    assert row.respond_by == date(2026, 11, 19)


@pytest.fixture
def sent(entry):
    """A request sent on 3 October 2026; the test then runs a week later."""
    with time_machine.travel(at(date(2026, 10, 3)), tick=False):
        row = update_request_send(entry=entry, actor=SCHEDULER)
        token = link_sent(row)
    with time_machine.travel(at(date(2026, 10, 10)), tick=False):
        yield row, token


def test_an_answer_is_recorded_once_for_an_officer_and_the_register_is_unchanged(entry, sent):
    row, token = sent
    addresses = list(ChildAddress.objects.values())
    arrangements = list(EducationArrangement.objects.values())

    notification = update_request_answer(
        token=token, answers=UpdateAnswers(still_correct=True), actor=public_actor()
    )

    assert notification.kind == NotificationKind.UPDATE_RESPONSE
    assert notification.source == NotificationSource.PARENT
    assert (notification.child, notification.entry) == (entry.child, entry)
    assert notification.payload["still_correct"] is True
    assert notification.payload["held"]["child_name"] == "Isla Moorcroft"
    row.refresh_from_db()
    assert row.used_at == at(date(2026, 10, 10))
    assert row.response == notification
    task = Task.objects.get(kind=Task.Kind.REVIEW_NOTIFICATION)
    assert (task.notification, task.entry, task.due_on) == (
        notification,
        entry,
        date(2026, 10, 24),
    )
    assert AuditEvent.objects.filter(
        object_type="notification", object_id=str(notification.pk)
    ).exists()
    # Nothing on the register itself changed.
    entry.refresh_from_db()
    assert entry.status == CaseStatus.REGISTERED
    assert list(ChildAddress.objects.values()) == addresses
    assert list(EducationArrangement.objects.values()) == arrangements


def test_a_second_answer_through_the_same_link_is_refused(sent):
    _, token = sent
    update_request_answer(
        token=token, answers=UpdateAnswers(still_correct=True), actor=public_actor()
    )

    with pytest.raises(LinkNotUsable) as refused:
        update_request_answer(
            token=token, answers=UpdateAnswers(still_correct=True), actor=public_actor()
        )
    assert refused.value.reason == "used"
    assert Notification.objects.count() == 1
    assert Task.objects.count() == 1


def test_an_expired_or_tampered_link_records_nothing(sent):
    _, token = sent
    with pytest.raises(LinkNotUsable) as tampered:
        update_request_answer(
            token=token[:-1] + ("A" if token[-1] != "A" else "B"),
            answers=UpdateAnswers(still_correct=True),
            actor=public_actor(),
        )
    assert tampered.value.reason == "unknown"
    with time_machine.travel(at(date(2026, 11, 1)), tick=False):
        with pytest.raises(LinkNotUsable) as expired:
            update_request_answer(
                token=token, answers=UpdateAnswers(still_correct=True), actor=public_actor()
            )
    assert expired.value.reason == "expired"
    assert not Notification.objects.exists()


def test_changes_are_kept_as_given_with_the_postcode_normalised(sent):
    _, token = sent
    notification = update_request_answer(
        token=token,
        answers=UpdateAnswers(
            still_correct=False,
            address_line_1="4 Quay Lane",
            town="Topsham",
            postcode="ex3 0jb",
            hours_by_parents=Decimal("18.5"),
        ),
        actor=public_actor(),
    )

    assert notification.payload["changes"] == {
        "address_line_1": "4 Quay Lane",
        "town": "Topsham",
        "postcode": "EX3 0JB",
        "hours_by_parents": "18.5",
    }


@pytest.mark.parametrize(
    ("answers", "field", "message"),
    [
        ({}, "__all__", "Tell us what has changed"),
        (
            {"address_line_1": "4 Quay Lane", "town": "Topsham", "postcode": "NOT A POSTCODE"},
            "postcode",
            "Enter a real postcode, like AA1 1AA",
        ),
        ({"town": "Topsham", "postcode": "EX3 0JB"}, "address_line_1", "Enter address line 1"),
        (
            {"hours_by_parents": Decimal("169")},
            "hours_by_parents",
            "must be 168 or fewer – there are 168 hours in a week",
        ),
        ({"anything_else": "x" * 2001}, "anything_else", "2000 characters or fewer"),
    ],
)
def test_bad_changes_are_refused_and_nothing_is_saved(sent, answers, field, message):
    row, token = sent
    with pytest.raises(ApplicationError) as refused:
        update_request_answer(
            token=token,
            answers=UpdateAnswers(still_correct=False, **answers),
            actor=public_actor(),
        )
    assert message in refused.value.errors[field][0]
    row.refresh_from_db()
    assert row.used_at is None
    assert not Notification.objects.exists()
    assert not Task.objects.exists()
