"""Items for the review queue, each made by the service its sender's door calls: a notification,
an answer to an update request, a reported change, a provider's answer, a request for support."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from registers.intake.changes import ChangeKind, ChangeReport
from registers.intake.notification import notification_details_validate
from registers.intake.providers import ChildAttendance, ProviderAnswers, SettingDetails
from registers.intake.support import SupportRequestDetails
from registers.intake.updates import UpdateAnswers
from registers.models import Child, LocalAuthority, Notification, RegisterEntry
from registers.rules.codes import NotificationSource, ProviderType
from registers.services.changes import change_report_submit, support_request_submit
from registers.services.notifications import notification_submit
from registers.services.provider_requests import provider_request_send, provider_response_submit
from registers.services.update_requests import update_request_answer, update_request_send
from tests.factories import (
    AddressFactory,
    EducationArrangementFactory,
    ProviderFactory,
    entry_asked_for_updates,
    public_actor,
    staff_actor,
)
from tests.intake import notification_data
from tests.links import link_sent

NEW_HOME = {
    "address_line_1": "4 Harbour Row",
    "town": "Exmouth",
    "postcode": "EX8 1BB",
}


def notified(authority: LocalAuthority, *, key: str = "review-journey-1", **data) -> Notification:
    """A parent's notification that Amelia Brightwater is not in school."""
    return notification_submit(
        authority=authority,
        details=notification_details_validate(
            notification_data(**data), today=timezone.localdate()
        ),
        source=NotificationSource.PARENT,
        idempotency_key=key,
        actor=public_actor(),
    )


def isla(authority: LocalAuthority) -> RegisterEntry:
    """Isla Moorcroft, on the register for over six months, whose parent has an email."""
    return entry_asked_for_updates(
        authority=authority, registered_on=timezone.localdate() - timedelta(days=200)
    )


def change_reported(
    entry: RegisterEntry, *, kind: ChangeKind = ChangeKind.MOVING_IN_AREA, **answers
) -> Notification:
    """A parent's report of a change, matched to the entry (a move, unless told otherwise)."""
    given = {
        ChangeKind.MOVING_IN_AREA: {
            **NEW_HOME,
            "moving_on": timezone.localdate() - timedelta(days=3),
        },
        ChangeKind.LEAVING_AREA: {"moving_on": timezone.localdate() + timedelta(days=10)},
        ChangeKind.RETURNING_TO_SCHOOL: {
            "school_name": "Exeter Primary",
            "school_from": timezone.localdate() + timedelta(days=10),
        },
        ChangeKind.OTHER: {"details": "We have a new dog"},
    }[kind] | answers
    return change_report_submit(
        authority=entry.authority,
        report=ChangeReport(
            reference=entry.reference,
            date_of_birth=entry.child.date_of_birth,
            kind=kind,
            **given,
        ),
        idempotency_key=f"change-{entry.pk}-{kind}",
        actor=public_actor(),
    )


def update_answered(entry: RegisterEntry, officer, **changes) -> Notification:
    """The parents' answer to an update request: a new address and 25 hours a week."""
    sent = update_request_send(entry=entry, actor=staff_actor(officer))
    answers = (
        UpdateAnswers(still_correct=False, **changes)
        if changes
        else UpdateAnswers(still_correct=False, **NEW_HOME, hours_by_parents=Decimal("25"))
    )
    return update_request_answer(token=link_sent(sent), answers=answers, actor=public_actor())


def provider_answered(
    authority: LocalAuthority,
    children: list[Child],
    officer,
    *,
    hours: str = "15",
    without: str = "9",
) -> Notification:
    """Oakwood Forest School's answer: each child attends `hours` a week."""
    provider = ProviderFactory(
        authority=authority,
        name="Oakwood Forest School",
        email="hello@forest.example",
        address=AddressFactory(),
    )
    for child in children:
        EducationArrangementFactory(child=child, provider=provider)
    sent = provider_request_send(provider=provider, actor=staff_actor(officer))
    answers = ProviderAnswers(
        children=tuple(
            ChildAttendance(
                child_id=child.pk,
                attends=True,
                hours_per_week=Decimal(hours),
                hours_without_parent=Decimal(without),
            )
            for child in children
        ),
        setting=SettingDetails(
            name="Oakwood Forest School",
            provider_type=ProviderType.OUT_OF_SCHOOL_SETTING,
            address_line_1="1 Oak Lane",
            town="Exeter",
            postcode="EX1 1AA",
            email="hello@forest.example",
        ),
    )
    return provider_response_submit(token=link_sent(sent), answers=answers, actor=public_actor())


def support_requested(authority: LocalAuthority, *, key: str = "support-1") -> Notification:
    return support_request_submit(
        authority=authority,
        details=SupportRequestDetails(
            name="Jo Moorcroft",
            email="jo@family.example",
            child_name="Isla Moorcroft",
            support_wanted="Advice on GCSE exam centres",
        ),
        idempotency_key=key,
        actor=public_actor(),
    )
