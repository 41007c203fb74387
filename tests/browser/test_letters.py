"""An officer makes a letter from a child's record in Chromium: chooses it (an error first),
previews it, makes it, sees it on the timeline; an LA admin's template with an unknown
placeholder is refused. axe checks every page, error states included."""

import re

import pytest
from playwright.sync_api import Page, expect

from registers.models import Letter, StaffRole
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import StaffUserFactory, child_with_record
from tests.letters import pdf_text

pytestmark = pytest.mark.browser


def expect_error(page: Page, message: str) -> None:
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary").get_by_role("link", name=message)).to_be_visible()
    assert_accessible(page)


def test_an_officer_makes_a_letter_and_finds_it_on_the_timeline(page: Page, live_server, devon):
    officer = StaffUserFactory(authority=devon)
    child = child_with_record(authority=devon, first_name="Isla", last_name="Moorcroft")

    sign_in(page, live_server.url, officer.email)
    page.goto(f"{live_server.url}/staff/children/{child.pk}/")
    page.get_by_role("link", name="Letters").click()
    expect(page.get_by_text("No letters have been made for Isla.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Preview the letter").click()
    expect_error(page, "Select the kind of letter to make")

    page.get_by_label("Update request").check()
    page.get_by_role("button", name="Preview the letter").click()
    expect(page.get_by_role("heading", name="Preview: Update request")).to_be_visible()
    expect(page.get_by_text("Please check what we hold about Isla Moorcroft")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Make the letter").click()
    expect(page.get_by_text(re.compile(r"Update request made and emailed to"))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^Download PDF"))).to_be_visible()
    assert_accessible(page)
    letter = Letter.objects.get()
    assert "Isla Moorcroft" in pdf_text(letter.pdf)

    page.get_by_role("link", name="Timeline").click()
    expect(page.get_by_role("heading", name="Letter made: Update request")).to_be_visible()
    assert_accessible(page)


def test_an_la_admin_is_told_which_placeholder_is_unknown(page: Page, live_server, devon):
    admin = StaffUserFactory(authority=devon, role=StaffRole.LA_ADMIN)

    sign_in(page, live_server.url, admin.email)
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("navigation", name="Settings").get_by_role("link", name="Letters").click()
    expect(page.get_by_role("heading", name="Letters", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Change welcome letter").click()
    page.get_by_label("Text of the letter").fill("Dear {parent_nam},")
    page.get_by_role("button", name="Save the letter").click()
    expect_error(
        page,
        "{parent_nam} is not a placeholder this service knows – use one of the placeholders "
        "listed, spelt as shown",
    )

    page.get_by_label("Text of the letter").fill("Dear {parent_name},")
    page.get_by_role("button", name="Save the letter").click()
    expect(page.get_by_text("Welcome letter saved")).to_be_visible()
    expect(page.get_by_text("Your own text")).to_be_visible()
    assert_accessible(page)
