"""Contacts with the family, visits, suitability decisions, and a provider's contact details as
an officer hears them.

Each is recorded on the child's current case in one transaction, under the lock of the child's
row and at the version of the record the officer saw (so the same form sent twice records one
contact, not two), and audited. Dates are checked against the case: nothing can have happened
before the LA was told about the child, and nothing that has happened can be in the future
(registers.rules.contacts).
"""

from collections.abc import Callable
from datetime import date
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.intake.record import (
    ContactDetails,
    ProviderContactDetails,
    SuitabilityDetails,
    VisitDetails,
    contact_details_validate,
    provider_contact_validate,
    source_label,
    suitability_details_validate,
    visit_details_validate,
)
from registers.models import (
    AuditEvent,
    Contact,
    Provider,
    RecordChange,
    RegisterEntry,
    SuitabilityDecision,
    Visit,
)
from registers.rules.contacts import happened_on_problems, visit_on_problems
from registers.selectors.record import provider_version
from registers.services.record import (
    STALE,
    Locked,
    RecordNotFound,
    StaleRecord,
    child_locked,
    shown,
)

NO_CASE = "This child has no case on the register to record this on"
PROVIDER_NOT_FOUND = "No such provider on this register"
VISIT_NOT_FOUND = "No such visit on this child's record"


def _on_the_case(
    *,
    actor: Actor,
    child_id: UUID | str,
    expected_version: int,
    problems: Callable[[RegisterEntry, date], dict[str, list[str]]],
    make: Callable[[RegisterEntry], object],
    object_type: str,
    action: AuditEvent.Action = AuditEvent.Action.CREATE,
):
    """Lock the child at the version seen, check the dates against their case, make the row,
    raise the version and audit it: the shape of every recording here."""
    with transaction.atomic():
        locked: Locked = child_locked(
            actor=actor, child_id=child_id, expected_version=expected_version
        )
        entry = locked.entry
        if entry is None:
            raise ApplicationError(NO_CASE)
        errors = problems(entry, timezone.localdate())
        if errors:
            raise ApplicationError(errors)
        made = make(entry)
        child = locked.child
        child.version += 1
        child.save(update_fields=["version", "modified_at"])
        audit_record(
            actor=actor,
            authority=child.authority,
            action=action,
            outcome=AuditEvent.Outcome.ALLOWED,
            object_type=object_type,
            object_id=made.pk,
            categories=["education"],
            children=[child.pk],
        )
        return made


def contact_record(
    *, actor: Actor, child_id: UUID | str, expected_version: int, details: ContactDetails
) -> Contact:
    """A letter, email, call or meeting with the family, or the parent's own written report."""
    details = contact_details_validate(details=details)
    user = actor.user

    def problems(entry: RegisterEntry, today: date) -> dict[str, list[str]]:
        found = happened_on_problems(
            what="The date of the contact",
            on=details.occurred_on,
            notified_on=entry.notified_on,
            today=today,
        )
        return {"occurred_on": found} if found else {}

    return _on_the_case(
        actor=actor,
        child_id=child_id,
        expected_version=expected_version,
        problems=problems,
        make=lambda entry: Contact.objects.create(
            entry=entry,
            kind=details.kind,
            direction=details.direction,
            occurred_on=details.occurred_on,
            summary=details.summary,
            created_by=user,
            modified_by=user,
        ),
        object_type="contact",
    )


def _visit_problems(details: VisitDetails) -> Callable[[RegisterEntry, date], dict]:
    def problems(entry: RegisterEntry, today: date) -> dict[str, list[str]]:
        errors = {}
        offered = happened_on_problems(
            what="The date the visit was offered",
            on=details.offered_on,
            notified_on=entry.notified_on,
            today=today,
        )
        if offered:
            errors["offered_on"] = offered
        visit_on = visit_on_problems(
            visit_on=details.visit_on,
            offered_on=details.offered_on,
            took_place=details.status == Visit.Status.COMPLETED,
            today=today,
        )
        if visit_on:
            errors["visit_on"] = visit_on
        return errors

    return problems


VISIT_FIELDS = ("status", "offered_on", "visit_on", "at_home", "visited_by", "notes")


def visit_record(
    *, actor: Actor, child_id: UUID | str, expected_version: int, details: VisitDetails
) -> Visit:
    """A visit offered to the family: accepted, declined, arranged or made (L2)."""
    details = visit_details_validate(details=details)
    user = actor.user
    return _on_the_case(
        actor=actor,
        child_id=child_id,
        expected_version=expected_version,
        problems=_visit_problems(details),
        make=lambda entry: Visit.objects.create(
            entry=entry,
            **{name: getattr(details, name) for name in VISIT_FIELDS},
            created_by=user,
            modified_by=user,
        ),
        object_type="visit",
    )


def visit_change(
    *,
    actor: Actor,
    child_id: UUID | str,
    expected_version: int,
    visit_id: int,
    details: VisitDetails,
) -> Visit:
    """What has become of a visit: an offer accepted or declined, a visit arranged or made."""
    details = visit_details_validate(details=details)

    def update(entry: RegisterEntry) -> Visit:
        visit = Visit.objects.live().filter(entry__child=entry.child_id, pk=visit_id).first()
        if visit is None:
            raise RecordNotFound(VISIT_NOT_FOUND)
        for name in VISIT_FIELDS:
            setattr(visit, name, getattr(details, name))
        visit.modified_by = actor.user
        visit.save(update_fields=[*VISIT_FIELDS, "modified_by", "modified_at"])
        return visit

    return _on_the_case(
        actor=actor,
        child_id=child_id,
        expected_version=expected_version,
        problems=_visit_problems(details),
        make=update,
        object_type="visit",
        action=AuditEvent.Action.UPDATE,
    )


def suitability_decide(
    *, actor: Actor, child_id: UUID | str, expected_version: int, details: SuitabilityDetails
) -> SuitabilityDecision:
    """The LA's decision on whether the child's education is suitable, with its evidence."""
    details = suitability_details_validate(details=details)
    user = actor.user

    def problems(entry: RegisterEntry, today: date) -> dict[str, list[str]]:
        found = happened_on_problems(
            what="The date of the decision",
            on=details.decided_on,
            notified_on=entry.notified_on,
            today=today,
        )
        return {"decided_on": found} if found else {}

    return _on_the_case(
        actor=actor,
        child_id=child_id,
        expected_version=expected_version,
        problems=problems,
        make=lambda entry: SuitabilityDecision.objects.create(
            entry=entry,
            outcome=details.outcome,
            decided_on=details.decided_on,
            evidence=details.evidence,
            created_by=user,
            modified_by=user,
        ),
        object_type="suitability_decision",
    )


# A provider's contact details -----------------------------------------------------------------


@transaction.atomic
def provider_contact_change(
    *,
    actor: Actor,
    provider_id: int,
    expected_version: int,
    details: ProviderContactDetails,
) -> list[RecordChange]:
    """A provider's email and phone as an officer heard them, and from whom; with an email, an
    information request can be sent to the provider (s.436E)."""
    details = provider_contact_validate(details=details)
    provider = (
        Provider.objects.live()
        .select_for_update()
        .filter(authority=actor.user.authority, pk=provider_id)
        .first()
    )
    if provider is None:
        raise ApplicationError(PROVIDER_NOT_FOUND)
    if provider_version(provider) != expected_version:
        raise StaleRecord(STALE)
    at = timezone.now()
    changes = []
    for name, value in (("email", details.email), ("phone", details.phone)):
        old = getattr(provider, name)
        if old != value:
            field = provider._meta.get_field(name)
            changes.append(
                RecordChange(
                    provider=provider,
                    changed_at=at,
                    changed_by=actor.user,
                    category="provider",
                    field=f"{provider.name}: {field.verbose_name}",
                    old_value=shown(old, field),
                    new_value=shown(value, field),
                    source=source_label(details.source),
                )
            )
            setattr(provider, name, value)
    if not changes:
        return []
    provider.modified_by = actor.user
    provider.save(update_fields=["email", "phone", "modified_by", "modified_at"])
    RecordChange.objects.bulk_create(changes)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        object_type="provider",
        object_id=provider.pk,
        categories=["provider"],
    )
    return changes
