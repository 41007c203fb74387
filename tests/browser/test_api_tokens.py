"""An LA admin issues an API token, copies it once, and revokes it, in Chromium; the token and
documentation pages pass axe."""

import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from registers.models import StaffRole
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.browser


def status_of(url: str, token: str) -> int:
    """What the API answers a system presenting this token."""
    asked = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(asked, timeout=10) as answer:  # noqa: S310 (the live server)
            return answer.status
    except urllib.error.HTTPError as refused:
        return refused.code


def test_an_la_admin_issues_a_token_that_works_then_revokes_it(page: Page, live_server, devon):
    admin = StaffUserFactory(authority=devon, role=StaffRole.LA_ADMIN)
    sign_in(page, live_server.url, admin.email)

    page.goto(live_server.url + "/staff/api-tokens/")
    expect(page.get_by_role("heading", name="API tokens", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Issue the token").click()
    expect(page.get_by_role("link", name="Enter what the token is for")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("What the token is for").fill("Case management system")
    page.get_by_label("Read the register: children and their cases").check()
    page.get_by_role("button", name="Issue the token").click()
    expect(page.get_by_text("Copy it now: it will not be shown again")).to_be_visible()
    assert_accessible(page)
    token = page.locator("code", has_text=re.compile(r"^cnis_[0-9a-f]{12}_.{20,}")).inner_text()
    cases = live_server.url + "/api/v1/cases/"
    assert status_of(cases, token) == 200

    page.get_by_role("button", name="Revoke Case management system").click()
    expect(
        page.get_by_text(re.compile(r"^Token [0-9a-f]{12} \(Case management system\) revoked$"))
    ).to_be_visible()
    expect(page.get_by_role("button", name="Revoke Case management system")).to_have_count(0)
    expect(page.get_by_text("Copy it now")).to_have_count(0)
    assert_accessible(page)
    assert status_of(cases, token) == 401

    page.get_by_role("link", name="API documentation").click()
    expect(page.get_by_role("heading", name="Send a notification", level=2)).to_be_visible()
    assert_accessible(page)
