"""Putting a child on the register by hand: a child the LA found, or referred by an agency."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.intake.child import DUPLICATE_UPN, ChildDetails
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
from registers.rules.identifiers import (
    IdentifierError,
    normalise_nhs_number,
    normalise_postcode,
    normalise_upn,
)
from registers.rules.school_age import (
    compulsory_school_age_ends,
    compulsory_school_age_starts,
    is_of_compulsory_school_age,
)
from registers.services.cases import register_entry_open


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _checked_identifiers(*, authority: LocalAuthority, details: ChildDetails, today: date) -> dict:
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, str] = {}

    if details.date_of_birth >= today:
        errors["date_of_birth"] = ["Date of birth must be in the past"]
    elif not is_of_compulsory_school_age(details.date_of_birth, today):
        starts = compulsory_school_age_starts(details.date_of_birth)
        if today < starts:
            message = (
                "The child is not yet of compulsory school age – they will be from "
                f"{_long_date(starts)}"
            )
        else:
            ended = compulsory_school_age_ends(details.date_of_birth)
            message = (
                "The child is no longer of compulsory school age – they were until "
                f"{_long_date(ended)}"
            )
        errors["date_of_birth"] = [message]

    for field, normalise in (
        ("postcode", normalise_postcode),
        ("nhs_number", normalise_nhs_number),
        ("upn", normalise_upn),
    ):
        value = getattr(details, field).strip()
        if field != "postcode" and not value:
            cleaned[field] = ""
            continue
        try:
            cleaned[field] = normalise(value)
        except IdentifierError as error:
            errors[field] = [str(error)]

    if (
        cleaned.get("upn")
        and Child.objects.filter(authority=authority, upn=cleaned["upn"]).exists()
    ):
        errors["upn"] = [DUPLICATE_UPN]
    if errors:
        raise ApplicationError(errors)
    return cleaned


def child_register(
    *, authority: LocalAuthority, details: ChildDetails, actor: Actor
) -> RegisterEntry:
    """Create the child, their home address and a new register entry awaiting an eligibility
    check, with its deadline task and an audit event, all in one transaction."""
    today = timezone.localdate()
    cleaned = _checked_identifiers(authority=authority, details=details, today=today)
    user = actor.user
    try:
        with transaction.atomic():
            child = Child.objects.create(
                authority=authority,
                first_name=details.first_name.strip(),
                middle_names=details.middle_names.strip(),
                last_name=details.last_name.strip(),
                date_of_birth=details.date_of_birth,
                sex=details.sex,
                upn=cleaned["upn"],
                nhs_number=cleaned["nhs_number"],
                created_by=user,
                modified_by=user,
            )
            address = Address.objects.create(
                line_1=details.address_line_1.strip(),
                line_2=details.address_line_2.strip(),
                town=details.town.strip(),
                postcode=cleaned["postcode"],
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
            )
    except IntegrityError as error:
        # Two officers adding the same UPN at once: the database constraint decides.
        if "upn" in str(error).lower():
            raise ApplicationError({"upn": [DUPLICATE_UPN]}) from error
        raise
    return entry
