"""What parents tell the LA between update requests: a change of circumstances, or a request
for support (Education Act 1996 s.436G).

Each becomes a notification with a reference of its own and a task for an officer; nothing on
the register changes until an officer has reviewed it. A change report is matched to a register
entry only when both the reference and the child's date of birth match, and the parent is never
told whether they did: not on the page, not in the receipt emailed to them.
"""

from dataclasses import asdict
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.intake.changes import ChangeKind, ChangeReport, change_report_validate
from registers.intake.support import SupportRequestDetails, support_request_validate
from registers.models import AuditEvent, LocalAuthority, Notification, Task
from registers.rules.codes import NotificationKind, NotificationSource
from registers.rules.deadlines import REVIEW_PERIOD_DAYS, days_beginning_with
from registers.selectors.update_requests import register_entry_for_reference
from registers.services.receipts import receipt_send
from registers.services.references import reference_new


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
    this LA; otherwise saved unlinked for an officer to match by hand. Either way it has its own
    reference, emailed to the parent if they gave an address. The same submission sent twice
    gives one notification.
    """
    report = change_report_validate(report=report, today=timezone.localdate())
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
                reference=reference_new(),
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
        children=[entry.child_id] if entry else [],
    )
    receipt_send(
        notification=notification,
        to=report.email,
        actor=actor,
        received="report of a change",
        thanks=f"Thank you for telling {authority.name} about a change.",
        # The same words whether or not the report matched a child.
        next_steps=[
            "If the reference and date of birth you gave match a child on our register, an "
            "officer will review what you told us. If we need to know more, we will contact you.",
            "Nothing on the register changes until an officer has reviewed it.",
        ],
    )
    return notification


# Support (s.436G) ---------------------------------------------------------------------------


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
    details = support_request_validate(details=details)
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
    receipt_send(
        notification=notification,
        to=details.email,
        actor=actor,
        received="request for support",
        thanks=f"Thank you for asking {authority.name} for support.",
        next_steps=["An officer will contact you about the support you asked for."],
    )
    return notification
