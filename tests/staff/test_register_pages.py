"""The register list and the child record: what an officer sees, audit, query counts (P1, P2)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from registers.models import (
    AuditEvent,
    ChildSafeguarding,
    InformationRequest,
    Notification,
    RegisterEntry,
)
from registers.rules.codes import NotificationKind, NotificationSource
from tests.conftest import sign_in_fully
from tests.factories import (
    ChildAddressFactory,
    ChildPersonFactory,
    EducationArrangementFactory,
    StaffUserFactory,
    child_with_record,
    children_registered_in_bulk,
    staff_actor,
)

pytestmark = pytest.mark.django_db


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


def _families(response) -> list[int]:
    """The numbers of the children listed on a register page, in the order shown."""
    return [int(n) for n in re.findall(r"Family(\d{5}), Child", response.content.decode())]


def _link(response, text: str) -> str | None:
    """The address of a pagination link, found by its text as a person finds it."""
    found = re.search(
        rf'href="([^"]*)"[^>]*>\s*(?:<svg.*?</svg>\s*)?(?:<span[^>]*>)?{text}',
        response.content.decode(),
        re.DOTALL,
    )
    return found.group(1).replace("&amp;", "&") if found else None


def test_register_list_query_count_does_not_grow_with_the_register(
    officer_client, devon, django_assert_max_num_queries
):
    url = reverse("staff:register")
    children_registered_in_bulk(devon, 10)

    def statements(address: str) -> int:
        # P1, every statement of the request: session, officer, device, the count, the page,
        # the audit row, and the savepoint and its release (the read's transaction, nested in
        # the test's).
        with django_assert_max_num_queries(8) as captured:
            assert officer_client.get(address).status_code == 200
        return len(captured.captured_queries)

    with_ten = statements(url)
    children_registered_in_bulk(devon, 990, start=10)
    with_a_thousand = statements(url)
    on_the_last_page = statements(url + "?page=last")
    last_page = officer_client.get(url + "?page=last")
    on_the_page_before_it = statements(_link(last_page, "Previous"))

    assert RegisterEntry.objects.filter(authority=devon).count() == 1000
    assert _families(last_page)[-1] == 999
    assert with_ten == with_a_thousand == on_the_last_page == on_the_page_before_it


def test_register_list_pages_through_the_register(officer_client, devon, settings):
    settings.CNIS_REGISTER_PAGE_SIZE = 10
    children_registered_in_bulk(devon, 25)

    first = officer_client.get(reverse("staff:register"))
    second = officer_client.get(_link(first, "Next"))
    third = officer_client.get(_link(second, "Next"))
    back_to_second = officer_client.get(_link(third, "Previous"))

    assert b"25 entries" in first.content
    assert _families(first) == list(range(10))
    assert _link(first, "Previous") is None
    assert _families(second) == list(range(10, 20))
    assert _families(third) == list(range(20, 25))
    assert _link(third, "Next") is None
    assert _families(back_to_second) == list(range(10, 20))


def test_the_last_page_is_one_link_away_and_a_whole_page(officer_client, devon, settings):
    settings.CNIS_REGISTER_PAGE_SIZE = 10
    children_registered_in_bulk(devon, 25)

    last = officer_client.get(_link(officer_client.get(reverse("staff:register")), "Last page"))
    before_last = officer_client.get(_link(last, "Previous"))
    start = officer_client.get(_link(before_last, "Previous"))

    assert _families(last) == list(range(15, 25))
    assert _link(last, "Next") is None
    assert b"25 entries" in last.content
    assert _families(before_last) == list(range(5, 15))
    # Going back past the start shows the first page, whole.
    assert _families(start) == list(range(10))
    assert _link(start, "Previous") is None


def test_children_notified_on_one_day_are_each_listed_once(officer_client, devon, settings):
    settings.CNIS_REGISTER_PAGE_SIZE = 10
    children_registered_in_bulk(devon, 25, per_day=25)

    shown, page = [], officer_client.get(reverse("staff:register"))
    while True:
        shown += _families(page)
        if _link(page, "Next") is None:
            break
        page = officer_client.get(_link(page, "Next"))
    backwards, page = [], officer_client.get(reverse("staff:register") + "?page=last")
    while True:
        backwards = _families(page) + backwards
        if _link(page, "Previous") is None:
            break
        page = officer_client.get(_link(page, "Previous"))

    assert sorted(shown) == list(range(25))
    # The first page reached going back is a whole page, so it may repeat what follows it.
    assert list(dict.fromkeys(backwards)) == shown


def test_each_page_of_the_register_leaves_one_audit_row_naming_its_children(
    officer_client, officer, devon, settings
):
    settings.CNIS_REGISTER_PAGE_SIZE = 10
    children = children_registered_in_bulk(devon, 15)
    url = reverse("staff:register")

    officer_client.get(url)
    officer_client.get(url + "?page=last")

    first, last = AuditEvent.objects.filter(object_type="register").order_by("occurred_at", "id")
    assert first.children == [str(child.pk) for child in children[:10]]
    assert last.children == [str(child.pk) for child in children[5:]]
    assert (first.actor_id, first.authority_id, first.action, first.outcome) == (
        officer.pk,
        devon.pk,
        AuditEvent.Action.VIEW,
        AuditEvent.Outcome.ALLOWED,
    )
    assert first.categories == ["education", "identity"]


def test_a_page_placed_by_another_las_entry_shows_none_of_their_children(
    officer_client, devon, cornwall
):
    children_registered_in_bulk(devon, 3)
    theirs = child_with_record(authority=cornwall, last_name="Polperro").entries.get()
    url = reverse("staff:register")

    after = officer_client.get(url + f"?after={theirs.pk}")
    before = officer_client.get(url + f"?before={theirs.pk}")

    assert b"Polperro" not in after.content + before.content
    assert _families(after) == []
    assert b"There are no entries on this page" in after.content
    # Nothing is before a row that is not on the list: the start of the list.
    assert _families(before) == [0, 1, 2]


def test_a_mangled_page_link_shows_the_first_page(officer_client, devon):
    children_registered_in_bulk(devon, 3)

    response = officer_client.get(reverse("staff:register") + "?after=not-an-entry")

    assert response.status_code == 200
    assert _families(response) == [0, 1, 2]


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


def test_child_record_query_count_does_not_grow_with_the_record(
    officer_client, devon, django_assert_max_num_queries
):
    small = child_with_record(authority=devon)
    large = child_with_record(authority=devon)
    for n in range(4):
        ChildPersonFactory(child=large)
        arrangement = EducationArrangementFactory(child=large)
        ChildAddressFactory(child=large, kind="additional")
        _notification_and_requests(large, arrangement.provider, n)

    # P2, every statement of the request: session, officer, device, the child with its entries,
    # addresses, parents, education, notifications, requests (update and provider, in one
    # statement) and the audit insert. The session is saved only when its idle expiry is due
    # for renewal (cnis.middleware).
    with django_assert_max_num_queries(10) as for_the_small_record:
        officer_client.get(reverse("staff:child", kwargs={"child_id": small.pk}))
    with django_assert_max_num_queries(10) as for_the_large_record:
        response = officer_client.get(reverse("staff:child", kwargs={"child_id": large.pk}))

    assert response.status_code == 200
    assert response.content.decode().count("About 6 hours a week") == 5
    assert len(for_the_small_record.captured_queries) == len(for_the_large_record.captured_queries)


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
    assert response.context["page"].count == 0


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
