"""Staff pages for out-of-school education providers and their information requests (s.436E):
thin views over the provider selectors and the request service."""

from collections.abc import Sequence

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.rules.codes import Door
from registers.selectors.paging import PageAt
from registers.selectors.providers import (
    provider_get,
    provider_page_get,
    provider_request_children_named,
)
from registers.services.provider_requests import provider_request_send
from registers.staff.access import la_staff_required


def _provider_page(
    request: HttpRequest, provider_id: int, *, send_errors: Sequence[str] = ()
) -> HttpResponse:
    today = timezone.localdate()
    page = provider_page_get(
        actor=Actor.from_request(request, door=Door.STAFF),
        provider_id=provider_id,
        today=today,
        at=PageAt.from_query(request.GET),
        size=settings.CNIS_REGISTER_PAGE_SIZE,
    )
    return render(
        request,
        "staff/providers/provider.html",
        {
            "provider": page.provider,
            "children": page.children,
            "information_requests": page.information_requests,
            "respond_by_if_sent": page.respond_by_if_sent,
            "send_errors": send_errors,
            "today": today,
        },
    )


@la_staff_required
def provider_detail(request: HttpRequest, provider_id: int) -> HttpResponse:
    """The provider, the children of the register who attend it, and its requests."""
    if request.method not in ("GET", "HEAD"):
        # Another LA's provider is not found whatever the method, before the method is checked.
        provider_get(authority=request.user.authority, provider_id=provider_id)
        return HttpResponseNotAllowed(["GET"])
    return _provider_page(request, provider_id)


@la_staff_required
def provider_request_send_view(request: HttpRequest, provider_id: int) -> HttpResponse:
    # Another LA's provider is not found whatever the method, before the method is checked.
    provider = provider_get(authority=request.user.authority, provider_id=provider_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        information_request = provider_request_send(
            provider=provider, actor=Actor.from_request(request, door=Door.STAFF)
        )
    except ApplicationError as error:
        send_errors = [message for texts in error.errors.values() for message in texts]
        return _provider_page(request, provider.pk, send_errors=send_errors)
    named = provider_request_children_named(information_request=information_request)
    messages.success(
        request,
        f"Information request sent to {provider.email}, naming {named} "
        f"{'child' if named == 1 else 'children'}",
    )
    return redirect("staff:provider", provider_id=provider.pk)
