"""What the child record says of the family, from what the record has already read: where each
parent or carer lives, and whether the family would like support or advice (s.436G)."""

from collections.abc import Iterable

from django.template import Library
from django.utils import timezone

from registers.models import ChildAddress, Notification, Person
from registers.rules.codes import AddressKind
from registers.rules.deadlines import long_date

register = Library()


@register.filter
def lives_at(person: Person, addresses: Iterable[ChildAddress]) -> str:
    """Where a parent or carer lives, said against the child's home ("" if not known)."""
    if person.address_id is None:
        return ""
    home = {held.address_id for held in addresses if held.kind == AddressKind.CURRENT}
    if person.address_id in home:
        return "Lives at the child's home address"
    return f"Lives at {person.address}"


@register.filter
def support_wanted(notifications: Iterable[Notification]) -> str:
    """Whether the family would like support or advice, as the newest notification that asked
    says it ("" if none asked). `notifications` come newest first."""
    for notification in notifications:
        if isinstance(notification.payload, dict) and "wants_support" in notification.payload:
            answer = "Yes" if notification.payload["wants_support"] else "No"
            said_on = long_date(timezone.localtime(notification.received_at).date())
            return f"{answer}, said when notifying on {said_on}"
    return ""
