"""Provider information requests (s.436E): sending, answering, and overdue tasks."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from registers.errors import ApplicationError
from registers.intake.providers import (
    ChildAttendance,
    ProviderAnswers,
    SettingDetails,
    child_attendance_validate,
    setting_details_validate,
)
from registers.models import (
    AuditEvent,
    EducationArrangement,
    InformationRequest,
    Notification,
    OutboxMessage,
    Provider,
    Task,
)
from registers.rules.codes import NotificationKind, NotificationSource, ProviderType
from registers.selectors.links import LinkNotUsable, link_digest
from registers.services.provider_requests import (
    provider_request_send,
    provider_requests_mark_overdue,
    provider_response_submit,
)
from tests.factories import (
    AddressFactory,
    ChildFactory,
    EducationArrangementFactory,
    ProviderFactory,
    public_actor,
    staff_actor,
)
from tests.links import link_sent

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def provider_with_children(authority, *names, email="hello@forest.example") -> tuple:
    provider = ProviderFactory(
        authority=authority, name="Oakwood Forest School", email=email, address=AddressFactory()
    )
    children = [
        ChildFactory(
            authority=authority,
            first_name=first,
            last_name=last,
            date_of_birth=date(2015, 5, 3) + timedelta(days=index),
        )
        for index, (first, last) in enumerate(names)
    ]
    for child in children:
        EducationArrangementFactory(child=child, provider=provider)
    return provider, children


def send(provider, officer) -> tuple[InformationRequest, str]:
    """A request sent and its email delivered: the request, and the secret of its link."""
    information_request = provider_request_send(provider=provider, actor=staff_actor(officer))
    return information_request, link_sent(information_request)


def answers_for(children, *, setting: SettingDetails | None = None, **hours) -> ProviderAnswers:
    return ProviderAnswers(
        children=tuple(
            ChildAttendance(
                child_id=child.pk,
                attends=True,
                hours_per_week=Decimal(hours.get("total", "12.5")),
                hours_without_parent=Decimal(hours.get("without", "10")),
            )
            for child in children
        ),
        setting=setting
        or SettingDetails(
            name="Oakwood Forest School",
            provider_type=ProviderType.OUT_OF_SCHOOL_SETTING,
            address_line_1="1 Oak Lane",
            town="Exeter",
            postcode="ex1 1aa",
            email="hello@forest.example",
        ),
    )


# Sending ------------------------------------------------------------------------------------


def test_a_provider_without_an_email_address_cannot_be_sent_a_request(devon, officer):
    provider, _ = provider_with_children(devon, ("Amelia", "Brightwater"), email="")

    with pytest.raises(ApplicationError, match="has no email address"):
        provider_request_send(provider=provider, actor=staff_actor(officer))

    assert not InformationRequest.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_provider_no_child_attends_now_cannot_be_sent_a_request(devon, officer):
    provider, children = provider_with_children(devon, ("Amelia", "Brightwater"))
    EducationArrangement.objects.filter(child=children[0]).update(
        ends_on=date.today() - timedelta(days=1)
    )

    with pytest.raises(ApplicationError, match="No children on the register attend"):
        provider_request_send(provider=provider, actor=staff_actor(officer))

    assert not InformationRequest.objects.exists()
    assert not AuditEvent.objects.exists()


def test_the_request_names_only_the_children_who_attend_now(devon, cornwall, officer):
    provider, (amelia, rowan) = provider_with_children(
        devon, ("Amelia", "Brightwater"), ("Rowan", "Tregothnan")
    )
    left = ChildFactory(authority=devon)
    EducationArrangementFactory(
        child=left, provider=provider, ends_on=date.today() - timedelta(days=1)
    )
    EducationArrangementFactory(child=ChildFactory(authority=devon))  # another provider

    information_request, token = send(provider, officer)

    assert set(information_request.children.all()) == {amelia, rowan}
    assert information_request.kind == InformationRequest.Kind.PROVIDER
    assert information_request.provider == provider
    assert information_request.used_at is None
    # Only the digest is kept: the token itself is nowhere in the database.
    information_request.refresh_from_db()
    assert information_request.token_digest == link_digest(token)
    assert not InformationRequest.objects.filter(token_digest=token).exists()
    event = AuditEvent.objects.get(object_type="information_request")
    assert event.object_id == str(information_request.pk)
    assert event.actor == officer


@pytest.mark.parametrize(
    ("sent_on", "period_days", "respond_by"),
    [
        (datetime(2026, 3, 2, 9, 0), 15, date(2026, 3, 16)),
        (datetime(2026, 3, 2, 23, 30), 15, date(2026, 3, 16)),  # late evening, London time
        (datetime(2026, 12, 20, 9, 0), 15, date(2027, 1, 3)),
        (datetime(2026, 3, 2, 9, 0), 1, date(2026, 3, 2)),
    ],
)
def test_respond_by_counts_the_day_sent_as_day_one(
    devon, officer, sent_on, period_days, respond_by
):
    devon.provider_response_period_days = period_days
    devon.save()
    provider, _ = provider_with_children(devon, ("Amelia", "Brightwater"))

    with time_machine.travel(sent_on.replace(tzinfo=LONDON), tick=False):
        information_request = provider_request_send(provider=provider, actor=staff_actor(officer))

    assert information_request.respond_by == respond_by
    assert information_request.expires_at > information_request.sent_at + timedelta(days=27)


def test_the_email_goes_through_the_outbox_and_names_children_by_name_and_birth_date_only(
    devon, officer, settings
):
    settings.CNIS_PUBLIC_BASE_URL = "https://register.devon.example"
    provider, (amelia,) = provider_with_children(devon, ("Amelia", "Brightwater"))
    amelia.nhs_number = "4857773456"
    amelia.middle_names = "Rose"
    amelia.save()

    information_request, token = send(provider, officer)

    message = OutboxMessage.objects.get()
    assert message.dedupe_key == f"provider-request-{information_request.pk}"
    assert information_request.email == message
    (sent,) = mail.outbox
    assert sent.to == ["hello@forest.example"]
    body = sent.body
    assert f"https://register.devon.example/provider/{token}/" in body
    assert "- Amelia Brightwater, born 3 May 2015" in body
    assert "Rose" not in body
    assert "4857773456" not in body
    assert "section 436E" in body


# Answering ----------------------------------------------------------------------------------


def test_an_answer_is_kept_as_a_notification_and_closes_the_link(devon, officer):
    provider, (amelia, rowan) = provider_with_children(
        devon, ("Amelia", "Brightwater"), ("Rowan", "Tregothnan")
    )
    information_request, token = send(provider, officer)
    answers = ProviderAnswers(
        children=(
            ChildAttendance(
                child_id=amelia.pk,
                attends=True,
                hours_per_week=Decimal("12.5"),
                hours_without_parent=Decimal("10"),
            ),
            # "No" wins over hours typed by mistake: they are dropped, not kept.
            ChildAttendance(child_id=rowan.pk, attends=False, hours_per_week=Decimal("3")),
        ),
        setting=answers_for([]).setting,
    )

    with time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=LONDON), tick=False):
        notification = provider_response_submit(token=token, answers=answers, actor=public_actor())

    assert notification.kind == NotificationKind.PROVIDER_RESPONSE
    assert notification.source == NotificationSource.PROVIDER
    assert notification.authority == devon
    assert notification.payload["children"] == [
        {
            "child_id": str(amelia.pk),
            "name": "Amelia Brightwater",
            "date_of_birth": "2015-05-03",
            "attends": True,
            "hours_per_week": "12.5",
            "hours_without_parent": "10.0",
        },
        {
            "child_id": str(rowan.pk),
            "name": "Rowan Tregothnan",
            "date_of_birth": "2015-05-04",
            "attends": False,
            "hours_per_week": None,
            "hours_without_parent": None,
        },
    ]
    assert notification.payload["setting"]["postcode"] == "EX1 1AA"
    information_request.refresh_from_db()
    assert information_request.used_at is not None
    assert information_request.response == notification
    task = Task.objects.get(kind=Task.Kind.REVIEW_NOTIFICATION)
    assert task.notification == notification
    assert task.due_on == date(2026, 3, 16)
    event = AuditEvent.objects.get(object_type="notification")
    assert event.actor is None
    assert event.object_id == str(notification.pk)
    # Nothing on the register changes until an officer reviews the answer.
    assert EducationArrangement.objects.get(child=amelia).hours_per_week == Decimal("6.0")
    assert Provider.objects.get().name == "Oakwood Forest School"


def test_a_second_submission_makes_no_second_record(devon, officer):
    provider, children = provider_with_children(devon, ("Amelia", "Brightwater"))
    _, token = send(provider, officer)
    provider_response_submit(token=token, answers=answers_for(children), actor=public_actor())

    with pytest.raises(LinkNotUsable) as refusal:
        provider_response_submit(token=token, answers=answers_for(children), actor=public_actor())

    assert refusal.value.reason == "used"
    assert Notification.objects.count() == 1
    assert Task.objects.filter(kind=Task.Kind.REVIEW_NOTIFICATION).count() == 1


@pytest.mark.parametrize("reason", ["unknown", "expired"])
def test_an_unknown_or_expired_link_saves_nothing(devon, officer, reason):
    provider, children = provider_with_children(devon, ("Amelia", "Brightwater"))
    _, token = send(provider, officer)
    if reason == "unknown":
        token = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    else:
        InformationRequest.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    with pytest.raises(LinkNotUsable) as refusal:
        provider_response_submit(token=token, answers=answers_for(children), actor=public_actor())

    assert refusal.value.reason == reason
    assert not Notification.objects.exists()


def test_answers_that_do_not_check_save_nothing(devon, officer):
    provider, children = provider_with_children(devon, ("Amelia", "Brightwater"))
    information_request, token = send(provider, officer)

    with pytest.raises(ApplicationError) as refused:
        provider_response_submit(
            token=token,
            answers=answers_for(children, total="4", without="5"),
            actor=public_actor(),
        )

    assert refused.value.errors == {
        f"hours_without_parent_{children[0].pk.hex}": [
            "Hours without a parent present for Amelia Brightwater must be the same as or "
            "less than the total hours"
        ]
    }
    information_request.refresh_from_db()
    assert information_request.used_at is None
    assert not Notification.objects.exists()
    assert not Task.objects.exists()


def test_an_answer_must_cover_every_named_child_and_no_other(devon, officer):
    provider, children = provider_with_children(devon, ("Amelia", "Brightwater"))
    stranger = ChildFactory(authority=devon)
    _, token = send(provider, officer)

    for answered in ([], [stranger], [children[0], stranger]):
        with pytest.raises(ApplicationError, match="Answer for each child named"):
            provider_response_submit(
                token=token, answers=answers_for(answered), actor=public_actor()
            )

    assert not Notification.objects.exists()


NAME = "Amelia Brightwater"


@pytest.mark.parametrize(
    ("total", "without", "errors"),
    [
        ("0", "0", {}),
        ("168", "168", {}),
        ("12.5", "12.5", {}),
        ("12.50", "3", {}),
        (None, "3", {"hours_per_week": [f"Enter the total hours a week for {NAME}"]}),
        (
            "12",
            None,
            {"hours_without_parent": [f"Enter the hours without a parent present for {NAME}"]},
        ),
        ("-0.5", "0", {"hours_per_week": [f"Total hours a week for {NAME} must be 0 or more"]}),
        (
            "168.1",
            "3",
            {
                "hours_per_week": [
                    f"Total hours a week for {NAME} must be 168 or fewer – there are 168 "
                    "hours in a week"
                ]
            },
        ),
        (
            "12.25",
            "3",
            {
                "hours_per_week": [
                    f"Total hours a week for {NAME} can have up to one decimal place, like 7.5"
                ]
            },
        ),
        (
            "10",
            "10.1",
            {
                "hours_without_parent": [
                    f"Hours without a parent present for {NAME} must be the same as or less "
                    "than the total hours"
                ]
            },
        ),
        (
            "10",
            "-1",
            {
                "hours_without_parent": [
                    f"Hours without a parent present for {NAME} must be 0 or more"
                ]
            },
        ),
    ],
)
def test_hours_are_checked_within_a_week_and_without_a_parent_within_the_total(
    total, without, errors
):
    attendance = ChildAttendance(
        child_id=None,
        attends=True,
        hours_per_week=None if total is None else Decimal(total),
        hours_without_parent=None if without is None else Decimal(without),
    )

    if errors:
        with pytest.raises(ApplicationError) as refused:
            child_attendance_validate(child_name=NAME, attendance=attendance)
        assert refused.value.errors == errors
    else:
        checked = child_attendance_validate(child_name=NAME, attendance=attendance)
        assert checked.hours_per_week == Decimal(total)


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"website": "https://oakwood.example"}, {}),
        (
            {},
            {
                "address_line_1": [
                    "Enter the address of your setting, or its website if you teach only online"
                ]
            },
        ),
        (
            {"address_line_1": "1 Oak Lane", "postcode": "EX1 1AA"},
            {"town": ["Enter town or city"]},
        ),
        (
            {"address_line_1": "1 Oak Lane", "town": "Exeter", "postcode": "EX1"},
            {"postcode": ["Enter a real postcode, like AA1 1AA"]},
        ),
        (
            {"website": "https://oakwood.example", "provider_type": "castle"},
            {"provider_type": ["Select the type of setting"]},
        ),
    ],
)
def test_a_setting_needs_an_address_or_a_website(fields, errors):
    details = SettingDetails(
        **{
            "name": "Oakwood",
            "provider_type": ProviderType.TUTOR,
            "email": "hello@forest.example",
            **fields,
        }
    )

    if errors:
        with pytest.raises(ApplicationError) as refused:
            setting_details_validate(details=details)
        assert refused.value.errors == errors
    else:
        assert setting_details_validate(details=details).website == "https://oakwood.example"


# Overdue ------------------------------------------------------------------------------------


def test_each_unanswered_request_past_its_date_gets_one_overdue_task(devon, officer):
    provider, children = provider_with_children(devon, ("Amelia", "Brightwater"))
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=LONDON), tick=False):
        late = provider_request_send(provider=provider, actor=staff_actor(officer))
        answered, answered_token = send(provider, officer)
        provider_response_submit(
            token=answered_token, answers=answers_for(children), actor=public_actor()
        )
    with time_machine.travel(datetime(2026, 3, 10, 9, 0, tzinfo=LONDON), tick=False):
        not_yet_due = provider_request_send(provider=provider, actor=staff_actor(officer))

    # 16 March was the last day to answer the first two; the third is due on 24 March.
    assert provider_requests_mark_overdue(today=date(2026, 3, 16)) == 0
    assert provider_requests_mark_overdue(today=date(2026, 3, 17)) == 1
    assert provider_requests_mark_overdue(today=date(2026, 3, 18)) == 0

    task = Task.objects.get(kind=Task.Kind.PROVIDER_RESPONSE_OVERDUE)
    assert task.authority == devon
    assert task.due_on == date(2026, 3, 17)
    assert task.information_request == late
    assert "Oakwood Forest School has not answered" in task.details
    assert provider_requests_mark_overdue(today=date(2026, 3, 25)) == 1
    assert Task.objects.filter(
        kind=Task.Kind.PROVIDER_RESPONSE_OVERDUE, information_request=not_yet_due
    ).exists()
    assert not Task.objects.filter(information_request=answered).exists()


def test_a_late_answer_closes_the_overdue_task(devon, officer):
    provider, children = provider_with_children(devon, ("Amelia", "Brightwater"))
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=LONDON), tick=False):
        _, token = send(provider, officer)
    provider_requests_mark_overdue(today=date(2026, 3, 17))

    with time_machine.travel(datetime(2026, 3, 18, 9, 0, tzinfo=LONDON), tick=False):
        provider_response_submit(token=token, answers=answers_for(children), actor=public_actor())

    task = Task.objects.get(kind=Task.Kind.PROVIDER_RESPONSE_OVERDUE)
    assert task.status == Task.Status.DONE
    assert task.completed_at is not None
