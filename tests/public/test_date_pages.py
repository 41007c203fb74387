"""Every page with a date field gives the GOV.UK date error, once, for what is not a date, and
saves nothing: the four inputs that once gave a server error and a date with three bad parts,
on the notification, reporting a change, asking for a new link and adding a child."""

from datetime import date

import pytest
from django.urls import reverse

from registers.models import Child, InformationRequest, Notification, OutboxMessage
from registers.public.answers import JourneyAnswers
from registers.public.notify import routing
from registers.public.notify.answers import ANSWERS_KEY
from tests.factories import child_with_record
from tests.pages import assert_errors_shown
from tests.public import begin, complete_answers, up_to
from tests.services.test_child_register import ADD_CHILD_FORM

pytestmark = pytest.mark.django_db

# (day, month, year) and which error it gets.
BAD_DATES = [
    pytest.param(("1", "1", "99999999999"), "year", id="huge year"),
    pytest.param((" ", "1", "2016"), "required", id="whitespace-only day"),
    pytest.param(("1", " ", " "), "required", id="whitespace-only month and year"),
    pytest.param(("²", "1", "2016"), "real", id="non-ASCII digit"),
    pytest.param(("1", "1", "0000"), "real", id="year 0000"),
    pytest.param(("aa", "bb", "cc"), "real", id="three bad parts"),
]


def messages(question: str, example: str) -> dict[str, str]:
    return {
        "year": "Year must include 4 numbers",
        "required": (
            f"Enter {question[0].lower()}{question[1:]} – day, month and year, like {example}"
        ),
        "real": f"{question} must be a real date",
    }


def typed(name: str, parts: tuple[str, str, str]) -> dict:
    return {f"{name}_{number}": part for number, part in enumerate(parts)}


@pytest.fixture
def entry(devon):
    entry = child_with_record(authority=devon, date_of_birth=date(2015, 4, 9)).entries.get()
    entry.reference = "HXK4-7QWT"
    entry.save()
    return entry


def assert_one_date_error(response, field: str, message: str) -> None:
    assert_errors_shown(response, [(f"id_{field}_0", message)])


@pytest.mark.parametrize(("parts", "kind"), BAD_DATES)
def test_the_notifications_date_of_birth(client, devon, parts, kind):
    begin(client, up_to(routing.CHILD_DATE_OF_BIRTH, complete_answers()))

    response = client.post(
        reverse("public:notify-page", args=[routing.CHILD_DATE_OF_BIRTH]),
        typed("date_of_birth", parts),
    )

    message = messages("Your child's date of birth", "27 3 2016")[kind]
    assert_one_date_error(response, "date_of_birth", message)
    assert routing.CHILD_DATE_OF_BIRTH not in client.session[ANSWERS_KEY]["answers"]


@pytest.mark.parametrize(("parts", "kind"), BAD_DATES)
def test_reporting_a_change_the_childs_date_of_birth(client, entry, parts, kind):
    response = client.post(
        reverse("public:report-change"), {"reference": "HXK4-7QWT"} | typed("date_of_birth", parts)
    )

    message = messages("Your child's date of birth", "27 3 2016")[kind]
    assert_one_date_error(response, "date_of_birth", message)
    assert JourneyAnswers(client.session, "change").load() is None


@pytest.mark.parametrize(("parts", "kind"), BAD_DATES)
def test_reporting_a_change_the_date_of_a_move(client, entry, parts, kind):
    client.post(
        reverse("public:report-change"),
        {"reference": "HXK4-7QWT", "date_of_birth_0": "9", "date_of_birth_1": "4"}
        | {"date_of_birth_2": "2015"},
    )
    client.post(reverse("public:report-change-kind"), {"kind": "leaving_area"})

    response = client.post(reverse("public:report-change-details"), typed("moving_on", parts))

    assert_one_date_error(response, "moving_on", messages("Date you move", "27 3 2026")[kind])
    assert JourneyAnswers(client.session, "change").load()["details"] == {}
    assert not Notification.objects.exists()


@pytest.mark.parametrize(("parts", "kind"), BAD_DATES)
def test_asking_for_a_new_link(client, entry, parts, kind):
    response = client.post(
        reverse("public:update-new-link"),
        {"reference": "HXK4-7QWT"} | typed("date_of_birth", parts),
    )

    message = messages("Your child's date of birth", "27 3 2016")[kind]
    assert_one_date_error(response, "date_of_birth", message)
    assert not InformationRequest.objects.exists()
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize(("parts", "kind"), BAD_DATES)
def test_adding_a_child(officer_client, parts, kind):
    response = officer_client.post(
        reverse("staff:child-add"), ADD_CHILD_FORM | typed("date_of_birth", parts)
    )

    assert_one_date_error(response, "date_of_birth", messages("Date of birth", "27 3 2016")[kind])
    assert not Child.objects.exists()
