"""Officers send an update request from the child record (s.436D)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from registers.models import InformationRequest, Notification, Person
from registers.rules.codes import NotificationKind, NotificationSource
from tests.factories import child_with_record

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(datetime(2026, 10, 3, 10, tzinfo=LONDON), tick=False):
        yield


@pytest.fixture
def entry(devon):
    child = child_with_record(authority=devon, first_name="Isla", last_name="Moorcroft")
    entry = child.entries.get()
    entry.registered_on = date(2026, 6, 1)
    entry.save()
    return entry


def send_url(entry) -> str:
    return reverse("staff:update-request-send", kwargs={"entry_id": entry.pk})


def test_the_button_sends_a_request_and_the_record_lists_it(officer_client, officer, entry):
    record = officer_client.get(reverse("staff:child", kwargs={"child_id": entry.child_id}))
    assert "Send an update request" in record.content.decode()

    response = officer_client.post(send_url(entry), follow=True)

    content = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse(
        "staff:child", kwargs={"child_id": entry.child_id}
    )
    assert "Update request sent. The parents are asked to answer by 17 October 2026" in content
    sent = InformationRequest.objects.get()
    assert (sent.entry, sent.created_by) == (entry, officer)
    assert "3 October 2026" in content
    assert "Waiting" in content


def test_too_soon_shows_the_reason_and_sends_nothing(officer_client, entry):
    officer_client.post(send_url(entry))

    response = officer_client.post(send_url(entry), follow=True)

    assert (
        "An update request was sent on 3 October 2026. The next one can be sent from "
        "3 January 2027" in response.content.decode()
    )
    assert InformationRequest.objects.count() == 1


def test_another_las_entry_is_not_found(officer_client, cornwall):
    theirs = child_with_record(authority=cornwall).entries.get()

    for method in (officer_client.get, officer_client.post):
        response = method(send_url(theirs))
        assert response.status_code == 404
    assert not InformationRequest.objects.exists()


def test_only_a_post_sends(officer_client, entry):
    response = officer_client.get(send_url(entry))

    assert response.status_code == 405
    assert not InformationRequest.objects.exists()


def test_the_record_lists_notifications_escaped_with_their_review_state(officer_client, entry):
    Notification.objects.create(
        authority=entry.authority,
        kind=NotificationKind.CHANGE_OF_CIRCUMSTANCES,
        source=NotificationSource.PARENT,
        idempotency_key="change-1",
        reference="<b>REF</b>",
        payload={},
        received_at=timezone.now(),
        child=entry.child,
        entry=entry,
    )

    content = officer_client.get(
        reverse("staff:child", kwargs={"child_id": entry.child_id})
    ).content.decode()

    assert "Change of circumstances" in content
    assert "3 October 2026" in content
    assert "&lt;b&gt;REF&lt;/b&gt;" in content
    assert "To review" in content


def offer(officer_client, entry) -> str:
    """What the record's update request section offers: the button, or why not and when."""
    content = officer_client.get(
        reverse("staff:child", kwargs={"child_id": entry.child_id})
    ).content.decode()
    section = content.split('<h2 class="govuk-heading-m">Update requests</h2>', 1)[1]
    section = section.split("<h2", 1)[0]
    if "Send an update request<span" in section:
        return "button"
    return section.split('<p class="govuk-body">')[-1].split("</p>")[0]


@pytest.mark.parametrize(
    ("registered_on", "status", "email", "offered"),
    [
        (date(2026, 7, 3), "registered", True, "button"),  # 3 months ago today: allowed
        (
            date(2026, 7, 4),
            "registered",
            True,
            "The child was entered on the register on 4 July 2026. The first update request "
            "can be sent from 4 October 2026.",
        ),
        (date(2025, 1, 1), "suitable_monitoring", True, "button"),
        (
            date(2025, 1, 1),
            "eligibility_check",
            True,
            "An update request can only be sent while the child is on the register.",
        ),
        (
            date(2025, 1, 1),
            "registered",
            False,
            "There is no email address for the child&#x27;s parents – add one to a parent "
            "before sending an update request.",
        ),
    ],
)
def test_the_record_offers_the_button_exactly_when_the_rules_allow(
    officer_client, entry, registered_on, status, email, offered
):
    entry.registered_on = registered_on
    entry.status = status
    entry.save()
    if not email:
        Person.objects.filter(relationships__child=entry.child).update(email="")

    assert offer(officer_client, entry) == offered
    sent = officer_client.post(send_url(entry))
    assert sent.status_code == 302
    assert InformationRequest.objects.exists() == (offered == "button")


def test_after_a_request_the_record_says_when_the_next_may_go(officer_client, entry):
    officer_client.post(send_url(entry))

    assert offer(officer_client, entry) == (
        "An update request was sent on 3 October 2026. The next one can be sent from "
        "3 January 2027."
    )
