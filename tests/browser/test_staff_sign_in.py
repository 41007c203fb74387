"""Staff sign-in and the first staff pages, driven in Chromium as an officer would use them."""

import re
from datetime import date

import pytest
from playwright.sync_api import Browser, Page, expect

from registers.models import AuditEvent
from registers.staff.sign_in import WRONG_CODE
from tests.browser.conftest import (
    TIMEOUT_MS,
    assert_accessible,
    codes_accepted_now,
    enter_email_and_password,
    enter_security_code,
    sign_in,
)
from tests.factories import StaffUserFactory, child_with_record

pytestmark = pytest.mark.browser


def register_heading(page: Page):
    return page.get_by_role("heading", name="Register", exact=True, level=1)


def test_officer_signs_in_with_both_factors_and_reads_a_record(page: Page, live_server, devon):
    officer = StaffUserFactory(authority=devon)
    amelia = child_with_record(authority=devon, first_name="Amelia", last_name="Brightwater")
    child_with_record(authority=devon)
    child_with_record(authority=devon)

    page.goto(live_server.url + "/")
    assert_accessible(page)

    # Staff sign in from the footer; the start page's one button is for parents.
    page.get_by_role("contentinfo").get_by_role("link", name="Staff sign in").click()
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    assert_accessible(page)

    enter_email_and_password(page, officer.email)
    assert_accessible(page)

    enter_security_code(page)
    expect(page.get_by_role("heading", name="Dashboard", exact=True, level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Register", exact=True).click()
    expect(register_heading(page)).to_be_visible()
    expect(page.get_by_text("3 entries")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Brightwater, Amelia").click()
    expect(page.get_by_role("heading", name="Amelia Brightwater", level=1)).to_be_visible()
    assert_accessible(page)

    views = AuditEvent.objects.filter(
        action=AuditEvent.Action.VIEW, object_id=str(amelia.pk), outcome=AuditEvent.Outcome.ALLOWED
    )
    assert views.count() == 1


def test_wrong_code_shows_an_error_linked_to_the_field(page: Page, live_server, officer):
    page.goto(live_server.url + "/staff/sign-in/")
    enter_email_and_password(page, officer.email)

    accepted = codes_accepted_now()
    wrong_code = next(code for code in ("000000", "111111", "222222") if code not in accepted)
    enter_security_code(page, wrong_code)

    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)

    code_input_id = page.get_by_label("Security code").get_attribute("id")
    assert code_input_id
    error_link = page.locator(".govuk-error-summary").get_by_role("link", name=WRONG_CODE)
    expect(error_link).to_have_attribute("href", f"#{code_input_id}")
    error_link.click()
    assert page.evaluate("document.activeElement.id") == code_input_id


def test_password_alone_reaches_no_staff_page(page: Page, live_server, officer):
    page.goto(live_server.url + "/staff/sign-in/")
    enter_email_and_password(page, officer.email)

    page.goto(live_server.url + "/staff/register/")

    expect(page).to_have_url(re.compile(r"/staff/sign-in/"))
    expect(page.get_by_role("heading", name="Sign in", exact=True, level=1)).to_be_visible()
    expect(register_heading(page)).to_have_count(0)


def test_pages_work_without_javascript(browser: Browser, live_server, devon, officer):
    child = child_with_record(authority=devon, first_name="Amelia", last_name="Brightwater")
    context = browser.new_context(java_script_enabled=False)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        sign_in(page, live_server.url, officer.email)
        # The page's own script never ran: no js-enabled class on the body.
        expect(page.locator("body")).not_to_have_class(re.compile(r"\bjs-enabled\b"))
        page.get_by_role("link", name="Register", exact=True).click()
        expect(page.get_by_text("1 entry")).to_be_visible()

        page.get_by_role("link", name="Brightwater, Amelia").click()
        expect(page.get_by_role("heading", name=child.full_name, level=1)).to_be_visible()

        page.get_by_role("link", name="Register", exact=True).click()
        expect(register_heading(page)).to_be_visible()
    finally:
        context.close()


def test_add_child_form_errors_are_accessible(page: Page, live_server, officer):
    sign_in(page, live_server.url, officer.email)
    page.get_by_role("link", name="Add a child").click()
    expect(
        page.get_by_role("heading", name="Add a child to the register", level=1)
    ).to_be_visible()

    page.get_by_role("button", name="Add to the register").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)

    today = date.today()
    born = date(today.year - 10, today.month, 1)
    page.get_by_label("First name", exact=True).fill("Rowan")
    page.get_by_label("Last name", exact=True).fill("Tregothnan")
    date_of_birth = page.get_by_role("group", name="Date of birth")
    date_of_birth.get_by_label("Day").fill(str(born.day))
    date_of_birth.get_by_label("Month").fill(str(born.month))
    date_of_birth.get_by_label("Year").fill(str(born.year))
    page.get_by_role("group", name="Sex").get_by_label("Female", exact=True).check()
    page.get_by_label("Address line 1").fill("1 High Street")
    page.get_by_label("Town or city").fill("Exeter")
    page.get_by_label("Postcode").fill("EX1 1AA")
    page.get_by_label("Found by the local authority").check()
    page.get_by_role("button", name="Add to the register").click()

    expect(page.get_by_role("heading", name="Rowan Tregothnan", level=1)).to_be_visible()
    expect(page.get_by_text("Child record")).to_be_visible()
