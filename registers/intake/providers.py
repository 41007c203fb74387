"""A provider's answer to an information request (s.436E): for each child named, whether they
attend and for how many hours a week, and the setting's details. What it says and its one check.
"""

from dataclasses import dataclass, replace
from decimal import Decimal
from uuid import UUID

from registers.errors import ApplicationError
from registers.models import Provider
from registers.rules.codes import ProviderType
from registers.validation import (
    ADDRESS_LINE_1,
    ADDRESS_LINE_2,
    EMAIL,
    PHONE,
    TOWN,
    WITHOUT_PARENT,
    Choice,
    Hours,
    Text,
    answers_clean,
    email_clean,
    hours_without_parent_problem,
    max_length,
    phone_clean,
    postcode_clean,
    website_clean,
)

SETTING_NAME = Text(
    "Name of your setting", max_length(Provider, "name"), required="Enter the name of your setting"
)
SETTING_TYPE = Choice("Type of setting", tuple(ProviderType.choices), "Select the type of setting")
SETTING_WEBSITE = Text(
    "Website (optional)", max_length(Provider, "website"), length_label="Website"
)
SETTING_EMAIL = replace(EMAIL, required="Enter an email address")
SETTING_PHONE = replace(
    PHONE, label="Telephone number (optional)", length_label="Telephone number"
)
# The address is optional for a setting that teaches only online.
OPTIONAL_LINE_1 = replace(ADDRESS_LINE_1, required="")
OPTIONAL_TOWN = replace(TOWN, required="")
NO_ADDRESS_OR_WEBSITE = (
    "Enter the address of your setting, or its website if you teach only online"
)
EVERY_CHILD_ONCE = "Answer for each child named in the request, and only for them"


def attends_message(child_name: str) -> str:
    return f"Select yes if {child_name} attends, or no if they do not"


def attendance_hours(child_name: str) -> tuple[Hours, Hours]:
    """The two estimates asked for one child: total hours, and hours without a parent."""
    total = f"Total hours a week for {child_name}"
    without = f"{WITHOUT_PARENT} for {child_name}"
    return (
        Hours(
            total,
            missing=f"Enter the total hours a week for {child_name}",
            not_a_number=f"{total} must be a number, like 12.5",
        ),
        Hours(
            without,
            missing=f"Enter the hours without a parent present for {child_name}",
            not_a_number=f"{without} must be a number, like 12.5",
        ),
    )


@dataclass(frozen=True, kw_only=True)
class ChildAttendance:
    """A provider's answer for one child: whether they attend, and the hours a week if so."""

    child_id: UUID
    attends: bool
    hours_per_week: Decimal | str | None = None
    hours_without_parent: Decimal | str | None = None


@dataclass(frozen=True, kw_only=True)
class SettingDetails:
    """The setting's details as the provider confirms or corrects them (s.436C(1)(e))."""

    name: str
    provider_type: str
    address_line_1: str = ""
    address_line_2: str = ""
    town: str = ""
    postcode: str = ""
    website: str = ""
    email: str
    phone: str = ""


@dataclass(frozen=True, kw_only=True)
class ProviderAnswers:
    children: tuple[ChildAttendance, ...]
    setting: SettingDetails


def child_attendance_validate(*, child_name: str, attendance: ChildAttendance) -> ChildAttendance:
    """One child's answer with its hours checked; hours are dropped if they do not attend.

    ApplicationError is keyed "hours_per_week" and "hours_without_parent", naming the child.
    """
    if not attendance.attends:
        return replace(attendance, hours_per_week=None, hours_without_parent=None)
    total_spec, without_spec = attendance_hours(child_name)
    hours, errors = answers_clean(
        attendance,
        {"hours_per_week": total_spec.clean, "hours_without_parent": without_spec.clean},
    )
    if not errors:
        problem = hours_without_parent_problem(
            total=hours["hours_per_week"],
            without_parent=hours["hours_without_parent"],
            label=without_spec.label,
        )
        if problem:
            errors["hours_without_parent"] = [problem]
    if errors:
        raise ApplicationError(errors)
    return replace(attendance, **hours)


def setting_details_validate(*, details: SettingDetails) -> SettingDetails:
    """The setting's details, tidied; an address or a website is needed, and an address begun
    must be whole. ApplicationError is keyed by SettingDetails field names."""
    parts = (details.address_line_1, details.address_line_2, details.town, details.postcode)
    has_address = any(part.strip() for part in parts)
    kept, errors = answers_clean(
        details,
        {
            "name": SETTING_NAME.clean,
            "provider_type": SETTING_TYPE.clean,
            "address_line_1": (ADDRESS_LINE_1 if has_address else OPTIONAL_LINE_1).clean,
            "address_line_2": ADDRESS_LINE_2.clean,
            "town": (TOWN if has_address else OPTIONAL_TOWN).clean,
            "postcode": lambda value: postcode_clean(value, required=has_address),
            "website": lambda value: website_clean(value, SETTING_WEBSITE),
            "email": lambda value: email_clean(value, SETTING_EMAIL),
            "phone": lambda value: phone_clean(value, SETTING_PHONE),
        },
    )
    if not has_address and "website" not in errors and not kept.get("website"):
        errors["address_line_1"] = [NO_ADDRESS_OR_WEBSITE]
    if errors:
        raise ApplicationError(errors)
    return SettingDetails(**kept)


def provider_answers_validate(
    *, children: dict[UUID, str], answers: ProviderAnswers
) -> tuple[list[ChildAttendance], SettingDetails]:
    """Every named child (id -> name, in the page's order) answered once and nobody else.

    Errors are keyed '<field>_<child id hex>' for a child's answers and by field name for the
    setting's.
    """
    by_child = {attendance.child_id: attendance for attendance in answers.children}
    if set(by_child) != set(children) or len(by_child) != len(answers.children):
        raise ApplicationError(EVERY_CHILD_ONCE)
    errors: dict[str, list[str]] = {}
    checked = []
    for child_id, name in children.items():
        try:
            checked.append(
                child_attendance_validate(child_name=name, attendance=by_child[child_id])
            )
        except ApplicationError as error:
            errors |= {
                f"{field}_{child_id.hex}": messages for field, messages in error.errors.items()
            }
    try:
        setting = setting_details_validate(details=answers.setting)
    except ApplicationError as error:
        errors |= error.errors
    if errors:
        raise ApplicationError(errors)
    return checked, setting
