"""An LA admin invites an officer, who sets up their account from the email's link and signs
in, in Chromium; the settings pages, their error states and the invitation page pass axe."""

import pytest
from playwright.sync_api import Page, expect

from registers.models import StaffRole
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import StaffUserFactory
from tests.staff_accounts import NEW_PASSWORD, code_for, invitation_link_sent

pytestmark = pytest.mark.browser


def test_an_admin_invites_an_officer_who_sets_up_their_account_and_signs_in(
    page: Page, live_server, devon, settings
):
    settings.CNIS_PUBLIC_BASE_URL = live_server.url
    admin = StaffUserFactory(authority=devon, role=StaffRole.LA_ADMIN)
    sign_in(page, live_server.url, admin.email)

    page.get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", name="Staff accounts", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Invite a member of staff").click()
    page.get_by_label("Full name").fill("Nia Officer")
    page.get_by_label("Email address").fill("nia@devon")
    page.get_by_role("button", name="Send the invitation").click()
    expect(
        page.get_by_role("link", name="Enter an email address in the correct format")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Select their role")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Email address").fill("nia@devon.example")
    page.get_by_label("Officer").check()
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("Invitation sent to Nia Officer at nia@devon.example")).to_be_visible()
    expect(page.get_by_role("row", name="Nia Officer")).to_contain_text("Invited")
    link = invitation_link_sent("nia@devon.example")

    page.get_by_role("button", name="Sign out").click()
    page.goto(link)
    expect(page.get_by_role("heading", name="Set up your account", level=1)).to_be_visible()
    assert_accessible(page)
    key = page.locator("#authenticator-key").inner_text()
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Enter the password again").fill("short")
    page.get_by_role("button", name="Set up my account").click()
    expect(
        page.get_by_role("link", name="Enter the security code from your authenticator app")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Enter the password again").fill(NEW_PASSWORD)
    page.get_by_label("Security code").fill(code_for(key))
    page.get_by_role("button", name="Set up my account").click()
    expect(page.get_by_text("Your account is set up: sign in with it now")).to_be_visible()

    page.get_by_label("Email address").fill("nia@devon.example")
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Security code").fill(code_for(key, drift=1))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Dashboard", exact=True, level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Settings")).to_have_count(0)

    page.goto(link)
    expect(page.get_by_role("heading", name="This link cannot be used")).to_be_visible()


def test_the_periods_page_refuses_a_window_out_of_order_accessibly(page: Page, live_server, devon):
    admin = StaffUserFactory(authority=devon, role=StaffRole.LA_ADMIN)
    sign_in(page, live_server.url, admin.email)

    page.goto(live_server.url + "/staff/settings/periods/")
    assert_accessible(page)
    page.get_by_label("Shortest time between update requests (months)").fill("13")
    page.get_by_role("button", name="Save the periods and thresholds").click()
    expect(
        page.get_by_role("link", name="The shortest time between update requests must not")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Footer pages and contact details").click()
    page.get_by_label("Contact email address (optional)").fill("not an email")
    page.get_by_role("button", name="Save the pages").click()
    expect(
        page.get_by_role("link", name="Enter an email address in the correct format")
    ).to_be_visible()
    assert_accessible(page)
