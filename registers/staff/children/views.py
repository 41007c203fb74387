"""Staff pages: thin views over selectors and services."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.forms import form_errors_add
from registers.models import AuditEvent, ChildSafeguarding
from registers.rules.codes import Door
from registers.selectors.register import ChildNotFound, child_get, register_entry_list
from registers.services.children import ChildDetails, child_register
from registers.staff.access import la_staff_required
from registers.staff.forms import ChildAddForm


@la_staff_required
def register(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(
        register_entry_list(authority=request.user.authority), settings.CNIS_REGISTER_PAGE_SIZE
    )
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "staff/register.html", {"page": page, "today": timezone.localdate()})


@la_staff_required
def child_record(request: HttpRequest, child_id: str) -> HttpResponse:
    """Show one child; every view, allowed or not, leaves exactly one audit row."""
    user = request.user
    try:
        with transaction.atomic():
            child = child_get(authority=user.authority, child_id=child_id)
            categories = [
                "identity",
                "address",
                "family",
                "education",
                "special_educational_needs",
            ]
            safeguarding = None
            if user.can_view_safeguarding:
                safeguarding = ChildSafeguarding.objects.filter(child=child).first()
                categories.append("safeguarding")
            audit_record(
                actor=Actor.from_request(request, door=Door.STAFF),
                action=AuditEvent.Action.VIEW,
                outcome=AuditEvent.Outcome.ALLOWED,
                object_type="child",
                object_id=str(child.pk),
                categories=categories,
            )
    except ChildNotFound:
        # Recorded outside the failed read's transaction, so that the refusal is kept.
        audit_record(
            actor=Actor.from_request(request, door=Door.STAFF),
            action=AuditEvent.Action.VIEW,
            outcome=AuditEvent.Outcome.DENIED,
            object_type="child",
            object_id=child_id,
        )
        raise
    return render(
        request,
        "staff/child.html",
        {"child": child, "safeguarding": safeguarding, "today": timezone.localdate()},
    )


@la_staff_required
@require_http_methods(["GET", "POST"])
def child_add(request: HttpRequest) -> HttpResponse:
    form = ChildAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = child_register(
                authority=request.user.authority,
                details=ChildDetails(**form.cleaned_data),
                actor=Actor.from_request(request, door=Door.STAFF),
            )
        except ApplicationError as error:
            form_errors_add(form, error)
        else:
            return redirect("staff:child", child_id=entry.child_id)
    return render(request, "staff/child_add.html", {"form": form})
