"""A parent tells the LA their child is not in school (s.436D; domain spec P1): the intake.

One transaction keeps the notification exactly as it arrived and, from it, the child, their
addresses, parents and carers, who educates them, a register entry, the LA's deadline tasks, an
audit event and the confirmation email (in the outbox). The answers come from the parent's
session and are checked again here: a form once accepting them is not a reason to trust them.

The answers are keyed by page name (registers.public.notify.routing), the one schema the journey,
the raw notification and this service share.
"""

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.models import (
    Address,
    AuditEvent,
    CaseTransition,
    Child,
    ChildAddress,
    ChildPerson,
    ConsentRequest,
    EducationArrangement,
    LocalAuthority,
    Notification,
    Person,
    Provider,
    RegisterEntry,
    Task,
)
from registers.public.notify import routing
from registers.rules.codes import (
    AddressKind,
    CaseStatus,
    NotificationKind,
    NotificationSource,
    PreviousSchoolType,
    PrimaryReason,
    ProviderType,
    Relationship,
    SenProvision,
    Sex,
)
from registers.rules.deadlines import add_months, days_beginning_with
from registers.rules.identifiers import IdentifierError, normalise_postcode
from registers.rules.school_age import compulsory_school_age_ends, compulsory_school_age_starts
from registers.selectors.duplicates import possible_duplicates
from registers.services.outbox import email_enqueue
from registers.services.references import reference_new

HOURS_IN_A_WEEK = Decimal(168)
# No period is set in law for answering a request for support (s.436G) or deciding a consent
# request (s.434A: "without undue delay"); the LA aims to do each within this many days.
RESPONSE_TARGET_DAYS = 15

NAME_MAX = 100
ADDRESS_LINE_MAX = 100
TOWN_MAX = 60
POSTCODE_INPUT_MAX = 10
EMAIL_MAX = 254
PHONE_MAX = 30
PROVIDER_NAME_MAX = 200
WEBSITE_MAX = 200
SCHOOL_NAME_MAX = 200

EMAIL_INVALID = "Enter an email address in the correct format, like name@example.com"
PHONE_INVALID = "Enter a phone number, like 01632 960 001 or 07700 900 982"
WEBSITE_INVALID = "Enter a website address in the correct format, like www.example.com"
WITHOUT_PARENT_OVER_TOTAL = (
    "Hours without a parent present must be the same as or less than the total hours"
)
FIRST_PARENT_CONTACT = "Enter an email address or a phone number for the first parent or carer"
PROVIDER_ONLINE_CONTACT = "Enter the provider's website or email address"
INCOMPLETE = "Answer every question before you send the notification"

# Relationships that do not of themselves give parental responsibility (Children Act 1989 s.3).
WITHOUT_PARENTAL_RESPONSIBILITY = frozenset({Relationship.FOSTER_CARER, Relationship.OTHER})

_PHONE = re.compile(r"\+?[0-9 ()-]+")


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def date_of_birth_problem(date_of_birth: date, today: date) -> str | None:
    """Why a child born on this day cannot be notified today, or None.

    Only a child of compulsory school age belongs on the register (s.436B(4)); the message
    says when they will be, or were, so that the parent knows what to do.
    """
    if date_of_birth >= today:
        return "Your child's date of birth must be in the past"
    starts = compulsory_school_age_starts(date_of_birth)
    if today < starts:
        return (
            "Your child is not of compulsory school age yet – they will be from "
            f"{long_date(starts)}. You do not need to tell us until then"
        )
    ends = compulsory_school_age_ends(date_of_birth)
    if today > ends:
        return (
            "Your child is no longer of compulsory school age – they were until "
            f"{long_date(ends)}. You do not need to tell us about them"
        )
    return None


def weekly_hours(value: object, *, label: str, missing: str) -> Decimal:
    """An estimate of hours a week, to one decimal place; ValueError says what is wrong."""
    text = value.strip() if isinstance(value, str) else ""
    try:
        hours = Decimal(text)
    except InvalidOperation:
        raise ValueError(missing) from None
    if not hours.is_finite():
        raise ValueError(missing)
    if hours < 0:
        raise ValueError(f"{label} must be 0 or more")
    if hours > HOURS_IN_A_WEEK:
        raise ValueError(f"{label} must be 168 or fewer – there are 168 hours in a week")
    if hours != hours.quantize(Decimal("0.1")):
        raise ValueError(f"{label} can have up to one decimal place, like 7.5")
    return hours.quantize(Decimal("0.1"))


def phone_problem(phone: str) -> str | None:
    digits = sum(character.isdigit() for character in phone)
    if not _PHONE.fullmatch(phone) or not 10 <= digits <= 15:
        return PHONE_INVALID
    return None


def moved_in_under_12_months(*, month: int, year: int, today: date) -> bool:
    """Whether a child who moved in that month may have lived there for under 12 months.

    Parents give only the month, so the move counts from its last day: a doubtful case is asked
    for the previous address rather than missed (s.436C(1)(a) as amended).
    """
    last_day = date(year, month, calendar.monthrange(year, month)[1])
    return add_months(last_day, 12) > today


@dataclass(frozen=True)
class _Address:
    line_1: str
    line_2: str
    town: str
    postcode: str

    def model(self) -> Address:
        return Address(
            line_1=self.line_1, line_2=self.line_2, town=self.town, postcode=self.postcode
        )


@dataclass(frozen=True)
class _Parent:
    first_name: str
    last_name: str
    relationship: str
    address: _Address | None  # None: lives at the child's home address
    email: str
    phone: str
    educates: bool


@dataclass(frozen=True)
class _Provider:
    name: str
    provider_type: str
    address: _Address | None
    website: str
    email: str
    hours: Decimal
    hours_without_parent: Decimal


@dataclass(frozen=True)
class _Notified:
    first_name: str
    middle_names: str
    last_name: str
    date_of_birth: date | None
    sex: str
    address: _Address
    lived_from: date | None
    previous_address: _Address | None
    additional_address: _Address | None
    parents: list[_Parent]
    parent_hours: Decimal | None
    providers: list[_Provider]
    school_name: str
    never_at_school: bool
    still_on_roll: bool
    special_school: str
    primary_reason: str
    sen_provision: str
    wants_support: bool


class _Reader:
    """Reads the answers page by page, collecting every problem before any is raised."""

    def __init__(self, answers: Mapping) -> None:
        self.answers = answers
        self.errors: dict[str, list[str]] = {}

    def fail(self, page: str, message: str) -> None:
        self.errors.setdefault(page, []).append(message)

    def value(self, page: str, field: str) -> object:
        answer = self.answers.get(page)
        return answer.get(field) if isinstance(answer, Mapping) else None

    def text(
        self, page: str, field: str, *, name: str, max_length: int, required: bool = True
    ) -> str:
        value = self.value(page, field)
        text = value.strip() if isinstance(value, str) else ""
        if required and not text:
            self.fail(page, f"Enter {name}")
        elif len(text) > max_length:
            self.fail(
                page, f"{name[0].upper()}{name[1:]} must be {max_length} characters or fewer"
            )
        return text

    def choice(self, page: str, field: str, *, allowed, message: str, default: str = "") -> str:
        value = self.value(page, field)
        if value in ("", None) and default:
            return default
        if value not in allowed:
            self.fail(page, message)
            return default
        return value

    def yes(self, page: str, field: str, *, message: str) -> bool:
        return self.choice(page, field, allowed=("yes", "no"), message=message) == "yes"

    def address(self, page: str, *, whose: str) -> _Address:
        line_1 = self.text(
            page, "line_1", name=f"address line 1 of {whose}", max_length=ADDRESS_LINE_MAX
        )
        line_2 = self.text(
            page,
            "line_2",
            name=f"address line 2 of {whose}",
            max_length=ADDRESS_LINE_MAX,
            required=False,
        )
        town = self.text(page, "town", name=f"the town or city of {whose}", max_length=TOWN_MAX)
        postcode = ""
        raw = self.value(page, "postcode")
        try:
            postcode = normalise_postcode(raw if isinstance(raw, str) else "")
        except IdentifierError as error:
            self.fail(page, f"{error} ({whose})")
        return _Address(line_1=line_1, line_2=line_2, town=town, postcode=postcode)

    def email(self, page: str, *, whose: str) -> str:
        email = self.text(
            page,
            "email",
            name=f"the email address of {whose}",
            max_length=EMAIL_MAX,
            required=False,
        )
        if email:
            try:
                validate_email(email)
            except ValidationError:
                self.fail(page, EMAIL_INVALID)
        return email

    def hours(self, page: str, field: str, *, label: str, missing: str) -> Decimal:
        try:
            return weekly_hours(self.value(page, field), label=label, missing=missing)
        except ValueError as error:
            self.fail(page, str(error))
            return Decimal(0)


def _read_parent(reader: _Reader, number: int) -> _Parent:
    whose = f"parent or carer {number}"
    name_page = routing.numbered(routing.PARENT_NAME, number)
    address_page = routing.numbered(routing.PARENT_ADDRESS, number)
    contact_page = routing.numbered(routing.PARENT_CONTACT, number)
    first_name = reader.text(
        name_page, "first_name", name=f"the first name of {whose}", max_length=NAME_MAX
    )
    last_name = reader.text(
        name_page, "last_name", name=f"the last name of {whose}", max_length=NAME_MAX
    )
    relationship = reader.choice(
        routing.numbered(routing.PARENT_RELATIONSHIP, number),
        "relationship",
        allowed=Relationship.values,
        message=f"Select the relationship of {whose} to the child",
    )
    same_address = reader.yes(
        address_page,
        "same_as_child",
        message=f"Select yes if {whose} lives at the child's home address",
    )
    address = None if same_address else reader.address(address_page, whose=whose)
    email = reader.email(contact_page, whose=whose)
    phone = reader.text(
        contact_page,
        "phone",
        name=f"the phone number of {whose}",
        max_length=PHONE_MAX,
        required=False,
    )
    if phone and phone_problem(phone):
        reader.fail(contact_page, PHONE_INVALID)
    if number == 1 and not (email or phone):
        reader.fail(contact_page, FIRST_PARENT_CONTACT)
    educates = reader.yes(
        routing.numbered(routing.PARENT_EDUCATES, number),
        "educates",
        message=f"Select yes if {whose} educates the child",
    )
    return _Parent(
        first_name=first_name,
        last_name=last_name,
        relationship=relationship,
        address=address,
        email=email,
        phone=phone,
        educates=educates,
    )


def _read_provider(reader: _Reader, number: int) -> _Provider:
    whose = f"provider {number}"
    details_page = routing.numbered(routing.PROVIDER_DETAILS, number)
    location_page = routing.numbered(routing.PROVIDER_LOCATION, number)
    hours_page = routing.numbered(routing.PROVIDER_HOURS, number)
    name = reader.text(
        details_page, "name", name=f"the name of {whose}", max_length=PROVIDER_NAME_MAX
    )
    provider_type = reader.choice(
        details_page,
        "provider_type",
        allowed=ProviderType.values,
        message=f"Select the type of {whose}",
    )
    where = reader.choice(
        location_page,
        "where",
        allowed=("address", "online"),
        message=f"Select where your child gets their education from {whose}",
    )
    address, website, email = None, "", ""
    if where == "address":
        address = reader.address(location_page, whose=whose)
    elif where == "online":
        website = reader.text(
            location_page,
            "website",
            name=f"the website of {whose}",
            max_length=WEBSITE_MAX,
            required=False,
        )
        if website:
            try:
                URLValidator()(website)
            except ValidationError:
                reader.fail(location_page, WEBSITE_INVALID)
        email = reader.email(location_page, whose=whose)
        if not (website or email):
            reader.fail(location_page, PROVIDER_ONLINE_CONTACT)
    hours = reader.hours(
        hours_page,
        "hours",
        label="Total hours a week",
        missing="Enter the total hours a week as a number, like 20",
    )
    without = reader.hours(
        hours_page,
        "hours_without_parent",
        label="Hours without a parent present",
        missing="Enter the hours a week without a parent present as a number, like 6",
    )
    if without > hours:
        reader.fail(hours_page, WITHOUT_PARENT_OVER_TOTAL)
    return _Provider(
        name=name,
        provider_type=provider_type,
        address=address,
        website=website,
        email=email,
        hours=hours,
        hours_without_parent=without,
    )


def _read_moved_in(reader: _Reader, *, date_of_birth: date | None, today: date) -> date | None:
    """The first day of the month the child started living at their home address."""
    page = routing.CHILD_MOVED_IN
    month, year = reader.value(page, "month"), reader.value(page, "year")
    try:
        lived_from = date(int(year), int(month), 1)
    except (TypeError, ValueError):
        reader.fail(page, "The date your child started living at this address must be a real date")
        return None
    if lived_from > today:
        reader.fail(page, "The date your child started living at this address must be in the past")
    elif date_of_birth and lived_from < date_of_birth.replace(day=1):
        reader.fail(
            page,
            "The date your child started living at this address must be after their date of birth",
        )
    return lived_from


def _read(answers: Mapping, today: date) -> _Notified:
    """The answers as the register needs them; ApplicationError lists every problem."""
    if not routing.is_complete(answers):
        raise ApplicationError({"__all__": [INCOMPLETE]})
    reader = _Reader(answers)
    page = routing.CHILD_NAME
    first_name = reader.text(
        page, "first_name", name="your child's first name", max_length=NAME_MAX
    )
    middle_names = reader.text(
        page, "middle_names", name="your child's middle names", max_length=NAME_MAX, required=False
    )
    last_name = reader.text(page, "last_name", name="your child's last name", max_length=NAME_MAX)

    date_of_birth = None
    raw_birth = reader.value(routing.CHILD_DATE_OF_BIRTH, "date_of_birth")
    try:
        date_of_birth = date.fromisoformat(raw_birth if isinstance(raw_birth, str) else "")
    except ValueError:
        reader.fail(routing.CHILD_DATE_OF_BIRTH, "Your child's date of birth must be a real date")
    else:
        problem = date_of_birth_problem(date_of_birth, today)
        if problem:
            reader.fail(routing.CHILD_DATE_OF_BIRTH, problem)

    sex = reader.choice(
        routing.CHILD_SEX, "sex", allowed=Sex.values, message="Select your child's sex"
    )
    address = reader.address(routing.CHILD_ADDRESS, whose="your child's home")
    lived_from = _read_moved_in(reader, date_of_birth=date_of_birth, today=today)
    previous_address = None
    if lived_from and moved_in_under_12_months(
        month=lived_from.month, year=lived_from.year, today=today
    ):
        if routing.CHILD_PREVIOUS_ADDRESS not in answers:
            reader.fail(
                routing.CHILD_PREVIOUS_ADDRESS,
                "Enter your child's previous address – they have lived at this one for less "
                "than 12 months",
            )
        else:
            previous_address = reader.address(
                routing.CHILD_PREVIOUS_ADDRESS, whose="your child's previous address"
            )
    additional_address = None
    if reader.yes(
        routing.CHILD_ADDITIONAL_ADDRESS_QUESTION,
        "has_additional_address",
        message="Select yes if your child also lives at another address",
    ):
        additional_address = reader.address(
            routing.CHILD_ADDITIONAL_ADDRESS, whose="your child's other address"
        )

    parent_count = routing.group_count(answers, "parent")
    parents = [_read_parent(reader, number) for number in range(1, parent_count + 1)]
    parent_hours = None
    if any(parent.educates for parent in parents):
        parent_hours = reader.hours(
            routing.EDUCATION_HOURS,
            "hours",
            label="Hours a week",
            missing="Enter a number of hours, like 20",
        )
    providers: list[_Provider] = []
    if reader.yes(
        routing.OTHER_PROVIDERS_QUESTION,
        "has_providers",
        message="Select yes if anyone else educates your child",
    ):
        provider_count = routing.group_count(answers, "provider")
        providers = [_read_provider(reader, number) for number in range(1, provider_count + 1)]

    never_at_school = reader.value(routing.SCHOOL, "never_at_school") is True
    school_name, still_on_roll, special_school = "", False, ""
    if not never_at_school:
        school_name = reader.text(
            routing.SCHOOL,
            "school_name",
            name="the name of the school",
            max_length=SCHOOL_NAME_MAX,
        )
        still_on_roll = reader.yes(
            routing.SCHOOL,
            "still_on_roll",
            message="Select yes if your child is still on the school's roll",
        )
        special_school = reader.choice(
            routing.SCHOOL,
            "special_school",
            allowed=("yes", "no", "not_sure"),
            message="Select yes if the school is a special school",
        )
    primary_reason = reader.choice(
        routing.REASON,
        "reason",
        allowed=[value for value in PrimaryReason.values if value != PrimaryReason.UNKNOWN],
        message="Select the main reason your child is not in school",
        default=PrimaryReason.NO_REASON_GIVEN,
    )
    sen_provision = reader.choice(
        routing.SEN,
        "sen",
        allowed=SenProvision.values,
        message="Select whether your child has special educational needs",
        default=SenProvision.UNKNOWN,
    )
    wants_support = reader.yes(
        routing.SUPPORT,
        "wants_support",
        message="Select yes if you would like support or advice from the local authority",
    )
    if reader.value(routing.DECLARATION, "confirmed") is not True:
        reader.fail(
            routing.DECLARATION,
            "Confirm that the information you have given is correct to the best of your knowledge",
        )
    if reader.errors:
        raise ApplicationError(reader.errors)
    return _Notified(
        first_name=first_name,
        middle_names=middle_names,
        last_name=last_name,
        date_of_birth=date_of_birth,
        sex=sex,
        address=address,
        lived_from=lived_from,
        previous_address=previous_address,
        additional_address=additional_address,
        parents=parents,
        parent_hours=parent_hours,
        providers=providers,
        school_name=school_name,
        never_at_school=never_at_school,
        still_on_roll=still_on_roll,
        special_school=special_school,
        primary_reason=primary_reason,
        sen_provision=sen_provision,
        wants_support=wants_support,
    )


def _previous_school_type(notified: _Notified) -> str:
    if notified.never_at_school:
        return PreviousSchoolType.NONE
    if notified.special_school == "yes":
        return PreviousSchoolType.SPECIAL
    return PreviousSchoolType.ELSEWHERE_OR_UNKNOWN


def _needs_consent(notified: _Notified) -> bool:
    # s.434A Condition A: a pupil of a special school needs the LA's consent to be withdrawn
    # for education otherwise than at school. While still on roll they stay there until then.
    return notified.still_on_roll and notified.special_school == "yes"


def _confirmation_email(
    *, authority: LocalAuthority, notified: _Notified, reference: str, consent: bool
) -> tuple[str, str]:
    """Subject and body: the reference and what happens next, and no personal data beyond the
    child's first name (an email can be read by anyone with the inbox)."""
    first_name = notified.first_name
    if consent:
        next_steps = f"{authority.name} will contact you about what happens next."
    else:
        next_steps = (
            f"Within {authority.living_situation_period_days} days, {authority.name} will "
            f"consider where {first_name} lives. They may contact you to ask for more "
            "information or to offer a visit."
        )
    body = "\n\n".join(
        [
            f"Thank you for telling {authority.name} that {first_name} is not in school.",
            f"Your reference is {reference}. Please quote it if you contact us.",
            f"What happens next\n\n{next_steps}",
            "You will be asked to confirm or update this information from time to time.",
        ]
    )
    return f"{authority.name}: we have received your notification", body


def _tasks(
    *,
    authority: LocalAuthority,
    notified: _Notified,
    entry: RegisterEntry,
    notification: Notification,
    duplicates: list[Child],
    consent: bool,
    today: date,
) -> list[Task]:
    def task(kind: str, due_on: date, details: str = "") -> Task:
        return Task(
            authority=authority,
            kind=kind,
            entry=entry,
            notification=notification,
            due_on=due_on,
            details=details,
        )

    living_situation_due = days_beginning_with(today, authority.living_situation_period_days)
    response_due = days_beginning_with(today, RESPONSE_TARGET_DAYS)
    tasks = []
    if consent:
        tasks.append(
            task(
                Task.Kind.CONSENT_DECISION,
                response_due,
                "Still on the roll of a special school: decide whether to consent to education "
                "otherwise than at school (s.434A Condition A).",
            )
        )
    else:
        # L2: within 15 days of a child being entered on the register, consider where they
        # live. A child awaiting consent is not on the register yet.
        tasks.append(task(Task.Kind.CONSIDER_LIVING_SITUATION, living_situation_due))
        if notified.still_on_roll and notified.special_school == "not_sure":
            tasks.append(
                task(
                    Task.Kind.REVIEW_NOTIFICATION,
                    response_due,
                    "The parent is not sure whether the school the child is still on the roll "
                    "of is a special school: check whether consent is needed (s.434A).",
                )
            )
    if notified.wants_support:
        tasks.append(
            task(
                Task.Kind.SUPPORT_REQUEST,
                response_due,
                "The family would like support or advice (s.436G).",
            )
        )
    tasks.extend(
        task(
            Task.Kind.POSSIBLE_DUPLICATE,
            living_situation_due,
            f"Possibly the same child as child {other.pk}: same date of birth, a similar name "
            "and the same postcode. Check both records; nothing has been merged.",
        )
        for other in duplicates
    )
    return tasks


def _record(
    *,
    authority: LocalAuthority,
    notified: _Notified,
    answers: dict,
    idempotency_key: str,
    actor: Actor,
) -> Notification:
    today = timezone.localdate()
    now = timezone.now()
    consent = _needs_consent(notified)
    status = CaseStatus.CONSENT_PENDING if consent else CaseStatus.NOTIFIED
    duplicates = possible_duplicates(
        authority=authority,
        first_name=notified.first_name,
        last_name=notified.last_name,
        date_of_birth=notified.date_of_birth,
        postcode=notified.address.postcode,
    )
    child = Child.objects.create(
        authority=authority,
        first_name=notified.first_name,
        middle_names=notified.middle_names,
        last_name=notified.last_name,
        date_of_birth=notified.date_of_birth,
        sex=notified.sex,
        sen_provision=notified.sen_provision,
    )

    home = notified.address.model()
    child_addresses = [
        ChildAddress(
            child=child, address=home, kind=AddressKind.CURRENT, lived_from=notified.lived_from
        )
    ]
    if notified.previous_address:
        child_addresses.append(
            ChildAddress(
                child=child,
                address=notified.previous_address.model(),
                kind=AddressKind.PREVIOUS,
                lived_until=notified.lived_from,
            )
        )
    if notified.additional_address:
        child_addresses.append(
            ChildAddress(
                child=child,
                address=notified.additional_address.model(),
                kind=AddressKind.ADDITIONAL,
            )
        )
    parent_homes = [
        parent.address.model() if parent.address else home for parent in notified.parents
    ]
    provider_places = [
        provider.address.model() if provider.address else None for provider in notified.providers
    ]
    new_addresses = [held.address for held in child_addresses]
    new_addresses += [place for place in parent_homes if place is not home]
    new_addresses += [place for place in provider_places if place is not None]
    Address.objects.bulk_create(new_addresses)
    ChildAddress.objects.bulk_create(child_addresses)

    people = Person.objects.bulk_create(
        Person(
            authority=authority,
            first_name=parent.first_name,
            last_name=parent.last_name,
            email=parent.email,
            phone=parent.phone,
            address=place,
        )
        for parent, place in zip(notified.parents, parent_homes, strict=True)
    )
    ChildPerson.objects.bulk_create(
        ChildPerson(
            child=child,
            person=person,
            relationship=parent.relationship,
            has_parental_responsibility=parent.relationship not in WITHOUT_PARENTAL_RESPONSIBILITY,
            provides_education=parent.educates,
            is_main_contact=number == 0,
        )
        for number, (parent, person) in enumerate(zip(notified.parents, people, strict=True))
    )
    providers = Provider.objects.bulk_create(
        Provider(
            authority=authority,
            name=provider.name,
            provider_type=provider.provider_type,
            address=place,
            website=provider.website,
            email=provider.email,
        )
        for provider, place in zip(notified.providers, provider_places, strict=True)
    )
    arrangements = [
        EducationArrangement(
            child=child,
            provider=provider,
            hours_per_week=given.hours,
            hours_without_parent=given.hours_without_parent,
        )
        for provider, given in zip(providers, notified.providers, strict=True)
    ]
    educators = [
        person for parent, person in zip(notified.parents, people, strict=True) if parent.educates
    ]
    if educators:
        # s.436C(1)(d) asks for one estimate of the time educated by parents, not one per
        # parent: it is kept once, with the first parent who educates.
        arrangements.insert(
            0,
            EducationArrangement(
                child=child, educator=educators[0], hours_per_week=notified.parent_hours
            ),
        )
    EducationArrangement.objects.bulk_create(arrangements)

    reference = reference_new()
    entry = RegisterEntry.objects.create(
        authority=authority,
        child=child,
        reference=reference,
        status=status,
        regime=authority.regime,
        source=NotificationSource.PARENT,
        primary_reason=notified.primary_reason,
        previous_school_name=notified.school_name,
        previous_school_type=_previous_school_type(notified),
        still_on_roll=notified.still_on_roll,
        notified_on=today,
    )
    CaseTransition.objects.create(
        entry=entry,
        to_status=status,
        occurred_at=now,
        door=actor.door,
        reason="Notified by a parent or carer online",
    )
    notification = Notification.objects.create(
        authority=authority,
        kind=NotificationKind.NEW_REGISTRATION,
        source=NotificationSource.PARENT,
        idempotency_key=idempotency_key,
        reference=reference,
        payload=answers,
        received_at=now,
        child=child,
        entry=entry,
    )
    Task.objects.bulk_create(
        _tasks(
            authority=authority,
            notified=notified,
            entry=entry,
            notification=notification,
            duplicates=duplicates,
            consent=consent,
            today=today,
        )
    )
    if consent:
        ConsentRequest.objects.create(
            authority=authority,
            child=child,
            condition=ConsentRequest.Condition.SPECIAL_SCHOOL,
            status=ConsentRequest.Status.REQUESTED,
            school_name=notified.school_name,
            requested_on=today,
        )
    audit_record(
        actor=actor,
        authority=authority,
        action=AuditEvent.Action.CREATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        object_type="child",
        object_id=str(child.pk),
        categories=["identity", "address", "family", "education", "special_educational_needs"],
    )
    first_email = notified.parents[0].email
    if first_email:
        subject, body = _confirmation_email(
            authority=authority, notified=notified, reference=reference, consent=consent
        )
        email_enqueue(
            to=first_email,
            subject=subject,
            body=body,
            dedupe_key=f"notification-confirmation-{notification.pk}",
        )
    return notification


def _already_received(*, authority: LocalAuthority, idempotency_key: str) -> Notification | None:
    return (
        Notification.objects.filter(authority=authority, idempotency_key=idempotency_key)
        .select_related("entry")
        .first()
    )


@transaction.atomic
def notification_submit(
    *, authority: LocalAuthority, answers: dict, idempotency_key: str, actor: Actor
) -> Notification:
    """Put a parent's notification on the register, once.

    The same journey sent again (a double click, the back button, a retry) has the same
    idempotency key and gets back the notification already made: one record, one reference.
    """
    existing = _already_received(authority=authority, idempotency_key=idempotency_key)
    if existing is not None:
        return existing
    notified = _read(answers, timezone.localdate())
    try:
        with transaction.atomic():
            return _record(
                authority=authority,
                notified=notified,
                answers=answers,
                idempotency_key=idempotency_key,
                actor=actor,
            )
    except IntegrityError:
        # The same submission raced this one and committed first: the unique constraint on
        # (authority, idempotency_key) stopped the second copy, so answer with the first.
        existing = _already_received(authority=authority, idempotency_key=idempotency_key)
        if existing is None:
            raise
        return existing
