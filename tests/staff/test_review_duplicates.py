"""Possible duplicates as an officer decides them: listed, compared side by side, found not the
same (never offered again) or the same (merged into the record kept)."""

from datetime import date

import pytest
from django.urls import reverse

from registers.models import Address, Child, ChildAddress, Notification
from registers.rules.codes import AddressKind
from registers.selectors import review as selectors
from registers.selectors.review import duplicate_pair_read
from registers.services import review
from tests.factories import children_registered_in_bulk
from tests.pages import assert_errors_shown, text
from tests.services.test_review import twins
from tests.statements import statements_run

pytestmark = pytest.mark.django_db


def pair_url(first, second) -> str:
    return reverse("staff:review-duplicate", kwargs={"first_id": first.pk, "second_id": second.pk})


def test_a_possible_pair_is_listed_and_compared_side_by_side(officer_client, devon):
    first, second = twins(devon, first_name="Amelie")

    listed = officer_client.get(reverse("staff:review-duplicates"))
    compared = officer_client.get(pair_url(first, second))

    assert pair_url(first, second) in listed.content.decode()
    page = text(compared.content.decode())
    assert f"Name {first.full_name} {second.full_name} Different" in page
    assert "Home address" in page and "EX1 1AA" in page


def test_not_the_same_child_is_remembered(officer_client, devon):
    first, second = twins(devon)

    response = officer_client.post(pair_url(first, second), {"decision": "not_same"})

    assert response["Location"] == reverse("staff:review-duplicates")
    listed = officer_client.get(reverse("staff:review-duplicates"))
    assert "There are no possible duplicates" in text(listed.content.decode())
    assert officer_client.get(pair_url(first, second)).status_code == 404


def test_the_same_child_is_merged_into_the_record_kept(officer_client, devon):
    first, second = twins(devon)
    version = duplicate_pair_read(authority=devon, first_id=first.pk, second_id=second.pk).version

    response = officer_client.post(
        pair_url(first, second), {"decision": str(second.pk), "version": version}
    )

    assert response["Location"] == reverse("staff:child", kwargs={"child_id": second.pk})
    assert Child.objects.live().filter(pk__in=[first.pk, second.pk]).get() == second
    record = officer_client.get(response["Location"])
    assert record.status_code == 200
    timeline = officer_client.get(reverse("staff:child-timeline", kwargs={"child_id": second.pk}))
    assert "Duplicate record merged into this one" in text(timeline.content.decode())
    assert not Notification.objects.filter(child=first).exists()


def test_no_decision_shows_the_error_and_changes_nothing(officer_client, devon):
    first, second = twins(devon)

    response = officer_client.post(pair_url(first, second), {"decision": ""})

    assert_errors_shown(response, [("id_decision_1", review.KEPT_MISSING)])
    assert Child.objects.live().filter(pk__in=[first.pk, second.pk]).count() == 2


def test_a_merge_from_a_stale_page_is_refused(officer_client, devon):
    first, second = twins(devon)

    response = officer_client.post(
        pair_url(first, second), {"decision": str(first.pk), "version": "old"}
    )

    assert review.STALE_PAIR in text(response.content.decode())
    assert Child.objects.live().filter(pk__in=[first.pk, second.pk]).count() == 2


def test_a_pair_in_the_wrong_order_or_of_one_child_is_not_found(officer_client, devon):
    first, second = twins(devon)

    assert officer_client.get(pair_url(second, first)).status_code == 404
    assert officer_client.get(pair_url(first, first)).status_code == 404


def test_pairs_decided_do_not_hide_the_pairs_after_them(officer_client, devon, monkeypatch):
    monkeypatch.setattr(selectors, "DUPLICATES_SHOWN", 1)
    decided = twins(devon, born=date(2014, 1, 5), last_name="Ashdown")
    waiting = twins(devon, born=date(2015, 1, 5), last_name="Brightwater")
    officer_client.post(pair_url(*decided), {"decision": "not_same"})

    listed = officer_client.get(reverse("staff:review-duplicates")).content.decode()

    assert pair_url(*waiting) in listed
    assert pair_url(*decided) not in listed


@pytest.mark.usefixtures("session_renewal_held")
def test_the_list_and_a_pair_run_the_same_statements_at_100_and_10000_children(
    officer_client, devon
):
    pair = twins(devon)
    addresses_in_bulk(children_registered_in_bulk(devon, 98))

    def statements(address: str) -> int:
        # A request first, so that the session's renewal (once a minute, whatever the page)
        # falls outside the one counted.
        officer_client.get(address)
        return len(statements_run(lambda: officer_client.get(address)))

    list_at_100 = statements(reverse("staff:review-duplicates"))
    pair_at_100 = statements(pair_url(*pair))
    addresses_in_bulk(children_registered_in_bulk(devon, 9_900, start=98))
    list_at_10000 = statements(reverse("staff:review-duplicates"))
    pair_at_10000 = statements(pair_url(*pair))

    assert Child.objects.filter(authority=devon).count() == 10_000
    assert list_at_100 == list_at_10000
    assert pair_at_100 == pair_at_10000


def addresses_in_bulk(children) -> None:
    """A home for each child, all at one postcode (so many share a birthday and a postcode)."""
    addresses = Address.objects.bulk_create(
        Address(line_1=f"{number} Long Street", town="Exeter", postcode="EX1 1AA")
        for number, _ in enumerate(children)
    )
    ChildAddress.objects.bulk_create(
        ChildAddress(child=child, address=address, kind=AddressKind.CURRENT)
        for child, address in zip(children, addresses, strict=True)
    )
