"""A child an officer puts on the register by hand (found by the LA, or referred by a school,
an agency or another LA): what the officer gives, in the officer's words."""

from dataclasses import dataclass
from datetime import date

from registers.models import Child, RegisterEntry
from registers.rules.codes import (
    NotificationSource,
    PreviousSchoolType,
    PrimaryReason,
    Sex,
)
from registers.validation import DateQuestion, Text, max_length

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
class ChildDetails:
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
