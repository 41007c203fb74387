"""Who is acting, and through which door: what services and the audit trail are told.

Services never see a request. A view, a Celery task, an API call or a command each describe
their caller as an Actor, so that the same service serves them all and the audit trail records
who did what, through which door, from which address.
"""

import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest

from registers.rules.codes import Door


def client_address(request: HttpRequest) -> str | None:
    """The address of the person's machine: the one address everything that needs it uses
    (the audit trail, the public rate limits, the sign-in lockout's records).

    Each of the CNIS_TRUSTED_PROXY_COUNT reverse proxies in front of the service appends the
    address that connected to it to X-Forwarded-For, so the client is the Nth entry from the
    right, and anything further left was written by the client and is not believed. With no
    trusted proxy, a header shorter than the chain, or an entry that is not an IP address, it
    is the connection's own address: perhaps the proxy's, never one the client chose.
    """
    connected = request.META.get("REMOTE_ADDR") or None
    proxies = settings.CNIS_TRUSTED_PROXY_COUNT
    if proxies < 1:
        return connected
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(forwarded) < proxies:
        return connected
    try:
        return str(ipaddress.ip_address(forwarded[-proxies].strip()))
    except ValueError:
        return connected


@dataclass(frozen=True, kw_only=True)
class Actor:
    door: Door
    # The signed-in member of staff; None for a parent, a provider, the scheduler or a command.
    user: object | None = None
    # The LA system's API token (registers.models.ApiToken), where the door is the API.
    api_token: object | None = None
    client_address: str | None = None
    request_id: str = ""

    @classmethod
    def from_request(cls, request: HttpRequest, *, door: Door) -> "Actor":
        user = getattr(request, "user", None)
        return cls(
            door=door,
            user=user if user is not None and user.is_authenticated else None,
            client_address=client_address(request),
            request_id=getattr(request, "request_id", ""),
        )

    @property
    def authority_id(self) -> int | None:
        """The LA of the member of staff acting, or of the API token, if any."""
        if self.api_token is not None:
            return self.api_token.authority_id
        return getattr(self.user, "authority_id", None)


SCHEDULER = Actor(door=Door.SCHEDULER)
COMMAND = Actor(door=Door.COMMAND)
