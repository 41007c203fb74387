"""Writes of the officers' work: completing a task, and a manager assigning cases."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.models import AuditEvent, RegisterEntry, StaffRole, StaffUser, Task
from registers.models.staff import LA_ROLES

TASK_NOT_OPEN = "This task has already been done or cancelled"
TASK_NOT_YOURS = "Only the officer the task belongs to, or a manager, can mark it as done"
CASES_MISSING = "Select the cases to reassign"
OFFICER_MISSING = "Select the officer to give the cases to"
CASES_GONE = "Some of the selected cases are closed or no longer on the register: reload the page"

MANAGERS = (StaffRole.MANAGER,)


@transaction.atomic
def task_complete(*, task: Task, actor: Actor) -> Task:
    """Mark an open task as done, by its officer or a manager; a task no longer open (done in
    another tab, or by someone else) is refused and left as it is."""
    user = actor.user
    task = (
        Task.objects.select_for_update(of=("self",))
        .select_related("entry")
        .get(pk=task.pk, authority=user.authority)
    )
    if task.status != Task.Status.OPEN:
        raise ApplicationError(TASK_NOT_OPEN)
    owner_id = task.assigned_to_id or (task.entry.assigned_officer_id if task.entry else None)
    if user.role not in MANAGERS and owner_id not in (None, user.pk):
        raise ApplicationError(TASK_NOT_YOURS)
    task.status = Task.Status.DONE
    task.completed_at = timezone.now()
    task.modified_by = user
    task.save(update_fields=["status", "completed_at", "modified_by", "modified_at"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        object_type="task",
        object_id=task.pk,
        children=[task.entry.child_id] if task.entry else [],
    )
    return task


@transaction.atomic
def cases_assign(*, actor: Actor, entry_ids: Iterable[str], officer_id: str) -> int:
    """Give open cases of the manager's LA to one of its officers, their open tasks with them;
    all or none. Returns how many cases were given."""
    authority = actor.user.authority
    entry_ids = sorted({str(entry_id) for entry_id in entry_ids})
    errors: dict[str, list[str]] = {}
    if not entry_ids:
        errors["cases"] = [CASES_MISSING]
    officer = (
        StaffUser.objects.filter(
            authority=authority, is_active=True, role__in=LA_ROLES, pk=officer_id
        ).first()
        if str(officer_id).isdigit()
        else None
    )
    if officer is None:
        errors["officer"] = [OFFICER_MISSING]
    if errors:
        raise ApplicationError(errors)
    try:
        entries = list(
            RegisterEntry.objects.select_for_update()
            .filter(
                authority=authority,
                pk__in=entry_ids,
                closed_on__isnull=True,
                archived_at__isnull=True,
            )
            .values_list("pk", "child_id")
        )
    except (ValueError, ValidationError) as error:
        # An id that is no case's id at all.
        raise ApplicationError({"cases": [CASES_GONE]}) from error
    if len(entries) != len(entry_ids):
        raise ApplicationError({"cases": [CASES_GONE]})
    ids = [entry_id for entry_id, _ in entries]
    RegisterEntry.objects.filter(pk__in=ids).update(
        assigned_officer=officer, modified_at=timezone.now()
    )
    # Open tasks follow their case: whoever held one by name gives it up with the case.
    Task.objects.filter(entry__in=ids, status=Task.Status.OPEN).exclude(
        assigned_to__isnull=True
    ).update(assigned_to=None, modified_at=timezone.now())
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        object_type="caseload",
        object_id=officer.pk,
        children=[child_id for _, child_id in entries],
    )
    return len(ids)
