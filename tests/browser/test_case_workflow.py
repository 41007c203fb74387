"""An officer works a case in Chromium from notification to closure: checked, registered, an
enquiry, a notice to satisfy, a notice naming a school, the order, complied with, and closed.
axe checks the case page at each stage, its error state included."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from registers.rules.codes import CaseStatus, Regime
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import ChildAddressFactory, RegisterEntryFactory, StaffUserFactory

pytestmark = pytest.mark.browser


def move(page: Page, to: str, why: str) -> None:
    page.get_by_role("radio", name=to, exact=True).check()
    page.get_by_label("Why is the case moving?").fill(why)


def date_typed(page: Page, question: str, day: date) -> None:
    group = page.get_by_role("group", name=question)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def submit_and_expect(page: Page, status: str) -> None:
    page.get_by_role("button", name="Move the case").click()
    expect(page.get_by_text(f"The case is now: {status}")).to_be_visible()
    assert_accessible(page)


def test_an_officer_works_a_case_from_notified_to_closed(page: Page, live_server, devon):
    officer = StaffUserFactory(authority=devon, full_name="Priya Shah")
    today = timezone.localdate()
    entry = RegisterEntryFactory(
        child__authority=devon,
        child__first_name="Isla",
        child__last_name="Moorcroft",
        status=CaseStatus.NOTIFIED,
        regime=Regime.EHE_2019,
        notified_on=today - timedelta(days=40),
    )
    ChildAddressFactory(child=entry.child)

    sign_in(page, live_server.url, officer.email)
    page.goto(f"{live_server.url}/staff/children/{entry.child_id}/")
    page.get_by_role("link", name="Case", exact=True).click()
    expect(page.get_by_role("heading", name="Case", exact=True, level=2)).to_be_visible()
    # Only the moves a notified case allows are offered.
    expect(page.get_by_role("radio", name="Registered", exact=True)).to_have_count(0)
    assert_accessible(page)

    move(page, "Eligibility check", "Parent's letter received; checking the school roll")
    submit_and_expect(page, "Eligibility check")

    move(page, "Registered", "Off roll at Exeter Road Primary since September")
    submit_and_expect(page, "Registered")

    move(page, "Enquiry", "The parent's report says little about mathematics")
    submit_and_expect(page, "Enquiry")

    # A notice without its date is refused on the page, and nothing moves.
    move(page, "Attendance order: notice to satisfy (s.437(1))", "No reply to two letters")
    page.get_by_role("button", name="Move the case").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(
        page.locator(".govuk-error-summary").get_by_role(
            "link", name=re.compile("Enter the date the notice was served")
        )
    ).to_be_visible()
    assert_accessible(page)

    served = today - timedelta(days=20)
    page.get_by_role("radio", name="Attendance order: notice to satisfy (s.437(1))").check()
    date_typed(page, "The date the notice was served", served)
    submit_and_expect(page, "Attendance order: notice to satisfy (s.437(1))")
    period_ends = served + timedelta(days=14)
    steps = page.get_by_role("table", name=re.compile("Steps of the school attendance order"))
    expect(steps).to_contain_text(f"{period_ends.day} {period_ends:%B %Y}")

    move(page, "Attendance order: notice naming a school (s.438)", "Not satisfied by the reply")
    date_typed(page, "The date the notice was served", today - timedelta(days=16))
    page.get_by_role("textbox", name="School named").fill("Exeter Road Primary School")
    submit_and_expect(page, "Attendance order: notice naming a school (s.438)")

    move(page, "Attendance order served (s.437(3))", "No other school chosen within 15 days")
    date_typed(page, "The date the order was served", today)
    page.get_by_role("textbox", name="School named").fill("Exeter Road Primary School")
    submit_and_expect(page, "Attendance order served (s.437(3))")

    move(page, "Attendance order complied with", "The school confirms Isla is on roll")
    date_typed(page, "The date the child was registered at the school", today)
    submit_and_expect(page, "Attendance order complied with")

    move(page, "Closed", "Back at school")
    page.get_by_role("radio", name="Returned to school").check()
    submit_and_expect(page, "Closed")
    expect(page.get_by_text("This case is closed, so it cannot move")).to_be_visible()
    expect(page.get_by_role("button", name="Move the case")).to_have_count(0)

    history = page.get_by_role("table", name=re.compile("Every change of status"))
    expect(history.get_by_role("row")).to_have_count(9)  # the header and eight moves
    expect(history).to_contain_text("Priya Shah")
    expect(history).to_contain_text("The school confirms Isla is on roll")
    expect(steps.get_by_role("row")).to_have_count(5)  # the header and four steps

    page.get_by_role("link", name="Timeline").click()
    expect(
        page.get_by_role("heading", name="School attendance order served (s.437(3))")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Status: Closed")).to_be_visible()
    assert_accessible(page)
