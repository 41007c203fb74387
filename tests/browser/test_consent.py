"""A consent request (s.434A) from its recording to a manager's decision, in Chromium, with a
decision sent back for its missing reasons first. axe checks every page, error states included."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from registers.models import ConsentRequest, Letter, StaffRole
from registers.rules.codes import CaseStatus
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import StaffUserFactory, child_with_record

pytestmark = pytest.mark.browser


def fill_date(page: Page, question: str, day) -> None:
    group = page.get_by_role("group", name=question)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def expect_error(page: Page, message: str) -> None:
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary").get_by_role("link", name=message)).to_be_visible()
    assert_accessible(page)


def test_a_consent_request_from_recording_to_a_decision(page: Page, live_server, devon, browser):
    officer = StaffUserFactory(authority=devon)
    manager = StaffUserFactory(authority=devon, role=StaffRole.MANAGER)
    child = child_with_record(authority=devon, first_name="Noah", last_name="Penhale")
    child.entries.update(status=CaseStatus.NOTIFIED)
    today = timezone.localdate()

    sign_in(page, live_server.url, officer.email)
    page.goto(f"{live_server.url}/staff/children/{child.pk}/")
    page.get_by_role("link", name="Consent").click()
    expect(page.get_by_text("No consent request has been recorded for Noah.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Record a consent request").click()
    page.get_by_role("button", name="Record the request").click()
    expect_error(page, "Enter the name of the child's school")

    page.get_by_label("Condition A: special school place (s.434A(3))").check()
    page.get_by_label("Name of the child's school").fill("Ellen Tinkham School")
    page.get_by_label("School's email address (optional)").fill("office@tinkham.example")
    fill_date(page, "Date the parent asked", today - timedelta(days=2))
    page.get_by_role("button", name="Record the request").click()
    expect(page.get_by_text("Consent request recorded")).to_be_visible()
    expect(page.get_by_text("Consent pending")).to_be_visible()
    assert_accessible(page)

    context = browser.new_context()
    try:
        manager_page = context.new_page()
        sign_in(manager_page, live_server.url, manager.email)
        manager_page.goto(f"{live_server.url}/staff/children/{child.pk}/consent/")
        manager_page.get_by_role("link", name=re.compile(r"^Decide")).click()
        assert_accessible(manager_page)

        manager_page.get_by_label(
            "Is education other than at school in the child's best interests?"
        ).fill("The special school and the family agree on a tutor")
        manager_page.get_by_label("Consent refused").check()
        fill_date(manager_page, "Date of the decision", today)
        manager_page.get_by_role("button", name="Record the decision").click()
        expect_error(manager_page, "Enter the reasons for the decision")

        manager_page.get_by_label("Reasons for the decision").fill(
            "Noah's plan names the special school"
        )
        manager_page.get_by_role("button", name="Record the decision").click()
        expect(manager_page.get_by_text("Decision recorded: consent refused")).to_be_visible()
        expect(manager_page.get_by_text("The parent may ask again from")).to_be_visible()
        assert_accessible(manager_page)

        manager_page.get_by_role("link", name="Timeline").click()
        expect(manager_page.get_by_role("heading", name="Consent refused")).to_be_visible()
        expect(
            manager_page.get_by_role("heading", name="Letter made: Consent decision (s.434A)")
        ).to_be_visible()
        assert_accessible(manager_page)
    finally:
        context.close()

    assert ConsentRequest.objects.get().status == ConsentRequest.Status.REFUSED
    assert Letter.objects.get().kind == "consent_decision"
