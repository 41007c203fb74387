"""An officer pages through a long register and a provider's children, in Chromium, with axe."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import (
    ChildFactory,
    EducationArrangementFactory,
    ProviderFactory,
    StaffUserFactory,
    children_registered_in_bulk,
)

pytestmark = pytest.mark.browser


def test_officer_reaches_the_last_page_of_the_register_and_comes_back(
    page: Page, live_server, devon, settings
):
    settings.CNIS_REGISTER_PAGE_SIZE = 10
    officer = StaffUserFactory(authority=devon)
    children_registered_in_bulk(devon, 25)

    sign_in(page, live_server.url, officer.email)
    page.get_by_role("link", name="Register", exact=True).click()
    expect(page.get_by_text("25 entries, newest first")).to_be_visible()
    expect(page.get_by_role("link", name="Family00000, Child0")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Last page").click()
    expect(page.get_by_role("link", name="Family00024, Child24")).to_be_visible()
    expect(page.get_by_role("link", name="Next page")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Previous page").click()
    expect(page.get_by_role("link", name="Family00005, Child5")).to_be_visible()
    page.get_by_role("link", name="First page").click()
    expect(page.get_by_role("link", name="Family00000, Child0")).to_be_visible()
    expect(page.get_by_role("link", name="Previous page")).to_have_count(0)


def test_officer_pages_through_the_children_at_a_provider(
    page: Page, live_server, devon, settings
):
    settings.CNIS_REGISTER_PAGE_SIZE = 10
    officer = StaffUserFactory(authority=devon)
    provider = ProviderFactory(authority=devon, name="Oakwood Forest School")
    for n in range(12):
        child = ChildFactory(authority=devon, first_name=f"Child{n}", last_name=f"Family{n:02d}")
        EducationArrangementFactory(child=child, provider=provider)

    sign_in(page, live_server.url, officer.email)
    page.goto(f"{live_server.url}/staff/providers/{provider.pk}/")
    expect(page.get_by_text("12 children attend now, by surname.")).to_be_visible()
    expect(page.get_by_role("link", name="Child9 Family09")).to_be_visible()
    expect(page.get_by_role("link", name="Child10 Family10")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Next page").click()
    expect(page.get_by_role("link", name="Child10 Family10")).to_be_visible()
    expect(page.get_by_role("link", name="Child11 Family11")).to_be_visible()
    assert_accessible(page)
