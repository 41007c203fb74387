"""Looking up what a secure link stands for (s.436D update requests, s.436E provider requests).

The link carries a random secret; only its SHA-256 digest is stored, so a copy of the database
cannot be turned into working links. A link works once and until it expires. Making links is
a write, in registers.services.links.
"""

import hashlib
from collections.abc import Iterable

from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.models import AuditEvent, InformationRequest, StaffInvitation


def link_digest(token: str) -> str:
    """What the database keeps of a link's secret, and looks the link up by."""
    return hashlib.sha256(token.encode()).hexdigest()


class LinkNotUsable(ApplicationError):
    """The link is unknown, used or expired; `reason` says which, for the page to explain."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__({"__all__": [reason]})


def information_request_for_link(*, token: str, kind: str) -> InformationRequest:
    """The open request a link stands for, locked for the answer; raises LinkNotUsable.

    Call it inside a transaction: the row stays locked until the answer is recorded, so that
    two answers sent at once cannot both use the link.
    """
    request = (
        InformationRequest.objects.select_for_update()
        .select_related("authority")
        .filter(token_digest=link_digest(token), kind=kind)
        .first()
    )
    return _usable(request)


def _usable(row):
    """The row a link stands for, if it may still be used; raises LinkNotUsable."""
    if row is None:
        raise LinkNotUsable("unknown")
    if row.used_at is not None:
        raise LinkNotUsable("used")
    if row.expires_at <= timezone.now():
        raise LinkNotUsable("expired")
    return row


def staff_invitation_for_link(*, token: str, lock: bool = True) -> StaffInvitation:
    """The invitation a link stands for, locked (inside a transaction) while it is accepted;
    raises LinkNotUsable. An invitation to an account deactivated since is an unknown one."""
    invitations = StaffInvitation.objects.select_related("user__authority")
    if lock:
        invitations = invitations.select_for_update(of=("self",))
    invitation = invitations.filter(token_digest=link_digest(token), user__is_active=True).first()
    return _usable(invitation)


def link_read_record(
    *,
    actor: Actor,
    information_request: InformationRequest,
    children: Iterable[object],
    categories: Iterable[str],
) -> None:
    """The audit row of one page opened through a link: the children whose data it shows.

    A link's holder is no member of staff, so the row names the LA that sent the request.
    Call it in the transaction that read the children.
    """
    audit_record(
        actor=actor,
        action=AuditEvent.Action.VIEW,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=information_request.authority,
        object_type="information_request",
        object_id=information_request.pk,
        categories=categories,
        children=children,
    )
