"""An officer works the review queue in Chromium, as a person does, with axe on every page: a
notification accepted onto the register, a reported move applied, a provider's hours applied,
and a possible duplicate resolved."""

import re

import pytest
from playwright.sync_api import Page, expect

from registers.models import ChildAddress, EducationArrangement, RegisterEntry
from registers.rules.codes import AddressKind, CaseStatus
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import StaffUserFactory
from tests.review import change_reported, isla, notified, provider_answered
from tests.services.test_review import twins

pytestmark = pytest.mark.browser


def open_queue(page: Page) -> None:
    page.get_by_role("link", name="Review", exact=True).click()
    expect(page.get_by_role("heading", name="Review", level=1)).to_be_visible()


def test_officer_accepts_a_notification_onto_the_register(page: Page, live_server, devon):
    officer = StaffUserFactory(authority=devon)
    notification = notified(devon)

    sign_in(page, live_server.url, officer.email)
    open_queue(page)
    expect(page.get_by_role("link", name="Child not in school (1)")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Amelia Brightwater.*child not in school")).click()
    expect(page.get_by_role("heading", name="Amelia Brightwater", level=1)).to_be_visible()
    assert_accessible(page)

    # Not applying without saying why is refused, and the page says so.
    page.get_by_label("Do not apply it, and record why").check()
    page.get_by_role("button", name="Save the review").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter why you are not applying it")
    assert_accessible(page)

    page.get_by_label("Case status").check()
    page.get_by_label("Apply the changes I have selected").check()
    page.get_by_role("button", name="Save the review").click()

    expect(
        page.get_by_text(f"Child not in school {notification.reference}: applied")
    ).to_be_visible()
    expect(page.get_by_text("Nothing is waiting for review.")).to_be_visible()
    assert RegisterEntry.objects.get(pk=notification.entry_id).status == CaseStatus.REGISTERED


def test_officer_applies_a_reported_change_of_address(page: Page, live_server, devon):
    officer = StaffUserFactory(authority=devon)
    entry = isla(devon)
    change_reported(entry)

    sign_in(page, live_server.url, officer.email)
    page.goto(f"{live_server.url}/staff/children/{entry.child_id}/")
    page.get_by_role("link", name=re.compile("To review change of circumstances")).click()
    expect(page.get_by_role("row", name=re.compile("Home address 4 Harbour Row"))).to_contain_text(
        "Changed"
    )
    assert_accessible(page)

    page.get_by_label("Home address").check()
    page.get_by_label("Apply the changes I have selected").check()
    page.get_by_role("button", name="Save the review").click()
    expect(page.get_by_text(re.compile("Change of circumstances .*: applied"))).to_be_visible()

    page.goto(f"{live_server.url}/staff/children/{entry.child_id}/timeline/")
    expect(page.get_by_role("heading", name="Change of circumstances applied")).to_be_visible()
    current = ChildAddress.objects.get(child=entry.child, kind=AddressKind.CURRENT)
    assert current.address.postcode == "EX8 1BB"
    assert ChildAddress.objects.filter(child=entry.child, kind=AddressKind.PREVIOUS).exists()


def test_officer_applies_a_providers_answer(page: Page, live_server, devon):
    officer = StaffUserFactory(authority=devon)
    child = isla(devon).child
    provider_answered(devon, [child], officer, hours="15", without="9")

    sign_in(page, live_server.url, officer.email)
    open_queue(page)
    page.get_by_role(
        "link", name=re.compile(r"^Provider's answer to an information request \(1\)")
    ).click()
    page.get_by_role("link", name=re.compile("Oakwood Forest School: 1 child.*provider")).click()
    assert_accessible(page)

    page.get_by_label("Isla Moorcroft: time at Oakwood Forest School").check()
    page.get_by_label("Apply the changes I have selected").check()
    page.get_by_role("button", name="Save the review").click()

    expect(page.get_by_text(re.compile("Provider's answer .*: applied"))).to_be_visible()
    arrangement = EducationArrangement.objects.get(
        child=child, provider__name="Oakwood Forest School"
    )
    assert (str(arrangement.hours_per_week), str(arrangement.hours_without_parent)) == (
        "15.0",
        "9.0",
    )


def test_officer_resolves_a_possible_duplicate(page: Page, live_server, devon):
    officer = StaffUserFactory(authority=devon)
    first, second = twins(devon, first_name="Amelie")

    sign_in(page, live_server.url, officer.email)
    open_queue(page)
    page.get_by_role("link", name="Possible duplicates").click()
    assert_accessible(page)
    page.get_by_role(
        "link", name=re.compile("^Compare .* Brightwater and .* Brightwater$")
    ).click()
    expect(page.get_by_role("row", name=re.compile("^Name"))).to_contain_text("Different")

    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_role("alert")).to_contain_text("Select whether they are the same child")
    assert_accessible(page)

    page.get_by_label(re.compile(f"keep the record of {first.full_name}")).check()
    page.get_by_role("button", name="Save the decision").click()

    expect(page.get_by_role("heading", name=first.full_name, level=1)).to_be_visible()
    expect(page.get_by_text(f"Merged into one record for {first.full_name}")).to_be_visible()
    second.refresh_from_db()
    assert second.archived_at is not None
