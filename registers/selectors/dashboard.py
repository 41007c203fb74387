"""The officer's dashboard: the LA's register at a glance and the officer's own work waiting.

Counted in the database, never by reading children into Python: the register's size is the row
its triggers keep (register_size), its breakdowns one GROUP BY statement, its growth another,
and the work waiting one small statement each. The number of statements is the same whatever
the size of the register, and no child is named, so the page is not a read of any child's data.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, CharField, Count, Q, QuerySet, Value, When
from django.db.models.functions import TruncMonth

from registers.models import (
    AttendanceOrderStep,
    ConsentRequest,
    LocalAuthority,
    Notification,
    StaffUser,
    Task,
)
from registers.rules.codes import CaseStatus, PrimaryReason, SenProvision, YearGroup
from registers.rules.year_group import year_group_birth_dates
from registers.selectors.register import register_entry_list, register_size

# The code under which children outside Reception to Year 11 on the day are counted.
OTHER_AGES = "other"
OTHER_AGES_LABEL = "Outside Reception to Year 11"
# How far ahead "due soon" looks for the officer's tasks, and "running out" for a notice's
# period: a working week and a fortnight, long enough to act on before the day comes.
TASKS_DUE_WITHIN_DAYS = 7
NOTICE_RUNNING_OUT_WITHIN_DAYS = 14
# How many months the register's size over time shows, this month the last.
MONTHS_SHOWN = 12
# The stages of the attendance order process that give the parent a period to answer in.
NOTICE_STAGES = (
    AttendanceOrderStep.Stage.NOTICE_TO_SATISFY,
    AttendanceOrderStep.Stage.SCHOOL_NAMING_NOTICE,
    AttendanceOrderStep.Stage.PRELIMINARY_NOTICE,
    AttendanceOrderStep.Stage.SCHOOL_NOMINATION_NOTICE,
)
CONSENT_UNDECIDED = (ConsentRequest.Status.REQUESTED, ConsentRequest.Status.UNDER_ASSESSMENT)


@dataclass(frozen=True)
class Tally:
    """One line of a breakdown: a code, its label, how many."""

    code: str
    label: str
    count: int


@dataclass(frozen=True)
class MonthSize:
    month: date
    entries: int


@dataclass(frozen=True)
class Dashboard:
    on_register: int
    new_this_month: int
    by_status: list[Tally]
    by_reason: list[Tally]
    by_year_group: list[Tally]
    by_sen: list[Tally]
    size_over_time: list[MonthSize]
    my_tasks_overdue: int
    my_tasks_due_soon: int
    review_queue: int
    possible_duplicates: int
    consent_pending: int
    notices_running_out: int


def year_group_case(*, on: date, field: str = "child__date_of_birth") -> Case:
    """Each child's year group code on `on` from their date of birth, in SQL: one range of
    birth dates for each year group (rules.year_group), the rest OTHER_AGES."""
    return Case(
        *(
            When(
                **{f"{field}__range": year_group_birth_dates(number, on)},
                then=Value(str(code)),
            )
            for number, code in enumerate(YearGroup)
        ),
        default=Value(OTHER_AGES),
        output_field=CharField(),
    )


def year_group_tallies(counts: dict[str, int]) -> list[Tally]:
    """Year groups in order, Reception first, then the children of other ages."""
    return [Tally(str(code), code.label, counts.get(str(code), 0)) for code in YearGroup] + [
        Tally(OTHER_AGES, OTHER_AGES_LABEL, counts.get(OTHER_AGES, 0))
    ]


def code_tallies(code_list, counts: dict[str, int], *, keep_empty: bool = True) -> list[Tally]:
    """A code list's members in its own order, each with its count."""
    return [
        Tally(str(code), code.label, counts.get(str(code), 0))
        for code in code_list
        if keep_empty or counts.get(str(code))
    ]


def register_breakdown(entries: QuerySet, *, on: date) -> dict[str, dict[str, int]]:
    """How many of `entries` there are by status, main reason, SEN provision and year group on
    `on`, each a dictionary of code to count: one GROUP BY statement over the four together."""
    breakdown: dict[str, dict[str, int]] = {"status": {}, "reason": {}, "sen": {}, "year": {}}
    grouped = (
        entries.order_by()
        .annotate(year_group=year_group_case(on=on))
        .values("status", "primary_reason", "child__sen_provision", "year_group")
        .annotate(entries=Count("pk"))
    )
    for row in grouped:
        for name, key in (
            ("status", "status"),
            ("reason", "primary_reason"),
            ("sen", "child__sen_provision"),
            ("year", "year_group"),
        ):
            breakdown[name][row[key]] = breakdown[name].get(row[key], 0) + row["entries"]
    return breakdown


def _month_starts(today: date, months: int) -> list[date]:
    first = today.replace(day=1)
    starts = []
    for _ in range(months):
        starts.append(first)
        first = (first - timedelta(days=1)).replace(day=1)
    return starts[::-1]


def dashboard_get(*, authority: LocalAuthority, user: StaffUser, today: date) -> Dashboard:
    """The dashboard of `user`, an officer of `authority`, on `today`: seven statements whatever
    the register's size."""
    entries = register_entry_list(authority=authority).order_by()

    breakdown = register_breakdown(entries, on=today)

    # Only the months shown are read, a range of the register's index; the entries before them
    # are the register's size less those.
    on_register = register_size(authority=authority)
    months = _month_starts(today, MONTHS_SHOWN)
    by_month = (
        entries.filter(notified_on__gte=months[0])
        .annotate(month=TruncMonth("notified_on"))
        .values("month")
        .annotate(entries=Count("pk"))
    )
    notified = {row["month"]: row["entries"] for row in by_month}
    size_over_time, running = [], on_register - sum(notified.values())
    for month in months:
        running += notified.get(month, 0)
        size_over_time.append(MonthSize(month, running))

    soon = today + timedelta(days=TASKS_DUE_WITHIN_DAYS)
    mine = Q(assigned_to=user)
    tasks = (
        Task.objects.live()
        .filter(authority=authority, status=Task.Status.OPEN)
        .aggregate(
            overdue=Count("pk", filter=mine & Q(due_on__lt=today)),
            due_soon=Count("pk", filter=mine & Q(due_on__gte=today, due_on__lte=soon)),
            duplicates=Count("pk", filter=Q(kind=Task.Kind.POSSIBLE_DUPLICATE)),
        )
    )
    review_queue = Notification.objects.filter(
        authority=authority, reviewed_at__isnull=True
    ).count()
    consent_pending = (
        ConsentRequest.objects.live()
        .filter(authority=authority, status__in=CONSENT_UNDECIDED)
        .count()
    )
    notices_running_out = (
        AttendanceOrderStep.objects.live()
        .filter(
            entry__authority=authority,
            entry__archived_at__isnull=True,
            entry__closed_on__isnull=True,
            stage__in=NOTICE_STAGES,
            respond_by__range=(today, today + timedelta(days=NOTICE_RUNNING_OUT_WITHIN_DAYS)),
        )
        .count()
    )

    return Dashboard(
        on_register=on_register,
        new_this_month=notified.get(months[-1], 0),
        by_status=code_tallies(CaseStatus, breakdown["status"], keep_empty=False),
        by_reason=code_tallies(PrimaryReason, breakdown["reason"], keep_empty=False),
        by_year_group=year_group_tallies(breakdown["year"]),
        by_sen=code_tallies(SenProvision, breakdown["sen"]),
        size_over_time=size_over_time,
        my_tasks_overdue=tasks["overdue"],
        my_tasks_due_soon=tasks["due_soon"],
        review_queue=review_queue,
        possible_duplicates=tasks["duplicates"],
        consent_pending=consent_pending,
        notices_running_out=notices_running_out,
    )
