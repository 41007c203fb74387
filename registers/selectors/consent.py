"""Reads behind consent requests (s.434A): a child's requests, and one of them. A Condition B
request (section 47 enquiries, a child protection plan) is safeguarding information: its
condition is shown only to staff cleared for it, and its read is audited as such."""

from dataclasses import dataclass
from uuid import UUID

from django.http import Http404

from registers.actors import Actor
from registers.audit import audit_record
from registers.models import AuditEvent, ConsentRequest
from registers.selectors.children import SAFEGUARDING_CATEGORY, ChildPage, child_page_read
from registers.selectors.letters import SAFEGUARDING_CONDITIONS

CONDITION_WITHHELD = "Withheld: safeguarding information"


class ConsentRequestNotFound(Http404):
    """Another child's or LA's request answers as one that does not exist."""


@dataclass(frozen=True)
class ConsentRequestShown:
    request: ConsentRequest
    # The condition as the reader may see it.
    condition: str


def _shown(request: ConsentRequest, user) -> ConsentRequestShown:
    withheld = request.condition in SAFEGUARDING_CONDITIONS and not user.can_view_safeguarding
    return ConsentRequestShown(
        request=request,
        condition=CONDITION_WITHHELD if withheld else request.get_condition_display(),
    )


def _categories(user) -> set[str]:
    return {"education", SAFEGUARDING_CATEGORY} if user.can_view_safeguarding else {"education"}


def _requests(page: ChildPage):
    return (
        ConsentRequest.objects.live()
        .filter(child=page.child, authority=page.child.authority_id)
        .select_related("decided_by", "created_by")
        .order_by("-requested_on", "-id")
    )


def child_consent_get(
    *, actor: Actor, child_id: UUID | str
) -> tuple[ChildPage, list[ConsentRequestShown]]:
    """The child's consent requests, newest first; one audit row naming the child."""
    return child_page_read(
        actor=actor,
        child_id=child_id,
        categories=_categories(actor.user),
        read=lambda page: [_shown(request, actor.user) for request in _requests(page)],
    )


def consent_request_get(
    *, actor: Actor, child_id: UUID | str, consent_id: int
) -> tuple[ChildPage, ConsentRequestShown]:
    """One of the child's consent requests; one audit row naming the child."""
    page, shown = child_page_read(
        actor=actor,
        child_id=child_id,
        categories=_categories(actor.user),
        read=lambda page: [
            _shown(request, actor.user) for request in _requests(page).filter(pk=consent_id)
        ],
    )
    if not shown:
        raise ConsentRequestNotFound("No such consent request")
    return page, shown[0]


def consent_request_known(*, actor: Actor, child_id: UUID | str, consent_id: int) -> None:
    """Check, for a page the reader may not use, that the request is one of their LA's, without
    reading it: one DENIED audit row naming it, and ConsentRequestNotFound if it is not."""
    known = (
        ConsentRequest.objects.live()
        .filter(authority=actor.user.authority, child_id=child_id, pk=consent_id)
        .exists()
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.VIEW,
        outcome=AuditEvent.Outcome.DENIED,
        object_type="consent_request",
        object_id=consent_id,
    )
    if not known:
        raise ConsentRequestNotFound("No such consent request")


def consent_pending_count(*, authority) -> int:
    """How many of the LA's consent requests wait for a decision (for the dashboard)."""
    return (
        ConsentRequest.objects.live()
        .filter(
            authority=authority,
            status__in=[ConsentRequest.Status.REQUESTED, ConsentRequest.Status.UNDER_ASSESSMENT],
        )
        .count()
    )
