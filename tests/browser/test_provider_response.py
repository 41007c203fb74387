"""A provider answers an LA's information request (s.436E), in Chromium, as a provider would."""

import re
from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from registers.models import InformationRequest, Notification, Task
from registers.services.provider_requests import provider_request_send
from tests.browser.conftest import assert_accessible
from tests.factories import (
    AddressFactory,
    ChildFactory,
    EducationArrangementFactory,
    ProviderFactory,
    staff_actor,
)
from tests.links import link_sent

pytestmark = pytest.mark.browser

WITHOUT_OVER_TOTAL = (
    "Hours without a parent present for Amelia Brightwater must be the same as or less than "
    "the total hours"
)


def test_a_provider_answers_for_two_children_once(page: Page, live_server, devon, officer):
    devon.contact_email = "cnis@devon.example"
    devon.save()
    provider = ProviderFactory(
        authority=devon,
        name="Oakwood Forest School",
        email="hello@oakwood.example",
        address=AddressFactory(line_1="1 Oak Lane", town="Exeter", postcode="EX1 1AA"),
    )
    for first, last, born in (
        ("Amelia", "Brightwater", date(2015, 5, 3)),
        ("Rowan", "Tregothnan", date(2016, 1, 9)),
    ):
        child = ChildFactory(authority=devon, first_name=first, last_name=last, date_of_birth=born)
        EducationArrangementFactory(child=child, provider=provider)
    token = link_sent(provider_request_send(provider=provider, actor=staff_actor(officer)))
    link = live_server.url + reverse("public:provider-request", kwargs={"token": token})

    # The children: one attends (first with more time alone than in total), one does not.
    page.goto(link)
    expect(
        page.get_by_role("heading", name="Children who attend Oakwood Forest School", level=1)
    ).to_be_visible()
    assert_accessible(page)
    amelia = page.get_by_role("group", name="Amelia Brightwater, born 3 May 2015")
    amelia.get_by_role("group", name="Does Amelia attend?").get_by_label("Yes").check()
    amelia.get_by_label("Total hours a week", exact=True).fill("12.5")
    amelia.get_by_label("Hours without a parent present", exact=True).fill("14")
    rowan = page.get_by_role("group", name="Rowan Tregothnan, born 9 January 2016")
    rowan.get_by_role("group", name="Does Rowan attend?").get_by_label("No").check()
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible(page)
    without = amelia.get_by_label("Hours without a parent present", exact=True)
    error_link = page.locator(".govuk-error-summary").get_by_role("link", name=WITHOUT_OVER_TOTAL)
    expect(error_link).to_have_attribute("href", f"#{without.get_attribute('id')}")
    error_link.click()
    assert page.evaluate("document.activeElement.id") == without.get_attribute("id")
    without.fill("10")
    page.get_by_role("button", name="Continue").click()

    # The setting's details, as the LA holds them, confirmed unchanged.
    expect(page.get_by_role("heading", name="Your setting's details", level=1)).to_be_visible()
    assert_accessible(page)
    expect(page.get_by_label("Name of your setting")).to_have_value("Oakwood Forest School")
    expect(page.get_by_label("Out-of-school setting")).to_be_checked()
    expect(page.get_by_label("Postcode")).to_have_value("EX1 1AA")
    page.get_by_role("button", name="Continue").click()

    # Check, then send.
    expect(
        page.get_by_role("heading", name="Check your answers before sending them", level=1)
    ).to_be_visible()
    assert_accessible(page)
    expect(page.get_by_text("12.5", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Change whether Rowan attends")).to_be_visible()
    page.get_by_role("button", name="Accept and send").click()

    expect(page.get_by_role("heading", name="Information sent", level=1)).to_be_visible()
    notification = Notification.objects.get()
    expect(page.get_by_text(f"Your reference is {notification.reference}")).to_be_visible()
    assert_accessible(page)
    assert [child["attends"] for child in notification.payload["children"]] == [True, False]
    assert notification.payload["children"][0]["hours_without_parent"] == "10.0"
    assert InformationRequest.objects.get().response == notification
    assert Task.objects.filter(kind=Task.Kind.REVIEW_NOTIFICATION).count() == 1

    # The link works once.
    page.goto(link)
    expect(
        page.get_by_role("heading", name="This link has already been used", level=1)
    ).to_be_visible()
    expect(page.get_by_role("link", name="cnis@devon.example")).to_be_visible()
    assert_accessible(page)
    assert Notification.objects.count() == 1
