"""A child's case as its page shows it: where it stands, under which law, how it got there, the
attendance order steps served, and the moves its state allows now, each in that law's words."""

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from registers.actors import Actor
from registers.models import AttendanceOrderStep, CaseTransition, RegisterEntry
from registers.rules.attendance_orders import (
    TRIGGERS,
    StepKind,
    stage_label,
    step_date_label,
    step_kinds,
)
from registers.rules.cases import next_statuses, status_label
from registers.rules.codes import AttendanceOrderTrigger, CaseStatus, Regime
from registers.selectors.children import ChildPage, child_page_read


@dataclass(frozen=True)
class HistoryRow:
    """One move of the case: who made it, when, and why."""

    occurred_at: datetime
    from_label: str
    to_label: str
    by: str
    reason: str


@dataclass(frozen=True)
class StepRow:
    """One step of the attendance order process, as served."""

    label: str
    date_label: str
    served_on: date
    respond_by: date | None
    named_school: str
    trigger: str
    outcome: str
    by: str


@dataclass(frozen=True)
class Move:
    """A status the case may move to now, and the steps of the process that move records."""

    status: CaseStatus
    label: str
    steps: tuple[StepKind, ...]


@dataclass(frozen=True)
class CasePage:
    page: ChildPage
    # The current case (the child's newest live entry), or None for a child not on the register.
    entry: RegisterEntry | None
    status_label: str
    regime_label: str
    history: list[HistoryRow]
    steps: list[StepRow]
    moves: list[Move]
    # Why the attendance order process may begin, where the law gives a choice.
    triggers: tuple[AttendanceOrderTrigger, ...]


def _name(user) -> str:
    return str(user) if user is not None else "The service"


def case_moves(entry: RegisterEntry) -> list[Move]:
    """The moves the case's state allows now, in the workflow's order, in its law's words."""
    return [
        Move(
            status=status,
            label=status_label(regime=entry.regime, status=status),
            steps=step_kinds(regime=entry.regime, from_status=entry.status, to_status=status),
        )
        for status in next_statuses(regime=entry.regime, status=entry.status)
    ]


def case_page_get(*, actor: Actor, child_id: UUID | str) -> CasePage:
    """The case page of one child of the officer's LA, and one audit row naming the child.

    Another LA's child, an archived or an unknown one is ChildNotFound (a 404), audited as
    refused. Three statements besides the audit row, however long the case's history.
    """

    def read(page: ChildPage) -> CasePage:
        entry = page.entry
        if entry is None:
            return CasePage(page, None, "", "", [], [], [], ())
        regime = entry.regime
        history = [
            HistoryRow(
                occurred_at=move.occurred_at,
                from_label=status_label(regime=regime, status=move.from_status)
                if move.from_status
                else "",
                to_label=status_label(regime=regime, status=move.to_status),
                by=_name(move.actor),
                reason=move.reason,
            )
            for move in CaseTransition.objects.filter(entry=entry)
            .select_related("actor")
            .order_by("-occurred_at", "-id")
        ]
        steps = [
            StepRow(
                label=stage_label(regime=step.regime, stage=step.stage),
                date_label=step_date_label(regime=step.regime, stage=step.stage),
                served_on=step.served_on,
                respond_by=step.respond_by,
                named_school=step.named_school,
                trigger=step.get_trigger_display() if step.trigger else "",
                outcome=step.get_outcome_display() if step.outcome else "",
                by=_name(step.created_by),
            )
            for step in AttendanceOrderStep.objects.live()
            .filter(entry=entry)
            .select_related("created_by")
            .order_by("served_on", "created_at", "id")
        ]
        triggers = TRIGGERS[Regime(regime)]
        return CasePage(
            page=page,
            entry=entry,
            status_label=status_label(regime=regime, status=entry.status),
            regime_label=Regime(regime).label,
            history=history,
            steps=steps,
            moves=case_moves(entry),
            triggers=triggers if len(triggers) > 1 else (),
        )

    _, case = child_page_read(actor=actor, child_id=child_id, categories={"education"}, read=read)
    return case
