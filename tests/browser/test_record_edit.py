"""An officer, in Chromium, records a child's move from the record's Change link, and a visit
from the Contacts and visits tab, putting right a mistake on each; axe checks every page, the
error states included."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import StaffUserFactory, child_with_record

pytestmark = pytest.mark.browser


def fill_date(page: Page, legend: str, on: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(on.day))
    group.get_by_label("Month").fill(str(on.month))
    group.get_by_label("Year").fill(str(on.year))


def expect_error(page: Page, message: str) -> None:
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary").get_by_role("link", name=message)).to_be_visible()
    assert_accessible(page)


def test_officer_records_a_move_and_a_visit(page: Page, live_server, devon):
    officer = StaffUserFactory(authority=devon)
    child = child_with_record(authority=devon, first_name="Isla", last_name="Moorcroft")
    child.entries.update(notified_on=date.today() - timedelta(days=30))
    today = date.today()

    sign_in(page, live_server.url, officer.email)
    page.goto(f"{live_server.url}/staff/children/{child.pk}/")
    assert_accessible(page)

    page.get_by_role("link", name="Change home address").click()
    expect(
        page.get_by_role("heading", name="The child has moved: their new home address")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Address line 1").fill("7 Mill Street")
    page.get_by_label("Town or city").fill("Crediton")
    page.get_by_role("button", name="Save").click()
    expect_error(page, "Enter postcode")

    page.get_by_label("Postcode").fill("ex17 3ab")
    fill_date(page, "The date the child moved here", today - timedelta(days=2))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The child's new home address has been saved")).to_be_visible()
    expect(page.get_by_text("7 Mill Street").first).to_be_visible()
    expect(page.get_by_text("Previous address")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Contacts and visits").click()
    assert_accessible(page)
    page.get_by_role("link", name="Record a visit").click()
    page.get_by_label("Took place").check()
    fill_date(page, "Date the visit was offered", today - timedelta(days=7))
    fill_date(page, "Date of the visit (optional until it takes place)", today - timedelta(days=8))
    page.get_by_role("group", name="Is the visit at the child's home?").get_by_label("Yes").check()
    page.get_by_label("Who visits (optional)").fill("Jo Officer")
    page.get_by_role("button", name="Save").click()
    expect_error(page, "The date of the visit must be on or after the day it was offered")

    fill_date(page, "Date of the visit (optional until it takes place)", today - timedelta(days=1))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The visit has been recorded")).to_be_visible()
    expect(page.get_by_role("cell", name="Jo Officer")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Timeline").click()
    expect(page.get_by_role("heading", name="Visit at home: took place")).to_be_visible()
    expect(page.get_by_role("heading", name="Changed: Home address")).to_be_visible()
    assert_accessible(page)


def test_cleared_officer_changes_safeguarding_and_records_a_decision(
    page: Page, live_server, devon
):
    cleared = StaffUserFactory(authority=devon, can_view_safeguarding=True)
    child = child_with_record(authority=devon, first_name="Isla", last_name="Moorcroft")
    child.entries.update(notified_on=date.today() - timedelta(days=30))

    sign_in(page, live_server.url, cleared.email)
    page.goto(f"{live_server.url}/staff/children/{child.pk}/")
    page.get_by_role("link", name="Change section 47 enquiry").click()
    assert_accessible(page)
    page.get_by_role("group", name="Section 47 enquiry").get_by_label("Current").check()
    page.get_by_role("group", name="Is the child looked after?").get_by_label("No").check()
    page.get_by_role("button", name="Save").click()
    expect_error(page, "Select a child protection plan status")

    page.get_by_role("group", name="Child protection plan").get_by_label("None known").check()
    page.get_by_role("group", name="Child in need").get_by_label("None known").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The safeguarding information has been changed")).to_be_visible()

    page.get_by_role("link", name="Contacts and visits").click()
    page.get_by_role("link", name="Record a suitability decision").click()
    page.get_by_label("Suitable", exact=True).check()
    fill_date(page, "Date of the decision", date.today())
    page.get_by_role("button", name="Save").click()
    expect_error(page, "Enter the evidence and reasons for the decision")

    page.get_by_label("Evidence and reasons").fill("A broad curriculum seen at the visit")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The suitability decision has been recorded")).to_be_visible()
    assert_accessible(page)
