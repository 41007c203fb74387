"""Opening a case and moving it through the workflow: the only writers of an entry's status.

Which moves are allowed is a pure rule (registers.rules.cases); here each move is made under a
row lock, checked against the version the officer saw, and recorded: who, through which door,
when and why, in the case's history and in the audit trail.
"""

from dataclasses import replace
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.models import (
    AttendanceOrderStep,
    AuditEvent,
    CaseTransition,
    Child,
    LocalAuthority,
    RegisterEntry,
    StaffUser,
)
from registers.rules.attendance_orders import (
    StepDetails,
    respond_by,
    stage_label,
    step_errors,
    step_kinds,
    trigger_given,
)
from registers.rules.cases import (
    ELIGIBILITY_BASIS_UNKNOWN,
    OPENING_STATUSES,
    transition_errors,
)
from registers.rules.codes import (
    CaseStatus,
    CmeReason,
    EligibilityBasis,
    NotificationSource,
    PreviousSchoolType,
    PrimaryReason,
)
from registers.services.references import reference_new

STALE = "This case has changed since you opened the page – check it and try again"
ARCHIVED = "This case has been archived, so its status cannot change"
NOT_AN_OPENING_STATUS = (
    "A new case can only start as Notified, Eligibility check or Consent pending"
)
OPEN_REASON_MISSING = "Enter why the case is being opened"
ALREADY_OPEN = "This child already has an open case – use that case instead"
OTHER_AUTHORITY = "This child is on another local authority's register"
IN_THE_FUTURE = "The date of the change must be today or in the past"
BEFORE_LAST_CHANGE = "The date of the change must be on or after the case's last change"
NOTIFIED_AFTER_OPENING = (
    "The date the local authority was told must be on or before the day the case opens"
)


class StaleEntry(ApplicationError):
    """The case moved after the page was loaded; nothing was changed."""


def _occurred_at_errors(occurred_at: datetime, *, after: datetime | None = None) -> list[str]:
    # A past date is for imports and generated histories; a future one would put the history
    # behind the national return out of step with the calendar.
    if occurred_at > timezone.now():
        return [IN_THE_FUTURE]
    if after is not None and occurred_at < after:
        return [BEFORE_LAST_CHANGE]
    return []


def register_entry_opening(
    *,
    authority: LocalAuthority,
    child: Child,
    status: CaseStatus,
    source: NotificationSource,
    actor: Actor,
    reason: str,
    notified_on: date | None = None,
    occurred_at: datetime | None = None,
    primary_reason: PrimaryReason = PrimaryReason.UNKNOWN,
    previous_school_name: str = "",
    previous_school_urn: str = "",
    previous_school_type: PreviousSchoolType = PreviousSchoolType.ELSEWHERE_OR_UNKNOWN,
    still_on_roll: bool = False,
    eligibility_basis: EligibilityBasis | str = "",
    assigned_officer: StaffUser | None = None,
) -> tuple[RegisterEntry, CaseTransition]:
    """A new case for the child and its first step in the history, checked and not yet saved:
    for a writer that saves them with the rest of its work in one statement (the intake).
    Otherwise use `register_entry_open`, which saves them.

    `notified_on` defaults to the local date of `occurred_at`, which defaults to now. A child
    not saved yet (made in the same work) has no case, so nothing is read to check that.
    """
    occurred_at = occurred_at or timezone.now()
    errors: dict[str, list[str]] = {}
    if status not in OPENING_STATUSES:
        errors["status"] = [NOT_AN_OPENING_STATUS]
    if not reason.strip():
        errors["reason"] = [OPEN_REASON_MISSING]
    if eligibility_basis and eligibility_basis not in EligibilityBasis.values:
        errors["eligibility_basis"] = [ELIGIBILITY_BASIS_UNKNOWN]
    if occurred_at_errors := _occurred_at_errors(occurred_at):
        errors["occurred_at"] = occurred_at_errors
    # Told before the case opened, or that day: the national return finds the cases that stood
    # on a census date by this date, so none may start its history before it.
    if notified_on is not None and notified_on > timezone.localdate(occurred_at):
        errors["notified_on"] = [NOTIFIED_AFTER_OPENING]
    if child.authority_id != authority.pk:
        errors["__all__"] = [OTHER_AUTHORITY]
    elif (
        not child._state.adding
        and RegisterEntry.objects.live().filter(child=child, closed_on__isnull=True).exists()
    ):
        # The database allows one open entry per child; this says so before it has to.
        errors["__all__"] = [ALREADY_OPEN]
    if errors:
        raise ApplicationError(errors)

    entry = RegisterEntry(
        authority=authority,
        child=child,
        reference=reference_new(),
        status=CaseStatus(status),
        regime=authority.regime,
        source=source,
        eligibility_basis=eligibility_basis,
        primary_reason=primary_reason,
        previous_school_name=previous_school_name.strip(),
        previous_school_urn=previous_school_urn.strip(),
        previous_school_type=previous_school_type,
        still_on_roll=still_on_roll,
        notified_on=notified_on or timezone.localdate(occurred_at),
        status_since=occurred_at,
        assigned_officer=assigned_officer,
        created_by=actor.user,
        modified_by=actor.user,
    )
    first_step = CaseTransition(
        entry=entry,
        from_status="",
        to_status=status,
        occurred_at=occurred_at,
        actor=actor.user,
        door=actor.door,
        reason=reason.strip(),
    )
    return entry, first_step


@transaction.atomic
def register_entry_open(*, record_audit: bool = True, **opening) -> RegisterEntry:
    """Open a new case for the child (the arguments of `register_entry_opening`), worked under
    the LA's current law, with its first step in the history and an audit event.

    A caller that records the whole action in its own audit event (adding a child records the
    child) passes `record_audit=False`, so that one action is one event.
    """
    entry, first_step = register_entry_opening(**opening)
    entry.save(force_insert=True)
    first_step.save(force_insert=True)
    if record_audit:
        audit_record(
            actor=opening["actor"],
            action=AuditEvent.Action.CREATE,
            outcome=AuditEvent.Outcome.ALLOWED,
            authority=entry.authority,
            object_type="register_entry",
            object_id=entry.pk,
            categories=["education"],
            children=[entry.child_id],
        )
    return entry


def _entry_locked(entry: RegisterEntry, expected_version: int) -> RegisterEntry:
    """The entry, locked for the move, if it is still as the officer saw it and not archived."""
    locked = (
        RegisterEntry.objects.select_related("authority")
        .select_for_update(of=("self",))
        .get(pk=entry.pk)
    )
    if locked.version != expected_version:
        raise StaleEntry(STALE)
    if locked.archived_at is not None:
        raise ApplicationError(ARCHIVED)
    return locked


def _move_errors(
    locked: RegisterEntry,
    *,
    to_status: CaseStatus | str,
    reason: str,
    occurred_at: datetime,
    closure_reason: str,
    eligibility_basis: str,
    cme_reason: str,
) -> dict[str, list[str]]:
    """Everything wrong with a move of a locked entry, by field (the rules' table and answers,
    and the moment it is dated)."""
    errors = transition_errors(
        regime=locked.regime,
        from_status=locked.status,
        to_status=to_status,
        reason=reason,
        closure_reason=closure_reason,
        eligibility_basis=eligibility_basis,
        cme_reason=cme_reason,
    )
    last_change = (
        locked.transitions.order_by("-occurred_at").values_list("occurred_at", flat=True).first()
    )
    if occurred_at_errors := _occurred_at_errors(occurred_at, after=last_change):
        errors["occurred_at"] = occurred_at_errors
    return errors


def _move_apply(
    locked: RegisterEntry,
    *,
    to_status: CaseStatus,
    reason: str,
    actor: Actor,
    occurred_at: datetime,
    closure_reason: str,
    eligibility_basis: str,
    cme_reason: str,
) -> CaseTransition:
    """Make a checked move of a locked entry: its new status, the step in its history, and the
    audit event."""
    from_status, to_status = locked.status, CaseStatus(to_status)
    on = timezone.localdate(occurred_at)
    locked.status = to_status
    locked.status_since = occurred_at
    locked.version += 1
    locked.modified_by = actor.user
    changed = ["status", "status_since", "version", "modified_by", "modified_at"]
    if to_status == CaseStatus.REGISTERED and locked.registered_on is None:
        # The day the child was first entered on the register: the update-request interval
        # (s.436D) and the L2 period run from it, so a later return to Registered keeps it.
        locked.registered_on = on
        changed.append("registered_on")
    if eligibility_basis:
        locked.eligibility_basis = eligibility_basis
        changed.append("eligibility_basis")
    if to_status == CaseStatus.CLOSED:
        locked.closed_on = on
        locked.closure_reason = closure_reason
        changed += ["closed_on", "closure_reason"]
    locked.save(update_fields=changed)

    transition = CaseTransition.objects.create(
        entry=locked,
        from_status=from_status,
        to_status=to_status,
        occurred_at=occurred_at,
        actor=actor.user,
        door=actor.door,
        reason=reason.strip(),
        cme_reason=(cme_reason or CmeReason.NOT_RECORDED) if to_status == CaseStatus.CME else "",
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=locked.authority,
        object_type="register_entry",
        object_id=locked.pk,
        categories=["education"],
        children=[locked.child_id],
    )
    return transition


@transaction.atomic
def register_entry_transition(
    *,
    entry: RegisterEntry,
    to_status: CaseStatus,
    reason: str,
    actor: Actor,
    expected_version: int,
    occurred_at: datetime | None = None,
    closure_reason: str = "",
    eligibility_basis: EligibilityBasis | str = "",
    cme_reason: CmeReason | str = "",
) -> RegisterEntry:
    """Move the case to `to_status`, if its law allows the move, and record who moved it,
    through which door, when and why. Returns the entry as saved.

    `expected_version` is the entry's version on the page the officer acted from: if anyone
    has moved the case since, the move is refused (`StaleEntry`) rather than made on top.
    Any refusal is an ApplicationError by field and changes nothing. `closure_reason` is
    needed, and read, only when closing; `eligibility_basis` is kept whenever it is given.
    `cme_reason` is why a child moving to missing education is missing it (the national
    return reports it); a move there without one is recorded as "Not recorded".

    An officer's move from the case page is `case_move`, which also records the step of the
    attendance order process the move makes.
    """
    occurred_at = occurred_at or timezone.now()
    locked = _entry_locked(entry, expected_version)
    errors = _move_errors(
        locked,
        to_status=to_status,
        reason=reason,
        occurred_at=occurred_at,
        closure_reason=closure_reason,
        eligibility_basis=eligibility_basis,
        cme_reason=cme_reason,
    )
    if errors:
        raise ApplicationError(errors)
    _move_apply(
        locked,
        to_status=to_status,
        reason=reason,
        actor=actor,
        occurred_at=occurred_at,
        closure_reason=closure_reason,
        eligibility_basis=eligibility_basis,
        cme_reason=cme_reason,
    )
    return locked


@transaction.atomic
def case_move(
    *,
    entry: RegisterEntry,
    to_status: CaseStatus | str,
    reason: str,
    actor: Actor,
    expected_version: int,
    closure_reason: str = "",
    cme_reason: CmeReason | str = "",
    step: StepDetails | None = None,
) -> RegisterEntry:
    """An officer's move of the case, with the step of the attendance order process it makes
    (a notice or order served, a prosecution begun or ended), in one transaction.

    Refused as `register_entry_transition` refuses, and also when the step's details are
    missing or its date out of order (in the future, before the LA was told about the child,
    or before the process's last step). Every problem is reported at once, by field; a refusal
    changes nothing.
    """
    step = step or StepDetails()
    occurred_at = timezone.now()
    locked = _entry_locked(entry, expected_version)
    regime, from_status = locked.regime, locked.status
    errors = _move_errors(
        locked,
        to_status=to_status,
        reason=reason,
        occurred_at=occurred_at,
        closure_reason=closure_reason,
        eligibility_basis="",
        cme_reason=cme_reason,
    )
    kinds = (
        step_kinds(regime=regime, from_status=from_status, to_status=to_status)
        if "status" not in errors
        else ()
    )
    trigger = trigger_given(regime=regime, trigger=step.trigger)
    if kinds:
        last = (
            AttendanceOrderStep.objects.filter(entry=locked)
            .order_by("-served_on", "-created_at")
            .values_list("stage", "served_on")
            .first()
        )
        errors |= step_errors(
            regime=regime,
            kinds=kinds,
            details=replace(step, trigger=trigger),
            notified_on=locked.notified_on,
            last_step=(stage_label(regime=regime, stage=last[0]), last[1]) if last else None,
            today=timezone.localdate(occurred_at),
        )
    if errors:
        raise ApplicationError(errors)

    transition = _move_apply(
        locked,
        to_status=to_status,
        reason=reason,
        actor=actor,
        occurred_at=occurred_at,
        closure_reason=closure_reason,
        eligibility_basis="",
        cme_reason=cme_reason,
    )
    authority = locked.authority
    AttendanceOrderStep.objects.bulk_create(
        AttendanceOrderStep(
            entry=locked,
            transition=transition,
            regime=regime,
            stage=kind.stage,
            trigger=trigger if kind.trigger else "",
            served_on=step.served_on,
            respond_by=respond_by(
                kind=kind,
                served_on=step.served_on,
                periods={kind.period: getattr(authority, kind.period)} if kind.period else {},
            ),
            named_school=step.named_school.strip() if kind.school else "",
            outcome=step.outcome if kind.outcome else "",
            notes=reason.strip(),
            created_by=actor.user,
            modified_by=actor.user,
        )
        for kind in kinds
    )
    return locked
