"""Putting a child on the register by hand: a child the LA found, or referred by an agency."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.intake.child import DUPLICATE_UPN, ChildAddDetails, child_add_details_validate
from registers.models import (
    Address,
    AuditEvent,
    Child,
    ChildAddress,
    LocalAuthority,
    RegisterEntry,
    Task,
)
from registers.rules.codes import (
    AddressKind,
    CaseStatus,
)
from registers.rules.deadlines import days_beginning_with
from registers.services.cases import register_entry_open


def child_register(
    *, authority: LocalAuthority, details: ChildAddDetails, actor: Actor
) -> RegisterEntry:
    """Create the child, their home address and a new register entry awaiting an eligibility
    check, with its deadline task and an audit event, all in one transaction."""
    today = timezone.localdate()
    details = child_add_details_validate(details=details, today=today)
    if details.upn and Child.objects.filter(authority=authority, upn=details.upn).exists():
        raise ApplicationError({"upn": [DUPLICATE_UPN]})
    user = actor.user
    try:
        with transaction.atomic():
            child = Child.objects.create(
                authority=authority,
                first_name=details.first_name,
                middle_names=details.middle_names,
                last_name=details.last_name,
                date_of_birth=details.date_of_birth,
                sex=details.sex,
                upn=details.upn,
                nhs_number=details.nhs_number,
                created_by=user,
                modified_by=user,
            )
            address = Address.objects.create(
                line_1=details.address_line_1,
                line_2=details.address_line_2,
                town=details.town,
                postcode=details.postcode,
                created_by=user,
            )
            ChildAddress.objects.create(
                child=child, address=address, kind=AddressKind.CURRENT, created_by=user
            )
            # The child's audit event below records the whole addition, the entry with it.
            entry = register_entry_open(
                authority=authority,
                child=child,
                status=CaseStatus.ELIGIBILITY_CHECK,
                source=details.source,
                actor=actor,
                reason="Added by an officer",
                notified_on=today,
                primary_reason=details.primary_reason,
                previous_school_name=details.previous_school_name,
                previous_school_type=details.previous_school_type,
                # The officer who found the child holds the case until a manager moves it.
                assigned_officer=user,
                record_audit=False,
            )
            Task.objects.create(
                authority=authority,
                entry=entry,
                kind=Task.Kind.CHECK_ELIGIBILITY,
                due_on=days_beginning_with(today, authority.registration_period_days),
                created_by=user,
            )
            audit_record(
                actor=actor,
                action=AuditEvent.Action.CREATE,
                outcome=AuditEvent.Outcome.ALLOWED,
                object_type="child",
                object_id=str(child.pk),
                categories=["identity", "address", "education"],
                children=[child.pk],
            )
    except IntegrityError as error:
        # Two officers adding the same UPN at once: the database constraint decides.
        if "upn" in str(error).lower():
            raise ApplicationError({"upn": [DUPLICATE_UPN]}) from error
        raise
    return entry
