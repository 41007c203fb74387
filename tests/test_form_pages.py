"""Every form a person fills in says `novalidate`, public and staff, on every page that has one:
the server's GOV.UK error messages are shown, never the browser's own bubble."""

from datetime import date
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from registers.public.notify import routing
from tests.factories import (
    STAFF_PASSWORD,
    ChildFactory,
    EducationArrangementFactory,
    ProviderFactory,
    child_with_record,
    staff_actor,
)
from tests.public import (
    begin,
    complete_answers,
    parent_answers,
    provider_answers,
    provider_request_link,
    update_request_link,
)

pytestmark = pytest.mark.django_db

# Controls a browser would check for itself.
FILLED_IN = {"input", "select", "textarea"}
NOT_FILLED_IN = {"hidden", "submit", "button"}


class Forms(HTMLParser):
    """Each <form> of a page: whether it says novalidate, and whether it has a box to fill in."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append({"novalidate": "novalidate" in attributes, "fields": 0})
        elif tag in FILLED_IN and self.forms and attributes.get("type") not in NOT_FILLED_IN:
            self.forms[-1]["fields"] += 1


def forms_to_fill_in(response) -> list[dict]:
    parser = Forms()
    parser.feed(response.content.decode())
    return [form for form in parser.forms if form["fields"]]


def assert_every_form_says_novalidate(pages: dict) -> None:
    """Each page has a form to fill in, and every such form says novalidate."""
    found = {name: forms_to_fill_in(response) for name, response in pages.items()}
    assert [name for name, forms in found.items() if not forms] == []
    assert [name for name, forms in found.items() if not all(f["novalidate"] for f in forms)] == []


@pytest.fixture(autouse=True)
def empty_rate_limit_counters():
    cache.clear()
    yield
    cache.clear()


def test_the_notification(client, devon):
    answers = complete_answers(
        parents=[parent_answers(1), parent_answers(2)], providers=[provider_answers(1)]
    )
    begin(client, answers)

    pages = {
        page: client.get(reverse("public:notify-page", args=[page]))
        for page in routing.journey(answers)
        if page not in (routing.CHECK_ANSWERS, routing.CONFIRMATION)
    }
    pages["remove"] = client.get(reverse("public:notify-remove", args=["parent", 2]))

    assert_every_form_says_novalidate(pages)


def test_reporting_a_change_and_asking_for_support_or_a_new_link(client, devon):
    entry = child_with_record(authority=devon, date_of_birth=date(2015, 4, 9)).entries.get()
    born = {"date_of_birth_0": "9", "date_of_birth_1": "4", "date_of_birth_2": "2015"}
    pages = {
        "support": client.get(reverse("public:support")),
        "new link": client.get(reverse("public:update-new-link")),
        "identity": client.get(reverse("public:report-change")),
    }
    client.post(reverse("public:report-change"), {"reference": entry.reference} | born)
    pages["kind"] = client.get(reverse("public:report-change-kind"))
    for kind in ("moving_in_area", "leaving_area", "returning_to_school", "other"):
        client.post(reverse("public:report-change-kind"), {"kind": kind})
        pages[kind] = client.get(reverse("public:report-change-details"))

    assert_every_form_says_novalidate(pages)


def test_an_update_request(client, devon):
    entry = child_with_record(authority=devon).entries.get()
    entry.registered_on = date(2025, 6, 1)
    entry.save()
    token = update_request_link(entry)
    pages = {
        "start": client.get(reverse("public:update-request", args=[token])),
        "refused (ask for a new link)": client.get(
            reverse("public:update-request", args=["no-such-link"])
        ),
    }
    client.post(reverse("public:update-request", args=[token]), {"still_correct": "no"})
    pages["changes"] = client.get(reverse("public:update-request-changes", args=[token]))

    assert_every_form_says_novalidate(pages)


def test_a_providers_answer(client, devon, officer):
    provider = ProviderFactory(authority=devon, email="hello@oakwood.example")
    child = ChildFactory(authority=devon)
    EducationArrangementFactory(child=child, provider=provider)
    token = provider_request_link(provider, actor=staff_actor(officer))

    pages = {"children": client.get(reverse("public:provider-request", args=[token]))}
    client.post(
        reverse("public:provider-request", args=[token]), {f"attends_{child.pk.hex}": "no"}
    )
    pages["setting"] = client.get(reverse("public:provider-request-setting", args=[token]))

    assert_every_form_says_novalidate(pages)


def test_the_staff_pages(officer, officer_client):
    signing_in = Client()
    pages = {"sign in": signing_in.get(reverse("staff:sign-in"))}
    signing_in.post(reverse("staff:sign-in"), {"email": officer.email, "password": STAFF_PASSWORD})
    pages["security code"] = signing_in.get(reverse("staff:sign-in-code"))
    pages["add a child"] = officer_client.get(reverse("staff:child-add"))

    assert_every_form_says_novalidate(pages)
