"""Making secure links for information requests (s.436D update requests, s.436E provider
requests): a random secret for the email, its digest for the database, an expiry and the URL.

Looking a link up again is a read, in registers.selectors.links.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from registers.selectors.links import link_digest


def link_token_new() -> tuple[str, str]:
    """A fresh (token, digest) pair: the token goes in the email, the digest in the database."""
    token = secrets.token_urlsafe(32)
    return token, link_digest(token)


def link_expiry() -> timezone.datetime:
    return timezone.now() + timedelta(days=settings.CNIS_LINK_EXPIRY_DAYS)


def link_url(*, path: str) -> str:
    return settings.CNIS_PUBLIC_BASE_URL.rstrip("/") + path
