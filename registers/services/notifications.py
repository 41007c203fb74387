"""The intake: a notification that a child is not in school goes on the register (s.436D).

Every door (the parent's web journey, the API, a school's notice, an import) maps what it
received to registers.intake.notification's details and calls `notification_submit`. One
transaction keeps the notification as the door sent it and, from it, the child, their
addresses, parents and carers, who educates them, a register entry (through the case module),
the LA's deadline tasks, an audit event and the confirmation email (in the outbox).
"""

from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_event
from registers.intake.notification import (
    AddressDetails,
    NotificationDetails,
    notification_details_validate,
)
from registers.models import (
    Address,
    AuditEvent,
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
from registers.rules.codes import (
    AddressKind,
    CaseStatus,
    NotificationKind,
    NotificationSource,
    PreviousSchoolType,
)
from registers.rules.deadlines import REVIEW_PERIOD_DAYS, days_beginning_with
from registers.rules.family import has_parental_responsibility
from registers.selectors.duplicates import possible_duplicates
from registers.selectors.known_providers import providers_known
from registers.services.cases import register_entry_opening
from registers.services.outbox import outbox_deliver_after_commit
from registers.services.receipts import receipt_message
from registers.services.rows import keys_draw, rows_insert


def _address(details: AddressDetails) -> Address:
    return Address(
        line_1=details.line_1, line_2=details.line_2, town=details.town, postcode=details.postcode
    )


def _previous_school_type(details: NotificationDetails) -> PreviousSchoolType:
    if not details.school.attended:
        return PreviousSchoolType.NONE
    if details.school.type:
        return details.school.type
    if details.school.special_school == "yes":
        return PreviousSchoolType.SPECIAL
    return PreviousSchoolType.ELSEWHERE_OR_UNKNOWN


def _needs_consent(details: NotificationDetails) -> bool:
    # s.434A Condition A (and today, the Pupil Registration Regulations' consent for a child
    # placed at a special school): a pupil of a special school needs the LA's consent to be
    # withdrawn for education otherwise than at school, and stays on roll until then.
    return details.school.still_on_roll and details.school.special_school == "yes"


def _next_steps(
    *, authority: LocalAuthority, details: NotificationDetails, consent: bool
) -> list[str]:
    """What the receipt says happens next; of the child, only their first name."""
    first_name = details.child.first_name
    if consent:
        next_steps = f"{authority.name} will contact you about what happens next."
    else:
        next_steps = (
            f"Within {authority.living_situation_period_days} days, {authority.name} will "
            f"consider where {first_name} lives. They may contact you to ask for more "
            "information or to offer a visit."
        )
    return [
        next_steps,
        "You will be asked to confirm or update this information from time to time.",
    ]


def _tasks(
    *,
    authority: LocalAuthority,
    details: NotificationDetails,
    entry: RegisterEntry,
    notification: Notification,
    duplicates: list[Child],
    consent: bool,
    today: date,
) -> list[Task]:
    def task(kind: str, due_on: date, text: str = "") -> Task:
        return Task(
            authority=authority,
            kind=kind,
            entry=entry,
            notification=notification,
            due_on=due_on,
            details=text,
        )

    living_situation_due = days_beginning_with(today, authority.living_situation_period_days)
    response_due = days_beginning_with(today, REVIEW_PERIOD_DAYS)
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
        if details.school.still_on_roll and details.school.special_school == "not_sure":
            tasks.append(
                task(
                    Task.Kind.REVIEW_NOTIFICATION,
                    response_due,
                    "The parent is not sure whether the school the child is still on the roll "
                    "of is a special school: check whether consent is needed (s.434A).",
                )
            )
    if details.wants_support:
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


def _family_record(
    *, authority: LocalAuthority, details: NotificationDetails, known: list[Provider | None]
) -> tuple[Child, list[Model], list[Model]]:
    """The child, their addresses, parents and carers and who educates them, as new rows: the
    child; the rows others point at (addresses, people, providers the LA did not know); and
    the rows that point at them. `known` is the LA's record of each provider, if it has one."""
    child_details = details.child
    child = Child(
        authority=authority,
        first_name=child_details.first_name,
        middle_names=child_details.middle_names,
        last_name=child_details.last_name,
        date_of_birth=child_details.date_of_birth,
        sex=child_details.sex,
        sen_provision=details.sen_provision,
    )
    home = _address(details.home_address)
    child_addresses = [
        ChildAddress(
            child=child,
            address=home,
            kind=AddressKind.CURRENT,
            lived_from=details.lived_at_home_since,
        )
    ]
    if details.previous_address:
        child_addresses.append(
            ChildAddress(
                child=child,
                address=_address(details.previous_address),
                kind=AddressKind.PREVIOUS,
                lived_until=details.lived_at_home_since,
            )
        )
    if details.additional_address:
        child_addresses.append(
            ChildAddress(
                child=child,
                address=_address(details.additional_address),
                kind=AddressKind.ADDITIONAL,
            )
        )
    parent_homes = [
        _address(parent.address) if parent.address else home for parent in details.parents
    ]
    provider_places = [
        _address(provider.address) if provider.address and not held else None
        for provider, held in zip(details.providers, known, strict=True)
    ]
    addresses = (
        [held.address for held in child_addresses]
        + [place for place in parent_homes if place is not home]
        + [place for place in provider_places if place is not None]
    )
    people = [
        Person(
            authority=authority,
            first_name=parent.first_name,
            last_name=parent.last_name,
            email=parent.email,
            phone=parent.phone,
            address=place,
        )
        for parent, place in zip(details.parents, parent_homes, strict=True)
    ]
    relationships = [
        ChildPerson(
            child=child,
            person=person,
            relationship=parent.relationship,
            has_parental_responsibility=has_parental_responsibility(parent.relationship),
            provides_education=parent.educates,
            is_main_contact=number == 0,
        )
        for number, (parent, person) in enumerate(zip(details.parents, people, strict=True))
    ]
    new_providers = [
        Provider(
            authority=authority,
            name=provider.name,
            provider_type=provider.provider_type,
            address=place,
            website=provider.website,
            email=provider.email,
        )
        for provider, place, held in zip(details.providers, provider_places, known, strict=True)
        if held is None
    ]
    # A provider the LA already knows is the same provider: its record is not made again.
    unknown = iter(new_providers)
    providers = [held or next(unknown) for held in known]
    arrangements = [
        EducationArrangement(
            child=child,
            provider=provider,
            hours_per_week=given.hours_per_week,
            hours_without_parent=given.hours_without_parent,
        )
        for provider, given in zip(providers, details.providers, strict=True)
    ]
    educators = [
        person for parent, person in zip(details.parents, people, strict=True) if parent.educates
    ]
    if educators:
        # s.436C(1)(d) asks for one estimate of the time educated by parents, not one per
        # parent: it is kept once, with the first parent who educates.
        arrangements.insert(
            0,
            EducationArrangement(
                child=child,
                educator=educators[0],
                hours_per_week=details.hours_educated_by_parents,
            ),
        )
    return (
        child,
        [*addresses, *people, *new_providers],
        [*child_addresses, *relationships, *arrangements],
    )


def _record(
    *,
    authority: LocalAuthority,
    details: NotificationDetails,
    source: NotificationSource,
    idempotency_key: str,
    actor: Actor,
    received_at: datetime,
) -> Notification:
    """Everything the notification makes, in a fixed number of statements however many
    parents and providers it names: three reads, the keys of the rows others point at, and
    one statement for every row (registers.services.rows)."""
    today = timezone.localdate(received_at)
    consent = _needs_consent(details)
    duplicates = possible_duplicates(
        authority=authority,
        first_name=details.child.first_name,
        last_name=details.child.last_name,
        date_of_birth=details.child.date_of_birth,
        postcode=details.home_address.postcode,
    )
    known = providers_known(authority=authority, providers=details.providers)
    child, pointed_at, pointing = _family_record(authority=authority, details=details, known=known)
    entry, first_step = register_entry_opening(
        authority=authority,
        child=child,
        status=CaseStatus.CONSENT_PENDING if consent else CaseStatus.NOTIFIED,
        source=source,
        actor=actor,
        reason=f"Notified by: {NotificationSource(source).label} ({actor.door.label.lower()})",
        occurred_at=received_at,
        primary_reason=details.primary_reason,
        previous_school_name=details.school.name,
        previous_school_type=_previous_school_type(details),
        still_on_roll=details.school.still_on_roll,
    )
    notification = Notification(
        authority=authority,
        kind=NotificationKind.NEW_REGISTRATION,
        source=source,
        idempotency_key=idempotency_key,
        reference=entry.reference,
        payload=details.as_data(),
        received_at=received_at,
        child=child,
        entry=entry,
    )
    keys_draw([*pointed_at, notification])
    rows = [child, *pointed_at, *pointing, entry, first_step, notification]
    rows += _tasks(
        authority=authority,
        details=details,
        entry=entry,
        notification=notification,
        duplicates=duplicates,
        consent=consent,
        today=today,
    )
    if consent:
        rows.append(
            ConsentRequest(
                authority=authority,
                child=child,
                condition=ConsentRequest.Condition.SPECIAL_SCHOOL,
                status=ConsentRequest.Status.REQUESTED,
                school_name=details.school.name,
                requested_on=today,
            )
        )
    # One audit row records the child and their entry together.
    rows.append(
        audit_event(
            actor=actor,
            authority=authority,
            action=AuditEvent.Action.CREATE,
            outcome=AuditEvent.Outcome.ALLOWED,
            object_type="child",
            object_id=str(child.pk),
            categories=["identity", "address", "family", "education", "special_educational_needs"],
            children=[child.pk],
        )
    )
    receipt = receipt_message(
        notification=notification,
        to=details.parents[0].email,
        actor=actor,
        received="notification",
        thanks=(
            f"Thank you for telling {authority.name} that {details.child.first_name} is not "
            "in school."
        ),
        next_steps=_next_steps(authority=authority, details=details, consent=consent),
    )
    if receipt is not None:
        rows.append(receipt)
    rows_insert(rows)
    if receipt is not None:
        outbox_deliver_after_commit(receipt)
    return notification


def _already_received(*, authority: LocalAuthority, idempotency_key: str) -> Notification | None:
    return (
        Notification.objects.filter(authority=authority, idempotency_key=idempotency_key)
        .select_related("entry")
        .first()
    )


@transaction.atomic
def notification_submit(
    *,
    authority: LocalAuthority,
    details: NotificationDetails,
    source: NotificationSource,
    idempotency_key: str,
    actor: Actor,
    received_at: datetime | None = None,
) -> Notification:
    """Put a notification on the register, once.

    The details are checked again here (registers.intake.notification): a door's having
    checked them is not a reason to trust them. The same submission sent again (a double
    click, the back button, a retry) has the same idempotency key and gets back the
    notification already made: one record, one reference. `received_at` is now, except for
    registers imported or generated with their own history.
    """
    existing = _already_received(authority=authority, idempotency_key=idempotency_key)
    if existing is not None:
        return existing
    received_at = received_at or timezone.now()
    details = notification_details_validate(
        details.as_data(), today=timezone.localdate(received_at)
    )
    try:
        with transaction.atomic():
            return _record(
                authority=authority,
                details=details,
                source=source,
                idempotency_key=idempotency_key,
                actor=actor,
                received_at=received_at,
            )
    except IntegrityError:
        # The same submission raced this one and committed first: the unique constraint on
        # (authority, idempotency_key) stopped the second copy, so answer with the first.
        existing = _already_received(authority=authority, idempotency_key=idempotency_key)
        if existing is None:
            raise
        return existing
