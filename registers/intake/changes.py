"""A parent's report of a change between update requests: what it says and its one check.

Only the answers that belong to the kind of change are kept. Dates may be up to a year ahead
(a move being planned). An email address, if the parent gives one, is where the receipt goes.
"""

from dataclasses import dataclass, replace
from datetime import date

from registers.errors import ApplicationError
from registers.intake.identity import REFERENCE, child_date_of_birth_clean
from registers.models import RegisterEntry
from registers.rules.codes import CodeList
from registers.rules.deadlines import add_months, long_date
from registers.rules.identifiers import reference_normalise
from registers.validation import (
    ADDRESS_LINE_1,
    ADDRESS_LINE_2,
    EMAIL,
    TOWN,
    DateQuestion,
    Invalid,
    Text,
    answers_clean,
    email_clean,
    max_length,
    postcode_clean,
)

# Dates a parent gives about a change may be this far ahead (a move they are planning).
FUTURE_LIMIT_MONTHS = 12


class ChangeKind(CodeList):
    MOVING_IN_AREA = "moving_in_area", "We have moved, or are moving, to a new address in the area"
    LEAVING_AREA = "leaving_area", "We are moving out of the area, or leaving England"
    RETURNING_TO_SCHOOL = "returning_to_school", "My child is going back to school"
    OTHER = "other", "Something else"


KIND_MESSAGE = "Select what has changed"
MOVED_ON = DateQuestion("Date you moved", example="27 3 2026")
MOVING_ON = DateQuestion("Date you move", example="27 3 2026")
SCHOOL_FROM = DateQuestion("Date your child starts", example="3 9 2026")
DESTINATION = Text(
    "Where are you moving to? (optional)", 100, length_label="Where you are moving to"
)
SCHOOL_NAME = Text(
    "Which school?",
    max_length(RegisterEntry, "previous_school_name"),
    required="Enter the name of the school",
    length_label="School name",
)
DETAILS = Text(
    "What has changed?",
    2000,
    required="Enter what has changed",
    length_label="What has changed",
    multiline=True,
)
RECEIPT_EMAIL = replace(EMAIL, label="What is your email address? (optional)")


@dataclass(frozen=True, kw_only=True)
class ChangeReport:
    reference: str
    date_of_birth: date | None
    kind: ChangeKind
    address_line_1: str = ""
    address_line_2: str = ""
    town: str = ""
    postcode: str = ""
    moving_on: date | None = None
    destination: str = ""
    school_name: str = ""
    school_from: date | None = None
    details: str = ""
    email: str = ""


def change_date_clean(question: DateQuestion, value: date | None, *, today: date) -> date:
    """A date about a change: given, and no more than a year ahead."""
    if value is None:
        raise Invalid(question.required)
    latest = add_months(today, FUTURE_LIMIT_MONTHS)
    if value > latest:
        raise Invalid(f"{question.question} must be on or before {long_date(latest)}")
    return value


def _checks_for(kind: str, today: date) -> dict | None:
    """The answers a kind of change asks for, each with its check; None for no such kind."""

    def dated(question: DateQuestion):
        return lambda value: change_date_clean(question, value, today=today)

    return {
        ChangeKind.MOVING_IN_AREA: {
            "address_line_1": ADDRESS_LINE_1.clean,
            "address_line_2": ADDRESS_LINE_2.clean,
            "town": TOWN.clean,
            "postcode": postcode_clean,
            "moving_on": dated(MOVED_ON),
        },
        ChangeKind.LEAVING_AREA: {"moving_on": dated(MOVING_ON), "destination": DESTINATION.clean},
        ChangeKind.RETURNING_TO_SCHOOL: {
            "school_name": SCHOOL_NAME.clean,
            "school_from": dated(SCHOOL_FROM),
        },
        ChangeKind.OTHER: {"details": DETAILS.clean},
    }.get(kind)


def change_report_validate(*, report: ChangeReport, today: date) -> ChangeReport:
    """The report, tidied, keeping only the answers its kind asks for; ApplicationError names
    each field that is wrong."""
    checks = _checks_for(report.kind, today)
    kept, errors = answers_clean(
        report,
        {
            "reference": REFERENCE.clean,
            "date_of_birth": lambda value: child_date_of_birth_clean(value, today=today),
            "email": lambda value: email_clean(value, RECEIPT_EMAIL),
            **(checks or {}),
        },
    )
    if checks is None:
        errors["kind"] = [KIND_MESSAGE]
    if errors:
        raise ApplicationError(errors)
    kept["reference"] = reference_normalise(kept["reference"])
    return ChangeReport(kind=ChangeKind(report.kind), **kept)
