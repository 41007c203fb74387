"""Making secure links for information requests (s.436D update requests, s.436E provider
requests) and staff invitations: a random secret for the email, its digest for the database,
an expiry and the URL.

A link is made when the email that carries it is delivered, and only then (see
registers.services.outbox): the secret goes into the email and nowhere else, so no copy of the
database, the outbox included, holds a working link. Looking a link up again is a read, in
registers.selectors.links.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from registers.models import InformationRequest, OutboxMessage, StaffInvitation
from registers.selectors.links import link_digest

# The page each kind of request's link opens.
LINK_PAGES = {
    InformationRequest.Kind.PARENT_UPDATE: "public:update-request",
    InformationRequest.Kind.PROVIDER: "public:provider-request",
}


def link_token_new() -> tuple[str, str]:
    """A fresh (token, digest) pair: the token goes in the email, the digest in the database."""
    token = secrets.token_urlsafe(32)
    return token, link_digest(token)


def link_expiry() -> timezone.datetime:
    return timezone.now() + timedelta(days=settings.CNIS_LINK_EXPIRY_DAYS)


def link_url(*, path: str) -> str:
    return settings.CNIS_PUBLIC_BASE_URL.rstrip("/") + path


def information_request_link_make(*, email: OutboxMessage) -> str:
    """Make the link that `email` carries: a new secret, whose digest its request keeps from
    now on. Returns the link's URL, for the email alone.

    Call it in the transaction that sends the email: if sending fails, the digest is rolled
    back with it, and the next attempt makes another.
    """
    information_request = InformationRequest.objects.only("kind").get(email=email)
    token, digest = link_token_new()
    information_request.token_digest = digest
    information_request.save(update_fields=["token_digest", "modified_at"])
    page = LINK_PAGES[information_request.kind]
    return link_url(path=reverse(page, kwargs={"token": token}))


def staff_invitation_link_issue(*, invitation: StaffInvitation) -> str:
    """A new link for the invitation, working once and for CNIS_STAFF_INVITATION_DAYS; any
    link made for it before stops working. Returns the link's URL, for its one reader."""
    token, digest = link_token_new()
    invitation.token_digest = digest
    invitation.expires_at = timezone.now() + timedelta(days=settings.CNIS_STAFF_INVITATION_DAYS)
    invitation.save(update_fields=["token_digest", "expires_at"])
    return link_url(path=reverse("staff:invitation", kwargs={"token": token}))


def staff_invitation_link_make(*, email: OutboxMessage) -> str:
    """Make the link that an invitation's `email` carries (as information_request_link_make)."""
    return staff_invitation_link_issue(invitation=StaffInvitation.objects.get(email=email))


# The kind of link an email carries (its payload's LINK_FOR) -> what makes it.
LINK_MAKERS = {
    "information_request": information_request_link_make,
    "staff_invitation": staff_invitation_link_make,
}
