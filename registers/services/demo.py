"""Demo data and demo accounts for trying the register locally (DEBUG only).

Everything here is generated: the people, streets and schools are invented, emails use the
reserved example.com and example.org domains, and phone numbers are in Ofcom's drama range.
"""

import random
import re
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TypeVar

from django.db import transaction
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from registers.errors import ApplicationError
from registers.models import (
    Address,
    CaseTransition,
    Child,
    ChildAddress,
    ChildPerson,
    ChildSafeguarding,
    EducationArrangement,
    LocalAuthority,
    Person,
    Provider,
    RegisterEntry,
    StaffRole,
    StaffUser,
)
from registers.rules.codes import (
    AddressKind,
    CaseStatus,
    ClosureReason,
    EligibilityBasis,
    NotificationSource,
    PreviousSchoolType,
    PrimaryReason,
    ProviderType,
    Relationship,
    SenProvision,
    Sex,
)
from registers.rules.identifiers import normalise_postcode
from registers.rules.school_age import compulsory_school_age_starts, is_of_compulsory_school_age
from registers.rules.year_group import academic_year_start, national_curriculum_year
from registers.selectors.authorities import local_authority_get_by_number
from registers.services.authorities import local_authorities_csv_rows, local_authorities_load
from registers.services.references import REFERENCE_ALPHABET, reference_new

T = TypeVar("T")

# Published in the README: these accounts exist only where DEBUG is on.
DEMO_PASSWORD = "demo-password-for-cnis-register"
# RFC 6238's test secret ("12345678901234567890"; base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ), so
# any authenticator app or TOTP tool gives the same codes as `manage.py demo_code`.
DEMO_TOTP_KEY_HEX = "3132333435363738393031323334353637383930"
DEMO_DEVICE_NAME = "Demo authenticator"
DEMO_AUTHORITY_NUMBERS = ("878", "908")
DEMO_CHILDREN_PER_AUTHORITY = 150
DEMO_OFFICER_EMAIL = "officer@devon.example.org"
DEMO_ANALYST_EMAIL = "analyst@national.example.org"
DEMO_SIGN_IN_URL = "http://127.0.0.1:8000/staff/sign-in/"

# (role, email prefix, cleared for safeguarding)
_LA_STAFF = (
    (StaffRole.OFFICER, "officer", False),
    (StaffRole.MANAGER, "manager", False),
    (StaffRole.LA_ADMIN, "admin", True),
)

_GIRLS = (
    "Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Willow Florence "
    "Emily Ella Poppy Evie Elsie Charlotte Evelyn Sophie Daisy Phoebe Sienna Matilda Ruby "
    "Harper Millie Alice Erin Maya Jessica Holly Chloe Megan Amber Niamh Eleanor Hannah Zara"
).split()
_BOYS = (
    "Oliver George Arthur Noah Muhammad Leo Oscar Harry Archie Jack Henry Charlie Freddie "
    "Theodore Thomas Finley Theo Alfie Jacob William Isaac Tommy Joshua James Lucas Alexander "
    "Arlo Max Mason Ethan Logan Reuben Samuel Joseph Dylan Harrison Riley Ollie Callum Kai"
).split()
_WOMEN = (
    "Sarah Emma Claire Rachel Laura Gemma Kelly Joanne Lisa Nicola Rebecca Katie Victoria "
    "Hayley Amy Helen Louise Natalie Stacey Jennifer Zoe Charlotte Hannah Lucy Samantha "
    "Kirsty Fiona Jade Aisha Priya"
).split()
_MEN = (
    "James David Mark Paul Andrew Richard Daniel Matthew Stephen Christopher Michael Robert "
    "Thomas Lee Craig Darren Simon Jonathan Gareth Adam Ben Tom Ryan Imran Ravi Martin Neil "
    "Scott Carl Wayne"
).split()
_SURNAMES = (
    "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson "
    "Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson "
    "Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan "
    "Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell "
    "Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan "
    "Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb "
    "Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes "
    "Knight Lloyd Butler Russell Fisher Stevens Jenkins Murray Dixon Harvey Pascoe Penrose "
    "Tremayne Rowe Hocking Nancarrow Luscombe Widdicombe"
).split()
_STREETS = (
    "Mill Church Station Orchard Meadow Chapel School Park Victoria Albert Castle Bridge Moor "
    "Harbour Quarry Fore Well Barton Combe Chestnut Beech Rowan Hawthorn Willow Primrose "
    "Heather Kingfisher Foxglove Ashleigh Glebe Manor Rectory Pound Higher Lower Linhay"
).split()
_STREET_KINDS = (
    "Lane Road Street Close Way Gardens Terrace Hill Drive View Crescent Avenue Rise Court"
).split()
_SCHOOL_NAMES = (
    "Oakfield",
    "Riverside",
    "Hillcrest",
    "Meadowbank",
    "Kingfisher",
    "Brookside",
    "Ashgrove",
    "Westleigh",
    "Heron Vale",
    "Lark Rise",
    "Greenway",
    "Fernhill",
    "Beacon",
    "Cliffside",
    "Tamarisk",
)
# Royal Mail never uses C, I, K, M, O or V in the last two letters of a postcode.
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


@dataclass(frozen=True)
class _Area:
    county: str
    towns: tuple[tuple[str, tuple[str, ...]], ...]  # (town, its postcode districts)


# Real towns and postcode districts, so addresses look right; the streets are invented.
_AREAS = {
    "878": _Area(
        "Devon",
        (
            ("Exeter", ("EX1", "EX2", "EX4")),
            ("Exmouth", ("EX8",)),
            ("Barnstaple", ("EX31", "EX32")),
            ("Bideford", ("EX39",)),
            ("Tiverton", ("EX16",)),
            ("Honiton", ("EX14",)),
            ("Okehampton", ("EX20",)),
            ("Crediton", ("EX17",)),
            ("Sidmouth", ("EX10",)),
            ("Ilfracombe", ("EX34",)),
        ),
    ),
    "908": _Area(
        "Cornwall",
        (
            ("Truro", ("TR1", "TR2")),
            ("Falmouth", ("TR11",)),
            ("Penryn", ("TR10",)),
            ("Helston", ("TR13",)),
            ("Camborne", ("TR14",)),
            ("Redruth", ("TR15",)),
            ("Penzance", ("TR18",)),
            ("St Ives", ("TR26",)),
            ("Newquay", ("TR7",)),
            ("Hayle", ("TR27",)),
        ),
    ),
}

_SEX_WEIGHTS = {Sex.FEMALE: 51, Sex.MALE: 48, Sex.UNKNOWN: 1}
# National curriculum year (0 = Reception) -> weight: home education rises with age, and
# Years 10 and 11 are the largest groups in the DfE elective home education statistics.
_YEAR_WEIGHTS = {0: 1, 1: 2, 2: 3, 3: 3, 4: 4, 5: 4, 6: 5, 7: 7, 8: 9, 9: 11, 10: 14, 11: 15}
_STATUS_WEIGHTS = {
    CaseStatus.REGISTERED: 30,
    CaseStatus.SUITABLE_MONITORING: 28,
    CaseStatus.NOTIFIED: 5,
    CaseStatus.ELIGIBILITY_CHECK: 5,
    CaseStatus.ENQUIRY: 5,
    CaseStatus.INFO_OUTSTANDING: 5,
    CaseStatus.SAO_PRELIMINARY: 3,
    CaseStatus.SAO_NOMINATION: 1,
    CaseStatus.SAO_SERVED: 1,
    CaseStatus.SAO_COMPLIED: 1,
    CaseStatus.SAO_REVOKED: 1,
    CaseStatus.CME: 2,
    CaseStatus.CONSENT_PENDING: 2,
    CaseStatus.TRANSFER_OUT: 1,
    CaseStatus.CLOSED: 10,
}
_NOT_YET_REGISTERED = {
    CaseStatus.NOTIFIED,
    CaseStatus.ELIGIBILITY_CHECK,
    CaseStatus.CONSENT_PENDING,
    CaseStatus.CME,
}
# Status -> (fewest, most) days since notification: new cases are recent, monitored ones old.
_NOTIFIED_DAYS_AGO = {
    CaseStatus.NOTIFIED: (0, 10),
    CaseStatus.ELIGIBILITY_CHECK: (2, 25),
    CaseStatus.CONSENT_PENDING: (3, 30),
    CaseStatus.CME: (20, 200),
    CaseStatus.REGISTERED: (15, 120),
    CaseStatus.INFO_OUTSTANDING: (30, 300),
    CaseStatus.ENQUIRY: (60, 500),
    CaseStatus.TRANSFER_OUT: (30, 400),
}
_NOTIFIED_DAYS_AGO_OTHERWISE = (60, 1100)
_REASON_WEIGHTS = {
    PrimaryReason.UNKNOWN: 16,
    PrimaryReason.MENTAL_HEALTH: 14,
    PrimaryReason.NO_REASON_GIVEN: 13,
    PrimaryReason.PHILOSOPHICAL: 12,
    PrimaryReason.SCHOOL_DISSATISFACTION_GENERAL: 7,
    PrimaryReason.LIFESTYLE: 6,
    PrimaryReason.SCHOOL_DISSATISFACTION_SEND: 5,
    PrimaryReason.PHYSICAL_HEALTH: 4,
    PrimaryReason.SCHOOL_DISSATISFACTION_BULLYING: 4,
    PrimaryReason.OTHER: 4,
    PrimaryReason.RELIGIOUS: 2,
    PrimaryReason.RISK_OF_EXCLUSION: 2,
    PrimaryReason.NO_SUITABLE_PLACE: 2,
    PrimaryReason.NO_SCHOOL_PREFERENCE: 2,
    PrimaryReason.SCHOOL_SUGGESTION: 2,
    PrimaryReason.PLACE_NOT_ACCEPTED: 1,
    PrimaryReason.DID_NOT_APPLY: 1,
    PrimaryReason.PERMANENT_EXCLUSION: 1,
    PrimaryReason.COVID19: 1,
}
_SCHOOL_TYPE_WEIGHTS = {
    PreviousSchoolType.ACADEMY: 34,
    PreviousSchoolType.LA_MAINTAINED: 30,
    PreviousSchoolType.ELSEWHERE_OR_UNKNOWN: 12,
    PreviousSchoolType.NONE: 5,
    PreviousSchoolType.INDEPENDENT: 4,
    PreviousSchoolType.FREE_SCHOOL: 3,
    PreviousSchoolType.SPECIAL: 3,
    PreviousSchoolType.HOME_EDUCATION: 3,
    PreviousSchoolType.ALTERNATIVE_PROVISION: 2,
    PreviousSchoolType.EARLY_YEARS: 2,
    PreviousSchoolType.PUPIL_REFERRAL_UNIT: 2,
}
# Previous school type -> (primary, secondary) name endings; None means no school is named.
_SCHOOL_ENDINGS = {
    PreviousSchoolType.ACADEMY: ("Primary Academy", "Academy"),
    PreviousSchoolType.LA_MAINTAINED: ("Primary School", "Community College"),
    PreviousSchoolType.INDEPENDENT: ("Preparatory School", "House School"),
    PreviousSchoolType.FREE_SCHOOL: ("Free School", "Free School"),
    PreviousSchoolType.SPECIAL: ("Specialist School", "Specialist School"),
    PreviousSchoolType.ALTERNATIVE_PROVISION: ("Learning Centre", "Learning Centre"),
    PreviousSchoolType.EARLY_YEARS: ("Nursery", "Nursery"),
    PreviousSchoolType.PUPIL_REFERRAL_UNIT: ("Pupil Referral Unit", "Pupil Referral Unit"),
}
_SEN_WEIGHTS = {
    SenProvision.NONE: 58,
    SenProvision.SEN_SUPPORT: 20,
    SenProvision.UNKNOWN: 14,
    SenProvision.EHC_PLAN: 8,
}
_SOURCE_WEIGHTS = {
    NotificationSource.PARENT: 50,
    NotificationSource.SCHOOL: 35,
    NotificationSource.AGENCY: 5,
    NotificationSource.LOCAL_AUTHORITY: 5,
    NotificationSource.OTHER_LOCAL_AUTHORITY: 5,
}
_BASIS_WEIGHTS = {
    EligibilityBasis.NOT_REGISTERED: 90,
    EligibilityBasis.PART_TIME_STUDENT: 7,
    EligibilityBasis.EDUCATED_ELSEWHERE_BY_ARRANGEMENT: 3,
}
# End of compulsory school age and death are left out: every demo child is of school age,
# and a demo has no need of the other.
_CLOSURE_WEIGHTS = {
    ClosureReason.RETURNED_TO_SCHOOL: 45,
    ClosureReason.MOVED_OUT_OF_AREA: 25,
    ClosureReason.LEFT_ENGLAND: 10,
    ClosureReason.NOT_ELIGIBLE: 10,
    ClosureReason.CME_TRANSFERRED: 10,
}
_FIRST_CARER_WEIGHTS = {
    Relationship.MOTHER: 80,
    Relationship.FATHER: 14,
    Relationship.GRANDPARENT: 3,
    Relationship.GUARDIAN: 2,
    Relationship.FOSTER_CARER: 1,
}
_SECOND_CARER_WEIGHTS = {
    Relationship.MOTHER: {
        Relationship.FATHER: 75,
        Relationship.STEP_PARENT: 15,
        Relationship.PARENT: 10,
    },
    Relationship.FATHER: {
        Relationship.MOTHER: 70,
        Relationship.STEP_PARENT: 20,
        Relationship.PARENT: 10,
    },
}
_PROVIDERS = (
    ("Harbour Light Tuition", ProviderType.TUITION_CENTRE),
    ("Oak and Acorn Forest School", ProviderType.OUT_OF_SCHOOL_SETTING),
    ("Kestrel Maths Tutoring", ProviderType.TUTOR),
    ("Brightwater Online School", ProviderType.ONLINE_SCHOOL),
    ("Moorland Arts Studio", ProviderType.OUT_OF_SCHOOL_SETTING),
    ("Second Chance Learning Centre", ProviderType.ALTERNATIVE_PROVISION),
    ("Tidewater Skills College", ProviderType.FURTHER_EDUCATION),
    ("Wild Sea Outdoor Learning", ProviderType.OTHER),
)


@dataclass(frozen=True)
class DemoSeedResult:
    authority: LocalAuthority
    children_added: int


@dataclass(frozen=True)
class DemoSeed:
    results: list[DemoSeedResult]
    staff: list[StaffUser]


@dataclass(frozen=True)
class DemoCode:
    email: str
    code: str
    seconds_left: int


def authority_slug(authority: LocalAuthority) -> str:
    """'Devon' -> 'devon', 'Bristol, City of' -> 'bristol-city-of'."""
    return re.sub(r"[^a-z]+", "-", authority.name.lower()).strip("-")


def demo_staff_email(*, authority: LocalAuthority, prefix: str) -> str:
    return f"{prefix}@{authority_slug(authority)}.example.org"


def _weighted(rng: random.Random, weights: dict[T, float]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _allocated(rng: random.Random, weights: dict[T, float], count: int) -> list[T]:
    """`count` values in the weights' proportions (largest remainder), in random order.

    Exact shares rather than independent draws, so that even a small demo has its closed
    cases and its rarer statuses.
    """
    total = sum(weights.values())
    shares = {value: count * weight / total for value, weight in weights.items()}
    counts = {value: int(share) for value, share in shares.items()}
    by_remainder = sorted(weights, key=lambda value: shares[value] - counts[value], reverse=True)
    for value in by_remainder[: count - sum(counts.values())]:
        counts[value] += 1
    values = [value for value, n in counts.items() for _ in range(n)]
    rng.shuffle(values)
    return values


def _uuid(rng: random.Random) -> uuid.UUID:
    # Seeded ids keep a child's page at the same URL after the demo database is rebuilt.
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _at(day: date, hour: int, rng: random.Random, now: datetime) -> datetime:
    """A moment in office hours on `day`, but never in the future."""
    moment = timezone.make_aware(datetime.combine(day, datetime.min.time())) + timedelta(
        hours=hour, minutes=rng.randrange(60)
    )
    return min(moment, now)


def _date_of_birth(rng: random.Random, today: date) -> date:
    """A birth date in a weighted year group, of compulsory school age today."""
    # A year group's children were all born in one September-to-August cohort.
    autumn = academic_year_start(today).year
    # Reception children reach compulsory school age during the year and Year 11 leave it in
    # June, so a draw from those may fail; Years 1 to 10 always qualify, so the loop ends.
    while True:
        year_group = _weighted(rng, _YEAR_WEIGHTS)
        cohort_starts = date(autumn - year_group - 5, 9, 1)
        born = cohort_starts + timedelta(days=rng.randrange(365))
        if is_of_compulsory_school_age(born, today):
            return born


def _postcode(rng: random.Random, districts: Sequence[str]) -> str:
    inward = f"{rng.randint(1, 9)}{rng.choice(_INWARD_LETTERS)}{rng.choice(_INWARD_LETTERS)}"
    return normalise_postcode(rng.choice(districts) + inward)


def _area(authority: LocalAuthority) -> _Area:
    area = _AREAS.get(authority.dfe_number)
    if area is not None:
        return area
    # Postcode areas are known only for the demo's own authorities; elsewhere a valid-looking
    # placeholder district will do.
    return _Area("", ((authority.name, tuple(f"AB{n}" for n in range(1, 10))),))


def _address(rng: random.Random, area: _Area) -> Address:
    town, districts = rng.choice(area.towns)
    return Address(
        line_1=f"{rng.randint(1, 120)} {rng.choice(_STREETS)} {rng.choice(_STREET_KINDS)}",
        town=town,
        county=area.county,
        postcode=_postcode(rng, districts),
    )


def _references(rng: random.Random, count: int) -> list[str]:
    """Seeded references, with any that clash replaced by fresh random ones."""
    references = []
    for _ in range(count):
        characters = "".join(rng.choice(REFERENCE_ALPHABET) for _ in range(8))
        references.append(f"{characters[:4]}-{characters[4:]}")
    taken = set(
        RegisterEntry.objects.filter(reference__in=references).values_list("reference", flat=True)
    )
    unique = []
    for reference in references:
        while reference in taken:
            reference = reference_new()
        taken.add(reference)
        unique.append(reference)
    return unique


def _child_names(sex: Sex) -> list[str]:
    return {Sex.FEMALE: _GIRLS, Sex.MALE: _BOYS}.get(sex, _GIRLS + _BOYS)


def _first_name(rng: random.Random, sex: Sex) -> str:
    return rng.choice(_child_names(sex))


def _middle_name(rng: random.Random, sex: Sex, first_name: str) -> str:
    return rng.choice([name for name in _child_names(sex) if name != first_name])


def _adult_first_name(rng: random.Random, relationship: Relationship) -> str:
    if relationship == Relationship.MOTHER:
        return rng.choice(_WOMEN)
    if relationship == Relationship.FATHER:
        return rng.choice(_MEN)
    return rng.choice(_WOMEN + _MEN)


def _providers(rng: random.Random, authority: LocalAuthority, area: _Area) -> list[Provider]:
    existing = {
        provider.name: provider for provider in Provider.objects.filter(authority=authority)
    }
    providers, addresses = [], []
    for name, provider_type in _PROVIDERS:
        if name in existing:
            providers.append(existing[name])
            continue
        slug = re.sub(r"[^a-z]+", "-", name.lower()).strip("-")
        address = None if provider_type == ProviderType.ONLINE_SCHOOL else _address(rng, area)
        if address is not None:
            addresses.append(address)
        providers.append(
            Provider(
                authority=authority,
                name=name,
                provider_type=provider_type,
                address=address,
                email=f"enquiries@{slug}.example.com",
                phone=f"07700 900{rng.randrange(1000):03d}",
            )
        )
    Address.objects.bulk_create(addresses)
    Provider.objects.bulk_create([provider for provider in providers if provider.pk is None])
    return providers


@transaction.atomic
def demo_data_seed(*, authority: LocalAuthority, children: int) -> int:
    """Generate `children` children with cases for the authority; return how many were added.

    Seeded from the authority's number, so a rebuilt database gets the same children. An
    authority that already has children gets none, which makes reruns harmless.
    """
    if children <= 0 or Child.objects.filter(authority=authority).exists():
        return 0
    rng = random.Random(int(authority.dfe_number))
    now = timezone.now()
    today = timezone.localdate(now)
    area = _area(authority)
    providers = _providers(rng, authority, area)

    statuses = _allocated(rng, _STATUS_WEIGHTS, children)
    safeguarded = set(rng.sample(range(children), max(1, round(children * 0.05))))
    references = _references(rng, children)
    addresses, children_made, child_addresses, people, carers = [], [], [], [], []
    arrangements, entries, transitions, safeguarding = [], [], [], []

    for index, status in enumerate(statuses):
        sex = _weighted(rng, _SEX_WEIGHTS)
        born = _date_of_birth(rng, today)
        last_name = rng.choice(_SURNAMES)
        first_name = _first_name(rng, sex)
        child = Child(
            id=_uuid(rng),
            authority=authority,
            first_name=first_name,
            middle_names=_middle_name(rng, sex, first_name) if rng.random() < 0.3 else "",
            last_name=last_name,
            date_of_birth=born,
            sex=sex,
            sen_provision=_weighted(rng, _SEN_WEIGHTS),
        )
        children_made.append(child)

        # Dates run notified -> (eligible, registered) -> current status, none after today.
        school_age_days = (today - compulsory_school_age_starts(born)).days
        fewest, most = _NOTIFIED_DAYS_AGO.get(status, _NOTIFIED_DAYS_AGO_OTHERWISE)
        notified_on = today - timedelta(days=min(rng.randint(fewest, most), school_age_days))
        registered = status not in _NOT_YET_REGISTERED and (
            status != CaseStatus.CLOSED or rng.random() < 0.7
        )
        eligible_from = registered_on = None
        status_on = notified_on
        if registered:
            eligible_from = max(
                compulsory_school_age_starts(born),
                notified_on - timedelta(days=rng.randint(0, 14)),
            )
            registered_on = min(today, notified_on + timedelta(days=rng.randint(0, 15)))
            status_on = registered_on
        if status not in (CaseStatus.NOTIFIED, CaseStatus.REGISTERED):
            # Later stages of a registered case take weeks; the early ones follow in days.
            earliest = status_on + timedelta(days=7 if registered else 1)
            status_on = min(
                today, earliest + timedelta(days=rng.randint(0, max(0, (today - earliest).days)))
            )
        closed = status == CaseStatus.CLOSED

        year_group = national_curriculum_year(born, notified_on)
        school_type = _weighted(rng, _SCHOOL_TYPE_WEIGHTS)
        if school_type == PreviousSchoolType.EARLY_YEARS and year_group > 1:
            school_type = PreviousSchoolType.LA_MAINTAINED
        endings = _SCHOOL_ENDINGS.get(school_type)
        school_name = (
            f"{rng.choice(_SCHOOL_NAMES)} {endings[0] if year_group <= 6 else endings[1]}"
            if endings
            else ""
        )
        entry = RegisterEntry(
            id=_uuid(rng),
            authority=authority,
            child=child,
            reference=references[index],
            status=status,
            regime=authority.regime,
            source=_weighted(rng, _SOURCE_WEIGHTS),
            eligibility_basis=_weighted(rng, _BASIS_WEIGHTS) if registered else "",
            primary_reason=_weighted(rng, _REASON_WEIGHTS),
            previous_school_name=school_name,
            previous_school_type=school_type,
            notified_on=notified_on,
            eligible_from=eligible_from,
            registered_on=registered_on,
            closed_on=status_on if closed else None,
            closure_reason=_weighted(rng, _CLOSURE_WEIGHTS) if closed else "",
        )
        entries.append(entry)
        steps = [("", CaseStatus.NOTIFIED, notified_on)]
        if registered_on is not None:
            steps.append((CaseStatus.NOTIFIED, CaseStatus.REGISTERED, registered_on))
        if status != steps[-1][1]:
            steps.append((steps[-1][1], status, status_on))
        transitions.extend(
            CaseTransition(
                entry=entry,
                from_status=from_status,
                to_status=to_status,
                occurred_at=_at(day, 9 + 2 * n, rng, now),
            )
            for n, (from_status, to_status, day) in enumerate(steps)
        )

        address = _address(rng, area)
        addresses.append(address)
        lived_from = max(born, notified_on - timedelta(days=rng.randint(90, 3000)))
        child_addresses.append(
            ChildAddress(
                child=child, address=address, kind=AddressKind.CURRENT, lived_from=lived_from
            )
        )

        relationships = [_weighted(rng, _FIRST_CARER_WEIGHTS)]
        if relationships[0] in _SECOND_CARER_WEIGHTS and rng.random() < 0.5:
            relationships.append(_weighted(rng, _SECOND_CARER_WEIGHTS[relationships[0]]))
        for number, relationship in enumerate(relationships):
            person = Person(
                authority=authority,
                first_name=_adult_first_name(rng, relationship),
                last_name=last_name if rng.random() < 0.85 else rng.choice(_SURNAMES),
                email=f"parent.{authority.dfe_number}{len(people) + 1:04d}@example.com",
                phone=f"07700 900{rng.randrange(1000):03d}",
                address=address,
            )
            people.append(person)
            carers.append(
                ChildPerson(
                    child=child,
                    person=person,
                    relationship=relationship,
                    has_parental_responsibility=relationship
                    not in (Relationship.STEP_PARENT, Relationship.FOSTER_CARER),
                    # The first carer always educates the child; a second sometimes shares it.
                    provides_education=number == 0 or rng.random() < 0.4,
                    is_main_contact=number == 0,
                )
            )
            if number == 0:
                arrangements.append(
                    EducationArrangement(
                        child=child,
                        educator=person,
                        hours_per_week=Decimal(rng.randint(30, 60)) / 2,
                        starts_on=eligible_from or notified_on,
                    )
                )
        if rng.random() < 0.4:
            hours = Decimal(rng.randint(4, 24)) / 2
            arrangements.append(
                EducationArrangement(
                    child=child,
                    provider=rng.choice(providers),
                    hours_per_week=hours,
                    hours_without_parent=Decimal(rng.randint(0, int(hours * 2))) / 2,
                    starts_on=eligible_from or notified_on,
                )
            )
        if index in safeguarded:
            safeguarding.append(_safeguarding(rng, child, today))

    Address.objects.bulk_create(addresses)
    Child.objects.bulk_create(children_made)
    ChildAddress.objects.bulk_create(child_addresses)
    Person.objects.bulk_create(people)
    ChildPerson.objects.bulk_create(carers)
    EducationArrangement.objects.bulk_create(arrangements)
    RegisterEntry.objects.bulk_create(entries)
    CaseTransition.objects.bulk_create(transitions)
    ChildSafeguarding.objects.bulk_create(safeguarding)
    return len(children_made)


def _safeguarding(rng: random.Random, child: Child, today: date) -> ChildSafeguarding:
    statuses = list(ChildSafeguarding.Status)
    record = ChildSafeguarding(
        child=child,
        section_47_enquiry=rng.choice(statuses),
        child_protection_plan=rng.choice(statuses),
        child_in_need=rng.choice(statuses),
        looked_after=rng.random() < 0.1,
    )
    if record.child_protection_plan == ChildSafeguarding.Status.PREVIOUS:
        record.child_protection_plan_ended_on = today - timedelta(days=rng.randint(60, 900))
    if record.looked_after:
        record.looked_after_reason = "Placed with foster carers under a care order"
    if all(
        value == ChildSafeguarding.Status.NONE
        for value in (
            record.section_47_enquiry,
            record.child_protection_plan,
            record.child_in_need,
        )
    ):
        # A record of nothing known would show nothing; the demo should show something.
        record.child_in_need = ChildSafeguarding.Status.CURRENT
    return record


def _staff_user_ensure(
    *,
    email: str,
    role: StaffRole,
    authority: LocalAuthority | None,
    can_view_safeguarding: bool = False,
) -> StaffUser:
    names = random.Random(email)
    full_name = f"{names.choice(_WOMEN + _MEN)} {names.choice(_SURNAMES)}"
    fields = {
        "full_name": full_name,
        "role": role,
        "authority": authority,
        "can_view_safeguarding": can_view_safeguarding,
    }
    user = StaffUser.objects.filter(email=email).first()
    if user is None:
        user = StaffUser.objects.create_user(email, DEMO_PASSWORD, **fields)
    else:
        for name, value in fields.items():
            setattr(user, name, value)
        user.is_active = True
        # Hashing is slow on purpose; skip it when the password is already the demo one.
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
        user.full_clean(exclude=["password"])
        user.save()
    TOTPDevice.objects.update_or_create(
        user=user,
        name=DEMO_DEVICE_NAME,
        defaults={"key": DEMO_TOTP_KEY_HEX, "confirmed": True},
    )
    return user


@transaction.atomic
def demo_staff_ensure(*, authorities: Iterable[LocalAuthority]) -> list[StaffUser]:
    """An officer, a manager and an LA admin per authority, and one national analyst.

    Each has the demo password and a confirmed authenticator with the demo secret.
    """
    staff = [
        _staff_user_ensure(
            email=demo_staff_email(authority=authority, prefix=prefix),
            role=role,
            authority=authority,
            can_view_safeguarding=cleared,
        )
        for authority in authorities
        for role, prefix, cleared in _LA_STAFF
    ]
    staff.append(
        _staff_user_ensure(
            email=DEMO_ANALYST_EMAIL, role=StaffRole.NATIONAL_ANALYST, authority=None
        )
    )
    return staff


@transaction.atomic
def demo_authorities_host(*, numbers: Sequence[str]) -> list[LocalAuthority]:
    """The authorities with these DfE numbers, marked as hosted; loads the list if needed.

    Raises ApplicationError for a number that is not an English local authority.
    """
    numbers = list(dict.fromkeys(number.strip() for number in numbers if number.strip()))
    if not numbers:
        raise ApplicationError(
            {"local_authority": ["Enter at least one local authority number, like 878"]}
        )
    if LocalAuthority.objects.filter(dfe_number__in=numbers).count() < len(numbers):
        local_authorities_load(rows=local_authorities_csv_rows())
    # Every number is checked before any authority changes.
    authorities = [local_authority_get_by_number(dfe_number=number) for number in numbers]
    for authority in authorities:
        if not authority.hosted:
            authority.hosted = True
            authority.save(update_fields=["hosted"])
    return authorities


@transaction.atomic
def demo_seed(
    *,
    numbers: Sequence[str] = DEMO_AUTHORITY_NUMBERS,
    children: int = DEMO_CHILDREN_PER_AUTHORITY,
) -> DemoSeed:
    """Host the authorities, give each demo children and staff: all or nothing."""
    if children < 0:
        raise ApplicationError({"children": ["Enter a number of children of 0 or more"]})
    authorities = demo_authorities_host(numbers=numbers)
    results = [
        DemoSeedResult(
            authority=authority,
            children_added=demo_data_seed(authority=authority, children=children),
        )
        for authority in authorities
    ]
    return DemoSeed(results=results, staff=demo_staff_ensure(authorities=authorities))


def demo_code_get(*, email: str = "") -> DemoCode:
    """The current security code of a demo account's authenticator, and its seconds left.

    Without an email: officer@devon.example.org, or else the first demo officer.
    """
    devices = TOTPDevice.objects.filter(name=DEMO_DEVICE_NAME).select_related("user")
    wanted = (email or DEMO_OFFICER_EMAIL).strip().lower()
    device = devices.filter(user__email=wanted).first()
    if device is None and not email:
        device = devices.filter(user__role=StaffRole.OFFICER).order_by("user_id").first()
    if device is None:
        raise ApplicationError(
            f"No demo account {wanted} – run `make run` or `manage.py seed_demo` first"
        )
    now = time.time()
    totp = TOTP(
        key=bytes.fromhex(device.key),
        step=device.step,
        t0=device.t0,
        digits=device.digits,
        drift=device.drift,
    )
    totp.time = now
    return DemoCode(
        email=device.user.email,
        code=f"{totp.token():0{device.digits}d}",
        seconds_left=device.step - (int(now) - device.t0) % device.step,
    )
