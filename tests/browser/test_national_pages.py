"""A national analyst signs in to the national dashboard, adds an LA's register as a source,
collects the term's returns with the button and reads the result, in Chromium; each page
passes axe."""

import pytest
from playwright.sync_api import Page, expect

from registers.models import StaffRole
from tests.api.conftest import token_issue
from tests.browser.conftest import assert_accessible, enter_email_and_password, enter_security_code
from tests.factories import StaffUserFactory
from tests.national.conftest import REGISTERS, authority_with_register

pytestmark = pytest.mark.browser


def test_an_analyst_adds_a_source_collects_the_term_and_reads_the_dashboard(
    page: Page, live_server
):
    devon = authority_with_register("878")
    token = token_issue(devon, scopes=["returns:read"])
    analyst = StaffUserFactory(role=StaffRole.NATIONAL_ANALYST, authority=None)

    page.goto(live_server.url + "/staff/sign-in/")
    enter_email_and_password(page, analyst.email)
    enter_security_code(page)
    expect(page.get_by_role("heading", name="Termly returns", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Sources").click()
    page.get_by_label("LA number (DfE)").fill("999")
    page.get_by_role("button", name="Save source").click()
    expect(
        page.get_by_role("link", name="Enter the DfE number of an English local authority")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_label("LA number (DfE)").fill("878")
    page.get_by_label("Address of the LA's register").fill(live_server.url)
    page.get_by_label("Token (returns:read scope)").fill(token)
    page.get_by_role("button", name="Save source").click()
    expect(page.get_by_text("Devon (878): returns will be read from")).to_be_visible()
    expect(page.get_by_text(token)).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Returns").click()
    page.get_by_label("Academic year").fill("2025-26")
    page.get_by_label("Term").select_option("autumn")
    page.get_by_role("button", name="Collect returns").click()
    expect(page.get_by_role("heading", name="Returns for the Autumn term 2025-26")).to_be_visible()
    expect(page.get_by_text("1 valid, 0 invalid, 0 failed, 0 awaited.")).to_be_visible()
    expect(page.get_by_role("img", name="by primary reason")).to_be_visible()
    devon_row = page.get_by_role("row", name="Devon (878)")
    expect(devon_row).to_contain_text("Valid")
    expect(devon_row).to_contain_text(str(len(REGISTERS["878"])))
    assert_accessible(page)
