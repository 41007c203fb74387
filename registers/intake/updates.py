"""A parent's answer to an update request (s.436D): everything still correct, or what has
changed. What it says and its one check."""

from dataclasses import dataclass
from decimal import Decimal

from registers.errors import ApplicationError
from registers.validation import (
    ADDRESS_LINE_1,
    ADDRESS_LINE_2,
    TOWN,
    Hours,
    Text,
    answers_clean,
    postcode_clean,
)

STILL_CORRECT_MESSAGE = "Select yes if the information is still correct"
HOURS_BY_PARENTS = Hours(
    "Hours a week you teach your child",
    missing="Enter the hours a week you teach your child, like 20",
    not_a_number="Hours a week you teach your child must be a number, like 20",
)
PROVIDERS = Text(
    "Changes to tutors, classes or other providers (optional)",
    1000,
    length_label="Changes to providers",
    multiline=True,
)
ANYTHING_ELSE = Text(
    "Anything else that has changed (optional)",
    2000,
    length_label="Anything else",
    multiline=True,
)
NOTHING_CHANGED = (
    "Tell us what has changed – a new address, the hours you teach, providers or anything else"
)
ADDRESS_PARTS = ("address_line_1", "address_line_2", "town", "postcode")


@dataclass(frozen=True, kw_only=True)
class UpdateAnswers:
    """A parent's answer: everything still correct, or what has changed."""

    still_correct: bool
    address_line_1: str = ""
    address_line_2: str = ""
    town: str = ""
    postcode: str = ""
    hours_by_parents: Decimal | str | None = None
    providers: str = ""
    anything_else: str = ""


def update_answers_validate(*, answers: UpdateAnswers) -> UpdateAnswers:
    """The answers, tidied; ApplicationError names each field that is wrong.

    A new address is optional, but one begun must be whole.
    """
    if answers.still_correct:
        return UpdateAnswers(still_correct=True)
    moved = any(
        isinstance(part, str) and part.strip()
        for part in (getattr(answers, name) for name in ADDRESS_PARTS)
    )
    hours = answers.hours_by_parents
    kept, errors = answers_clean(
        answers,
        {
            "address_line_1": ADDRESS_LINE_1.clean if moved else _blank,
            "address_line_2": ADDRESS_LINE_2.clean,
            "town": TOWN.clean if moved else _blank,
            "postcode": postcode_clean if moved else _blank,
            "hours_by_parents": HOURS_BY_PARENTS.clean if hours not in (None, "") else _none,
            "providers": PROVIDERS.clean,
            "anything_else": ANYTHING_ELSE.clean,
        },
    )
    if not errors and not (
        moved or kept["hours_by_parents"] is not None or kept["providers"] or kept["anything_else"]
    ):
        errors["__all__"] = [NOTHING_CHANGED]
    if errors:
        raise ApplicationError(errors)
    return UpdateAnswers(still_correct=False, **kept)


def _blank(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _none(value: object) -> None:
    return None
