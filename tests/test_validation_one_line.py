"""A single-line answer (a name, a provider's or a school's name, an address line) refuses line
breaks and other control characters with one message, on the pages and at the intake alike.

A line break in a provider's name used to be saved, and later stopped the provider's request
email going out: the mail library refuses a subject that spans two lines. Multi-line answers
(the text boxes) keep their line breaks.
"""

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from registers.errors import ApplicationError
from registers.intake.notification import notification_details_validate
from registers.intake.support import SupportRequestDetails, support_request_validate
from registers.models import Notification
from registers.public.notify import routing
from registers.public.notify.answers import ANSWERS_KEY
from tests.intake import notification_data, parent_data, provider_data
from tests.public import complete_answers, provider_answers

pytestmark = pytest.mark.django_db

TODAY = timezone.datetime(2026, 11, 28).date()

# What a person may paste or a system may send: each is refused inside a single-line answer.
CONTROL_CHARACTERS = [
    pytest.param("\n", id="line feed"),
    pytest.param("\r\n", id="carriage return and line feed"),
    pytest.param("\r", id="carriage return"),
    pytest.param("\t", id="tab"),
    pytest.param("\x0b", id="vertical tab"),
    pytest.param("\x00", id="null"),
    pytest.param("\x1b", id="escape"),
    pytest.param("\x85", id="next line"),
    pytest.param("\u2028", id="line separator"),
    pytest.param("\u2029", id="paragraph separator"),
]


def one_line(name: str) -> str:
    return f"{name} must not include line breaks or other hidden characters"


# Through the intake contract ------------------------------------------------------------------


def refused(data: dict) -> dict[str, list[str]]:
    with pytest.raises(ApplicationError) as raised:
        notification_details_validate(data, today=TODAY)
    return raised.value.errors


@pytest.mark.parametrize("character", CONTROL_CHARACTERS)
def test_the_intake_refuses_a_providers_name_on_two_lines(character):
    data = notification_data(providers=[provider_data(name=f"Forest{character}School")])

    assert refused(data) == {"providers[0].name": [one_line("Name of the provider")]}


@pytest.mark.parametrize(
    ("data", "path", "name"),
    [
        (notification_data(first_name="Amelia\nRose"), "child.first_name", "First name"),
        (
            notification_data(parents=[parent_data(last_name="Bright\nwater")]),
            "parents[0].last_name",
            "Last name",
        ),
        (
            notification_data(school={"attended": True, "name": "Exeter\r\nPrimary"}),
            "school.name",
            "Name of the school",
        ),
    ],
)
def test_the_intake_refuses_every_kind_of_single_line_answer_on_two_lines(data, path, name):
    assert refused(data)[path] == [one_line(name)]


def test_a_line_break_at_either_end_is_only_trimmed():
    details = notification_details_validate(
        notification_data(providers=[provider_data(name="\nForest School\r\n")]), today=TODAY
    )

    assert details.providers[0].name == "Forest School"


def test_a_multi_line_answer_keeps_its_line_breaks():
    details = support_request_validate(
        details=SupportRequestDetails(
            name="Robin Brightwater",
            email="robin@family.example",
            child_name="Amelia Brightwater",
            support_wanted="Advice about exams.\r\nAnd a visit, please.\tThank you",
        )
    )

    assert details.support_wanted == "Advice about exams.\r\nAnd a visit, please.\tThank you"


def test_a_single_line_answer_of_the_same_request_is_refused():
    with pytest.raises(ApplicationError) as raised:
        support_request_validate(
            details=SupportRequestDetails(
                name="Robin\nBrightwater",
                email="robin@family.example",
                child_name="Amelia Brightwater",
                support_wanted="Advice",
            )
        )

    assert raised.value.errors == {"name": [one_line("Your name")]}


# Through the public pages ---------------------------------------------------------------------


@pytest.fixture
def journey(client, devon):
    """Holds a parent's answers up to a page, as if they had answered them, on the day the
    answers were built for."""

    def up_to(page: str):
        answers = complete_answers(providers=[provider_answers(1)])
        path = routing.journey(answers)
        client.get(reverse("public:notify-start"))
        session = client.session
        stored = session[ANSWERS_KEY]
        stored["answers"] = {
            name: answers[name] for name in path[: path.index(page)] if name in answers
        }
        session[ANSWERS_KEY] = stored
        session.save()
        return client

    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 11, 28, 10)), tick=False):
        yield up_to


def post(client, page: str, data: dict):
    return client.post(reverse("public:notify-page", kwargs={"page": page}), data)


def assert_refused_on_the_page(response, field_id: str, message: str) -> None:
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert f'<a href="#{field_id}">{escape(message)}</a>' in content
    assert content.count(escape(message)) >= 2  # in the summary and by the field


@pytest.mark.parametrize("character", CONTROL_CHARACTERS)
def test_the_provider_page_refuses_a_name_on_two_lines(journey, character):
    client = journey("provider-details-1")
    response = post(
        client,
        "provider-details-1",
        {"name": f"Forest{character}School", "provider_type": "out_of_school_setting"},
    )

    assert_refused_on_the_page(response, "id_name", one_line("Name of the provider"))
    assert "provider-details-1" not in client.session[ANSWERS_KEY]["answers"]


def test_the_child_name_page_refuses_a_name_on_two_lines(journey):
    response = post(
        journey("child-name"),
        "child-name",
        {"first_name": "Amelia", "middle_names": "Rose\nMay", "last_name": "Brightwater"},
    )

    assert_refused_on_the_page(response, "id_middle_names", one_line("Middle names"))
    assert not Notification.objects.exists()


def test_the_staff_add_a_child_form_refuses_a_name_on_two_lines(officer_client):
    response = officer_client.post(
        reverse("staff:child-add"),
        {
            "first_name": "Amelia",
            "last_name": "Bright\nwater",
            "date_of_birth_0": "10",
            "date_of_birth_1": "6",
            "date_of_birth_2": "2015",
        },
    )

    assert escape(one_line("Last name")) in response.content.decode()
