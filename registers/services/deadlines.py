"""The daily round of deadlines: tasks for what has fallen due, overdue work marked, and one
email a day to each officer listing their overdue tasks.

Every part is safe to run again the same day: a task is made once for what it watches (the
database's constraints are the last guard), work is marked overdue once, and an officer's
digest is one outbox row a day, which a second run finds already there.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from registers.models import (
    AttendanceOrderStep,
    InformationRequest,
    RegisterEntry,
    StaffUser,
    Task,
)
from registers.rules.deadlines import long_date, update_request_window
from registers.selectors.authorities import hosted_authorities
from registers.selectors.tasks import overdue_tasks_by_officer
from registers.selectors.update_requests import update_requests_due
from registers.services.outbox import email_enqueue

# Officers are told of a child due an update request that cannot be emailed this many days
# before the LA's maximum interval ends, as the scheduled job would otherwise have sent it.
UNSENDABLE_LEAD_DAYS = 14


def update_requests_mark_overdue(*, today: date) -> int:
    """Give each parent's update request unanswered past its date, on a case still open, one
    task; return how many were made. Set-based: the same statements however many there are."""
    already_marked = Task.objects.filter(
        information_request=OuterRef("pk"), kind=Task.Kind.UPDATE_REQUEST_OVERDUE
    )
    unmarked = InformationRequest.objects.filter(
        kind=InformationRequest.Kind.PARENT_UPDATE,
        used_at__isnull=True,
        respond_by__lt=today,
        entry__closed_on__isnull=True,
    ).exclude(Exists(already_marked))
    with transaction.atomic():
        if not list(unmarked.select_for_update(of=("self",)).values_list("pk", flat=True)):
            return 0
        tasks = Task.objects.bulk_create(
            Task(
                authority_id=information_request.authority_id,
                kind=Task.Kind.UPDATE_REQUEST_OVERDUE,
                entry_id=information_request.entry_id,
                information_request=information_request,
                due_on=today,
                details=(
                    "The parents have not answered the update request sent on "
                    f"{long_date(timezone.localtime(information_request.sent_at).date())}, "
                    f"due by {long_date(information_request.respond_by)}"
                ),
            )
            for information_request in unmarked.order_by("respond_by", "id")
        )
    return len(tasks)


def notice_periods_watch() -> int:
    """Give each notice with a period for the parents to answer in (s.437(1), s.436K...), on
    a case still open, one task due the day its period ends; return how many were made."""
    already_watched = Task.objects.filter(
        attendance_order_step=OuterRef("pk"), kind=Task.Kind.NOTICE_PERIOD_ENDS
    )
    unwatched = (
        AttendanceOrderStep.objects.live()
        .filter(respond_by__isnull=False, entry__closed_on__isnull=True)
        .exclude(Exists(already_watched))
    )
    with transaction.atomic():
        if not list(unwatched.select_for_update(of=("self",)).values_list("pk", flat=True)):
            return 0
        tasks = Task.objects.bulk_create(
            Task(
                authority_id=step.entry.authority_id,
                kind=Task.Kind.NOTICE_PERIOD_ENDS,
                entry_id=step.entry_id,
                attendance_order_step=step,
                due_on=step.respond_by,
                details=(
                    f"The period of the {step.get_stage_display()} served on "
                    f"{long_date(step.served_on)} ends on {long_date(step.respond_by)}"
                ),
            )
            for step in unwatched.select_related("entry").order_by("respond_by", "id")
        )
    return len(tasks)


def update_requests_unsendable_tasks(*, today: date) -> int:
    """Give each child due an update request whose parents have no email address (so the
    scheduled job cannot send it) one open task, due the last day of the LA's window."""
    due = update_requests_due(
        authorities=hosted_authorities(),
        today=today,
        lead_days=UNSENDABLE_LEAD_DAYS,
        now=timezone.now(),
    )
    unsendable = due.entry_ids(reachable=False)
    if not unsendable:
        return 0
    has_task = Task.objects.filter(
        entry=OuterRef("pk"), kind=Task.Kind.SEND_UPDATE_REQUEST, status=Task.Status.OPEN
    )
    with transaction.atomic():
        entries = (
            RegisterEntry.objects.select_for_update(of=("self",))
            .filter(pk__in=unsendable)
            .exclude(Exists(has_task))
            .select_related("authority")
            .order_by("authority_id", "id")
        )
        tasks = []
        for entry in entries:
            window = update_request_window(
                last_request_on=entry.update_requested_on,
                registered_on=entry.registered_on or entry.notified_on,
                min_months=entry.authority.update_request_min_months,
                max_months=entry.authority.update_request_max_months,
            )
            tasks.append(
                Task(
                    authority_id=entry.authority_id,
                    kind=Task.Kind.SEND_UPDATE_REQUEST,
                    entry=entry,
                    due_on=window.latest,
                    details=(
                        "No parent has an email address, so the update request cannot be "
                        f"sent by email: ask the parents by {long_date(window.latest)}"
                    ),
                )
            )
        Task.objects.bulk_create(tasks)
    return len(tasks)


def tasks_mark_overdue(*, today: date) -> int:
    """Mark open tasks past their due date as overdue from today; return how many."""
    return Task.objects.filter(
        status=Task.Status.OPEN, due_on__lt=today, overdue_since__isnull=True
    ).update(overdue_since=today, modified_at=timezone.now())


def _digest_body(*, officer: StaffUser, tasks: list[Task], today: date) -> str:
    lines = [
        f"{task.entry.reference if task.entry else 'No case'}: {task.get_kind_display()}, "
        f"due {long_date(task.due_on)}"
        for task in tasks
    ]
    count = len(tasks)
    return (
        f"Dear {officer.full_name or officer.email},\n\n"
        f"On {long_date(today)} you have {count} overdue "
        f"{'task' if count == 1 else 'tasks'}:\n\n"
        + "\n".join(lines)
        + "\n\nSee them, and mark them as done, in My tasks:\n\n"
        f"{settings.CNIS_STAFF_BASE_URL}{reverse('staff:tasks')}\n"
    )


def overdue_digests_send(*, today: date) -> int:
    """Email each active officer who has overdue tasks one list of them, once a day; return
    how many digests were written. The email names cases by reference, never a child."""
    by_officer = overdue_tasks_by_officer(today=today)
    officers = StaffUser.objects.filter(pk__in=by_officer, is_active=True).order_by("pk")
    written = 0
    with transaction.atomic():
        for officer in officers:
            tasks = by_officer[officer.pk]
            email_enqueue(
                to=officer.email,
                subject=f"Your overdue tasks on {long_date(today)}",
                body=_digest_body(officer=officer, tasks=tasks, today=today),
                dedupe_key=f"overdue-digest-{officer.pk}-{today.isoformat()}",
            )
            written += 1
    return written


@dataclass(frozen=True)
class DailyRound:
    update_requests_overdue: int
    notices_watched: int
    update_requests_unsendable: int
    marked_overdue: int
    digests: int


def deadlines_daily(*, today: date | None = None) -> DailyRound:
    """The daily round, in order: tasks for what fell due, then overdue work marked, then
    each officer's digest of it."""
    today = today or timezone.localdate()
    return DailyRound(
        update_requests_overdue=update_requests_mark_overdue(today=today),
        notices_watched=notice_periods_watch(),
        update_requests_unsendable=update_requests_unsendable_tasks(today=today),
        marked_overdue=tasks_mark_overdue(today=today),
        digests=overdue_digests_send(today=today),
    )
