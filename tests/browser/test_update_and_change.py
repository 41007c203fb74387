"""Parents' journeys in Chromium: an update link (used, replayed, expired), reporting a move,
and asking for support. axe checks every page, error states included."""

import re
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import Page, expect

from registers.actors import SCHEDULER
from registers.models import InformationRequest, Notification
from registers.rules.codes import NotificationKind
from registers.services.update_requests import update_request_send
from tests.browser.conftest import assert_accessible
from tests.factories import child_with_record
from tests.links import link_sent

pytestmark = pytest.mark.browser

BORN = date(2015, 4, 9)


@pytest.fixture(autouse=True)
def empty_rate_limit_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def entry(devon):
    child = child_with_record(
        authority=devon, first_name="Isla", last_name="Moorcroft", date_of_birth=BORN
    )
    entry = child.entries.get()
    entry.registered_on = timezone.localdate() - timedelta(days=200)
    entry.reference = "HXK4-7QWT"
    entry.save()
    return entry


@pytest.fixture
def link(live_server, entry) -> str:
    token = link_sent(update_request_send(entry=entry, actor=SCHEDULER))
    return f"{live_server.url}/update/{token}/"


def heading(page: Page, name: str):
    return page.get_by_role("heading", name=name, level=1)


def expect_error(page: Page, message: str) -> None:
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary").get_by_role("link", name=message)).to_be_visible()
    assert_accessible(page)


def fill_date(page: Page, question: str, day: date) -> None:
    group = page.get_by_role("group", name=question)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_an_update_link_works_once_then_is_refused(page: Page, link, entry):
    page.goto(link)
    expect(heading(page, "Check the information we hold")).to_be_visible()
    expect(page.get_by_text("Isla Moorcroft")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Continue").click()
    expect_error(page, "Select yes if the information is still correct")

    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()
    expect(heading(page, "Check your answers before sending your update")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Accept and send").click()
    expect(heading(page, "Update sent")).to_be_visible()
    expect(page.get_by_text("Your reference is HXK4-7QWT")).to_be_visible()
    assert_accessible(page)
    notification = Notification.objects.get()
    assert notification.kind == NotificationKind.UPDATE_RESPONSE
    assert notification.payload["still_correct"] is True

    page.goto(link)
    expect(heading(page, "This link has already been used")).to_be_visible()
    expect(page.get_by_text("Isla Moorcroft")).to_have_count(0)
    assert_accessible(page)
    assert Notification.objects.count() == 1


def test_a_parent_tells_us_what_has_changed(page: Page, link):
    page.goto(link)
    page.get_by_label("No, something has changed").check()
    page.get_by_role("button", name="Continue").click()
    expect(heading(page, "What has changed?")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Continue").click()
    expect_error(page, "Tell us what has changed")

    page.get_by_label("Address line 1").fill("4 Quay Lane")
    page.get_by_label("Town or city").fill("Topsham")
    page.get_by_label("Postcode").fill("ex3 0jb")
    page.get_by_label("Anything else that has changed (optional)").fill("<b>New tutor</b>")
    page.get_by_role("button", name="Continue").click()
    expect(heading(page, "Check your answers before sending your update")).to_be_visible()
    expect(page.get_by_text("EX3 0JB")).to_be_visible()
    expect(page.get_by_text("<b>New tutor</b>")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Accept and send").click()
    expect(heading(page, "Update sent")).to_be_visible()
    assert Notification.objects.get().payload["changes"]["postcode"] == "EX3 0JB"


def test_an_expired_link_offers_a_new_one(page: Page, live_server, link, entry):
    InformationRequest.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    page.goto(link)
    expect(heading(page, "This link has expired")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Ask for a new link").click()
    expect(heading(page, "Ask for a new link")).to_be_visible()
    expect_error(page, "Enter your reference")

    page.get_by_label("Your reference").fill("hxk4 7qwt")
    fill_date(page, "Your child's date of birth", BORN)
    page.get_by_role("button", name="Ask for a new link").click()
    expect(
        page.get_by_text(
            "If the details match a child on our register, we will email a new link to the "
            "address we hold"
        )
    ).to_be_visible()
    assert_accessible(page)
    assert InformationRequest.objects.count() == 2


def test_a_parent_reports_a_move_end_to_end(page: Page, live_server, entry):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name=re.compile("Report a change")).click()
    expect(heading(page, "Report a change")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Continue").click()
    expect_error(page, "Enter your reference")

    page.get_by_label("Your reference").fill("HXK4-7QWT")
    fill_date(page, "Your child's date of birth", BORN)
    page.get_by_role("button", name="Continue").click()
    expect(heading(page, "What has changed?")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Continue").click()
    expect_error(page, "Select what has changed")

    page.get_by_label("We have moved, or are moving, to a new address in the area").check()
    page.get_by_role("button", name="Continue").click()
    expect(heading(page, "Your new address")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Continue").click()
    expect_error(page, "Enter address line 1, typically the building and street")

    page.get_by_label("Address line 1").fill("4 Quay Lane")
    page.get_by_label("Town or city").fill("Topsham")
    page.get_by_label("Postcode").fill("EX3 0JB")
    moved = timezone.localdate() - timedelta(days=3)
    fill_date(page, "Date you moved, or will move", moved)
    page.get_by_role("button", name="Continue").click()
    expect(heading(page, "What is your email address? (optional)")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("What is your email address? (optional)").fill("robin.example")
    page.get_by_role("button", name="Continue").click()
    expect_error(page, "Enter an email address in the correct format, like name@example.com")

    page.get_by_label("What is your email address? (optional)").fill("robin@family.example")
    page.get_by_role("button", name="Continue").click()
    expect(heading(page, "Check your answers before reporting the change")).to_be_visible()
    expect(page.get_by_text("4 Quay Lane")).to_be_visible()
    expect(page.get_by_text("robin@family.example")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Accept and send").click()
    expect(heading(page, "Change reported")).to_be_visible()
    expect(
        page.get_by_text("If the reference and date of birth match a child on our register")
    ).to_be_visible()
    assert_accessible(page)

    notification = Notification.objects.get()
    assert notification.entry == entry
    assert notification.payload["postcode"] == "EX3 0JB"
    expect(page.get_by_text(f"Your reference is {notification.reference}")).to_be_visible()
    expect(page.get_by_text("We have sent you a confirmation email")).to_be_visible()


def test_a_parent_asks_for_support(page: Page, live_server, devon):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Ask for support").click()
    expect(heading(page, "Ask for support")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Your name").fill("Morwenna Pascoe")
    page.get_by_label("Your child's name").fill("Jory Pascoe")
    page.get_by_label("What support would you like?").fill("Advice about exam centres")
    page.get_by_role("button", name="Send request").click()
    expect_error(page, "Enter an email address or a phone number, so that we can contact you")

    page.get_by_label("Email address (optional if you give a phone number)").fill(
        "morwenna@family.example"
    )
    page.get_by_role("button", name="Send request").click()
    expect(heading(page, "Request sent")).to_be_visible()
    assert_accessible(page)
    notification = Notification.objects.get()
    expect(page.get_by_text(f"Your reference is {notification.reference}")).to_be_visible()
