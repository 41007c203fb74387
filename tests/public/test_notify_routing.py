"""Page order of "Tell us your child is not in school": each branch of the pure routing."""

import pytest

from registers.public.notify import routing
from registers.public.notify.answers import answers_without
from tests.public import ELSEWHERE, complete_answers, parent_answers, provider_answers


def one_parent(**parent) -> dict:
    return parent_answers(1, **parent)


@pytest.mark.parametrize(
    ("under_12_months", "expected"),
    [(True, routing.CHILD_PREVIOUS_ADDRESS), (False, routing.CHILD_ADDITIONAL_ADDRESS_QUESTION)],
)
def test_a_recent_move_asks_for_the_previous_address(under_12_months, expected):
    answers = {
        routing.CHILD_MOVED_IN: {"month": 3, "year": 2026, "under_12_months": under_12_months}
    }

    assert routing.next_page(routing.CHILD_MOVED_IN, answers) == expected


@pytest.mark.parametrize(
    ("has_additional", "expected"),
    [("yes", routing.CHILD_ADDITIONAL_ADDRESS), ("no", "parent-name-1")],
)
def test_another_address_is_asked_for_only_when_there_is_one(has_additional, expected):
    answers = {
        routing.CHILD_ADDITIONAL_ADDRESS_QUESTION: {"has_additional_address": has_additional}
    }

    assert routing.next_page(routing.CHILD_ADDITIONAL_ADDRESS_QUESTION, answers) == expected


def test_a_parent_is_asked_five_things_then_the_list():
    answers = one_parent()
    pages = ["parent-name-1", "parent-relationship-1", "parent-address-1", "parent-contact-1"]
    for current, following in zip(pages, pages[1:] + ["parent-educates-1"], strict=True):
        assert routing.next_page(current, answers) == following
    assert routing.next_page("parent-educates-1", answers) == routing.PARENTS_SUMMARY


@pytest.mark.parametrize(
    ("add_another", "educates", "expected"),
    [
        ("yes", True, "parent-name-2"),
        ("no", True, routing.EDUCATION_HOURS),
        ("no", False, routing.OTHER_PROVIDERS_QUESTION),
    ],
)
def test_the_parents_list_adds_another_or_goes_on_to_education(add_another, educates, expected):
    answers = {
        **one_parent(educates=educates),
        routing.PARENTS_SUMMARY: {"add_another": add_another, "count": 1},
    }

    assert routing.next_page(routing.PARENTS_SUMMARY, answers) == expected


def test_the_second_parent_returns_to_the_list_which_asks_again():
    answers = complete_answers(parents=[parent_answers(1), parent_answers(2, first_name="Sam")])
    # Given when there was one parent: it says nothing about the list of two.
    answers[routing.PARENTS_SUMMARY] = {"add_another": "yes", "count": 1}

    assert routing.next_page("parent-educates-2", answers) == routing.PARENTS_SUMMARY
    assert routing.first_unanswered(answers) == routing.PARENTS_SUMMARY
    assert routing.previous_page("parent-name-2", answers) == routing.PARENTS_SUMMARY


def test_no_more_than_four_parents_can_be_added():
    answers = {
        **{page: answer for n in range(1, 5) for page, answer in parent_answers(n).items()},
        routing.PARENTS_SUMMARY: {"add_another": "yes", "count": 4},
    }

    assert routing.next_page(routing.PARENTS_SUMMARY, answers) == routing.EDUCATION_HOURS
    assert not routing.is_known_page("parent-name-5")


@pytest.mark.parametrize(
    ("has_providers", "expected"),
    [("yes", "provider-details-1"), ("no", routing.SCHOOL)],
)
def test_other_providers_are_asked_about_only_when_there_are_some(has_providers, expected):
    answers = {**one_parent(), routing.OTHER_PROVIDERS_QUESTION: {"has_providers": has_providers}}

    assert routing.next_page(routing.OTHER_PROVIDERS_QUESTION, answers) == expected


def test_a_provider_is_asked_three_things_then_the_list():
    answers = {
        **one_parent(),
        routing.OTHER_PROVIDERS_QUESTION: {"has_providers": "yes"},
        **provider_answers(1),
    }

    assert routing.next_page("provider-details-1", answers) == "provider-location-1"
    assert routing.next_page("provider-location-1", answers) == "provider-hours-1"
    assert routing.next_page("provider-hours-1", answers) == routing.PROVIDERS_SUMMARY


@pytest.mark.parametrize(
    ("count", "add_another", "expected"),
    [(1, "yes", "provider-details-2"), (1, "no", routing.SCHOOL), (6, "yes", routing.SCHOOL)],
)
def test_the_providers_list_adds_another_up_to_six(count, add_another, expected):
    answers = {
        **one_parent(),
        routing.OTHER_PROVIDERS_QUESTION: {"has_providers": "yes"},
        **{
            page: answer
            for n in range(1, count + 1)
            for page, answer in provider_answers(n).items()
        },
        routing.PROVIDERS_SUMMARY: {"add_another": add_another, "count": count},
    }

    assert routing.next_page(routing.PROVIDERS_SUMMARY, answers) == expected


def test_the_last_questions_lead_to_check_answers_then_the_declaration_then_sending():
    answers = complete_answers()

    assert routing.next_page(routing.SCHOOL, answers) == routing.REASON
    assert routing.next_page(routing.REASON, answers) == routing.SEN
    assert routing.next_page(routing.SEN, answers) == routing.SUPPORT
    assert routing.next_page(routing.SUPPORT, answers) == routing.CHECK_ANSWERS
    assert routing.next_page(routing.CHECK_ANSWERS, answers) == routing.DECLARATION
    assert routing.next_page(routing.DECLARATION, answers) == routing.CONFIRMATION


@pytest.mark.parametrize(
    ("answers", "page", "expected"),
    [
        ({}, routing.CHILD_NAME, None),
        ({}, routing.CHILD_SEX, routing.CHILD_DATE_OF_BIRTH),
        (
            complete_answers(previous_address=ELSEWHERE),
            routing.CHILD_ADDITIONAL_ADDRESS_QUESTION,
            routing.CHILD_PREVIOUS_ADDRESS,
        ),
        (complete_answers(), routing.CHILD_ADDITIONAL_ADDRESS_QUESTION, routing.CHILD_MOVED_IN),
        (complete_answers(), "parent-name-1", routing.CHILD_ADDITIONAL_ADDRESS_QUESTION),
        (complete_answers(), routing.OTHER_PROVIDERS_QUESTION, routing.EDUCATION_HOURS),
        (
            complete_answers(parents=[parent_answers(1, educates=False)]),
            routing.OTHER_PROVIDERS_QUESTION,
            routing.PARENTS_SUMMARY,
        ),
        (complete_answers(), routing.SCHOOL, routing.OTHER_PROVIDERS_QUESTION),
        (
            complete_answers(providers=[provider_answers(1), provider_answers(2)]),
            routing.SCHOOL,
            routing.PROVIDERS_SUMMARY,
        ),
        (
            complete_answers(providers=[provider_answers(1), provider_answers(2)]),
            "provider-details-2",
            routing.PROVIDERS_SUMMARY,
        ),
        (complete_answers(), routing.DECLARATION, routing.CHECK_ANSWERS),
    ],
)
def test_back_links_go_to_the_page_before(answers, page, expected):
    assert routing.previous_page(page, answers) == expected


def test_the_first_unanswered_page_is_where_a_parent_carries_on():
    assert routing.first_unanswered({}) == routing.CHILD_NAME
    answers = complete_answers()
    assert routing.first_unanswered(answers) == routing.CHECK_ANSWERS
    del answers[routing.SEN]
    assert routing.first_unanswered(answers) == routing.SEN


def test_a_page_after_the_first_unanswered_one_cannot_be_reached():
    answers = {routing.CHILD_NAME: {"first_name": "Amelia", "last_name": "Brightwater"}}

    assert routing.is_reachable(routing.CHILD_DATE_OF_BIRTH, answers)
    assert routing.is_reachable(routing.CHILD_NAME, answers)
    assert not routing.is_reachable(routing.CHILD_SEX, answers)
    assert not routing.is_reachable(routing.CHECK_ANSWERS, answers)
    assert not routing.is_reachable(routing.DECLARATION, answers)
    # Not on this parent's path at all: they moved in long ago.
    assert not routing.is_reachable(routing.CHILD_PREVIOUS_ADDRESS, complete_answers())
    assert routing.is_reachable(routing.DECLARATION, complete_answers())


def test_a_change_returns_to_check_answers_unless_it_opens_a_new_question():
    answers = complete_answers()
    assert (
        routing.page_after_change(routing.CHILD_SEX, answers, routing.CHECK_ANSWERS)
        == routing.CHECK_ANSWERS
    )

    answers[routing.CHILD_ADDITIONAL_ADDRESS_QUESTION] = {"has_additional_address": "yes"}
    assert (
        routing.page_after_change(
            routing.CHILD_ADDITIONAL_ADDRESS_QUESTION, answers, routing.CHECK_ANSWERS
        )
        == routing.CHILD_ADDITIONAL_ADDRESS
    )


def test_a_change_from_the_parents_list_returns_to_the_list():
    answers = complete_answers()
    del answers[routing.SEN]

    assert (
        routing.page_after_change("parent-contact-1", answers, routing.PARENTS_SUMMARY)
        == routing.PARENTS_SUMMARY
    )


def test_answers_off_the_path_are_not_sent():
    answers = complete_answers(providers=[provider_answers(1)])
    answers[routing.OTHER_PROVIDERS_QUESTION] = {"has_providers": "no"}

    kept = routing.pruned(answers)

    assert "provider-details-1" not in kept
    assert routing.PROVIDERS_SUMMARY not in kept
    assert kept[routing.OTHER_PROVIDERS_QUESTION] == {"has_providers": "no"}


@pytest.mark.parametrize(
    ("page", "known"),
    [
        (routing.CHILD_NAME, True),
        ("parent-name-4", True),
        ("parent-name-5", False),
        ("provider-hours-6", True),
        ("provider-hours-7", False),
        ("child-name-1", False),
        (routing.CONFIRMATION, False),
        ("anything", False),
    ],
)
def test_only_the_journeys_pages_are_known(page, known):
    assert routing.is_known_page(page) is known


def test_removing_a_parent_renumbers_those_after_and_asks_the_list_again():
    answers = complete_answers(
        parents=[
            parent_answers(1, first_name="Robin"),
            parent_answers(2, first_name="Sam", email="", phone=""),
            parent_answers(3, first_name="Alex"),
        ]
    )

    first_removed = answers_without(answers, "parent", 1)

    assert routing.group_count(first_removed, "parent") == 2
    assert first_removed["parent-name-1"]["first_name"] == "Sam"
    assert first_removed["parent-name-2"]["first_name"] == "Alex"
    assert "parent-name-3" not in first_removed
    # Sam is now the first parent, who must be contactable: asked again.
    assert routing.first_unanswered(first_removed) == "parent-contact-1"

    middle_removed = answers_without(answers, "parent", 2)
    assert [middle_removed[f"parent-name-{n}"]["first_name"] for n in (1, 2)] == ["Robin", "Alex"]
    assert routing.first_unanswered(middle_removed) == routing.PARENTS_SUMMARY
