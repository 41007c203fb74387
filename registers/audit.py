"""The audit trail's one writer: who read or changed which record, when, through which door,
from where, with what outcome. Selectors record reads with it, services record changes.

Call it inside the transaction of the work it records, so that the row and the work commit
or fail together.
"""

from collections.abc import Iterable

from registers.actors import Actor
from registers.models import AuditEvent, LocalAuthority


def audit_event(
    *,
    actor: Actor,
    action: AuditEvent.Action,
    outcome: AuditEvent.Outcome,
    authority: LocalAuthority | None = None,
    object_type: str = "",
    object_id: object = "",
    categories: Iterable[str] = (),
    children: Iterable[object] = (),
) -> AuditEvent:
    """One event, not yet saved: for a service that writes it with the rows of the work it
    records, in one statement (registers.services.rows). Otherwise use `audit_record`.

    The LA is the one given, else the acting member of staff's. `children` names every child
    whose data the event shows or changes (their ids), so that "who has seen this child" is
    answered by one lookup, for a list page as for a record.
    """
    return AuditEvent(
        actor=actor.user,
        api_token=actor.api_token,
        authority_id=authority.pk if authority else actor.authority_id,
        door=actor.door,
        action=action,
        outcome=outcome,
        object_type=object_type,
        object_id=str(object_id),
        categories=sorted(categories),
        children=[str(child_id) for child_id in children],
        request_id=actor.request_id,
        ip_address=actor.client_address,
    )


def audit_record(**event) -> AuditEvent:
    """Record one event (the arguments of `audit_event`)."""
    recorded = audit_event(**event)
    recorded.save(force_insert=True)
    return recorded
