"""Check your answers, for a notification: everything given about each parent and carer and
each provider, each answer with its Change link, blank answers said the same way throughout."""

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.pages import summary_cards, summary_rows
from tests.public import begin, complete_answers, parent_answers, provider_answers, up_to

pytestmark = pytest.mark.django_db

MILL_STREET = {"line_1": "7 Mill Street", "line_2": "", "town": "Crediton", "postcode": "EX17 3AB"}
WOODSIDE = {"line_1": "Woodside Farm", "line_2": "", "town": "Tiverton", "postcode": "EX16 4AA"}


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 11, 28, 10)), tick=False):
        yield


def check_answers(client, answers: dict):
    begin(client, up_to("declaration", answers))
    return client.get(reverse("public:notify-page", args=["check-answers"]))


def changes(page: str) -> str:
    return f"{reverse('public:notify-page', args=[page])}?return=check-answers"


@pytest.fixture
def page(client, devon):
    return check_answers(
        client,
        complete_answers(
            parents=[
                parent_answers(1, first_name="Robin"),
                parent_answers(
                    2,
                    first_name="Sam",
                    relationship="father",
                    address=MILL_STREET,
                    email="",
                    phone="07700 900982",
                    educates=False,
                ),
                parent_answers(3, first_name="Alex", relationship="grandparent", email=""),
            ],
            parent_hours="0",
            providers=[
                provider_answers(1, hours_without_parent="0"),
                provider_answers(
                    2,
                    name="Forest School",
                    provider_type="out_of_school_setting",
                    address=WOODSIDE,
                    hours="1",
                    hours_without_parent="1",
                ),
            ],
            reason="",
            wants_support=True,
        ),
    )


def values(card: dict) -> dict[str, str]:
    return {key: row.value for key, row in card.items()}


def test_each_parent_and_carer_is_shown_with_what_was_given(page):
    cards = summary_cards(page)

    assert values(cards["Robin Brightwater"]) == {
        "Name": "Robin Brightwater",
        "Relationship to the child": "Mother",
        "Address": "Same as the child's home address",
        "Contact details": "robin@family.example",
        "Educates the child": "Yes",
    }
    assert values(cards["Sam Brightwater"]) == {
        "Name": "Sam Brightwater",
        "Relationship to the child": "Father",
        "Address": "7 Mill Street Crediton EX17 3AB",
        "Contact details": "07700 900982",
        "Educates the child": "No",
    }
    assert cards["Alex Brightwater"]["Contact details"].value == "Not given"


def test_each_provider_is_shown_with_what_was_given(page):
    cards = summary_cards(page)

    assert values(cards["Riverside Tutors"]) == {
        "Name": "Riverside Tutors",
        "Type": "Tutor",
        "Where": "Online https://tutors.example",
        "Hours a week": "About 6 hours",
        "Hours a week without a parent present": "0 hours",
    }
    assert values(cards["Forest School"]) == {
        "Name": "Forest School",
        "Type": "Out-of-school setting",
        "Where": "Woodside Farm Tiverton EX16 4AA",
        "Hours a week": "About 1 hour",
        "Hours a week without a parent present": "About 1 hour",
    }


def test_every_answer_about_a_parent_or_provider_has_its_change_link(page):
    cards = summary_cards(page)

    sam = cards["Sam Brightwater"]
    assert sam["Name"].change == changes("parent-name-2")
    assert sam["Relationship to the child"].change == changes("parent-relationship-2")
    assert sam["Address"].change == changes("parent-address-2")
    assert sam["Contact details"].change == changes("parent-contact-2")
    assert sam["Educates the child"].change == changes("parent-educates-2")
    forest = cards["Forest School"]
    assert forest["Type"].change == changes("provider-details-2")
    assert forest["Where"].change == changes("provider-location-2")
    assert forest["Hours a week without a parent present"].change == changes("provider-hours-2")
    content = page.content.decode()
    assert f'href="{changes("parents-summary")}"' in content
    assert f'href="{changes("providers-summary")}"' in content


def test_answers_are_said_plainly(page):
    rows = summary_rows(page)
    content = page.content.decode()

    assert rows["Hours a week educated by parents or carers"] == "0 hours"
    assert "About 0" not in content
    assert rows["Main reason"] == "Not given"
    assert rows["Would like support or advice"] == "Yes"
    for unclear in ("None", "Not answered", "None given"):
        assert unclear not in rows.values()
