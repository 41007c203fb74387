"""Case histories on chosen dates, made through the case service as an officer's would be."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from registers.actors import COMMAND
from registers.models import Child, RegisterEntry
from registers.rules.codes import CaseStatus, NotificationSource
from registers.services.cases import register_entry_open, register_entry_transition

WHY = "Recorded for the test"


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """A moment on `day`, in the register's time zone."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@dataclass(frozen=True)
class Move:
    when: datetime
    status: CaseStatus
    closure_reason: str = ""
    cme_reason: str = ""
    eligibility_basis: str = ""


def registered(on: date, *, hour: int = 9, eligibility_basis: str = "") -> list[Move]:
    """Notified, checked and entered on the register on one day, from `hour`."""
    return [
        Move(at(on, hour), CaseStatus.NOTIFIED),
        Move(at(on, hour, 10), CaseStatus.ELIGIBILITY_CHECK),
        Move(at(on, hour, 20), CaseStatus.REGISTERED, eligibility_basis=eligibility_basis),
    ]


def case_history(*, child: Child, moves: Sequence[Move], **open_fields) -> RegisterEntry:
    """Open a case for the child with the first move and make the others, each on its date."""
    first, *later = moves
    entry = register_entry_open(
        authority=child.authority,
        child=child,
        status=first.status,
        source=NotificationSource.PARENT,
        actor=COMMAND,
        reason=WHY,
        occurred_at=first.when,
        **open_fields,
    )
    for move in later:
        entry = register_entry_transition(
            entry=entry,
            to_status=move.status,
            reason=WHY,
            actor=COMMAND,
            expected_version=entry.version,
            occurred_at=move.when,
            closure_reason=move.closure_reason,
            cme_reason=move.cme_reason,
            eligibility_basis=move.eligibility_basis,
        )
    return entry
