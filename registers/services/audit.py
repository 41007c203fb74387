"""Writing the audit trail: who did what to which record, when, from where, with what outcome."""

from collections.abc import Iterable

from django.http import HttpRequest

from registers.models import AuditEvent


def _client_ip(request: HttpRequest) -> str | None:
    # REMOTE_ADDR is the proxy's address behind a load balancer; the deployment sets the
    # proxy to overwrite it (see docs/deploying.md), so forwarded headers are not trusted here.
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    request: HttpRequest,
    action: AuditEvent.Action,
    outcome: AuditEvent.Outcome,
    object_type: str = "",
    object_id: str = "",
    categories: Iterable[str] = (),
) -> AuditEvent:
    """Record one event for the request's user. Call inside the transaction of the work."""
    user = getattr(request, "user", None)
    actor = user if user is not None and user.is_authenticated else None
    return AuditEvent.objects.create(
        actor=actor,
        authority_id=getattr(actor, "authority_id", None),
        action=action,
        outcome=outcome,
        object_type=object_type,
        object_id=str(object_id),
        categories=sorted(categories),
        request_id=getattr(request, "request_id", ""),
        ip_address=_client_ip(request),
    )
