"""Information requests to out-of-school education providers (Education Act 1996 s.436E).

An officer sends a provider a request naming the children of the LA's register who attend it
(name and date of birth only: O2, data minimisation); the provider answers through a single-use
link. The answer is kept as a Notification for an officer to review: nothing on the register
changes until then. Requests left unanswered past the LA's period become overdue tasks.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.intake.providers import ProviderAnswers, provider_answers_validate
from registers.models import (
    AuditEvent,
    Child,
    InformationRequest,
    Notification,
    Provider,
    Task,
)
from registers.rules.codes import NotificationKind, NotificationSource
from registers.rules.deadlines import REVIEW_PERIOD_DAYS, days_beginning_with, long_date
from registers.selectors.links import information_request_for_link
from registers.selectors.providers import provider_children
from registers.services.links import link_expiry
from registers.services.outbox import link_email_enqueue
from registers.services.references import reference_new


def _child_name(child: Child) -> str:
    return f"{child.first_name} {child.last_name}"


def _hours(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


# Sending -------------------------------------------------------------------------------------


def _request_subject(information_request: InformationRequest) -> str:
    return (
        f"{information_request.authority.name}: information request about children who "
        f"attend {information_request.provider.name}"
    )


def _request_body(
    *, information_request: InformationRequest, children: list[Child], url: str
) -> str:
    authority = information_request.authority
    provider = information_request.provider
    named = "\n".join(
        f"- {_child_name(child)}, born {long_date(child.date_of_birth)}" for child in children
    )
    return (
        f"{authority.name} keeps a register of children who are not in school. Under section "
        "436E of the Education Act 1996 it is asking you about these children, who it "
        f"understands attend {provider.name}:\n\n"
        f"{named}\n\n"
        "For each child, tell us whether they attend and for how many hours a week, and "
        "confirm your setting's details.\n\n"
        f"Answer by {long_date(information_request.respond_by)} using this link:\n{url}\n\n"
        "The link works once, and stops working on "
        f"{long_date(timezone.localtime(information_request.expires_at).date())}. "
        f"If it has stopped working, contact {authority.name} for a new one.\n"
    )


@transaction.atomic
def provider_request_send(*, provider: Provider, actor: Actor) -> InformationRequest:
    """Send the provider a request naming the children who attend it now.

    The email goes through the outbox once this transaction commits; its link is made when it
    is delivered, and goes only into the email.
    """
    if not provider.email:
        raise ApplicationError(
            f"{provider.name} has no email address – record one before sending an "
            "information request"
        )
    today = timezone.localdate()
    children = list(provider_children(provider=provider, today=today))
    if not children:
        raise ApplicationError(
            f"No children on the register attend {provider.name} now, so there is nobody to "
            "ask about"
        )
    authority = provider.authority
    user = actor.user
    information_request = InformationRequest.objects.create(
        authority=authority,
        kind=InformationRequest.Kind.PROVIDER,
        provider=provider,
        sent_at=timezone.now(),
        respond_by=days_beginning_with(today, authority.provider_response_period_days),
        expires_at=link_expiry(),
        created_by=user,
        modified_by=user,
    )
    information_request.children.set(children)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        object_type="information_request",
        object_id=str(information_request.pk),
        categories=["identity", "education"],
        children=[child.pk for child in children],
    )
    link_email_enqueue(
        information_request=information_request,
        to=provider.email,
        subject=_request_subject(information_request),
        body=lambda url: _request_body(
            information_request=information_request, children=children, url=url
        ),
        dedupe_key=f"provider-request-{information_request.pk}",
    )
    return information_request


# Answering ------------------------------------------------------------------------------------


def provider_response_submit(
    *, token: str, answers: ProviderAnswers, actor: Actor
) -> Notification:
    """Keep a provider's answer as a notification for an officer, and close the link.

    One transaction: the notification (its idempotency key comes from the request, so a
    second submission can never make a second record), the request marked used, a review task,
    any overdue task closed, and an audit event. Raises LinkNotUsable for a used, expired or
    unknown link, and ApplicationError for answers that do not check.
    """
    with transaction.atomic():
        information_request = information_request_for_link(
            token=token, kind=InformationRequest.Kind.PROVIDER
        )
        provider = Provider.objects.get(pk=information_request.provider_id)
        children = list(information_request.children.order_by("last_name", "first_name", "id"))
        attendances, setting = provider_answers_validate(
            children={child.pk: _child_name(child) for child in children}, answers=answers
        )
        now = timezone.now()
        today = timezone.localdate()
        by_child = {attendance.child_id: attendance for attendance in attendances}
        payload = {
            "information_request": information_request.pk,
            "provider": {"id": provider.pk, "name": provider.name},
            "children": [
                {
                    "child_id": str(child.pk),
                    "name": _child_name(child),
                    "date_of_birth": child.date_of_birth.isoformat(),
                    "attends": by_child[child.pk].attends,
                    "hours_per_week": _hours(by_child[child.pk].hours_per_week),
                    "hours_without_parent": _hours(by_child[child.pk].hours_without_parent),
                }
                for child in children
            ],
            "setting": vars(setting),
        }
        notification, _ = Notification.objects.get_or_create(
            authority=information_request.authority,
            idempotency_key=f"provider-request-{information_request.pk}",
            defaults={
                "kind": NotificationKind.PROVIDER_RESPONSE,
                "source": NotificationSource.PROVIDER,
                "reference": reference_new(),
                "payload": payload,
                "received_at": now,
            },
        )
        information_request.used_at = now
        information_request.response = notification
        information_request.save(update_fields=["used_at", "response", "modified_at"])
        Task.objects.create(
            authority=information_request.authority,
            kind=Task.Kind.REVIEW_NOTIFICATION,
            notification=notification,
            due_on=days_beginning_with(today, REVIEW_PERIOD_DAYS),
            details=(
                f"{provider.name} answered the information request sent on "
                f"{long_date(timezone.localtime(information_request.sent_at).date())}"
            ),
        )
        Task.objects.filter(
            authority=information_request.authority,
            kind=Task.Kind.PROVIDER_RESPONSE_OVERDUE,
            status=Task.Status.OPEN,
            information_request=information_request,
        ).update(status=Task.Status.DONE, completed_at=now, modified_at=now)
        audit_record(
            actor=actor,
            authority=information_request.authority,
            action=AuditEvent.Action.CREATE,
            outcome=AuditEvent.Outcome.ALLOWED,
            object_type="notification",
            object_id=str(notification.pk),
            categories=["identity", "education"],
            children=[child.pk for child in children],
        )
    return notification


# Overdue -------------------------------------------------------------------------------------


def provider_requests_mark_overdue(*, today: date | None = None) -> int:
    """Give each provider request unanswered past its date one overdue task; return how many
    tasks were made. Running it again makes none for the same request.

    Set-based: the same three statements however many requests there are (lock, read, one
    insert), and one when there is nothing new to mark.
    """
    today = today or timezone.localdate()
    already_marked = Task.objects.filter(
        information_request=OuterRef("pk"), kind=Task.Kind.PROVIDER_RESPONSE_OVERDUE
    )
    unmarked = InformationRequest.objects.filter(
        kind=InformationRequest.Kind.PROVIDER, used_at__isnull=True, respond_by__lt=today
    ).exclude(Exists(already_marked))
    with transaction.atomic():
        # Locking the requests makes two overlapping runs take turns, and an answer arriving
        # meanwhile either waits or takes its request out of the set.
        if not list(unmarked.select_for_update(of=("self",)).values_list("pk", flat=True)):
            return 0
        # Read again once locked: a run that held the lock before has marked some since this
        # one began looking. The database's one-task-per-request constraint is the last guard.
        overdue = unmarked.select_related("provider").order_by("respond_by", "id")
        tasks = Task.objects.bulk_create(
            Task(
                authority_id=information_request.authority_id,
                kind=Task.Kind.PROVIDER_RESPONSE_OVERDUE,
                information_request=information_request,
                due_on=today,
                details=(
                    f"{information_request.provider.name} has not answered the "
                    "information request sent on "
                    f"{long_date(timezone.localtime(information_request.sent_at).date())}, "
                    f"due by {long_date(information_request.respond_by)}"
                ),
            )
            for information_request in overdue
        )
    return len(tasks)
