"""Changing a child's record: the child's details, home address, parents and carers, education
arrangements, previous school, special educational needs and safeguarding.

Each change is one transaction under a lock of the child's row: it is refused if the record
changed since the officer's page was loaded (the child's version), if the child's case is
closed, or if a value is wrong, and then nothing is changed. Otherwise every field that changed
is kept as a RecordChange (who, when, the old and the new value, where the information came
from), the child's version goes up by one, and one audit row names the child and the kinds of
data changed, never the values.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID

from django.db import IntegrityError, models, transaction
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.intake.child import DUPLICATE_UPN
from registers.intake.record import (
    MOVED_BEFORE_LAST,
    SAME_ADDRESS,
    ArrangementDetails,
    ChildDetails,
    NewAddress,
    NewProviderArrangement,
    ParentDetails,
    PreviousSchool,
    SafeguardingDetails,
    arrangement_details_validate,
    child_details_validate,
    new_address_validate,
    new_provider_arrangement_validate,
    parent_details_validate,
    previous_school_validate,
    safeguarding_details_validate,
    sen_provision_validate,
    source_label,
)
from registers.models import (
    Address,
    AuditEvent,
    Child,
    ChildAddress,
    ChildPerson,
    ChildSafeguarding,
    EducationArrangement,
    Provider,
    RecordChange,
    RegisterEntry,
)
from registers.rules.codes import AddressKind
from registers.rules.deadlines import long_date
from registers.selectors.children import ChildPage
from registers.services.safeguarding import child_safeguarding_record
from registers.validation import hours_text

STALE = "This record has changed since you opened the page – check it and try again"
CLOSED = "This child's case is closed, so their record cannot be changed"
NOT_CLEARED = "You are not cleared to see or change safeguarding information"
NOT_FOUND = "No such child on this register"


class StaleRecord(ApplicationError):
    """The record changed after the page was loaded; nothing was changed."""


class RecordNotFound(ApplicationError):
    """Another LA's child, an archived one, or a part of the record that is not the child's."""


@dataclass(frozen=True)
class Locked:
    """The child, locked for the change, and their current case (the newest live entry)."""

    child: Child
    entry: RegisterEntry | None


def child_locked(*, actor: Actor, child_id: UUID | str, expected_version: int) -> Locked:
    """The acting officer's LA's live child, locked, at the version the officer saw, with a
    case that is not closed (a child never on the register has no case to close).

    For the contacts and visits service too: it refuses the same stale page and closed case.
    """
    child = (
        Child.objects.live()
        .select_for_update()
        .filter(authority=actor.user.authority, pk=child_id)
        .first()
    )
    if child is None:
        raise RecordNotFound(NOT_FOUND)
    if child.version != expected_version:
        raise StaleRecord(STALE)
    entry = RegisterEntry.objects.live().filter(child=child).order_by("-notified_on", "id").first()
    if not ChildPage(child=child, entries=[entry] if entry else []).editable:
        raise ApplicationError(CLOSED)
    return Locked(child=child, entry=entry)


def shown(value: object, field: models.Field | None = None) -> str:
    """A value as the history shows it: a choice by its label, a date in words."""
    if value is None or value == "":
        return ""
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return long_date(value)
    if isinstance(value, Decimal):
        return hours_text(value)
    return str(value)


class _History:
    """The field changes of one piece of work, saved together with its audit row."""

    def __init__(self, *, locked: Locked, actor: Actor, source: str = "") -> None:
        self.locked = locked
        self.actor = actor
        self.source = source
        self.at = timezone.now()
        self.changes: list[RecordChange] = []

    def note(self, *, category: str, field: str, old: str, new: str) -> None:
        if old != new:
            self.changes.append(
                RecordChange(
                    child=self.locked.child,
                    changed_at=self.at,
                    changed_by=self.actor.user,
                    category=category,
                    field=field,
                    old_value=old,
                    new_value=new,
                    source=self.source,
                )
            )

    def apply(
        self, instance: models.Model, values: dict[str, object], *, category: str, label=None
    ) -> list[str]:
        """Set each value on the instance, noting each that differs; the names changed."""
        changed = []
        for name, value in values.items():
            field = instance._meta.get_field(name)
            old = getattr(instance, name)
            if old == value:
                continue
            heading = field.verbose_name[:1].upper() + field.verbose_name[1:]
            self.note(
                category=category,
                field=label(heading) if label else heading,
                old=shown(old, field),
                new=shown(value, field),
            )
            setattr(instance, name, value)
            changed.append(name)
        return changed

    def save(self, *, audit: bool = True) -> list[RecordChange]:
        """Keep the changes, raise the child's version, and audit (unless the writer of what
        changed audits it itself); nothing if none changed."""
        if not self.changes:
            return []
        RecordChange.objects.bulk_create(self.changes)
        child = self.locked.child
        child.version += 1
        child.modified_by = self.actor.user
        child.save(update_fields=["version", "modified_by", "modified_at"])
        if not audit:
            return self.changes
        audit_record(
            actor=self.actor,
            authority=child.authority,
            action=AuditEvent.Action.UPDATE,
            outcome=AuditEvent.Outcome.ALLOWED,
            object_type="child",
            object_id=child.pk,
            categories={change.category for change in self.changes},
            children=[child.pk],
        )
        return self.changes


def _save(instance: models.Model, changed: Iterable[str], actor: Actor) -> None:
    changed = list(changed)
    if changed:
        instance.modified_by = actor.user
        instance.save(update_fields=[*changed, "modified_by", "modified_at"])


def _change(
    *,
    actor: Actor,
    child_id: UUID | str,
    expected_version: int,
    work: Callable[[_History], None],
    source: str = "",
    audit: bool = True,
) -> list[RecordChange]:
    with transaction.atomic():
        locked = child_locked(actor=actor, child_id=child_id, expected_version=expected_version)
        history = _History(locked=locked, actor=actor, source=source)
        work(history)
        return history.save(audit=audit)


# The child ------------------------------------------------------------------------------------


def child_details_change(
    *, actor: Actor, child_id: UUID | str, expected_version: int, details: ChildDetails
) -> list[RecordChange]:
    """The child's names, date of birth, sex and identifiers."""
    details = child_details_validate(details=details, today=timezone.localdate())

    def work(history: _History) -> None:
        child = history.locked.child
        if (
            details.upn
            and Child.objects.filter(authority=child.authority_id, upn=details.upn)
            .exclude(pk=child.pk)
            .exists()
        ):
            raise ApplicationError({"upn": [DUPLICATE_UPN]})
        values = {
            name: getattr(details, name)
            for name in (
                "first_name",
                "middle_names",
                "last_name",
                "date_of_birth",
                "sex",
                "upn",
                "nhs_number",
            )
        }
        _save(child, history.apply(child, values, category="identity"), actor)

    try:
        return _change(
            actor=actor, child_id=child_id, expected_version=expected_version, work=work
        )
    except IntegrityError as error:
        # Two officers giving the same UPN at once: the database constraint decides.
        if "upn" in str(error).lower():
            raise ApplicationError({"upn": [DUPLICATE_UPN]}) from error
        raise


def child_sen_change(
    *, actor: Actor, child_id: UUID | str, expected_version: int, sen_provision: str
) -> list[RecordChange]:
    """Special educational needs: none, SEN support, an EHC plan, or not known."""
    sen_provision = sen_provision_validate(sen_provision)

    def work(history: _History) -> None:
        child = history.locked.child
        changed = history.apply(
            child, {"sen_provision": sen_provision}, category="special_educational_needs"
        )
        _save(child, changed, actor)

    return _change(actor=actor, child_id=child_id, expected_version=expected_version, work=work)


# A new home address ---------------------------------------------------------------------------


def child_address_move(
    *, actor: Actor, child_id: UUID | str, expected_version: int, address: NewAddress
) -> list[RecordChange]:
    """The child has moved: the home address held becomes a previous address, ending the day
    before the move, and the new one is their home from the day they moved. Both are kept."""
    address = new_address_validate(address=address, today=timezone.localdate())
    user = actor.user

    def work(history: _History) -> None:
        child = history.locked.child
        current = (
            ChildAddress.objects.live()
            .filter(child=child, kind=AddressKind.CURRENT)
            .select_related("address")
            .first()
        )
        typed = (address.line_1, address.line_2, address.town, address.postcode)
        if current is not None:
            held = current.address
            if (held.line_1, held.line_2, held.town, held.postcode) == typed:
                raise ApplicationError({"line_1": [SAME_ADDRESS]})
            if current.lived_from is not None and address.moved_on <= current.lived_from:
                raise ApplicationError({"moved_on": [MOVED_BEFORE_LAST]})
            current.kind = AddressKind.PREVIOUS
            current.lived_until = address.moved_on - timedelta(days=1)
            _save(current, ["kind", "lived_until"], actor)
        new = Address.objects.create(
            line_1=address.line_1,
            line_2=address.line_2,
            town=address.town,
            postcode=address.postcode,
            created_by=user,
            modified_by=user,
        )
        ChildAddress.objects.create(
            child=child,
            address=new,
            kind=AddressKind.CURRENT,
            lived_from=address.moved_on,
            created_by=user,
            modified_by=user,
        )
        history.note(
            category="address",
            field="Home address",
            old=str(current.address) if current else "",
            new=f"{new}, from {long_date(address.moved_on)}",
        )

    return _change(actor=actor, child_id=child_id, expected_version=expected_version, work=work)


# Parents and carers ---------------------------------------------------------------------------


def parent_details_change(
    *,
    actor: Actor,
    child_id: UUID | str,
    expected_version: int,
    relationship_id: int,
    details: ParentDetails,
) -> list[RecordChange]:
    """A parent or carer's name, contact details and how they stand to the child."""
    details = parent_details_validate(details=details)

    def work(history: _History) -> None:
        link = (
            ChildPerson.objects.live()
            .select_related("person")
            .filter(child=history.locked.child, pk=relationship_id)
            .first()
        )
        if link is None:
            raise RecordNotFound(NOT_FOUND)
        person = link.person
        name = str(person)

        def label(heading: str) -> str:
            return f"{name}: {heading}"

        person_changed = history.apply(
            person,
            {
                "first_name": details.first_name,
                "last_name": details.last_name,
                "email": details.email,
                "phone": details.phone,
            },
            category="family",
            label=label,
        )
        link_changed = history.apply(
            link,
            {
                "relationship": details.relationship,
                "has_parental_responsibility": details.has_parental_responsibility,
                "provides_education": details.provides_education,
            },
            category="family",
            label=label,
        )
        _save(person, person_changed, actor)
        _save(link, link_changed, actor)

    return _change(actor=actor, child_id=child_id, expected_version=expected_version, work=work)


# Education ------------------------------------------------------------------------------------


def arrangement_change(
    *,
    actor: Actor,
    child_id: UUID | str,
    expected_version: int,
    arrangement_id: int,
    details: ArrangementDetails,
) -> list[RecordChange]:
    """The hours of an education arrangement, and where the officer heard them: a provider's
    answer by phone or email is entered here, with its source."""
    details = arrangement_details_validate(details=details)

    def work(history: _History) -> None:
        arrangement = (
            EducationArrangement.objects.live()
            .select_related("provider", "educator")
            .filter(child=history.locked.child, pk=arrangement_id)
            .first()
        )
        if arrangement is None:
            raise RecordNotFound(NOT_FOUND)
        who = arrangement.provider or arrangement.educator

        def label(heading: str) -> str:
            return f"{who}: {heading}"

        changed = history.apply(
            arrangement,
            {
                "hours_per_week": details.hours_per_week,
                "hours_without_parent": details.hours_without_parent,
            },
            category="education",
            label=label,
        )
        _save(arrangement, changed, actor)

    return _change(
        actor=actor,
        child_id=child_id,
        expected_version=expected_version,
        work=work,
        source=source_label(details.source),
    )


def provider_arrangement_add(
    *,
    actor: Actor,
    child_id: UUID | str,
    expected_version: int,
    details: NewProviderArrangement,
) -> list[RecordChange]:
    """A provider the officer has heard the child attends (from the provider by phone or
    email, the parent, a visit): the LA's provider of that name, or a new one, and the hours."""
    details = new_provider_arrangement_validate(details=details)
    user = actor.user

    def work(history: _History) -> None:
        child = history.locked.child
        provider = (
            Provider.objects.live()
            .filter(authority=child.authority_id, name__iexact=details.name)
            .order_by("id")
            .first()
        )
        if provider is None:
            provider = Provider.objects.create(
                authority_id=child.authority_id,
                name=details.name,
                provider_type=details.provider_type,
                email=details.email,
                created_by=user,
                modified_by=user,
            )
        elif details.email and not provider.email:
            provider.email = details.email
            _save(provider, ["email"], actor)
        EducationArrangement.objects.create(
            child=child,
            provider=provider,
            hours_per_week=details.hours_per_week,
            hours_without_parent=details.hours_without_parent,
            created_by=user,
            modified_by=user,
        )
        without = (
            ""
            if details.hours_without_parent is None
            else f", {shown(details.hours_without_parent)} without a parent present"
        )
        history.note(
            category="education",
            field="Education provider",
            old="",
            new=f"{provider.name}: {shown(details.hours_per_week)} hours a week{without}",
        )

    return _change(
        actor=actor,
        child_id=child_id,
        expected_version=expected_version,
        work=work,
        source=source_label(details.source),
    )


def previous_school_change(
    *, actor: Actor, child_id: UUID | str, expected_version: int, details: PreviousSchool
) -> list[RecordChange]:
    """The current case's previous school and main reason the child is not in school."""
    details = previous_school_validate(details=details)

    def work(history: _History) -> None:
        entry = history.locked.entry
        if entry is None:
            raise RecordNotFound(NOT_FOUND)
        changed = history.apply(
            entry,
            {
                "previous_school_name": details.previous_school_name,
                "previous_school_urn": details.previous_school_urn,
                "previous_school_type": details.previous_school_type,
                "primary_reason": details.primary_reason,
            },
            category="education",
        )
        _save(entry, changed, actor)

    return _change(actor=actor, child_id=child_id, expected_version=expected_version, work=work)


# Safeguarding ---------------------------------------------------------------------------------


def safeguarding_change(
    *, actor: Actor, child_id: UUID | str, expected_version: int, details: SafeguardingDetails
) -> list[RecordChange]:
    """Safeguarding (prescribed items 13 to 15), by staff cleared for it only; a refusal is
    audited, naming only the child asked for."""
    if not actor.user.can_view_safeguarding:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            outcome=AuditEvent.Outcome.DENIED,
            object_type="child",
            object_id=str(child_id),
            categories=["safeguarding"],
        )
        raise ApplicationError(NOT_CLEARED)
    details = safeguarding_details_validate(details=details, today=timezone.localdate())

    def work(history: _History) -> None:
        child = history.locked.child
        held = ChildSafeguarding.objects.filter(child=child).first() or ChildSafeguarding(
            child=child
        )
        values = {
            "section_47_enquiry": details.section_47_enquiry,
            "child_protection_plan": details.child_protection_plan,
            "child_protection_plan_ended_on": details.child_protection_plan_ended_on,
            "child_in_need": details.child_in_need,
            "looked_after": details.looked_after,
            "looked_after_reason": details.looked_after_reason,
        }
        if history.apply(held, values, category="safeguarding"):
            child_safeguarding_record(child=child, actor=actor, **values)

    # The safeguarding writer audits the change itself, naming only its category.
    return _change(
        actor=actor,
        child_id=child_id,
        expected_version=expected_version,
        work=work,
        audit=False,
    )
