"""Officers send an update request from the child record (s.436D)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from registers.models import InformationRequest, Notification
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
