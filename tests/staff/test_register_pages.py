"""The register list and the child record: what an officer sees, audit, query counts (P1, P2)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from registers.models import (
    AuditEvent,
    Child,
    ChildSafeguarding,
    InformationRequest,
    Notification,
    RegisterEntry,
)
from registers.rules.codes import CaseStatus, NotificationKind, NotificationSource, Regime
from tests.conftest import sign_in_fully
from tests.factories import (
    ChildAddressFactory,
    ChildPersonFactory,
    EducationArrangementFactory,
    StaffUserFactory,
    child_with_record,
    staff_actor,
)

pytestmark = pytest.mark.django_db


def _register_children(authority, count: int, *, start: int = 0) -> None:
    numbers = range(start, start + count)
    children = Child.objects.bulk_create(
        Child(
            authority=authority,
            first_name=f"Child{n}",
            last_name=f"Family{n:05d}",
            date_of_birth=date.today() - timedelta(days=2500 + n),
        )
        for n in numbers
    )
    RegisterEntry.objects.bulk_create(
        RegisterEntry(
            authority=authority,
            child=child,
            reference=f"BULK-{n:05d}",
            status=CaseStatus.REGISTERED,
            regime=Regime.EHE_2019,
            source=NotificationSource.PARENT,
            notified_on=date.today(),
        )
        for n, child in zip(numbers, children, strict=True)
    )


def _notification_and_requests(child, provider, n: int) -> None:
    """A notification about the child, an update request on its entry and a provider request."""
    now = timezone.now()
    entry = child.entries.get()
    Notification.objects.create(
        authority=child.authority,
        kind=NotificationKind.CHANGE_OF_CIRCUMSTANCES,
        source=NotificationSource.PARENT,
        idempotency_key=f"change-{child.pk}-{n}",
        reference=entry.reference,
        payload={"details": "We have moved"},
        received_at=now,
        child=child,
        entry=entry,
    )
    for kind, fields in (
        (InformationRequest.Kind.PARENT_UPDATE, {"entry": entry}),
        (InformationRequest.Kind.PROVIDER, {"provider": provider}),
    ):
        request = InformationRequest.objects.create(
            authority=child.authority,
            kind=kind,
            sent_at=now,
            respond_by=now.date(),
            expires_at=now,
            token_digest=f"{kind}-{child.pk}-{n}",
            **fields,
        )
        request.children.add(child)


def _queries_for(client, url: str) -> int:
    """SQL statements a page runs, not counting the savepoints that exist only because each
    test runs inside a transaction (in production those blocks are BEGIN and COMMIT)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return sum(
        1 for query in queries if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    )


def test_register_list_query_count_does_not_grow_with_the_register(officer_client, devon):
    url = reverse("staff:register")
    _register_children(devon, 10)
    with_ten = _queries_for(officer_client, url)

    _register_children(devon, 990, start=10)
    with_a_thousand = _queries_for(officer_client, url)
    on_a_later_page = _queries_for(officer_client, url + "?page=15")

    assert RegisterEntry.objects.filter(authority=devon).count() == 1000
    assert with_ten == with_a_thousand == on_a_later_page
    assert with_a_thousand <= 8


def test_register_list_pages_through_the_register(officer_client, devon, settings):
    settings.CNIS_REGISTER_PAGE_SIZE = 10
    _register_children(devon, 25)

    first = officer_client.get(reverse("staff:register"))
    last = officer_client.get(reverse("staff:register") + "?page=3")

    assert b"25 entries" in first.content
    assert len(first.context["page"].object_list) == 10
    assert len(last.context["page"].object_list) == 5
    assert b'aria-label="Page 3"' in first.content


def test_child_record_shows_the_record(officer_client, devon):
    child = child_with_record(authority=devon, first_name="Amelia", last_name="Brightwater")

    response = officer_client.get(reverse("staff:child", kwargs={"child_id": child.pk}))

    content = response.content.decode()
    assert "Amelia Brightwater" in content
    assert child.entries.get().reference in content
    assert "Forest School" in content
    assert "hours a week" in content


def test_each_record_view_leaves_exactly_one_audit_row(officer_client, officer, devon):
    child = child_with_record(authority=devon)
    url = reverse("staff:child", kwargs={"child_id": child.pk})

    officer_client.get(url)
    officer_client.get(url)

    events = AuditEvent.objects.filter(object_type="child", object_id=str(child.pk))
    assert events.count() == 2
    event = events.first()
    assert event.actor_id == officer.pk
    assert event.authority_id == devon.pk
    assert event.action == AuditEvent.Action.VIEW
    assert event.outcome == AuditEvent.Outcome.ALLOWED
    assert len(event.request_id) == 32
    assert event.ip_address == "127.0.0.1"
    assert "safeguarding" not in event.categories
    assert event.children == [str(child.pk)]


def test_child_record_query_count_does_not_grow_with_the_record(officer_client, devon):
    small = child_with_record(authority=devon)
    large = child_with_record(authority=devon)
    for n in range(4):
        ChildPersonFactory(child=large)
        arrangement = EducationArrangementFactory(child=large)
        ChildAddressFactory(child=large, kind="additional")
        _notification_and_requests(large, arrangement.provider, n)

    small_count = _queries_for(
        officer_client, reverse("staff:child", kwargs={"child_id": small.pk})
    )
    large_count = _queries_for(
        officer_client, reverse("staff:child", kwargs={"child_id": large.pk})
    )

    assert small_count == large_count
    # P2: session, officer, device, the child with its entries, addresses, parents, education,
    # notifications, requests (update and provider, in one statement) and the audit insert.
    # The session is saved only when its idle expiry is due for renewal (cnis.middleware).
    assert large_count <= 10


def test_safeguarding_is_shown_only_to_cleared_staff(client, officer, devon):
    child = child_with_record(authority=devon)
    ChildSafeguarding.objects.create(child=child, child_protection_plan="current")
    url = reverse("staff:child", kwargs={"child_id": child.pk})

    uncleared = sign_in_fully(client, officer).get(url)
    assert b"Child protection plan" not in uncleared.content

    lead = StaffUserFactory(authority=devon, can_view_safeguarding=True)
    cleared = sign_in_fully(client, lead).get(url)
    assert b"Child protection plan" in cleared.content
    event = AuditEvent.objects.filter(actor=lead).latest("occurred_at")
    assert "safeguarding" in event.categories


def test_staff_pages_are_not_cached_and_carry_security_headers(officer_client, devon):
    child = child_with_record(authority=devon)

    response = officer_client.get(reverse("staff:child", kwargs={"child_id": child.pk}))

    assert response["Cache-Control"] == "no-store"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Content-Security-Policy"]
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
        assert directive in policy
    assert "unsafe-inline" not in policy


# Archived records are kept for the history, not shown ------------------------------------------


def test_an_archived_child_is_not_on_the_register(officer_client, officer, devon):
    child_with_record(authority=devon, last_name="Ashburton")
    archived = child_with_record(authority=devon, last_name="Moretonhampstead")
    archived.archive(actor=staff_actor(officer), reason="Recorded twice")

    response = officer_client.get(reverse("staff:register"))

    assert b"Ashburton" in response.content
    assert b"Moretonhampstead" not in response.content
    assert b"1 entry" in response.content


def test_an_archived_entry_is_not_on_the_register(officer_client, officer, devon):
    child = child_with_record(authority=devon, last_name="Moretonhampstead")
    child.entries.get().archive(actor=staff_actor(officer), reason="Opened in error")

    response = officer_client.get(reverse("staff:register"))

    assert b"Moretonhampstead" not in response.content
    assert response.context["page"].paginator.count == 0


def test_an_archived_childs_record_is_not_found_and_the_refusal_audited(
    officer_client, officer, devon
):
    child = child_with_record(authority=devon, last_name="Moretonhampstead")
    child.archive(actor=staff_actor(officer), reason="Recorded twice")

    response = officer_client.get(reverse("staff:child", kwargs={"child_id": child.pk}))

    assert response.status_code == 404
    assert b"Moretonhampstead" not in response.content
    event = AuditEvent.objects.get(object_type="child", object_id=str(child.pk))
    assert event.outcome == AuditEvent.Outcome.DENIED


def test_archived_addresses_and_arrangements_are_not_on_the_record(officer_client, officer, devon):
    child = child_with_record(authority=devon)
    wrong = ChildAddressFactory(child=child, kind="additional", address__line_1="1 Wrong Lane")
    wrong.archive(actor=staff_actor(officer), reason="Typed in error")
    ended = EducationArrangementFactory(child=child, provider__name="Closed Academy")
    ended.archive(actor=staff_actor(officer), reason="Recorded for the wrong child")

    content = officer_client.get(
        reverse("staff:child", kwargs={"child_id": child.pk})
    ).content.decode()

    assert "1 Wrong Lane" not in content
    assert "Closed Academy" not in content
    assert "Forest School" in content


def test_a_child_whose_entries_are_all_archived_still_has_a_record(officer_client, officer, devon):
    child = child_with_record(authority=devon, first_name="Amelia", last_name="Brightwater")
    entry = child.entries.get()
    entry.archive(actor=staff_actor(officer), reason="Opened in error")

    response = officer_client.get(reverse("staff:child", kwargs={"child_id": child.pk}))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Amelia Brightwater" in content
    assert entry.reference not in content
