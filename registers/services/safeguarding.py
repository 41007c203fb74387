"""Recording what the LA knows of a child's safeguarding (prescribed items 13 to 15).

Kept apart from the rest of the record and shown only to cleared staff; every change is
audited, naming only the category, never the values.
"""

from datetime import date

from django.db import transaction

from registers.actors import Actor
from registers.audit import audit_record
from registers.models import AuditEvent, Child, ChildSafeguarding


@transaction.atomic
def child_safeguarding_record(
    *,
    child: Child,
    actor: Actor,
    section_47_enquiry: str = ChildSafeguarding.Status.NONE,
    child_protection_plan: str = ChildSafeguarding.Status.NONE,
    child_protection_plan_ended_on: date | None = None,
    child_in_need: str = ChildSafeguarding.Status.NONE,
    looked_after: bool = False,
    looked_after_reason: str = "",
) -> ChildSafeguarding:
    held = {
        "section_47_enquiry": section_47_enquiry,
        "child_protection_plan": child_protection_plan,
        "child_protection_plan_ended_on": child_protection_plan_ended_on,
        "child_in_need": child_in_need,
        "looked_after": looked_after,
        "looked_after_reason": looked_after_reason,
        "modified_by": actor.user,
    }
    record, _ = ChildSafeguarding.objects.update_or_create(
        child=child, defaults=held, create_defaults=held | {"created_by": actor.user}
    )
    audit_record(
        actor=actor,
        authority=child.authority,
        action=AuditEvent.Action.UPDATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        object_type="child",
        object_id=child.pk,
        categories=["safeguarding"],
        children=[child.pk],
    )
    return record
