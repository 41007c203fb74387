"""The notification contract: one check, every problem at once, each named by its path."""

from datetime import date
from decimal import Decimal

import pytest

from registers.errors import ApplicationError
from registers.intake.notification import notification_details_validate
from tests.intake import ELSEWHERE, HOME, notification_data, parent_data, provider_data

TODAY = date(2026, 11, 28)


def refused(data: dict) -> dict[str, list[str]]:
    with pytest.raises(ApplicationError) as raised:
        notification_details_validate(data, today=TODAY)
    return raised.value.errors


def test_good_data_comes_back_typed_and_tidied():
    data = notification_data(
        postcode="ex1 1aa",
        parents=[parent_data(first_name="  Robin "), parent_data(relationship="father")],
        providers=[provider_data(hours="6", hours_without_parent="4.50")],
    )

    details = notification_details_validate(data, today=TODAY)

    assert details.child.date_of_birth == date(2015, 6, 10)
    assert details.home_address.postcode == "EX1 1AA"
    assert details.lived_at_home_since == date(2019, 3, 1)
    assert details.parents[0].first_name == "Robin"
    assert details.parents[1].relationship == "father"
    assert details.hours_educated_by_parents == Decimal("20.0")
    assert details.providers[0].hours_without_parent == Decimal("4.5")
    assert details.school.name == "Exeter Primary School"


def test_the_details_give_back_the_data_they_were_made_from():
    details = notification_details_validate(
        notification_data(
            parents=[parent_data(), parent_data(address=ELSEWHERE, educates=False)],
            providers=[provider_data(), provider_data(address=HOME)],
            additional_address=ELSEWHERE,
        ),
        today=TODAY,
    )

    assert notification_details_validate(details.as_data(), today=TODAY) == details


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        (
            notification_data(date_of_birth="2022-01-01"),
            "child.date_of_birth",
            "Your child is not of compulsory school age yet – they will be from 31 March 2027."
            " You do not need to tell us until then",
        ),
        (
            notification_data(date_of_birth="2010-06-10"),
            "child.date_of_birth",
            "Your child is no longer of compulsory school age – they were until 26 June 2026."
            " You do not need to tell us about them",
        ),
        (
            notification_data(date_of_birth="2027-01-01"),
            "child.date_of_birth",
            "Your child's date of birth must be in the past",
        ),
        (
            notification_data(date_of_birth="2015-02-31"),
            "child.date_of_birth",
            "Your child's date of birth must be a real date",
        ),
        (
            notification_data(parent_hours="169"),
            "hours_educated_by_parents",
            "Hours a week must be 168 or fewer – there are 168 hours in a week",
        ),
        (
            notification_data(parent_hours="-1"),
            "hours_educated_by_parents",
            "Hours a week must be 0 or more",
        ),
        (
            notification_data(parent_hours=None),
            "hours_educated_by_parents",
            "Enter a number of hours, like 20",
        ),
        (
            notification_data(providers=[provider_data(hours="4", hours_without_parent="5")]),
            "providers[0].hours_without_parent",
            "Hours without a parent present must be the same as or less than the total hours",
        ),
        (
            notification_data(providers=[provider_data(website="", email="")]),
            "providers[0].website",
            "Enter the provider's website or email address",
        ),
        (
            notification_data(providers=[provider_data(name="T" * 201)]),
            "providers[0].name",
            "Name of the provider must be 200 characters or fewer",
        ),
        (
            notification_data(postcode="EXETER"),
            "home_address.postcode",
            "Enter a real postcode, like AA1 1AA",
        ),
        (
            notification_data(parents=[parent_data(), parent_data(email="robin@")]),
            "parents[1].email",
            "Enter an email address in the correct format, like name@example.com",
        ),
        (
            notification_data(parents=[parent_data(email="", phone="")]),
            "parents[0].email",
            "Enter an email address or a phone number",
        ),
        (
            notification_data(parents=[parent_data(phone="call me", email="")]),
            "parents[0].phone",
            "Enter a phone number, like 01632 960 001 or 07700 900 982",
        ),
        (
            notification_data(parents=[parent_data(relationship="uncle")]),
            "parents[0].relationship",
            "Select the parent or carer's relationship to the child",
        ),
        (notification_data(parents=[]), "parents", "Tell us about at least one parent or carer"),
        (
            notification_data(first_name="A" * 101),
            "child.first_name",
            "First name must be 100 characters or fewer",
        ),
        (notification_data(first_name="  "), "child.first_name", "Enter your child's first name"),
        (
            notification_data(lived_since=(2026, 6)),
            "previous_address",
            "Enter your child's previous address – they have lived at this one for less than "
            "12 months",
        ),
        (
            notification_data(lived_since=(2027, 1)),
            "lived_at_home_since",
            "The date your child started living at this address must be in the past",
        ),
        (
            notification_data(lived_since=(2014, 1)),
            "lived_at_home_since",
            "The date your child started living at this address must be after their date of birth",
        ),
        (
            notification_data(school={"attended": True, "name": ""}),
            "school.name",
            "Enter the name of the school, or select ‘My child has not been to school’",
        ),
        (
            notification_data(primary_reason="bored"),
            "primary_reason",
            "Select the main reason your child is not in school",
        ),
    ],
)
def test_each_problem_is_named_by_its_path_with_the_pages_words(data, path, message):
    assert refused(data)[path] == [message]


def test_every_problem_is_given_at_once():
    data = notification_data(
        postcode="XX",
        date_of_birth="not a date",
        parents=[parent_data(), parent_data(last_name="")],
        providers=[provider_data(hours="lots")],
    )
    data["child"]["sex"] = "other"

    assert set(refused(data)) == {
        "home_address.postcode",
        "child.date_of_birth",
        "child.sex",
        "parents[1].last_name",
        "providers[0].hours_per_week",
    }


def test_a_missing_object_is_refused_field_by_field():
    data = notification_data()
    del data["home_address"]

    assert refused(data) == {
        "home_address.line_1": ["Enter address line 1, typically the building and street"],
        "home_address.town": ["Enter town or city"],
        "home_address.postcode": ["Enter postcode"],
    }


def test_a_notification_cannot_be_made_enormous():
    errors = refused(notification_data(parents=[parent_data()] * 11))

    assert errors["parents"] == [
        "Tell us about no more than 10 parents or carers – contact the local authority about more"
    ]


def test_hours_are_not_asked_when_no_parent_educates():
    details = notification_details_validate(
        notification_data(parents=[parent_data(educates=False)], parent_hours=None), today=TODAY
    )

    assert details.hours_educated_by_parents is None


def test_reason_and_special_needs_may_be_left_out():
    details = notification_details_validate(
        notification_data(primary_reason=None, sen_provision=None), today=TODAY
    )

    assert (details.primary_reason, details.sen_provision) == ("no_reason_given", "unknown")
