"""What parents tell the LA between update requests: a change of circumstances, or a request
for support (Education Act 1996 s.436G).

Each becomes a notification and a task for an officer; nothing on the register changes until an
officer has reviewed it. A change report is matched to a register entry only when both the
reference and the child's date of birth match, and the parent is never told whether they did.
"""

from dataclasses import asdict, dataclass
from datetime import date

from django.db import IntegrityError, models, transaction
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.models import AuditEvent, LocalAuthority, Notification, Task
from registers.rules.codes import NotificationKind, NotificationSource
from registers.rules.deadlines import add_months, days_beginning_with
from registers.rules.identifiers import IdentifierError, normalise_postcode
from registers.selectors.update_requests import reference_normalise, register_entry_for_reference
from registers.services.references import reference_new
from registers.services.update_requests import REVIEW_PERIOD_DAYS, long_date

# Dates a parent gives about a change may be this far ahead (a move they are planning).
FUTURE_LIMIT_MONTHS = 12


class ChangeKind(models.TextChoices):
    MOVING_IN_AREA = "moving_in_area", "We have moved, or are moving, to a new address in the area"
    LEAVING_AREA = "leaving_area", "We are moving out of the area, or leaving England"
    RETURNING_TO_SCHOOL = "returning_to_school", "My child is going back to school"
    OTHER = "other", "Something else"


@dataclass(frozen=True, kw_only=True)
class ChangeReport:
    reference: str
    date_of_birth: date
    kind: ChangeKind
    address_line_1: str = ""
    address_line_2: str = ""
    town: str = ""
    postcode: str = ""
    moving_on: date | None = None
    destination: str = ""
    school_name: str = ""
    school_from: date | None = None
    details: str = ""


CHANGE_TEXT_LIMITS = {
    "reference": ("Reference", 12),
    "address_line_1": ("Address line 1", 100),
    "address_line_2": ("Address line 2", 100),
    "town": ("Town or city", 60),
    "destination": ("Where you are moving to", 100),
    "school_name": ("School name", 200),
    "details": ("What has changed", 2000),
}


def _limit_errors(values: object, limits: dict[str, tuple[str, int]]) -> dict[str, list[str]]:
    return {
        name: [f"{label} must be {limit} characters or fewer"]
        for name, (label, limit) in limits.items()
        if len(getattr(values, name)) > limit
    }


def _date_errors(*, question: str, value: date | None, today: date) -> list[str]:
    if value is None:
        return [f"Enter {question.lower()} – day, month and year, like 27 3 2026"]
    latest = add_months(today, FUTURE_LIMIT_MONTHS)
    if value > latest:
        return [f"{question} must be on or before {long_date(latest)}"]
    return []


def change_report_check(*, report: ChangeReport, today: date | None = None) -> ChangeReport:
    """The report with a normalised reference and postcode; raises ApplicationError by field.

    Only the answers that belong to the kind of change are kept.
    """
    today = today or timezone.localdate()
    errors = _limit_errors(report, CHANGE_TEXT_LIMITS)
    if not report.reference.strip():
        errors["reference"] = ["Enter your reference, like HXK4-7QWT"]
    if report.date_of_birth >= today:
        errors["date_of_birth"] = ["Your child's date of birth must be in the past"]
    kept: dict[str, object] = {}
    if report.kind == ChangeKind.MOVING_IN_AREA:
        if not report.address_line_1.strip():
            errors.setdefault("address_line_1", []).append(
                "Enter address line 1, typically the building and street"
            )
        if not report.town.strip():
            errors.setdefault("town", []).append("Enter town or city")
        try:
            kept["postcode"] = normalise_postcode(report.postcode)
        except IdentifierError as error:
            errors["postcode"] = [str(error) if report.postcode.strip() else "Enter postcode"]
        if problems := _date_errors(
            question="Date you moved", value=report.moving_on, today=today
        ):
            errors["moving_on"] = problems
        kept |= {
            "address_line_1": report.address_line_1.strip(),
            "address_line_2": report.address_line_2.strip(),
            "town": report.town.strip(),
            "moving_on": report.moving_on,
        }
    elif report.kind == ChangeKind.LEAVING_AREA:
        if problems := _date_errors(question="Date you move", value=report.moving_on, today=today):
            errors["moving_on"] = problems
        kept |= {"moving_on": report.moving_on, "destination": report.destination.strip()}
    elif report.kind == ChangeKind.RETURNING_TO_SCHOOL:
        if not report.school_name.strip():
            errors["school_name"] = ["Enter the name of the school"]
        if problems := _date_errors(
            question="Date your child starts",
            value=report.school_from,
            today=today,
        ):
            errors["school_from"] = problems
        kept |= {"school_name": report.school_name.strip(), "school_from": report.school_from}
    elif not report.details.strip():
        errors["details"] = ["Enter what has changed"]
    else:
        kept["details"] = report.details.strip()
    if errors:
        raise ApplicationError(errors)
    return ChangeReport(
        reference=reference_normalise(report.reference),
        date_of_birth=report.date_of_birth,
        kind=ChangeKind(report.kind),
        **kept,
    )


def _payload(values: object) -> dict:
    return {
        key: value.isoformat() if isinstance(value, date) else value
        for key, value in asdict(values).items()
        if value not in ("", None)
    }


def _existing(*, authority: LocalAuthority, idempotency_key: str) -> Notification | None:
    return Notification.objects.filter(
        authority=authority, idempotency_key=idempotency_key
    ).first()


@transaction.atomic
def change_report_submit(
    *,
    authority: LocalAuthority,
    report: ChangeReport,
    idempotency_key: str,
    actor: Actor,
) -> Notification:
    """Save a parent's report of a change as a notification with a review task.

    Linked to the child and entry when the reference and date of birth both match an entry of
    this LA; otherwise saved unlinked for an officer to match by hand. The same submission
    sent twice gives one notification.
    """
    report = change_report_check(report=report)
    if existing := _existing(authority=authority, idempotency_key=idempotency_key):
        return existing
    entry = register_entry_for_reference(
        authority=authority, reference=report.reference, date_of_birth=report.date_of_birth
    )
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                authority=authority,
                kind=NotificationKind.CHANGE_OF_CIRCUMSTANCES,
                source=NotificationSource.PARENT,
                idempotency_key=idempotency_key,
                reference=report.reference[:12],
                payload=_payload(report) | {"matched": entry is not None},
                received_at=timezone.now(),
                child=entry.child if entry else None,
                entry=entry,
            )
    except IntegrityError:
        # A parallel submit of the same answers got there first.
        return Notification.objects.get(authority=authority, idempotency_key=idempotency_key)
    details = f"Change reported: {ChangeKind(report.kind).label}."
    if entry is None:
        details += (
            " The reference and date of birth did not match a register entry: match it by hand."
        )
    Task.objects.create(
        authority=authority,
        kind=Task.Kind.REVIEW_NOTIFICATION,
        entry=entry,
        notification=notification,
        due_on=days_beginning_with(timezone.localdate(), REVIEW_PERIOD_DAYS),
        details=details,
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=authority,
        object_type="notification",
        object_id=notification.pk,
        categories=["address", "education"],
    )
    return notification


# Support (s.436G) ---------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class SupportRequestDetails:
    name: str
    email: str = ""
    phone: str = ""
    child_name: str
    reference: str = ""
    support_wanted: str


SUPPORT_TEXT_LIMITS = {
    "name": ("Your name", 100),
    "email": ("Email address", 254),
    "phone": ("Phone number", 30),
    "child_name": ("Your child's name", 200),
    "reference": ("Reference", 12),
    "support_wanted": ("What support you would like", 2000),
}
NO_CONTACT = "Enter an email address or a phone number, so that we can contact you"


def support_request_check(*, details: SupportRequestDetails) -> SupportRequestDetails:
    errors = _limit_errors(details, SUPPORT_TEXT_LIMITS)
    for name, message in (
        ("name", "Enter your name"),
        ("child_name", "Enter your child's name"),
        ("support_wanted", "Enter what support you would like"),
    ):
        if not getattr(details, name).strip():
            errors[name] = [message]
    if not (details.email.strip() or details.phone.strip()):
        errors["email"] = [NO_CONTACT]
    if errors:
        raise ApplicationError(errors)
    return SupportRequestDetails(
        name=details.name.strip(),
        email=details.email.strip(),
        phone=details.phone.strip(),
        child_name=details.child_name.strip(),
        reference=reference_normalise(details.reference) if details.reference.strip() else "",
        support_wanted=details.support_wanted.strip(),
    )


@transaction.atomic
def support_request_submit(
    *,
    authority: LocalAuthority,
    details: SupportRequestDetails,
    idempotency_key: str,
    actor: Actor,
) -> Notification:
    """A parent asks the LA for support (s.436G): a notification and a task to respond.

    The request has its own reference for the parent to quote. A reference they give is kept
    for the officer but not used to link the request to a child: without the date of birth it
    proves nothing. The same submission sent twice gives one notification.
    """
    details = support_request_check(details=details)
    if existing := _existing(authority=authority, idempotency_key=idempotency_key):
        return existing
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                authority=authority,
                kind=NotificationKind.SUPPORT_REQUEST,
                source=NotificationSource.PARENT,
                idempotency_key=idempotency_key,
                reference=reference_new(),
                payload=_payload(details),
                received_at=timezone.now(),
            )
    except IntegrityError:
        return Notification.objects.get(authority=authority, idempotency_key=idempotency_key)
    Task.objects.create(
        authority=authority,
        kind=Task.Kind.SUPPORT_REQUEST,
        notification=notification,
        due_on=days_beginning_with(timezone.localdate(), REVIEW_PERIOD_DAYS),
        details=f"Support requested by {details.name} for {details.child_name}.",
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=authority,
        object_type="notification",
        object_id=notification.pk,
        categories=["identity", "family"],
    )
    return notification
