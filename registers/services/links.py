"""Secure links for information requests (s.436D update requests, s.436E provider requests).

The link carries a random secret; only its SHA-256 digest is stored, so a copy of the database
cannot be turned into working links. A link works once and until it expires.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from registers.errors import ApplicationError
from registers.models import InformationRequest


def link_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_token_new() -> tuple[str, str]:
    """A fresh (token, digest) pair: the token goes in the email, the digest in the database."""
    token = secrets.token_urlsafe(32)
    return token, link_digest(token)


def link_expiry() -> timezone.datetime:
    return timezone.now() + timedelta(days=settings.CNIS_LINK_EXPIRY_DAYS)


def link_url(*, path: str) -> str:
    return settings.CNIS_PUBLIC_BASE_URL.rstrip("/") + path


class LinkNotUsable(ApplicationError):
    """The link is unknown, used or expired; `reason` says which, for the page to explain."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__({"__all__": [reason]})


def information_request_for_link(*, token: str, kind: str) -> InformationRequest:
    """The open request a link stands for, locked for the answer; raises LinkNotUsable."""
    request = (
        InformationRequest.objects.select_for_update()
        .select_related("authority")
        .filter(token_digest=link_digest(token), kind=kind)
        .first()
    )
    if request is None:
        raise LinkNotUsable("unknown")
    if request.used_at is not None:
        raise LinkNotUsable("used")
    if request.expires_at <= timezone.now():
        raise LinkNotUsable("expired")
    return request
