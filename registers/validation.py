"""One message per rule: the checks every form and every intake contract make, and their words.

A form checks what a person typed on one page; an intake contract checks everything again when
it arrives (from the web journey, the API, a school or an import). Both call the functions here,
so the same mistake gets the same GOV.UK message wherever it is made, and an API's 400 carries
the words of the page. Lengths come from the models, so a form never accepts what the database
would refuse.

The legal rules themselves (compulsory school age, periods) live in registers.rules; this
module turns them into what a person is told.
"""

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import models

from registers.models import Address, Person
from registers.rules.deadlines import long_date
from registers.rules.identifiers import POSTCODE_ERROR, IdentifierError, normalise_postcode
from registers.rules.school_age import compulsory_school_age_ends, compulsory_school_age_starts


class Invalid(ValueError):
    """A value a check refused; the message is the one to show, unchanged."""


def answers_clean(
    answers: object, checks: dict[str, Callable[[Any], Any]]
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Each named answer of `answers` (a dataclass) through its check: (tidied, problems)."""
    kept: dict[str, Any] = {}
    problems: dict[str, list[str]] = {}
    for name, check in checks.items():
        try:
            kept[name] = check(getattr(answers, name))
        except Invalid as problem:
            problems[name] = [str(problem)]
    return kept, problems


def max_length(model: type[models.Model], field: str) -> int:
    """The longest value the database keeps in this field."""
    return model._meta.get_field(field).max_length


def too_long(label: str, limit: int) -> str:
    return f"{label} must be {limit} characters or fewer"


# Text -------------------------------------------------------------------------------------------


# Line breaks, tabs and the other control characters (Unicode's Cc), and the line and paragraph
# separators. None belongs on one line: a line break in a provider's name would reach the subject
# of its request email, which the mail library refuses to send.
_NOT_ON_ONE_LINE = frozenset({"Cc", "Zl", "Zp"})


def _on_one_line(text: str) -> bool:
    return not any(unicodedata.category(character) in _NOT_ON_ONE_LINE for character in text)


@dataclass(frozen=True)
class Text:
    """A typed answer: its label, its limit, and what to say when it is missing.

    `required` is the message for a missing answer; an optional answer has none. The length
    message names the answer by `length_label`, where the label carries "(optional)". A
    single-line answer refuses line breaks and other control characters; a `multiline` one (a
    text box) keeps them.
    """

    label: str
    max_length: int
    required: str = ""
    length_label: str = ""
    multiline: bool = False

    @property
    def too_long(self) -> str:
        return too_long(self.length_label or self.label, self.max_length)

    @property
    def not_one_line(self) -> str:
        return (
            f"{self.length_label or self.label} must not include line breaks or other hidden "
            "characters"
        )

    def clean(self, value: object) -> str:
        """The answer without surrounding spaces; Invalid says what is wrong with it."""
        text = value.strip() if isinstance(value, str) else ""
        if not text and self.required:
            raise Invalid(self.required)
        if not self.multiline and not _on_one_line(text):
            raise Invalid(self.not_one_line)
        if len(text) > self.max_length:
            raise Invalid(self.too_long)
        return text


# Choices ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """One answer from a list; `message` is said when none, or something else, is given."""

    label: str
    choices: tuple[tuple[str, str], ...]
    message: str

    def clean(self, value: object) -> str:
        if not isinstance(value, str) or value not in {code for code, _ in self.choices}:
            raise Invalid(self.message)
        return value


@dataclass(frozen=True)
class YesNo:
    """A yes or no question."""

    label: str
    message: str

    def clean(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise Invalid(self.message)
        return value


# Contact details --------------------------------------------------------------------------------

EMAIL_INVALID = "Enter an email address in the correct format, like name@example.com"
PHONE_INVALID = "Enter a phone number, like 01632 960 001 or 07700 900 982"
WEBSITE_INVALID = "Enter a website address in the correct format, like www.example.com"
PHONE_DIGITS = range(10, 16)
_PHONE_CHARACTERS = frozenset("0123456789 ()-+")

EMAIL = Text("Email address", max_length(Person, "email"), length_label="Email address")
PHONE = Text("Phone number", max_length(Person, "phone"), length_label="Phone number")


def email_clean(value: object, spec: Text = EMAIL) -> str:
    email = spec.clean(value)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise Invalid(EMAIL_INVALID) from None
    return email


def phone_clean(value: object, spec: Text = PHONE) -> str:
    """A UK or international number: 10 to 15 digits, with spaces, brackets or dashes."""
    phone = spec.clean(value)
    if phone and (
        not set(phone) <= _PHONE_CHARACTERS
        or "+" in phone[1:]
        or sum(character.isdigit() for character in phone) not in PHONE_DIGITS
    ):
        raise Invalid(PHONE_INVALID)
    return phone


def website_clean(value: object, spec: Text) -> str:
    """A web address, with https:// added where none was typed ("www.example.com")."""
    website = spec.clean(value)
    if not website:
        return ""
    if "://" not in website:
        website = f"https://{website}"
    try:
        URLValidator(schemes=["http", "https"])(website)
    except ValidationError:
        raise Invalid(WEBSITE_INVALID) from None
    if len(website) > spec.max_length:
        raise Invalid(spec.too_long)
    return website


# Addresses --------------------------------------------------------------------------------------

ADDRESS_LINE_1 = Text(
    "Address line 1",
    max_length(Address, "line_1"),
    required="Enter address line 1, typically the building and street",
)
ADDRESS_LINE_2 = Text(
    "Address line 2 (optional)", max_length(Address, "line_2"), length_label="Address line 2"
)
TOWN = Text("Town or city", max_length(Address, "town"), required="Enter town or city")
POSTCODE_REQUIRED = "Enter postcode"
# What a person may type: spaces and lower case are tidied into the model's 8 characters.
POSTCODE_TYPED_MAX = 10


def postcode_clean(value: object, *, required: bool = True) -> str:
    """A postcode in normal form ("EX1 1AA"); an optional one may be blank."""
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        if required:
            raise Invalid(POSTCODE_REQUIRED)
        return ""
    if len(text) > POSTCODE_TYPED_MAX:
        raise Invalid(POSTCODE_ERROR)
    try:
        return normalise_postcode(text)
    except IdentifierError as error:
        raise Invalid(str(error)) from None


# Hours ------------------------------------------------------------------------------------------

HOURS_IN_A_WEEK = Decimal(168)
ONE_DECIMAL_PLACE = Decimal("0.1")
WITHOUT_PARENT = "Hours without a parent present"


@dataclass(frozen=True)
class Hours:
    """An estimate of hours a week (s.436C(1)(d)-(e)): 0 to 168, to one decimal place.

    `label` names the answer in its messages; `missing` is said when it is blank, and
    `not_a_number` (by default the same) when it is not a number.
    """

    label: str
    missing: str
    not_a_number: str = ""

    def clean(self, value: object) -> Decimal:
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            hours = Decimal(value)
        else:
            text = value.strip() if isinstance(value, str) else ""
            if not text:
                raise Invalid(self.missing)
            try:
                hours = Decimal(text) if text.isascii() else None
            except InvalidOperation:
                hours = None
        if hours is None or not hours.is_finite():
            raise Invalid(self.not_a_number or self.missing)
        if hours < 0:
            raise Invalid(f"{self.label} must be 0 or more")
        if hours > HOURS_IN_A_WEEK:
            raise Invalid(f"{self.label} must be 168 or fewer – there are 168 hours in a week")
        if hours != hours.quantize(ONE_DECIMAL_PLACE):
            raise Invalid(f"{self.label} can have up to one decimal place, like 7.5")
        return hours.quantize(ONE_DECIMAL_PLACE)


def hours_without_parent_problem(
    *, total: Decimal, without_parent: Decimal, label: str = WITHOUT_PARENT
) -> str | None:
    """Time without a parent present is part of the total time (s.436C(1)(e))."""
    if without_parent > total:
        return f"{label} must be the same as or less than the total hours"
    return None


def hours_text(hours: Decimal) -> str:
    """Hours as a person types them: "6", "7.5"."""
    return f"{hours:.1f}".removesuffix(".0")


# Dates ------------------------------------------------------------------------------------------

YEAR_FOUR_DIGITS = "Year must include 4 numbers"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _number(part: object) -> int | None:
    """A whole number typed in plain digits (not "²", not " "), or None."""
    text = part.strip() if isinstance(part, str) else ""
    return int(text) if text.isascii() and text.isdigit() else None


@dataclass(frozen=True)
class DateQuestion:
    """A full date (day, month, year): `question` names it in every message."""

    question: str
    example: str = "27 3 2016"

    @property
    def required(self) -> str:
        return f"Enter {_lower_first(self.question)} – day, month and year, like {self.example}"

    @property
    def not_real(self) -> str:
        return f"{self.question} must be a real date"

    @property
    def not_past(self) -> str:
        return f"{self.question} must be in the past"

    def from_parts(self, day: object, month: object, year: object) -> date | None:
        """The date typed in three boxes; None when all three are blank."""
        parts = [part.strip() if isinstance(part, str) else "" for part in (day, month, year)]
        if not any(parts):
            return None
        if not all(parts):
            raise Invalid(self.required)
        numbers = [_number(part) for part in parts]
        if None in numbers:
            raise Invalid(self.not_real)
        if len(parts[2]) != 4:
            raise Invalid(YEAR_FOUR_DIGITS)
        try:
            return date(numbers[2], numbers[1], numbers[0])
        except ValueError:
            raise Invalid(self.not_real) from None

    def from_iso(self, value: object) -> date:
        """A date sent as data ("2016-03-27")."""
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value if isinstance(value, str) else "")
        except ValueError:
            raise Invalid(self.not_real) from None


@dataclass(frozen=True)
class MonthYearQuestion:
    """A month and year (when a child moved in): `question` names it in every message."""

    question: str
    example: str = "3 2024"

    @property
    def required(self) -> str:
        return f"Enter {_lower_first(self.question)}, like {self.example}"

    @property
    def incomplete(self) -> str:
        return f"{self.question} must include a month and a year"

    @property
    def not_real(self) -> str:
        return f"{self.question} must be a real date"

    def from_parts(self, month: object, year: object) -> tuple[int, int] | None:
        """(month, year) as typed; None when both are blank."""
        parts = [part.strip() if isinstance(part, str) else "" for part in (month, year)]
        if not any(parts):
            return None
        if not all(parts):
            raise Invalid(self.incomplete)
        month_number, year_number = (_number(part) for part in parts)
        if month_number is None or year_number is None or not 1 <= month_number <= 12:
            raise Invalid(self.not_real)
        if len(parts[1]) != 4:
            raise Invalid(YEAR_FOUR_DIGITS)
        if year_number < 1:
            raise Invalid(self.not_real)
        return month_number, year_number

    def first_day(self, *, month: int, year: int, today: date, born: date | None) -> date:
        """The first day of the month, which must be past and not before the month of birth."""
        first = date(year, month, 1)
        if first > today:
            raise Invalid(f"{self.question} must be in the past")
        if born is not None and first < born.replace(day=1):
            raise Invalid(f"{self.question} must be after their date of birth")
        return first


def compulsory_school_age_problem(date_of_birth: date, today: date, *, parent: bool) -> str | None:
    """Why a child born on this day does not belong on the register today, or None.

    Only a child of compulsory school age belongs on the register (s.436B(4)); the message says
    when they will be, or were. `parent` chooses the parent's words ("Your child", and what to
    do) over an officer's ("The child").
    """
    subject = "Your child" if parent else "The child"
    starts = compulsory_school_age_starts(date_of_birth)
    if today < starts:
        message = (
            f"{subject} is not of compulsory school age yet – they will be from "
            f"{long_date(starts)}"
        )
        return f"{message}. You do not need to tell us until then" if parent else message
    ends = compulsory_school_age_ends(date_of_birth)
    if today > ends:
        message = (
            f"{subject} is no longer of compulsory school age – they were until {long_date(ends)}"
        )
        return f"{message}. You do not need to tell us about them" if parent else message
    return None
