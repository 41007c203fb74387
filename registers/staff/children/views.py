"""The child record and adding a child: thin views over the children selector and service."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.forms import service_errors_show
from registers.intake.child import ChildAddDetails
from registers.rules.codes import Door
from registers.selectors.children import ChildPage, child_record_get
from registers.selectors.timeline import child_timeline_get
from registers.services.children import child_register
from registers.staff.access import la_staff_required
from registers.staff.children.forms import ChildAddForm
from registers.staff.children.tabs import child_tabs


def _tab_context(request: HttpRequest, page: ChildPage) -> dict[str, object]:
    """What the record's layout shows on every tab: the identity bar and the tabs."""
    return {
        "child": page.child,
        "entry": page.entry,
        "tabs": child_tabs(child_id=page.child.pk, current=request.resolver_match.view_name),
        "today": timezone.localdate(),
    }


@la_staff_required
def child_record(request: HttpRequest, child_id: str) -> HttpResponse:
    """Show one child; the selector leaves exactly one audit row per view, allowed or not."""
    record = child_record_get(
        actor=Actor.from_request(request, door=Door.STAFF), child_id=child_id
    )
    page = ChildPage(child=record.child, entries=record.entries)
    return render(
        request,
        "staff/children/record.html",
        _tab_context(request, page)
        | {"record": record, "safeguarding": record.safeguarding, "editable": page.editable},
    )


@la_staff_required
def child_timeline(request: HttpRequest, child_id: str) -> HttpResponse:
    """Everything that has happened on the child's record, newest first."""
    timeline = child_timeline_get(
        actor=Actor.from_request(request, door=Door.STAFF), child_id=child_id
    )
    return render(
        request,
        "staff/children/timeline.html",
        _tab_context(request, timeline.page) | {"items": timeline.items},
    )


@la_staff_required
@require_http_methods(["GET", "POST"])
def child_add(request: HttpRequest) -> HttpResponse:
    form = ChildAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = child_register(
                authority=request.user.authority,
                details=ChildAddDetails(**form.cleaned_data),
                actor=Actor.from_request(request, door=Door.STAFF),
            )
        except ApplicationError as error:
            service_errors_show(form, error)
        else:
            return redirect("staff:child", child_id=entry.child_id)
    return render(request, "staff/child_add.html", {"form": form})
