"""An officer lands on the dashboard, reads its charts, searches and filters the register and
opens a report, in Chromium, with axe finding nothing on any page, error states included."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from registers.models import StaffRole
from tests.browser.conftest import TIMEOUT_MS, assert_accessible, sign_in
from tests.factories import (
    ChildFactory,
    RegisterEntryFactory,
    StaffUserFactory,
    children_registered_in_bulk,
)

pytestmark = pytest.mark.browser


def test_officer_reads_the_dashboard_then_searches_and_filters_the_register(
    page: Page, live_server, devon
):
    manager = StaffUserFactory(authority=devon, role=StaffRole.MANAGER)
    children_registered_in_bulk(devon, 8)
    RegisterEntryFactory(
        child=ChildFactory(authority=devon, first_name="Isla", last_name="Moorcroft"),
        status="enquiry",
        primary_reason="mental_health",
    )

    sign_in(page, live_server.url, manager.email)
    expect(
        page.get_by_role("img", name=re.compile("Main reason for not being in school"))
    ).to_be_visible()
    expect(
        page.get_by_role("table", name=re.compile("Year group today: the figures"))
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Register", exact=True).click()
    expect(page.get_by_text("9 entries, newest first")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Search").fill("moorc")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("1 entry found")).to_be_visible()
    expect(page.get_by_role("link", name="Moorcroft, Isla")).to_be_visible()

    page.get_by_label("Search").fill("")
    page.get_by_role("group", name="Status").get_by_label("Registered", exact=True).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("8 entries found")).to_be_visible()
    expect(page.get_by_role("link", name="Moorcroft, Isla")).to_have_count(0)
    expect(page.get_by_role("link", name="Export to CSV")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("Remove this filter")).click()
    expect(page.get_by_text("9 entries, newest first")).to_be_visible()

    page.get_by_label("Search").fill("x" * 101)
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Reports", exact=True).click()
    expect(page.get_by_role("heading", name="Reports", level=1)).to_be_visible()
    expect(page.get_by_text("9 children on the register in the period")).to_be_visible()
    assert_accessible(page)

    end = page.get_by_role("group", name="End date")
    end.get_by_label("Year").fill("2000")
    page.get_by_role("button", name="Show the report").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)


def test_the_register_filters_work_without_javascript(browser: Browser, live_server, devon):
    officer = StaffUserFactory(authority=devon)
    children_registered_in_bulk(devon, 3)
    RegisterEntryFactory(
        child=ChildFactory(authority=devon, last_name="Moorcroft"), status="enquiry"
    )
    context = browser.new_context(java_script_enabled=False)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        sign_in(page, live_server.url, officer.email)
        expect(page.get_by_role("img", name=re.compile("Year group today"))).to_be_visible()
        page.get_by_role("link", name="Register", exact=True).click()
        page.get_by_role("group", name="Status").get_by_label("Enquiry", exact=True).check()
        page.get_by_role("button", name="Apply filters").click()
        expect(page.get_by_text("1 entry found")).to_be_visible()
        expect(page.get_by_role("link", name=re.compile("Moorcroft"))).to_be_visible()
    finally:
        context.close()
