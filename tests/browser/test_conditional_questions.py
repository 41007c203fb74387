"""Questions revealed by a radio, in Chromium: GOV.UK Frontend's conditional reveal with
JavaScript on (hidden until their radio is chosen, and axe finds nothing), every question shown
and the page working with JavaScript off."""

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import TIMEOUT_MS, assert_accessible, axe_violations
from tests.browser.test_notify_journey import accessible
from tests.public import begin, complete_answers, provider_answers, up_to

pytestmark = pytest.mark.browser


def browser_page(browser: Browser, *, javascript: bool) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=javascript)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def with_javascript(browser: Browser) -> Iterator[Page]:
    yield from browser_page(browser, javascript=True)


@pytest.fixture
def without_javascript(browser: Browser) -> Iterator[Page]:
    yield from browser_page(browser, javascript=False)


def open_question(page: Page, live_server, question: str) -> None:
    """Open one question of the notification, the questions before it already answered."""
    client = Client()
    begin(client, up_to(question, complete_answers(providers=[provider_answers(1)])))
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto(live_server.url + reverse("public:notify-page", args=[question]))


def choose_an_address_and_go_on(page: Page) -> None:
    """At an address, with the address; a website typed before stays in its box."""
    page.get_by_label("At an address").check()
    page.get_by_label("Address line 1").fill("Woodside Farm")
    page.get_by_label("Town or city").fill("Tiverton")
    page.get_by_label("Postcode").fill("EX16 4AA")
    page.get_by_role("button", name="Continue").click()
    expect(
        heading(page, "About how many hours a week does your child spend with this provider?")
    ).to_be_visible()


def heading(page: Page, name: str):
    return page.get_by_role("heading", name=name, level=1)


def test_the_parents_address_is_asked_only_once_no_is_chosen(with_javascript, live_server, devon):
    page = with_javascript
    open_question(page, live_server, "parent-address-1")
    address = page.get_by_label("Address line 1")

    expect(address).to_be_hidden()
    assert_accessible(page)
    page.get_by_label("No", exact=True).check()
    expect(address).to_be_visible()
    expect(page.get_by_label("No", exact=True)).to_have_attribute("aria-expanded", "true")
    assert_accessible(page)
    page.get_by_label("Yes", exact=True).check()
    expect(address).to_be_hidden()

    page.get_by_role("button", name="Continue").click()
    expect(
        heading(page, "How can the local authority contact the parent or carer?")
    ).to_be_visible()


def test_a_website_left_under_online_does_not_stop_at_an_address(
    with_javascript, live_server, devon
):
    page = with_javascript
    open_question(page, live_server, "provider-location-1")
    expect(page.get_by_label("Website")).to_be_hidden()
    expect(page.get_by_label("Address line 1")).to_be_hidden()

    page.get_by_label("Online").check()
    page.get_by_label("Website").fill("not a website")
    assert_accessible(page)
    page.get_by_label("At an address").check()
    expect(page.get_by_label("Website")).to_be_hidden()

    choose_an_address_and_go_on(page)


def test_without_javascript_every_question_is_shown_and_the_page_works(
    without_javascript, live_server, devon
):
    page = without_javascript
    open_question(page, live_server, "provider-location-1")

    for label in ("Address line 1", "Town or city", "Postcode", "Website"):
        expect(page.get_by_label(label)).to_be_visible()
    accessible(page)
    page.get_by_label("Website").fill("not a website")

    choose_an_address_and_go_on(page)


def test_axe_still_refuses_aria_that_gov_uk_frontend_does_not_write(page: Page):
    page.set_content(
        """<!DOCTYPE html><html lang="en"><head><title>Radios</title></head><body><main>
        <fieldset><legend>Pick one</legend>
        <input type="radio" id="a" name="a" aria-pressed="true"><label for="a">A</label>
        <input type="radio" id="b" name="a" aria-controls="nowhere"><label for="b">B</label>
        </fieldset></main></body></html>"""
    )

    assert {violation["id"] for violation in axe_violations(page)} >= {
        "aria-allowed-attr",
        "aria-valid-attr-value",
    }
