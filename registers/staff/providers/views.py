"""Staff pages for out-of-school education providers and their information requests (s.436E)."""

from collections.abc import Sequence

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.models import AuditEvent, Provider
from registers.rules.codes import Door
from registers.rules.deadlines import days_beginning_with
from registers.selectors.providers import provider_children, provider_get, provider_request_list
from registers.services.provider_requests import provider_request_send
from registers.staff.access import la_staff_required


def _provider_page(
    request: HttpRequest, provider: Provider, *, send_errors: Sequence[str] = ()
) -> HttpResponse:
    today = timezone.localdate()
    with transaction.atomic():
        children = list(provider_children(provider=provider, today=today))
        audit_record(
            actor=Actor.from_request(request, door=Door.STAFF),
            action=AuditEvent.Action.VIEW,
            outcome=AuditEvent.Outcome.ALLOWED,
            object_type="provider",
            object_id=str(provider.pk),
            categories=["identity", "education"],
        )
    return render(
        request,
        "staff/providers/provider.html",
        {
            "provider": provider,
            "children": children,
            "information_requests": provider_request_list(provider=provider),
            "respond_by_if_sent": days_beginning_with(
                today, provider.authority.provider_response_period_days
            ),
            "send_errors": send_errors,
            "today": today,
        },
    )


@la_staff_required
def provider_detail(request: HttpRequest, provider_id: int) -> HttpResponse:
    """The provider, the children of the register who attend it, and its requests."""
    # Another LA's provider is not found whatever the method, before the method is checked.
    provider = provider_get(authority=request.user.authority, provider_id=provider_id)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    return _provider_page(request, provider)


@la_staff_required
def provider_request_send_view(request: HttpRequest, provider_id: int) -> HttpResponse:
    # Another LA's provider is not found whatever the method, before the method is checked.
    provider = provider_get(authority=request.user.authority, provider_id=provider_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        information_request, _ = provider_request_send(
            provider=provider, actor=Actor.from_request(request, door=Door.STAFF)
        )
    except ApplicationError as error:
        send_errors = [message for texts in error.errors.values() for message in texts]
        return _provider_page(request, provider, send_errors=send_errors)
    named = information_request.children.count()
    messages.success(
        request,
        f"Information request sent to {provider.email}, naming {named} "
        f"{'child' if named == 1 else 'children'}",
    )
    return redirect("staff:provider", provider_id=provider.pk)
