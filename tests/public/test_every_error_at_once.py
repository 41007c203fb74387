"""Each public page shows all its errors at once, in the page's order, in the error summary and
by each field: the intake's checks of the whole page run with the fields' own, never only once
the fields pass."""

import re
from datetime import date

import pytest
from django.urls import reverse

from registers.models import Notification
from registers.public.notify import routing
from tests.factories import (
    ChildFactory,
    EducationArrangementFactory,
    ProviderFactory,
    child_with_record,
    staff_actor,
)
from tests.pages import assert_errors_shown
from tests.public import begin, complete_answers, provider_request_link, up_to, update_request_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(devon):
    child = child_with_record(authority=devon, date_of_birth=date(2015, 4, 9))
    entry = child.entries.get()
    entry.registered_on = date(2025, 6, 1)
    entry.reference = "HXK4-7QWT"
    entry.save()
    return entry


def test_a_change_of_address_shows_the_postcode_and_the_date_errors_together(client, entry):
    client.post(
        reverse("public:report-change"),
        {
            "reference": "HXK4-7QWT",
            "date_of_birth_0": "9",
            "date_of_birth_1": "4",
            "date_of_birth_2": "2015",
        },
    )
    client.post(reverse("public:report-change-kind"), {"kind": "moving_in_area"})

    response = client.post(
        reverse("public:report-change-details"),
        {
            "address_line_1": "4 Quay Lane",
            "town": "Topsham",
            "postcode": "NOTAPOSTCODE",
            "moving_on_0": "31",
            "moving_on_1": "2",
            "moving_on_2": "2026",
        },
    )

    assert_errors_shown(
        response,
        [
            ("id_postcode", "Enter a real postcode, like AA1 1AA"),
            ("id_moving_on_0", "Date you moved must be a real date"),
        ],
    )


def test_an_update_shows_the_address_and_the_hours_errors_together(client, entry):
    token = update_request_link(entry)
    client.post(reverse("public:update-request", args=[token]), {"still_correct": "no"})

    response = client.post(
        reverse("public:update-request-changes", args=[token]),
        {"address_line_1": "4 Quay Lane", "town": "", "postcode": "XX", "hours_by_parents": "-4"},
    )

    assert_errors_shown(
        response,
        [
            ("id_town", "Enter town or city"),
            ("id_postcode", "Enter a real postcode, like AA1 1AA"),
            ("id_hours_by_parents", "Hours a week you teach your child must be 0 or more"),
        ],
    )


def test_a_support_request_asks_for_a_way_to_contact_with_its_other_errors(client, devon):
    page = client.get(reverse("public:support")).content.decode()
    key = re.search(r'name="idempotency_key" value="([0-9a-f]{32})"', page)[1]

    response = client.post(
        reverse("public:support"),
        {"name": "", "email": "", "child_name": "Jory Pascoe", "idempotency_key": key},
    )

    assert_errors_shown(
        response,
        [
            ("id_name", "Enter your name"),
            ("id_email", "Enter an email address or a phone number, so that we can contact you"),
            ("id_support_wanted", "Enter what support you would like"),
        ],
    )
    assert not Notification.objects.exists()


def test_the_school_page_shows_a_long_name_with_the_unanswered_questions(client, devon):
    begin(client, up_to(routing.SCHOOL, complete_answers()))

    response = client.post(
        reverse("public:notify-page", args=[routing.SCHOOL]), {"school_name": "S" * 201}
    )

    assert_errors_shown(
        response,
        [
            ("id_school_name", "Name of the school must be 200 characters or fewer"),
            ("id_still_on_roll_1", "Select yes if your child is still on the school's roll"),
            ("id_special_school_1", "Select yes if the school is a special school"),
        ],
    )


def test_a_setting_with_a_bad_website_is_not_told_to_give_a_website(client, devon, officer):
    provider = ProviderFactory(
        authority=devon, name="Oakwood Forest School", email="hello@oakwood.example"
    )
    child = ChildFactory(authority=devon)
    EducationArrangementFactory(child=child, provider=provider)
    token = provider_request_link(provider, actor=staff_actor(officer))
    client.post(
        reverse("public:provider-request", args=[token]), {f"attends_{child.pk.hex}": "no"}
    )

    response = client.post(
        reverse("public:provider-request-setting", args=[token]),
        {
            "name": "",
            "provider_type": "tutor",
            "website": "not a website",
            "email": "hello@oakwood.example",
        },
    )

    assert_errors_shown(
        response,
        [
            ("id_name", "Enter the name of your setting"),
            ("id_website", "Enter a website address in the correct format, like www.example.com"),
        ],
    )
