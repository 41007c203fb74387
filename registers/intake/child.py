"""A child an officer puts on the register by hand (found by the LA, or referred by a school,
an agency or another LA): what the officer gives, in the officer's words."""

from dataclasses import dataclass, replace
from datetime import date

from registers.errors import ApplicationError
from registers.models import Child, RegisterEntry
from registers.rules.codes import (
    NotificationSource,
    PreviousSchoolType,
    PrimaryReason,
    Sex,
)
from registers.rules.identifiers import IdentifierError, normalise_nhs_number, normalise_upn
from registers.validation import (
    ADDRESS_LINE_1,
    ADDRESS_LINE_2,
    TOWN,
    DateQuestion,
    Invalid,
    Text,
    answers_clean,
    compulsory_school_age_problem,
    max_length,
    postcode_clean,
)

FIRST_NAME = Text(
    "First name", max_length(Child, "first_name"), required="Enter the child's first name"
)
MIDDLE_NAMES = Text("Middle names", max_length(Child, "middle_names"))
LAST_NAME = Text(
    "Last name", max_length(Child, "last_name"), required="Enter the child's last name"
)
DATE_OF_BIRTH = DateQuestion("Date of birth")
SEX_MESSAGE = "Select the child's sex, or ‘Sex unknown’"
# Typed with spaces or in lower case, then checked and kept in normal form.
IDENTIFIER_TYPED_MAX = 20
UPN = Text("Unique pupil number (UPN) (optional)", IDENTIFIER_TYPED_MAX, length_label="UPN")
NHS_NUMBER = Text("NHS number (optional)", IDENTIFIER_TYPED_MAX, length_label="NHS number")
SOURCE_MESSAGE = "Select how the local authority found out about the child"
# How an officer may say the LA heard of a child; a parent's notification comes by its own door.
OFFICER_SOURCES = (
    (NotificationSource.LOCAL_AUTHORITY, "Found by the local authority"),
    (NotificationSource.AGENCY, "Referred by another agency"),
    (NotificationSource.SCHOOL, "Told by a school"),
    (NotificationSource.OTHER_LOCAL_AUTHORITY, "Told by another local authority"),
)
PREVIOUS_SCHOOL_NAME = Text(
    "Previous school (optional)",
    max_length(RegisterEntry, "previous_school_name"),
    length_label="Previous school",
)
DUPLICATE_UPN = "A child with this UPN is already on the register – check the UPN"


@dataclass(frozen=True, kw_only=True)
class ChildAddDetails:
    first_name: str
    middle_names: str = ""
    last_name: str
    date_of_birth: date
    sex: Sex
    upn: str = ""
    nhs_number: str = ""
    address_line_1: str
    address_line_2: str = ""
    town: str
    postcode: str
    source: NotificationSource
    primary_reason: PrimaryReason = PrimaryReason.UNKNOWN
    previous_school_name: str = ""
    previous_school_type: PreviousSchoolType = PreviousSchoolType.ELSEWHERE_OR_UNKNOWN


def identifier_clean(spec: Text, normalise):
    def clean(value: object) -> str:
        typed = spec.clean(value)
        if not typed:
            return ""
        try:
            return normalise(typed)
        except IdentifierError as error:
            raise Invalid(str(error)) from None

    return clean


def _date_of_birth(today: date):
    def clean(value: date | None) -> date:
        if value is None:
            raise Invalid(DATE_OF_BIRTH.required)
        if value >= today:
            raise Invalid(DATE_OF_BIRTH.not_past)
        # Only a child of compulsory school age belongs on the register (s.436B(4)).
        problem = compulsory_school_age_problem(value, today, parent=False)
        if problem:
            raise Invalid(problem)
        return value

    return clean


def child_add_details_validate(*, details: ChildAddDetails, today: date) -> ChildAddDetails:
    """The details, tidied (identifiers and postcode in normal form); ApplicationError names
    each field that is wrong."""
    kept, errors = answers_clean(
        details,
        {
            "first_name": FIRST_NAME.clean,
            "middle_names": MIDDLE_NAMES.clean,
            "last_name": LAST_NAME.clean,
            "date_of_birth": _date_of_birth(today),
            "upn": identifier_clean(UPN, normalise_upn),
            "nhs_number": identifier_clean(NHS_NUMBER, normalise_nhs_number),
            "address_line_1": ADDRESS_LINE_1.clean,
            "address_line_2": ADDRESS_LINE_2.clean,
            "town": TOWN.clean,
            "postcode": postcode_clean,
            "previous_school_name": PREVIOUS_SCHOOL_NAME.clean,
        },
    )
    if errors:
        raise ApplicationError(errors)
    return replace(details, **kept)
