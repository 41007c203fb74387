"""Issuing and revoking the API tokens an LA's systems use (docs/api.md).

The plain token is returned once, to be shown once; the register keeps its prefix, to find it
by, and a SHA-256 digest, to check it against. Tokens carry 256 random bits, so a plain digest
(no salt, no slow hash) is enough: no one can guess a token from its digest.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.intake.api_token import ApiTokenRequest
from registers.models import ApiToken, AuditEvent, LocalAuthority
from registers.models.api import TOKEN_START, token_digest

PREFIX_BYTES = 6
SECRET_BYTES = 32
TOKEN_NOT_FOUND = "No such token for this local authority"
TOKEN_ALREADY_REVOKED = "This token has already been revoked"
NOT_HOSTED = "{name}'s register is not kept by this service: a token for it would read nothing"


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    # Shown once to whoever issued it; never stored.
    plain: str


@transaction.atomic
def api_token_issue(
    *, authority: LocalAuthority, request: ApiTokenRequest, actor: Actor
) -> IssuedToken:
    """A new token for one LA's system, with its scopes and expiry, and an audit row."""
    if not authority.hosted:
        raise ApplicationError({"authority": [NOT_HOSTED.format(name=authority.name)]})
    prefix = secrets.token_hex(PREFIX_BYTES)
    plain = f"{TOKEN_START}{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"
    token = ApiToken.objects.create(
        authority=authority,
        name=request.name,
        prefix=prefix,
        digest=token_digest(plain),
        scopes=list(request.scopes),
        created_by=actor.user,
        expires_at=timezone.now() + timedelta(days=request.days),
    )
    audit_record(
        actor=actor,
        authority=authority,
        action=AuditEvent.Action.CREATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        object_type="api_token",
        object_id=token.pk,
    )
    return IssuedToken(token=token, plain=plain)


@transaction.atomic
def api_token_revoke(*, authority: LocalAuthority, prefix: str, actor: Actor) -> ApiToken:
    """Stop a token working, from its next request on; the row stays, with who revoked it."""
    token = ApiToken.objects.select_for_update().filter(authority=authority, prefix=prefix).first()
    if token is None:
        raise ApplicationError({"token": [TOKEN_NOT_FOUND]})
    if token.revoked_at is not None:
        raise ApplicationError({"token": [TOKEN_ALREADY_REVOKED]})
    token.revoked_at = timezone.now()
    token.revoked_by = actor.user
    token.save(update_fields=["revoked_at", "revoked_by"])
    audit_record(
        actor=actor,
        authority=authority,
        action=AuditEvent.Action.UPDATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        object_type="api_token",
        object_id=token.pk,
    )
    return token
