"""The review queue and its items as an officer uses them: what waits, oldest first, by kind;
an item beside the register with its differences; applied or not with GOV.UK errors for a bad
or stale form; another LA's item not found; and a role that does not review refused."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from registers.intake.changes import ChangeKind
from registers.models import ChildAddress, Notification, StaffRole
from registers.rules.codes import AddressKind, NotificationKind, NotificationSource
from registers.selectors.review import (
    ADDRESS,
    QUEUE_SHOWN,
    notification_for_review,
    review_item_read,
)
from registers.services import review
from tests.conftest import sign_in_fully
from tests.factories import StaffUserFactory, children_registered_in_bulk
from tests.pages import assert_errors_shown, text
from tests.review import (
    change_reported,
    isla,
    notified,
    provider_answered,
    support_requested,
    update_answered,
)
from tests.statements import statements_run

pytestmark = pytest.mark.django_db


def item_url(notification: Notification, kind: str = "change") -> str:
    return reverse("staff:review-item", kwargs={"kind": kind, "notification_id": notification.pk})


def version_of(notification: Notification, kind: str = "change") -> str:
    return review_item_read(
        notification_for_review(
            authority=notification.authority, slug=kind, notification_id=notification.pk
        )
    ).version


def queue_rows(response) -> list[str]:
    body = re.search(
        r'<tbody class="govuk-table__body">(.*?)</tbody>', response.content.decode(), re.S
    )
    if not body:
        return []
    return [text(row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body[1], re.S)]


def test_the_queue_lists_what_waits_oldest_first_with_a_count_of_each_kind(officer_client, devon):
    entry = isla(devon)
    report = change_reported(entry)
    support = support_requested(devon)

    response = officer_client.get(reverse("staff:review"))

    page = text(response.content.decode())
    assert "All (2)" in page
    assert "Change of circumstances (1)" in page
    assert "Request for support (1)" in page
    rows = queue_rows(response)
    assert [row.split(" ")[3:5] for row in rows] == [
        ["Change", "of"],
        ["Request", "for"],
    ]
    assert report.reference in rows[0] and "Isla Moorcroft" in rows[0]
    assert support.reference in rows[1]
    assert item_url(report) in response.content.decode()

    only_support = queue_rows(officer_client.get(reverse("staff:review") + "?kind=support"))
    assert len(only_support) == 1 and support.reference in only_support[0]
    newest = queue_rows(officer_client.get(reverse("staff:review") + "?sort=newest"))
    assert support.reference in newest[0]


def test_the_child_record_links_to_what_waits_for_review(officer_client, devon):
    entry = isla(devon)
    report = change_reported(entry)

    record = officer_client.get(reverse("staff:child", kwargs={"child_id": entry.child_id}))

    assert f'href="{item_url(report)}"' in record.content.decode()


def test_an_item_shows_what_was_sent_beside_the_register_with_the_change_marked(
    officer_client, devon
):
    entry = isla(devon)
    report = change_reported(entry)

    page = text(officer_client.get(item_url(report)).content.decode())

    assert "Home address 4 Harbour Row, Exmouth, EX8 1BB from" in page
    assert "Changed" in page


def test_applying_a_move_takes_the_item_out_of_the_queue(officer_client, devon):
    entry = isla(devon)
    report = change_reported(entry)

    response = officer_client.post(
        item_url(report),
        {"fields": [ADDRESS], "outcome": "applied", "version": version_of(report)},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("staff:review")
    current = ChildAddress.objects.get(child=entry.child, kind=AddressKind.CURRENT)
    assert current.address.postcode == "EX8 1BB"
    assert queue_rows(officer_client.get(reverse("staff:review"))) == []
    timeline = officer_client.get(
        reverse("staff:child-timeline", kwargs={"child_id": entry.child_id})
    )
    assert "Change of circumstances applied" in text(timeline.content.decode())


def test_not_applying_without_a_reason_shows_the_error_and_changes_nothing(officer_client, devon):
    entry = isla(devon)
    report = change_reported(entry)

    response = officer_client.post(
        item_url(report), {"outcome": "not_applied", "reason": "", "version": version_of(report)}
    )

    assert_errors_shown(response, [("id_reason", review.REASON.required)])
    report.refresh_from_db()
    assert report.reviewed_at is None


def test_a_stale_form_is_refused_with_a_clear_message(officer_client, devon):
    entry = isla(devon)
    report = change_reported(entry)

    response = officer_client.post(
        item_url(report), {"fields": [ADDRESS], "outcome": "applied", "version": "old"}
    )

    assert response.status_code == 200
    assert review.STALE_ITEM in text(response.content.decode())
    assert ChildAddress.objects.filter(child=entry.child).count() == 1


def test_an_item_already_reviewed_shows_who_reviewed_it_and_refuses_another(
    officer_client, devon, officer
):
    entry = isla(devon)
    report = change_reported(entry)
    version = version_of(report)
    officer_client.post(
        item_url(report), {"outcome": "not_applied", "reason": "Duplicate", "version": version}
    )

    again = officer_client.post(
        item_url(report), {"fields": [ADDRESS], "outcome": "applied", "version": version}
    )

    page = text(again.content.decode())
    assert review.ALREADY_REVIEWED in page
    assert f"by {officer}" in page
    assert ChildAddress.objects.filter(child=entry.child).count() == 1


def test_another_las_item_is_not_found(client, devon, cornwall_officer):
    report = change_reported(isla(devon))
    sign_in_fully(client, cornwall_officer)

    for method in (client.get, client.post):
        response = method(item_url(report))
        assert response.status_code == 404
        assert b"Moorcroft" not in response.content


def test_an_item_under_another_kinds_address_is_not_found(officer_client, devon):
    report = change_reported(isla(devon))

    assert officer_client.get(item_url(report, kind="support")).status_code == 404


def test_a_role_that_does_not_review_is_refused(client, devon):
    admin = StaffUserFactory(authority=devon, role=StaffRole.LA_ADMIN)
    sign_in_fully(client, admin)
    report = change_reported(isla(devon))

    assert client.get(reverse("staff:review")).status_code == 403
    assert client.get(item_url(report)).status_code == 403
    assert client.post(item_url(report), {"outcome": "noted"}).status_code == 403
    report.refresh_from_db()
    assert report.reviewed_at is None


def test_a_new_notification_can_be_accepted_from_its_page(officer_client, devon):
    notification = notified(devon)
    url = item_url(notification, kind="notification")

    page = text(officer_client.get(url).content.decode())
    assert "Case status Registered Notified Changed" in page

    response = officer_client.post(
        url,
        {
            "fields": ["register"],
            "outcome": "applied",
            "version": version_of(notification, kind="notification"),
        },
    )

    assert response.status_code == 302
    notification.entry.refresh_from_db()
    assert notification.entry.status == "registered"


# Statements: the same at 100 and at 10,000 children ------------------------------------------


def _children_with_reports(authority, count: int, start: int) -> None:
    """`count` children on the register, every tenth with a reported change waiting."""
    children = children_registered_in_bulk(authority, count, start=start)
    now = timezone.now()
    Notification.objects.bulk_create(
        Notification(
            authority=authority,
            kind=NotificationKind.CHANGE_OF_CIRCUMSTANCES,
            source=NotificationSource.PARENT,
            idempotency_key=f"bulk-change-{child.pk}",
            reference=f"B{start + number:07d}",
            payload={"kind": "other", "details": "A new dog", "matched": True},
            received_at=now,
            child=child,
        )
        for number, child in enumerate(children)
        if number % 10 == 0
    )


@pytest.mark.usefixtures("session_renewal_held")
def test_the_queue_and_an_item_run_the_same_statements_at_100_and_10000_children(
    officer_client, devon
):
    report = change_reported(isla(devon))
    _children_with_reports(devon, 99, start=0)

    def statements(address: str) -> int:
        # A request first, so that the session's renewal (once a minute, whatever the page)
        # falls outside the one counted.
        officer_client.get(address)
        return len(statements_run(lambda: officer_client.get(address)))

    queue_at_100 = statements(reverse("staff:review"))
    item_at_100 = statements(item_url(report))
    _children_with_reports(devon, 9_900, start=99)
    queue_at_10000 = statements(reverse("staff:review"))
    item_at_10000 = statements(item_url(report))

    assert Notification.objects.filter(authority=devon).count() == 1 + 10 + 990
    assert queue_at_100 == queue_at_10000
    assert item_at_100 == item_at_10000


def test_a_long_queue_shows_its_oldest_items_and_says_how_many_wait(officer_client, devon):
    _children_with_reports(devon, 10 * (QUEUE_SHOWN + 5), start=0)

    response = officer_client.get(reverse("staff:review"))

    assert len(queue_rows(response)) == QUEUE_SHOWN
    page = text(response.content.decode())
    assert f"Oldest first: the {QUEUE_SHOWN} oldest of {QUEUE_SHOWN + 5}" in page
    assert f"Change of circumstances ({QUEUE_SHOWN + 5})" in page


def test_every_kind_of_item_opens_beside_the_register(officer_client, devon, officer):
    entry = isla(devon)
    items = {
        "notification": notified(devon),
        "update": update_answered(entry, officer),
        "change": change_reported(entry, kind=ChangeKind.OTHER),
        "provider": provider_answered(devon, [entry.child], officer),
        "support": support_requested(devon),
    }

    for kind, notification in items.items():
        response = officer_client.get(item_url(notification, kind=kind))
        assert response.status_code == 200, kind
        assert notification.reference in text(response.content.decode()), kind
        assert 'value="Save the review"' in response.content.decode(), kind
    support = text(officer_client.get(item_url(items["support"], kind="support")).content.decode())
    assert "Support wanted Advice on GCSE exam centres" in support


def test_a_manager_reviews_as_an_officer_does(client, devon):
    manager = StaffUserFactory(authority=devon, role=StaffRole.MANAGER)
    sign_in_fully(client, manager)
    report = change_reported(isla(devon))

    assert report.reference in text(client.get(reverse("staff:review")).content.decode())
    assert client.get(item_url(report)).status_code == 200


def test_a_role_that_does_not_review_sees_to_review_without_a_link(client, devon):
    admin = StaffUserFactory(authority=devon, role=StaffRole.LA_ADMIN)
    sign_in_fully(client, admin)
    entry = isla(devon)
    report = change_reported(entry)

    record = client.get(reverse("staff:child", kwargs={"child_id": entry.child_id}))

    assert "To review" in text(record.content.decode())
    assert item_url(report) not in record.content.decode()
