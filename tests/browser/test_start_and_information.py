"""The start page and the footer's pages in Chromium, as a parent finds them; axe checks each."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible
from tests.public.test_information_pages import PAGES as FOOTER_PAGES

pytestmark = pytest.mark.browser


def test_the_start_page_has_one_start_button_and_says_what_a_parent_needs(
    page: Page, live_server, devon
):
    page.goto(live_server.url + "/")

    expect(
        page.get_by_role("heading", name="Tell Devon your child is not in school", level=1)
    ).to_be_visible()
    main = page.get_by_role("main")
    expect(main.get_by_role("button")).to_have_count(1)
    expect(main.get_by_role("button", name="Start now")).to_be_visible()
    expect(main.get_by_role("heading", name="Before you start")).to_be_visible()
    expect(main.get_by_role("link", name="Staff sign in")).to_have_count(0)
    assert_accessible(page)

    main.get_by_role("button", name="Start now").click()
    expect(page).to_have_url(f"{live_server.url}/notify/child-name/")


@pytest.mark.parametrize(("title", "words"), FOOTER_PAGES.items())
def test_each_footer_link_opens_the_las_page(page: Page, live_server, devon, title, words):
    devon.contact_email = "cnis@devon.example"
    devon.contact_address = "County Hall\nTopsham Road\nExeter EX2 4QD"
    devon.save()
    page.goto(live_server.url + "/")

    page.get_by_role("contentinfo").get_by_role("link", name=title, exact=True).click()

    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    expect(page.get_by_role("main").get_by_text(words)).to_be_visible()
    assert_accessible(page)


def test_an_las_own_text_is_shown_as_written(page: Page, live_server, devon):
    devon.accessibility_statement = "Our statement.\n<b>Not bold</b>"
    devon.save()
    page.goto(live_server.url + "/accessibility/")

    expect(page.get_by_text("Our statement.")).to_be_visible()
    expect(page.get_by_text("<b>Not bold</b>")).to_be_visible()
    assert_accessible(page)
