"""Reads of API tokens: the token a request presents, and an LA's tokens for its admin."""

import hmac

from django.db.models import QuerySet

from registers.models import ApiToken, LocalAuthority
from registers.models.api import token_digest, token_prefix


def api_token_presented(token: str) -> ApiToken | None:
    """The token row whose digest matches what was presented, with its LA; None for anything
    else. Revoked and expired tokens are returned: the caller says which, to their holder."""
    prefix = token_prefix(token)
    if prefix is None:
        return None
    found = ApiToken.objects.select_related("authority").filter(prefix=prefix).first()
    if found is None or not hmac.compare_digest(found.digest, token_digest(token)):
        return None
    return found


def api_token_list(*, authority: LocalAuthority) -> QuerySet[ApiToken]:
    """The LA's tokens, newest first, with who issued and revoked each."""
    return (
        ApiToken.objects.filter(authority=authority)
        .select_related("created_by", "revoked_by")
        .order_by("-created_at", "-id")
    )
