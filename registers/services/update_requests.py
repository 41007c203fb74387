"""Update requests to parents (Education Act 1996 s.436D, rule P2).

Parents give updates about their child's education only when the LA asks; the LA must ask at
least every 12 months and not more often than every 3 (both per-LA settings until regulations
fix them). A request is a single-use link that expires; the parent's answer is a new
notification for an officer to review. Nothing on the register changes until then.
"""

from dataclasses import asdict
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from registers.actors import SCHEDULER, Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.intake.updates import UpdateAnswers, update_answers_validate
from registers.models import (
    AuditEvent,
    InformationRequest,
    LocalAuthority,
    Notification,
    RegisterEntry,
    Task,
)
from registers.rules.cases import UPDATE_REQUEST_STATUSES
from registers.rules.codes import NotificationKind, NotificationSource
from registers.rules.deadlines import (
    REVIEW_PERIOD_DAYS,
    UPDATE_REQUEST_NO_EMAIL,
    UPDATE_REQUEST_NOT_OPEN,
    days_beginning_with,
    long_date,
    update_request_refusal,
)
from registers.selectors.authorities import hosted_authorities
from registers.selectors.links import information_request_for_link
from registers.selectors.update_requests import (
    entries_due_update_request,
    register_entry_for_reference,
    update_request_held,
)
from registers.services.links import link_expiry
from registers.services.outbox import link_email_enqueue

# The scheduled job sends a request once the latest allowed day is this close.
SEND_DUE_LEAD_DAYS = 14

NOT_OPEN = UPDATE_REQUEST_NOT_OPEN
NO_EMAIL = UPDATE_REQUEST_NO_EMAIL


def _contact_email(entry: RegisterEntry) -> str:
    """The main contact's email, else the first parent's who has one."""
    links = (
        entry.child.relationships.live()
        .select_related("person")
        .order_by("-is_main_contact", "id")
    )
    return next((link.person.email for link in links if link.person.email), "")


def _email_body(*, entry: RegisterEntry, url: str, respond_by: date, expires: date) -> str:
    authority = entry.authority
    return (
        "Dear parent or carer,\n\n"
        f"{authority.name} keeps a register of children who are not in school. We need to "
        f"check that what we hold about {entry.child.first_name}'s education is still "
        "correct.\n\n"
        f"Please check it, and tell us about any changes, by {long_date(respond_by)}:\n\n"
        f"{url}\n\n"
        f"The link works once, until {long_date(expires)}. If it has stopped working, the page "
        "it opens lets you ask for a new one.\n\n"
        f"Your reference is {entry.reference}.\n\n"
        f"{authority.name}"
    )


def update_request_create(
    *,
    entry: RegisterEntry,
    actor: Actor,
    today: date,
    replacing_expired: bool,
) -> InformationRequest:
    """Send the parents an update request, inside the caller's transaction (see
    update_request_send); raises ApplicationError, saying why, where the rules refuse it."""
    # Lock the entry so that two officers (or an officer and the job) cannot both send one.
    entry = (
        RegisterEntry.objects.select_for_update()
        .select_related("authority", "child")
        .get(pk=entry.pk)
    )
    if entry.status not in UPDATE_REQUEST_STATUSES:
        raise ApplicationError(NOT_OPEN)
    now = timezone.now()
    last = (
        entry.information_requests.filter(kind=InformationRequest.Kind.PARENT_UPDATE)
        .order_by("-sent_at")
        .first()
    )
    expired_unanswered = last is not None and last.used_at is None and last.expires_at <= now
    email = _contact_email(entry)
    refusal = update_request_refusal(
        on_register=True,
        last_request_on=timezone.localdate(last.sent_at) if last else None,
        registered_on=entry.registered_on or entry.notified_on,
        parent_email=bool(email),
        today=today,
        min_months=entry.authority.update_request_min_months,
        max_months=entry.authority.update_request_max_months,
        replacing_expired=replacing_expired and expired_unanswered,
    )
    if refusal:
        raise ApplicationError(refusal)

    row = InformationRequest.objects.create(
        authority=entry.authority,
        kind=InformationRequest.Kind.PARENT_UPDATE,
        entry=entry,
        sent_at=now,
        respond_by=days_beginning_with(today, entry.authority.registration_period_days),
        expires_at=link_expiry(),
        created_by=actor.user,
        modified_by=actor.user,
    )
    # The next request's interval runs from this one (the scheduled job's index reads it).
    RegisterEntry.objects.filter(pk=entry.pk).update(
        update_requested_on=timezone.localdate(row.sent_at)
    )
    # An officer asked to send one by other means need not, now it has gone.
    Task.objects.filter(
        entry=entry, kind=Task.Kind.SEND_UPDATE_REQUEST, status=Task.Status.OPEN
    ).update(status=Task.Status.DONE, completed_at=now, modified_at=now)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=entry.authority,
        object_type="information_request",
        object_id=row.pk,
        categories=["education"],
        children=[entry.child_id],
    )
    link_email_enqueue(
        information_request=row,
        to=email,
        subject=f"{entry.authority.name}: please check your child's details",
        body=lambda url: _email_body(
            entry=entry,
            url=url,
            respond_by=row.respond_by,
            expires=timezone.localdate(row.expires_at),
        ),
        dedupe_key=f"update-request-{row.pk}",
    )
    return row


@transaction.atomic
def update_request_send(
    *,
    entry: RegisterEntry,
    actor: Actor,
    replacing_expired: bool = False,
) -> InformationRequest:
    """Send the parents an update request: a single-use link by email, through the outbox.

    Refused when it would come sooner than the LA's minimum interval after the last request
    (or after registration), or when no parent has an email address. `replacing_expired`
    lifts the interval rule only where the last request expired without an answer: the parent
    was never able to answer it, so a new link is not a new demand on them.
    The link is made when the email is delivered, and goes only into the email.
    """
    return update_request_create(
        entry=entry,
        actor=actor,
        today=timezone.localdate(),
        replacing_expired=replacing_expired,
    )


def update_requests_send_due(*, today: date | None = None) -> int:
    """Send a request for every open entry whose 12-month limit is near or past.

    Run by the scheduler, so that no child on a hosted LA's register goes longer than the LA's
    maximum interval without being asked (s.436D). Entries with no parent email, or with a
    request still waiting for an answer, are left for an officer. Returns how many were sent.
    Only the children due are read: the statements grow with them, not with the register.
    """
    today = today or timezone.localdate()
    due = entries_due_update_request(
        authorities=hosted_authorities(),
        today=today,
        lead_days=SEND_DUE_LEAD_DAYS,
        now=timezone.now(),
    )
    sent = 0
    for entry in due.iterator(chunk_size=500):
        try:
            with transaction.atomic():
                update_request_create(
                    entry=entry, actor=SCHEDULER, today=today, replacing_expired=False
                )
        except ApplicationError:
            # Changed since it was read (closed, or a request sent meanwhile): skip it.
            continue
        sent += 1
    return sent


def update_request_send_again(
    *, authority: LocalAuthority, reference: str, date_of_birth: date, actor: Actor
) -> None:
    """A parent whose link no longer works asks for a new one.

    Sends one only if the reference and date of birth match an open entry of this LA, and
    the rules allow it (see update_request_send). Says nothing either way, so that the page
    cannot be used to find out whether a reference exists.
    """
    entry = register_entry_for_reference(
        authority=authority, reference=reference, date_of_birth=date_of_birth
    )
    if entry is None or entry.status not in UPDATE_REQUEST_STATUSES:
        return
    try:
        update_request_send(entry=entry, actor=actor, replacing_expired=True)
    except ApplicationError:
        return


# The parent's answer ------------------------------------------------------------------------


def _answer_payload(*, information_request: InformationRequest, answers: UpdateAnswers) -> dict:
    changes = {
        key: (str(value) if isinstance(value, Decimal) else value)
        for key, value in asdict(answers).items()
        if key != "still_correct" and value not in ("", None)
    }
    return {
        "update_request_id": information_request.pk,
        "sent_on": timezone.localdate(information_request.sent_at).isoformat(),
        "still_correct": answers.still_correct,
        "held": update_request_held(information_request=information_request).as_payload(),
        "changes": changes,
    }


@transaction.atomic
def update_request_answer(*, token: str, answers: UpdateAnswers, actor: Actor) -> Notification:
    """Record a parent's answer to an update request, once.

    One transaction: the answer as a new notification, the request marked used (so the link
    works no more), a task for an officer to review it, and an audit event. The register
    itself is not changed. A used, expired or unknown link raises LinkNotUsable; two submits
    of the same answer give one notification.
    """
    information_request = information_request_for_link(
        token=token, kind=InformationRequest.Kind.PARENT_UPDATE
    )
    answers = update_answers_validate(answers=answers)
    entry = RegisterEntry.objects.select_related("child", "authority").get(
        pk=information_request.entry_id
    )
    information_request.entry = entry
    now = timezone.now()
    today = timezone.localdate()
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                authority=entry.authority,
                kind=NotificationKind.UPDATE_RESPONSE,
                source=NotificationSource.PARENT,
                idempotency_key=f"update-request-{information_request.pk}",
                reference=entry.reference,
                payload=_answer_payload(information_request=information_request, answers=answers),
                received_at=now,
                child=entry.child,
                entry=entry,
            )
    except IntegrityError:
        # The same request answered in a parallel transaction: that answer stands.
        return Notification.objects.get(
            authority=entry.authority, idempotency_key=f"update-request-{information_request.pk}"
        )
    information_request.used_at = now
    information_request.response = notification
    information_request.save(update_fields=["used_at", "response", "modified_at"])
    # Answered at last: the chase is over.
    Task.objects.filter(
        information_request=information_request,
        kind=Task.Kind.UPDATE_REQUEST_OVERDUE,
        status=Task.Status.OPEN,
    ).update(status=Task.Status.DONE, completed_at=now, modified_at=now)
    Task.objects.create(
        authority=entry.authority,
        kind=Task.Kind.REVIEW_NOTIFICATION,
        entry=entry,
        notification=notification,
        due_on=days_beginning_with(today, REVIEW_PERIOD_DAYS),
        details=(
            "Answer to the update request sent on "
            f"{long_date(timezone.localdate(information_request.sent_at))}: "
            + (
                "the parent says the information is still correct"
                if answers.still_correct
                else "the parent has told us about changes"
            )
        ),
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=entry.authority,
        object_type="notification",
        object_id=notification.pk,
        categories=["identity", "address", "family", "education"],
        children=[entry.child_id],
    )
    return notification
