"""One intake for every door: the parent's web answers and an API's plain data, telling the
register the same thing, make the same register rows."""

from datetime import date

import pytest
import time_machine

from registers.intake.notification import notification_details_validate
from registers.models import (
    ChildAddress,
    ChildPerson,
    EducationArrangement,
    Notification,
    OutboxMessage,
    Task,
)
from registers.public.notify.details import notification_data as web_notification_data
from registers.rules.codes import NotificationSource
from registers.services.notifications import notification_submit
from tests.factories import public_actor
from tests.intake import ELSEWHERE, HOME, notification_data, parent_data, provider_data
from tests.public import complete_answers, parent_answers, provider_answers

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


def web_answers() -> dict:
    """The journey's answers, page by page, as the parent's session holds them."""
    return complete_answers(
        parents=[
            parent_answers(1, educates=False),
            parent_answers(
                2,
                first_name="Sam",
                relationship="foster_carer",
                address=ELSEWHERE,
                email="",
                phone="07700 900982",
            ),
        ],
        providers=[
            provider_answers(1),
            provider_answers(2, name="Forest School", address=HOME, hours="10.5"),
        ],
        moved_in=(2026, 6),
        previous_address=ELSEWHERE,
        additional_address={**ELSEWHERE, "line_1": "9 Mill Street"},
        reason="mental_health",
        sen="ehc_plan",
        wants_support=True,
    )


def api_data() -> dict:
    """The same notification as an LA system would send it to the API."""
    return notification_data(
        parents=[
            parent_data(educates=False),
            parent_data(
                first_name="Sam",
                relationship="foster_carer",
                address=ELSEWHERE,
                email="",
                phone="07700 900982",
            ),
        ],
        providers=[
            provider_data(),
            provider_data(name="Forest School", address=HOME, hours="10.5"),
        ],
        lived_since=(2026, 6),
        previous_address=ELSEWHERE,
        additional_address={**ELSEWHERE, "line_1": "9 Mill Street"},
        primary_reason="mental_health",
        sen_provision="ehc_plan",
        wants_support=True,
    )


def submitted(authority, data: dict) -> Notification:
    return notification_submit(
        authority=authority,
        details=notification_details_validate(data, today=TODAY),
        source=NotificationSource.PARENT,
        idempotency_key="door-key",
        actor=public_actor(),
    )


def register_rows(notification: Notification) -> dict:
    """What the register holds after a notification, without ids, references or times."""
    child, entry = notification.child, notification.entry
    return {
        "child": (
            child.first_name,
            child.last_name,
            child.date_of_birth,
            child.sex,
            child.sen_provision,
        ),
        "addresses": sorted(
            (held.kind, str(held.address), held.lived_from, held.lived_until)
            for held in ChildAddress.objects.filter(child=child).select_related("address")
        ),
        "parents": [
            (
                link.person.first_name,
                link.relationship,
                link.has_parental_responsibility,
                link.provides_education,
                link.is_main_contact,
                link.person.email,
                link.person.phone,
                str(link.person.address),
            )
            for link in ChildPerson.objects.filter(child=child)
            .select_related("person__address")
            .order_by("id")
        ],
        "education": [
            (
                arrangement.provider.name if arrangement.provider else None,
                str(arrangement.provider.address or "") if arrangement.provider else "",
                arrangement.provider.website if arrangement.provider else "",
                arrangement.educator.first_name if arrangement.educator else None,
                arrangement.hours_per_week,
                arrangement.hours_without_parent,
            )
            for arrangement in EducationArrangement.objects.filter(child=child)
            .select_related("provider__address", "educator")
            .order_by("id")
        ],
        "entry": (
            entry.status,
            entry.source,
            entry.primary_reason,
            entry.previous_school_name,
            entry.previous_school_type,
            entry.still_on_roll,
            entry.notified_on,
        ),
        "transitions": list(entry.transitions.values_list("from_status", "to_status")),
        "tasks": sorted(Task.objects.filter(entry=entry).values_list("kind", "due_on", "details")),
        "payload": notification.payload,
        "email": list(
            OutboxMessage.objects.filter(
                dedupe_key=f"notification-confirmation-{notification.pk}"
            ).values_list("payload__to", flat=True)
        ),
    }


def test_the_web_journey_and_the_api_make_the_same_register_rows(devon, cornwall):
    # Two LAs, so that neither notification is the other's possible duplicate.
    from_the_web = submitted(devon, web_notification_data(web_answers()))
    from_an_api = submitted(cornwall, api_data())

    web_rows, api_rows = register_rows(from_the_web), register_rows(from_an_api)

    assert web_rows == api_rows
    assert web_rows["parents"][1][:3] == ("Sam", "foster_carer", False)
    assert len(web_rows["education"]) == 3
    assert {kind for kind, _, _ in web_rows["tasks"]} == {
        Task.Kind.CONSIDER_LIVING_SITUATION,
        Task.Kind.SUPPORT_REQUEST,
    }
