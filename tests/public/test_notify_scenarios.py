"""Whole journeys through "Tell us your child is not in school", walked as tables of answers.

Each scenario answers every page it is shown, as a parent would, and lists the pages in the
order it expects to see them. The walk also checks every back link and that no page it is sent
to is out of reach.
"""

from collections.abc import Callable

import pytest

from registers.public.notify import routing
from tests.public import ELSEWHERE, HOME, complete_answers, parent_answers, provider_answers

Script = dict[str, dict | Callable[[dict], dict]]


def list_answer(group: str, wanted: int) -> Callable[[dict], dict]:
    """The "add another?" answer of a parent who means to add `wanted` in all."""

    def answer(answers: dict) -> dict:
        count = routing.group_count(answers, group)
        return {"add_another": "yes" if count < wanted else "no", "count": count}

    return answer


def script_from(answers: dict, *, parents: int = 1, providers: int = 0) -> Script:
    script: Script = dict(answers)
    script[routing.PARENTS_SUMMARY] = list_answer("parent", parents)
    if providers:
        script[routing.PROVIDERS_SUMMARY] = list_answer("provider", providers)
    return script


def walk(script: Script) -> tuple[list[str], dict]:
    """Answer each page the routing shows, from the first to the confirmation."""
    answers: dict = {}
    shown: list[str] = []
    page = routing.FIRST_PAGE
    while page != routing.CONFIRMATION:
        assert routing.is_reachable(page, answers), page
        expected_back = shown[-1] if shown else None
        assert routing.previous_page(page, answers) == expected_back, page
        shown.append(page)
        if page != routing.CHECK_ANSWERS:
            given = script[page]
            answers[page] = given(answers) if callable(given) else given
        page = routing.next_page(page, answers)
        assert len(shown) < 80, "the journey does not end"
    return shown, answers


CHILD_PAGES = [
    "child-name",
    "child-date-of-birth",
    "child-sex",
    "child-address",
    "child-moved-in",
]


def parent_pages(number: int) -> list[str]:
    return [f"{page}-{number}" for page in routing.PARENT_PAGES]


def provider_pages(number: int) -> list[str]:
    return [f"{page}-{number}" for page in routing.PROVIDER_PAGES]


END_PAGES = ["school", "reason", "sen", "support", "check-answers", "declaration"]

SCENARIOS = [
    pytest.param(
        script_from(complete_answers()),
        [
            *CHILD_PAGES,
            "child-additional-address-question",
            *parent_pages(1),
            "parents-summary",
            "education-hours",
            "other-providers-question",
            *END_PAGES,
        ],
        id="one parent who educates, no providers",
    ),
    pytest.param(
        script_from(
            complete_answers(
                parents=[
                    parent_answers(1),
                    parent_answers(2, first_name="Sam", relationship="father", address=ELSEWHERE),
                ],
                providers=[
                    provider_answers(1),
                    provider_answers(2, name="Forest School", address=HOME),
                ],
            ),
            parents=2,
            providers=2,
        ),
        [
            *CHILD_PAGES,
            "child-additional-address-question",
            *parent_pages(1),
            "parents-summary",
            *parent_pages(2),
            "parents-summary",
            "education-hours",
            "other-providers-question",
            *provider_pages(1),
            "providers-summary",
            *provider_pages(2),
            "providers-summary",
            *END_PAGES,
        ],
        id="two parents and two providers",
    ),
    pytest.param(
        script_from(
            complete_answers(
                moved_in=(2026, 6), previous_address=ELSEWHERE, additional_address=ELSEWHERE
            )
        ),
        [
            *CHILD_PAGES,
            "child-previous-address",
            "child-additional-address-question",
            "child-additional-address",
            *parent_pages(1),
            "parents-summary",
            "education-hours",
            "other-providers-question",
            *END_PAGES,
        ],
        id="moved in under 12 months ago, and lives at a second address",
    ),
    pytest.param(
        script_from(
            complete_answers(
                school={
                    "never_at_school": False,
                    "school_name": "Woodland Special School",
                    "still_on_roll": "yes",
                    "special_school": "yes",
                }
            )
        ),
        [
            *CHILD_PAGES,
            "child-additional-address-question",
            *parent_pages(1),
            "parents-summary",
            "education-hours",
            "other-providers-question",
            *END_PAGES,
        ],
        id="still on the roll of a special school (the same pages; the service routes it)",
    ),
    pytest.param(
        script_from(
            complete_answers(
                parents=[parent_answers(1, educates=False)],
                providers=[provider_answers(1, hours="25", hours_without_parent="25")],
            ),
            providers=1,
        ),
        [
            *CHILD_PAGES,
            "child-additional-address-question",
            *parent_pages(1),
            "parents-summary",
            "other-providers-question",
            *provider_pages(1),
            "providers-summary",
            *END_PAGES,
        ],
        id="no parent educates: no parents' hours, one provider",
    ),
    pytest.param(
        script_from(
            complete_answers(parents=[parent_answers(number) for number in range(1, 5)]),
            parents=5,
        ),
        [
            *CHILD_PAGES,
            "child-additional-address-question",
            *parent_pages(1),
            "parents-summary",
            *parent_pages(2),
            "parents-summary",
            *parent_pages(3),
            "parents-summary",
            *parent_pages(4),
            "parents-summary",
            "education-hours",
            "other-providers-question",
            *END_PAGES,
        ],
        id="a fifth parent cannot be added: the list stops at four",
    ),
]


@pytest.mark.parametrize(("script", "expected_pages"), SCENARIOS)
def test_a_whole_journey_shows_the_expected_pages(script, expected_pages):
    shown, answers = walk(script)

    assert shown == expected_pages
    assert routing.is_complete(answers)
    assert list(routing.pruned(answers)) == [
        page for page in routing.journey(answers) if page != routing.CHECK_ANSWERS
    ]


def test_changing_an_answer_on_check_answers_asks_only_what_the_change_opens():
    _, answers = walk(script_from(complete_answers()))

    answers[routing.CHILD_ADDITIONAL_ADDRESS_QUESTION] = {"has_additional_address": "yes"}
    opened = routing.page_after_change(
        routing.CHILD_ADDITIONAL_ADDRESS_QUESTION, answers, routing.CHECK_ANSWERS
    )
    assert opened == routing.CHILD_ADDITIONAL_ADDRESS

    answers[opened] = ELSEWHERE
    assert routing.page_after_change(opened, answers, routing.CHECK_ANSWERS) == (
        routing.CHECK_ANSWERS
    )


def test_saying_yes_to_providers_from_check_answers_walks_the_providers_loop():
    _, answers = walk(script_from(complete_answers()))
    answers[routing.OTHER_PROVIDERS_QUESTION] = {"has_providers": "yes"}
    pages = []
    page = routing.page_after_change(
        routing.OTHER_PROVIDERS_QUESTION, answers, routing.CHECK_ANSWERS
    )
    provider = provider_answers(1)
    while page != routing.CHECK_ANSWERS:
        pages.append(page)
        answers[page] = provider[page] if page in provider else list_answer("provider", 1)(answers)
        page = routing.page_after_change(page, answers, routing.CHECK_ANSWERS)

    assert pages == [*provider_pages(1), "providers-summary"]
