"""A notification that a child is not in school, whichever door it came through.

This is the intake's contract (s.436D; register items 1 to 10 of s.436C(1)). The parent's web
journey, the API, a school's notice or an import each map what they received to the plain data
below and call `notification_details_validate`, the one function that checks it. Its errors are
keyed by the path of the field ("parents[1].email", 0-based) with one GOV.UK message each, the
words the parent's pages use, so that an API can answer with a 400 in the same words.

The data, as JSON:

    {
      "child": {"first_name", "middle_names", "last_name", "date_of_birth": "2016-03-27",
                "sex": "female" | "male" | "unknown"},
      "home_address": {"line_1", "line_2", "town", "postcode"},
      "lived_at_home_since": {"month": 3, "year": 2019},
      "previous_address": address | null,      (needed after less than 12 months at home)
      "additional_address": address | null,
      "parents": [{"first_name", "last_name", "relationship", "address": address | null
                   (null: lives at the child's home), "email", "phone", "educates": true}],
      "hours_educated_by_parents": "20" | null,  (needed when a parent educates)
      "providers": [{"name", "provider_type", "address": address | null (null: online),
                     "website", "email", "hours_per_week": "6", "hours_without_parent": "4"}],
      "school": {"attended": false} | {"attended": true, "name", "still_on_roll": false,
                 "special_school": "yes" | "no" | "not_sure",
                 "type": a PreviousSchoolType code (optional: a school or LA system knows it)},
      "primary_reason": a PrimaryReason code (optional), "sen_provision": a SenProvision code
                        (optional), "wants_support": false
    }
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from registers.errors import ApplicationError
from registers.models import Child, Person, Provider, RegisterEntry
from registers.rules.codes import (
    PreviousSchoolType,
    PrimaryReason,
    ProviderType,
    Relationship,
    SenProvision,
    Sex,
)
from registers.rules.deadlines import lived_there_under_12_months
from registers.validation import (
    ADDRESS_LINE_1,
    ADDRESS_LINE_2,
    TOWN,
    Choice,
    DateQuestion,
    Hours,
    Invalid,
    MonthYearQuestion,
    Text,
    YesNo,
    compulsory_school_age_problem,
    email_clean,
    hours_text,
    hours_without_parent_problem,
    max_length,
    phone_clean,
    postcode_clean,
    website_clean,
)

# What each answer is called, and what is said when it is missing or wrong --------------------

CHILD_FIRST_NAME = Text(
    "First name", max_length(Child, "first_name"), required="Enter your child's first name"
)
CHILD_MIDDLE_NAMES = Text(
    "Middle names (optional)", max_length(Child, "middle_names"), length_label="Middle names"
)
CHILD_LAST_NAME = Text(
    "Last name", max_length(Child, "last_name"), required="Enter your child's last name"
)
DATE_OF_BIRTH = DateQuestion("Your child's date of birth")
SEX = Choice(
    "What is your child's sex?",
    ((Sex.FEMALE, "Female"), (Sex.MALE, "Male"), (Sex.UNKNOWN, "Prefer not to say")),
    "Select your child's sex, or ‘Prefer not to say’",
)
LIVED_AT_HOME_SINCE = MonthYearQuestion("The date your child started living at this address")
PREVIOUS_ADDRESS_NEEDED = (
    "Enter your child's previous address – they have lived at this one for less than 12 months"
)

PARENTS_NEEDED = "Tell us about at least one parent or carer"
PARENT_FIRST_NAME = Text(
    "First name",
    max_length(Person, "first_name"),
    required="Enter the parent or carer's first name",
)
PARENT_LAST_NAME = Text(
    "Last name", max_length(Person, "last_name"), required="Enter the parent or carer's last name"
)
RELATIONSHIP = Choice(
    "What is the parent or carer's relationship to the child?",
    tuple(Relationship.choices),
    "Select the parent or carer's relationship to the child",
)
PARENT_EDUCATES = YesNo(
    "Does the parent or carer educate the child?",
    "Select yes if the parent or carer educates the child",
)
FIRST_PARENT_CONTACT = "Enter an email address or a phone number"
PARENT_HOURS = Hours("Hours a week", "Enter a number of hours, like 20")

PROVIDER_NAME = Text(
    "Name of the provider",
    max_length(Provider, "name"),
    required="Enter the name of the provider",
)
PROVIDER_TYPE = Choice(
    "Type of provider", tuple(ProviderType.choices), "Select the type of provider"
)
PROVIDER_WEBSITE = Text("Website", max_length(Provider, "website"))
PROVIDER_ONLINE_CONTACT = "Enter the provider's website or email address"
PROVIDER_HOURS = Hours("Total hours a week", "Enter the total hours a week as a number, like 20")
PROVIDER_HOURS_WITHOUT_PARENT = Hours(
    "Hours without a parent present",
    "Enter the hours a week without a parent present as a number, like 6",
)

SCHOOL_NAME = Text(
    "Name of the school",
    max_length(RegisterEntry, "previous_school_name"),
    required="Enter the name of the school, or select ‘My child has not been to school’",
)
STILL_ON_ROLL = YesNo(
    "Is your child still on the school's roll?",
    "Select yes if your child is still on the school's roll",
)
SPECIAL_SCHOOL = Choice(
    "Is it a special school?",
    (("yes", "Yes"), ("no", "No"), ("not_sure", "I'm not sure")),
    "Select yes if the school is a special school",
)
# A school or an LA system knows what kind of school it was; a parent is not asked.
SCHOOL_TYPE = Choice(
    "Type of school", tuple(PreviousSchoolType.choices), "Select the type of school"
)
# A parent may give a reason or not (s.436C(2)); a school or another LA may not know it.
PRIMARY_REASON = Choice(
    "What is the main reason your child is not in school? (optional)",
    tuple(PrimaryReason.choices),
    "Select the main reason your child is not in school",
)
SEN_PROVISION = Choice(
    "Does your child have special educational needs? (optional)",
    tuple(SenProvision.choices),
    "Select whether your child has special educational needs",
)
WANTS_SUPPORT = YesNo(
    "Would you like support or advice from the local authority?",
    "Select yes if you would like support or advice from the local authority",
)

# Bounds on one notification, so that a submission cannot be made enormous.
MOST_PARENTS = 10
MOST_PROVIDERS = 20
TOO_MANY = "Tell us about no more than {most} {what} – contact the local authority about more"


# The typed details ------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class AddressDetails:
    line_1: str
    line_2: str = ""
    town: str
    postcode: str

    def as_data(self) -> dict:
        return {
            "line_1": self.line_1,
            "line_2": self.line_2,
            "town": self.town,
            "postcode": self.postcode,
        }


@dataclass(frozen=True, kw_only=True)
class ChildDetails:
    first_name: str
    middle_names: str = ""
    last_name: str
    date_of_birth: date
    sex: Sex


@dataclass(frozen=True, kw_only=True)
class ParentDetails:
    first_name: str
    last_name: str
    relationship: Relationship
    # None: lives at the child's home address.
    address: AddressDetails | None = None
    email: str = ""
    phone: str = ""
    educates: bool


@dataclass(frozen=True, kw_only=True)
class ProviderDetails:
    name: str
    provider_type: ProviderType
    # None: the child is taught online, and the website or email says where. Either may be
    # given for a provider at an address too: a way to reach it with an information request.
    address: AddressDetails | None = None
    website: str = ""
    email: str = ""
    hours_per_week: Decimal
    hours_without_parent: Decimal


@dataclass(frozen=True, kw_only=True)
class SchoolDetails:
    """The school the child went to most recently, if any."""

    attended: bool
    name: str = ""
    still_on_roll: bool = False
    special_school: str = "no"  # "yes", "no" or "not_sure"
    type: PreviousSchoolType | None = None


@dataclass(frozen=True, kw_only=True)
class NotificationDetails:
    child: ChildDetails
    home_address: AddressDetails
    # The first day of the month the child started living at the home address.
    lived_at_home_since: date
    previous_address: AddressDetails | None = None
    additional_address: AddressDetails | None = None
    parents: tuple[ParentDetails, ...]
    hours_educated_by_parents: Decimal | None = None
    providers: tuple[ProviderDetails, ...] = ()
    school: SchoolDetails
    primary_reason: PrimaryReason = PrimaryReason.NO_REASON_GIVEN
    sen_provision: SenProvision = SenProvision.UNKNOWN
    wants_support: bool = False

    def as_data(self) -> dict:
        """The details as the contract's plain data: what the raw notification keeps."""

        def address(held: AddressDetails | None) -> dict | None:
            return held.as_data() if held else None

        child = self.child
        return {
            "child": {
                "first_name": child.first_name,
                "middle_names": child.middle_names,
                "last_name": child.last_name,
                "date_of_birth": child.date_of_birth.isoformat(),
                "sex": str(child.sex),
            },
            "home_address": self.home_address.as_data(),
            "lived_at_home_since": {
                "month": self.lived_at_home_since.month,
                "year": self.lived_at_home_since.year,
            },
            "previous_address": address(self.previous_address),
            "additional_address": address(self.additional_address),
            "parents": [
                {
                    "first_name": parent.first_name,
                    "last_name": parent.last_name,
                    "relationship": str(parent.relationship),
                    "address": address(parent.address),
                    "email": parent.email,
                    "phone": parent.phone,
                    "educates": parent.educates,
                }
                for parent in self.parents
            ],
            "hours_educated_by_parents": (
                None
                if self.hours_educated_by_parents is None
                else hours_text(self.hours_educated_by_parents)
            ),
            "providers": [
                {
                    "name": provider.name,
                    "provider_type": str(provider.provider_type),
                    "address": address(provider.address),
                    "website": provider.website,
                    "email": provider.email,
                    "hours_per_week": hours_text(provider.hours_per_week),
                    "hours_without_parent": hours_text(provider.hours_without_parent),
                }
                for provider in self.providers
            ],
            "school": (
                {
                    "attended": True,
                    "name": self.school.name,
                    "still_on_roll": self.school.still_on_roll,
                    "special_school": self.school.special_school,
                    "type": str(self.school.type) if self.school.type else None,
                }
                if self.school.attended
                else {"attended": False}
            ),
            "primary_reason": str(self.primary_reason),
            "sen_provision": str(self.sen_provision),
            "wants_support": self.wants_support,
        }


# The one check ----------------------------------------------------------------------------------


class _Checker:
    """Collects every problem, keyed by path, before any is raised."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def fail(self, path: str, message: str) -> None:
        self.errors.setdefault(path, []).append(message)

    def clean(self, path: str, clean: Callable[[Any], Any], value: Any) -> Any:
        """The cleaned value, or None with the problem recorded against the path."""
        try:
            return clean(value)
        except Invalid as problem:
            self.fail(path, str(problem))
            return None

    def ok(self, *paths: str) -> bool:
        return not any(path in self.errors for path in paths)


def _object(value: Any) -> Mapping:
    return value if isinstance(value, Mapping) else {}


def _address(check: _Checker, path: str, value: Any) -> AddressDetails | None:
    given = _object(value)
    fields = {
        "line_1": check.clean(f"{path}.line_1", ADDRESS_LINE_1.clean, given.get("line_1")),
        "line_2": check.clean(f"{path}.line_2", ADDRESS_LINE_2.clean, given.get("line_2")),
        "town": check.clean(f"{path}.town", TOWN.clean, given.get("town")),
        "postcode": check.clean(f"{path}.postcode", postcode_clean, given.get("postcode")),
    }
    return None if None in fields.values() else AddressDetails(**fields)


def _child(check: _Checker, value: Any, today: date) -> ChildDetails | None:
    given = _object(value)
    first_name = check.clean("child.first_name", CHILD_FIRST_NAME.clean, given.get("first_name"))
    middle_names = check.clean(
        "child.middle_names", CHILD_MIDDLE_NAMES.clean, given.get("middle_names")
    )
    last_name = check.clean("child.last_name", CHILD_LAST_NAME.clean, given.get("last_name"))
    born = _date_of_birth(check, given.get("date_of_birth"), today)
    sex = check.clean("child.sex", SEX.clean, given.get("sex"))
    if None in (first_name, middle_names, last_name, born, sex):
        return None
    return ChildDetails(
        first_name=first_name,
        middle_names=middle_names,
        last_name=last_name,
        date_of_birth=born,
        sex=Sex(sex),
    )


def _date_of_birth(check: _Checker, value: Any, today: date) -> date | None:
    path = "child.date_of_birth"
    if value in (None, ""):
        check.fail(path, DATE_OF_BIRTH.required)
        return None
    born = check.clean(path, DATE_OF_BIRTH.from_iso, value)
    if born is None:
        return None
    if born >= today:
        check.fail(path, DATE_OF_BIRTH.not_past)
        return None
    # Only a child of compulsory school age belongs on the register (s.436B(4)).
    problem = compulsory_school_age_problem(born, today, parent=True)
    if problem:
        check.fail(path, problem)
        return None
    return born


def _lived_at_home_since(check: _Checker, value: Any, *, born: date | None, today: date):
    path = "lived_at_home_since"
    given = _object(value)

    def first_day(parts: Mapping) -> date:
        typed = LIVED_AT_HOME_SINCE.from_parts(
            str(parts.get("month", "")), str(parts.get("year", ""))
        )
        if typed is None:
            raise Invalid(LIVED_AT_HOME_SINCE.required)
        month, year = typed
        return LIVED_AT_HOME_SINCE.first_day(month=month, year=year, today=today, born=born)

    return check.clean(path, first_day, given)


def _parent(check: _Checker, index: int, value: Any) -> ParentDetails | None:
    path = f"parents[{index}]"
    given = _object(value)
    fields = {
        "first_name": check.clean(
            f"{path}.first_name", PARENT_FIRST_NAME.clean, given.get("first_name")
        ),
        "last_name": check.clean(
            f"{path}.last_name", PARENT_LAST_NAME.clean, given.get("last_name")
        ),
        "relationship": check.clean(
            f"{path}.relationship", RELATIONSHIP.clean, given.get("relationship")
        ),
        "email": check.clean(f"{path}.email", email_clean, given.get("email")),
        "phone": check.clean(f"{path}.phone", phone_clean, given.get("phone")),
        "educates": check.clean(f"{path}.educates", PARENT_EDUCATES.clean, given.get("educates")),
    }
    address = None
    if given.get("address") is not None:
        address = _address(check, f"{path}.address", given["address"])
        if address is None:
            return None
    if (
        index == 0
        and check.ok(f"{path}.email", f"{path}.phone")
        and not (fields["email"] or fields["phone"])
    ):
        # The LA must be able to reach the family: the first parent or carer gives a way.
        check.fail(f"{path}.email", FIRST_PARENT_CONTACT)
        return None
    if None in fields.values():
        return None
    fields["relationship"] = Relationship(fields["relationship"])
    return ParentDetails(address=address, **fields)


def _provider(check: _Checker, index: int, value: Any) -> ProviderDetails | None:
    path = f"providers[{index}]"
    given = _object(value)
    name = check.clean(f"{path}.name", PROVIDER_NAME.clean, given.get("name"))
    provider_type = check.clean(
        f"{path}.provider_type", PROVIDER_TYPE.clean, given.get("provider_type")
    )
    address = None
    if given.get("address") is not None:
        address = _address(check, f"{path}.address", given["address"])
    website = check.clean(
        f"{path}.website",
        lambda text: website_clean(text, PROVIDER_WEBSITE),
        given.get("website"),
    )
    email = check.clean(f"{path}.email", email_clean, given.get("email"))
    if (
        given.get("address") is None
        and check.ok(f"{path}.website", f"{path}.email")
        and not (website or email)
    ):
        # Taught online: the website or email is where the child is taught.
        check.fail(f"{path}.website", PROVIDER_ONLINE_CONTACT)
    hours = check.clean(
        f"{path}.hours_per_week", PROVIDER_HOURS.clean, given.get("hours_per_week")
    )
    without = check.clean(
        f"{path}.hours_without_parent",
        PROVIDER_HOURS_WITHOUT_PARENT.clean,
        given.get("hours_without_parent"),
    )
    if hours is not None and without is not None:
        problem = hours_without_parent_problem(total=hours, without_parent=without)
        if problem:
            check.fail(f"{path}.hours_without_parent", problem)
            return None
    if not check.ok(*(key for key in check.errors if key.startswith(f"{path}."))):
        return None
    return ProviderDetails(
        name=name,
        provider_type=ProviderType(provider_type),
        address=address,
        website=website or "",
        email=email or "",
        hours_per_week=hours,
        hours_without_parent=without,
    )


def _school(check: _Checker, value: Any) -> SchoolDetails | None:
    given = _object(value)
    if given.get("attended") is False:
        return SchoolDetails(attended=False)
    name = check.clean("school.name", SCHOOL_NAME.clean, given.get("name"))
    still_on_roll = check.clean(
        "school.still_on_roll", STILL_ON_ROLL.clean, given.get("still_on_roll")
    )
    special = check.clean(
        "school.special_school", SPECIAL_SCHOOL.clean, given.get("special_school")
    )
    school_type = None
    if given.get("type") not in (None, ""):
        school_type = check.clean("school.type", SCHOOL_TYPE.clean, given["type"])
        if school_type is None:
            return None
    if None in (name, still_on_roll, special):
        return None
    return SchoolDetails(
        type=PreviousSchoolType(school_type) if school_type else None,
        attended=True,
        name=name,
        still_on_roll=still_on_roll,
        special_school=special,
    )


def _listed(check: _Checker, path: str, value: Any, *, most: int, what: str) -> list:
    items = value if isinstance(value, list | tuple) else []
    if len(items) > most:
        check.fail(path, TOO_MANY.format(most=most, what=what))
        return []
    return list(items)


def notification_details_validate(data: Mapping, *, today: date) -> NotificationDetails:
    """The notification's details, checked and tidied; ApplicationError lists every problem.

    `today` is the day the notification is made: the child must be of compulsory school age
    then, and moves and births before it.
    """
    check = _Checker()
    data = _object(data)
    child = _child(check, data.get("child"), today)
    home = _address(check, "home_address", data.get("home_address"))
    lived_since = _lived_at_home_since(
        check,
        data.get("lived_at_home_since"),
        born=child.date_of_birth if child else None,
        today=today,
    )
    previous = None
    if data.get("previous_address") is not None:
        previous = _address(check, "previous_address", data["previous_address"])
    elif lived_since and lived_there_under_12_months(
        month=lived_since.month, year=lived_since.year, today=today
    ):
        # s.436C(1)(a) as amended: the previous address of a child at this one < 12 months.
        check.fail("previous_address", PREVIOUS_ADDRESS_NEEDED)
    additional = None
    if data.get("additional_address") is not None:
        additional = _address(check, "additional_address", data["additional_address"])

    listed_parents = _listed(
        check, "parents", data.get("parents"), most=MOST_PARENTS, what="parents or carers"
    )
    if not listed_parents and "parents" not in check.errors:
        check.fail("parents", PARENTS_NEEDED)
    parents = [_parent(check, index, value) for index, value in enumerate(listed_parents)]
    hours_by_parents = None
    if any(parent and parent.educates for parent in parents):
        # s.436C(1)(d): one estimate of the time educated by parents, not one per parent.
        hours_by_parents = check.clean(
            "hours_educated_by_parents", PARENT_HOURS.clean, data.get("hours_educated_by_parents")
        )
    listed_providers = _listed(
        check, "providers", data.get("providers"), most=MOST_PROVIDERS, what="providers"
    )
    providers = [_provider(check, index, value) for index, value in enumerate(listed_providers)]
    school = _school(check, data.get("school"))
    reason = data.get("primary_reason") or PrimaryReason.NO_REASON_GIVEN
    primary_reason = check.clean("primary_reason", PRIMARY_REASON.clean, reason)
    sen = check.clean(
        "sen_provision", SEN_PROVISION.clean, data.get("sen_provision") or SenProvision.UNKNOWN
    )
    wants_support = check.clean("wants_support", WANTS_SUPPORT.clean, data.get("wants_support"))
    if check.errors:
        raise ApplicationError(check.errors)
    return NotificationDetails(
        child=child,
        home_address=home,
        lived_at_home_since=lived_since,
        previous_address=previous,
        additional_address=additional,
        parents=tuple(parents),
        hours_educated_by_parents=hours_by_parents,
        providers=tuple(providers),
        school=school,
        primary_reason=PrimaryReason(primary_reason),
        sen_provision=SenProvision(sen),
        wants_support=wants_support,
    )
