"""What the API keeps: the tokens LA systems present, and the answers it must give again.

A token is shown once, when it is issued, and never stored: the register keeps a short public
prefix to find it by and a SHA-256 digest of the whole token to check it against. A token
belongs to one LA, carries scopes, expires, and can be revoked.
"""

import hashlib
import re

from django.conf import settings
from django.db import models
from django.utils import timezone

from registers.models.authorities import LocalAuthority

# A token reads "cnis_<prefix>_<secret>": the prefix finds the row, the whole token is checked.
TOKEN_START = "cnis_"
TOKEN_PATTERN = re.compile(r"^cnis_([0-9a-f]{12})_[A-Za-z0-9_-]{20,100}$")


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_prefix(token: str) -> str | None:
    """The prefix of something shaped like a token, or None."""
    shaped = TOKEN_PATTERN.match(token)
    return shaped.group(1) if shaped else None


class ApiScope(models.TextChoices):
    """What a token may do. Each route names the one scope it needs."""

    RETURNS_READ = "returns:read", "Read the termly return (counts only)"
    REGISTER_READ = "register:read", "Read the register: children and their cases"
    NOTIFICATIONS_WRITE = (
        "notifications:write",
        "Send notifications that a child is not in school",
    )


class ApiToken(models.Model):
    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="api_tokens"
    )
    # What the token is for, so that an LA admin knows which system holds it.
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=16, unique=True)
    digest = models.CharField(max_length=64)
    scopes = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # DRF reads the caller's `is_authenticated`; a token that authenticated a request is one.
    is_authenticated = True

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_live(self) -> bool:
        return not (self.is_revoked or self.is_expired)

    def scope_labels(self) -> list[str]:
        return [ApiScope(scope).label for scope in self.scopes if scope in ApiScope.values]


class IdempotentRequest(models.Model):
    """A POST made with an Idempotency-Key, and the answer it got, to give again on a retry.

    Keys are scoped to the LA. The fingerprint is the SHA-256 of the request body in canonical
    form, so that the same key sent with a different body can be refused.
    """

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="idempotent_requests"
    )
    token = models.ForeignKey(ApiToken, on_delete=models.PROTECT, related_name="+")
    key = models.CharField(max_length=64)
    path = models.CharField(max_length=200)
    fingerprint = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField()
    response = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "key"], name="idempotent_request_key_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.path} {self.key}"
