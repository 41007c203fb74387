"""Writing the audit trail: who did what to which record, when, from where, with what outcome."""

from collections.abc import Iterable

from django.http import HttpRequest

from registers.models import AuditEvent, LocalAuthority


def _client_ip(request: HttpRequest) -> str | None:
    # REMOTE_ADDR is the proxy's address behind a load balancer; the deployment sets the
    # proxy to overwrite it (see docs/deploying.md), so forwarded headers are not trusted here.
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    request: HttpRequest | None,
    action: AuditEvent.Action,
    outcome: AuditEvent.Outcome,
    authority: LocalAuthority | None = None,
    object_type: str = "",
    object_id: object = "",
    categories: Iterable[str] = (),
) -> AuditEvent:
    """Record one event. Call inside the transaction of the work.

    The actor is the request's signed-in user (none for a parent, a provider or the
    scheduler, whose `request` is None). The LA is the one given, else the actor's.
    """
    user = getattr(request, "user", None)
    actor = user if user is not None and user.is_authenticated else None
    return AuditEvent.objects.create(
        actor=actor,
        authority_id=authority.pk if authority else getattr(actor, "authority_id", None),
        action=action,
        outcome=outcome,
        object_type=object_type,
        object_id=str(object_id),
        categories=sorted(categories),
        request_id=getattr(request, "request_id", ""),
        ip_address=_client_ip(request) if request is not None else None,
    )
