"""What an officer gives when changing a child's record, or recording a contact, a visit or a
suitability decision: the answers, their words and their one check each.

The staff forms show these messages by their fields; the services check again with the same
functions, so nothing reaches the database that a form would have refused.
"""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from registers.errors import ApplicationError
from registers.intake.child import (
    FIRST_NAME,
    LAST_NAME,
    MIDDLE_NAMES,
    NHS_NUMBER,
    UPN,
    identifier_clean,
)
from registers.intake.notification import PROVIDER_NAME, PROVIDER_TYPE
from registers.models import (
    ChildSafeguarding,
    Contact,
    Person,
    RegisterEntry,
    SuitabilityDecision,
    Visit,
)
from registers.rules.codes import (
    PreviousSchoolType,
    PrimaryReason,
    Relationship,
    SenProvision,
    Sex,
)
from registers.rules.identifiers import normalise_nhs_number, normalise_upn
from registers.validation import (
    ADDRESS_LINE_1,
    ADDRESS_LINE_2,
    EMAIL,
    PHONE,
    TOWN,
    WITHOUT_PARENT,
    Choice,
    DateQuestion,
    Hours,
    Invalid,
    Text,
    answers_clean,
    email_clean,
    hours_without_parent_problem,
    max_length,
    phone_clean,
    postcode_clean,
)

# Notes, summaries and evidence: long enough for a visit report, short of a pasted document.
NOTE_MAX = 5000

# The child ----------------------------------------------------------------------------------

DATE_OF_BIRTH = DateQuestion("Date of birth")
SEX = Choice("Sex", tuple(Sex.choices), "Select the child's sex, or ‘Sex unknown’")
SEN_PROVISION = Choice(
    "Special educational needs",
    tuple(SenProvision.choices),
    "Select the child's special educational needs, or ‘Not known’",
)


@dataclass(frozen=True, kw_only=True)
class ChildDetails:
    first_name: str
    middle_names: str = ""
    last_name: str
    date_of_birth: date | None
    sex: str
    upn: str = ""
    nhs_number: str = ""


def _past_date(question: DateQuestion, today: date):
    def clean(value: date | None) -> date:
        if value is None:
            raise Invalid(question.required)
        if value >= today:
            raise Invalid(question.not_past)
        return value

    return clean


def child_details_validate(*, details: ChildDetails, today: date) -> ChildDetails:
    kept, errors = answers_clean(
        details,
        {
            "first_name": FIRST_NAME.clean,
            "middle_names": MIDDLE_NAMES.clean,
            "last_name": LAST_NAME.clean,
            "date_of_birth": _past_date(DATE_OF_BIRTH, today),
            "sex": SEX.clean,
            "upn": identifier_clean(UPN, normalise_upn),
            "nhs_number": identifier_clean(NHS_NUMBER, normalise_nhs_number),
        },
    )
    if errors:
        raise ApplicationError(errors)
    return replace(details, **kept)


def sen_provision_validate(sen_provision: object) -> str:
    try:
        return SEN_PROVISION.clean(sen_provision)
    except Invalid as problem:
        raise ApplicationError({"sen_provision": [str(problem)]}) from None


# A new home address -----------------------------------------------------------------------------

MOVED_ON = DateQuestion("The date the child moved to this address")
SAME_ADDRESS = "This is the address the record already holds – enter the new address"
MOVED_BEFORE_LAST = "The date the child moved must be after they moved to the address held now"


@dataclass(frozen=True, kw_only=True)
class NewAddress:
    line_1: str
    line_2: str = ""
    town: str
    postcode: str
    moved_on: date | None


def new_address_validate(*, address: NewAddress, today: date) -> NewAddress:
    kept, errors = answers_clean(
        address,
        {
            "line_1": ADDRESS_LINE_1.clean,
            "line_2": ADDRESS_LINE_2.clean,
            "town": TOWN.clean,
            "postcode": postcode_clean,
            "moved_on": _moved_on(today),
        },
    )
    if errors:
        raise ApplicationError(errors)
    return replace(address, **kept)


def _moved_on(today: date):
    def clean(value: date | None) -> date:
        if value is None:
            raise Invalid(MOVED_ON.required)
        if value > today:
            raise Invalid("The date the child moved must be today or in the past")
        return value

    return clean


# A parent or carer --------------------------------------------------------------------------

PARENT_FIRST_NAME = Text(
    "First name", max_length(Person, "first_name"), required="Enter the parent's first name"
)
PARENT_LAST_NAME = Text(
    "Last name", max_length(Person, "last_name"), required="Enter the parent's last name"
)
RELATIONSHIP = Choice(
    "Relationship to the child", tuple(Relationship.choices), "Select how they are related"
)
PARENT_EMAIL = replace(EMAIL, label="Email address (optional)")
PARENT_PHONE = replace(PHONE, label="Phone number (optional)")


@dataclass(frozen=True, kw_only=True)
class ParentDetails:
    first_name: str
    last_name: str
    relationship: str
    email: str = ""
    phone: str = ""
    has_parental_responsibility: bool
    provides_education: bool


def parent_details_validate(*, details: ParentDetails) -> ParentDetails:
    kept, errors = answers_clean(
        details,
        {
            "first_name": PARENT_FIRST_NAME.clean,
            "last_name": PARENT_LAST_NAME.clean,
            "relationship": RELATIONSHIP.clean,
            "email": lambda value: email_clean(value, PARENT_EMAIL),
            "phone": lambda value: phone_clean(value, PARENT_PHONE),
        },
    )
    if errors:
        raise ApplicationError(errors)
    return replace(details, **kept)


# An education arrangement, and where the information came from ---------------------------------

HOURS = Hours(
    "Total hours a week",
    missing="Enter the total hours a week, like 20",
    not_a_number="Total hours a week must be a number, like 12.5",
)
HOURS_WITHOUT_PARENT = Hours(
    WITHOUT_PARENT,
    missing="Enter the hours without a parent present, like 4",
    not_a_number=f"{WITHOUT_PARENT} must be a number, like 12.5",
)
INFORMATION_SOURCES = (
    ("provider_phone", "The provider, by phone"),
    ("provider_email", "The provider, by email"),
    ("parent", "The parent or carer"),
    ("visit", "A visit"),
    ("other", "Somewhere else"),
)
SOURCE = Choice(
    "Where did this information come from?",
    INFORMATION_SOURCES,
    "Select where the information came from",
)


def source_label(source: str) -> str:
    return dict(INFORMATION_SOURCES)[source]


@dataclass(frozen=True, kw_only=True)
class ArrangementDetails:
    hours_per_week: Decimal | str | None
    hours_without_parent: Decimal | str | None = None
    source: str


def arrangement_details_validate(*, details: ArrangementDetails) -> ArrangementDetails:
    kept, errors = answers_clean(
        details,
        {
            "hours_per_week": HOURS.clean,
            "hours_without_parent": lambda value: (
                None if value in (None, "") else HOURS_WITHOUT_PARENT.clean(value)
            ),
            "source": SOURCE.clean,
        },
    )
    if not errors and kept["hours_without_parent"] is not None:
        problem = hours_without_parent_problem(
            total=kept["hours_per_week"], without_parent=kept["hours_without_parent"]
        )
        if problem:
            errors["hours_without_parent"] = [problem]
    if errors:
        raise ApplicationError(errors)
    return replace(details, **kept)


@dataclass(frozen=True, kw_only=True)
class NewProviderArrangement:
    """A provider the officer has heard the child attends, and for how long each week."""

    name: str
    provider_type: str
    email: str = ""
    hours_per_week: Decimal | str | None
    hours_without_parent: Decimal | str | None = None
    source: str


def new_provider_arrangement_validate(
    *, details: NewProviderArrangement
) -> NewProviderArrangement:
    kept, errors = answers_clean(
        details,
        {
            "name": PROVIDER_NAME.clean,
            "provider_type": PROVIDER_TYPE.clean,
            "email": lambda value: email_clean(value, PROVIDER_EMAIL),
        },
    )
    try:
        hours = arrangement_details_validate(
            details=ArrangementDetails(
                hours_per_week=details.hours_per_week,
                hours_without_parent=details.hours_without_parent,
                source=details.source,
            )
        )
    except ApplicationError as error:
        errors |= error.errors
    else:
        kept |= {
            "hours_per_week": hours.hours_per_week,
            "hours_without_parent": hours.hours_without_parent,
        }
    if errors:
        raise ApplicationError(errors)
    return replace(details, **kept)


# Previous school and the main reason ----------------------------------------------------------

PREVIOUS_SCHOOL_NAME = Text(
    "Previous school (optional)",
    max_length(RegisterEntry, "previous_school_name"),
    length_label="Previous school",
)
PREVIOUS_SCHOOL_URN = Text(
    "Previous school's URN (optional)",
    max_length(RegisterEntry, "previous_school_urn"),
    length_label="URN",
)
URN_DIGITS = "The URN must be 6 to 8 digits, like 113456"
PREVIOUS_SCHOOL_TYPE = Choice(
    "Type of previous school", tuple(PreviousSchoolType.choices), "Select the type of school"
)
PRIMARY_REASON = Choice(
    "Main reason the child is not in school",
    tuple(PrimaryReason.choices),
    "Select the main reason, or ‘Unknown’",
)


@dataclass(frozen=True, kw_only=True)
class PreviousSchool:
    previous_school_name: str = ""
    previous_school_urn: str = ""
    previous_school_type: str
    primary_reason: str


def _urn(value: object) -> str:
    urn = PREVIOUS_SCHOOL_URN.clean(value)
    if urn and not (urn.isascii() and urn.isdigit() and 6 <= len(urn) <= 8):
        raise Invalid(URN_DIGITS)
    return urn


def previous_school_validate(*, details: PreviousSchool) -> PreviousSchool:
    kept, errors = answers_clean(
        details,
        {
            "previous_school_name": PREVIOUS_SCHOOL_NAME.clean,
            "previous_school_urn": _urn,
            "previous_school_type": PREVIOUS_SCHOOL_TYPE.clean,
            "primary_reason": PRIMARY_REASON.clean,
        },
    )
    if errors:
        raise ApplicationError(errors)
    return replace(details, **kept)


# Safeguarding (prescribed items 13 to 15) -------------------------------------------------------

SAFEGUARDING_STATUS = tuple(ChildSafeguarding.Status.choices)
SECTION_47 = Choice("Section 47 enquiry", SAFEGUARDING_STATUS, "Select a section 47 status")
CP_PLAN = Choice(
    "Child protection plan", SAFEGUARDING_STATUS, "Select a child protection plan status"
)
CIN = Choice("Child in need", SAFEGUARDING_STATUS, "Select a child in need status")
CP_PLAN_ENDED = DateQuestion("The date the child protection plan ended")
LOOKED_AFTER_REASON = Text(
    "Why the child is looked after (optional)", NOTE_MAX, length_label="Reason", multiline=True
)


@dataclass(frozen=True, kw_only=True)
class SafeguardingDetails:
    section_47_enquiry: str
    child_protection_plan: str
    child_protection_plan_ended_on: date | None = None
    child_in_need: str
    looked_after: bool
    looked_after_reason: str = ""


def safeguarding_details_validate(
    *, details: SafeguardingDetails, today: date
) -> SafeguardingDetails:
    kept, errors = answers_clean(
        details,
        {
            "section_47_enquiry": SECTION_47.clean,
            "child_protection_plan": CP_PLAN.clean,
            "child_in_need": CIN.clean,
            "looked_after_reason": LOOKED_AFTER_REASON.clean,
        },
    )
    ended = details.child_protection_plan_ended_on
    if ended is not None and ended > today:
        errors["child_protection_plan_ended_on"] = [CP_PLAN_ENDED.not_past]
    if errors:
        raise ApplicationError(errors)
    return replace(details, **kept)


# Contacts, visits and suitability decisions --------------------------------------------------

CONTACT_KIND = Choice("Kind of contact", tuple(Contact.Kind.choices), "Select the kind of contact")
CONTACT_DIRECTION = Choice(
    "Who contacted whom", tuple(Contact.Direction.choices), "Select who made the contact"
)
CONTACT_ON = DateQuestion("The date of the contact")
CONTACT_SUMMARY = Text(
    "Summary", NOTE_MAX, required="Enter a summary of the contact", multiline=True
)


@dataclass(frozen=True, kw_only=True)
class ContactDetails:
    kind: str
    direction: str
    occurred_on: date | None
    summary: str


def contact_details_validate(*, details: ContactDetails) -> ContactDetails:
    kept, errors = answers_clean(
        details,
        {
            "kind": CONTACT_KIND.clean,
            "direction": CONTACT_DIRECTION.clean,
            "occurred_on": _given(CONTACT_ON),
            "summary": CONTACT_SUMMARY.clean,
        },
    )
    if errors:
        raise ApplicationError(errors)
    return replace(details, **kept)


VISIT_STATUS = Choice(
    "What has happened to the visit?", tuple(Visit.Status.choices), "Select what has happened"
)
VISIT_OFFERED_ON = DateQuestion("The date the visit was offered")
VISIT_ON = DateQuestion("The date of the visit")
AT_HOME_MESSAGE = "Select yes if the visit is at the child's home"
VISITED_BY = Text(
    "Who visits (optional)", max_length(Visit, "visited_by"), length_label="Who visits"
)
VISIT_NOTES = Text("Notes (optional)", NOTE_MAX, length_label="Notes", multiline=True)


@dataclass(frozen=True, kw_only=True)
class VisitDetails:
    status: str
    offered_on: date | None
    visit_on: date | None = None
    at_home: bool
    visited_by: str = ""
    notes: str = ""


def visit_details_validate(*, details: VisitDetails) -> VisitDetails:
    kept, errors = answers_clean(
        details,
        {
            "status": VISIT_STATUS.clean,
            "offered_on": _given(VISIT_OFFERED_ON),
            "visited_by": VISITED_BY.clean,
            "notes": VISIT_NOTES.clean,
        },
    )
    if errors:
        raise ApplicationError(errors)
    return replace(details, **kept)


SUITABILITY_OUTCOME = Choice(
    "Is the child's education suitable?",
    tuple(SuitabilityDecision.Outcome.choices),
    "Select whether the education is suitable, or ‘Not yet determined’",
)
DECIDED_ON = DateQuestion("The date of the decision")
EVIDENCE = Text(
    "Evidence and reasons",
    NOTE_MAX,
    required="Enter the evidence and reasons for the decision",
    multiline=True,
)


@dataclass(frozen=True, kw_only=True)
class SuitabilityDetails:
    outcome: str
    decided_on: date | None
    evidence: str


def suitability_details_validate(*, details: SuitabilityDetails) -> SuitabilityDetails:
    kept, errors = answers_clean(
        details,
        {
            "outcome": SUITABILITY_OUTCOME.clean,
            "decided_on": _given(DECIDED_ON),
            "evidence": EVIDENCE.clean,
        },
    )
    if errors:
        raise ApplicationError(errors)
    return replace(details, **kept)


def _given(question: DateQuestion):
    def clean(value: date | None) -> date:
        if value is None:
            raise Invalid(question.required)
        return value

    return clean


# A provider's contact details -------------------------------------------------------------------

PROVIDER_EMAIL = replace(EMAIL, label="Email address (optional)")
PROVIDER_PHONE = replace(PHONE, label="Telephone number (optional)", length_label="Telephone")


@dataclass(frozen=True, kw_only=True)
class ProviderContactDetails:
    email: str = ""
    phone: str = ""
    source: str


def provider_contact_validate(*, details: ProviderContactDetails) -> ProviderContactDetails:
    kept, errors = answers_clean(
        details,
        {
            "email": lambda value: email_clean(value, PROVIDER_EMAIL),
            "phone": lambda value: phone_clean(value, PROVIDER_PHONE),
            "source": SOURCE.clean,
        },
    )
    if errors:
        raise ApplicationError(errors)
    return replace(details, **kept)
