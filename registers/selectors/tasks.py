"""Reads of the officers' work: their tasks, and a team's caseload for its manager.

A task is its named officer's, else the officer of the case it belongs to: tasks made by the
services follow their case, so reassigning a case moves its open work with it.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404

from registers.actors import Actor
from registers.audit import audit_record
from registers.models import (
    AuditEvent,
    LocalAuthority,
    RegisterEntry,
    StaffUser,
    Task,
)
from registers.models.staff import LA_ROLES
from registers.selectors.paging import Page, PageAt, keyset_page
from registers.selectors.register import REGISTER_ORDER, register_entry_list

# My tasks lists the overdue and those due within this many days; later ones are counted.
DUE_SOON_DAYS = 14
# At most this many of each list are shown, oldest due first; the rest are counted.
TASK_LIST_LIMIT = 100
# What a line of a task list shows of a child: their name and the case's reference.
TASK_CATEGORIES = ("identity", "education")


class OfficerNotFound(Http404):
    """Another LA's officer answers exactly as one who does not exist."""


class TaskNotFound(Http404):
    """Another LA's task answers exactly as a task that does not exist."""


def open_tasks(*, authority: LocalAuthority) -> QuerySet[Task]:
    """The LA's open tasks, each with `owner_id`: its officer, else its case's officer."""
    return Task.objects.filter(authority=authority, status=Task.Status.OPEN).annotate(
        owner_id=Coalesce("assigned_to", "entry__assigned_officer")
    )


def _owned_by(user: StaffUser) -> Q:
    return Q(assigned_to=user) | Q(assigned_to__isnull=True, entry__assigned_officer=user)


@dataclass(frozen=True)
class TaskList:
    """One list of My tasks: the first TASK_LIST_LIMIT tasks and how many there are."""

    tasks: list[Task]
    count: int

    @property
    def more(self) -> int:
        return self.count - len(self.tasks)


@dataclass(frozen=True)
class MyTasks:
    overdue: TaskList
    due_soon: TaskList
    later: int
    today: date
    due_soon_until: date


def _task_list(tasks: QuerySet[Task]) -> TaskList:
    shown = list(tasks.select_related("entry__child").order_by("due_on", "id")[:TASK_LIST_LIMIT])
    return TaskList(tasks=shown, count=tasks.count())


def my_tasks_read(*, actor: Actor, today: date) -> MyTasks:
    """The acting officer's open tasks: overdue, due within DUE_SOON_DAYS, and how many later;
    with the audit row of the read, naming the children shown. The same statements whatever
    the number of tasks and children."""
    user = actor.user
    mine = open_tasks(authority=user.authority).filter(_owned_by(user))
    due_soon_until = today + timedelta(days=DUE_SOON_DAYS)
    with transaction.atomic():
        overdue = _task_list(mine.filter(due_on__lt=today))
        due_soon = _task_list(mine.filter(due_on__gte=today, due_on__lte=due_soon_until))
        later = mine.filter(due_on__gt=due_soon_until).count()
        children = {
            task.entry.child_id for task in overdue.tasks + due_soon.tasks if task.entry_id
        }
        audit_record(
            actor=actor,
            action=AuditEvent.Action.VIEW,
            outcome=AuditEvent.Outcome.ALLOWED,
            object_type="tasks",
            categories=TASK_CATEGORIES,
            children=sorted(children, key=str),
        )
    return MyTasks(
        overdue=overdue,
        due_soon=due_soon,
        later=later,
        today=today,
        due_soon_until=due_soon_until,
    )


def task_get(*, authority: LocalAuthority, task_id: int | str) -> Task:
    """One task of this LA, with its owner_id; another LA's answers 404."""
    try:
        return (
            Task.objects.annotate(owner_id=Coalesce("assigned_to", "entry__assigned_officer"))
            .select_related("entry")
            .get(authority=authority, pk=task_id)
        )
    except (Task.DoesNotExist, ValueError) as error:
        raise TaskNotFound("No such task") from error


def team_members(*, authority: LocalAuthority) -> list[StaffUser]:
    """The LA's active staff who may hold a caseload, by name."""
    return list(
        StaffUser.objects.filter(authority=authority, is_active=True, role__in=LA_ROLES).order_by(
            "full_name", "email"
        )
    )


@dataclass
class OfficerLoad:
    """One line of the caseload: an officer (None for work no one holds) and their counts."""

    officer: StaffUser | None
    open_cases: int = 0
    open_tasks: int = 0
    overdue_tasks: int = 0


# Who a caseload page lists: one officer's cases, or those no one holds.
UNASSIGNED = "unassigned"


@dataclass(frozen=True)
class Caseload:
    loads: list[OfficerLoad]
    officers: list[StaffUser]
    showing: StaffUser | None
    showing_unassigned: bool
    # A page of the cases shown, each with `overdue_tasks`.
    cases: Page[RegisterEntry] | None = None


def _open_cases(*, authority: LocalAuthority) -> QuerySet[RegisterEntry]:
    return register_entry_list(authority=authority).filter(closed_on__isnull=True)


def caseload_read(*, actor: Actor, today: date, showing: str, at: PageAt, size: int) -> Caseload:
    """The team's open cases and tasks per officer and, for the officer `showing` names (a
    member's id or UNASSIGNED), a page of their open cases with each case's overdue tasks; with
    the audit row of the read. The same statements whatever the size of the register."""
    authority = actor.user.authority
    officers = team_members(authority=authority)
    by_id = {officer.pk: officer for officer in officers}
    loads: dict[int | None, OfficerLoad] = {
        pk: OfficerLoad(officer) for pk, officer in by_id.items()
    }
    loads[None] = OfficerLoad(None)

    def load(officer_id: int | None) -> OfficerLoad:
        # Work still held by someone who has left the team shows as no one's.
        return loads[officer_id if officer_id in by_id else None]

    for row in (
        _open_cases(authority=authority)
        .order_by()
        .values("assigned_officer")
        .annotate(count=Count("pk"))
    ):
        load(row["assigned_officer"]).open_cases += row["count"]
    for row in (
        open_tasks(authority=authority)
        .order_by()
        .values("owner_id")
        .annotate(count=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
    ):
        line = load(row["owner_id"])
        line.open_tasks += row["count"]
        line.overdue_tasks += row["overdue"]

    shown_officer = by_id.get(int(showing)) if showing.isdigit() else None
    shown_unassigned = showing == UNASSIGNED
    if showing and not (shown_officer or shown_unassigned):
        raise OfficerNotFound("No such officer in the team")
    cases = None
    overdue_by_entry: dict = defaultdict(list)
    with transaction.atomic():
        if shown_officer or shown_unassigned:
            entries = _open_cases(authority=authority).filter(assigned_officer=shown_officer)
            cases = keyset_page(
                entries,
                key=REGISTER_ORDER,
                descending=True,
                at=at,
                size=size,
                count=loads[shown_officer.pk if shown_officer else None].open_cases,
            )
            for task in open_tasks(authority=authority).filter(
                entry__in=[entry.pk for entry in cases.rows], due_on__lt=today
            ):
                overdue_by_entry[task.entry_id].append(task)
            for entry in cases.rows:
                entry.overdue_tasks = overdue_by_entry[entry.pk]
        audit_record(
            actor=actor,
            action=AuditEvent.Action.VIEW,
            outcome=AuditEvent.Outcome.ALLOWED,
            object_type="caseload",
            categories=TASK_CATEGORIES if cases else (),
            children=[entry.child_id for entry in cases.rows] if cases else [],
        )
    return Caseload(
        loads=[*loads.values()],
        officers=officers,
        showing=shown_officer,
        showing_unassigned=shown_unassigned,
        cases=cases,
    )


def overdue_tasks_by_officer(*, today: date) -> dict[int, list[Task]]:
    """Every hosted LA's open tasks past their due date, by the active officer they belong to,
    each with its case and child: one statement, whatever the number of officers."""
    overdue = (
        Task.objects.filter(status=Task.Status.OPEN, due_on__lt=today)
        .annotate(owner_id=Coalesce("assigned_to", "entry__assigned_officer"))
        .filter(owner_id__isnull=False)
        .select_related("entry")
        .order_by("due_on", "id")
    )
    by_officer: dict[int, list[Task]] = defaultdict(list)
    for task in overdue:
        by_officer[task.owner_id].append(task)
    return dict(by_officer)
