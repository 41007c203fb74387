"""A child's record has pages under one identity bar; its timeline lists what happened, newest
first, with who did it; each page is audited as a read of the child."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from registers.models import AuditEvent, InformationRequest, Notification
from registers.rules.codes import CaseStatus, NotificationKind, NotificationSource
from registers.services.cases import register_entry_transition
from tests.factories import child_with_record, staff_actor

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return re.findall(r'<h3 class="moj-timeline__title">(.*?)</h3>', response.content.decode())


def timeline_url(child) -> str:
    return reverse("staff:child-timeline", kwargs={"child_id": child.pk})


def a_change_reported(child, *, at) -> None:
    entry = child.entries.get()
    Notification.objects.create(
        authority=child.authority,
        kind=NotificationKind.CHANGE_OF_CIRCUMSTANCES,
        source=NotificationSource.PARENT,
        idempotency_key=f"change-{child.pk.hex[:12]}-{at.timestamp()}",
        reference=entry.reference,
        payload={"details": "We have moved"},
        received_at=at,
        child=child,
        entry=entry,
    )


def test_the_timeline_shows_what_happened_newest_first_and_who_did_it(
    officer_client, officer, devon
):
    child = child_with_record(authority=devon)
    entry = child.entries.get()
    now = timezone.now()
    a_change_reported(child, at=now - timedelta(days=3))
    register_entry_transition(
        entry=entry,
        to_status=CaseStatus.ENQUIRY,
        reason="The parent has not said how the child is taught",
        actor=staff_actor(officer),
        expected_version=entry.version,
        occurred_at=now - timedelta(days=1),
    )

    response = officer_client.get(timeline_url(child))

    assert response.status_code == 200
    assert titles(response) == [
        "Status: Enquiry",
        "Change of circumstances received",
    ]
    content = response.content.decode()
    assert f"by {officer}" in content
    assert "The parent has not said how the child is taught" in content
    assert child.full_name in content
    assert entry.reference in content


def test_every_page_of_the_record_carries_the_identity_bar_and_its_tabs(officer_client, devon):
    child = child_with_record(authority=devon)

    for url, current in (
        (reverse("staff:child", kwargs={"child_id": child.pk}), "Record"),
        (timeline_url(child), "Timeline"),
    ):
        content = officer_client.get(url).content.decode()
        assert 'class="moj-identity-bar"' in content
        assert re.findall(r'aria-current="page">(.*?)</a>', content) == [current]


def test_reading_the_timeline_leaves_one_audit_row_naming_the_child(
    officer_client, officer, devon
):
    child = child_with_record(authority=devon)

    officer_client.get(timeline_url(child))

    (event,) = AuditEvent.objects.filter(action=AuditEvent.Action.VIEW)
    assert (event.actor_id, event.outcome, event.children) == (
        officer.pk,
        AuditEvent.Outcome.ALLOWED,
        [str(child.pk)],
    )
    assert "identity" in event.categories


def test_another_las_child_has_no_timeline(officer_client, cornwall):
    theirs = child_with_record(authority=cornwall)

    response = officer_client.get(timeline_url(theirs))

    assert response.status_code == 404
    assert theirs.full_name not in response.content.decode()
    (event,) = AuditEvent.objects.filter(action=AuditEvent.Action.VIEW)
    assert (event.outcome, event.object_id) == (AuditEvent.Outcome.DENIED, str(theirs.pk))


def test_the_timeline_runs_the_same_statements_however_long_it_is(officer_client, devon):
    short = child_with_record(authority=devon)
    long = child_with_record(authority=devon)
    now = timezone.now()
    for n in range(6):
        a_change_reported(long, at=now - timedelta(hours=n + 1))
        request = InformationRequest.objects.create(
            authority=devon,
            kind=InformationRequest.Kind.PARENT_UPDATE,
            entry=long.entries.get(),
            sent_at=now - timedelta(hours=n),
            respond_by=now.date(),
            expires_at=now,
        )
        request.children.add(long)

    counts = []
    for child in (short, long):
        with CaptureQueriesContext(connection) as queries:
            assert officer_client.get(timeline_url(child)).status_code == 200
        counts.append(len(queries))

    assert len(titles(officer_client.get(timeline_url(long)))) == 12
    # The record's reads, then one statement for each kind of event the officer may see.
    assert counts[0] == counts[1] <= 15
