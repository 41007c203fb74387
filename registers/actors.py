"""Who is acting, and through which door: what services and the audit trail are told.

Services never see a request. A view, a Celery task, an API call or a command each describe
their caller as an Actor, so that the same service serves them all and the audit trail records
who did what, through which door, from which address.
"""

from dataclasses import dataclass

from django.http import HttpRequest

from registers.rules.codes import Door


@dataclass(frozen=True, kw_only=True)
class Actor:
    door: Door
    # The signed-in member of staff; None for a parent, a provider, the scheduler or a command.
    user: object | None = None
    client_address: str | None = None
    request_id: str = ""

    @classmethod
    def from_request(cls, request: HttpRequest, *, door: Door) -> "Actor":
        user = getattr(request, "user", None)
        return cls(
            door=door,
            user=user if user is not None and user.is_authenticated else None,
            client_address=request.META.get("REMOTE_ADDR") or None,
            request_id=getattr(request, "request_id", ""),
        )

    @property
    def authority_id(self) -> int | None:
        """The LA of the member of staff acting, if any."""
        return getattr(self.user, "authority_id", None)


SCHEDULER = Actor(door=Door.SCHEDULER)
COMMAND = Actor(door=Door.COMMAND)
