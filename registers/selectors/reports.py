"""The LA's reports for a period: the counts Freedom of Information requests, scrutiny
committees and the national collection ask for, as tables.

Everything is counted in the database, one aggregate statement a table or fewer, whatever the
size of the register; no child is named. The children counted are those on the register at any
time in the period: told of by its last day and not closed before its first. A child's status,
main reason, SEN provision and social care involvement are read as recorded today, their year
group as it was on the period's last day. Social care counts are given only to staff cleared
for safeguarding records.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from registers.models import (
    AttendanceOrderStep,
    ChildSafeguarding,
    LocalAuthority,
    StaffUser,
    SuitabilityDecision,
    Task,
    Visit,
)
from registers.models.staff import LA_ROLES
from registers.rules.codes import CaseStatus, PrimaryReason, SenProvision, YearGroup
from registers.rules.year_group import KEY_STAGES
from registers.selectors.dashboard import (
    Tally,
    code_tallies,
    register_breakdown,
    year_group_tallies,
)
from registers.selectors.register import register_entry_list

# Social care involvement: each safeguarding record's field, and how the report names it.
SOCIAL_CARE = (
    ("child_in_need", "Child in need"),
    ("child_protection_plan", "Child protection plan"),
    ("section_47_enquiry", "Section 47 enquiry"),
)
SOCIAL_CARE_WHEN = (
    (ChildSafeguarding.Status.CURRENT, "now"),
    (ChildSafeguarding.Status.PREVIOUS, "in the past"),
)


@dataclass(frozen=True)
class Table:
    """One table of the report: a code, a caption, its rows' heading, its rows, and what its
    figures count."""

    code: str
    caption: str
    heading: str
    rows: list[Tally]
    counted: str = "Children"


@dataclass(frozen=True)
class CaseloadRow:
    officer: str
    open_tasks: int
    overdue_tasks: int
    done_in_period: int


@dataclass(frozen=True)
class Report:
    starts: date
    ends: date
    children: int
    tables: list[Table]
    caseload: list[CaseloadRow]


def _on_register_during(authority: LocalAuthority, starts: date, ends: date):
    return (
        register_entry_list(authority=authority)
        .filter(notified_on__lte=ends)
        .exclude(closed_on__lt=starts)
    )


def _social_care(entries, starts: date, ends: date) -> Table:
    counts = entries.aggregate(
        **{
            f"{field}_{when}": Count(
                "child", filter=Q(**{f"child__safeguarding__{field}": when}), distinct=True
            )
            for field, _ in SOCIAL_CARE
            for when, _ in SOCIAL_CARE_WHEN
        }
    )
    return Table(
        "social_care",
        "Known to children's social care",
        "Involvement",
        [
            Tally(f"{field}_{when}", f"{label} ({words})", counts[f"{field}_{when}"])
            for field, label in SOCIAL_CARE
            for when, words in SOCIAL_CARE_WHEN
        ],
    )


def _visits(authority: LocalAuthority, starts: date, ends: date) -> list[Table]:
    """Visits offered in the period, those declined, those that took place in it, and the
    suitability decisions made in it: two statements."""
    counts = (
        Visit.objects.live()
        .filter(entry__authority=authority, entry__archived_at__isnull=True)
        .aggregate(
            offered=Count("pk", filter=Q(offered_on__range=(starts, ends))),
            refused=Count(
                "pk",
                filter=Q(offered_on__range=(starts, ends), status=Visit.Status.REFUSED),
            ),
            made=Count(
                "pk",
                filter=Q(status=Visit.Status.COMPLETED, visit_on__range=(starts, ends)),
            ),
        )
    )
    decided = dict(
        SuitabilityDecision.objects.live()
        .filter(
            entry__authority=authority,
            entry__archived_at__isnull=True,
            decided_on__range=(starts, ends),
        )
        .values_list("outcome")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return [
        Table(
            "visits",
            "Visits",
            "Visits",
            [
                Tally("offered", "Offered", counts["offered"]),
                Tally("refused", "Offered and declined", counts["refused"]),
                Tally("made", "Made", counts["made"]),
            ],
            counted="Visits",
        ),
        Table(
            "suitability",
            "Suitability decisions",
            "Decision",
            [
                Tally(code, label, decided.get(code, 0))
                for code, label in SuitabilityDecision.Outcome.choices
            ],
            counted="Decisions",
        ),
    ]


def _attendance_orders(authority: LocalAuthority, starts: date, ends: date) -> Table:
    served = (
        AttendanceOrderStep.objects.live()
        .filter(
            entry__authority=authority,
            entry__archived_at__isnull=True,
            served_on__range=(starts, ends),
        )
        .order_by()
        .values("stage")
        .annotate(steps=Count("pk"))
    )
    counts = {row["stage"]: row["steps"] for row in served}
    return Table(
        "attendance_orders",
        "Notices, attendance orders and prosecutions",
        "Stage",
        [
            Tally(code, label, counts.get(code, 0))
            for code, label in AttendanceOrderStep.Stage.choices
        ],
        counted="Steps recorded",
    )


def _caseload(
    authority: LocalAuthority, starts: date, ends: date, today: date
) -> list[CaseloadRow]:
    """Each of the LA's active staff with their open tasks, those overdue, and those done in
    the period: one statement."""
    live = Q(tasks__authority=authority, tasks__archived_at__isnull=True)
    open_task = live & Q(tasks__status=Task.Status.OPEN)
    staff = (
        StaffUser.objects.filter(authority=authority, is_active=True, role__in=LA_ROLES)
        .annotate(
            open_tasks=Count("tasks", filter=open_task),
            overdue_tasks=Count("tasks", filter=open_task & Q(tasks__due_on__lt=today)),
            done_in_period=Count(
                "tasks",
                filter=live
                & Q(
                    tasks__status=Task.Status.DONE,
                    tasks__completed_at__date__range=(starts, ends),
                ),
            ),
        )
        .order_by("full_name", "email")
    )
    return [
        CaseloadRow(str(member), member.open_tasks, member.overdue_tasks, member.done_in_period)
        for member in staff
    ]


def report_get(
    *, authority: LocalAuthority, user: StaffUser, starts: date, ends: date, today: date
) -> Report:
    """The LA's report for the period from `starts` to `ends`, both included: six statements,
    five for staff not cleared for safeguarding records."""
    entries = _on_register_during(authority, starts, ends)
    breakdown = register_breakdown(entries, on=ends)
    year_groups = year_group_tallies(breakdown["year"])
    by_number = {
        number: breakdown["year"].get(str(code), 0) for number, code in enumerate(YearGroup)
    }
    key_stages = [
        Tally(code, label, sum(by_number[number] for number in years))
        for code, label, years in KEY_STAGES
    ]
    tables = [
        Table("status", "Status today", "Status", code_tallies(CaseStatus, breakdown["status"])),
        Table(
            "reason",
            "Main reason for not being in school",
            "Main reason",
            code_tallies(PrimaryReason, breakdown["reason"]),
        ),
        Table("year_group", "Year group at the end of the period", "Year group", year_groups),
        Table("key_stage", "Key stage at the end of the period", "Key stage", key_stages),
        Table(
            "sen",
            "Special educational needs",
            "Provision",
            code_tallies(SenProvision, breakdown["sen"]),
        ),
    ]
    if user.can_view_safeguarding:
        tables.append(_social_care(entries, starts, ends))
    tables += _visits(authority, starts, ends)
    tables.append(_attendance_orders(authority, starts, ends))
    return Report(
        starts=starts,
        ends=ends,
        children=sum(breakdown["status"].values()),
        tables=tables,
        caseload=_caseload(authority, starts, ends, today),
    )
