"""Generated children for the demo, put on the register as any child is: through the intake,
then moved through their cases by the case module, so that demo data obeys the same rules.

Seeded from the authority's number, so that a rebuilt demo has the same children (with new
ids and references, which the intake makes).
"""

import random
from collections import deque
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TypeVar

from django.db import transaction
from django.utils import timezone

from registers.actors import COMMAND
from registers.demo import people
from registers.intake.notification import notification_details_validate
from registers.models import Child, ChildSafeguarding, LocalAuthority, RegisterEntry
from registers.rules.cases import TRANSITIONS
from registers.rules.codes import (
    CaseStatus,
    PreviousSchoolType,
    ProviderType,
    Regime,
    Relationship,
    Sex,
)
from registers.rules.identifiers import normalise_postcode
from registers.rules.school_age import compulsory_school_age_starts, is_of_compulsory_school_age
from registers.rules.year_group import academic_year_start, national_curriculum_year
from registers.services.cases import register_entry_transition
from registers.services.notifications import notification_submit
from registers.services.safeguarding import child_safeguarding_record

T = TypeVar("T")

DEMO_REASON = "Generated for the demo"


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
        year_group = _weighted(rng, people.YEAR_WEIGHTS)
        born = date(autumn - year_group - 5, 9, 1) + timedelta(days=rng.randrange(365))
        if is_of_compulsory_school_age(born, today):
            return born


def _area(authority: LocalAuthority) -> people.Area:
    area = people.AREAS.get(authority.dfe_number)
    if area is not None:
        return area
    # Postcode areas are known only for the demo's own authorities; elsewhere a valid-looking
    # placeholder district will do.
    return people.Area("", ((authority.name, tuple(f"AB{n}" for n in range(1, 10))),))


def _address(rng: random.Random, area: people.Area) -> dict:
    town, districts = rng.choice(area.towns)
    inward = (
        f"{rng.randint(1, 9)}{rng.choice(people.INWARD_LETTERS)}"
        f"{rng.choice(people.INWARD_LETTERS)}"
    )
    return {
        "line_1": f"{rng.randint(1, 120)} {rng.choice(people.STREETS)} "
        f"{rng.choice(people.STREET_KINDS)}",
        "line_2": "",
        "town": town,
        "postcode": normalise_postcode(rng.choice(districts) + inward),
    }


def _child_names(sex: Sex) -> list[str]:
    return {Sex.FEMALE: people.GIRLS, Sex.MALE: people.BOYS}.get(sex, people.GIRLS + people.BOYS)


def _adult_first_name(rng: random.Random, relationship: Relationship) -> str:
    if relationship == Relationship.MOTHER:
        return rng.choice(people.WOMEN)
    if relationship == Relationship.FATHER:
        return rng.choice(people.MEN)
    return rng.choice(people.WOMEN + people.MEN)


def _provider_places(rng: random.Random, authority: LocalAuthority, area: people.Area) -> list:
    """The LA's few demo providers, each always at the same place, so that the intake knows
    them again and their pages list every child who attends."""
    places = []
    for name, provider_type in people.PROVIDERS:
        slug = "".join(character if character.isalnum() else "-" for character in name.lower())
        online = provider_type == ProviderType.ONLINE_SCHOOL
        places.append(
            {
                "name": name,
                "provider_type": provider_type,
                "address": None if online else _address(rng, area),
                "website": f"https://{slug}.example.com" if online else "",
                "email": f"enquiries@{slug}.example.com",
            }
        )
    return places


def _route(regime: Regime, start: CaseStatus, target: CaseStatus) -> list[CaseStatus]:
    """The shortest way through the case table from `start` to `target` (not counting start)."""
    came_from: dict[CaseStatus, CaseStatus | None] = {start: None}
    waiting = deque([start])
    while waiting:
        status = waiting.popleft()
        if status == target:
            break
        for following in sorted(TRANSITIONS[regime].get(status, ())):
            if following not in came_from:
                came_from[following] = status
                waiting.append(following)
    route = []
    status = target
    while status != start:
        route.append(status)
        status = came_from[status]
    return route[::-1]


def _statuses_to(regime: Regime, start: CaseStatus, target: CaseStatus, registered: bool):
    """The moves a demo case makes: through REGISTERED first where it was ever on the register."""
    if registered and target != CaseStatus.REGISTERED and start != target:
        first = _route(regime, start, CaseStatus.REGISTERED)
        return first + _route(regime, CaseStatus.REGISTERED, target)
    return _route(regime, start, target) if start != target else []


def _notification(
    rng: random.Random,
    *,
    authority: LocalAuthority,
    area: people.Area,
    providers: list[dict],
    status: CaseStatus,
    born: date,
    notified_on: date,
    index: int,
) -> dict:
    sex = _weighted(rng, people.SEX_WEIGHTS)
    names = _child_names(sex)
    first_name = rng.choice(names)
    last_name = rng.choice(people.SURNAMES)
    home = _address(rng, area)
    # Settled for over a year, so no previous address is needed (s.436C(1)(a) as amended).
    lived_from = max(born, notified_on - timedelta(days=rng.randint(400, 3000)))

    relationships = [_weighted(rng, people.FIRST_CARER_WEIGHTS)]
    if relationships[0] in people.SECOND_CARER_WEIGHTS and rng.random() < 0.5:
        relationships.append(_weighted(rng, people.SECOND_CARER_WEIGHTS[relationships[0]]))
    parents = [
        {
            "first_name": _adult_first_name(rng, relationship),
            "last_name": last_name if rng.random() < 0.85 else rng.choice(people.SURNAMES),
            "relationship": relationship,
            "address": None,
            "email": f"parent.{authority.dfe_number}{index:04d}{number}@example.com",
            "phone": f"07700 900{rng.randrange(1000):03d}",
            # The first carer always educates the child; a second sometimes shares it.
            "educates": number == 0 or rng.random() < 0.4,
        }
        for number, relationship in enumerate(relationships)
    ]
    attends = []
    if rng.random() < 0.4:
        hours = Decimal(rng.randint(4, 24)) / 2
        attends.append(
            {
                **rng.choice(providers),
                "hours_per_week": str(hours),
                "hours_without_parent": str(Decimal(rng.randint(0, int(hours * 2))) / 2),
            }
        )

    year_group = national_curriculum_year(born, notified_on)
    school_type = _weighted(rng, people.SCHOOL_TYPE_WEIGHTS)
    if school_type == PreviousSchoolType.EARLY_YEARS and year_group > 1:
        school_type = PreviousSchoolType.LA_MAINTAINED
    endings = people.SCHOOL_ENDINGS.get(school_type)
    consent = status == CaseStatus.CONSENT_PENDING
    if consent:
        # Still on the roll of a special school: the LA must consent first (s.434A).
        school_type, endings = (
            PreviousSchoolType.SPECIAL,
            people.SCHOOL_ENDINGS[PreviousSchoolType.SPECIAL],
        )
    school = {"attended": False}
    if endings:
        school = {
            "attended": True,
            "name": f"{rng.choice(people.SCHOOL_NAMES)} "
            f"{endings[0] if year_group <= 6 else endings[1]}",
            "still_on_roll": consent,
            "special_school": "yes" if school_type == PreviousSchoolType.SPECIAL else "no",
            "type": school_type,
        }
    return {
        "child": {
            "first_name": first_name,
            "middle_names": (
                rng.choice([name for name in names if name != first_name])
                if rng.random() < 0.3
                else ""
            ),
            "last_name": last_name,
            "date_of_birth": born.isoformat(),
            "sex": sex,
        },
        "home_address": home,
        "lived_at_home_since": {"month": lived_from.month, "year": lived_from.year},
        "previous_address": None,
        "additional_address": None,
        "parents": parents,
        "hours_educated_by_parents": str(Decimal(rng.randint(30, 60)) / 2),
        "providers": attends,
        "school": school,
        "primary_reason": _weighted(rng, people.REASON_WEIGHTS),
        "sen_provision": _weighted(rng, people.SEN_WEIGHTS),
        "wants_support": rng.random() < 0.05,
    }


def _case_history(
    rng: random.Random,
    *,
    entry: RegisterEntry,
    status: CaseStatus,
    registered: bool,
    now: datetime,
) -> None:
    """Move the entry to its demo status, one allowed step at a time, on past dates."""
    today = timezone.localdate(now)
    moves = _statuses_to(entry.regime, CaseStatus(entry.status), status, registered)
    day = entry.notified_on
    last = entry.transitions.get().occurred_at
    for number, to_status in enumerate(moves):
        if to_status == CaseStatus.REGISTERED:
            day = min(today, day + timedelta(days=rng.randint(0, 15)))
        else:
            # Later stages of a registered case take weeks; the early ones follow in days.
            earliest = day + timedelta(days=7 if entry.registered_on else 1)
            later = rng.randint(0, max(0, (today - earliest).days // 2))
            day = min(today, earliest + timedelta(days=later))
        last = max(last, _at(day, 10 + number, rng, now))
        entry = register_entry_transition(
            entry=entry,
            to_status=to_status,
            reason=DEMO_REASON,
            actor=COMMAND,
            expected_version=entry.version,
            occurred_at=last,
            closure_reason=(
                _weighted(rng, people.CLOSURE_WEIGHTS) if to_status == CaseStatus.CLOSED else ""
            ),
            eligibility_basis=(
                _weighted(rng, people.BASIS_WEIGHTS) if to_status == CaseStatus.REGISTERED else ""
            ),
        )


def _safeguarding(rng: random.Random, child: Child, today: date) -> None:
    statuses = list(ChildSafeguarding.Status)
    held = {
        "section_47_enquiry": rng.choice(statuses),
        "child_protection_plan": rng.choice(statuses),
        "child_in_need": rng.choice(statuses),
        "looked_after": rng.random() < 0.1,
    }
    if all(value == ChildSafeguarding.Status.NONE for value in list(held.values())[:3]):
        # A record of nothing known would show nothing; the demo should show something.
        held["child_in_need"] = ChildSafeguarding.Status.CURRENT
    child_safeguarding_record(
        child=child,
        actor=COMMAND,
        child_protection_plan_ended_on=(
            today - timedelta(days=rng.randint(60, 900))
            if held["child_protection_plan"] == ChildSafeguarding.Status.PREVIOUS
            else None
        ),
        looked_after_reason=(
            "Placed with foster carers under a care order" if held["looked_after"] else ""
        ),
        **held,
    )


@transaction.atomic
def demo_children_seed(*, authority: LocalAuthority, children: int) -> int:
    """Generate `children` children with cases for the authority; return how many were added.

    An authority that already has children gets none, which makes reruns harmless.
    """
    if children <= 0 or Child.objects.filter(authority=authority).exists():
        return 0
    rng = random.Random(int(authority.dfe_number))
    now = timezone.now()
    today = timezone.localdate(now)
    area = _area(authority)
    providers = _provider_places(rng, authority, area)
    statuses: Sequence[CaseStatus] = _allocated(rng, people.STATUS_WEIGHTS, children)
    safeguarded = set(rng.sample(range(children), max(1, round(children * 0.05))))
    for index, status in enumerate(statuses):
        born = _date_of_birth(rng, today)
        school_age_days = (today - compulsory_school_age_starts(born)).days
        fewest, most = people.NOTIFIED_DAYS_AGO.get(status, people.NOTIFIED_DAYS_AGO_OTHERWISE)
        notified_on = today - timedelta(days=min(rng.randint(fewest, most), school_age_days))
        registered = status not in people.NOT_YET_REGISTERED and (
            status != CaseStatus.CLOSED or rng.random() < 0.7
        )
        data = _notification(
            rng,
            authority=authority,
            area=area,
            providers=providers,
            status=status,
            born=born,
            notified_on=notified_on,
            index=index,
        )
        notification = notification_submit(
            authority=authority,
            details=notification_details_validate(data, today=notified_on),
            source=_weighted(rng, people.SOURCE_WEIGHTS),
            idempotency_key=f"demo-{authority.dfe_number}-{index}",
            actor=COMMAND,
            received_at=_at(notified_on, 9, rng, now),
        )
        _case_history(rng, entry=notification.entry, status=status, registered=registered, now=now)
        if index in safeguarded:
            _safeguarding(rng, notification.child, today)
    return children
